//! The signup widget's server functions: public endpoints behind the widget gate.

use super::form::SignupForm;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the widget needs from the server before it can show the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignupConfig {
    pub site_name: String,
    pub privacy_policy_url: String,
    /// The consent wording to show beside the checkbox, in the visitor's language when the
    /// site has it, and the id to send back so the server records exactly this text.
    pub consent_text_id: i64,
    pub consent_text: String,
    /// Whether the form asks for a postal address.
    pub address: crate::domain::AddressMode,
}

/// What became of a signup: stored (the widget's answer, for a new address and a known one
/// alike, so the answer does not tell who is a customer), held until its address confirms it
/// (double opt-in); and once confirmed, whether it made a customer or joined a known one
/// (the confirmation page's, whose visitor proved the address).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignupOutcome {
    Stored,
    Pending,
    Created,
    Updated,
}

/// The answer to a signup: what happened, and the token this browser keeps from now on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupDone {
    pub outcome: SignupOutcome,
    pub visitor: String,
}

#[server(prefix = "/w", endpoint = "signup_config", output = crate::widgets::wire::Answer)]
pub async fn get_signup_config(lang: String) -> Result<SignupConfig, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Signup).await?;
            let pool = crate::server_ctx::pool()?;
            let lang = crate::widgets::texts::Lang::from_tag(&lang);
            let lang = caller.site.text_language(lang.code());
            let text = super::db::newsletter_text(&pool, caller.site.id, lang, &caller.site.default_language)
                .await?
                .ok_or_else(|| {
                    AppError::internal(
                        "signup_config",
                        format!("site {} has no newsletter text", caller.site.key.as_str()),
                    )
                })?;
            let address = caller.site.address_mode(crate::domain::WidgetKind::Signup);
            Ok(SignupConfig {
                site_name: caller.site.name,
                privacy_policy_url: caller.site.privacy_policy_url,
                consent_text_id: text.0,
                consent_text: text.1,
                address,
            })
        }
        .await,
    )
}

#[server(prefix = "/w", endpoint = "signup", output = crate::widgets::wire::Answer)]
pub async fn signup(form: SignupForm) -> Result<SignupDone, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::ValidSignup;
            use crate::domain::{Field, FieldErrors, Problem};

            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Signup).await?;
            if !form.website.is_empty() {
                // A bot filled the invisible field. Answer like a success so it learns nothing.
                tracing::info!(site = caller.site.key.as_str(), "signup honeypot filled; nothing stored");
                return Ok(SignupDone {
                    outcome: SignupOutcome::Stored,
                    visitor: crate::widgets::identity::decoy_token(),
                });
            }
            let mode = caller.site.address_mode(crate::domain::WidgetKind::Signup);
            let signup = ValidSignup::parse(&form, mode)?;
            let pool = crate::server_ctx::pool()?;
            if let Some(text_id) = signup.consent_text_id
                && !super::db::is_newsletter_text_of(&pool, text_id, caller.site.id).await?
            {
                return Err(FieldErrors::one(Field::Consent, Problem::Required).into());
            }
            let page = crate::widgets::caller::page_on_origin(&form.page_url, &caller.origin);
            if let Some(text_id) = signup.consent_text_id {
                let settings = crate::mail::db::newsletter_settings(&pool, caller.site.id).await?;
                if settings.double_opt_in {
                    // Held as typed, but without an address the site did not ask for: the
                    // confirmation reads the held form whatever the site asks by then.
                    let address = if signup.address.is_some() { form.address } else { Default::default() };
                    let form = SignupForm { page_url: page, address, ..form };
                    return crate::public_pages::signup_confirm::hold(
                        &pool,
                        &caller.site,
                        &form,
                        &signup,
                        text_id,
                        settings.confirm_hours,
                    )
                    .await;
                }
            }
            let consent = signup.consent_text_id.is_some();
            let done = super::db::save_signup(&pool, &caller.site, signup, page).await?;
            tracing::info!(site = caller.site.key.as_str(), outcome = ?done.outcome, consent, "signup stored");
            Ok(done)
        }
        .await,
    )
}
