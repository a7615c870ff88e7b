//! The how-did-you-hear widget's server function.

use crate::error::AppError;
use leptos::prelude::*;

/// Longest "Other: ..." answer kept, in characters.
pub const MAX_OTHER_CHARS: usize = 200;

/// Either `option_id` (one of the site's options) or a non-blank `other`, not both;
/// `visitor` as for NPS.
#[server(prefix = "/w", endpoint = "heard", output = crate::widgets::wire::Answer)]
pub async fn submit_heard(
    option_id: Option<i64>,
    other: String,
    lang: String,
    page_url: String,
    visitor: String,
) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, FreeText, Problem};
            use crate::widgets::question::{QuestionKind, db as question_db};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Heard).await?;
            let pool = crate::server_ctx::pool()?;
            let mut errors = FieldErrors::new();
            let answer = match option_id {
                Some(id) => {
                    let offered = question_db::options(&pool, caller.site.id, QuestionKind::Heard).await?;
                    if !offered.iter().any(|(o, _)| *o == id) {
                        errors.add(Field::Choice, Problem::UnknownOption);
                    }
                    super::db::Heard::Option(id)
                }
                None => match FreeText::parse(&other, MAX_OTHER_CHARS) {
                    Ok(text) if !text.is_empty() => super::db::Heard::Other(text),
                    Ok(_) => {
                        errors.add(Field::Other, Problem::Required);
                        super::db::Heard::Option(0)
                    }
                    Err(p) => {
                        errors.add(Field::Other, p);
                        super::db::Heard::Option(0)
                    }
                },
            };
            if !errors.is_empty() {
                return Err(errors.into());
            }
            let lang = crate::widgets::texts::Lang::from_tag(&lang);
            let page = crate::widgets::caller::page_on_origin(&page_url, &caller.origin);
            let customer = crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?;
            super::db::insert(&pool, caller.site.id, customer, &answer, lang.code(), &page).await?;
            tracing::info!(site = caller.site.key.as_str(), "heard-about answer stored");
            Ok(())
        }
        .await,
    )
}
