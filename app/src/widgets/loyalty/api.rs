//! The loyalty widget's server functions: public endpoints behind the widget gate.

use super::form::JoinForm;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the widget shows before the form: the programmes one joins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoyaltyOffer {
    pub privacy_policy_url: String,
    /// Each active programme's name and its rewards ("Free bun · 10").
    pub programmes: Vec<(String, String)>,
}

/// The answer to joining, the same for a new address and a known one: the browser's token
/// (linked to the new customer; for a known address, or a bot, one that links nothing). The
/// card is on the customer's own page, behind the mailed link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinDone {
    pub visitor: String,
}

/// The offer in the widget's language `lang` where the site writes in it, else in the site's
/// default language (never a mix of the two).
#[server(prefix = "/w", endpoint = "loyalty_offer", output = crate::widgets::wire::Answer)]
pub async fn get_loyalty_offer(#[server(default)] lang: String) -> Result<LoyaltyOffer, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Loyalty).await?;
            let pool = crate::server_ctx::pool()?;
            let language = caller.site.text_language(crate::widgets::texts::Lang::from_tag(&lang).code()).to_owned();
            let programmes = super::db::offer(&pool, &caller.site, &language).await?;
            Ok(LoyaltyOffer { privacy_policy_url: caller.site.privacy_policy_url, programmes })
        }
        .await,
    )
}

#[server(prefix = "/w", endpoint = "loyalty_join", output = crate::widgets::wire::Answer)]
pub async fn join_loyalty(form: JoinForm) -> Result<JoinDone, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::db::Joining;
            use super::form::ValidJoin;
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Loyalty).await?;
            if !form.website.is_empty() {
                // A bot filled the invisible field: answer like a known address, store nothing.
                tracing::info!(site = caller.site.key.as_str(), "loyalty honeypot filled; nothing stored");
                return Ok(JoinDone { visitor: crate::widgets::identity::decoy_token() });
            }
            let join = ValidJoin::parse(&form)?;
            let pool = crate::server_ctx::pool()?;
            if super::db::offer(&pool, &caller.site, &caller.site.default_language).await?.is_empty() {
                return Err(AppError::WidgetOff);
            }
            let lang = crate::widgets::texts::Lang::from_tag(&form.lang);
            let page = crate::widgets::caller::page_on_origin(&form.page_url, &caller.origin);
            let origin = crate::server_ctx::link_origin()?;
            match super::db::join(&pool, &caller.site, &join, lang, &page, &origin).await? {
                Joining::New { visitor } => {
                    tracing::info!(site = caller.site.key.as_str(), "loyalty: joined by widget");
                    Ok(JoinDone { visitor })
                }
                Joining::Known => {
                    tracing::info!(site = caller.site.key.as_str(), "loyalty: known address, link mailed");
                    Ok(JoinDone { visitor: crate::widgets::identity::decoy_token() })
                }
            }
        }
        .await,
    )
}
