//! Pieces every widget form shares.

use crate::domain::{Field, FieldErrors};
use crate::error::AppError;
use crate::widgets::texts::Texts;
use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

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
            {move || errors.with(|e| e.get(field)).map(|p| t.forms().problem(p))}
        </p>
    }
}

/// A labelled input with its error beside it, wired for screen readers.
#[component]
pub fn TextField(
    label: &'static str,
    /// Also the autocomplete token, so browsers fill the right thing.
    name: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
    field: Field,
    errors: RwSignal<FieldErrors>,
    t: &'static Texts,
    #[prop(optional)] required: bool,
    /// Leaves "(optional)" off the label of a field that is not required, where the group
    /// it belongs to says it (an optional address needs all its parts once begun).
    #[prop(optional)]
    unmarked: bool,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let invalid = move || errors.with(|e| e.get(field).is_some()).then_some("true");
    view! {
        <div class="patron-field">
            <label for=name>
                {label}
                {(!required && !unmarked).then(|| view! { <span class="patron-muted">" (" {t.optional} ")"</span> })}
            </label>
            <input
                id=name
                name=name
                type=kind
                autocomplete=name
                required=required
                aria-invalid=invalid
                aria-describedby=error_id.clone()
                prop:value=value
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.update(|e| e.remove(field));
                }
            />
            <FieldError id=error_id field errors t />
        </div>
    }
}

/// The sentence explaining a failed submission, and the submit button (disabled while
/// sending).
#[component]
pub fn SubmitRow(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    label: &'static str,
    t: &'static Texts,
) -> impl IntoView {
    view! {
        <p class="patron-alert" role="alert">{move || error.get()}</p>
        <button type="submit" disabled=move || pending.get()>
            {move || if pending.get() { t.sending } else { label }}
        </button>
    }
}

/// The sentence under a form after a failed submission.
pub fn submit_error<T>(result: Option<Result<T, AppError>>, t: &'static Texts) -> Option<&'static str> {
    match result? {
        Err(AppError::Invalid(_)) => Some(t.fix_fields),
        Err(AppError::Unavailable | AppError::Busy) => Some(t.not_saved_now),
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

/// What a widget asks the server for when it shows: `None` until the answer comes. The
/// request is made again when a signal that `request` reads changes, and only the newest
/// request's answer is kept. `LocalResource` does the same, but its async-derived machinery,
/// compiled once per answer type, cost 13 KB of the widget bundle's 285 KB gzip (issue 9).
pub fn fetched<T: 'static, F>(
    request: impl Fn() -> F + 'static,
) -> ReadSignal<Option<Result<T, AppError>>, LocalStorage>
where
    F: Future<Output = Result<T, AppError>> + 'static,
{
    let (answer, set_answer) = signal_local(None);
    let asked = Rc::new(Cell::new(0u32));
    Effect::new(move || {
        let future = request();
        let this = asked.get().wrapping_add(1);
        asked.set(this);
        let newest = asked.clone();
        leptos::task::spawn_local(async move {
            let result = future.await;
            if newest.get() == this {
                set_answer.set(Some(result));
            }
        });
    });
    answer
}

/// [`fetched`], whose first answer `embed.js` may have asked for already, while the widget's
/// code downloaded: `preload` is the key it was kept under (`ENDPOINT?NAME=VALUE&...`, as
/// embed.js's `first` map makes it). On a phone that is one round trip less before the form
/// shows. A key embed.js did not preload, or an answer that does not decode, falls back to
/// asking, so a key out of step costs the time saved and never a wrong answer.
pub fn fetched_first<T, F>(
    preload: String,
    request: impl Fn() -> F + 'static,
) -> ReadSignal<Option<Result<T, AppError>>, LocalStorage>
where
    T: serde::de::DeserializeOwned + 'static,
    F: Future<Output = Result<T, AppError>> + 'static,
{
    let preload = Cell::new(Some(preload));
    fetched(move || {
        let asked = request();
        let key = preload.take();
        async move {
            let kept = match key {
                Some(key) => preloaded(&key).await,
                None => None,
            };
            // Read as the server function's own decoder reads (`wire`): one copy of the
            // decoder per answer type in the bundle, not two.
            if let Some(kept) = kept.and_then(|text| crate::widgets::wire::from_json(&text).ok()) {
                return Ok(kept);
            }
            asked.await
        }
    })
}

/// The answer `embed.js` preloaded under `key` (`Patron.take`), once, as the server sent it.
#[cfg(feature = "widgets")]
async fn preloaded(key: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use web_sys::js_sys::{Function, Promise, Reflect};
    let patron = Reflect::get(&window(), &"Patron".into()).ok()?;
    let take = Reflect::get(&patron, &"take".into()).ok()?.dyn_into::<Function>().ok()?;
    let promise = take.call1(&patron, &key.into()).ok()?.dyn_into::<Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_string()
}

#[cfg(not(feature = "widgets"))]
async fn preloaded(_key: &str) -> Option<String> {
    None
}

/// The host page's origin and path: where an answer or consent was given.
pub fn page_url() -> String {
    let loc = window().location();
    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}
