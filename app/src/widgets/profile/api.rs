//! The progressive-profiling widget's server functions.

use crate::domain::ProfileField;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many questions the widget asks at once: a little at a time.
#[cfg(feature = "ssr")]
const AT_ONCE: usize = 2;

/// The next unanswered fields of the site's list for the customer who identified on this
/// browser; none for an unknown visitor.
#[server(prefix = "/w", endpoint = "profile_next", output = crate::widgets::wire::Answer)]
pub async fn next_profile_fields(visitor: String) -> Result<Vec<ProfileField>, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Profile).await?;
            let pool = crate::server_ctx::pool()?;
            let Some(customer) = crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?
            else {
                return Ok(Vec::new());
            };
            let mut fields = super::db::unanswered(&pool, caller.site.id, customer).await?;
            fields.truncate(AT_ONCE);
            Ok(fields)
        }
        .await,
    )
}

/// The browser's visitor token and its answers as typed, by field (blank ones are left
/// out). One struct with defaults, so a submission without answers gets a field error.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileAnswers {
    pub visitor: String,
    pub answers: Vec<(ProfileField, String)>,
}

#[server(prefix = "/w", endpoint = "profile", output = crate::widgets::wire::Answer)]
pub async fn save_profile(answers: ProfileAnswers) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let visitor = answers.visitor.clone();
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Profile).await?;
            let pool = crate::server_ctx::pool()?;
            let Some(customer) = crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?
            else {
                return Err(AppError::Forbidden);
            };
            let asked = super::db::site_fields(&pool, caller.site.id).await?;
            let mut errors = FieldErrors::new();
            let mut parsed = Vec::new();
            for (field, raw) in answers.answers.iter().take(ProfileField::ALL.len()) {
                if !asked.contains(field) {
                    errors.add(Field::Profile(*field), Problem::UnknownOption);
                    continue;
                }
                match field.parse(raw) {
                    Ok(value) => parsed.push((*field, value)),
                    Err(p) => errors.add(Field::Profile(*field), p),
                }
            }
            if parsed.is_empty() && errors.is_empty() {
                let first = answers.answers.first().map(|(f, _)| *f).unwrap_or(ProfileField::Birthday);
                errors.add(Field::Profile(first), Problem::Required);
            }
            if !errors.is_empty() {
                return Err(errors.into());
            }
            super::db::save(&pool, customer, &parsed).await?;
            tracing::info!(site = caller.site.key.as_str(), fields = parsed.len(), "profile answers stored");
            Ok(())
        }
        .await,
    )
}
