//! The NPS widget's server function.

use crate::error::AppError;
use leptos::prelude::*;

/// Longest "Why?" answer kept, in characters.
pub const MAX_REASON_CHARS: usize = 1000;

#[server(prefix = "/w", endpoint = "nps", output = crate::widgets::wire::Answer)]
/// `visitor` is this browser's token when the visitor identified here (blank otherwise):
/// the answer is then linked to their customer record.
pub async fn submit_nps(
    score: i64,
    reason: String,
    lang: String,
    page_url: String,
    visitor: String,
) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, FreeText, NpsScore};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Nps).await?;
            let mut errors = FieldErrors::new();
            let score = errors.check(Field::Score, NpsScore::parse(score));
            let reason = errors.check(Field::Reason, FreeText::parse(&reason, MAX_REASON_CHARS));
            let (Some(score), Some(reason)) = (score, reason) else {
                return Err(errors.into());
            };
            let lang = crate::widgets::texts::Lang::from_tag(&lang);
            let page = crate::widgets::caller::page_on_origin(&page_url, &caller.origin);
            let pool = crate::server_ctx::pool()?;
            let customer = crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?;
            super::db::insert(&pool, caller.site.id, customer, score, &reason, lang.code(), &page).await?;
            tracing::info!(site = caller.site.key.as_str(), category = ?score.category(), "NPS answer stored");
            Ok(())
        }
        .await,
    )
}
