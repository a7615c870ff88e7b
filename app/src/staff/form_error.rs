//! Showing a server function's error beside the field it concerns.

use crate::domain::Field;
use crate::error::AppError;
use leptos::prelude::*;

/// The error of `error` for `field`, or, without a field, the error's own sentence.
#[component]
pub fn FormError(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] field: Option<Field>,
) -> impl IntoView {
    let t = super::texts::t();
    let text = move || {
        let e = error.get()?;
        match (field, e) {
            (Some(f), AppError::Invalid(fields)) => fields.get(f).map(|p| t.problem(p)),
            (Some(_), _) => None,
            (None, e) => Some(t.error(&e)),
        }
    };
    view! { <p class="form-error" role="alert" data-field=field.map(|f| format!("{f:?}"))>{text}</p> }
}
