//! The rank-your-reasons widget's server function.

use crate::error::AppError;
use leptos::prelude::*;

/// `order` lists the site's option ids, most important first; `visitor` as for NPS.
#[server(prefix = "/w", endpoint = "reasons", output = crate::widgets::wire::Answer)]
pub async fn submit_ranking(order: Vec<i64>, lang: String, page_url: String, visitor: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Ranking};
            use crate::widgets::question::{QuestionKind, db as question_db};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Reasons).await?;
            let pool = crate::server_ctx::pool()?;
            let offered: Vec<i64> = question_db::options(&pool, caller.site.id, QuestionKind::Reasons)
                .await?
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            let mut errors = FieldErrors::new();
            let Some(ranking) = errors.check(Field::Ranking, Ranking::parse(&order, &offered)) else {
                return Err(errors.into());
            };
            let lang = crate::widgets::texts::Lang::from_tag(&lang);
            let page = crate::widgets::caller::page_on_origin(&page_url, &caller.origin);
            let customer = crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?;
            super::db::insert(&pool, caller.site.id, customer, &ranking, lang.code(), &page).await?;
            tracing::info!(site = caller.site.key.as_str(), "reasons ranking stored");
            Ok(())
        }
        .await,
    )
}
