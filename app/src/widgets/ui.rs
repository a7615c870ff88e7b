//! Pieces every widget form shares.

use crate::domain::{Field, FieldErrors};
use crate::error::AppError;
use crate::widgets::texts::Texts;
use leptos::prelude::*;

/// The error beside a field, in the visitor's language; empty when there is none.
#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    field: Field,
    errors: RwSignal<FieldErrors>,
    t: &'static Texts,
) -> impl IntoView {
    view! {
        <p class="patron-field-error" id=id data-field=format!("{field:?}")>
            {move || errors.with(|e| e.get(field)).map(|p| t.problem(p))}
        </p>
    }
}

/// The sentence under a form after a failed submission.
pub fn submit_error<T>(result: Option<Result<T, AppError>>, t: &'static Texts) -> Option<&'static str> {
    match result? {
        Err(AppError::Invalid(_)) => Some(t.fix_fields),
        Err(_) => Some(t.try_again),
        Ok(_) => None,
    }
}

/// Copies the server's field errors (the authority) into the form's error signal.
pub fn take_server_errors<T: Clone + Send + Sync + 'static>(
    value: impl Fn() -> Option<Result<T, AppError>> + 'static,
    errors: RwSignal<FieldErrors>,
) {
    Effect::new(move || {
        if let Some(Err(AppError::Invalid(server_errors))) = value() {
            errors.set(server_errors);
        }
    });
}

/// The host page's origin and path: where an answer or consent was given.
pub fn page_url() -> String {
    let loc = window().location();
    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}
