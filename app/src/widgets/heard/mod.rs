//! How did you hear about us: one of the site's options, or "Other: ...".

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{MAX_OTHER_CHARS, SubmitHeard, submit_heard};

use crate::domain::{Field, FieldErrors, FreeText, Problem};
use crate::widgets::question::{Question, QuestionKind, get_question};
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, fetched_first, page_url, submit_error, take_server_errors};
use leptos::prelude::*;

#[component]
pub fn HeardWidget(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let question = fetched_first(format!("question?kind=Heard&lang={}", lang.code()), move || {
        get_question(QuestionKind::Heard, lang.code().to_string())
    });
    move || match question.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
        Some(Ok(q)) => view! { <HeardForm question=q lang site t /> }.into_any(),
    }
}

/// What the visitor picked: an option id, or "other".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    Option(i64),
    Other,
}

#[component]
fn HeardForm(question: Question, lang: Lang, site: &'static str, t: &'static Texts) -> impl IntoView {
    let pick = RwSignal::new(None::<Pick>);
    let other = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let send = Action::new_local(move |args: &(Option<i64>, String, String, String)| {
        let (option, other, lang, page) = args.clone();
        submit_heard(option, other, lang, page, crate::widgets::visitor::token(site).unwrap_or_default())
    });
    take_server_errors(move || send.value().get(), errors);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let option = match pick.get_untracked() {
            None => {
                found.add(Field::Choice, Problem::Required);
                None
            }
            Some(Pick::Option(id)) => Some(id),
            Some(Pick::Other) => {
                match FreeText::parse(&other.get_untracked(), MAX_OTHER_CHARS) {
                    Ok(text) if text.is_empty() => found.add(Field::Other, Problem::Required),
                    Ok(_) => {}
                    Err(p) => found.add(Field::Other, p),
                }
                None
            }
        };
        errors.set(found.clone());
        if found.is_empty() {
            let other = if option.is_some() { String::new() } else { other.get_untracked() };
            send.dispatch_local((option, other, lang.code().to_string(), page_url()));
        }
    };
    let choose = move |p: Pick| {
        pick.set(Some(p));
        errors.update(|e| e.remove(Field::Choice));
    };

    let done = move || matches!(send.value().get(), Some(Ok(())));
    let question_text = question.text;
    let options = question.options;
    view! {
        <Show when=done fallback=move || {
            let options = options.clone();
            view! {
                <form class="patron-form" novalidate on:submit=on_submit>
                    <fieldset class="patron-fieldset" aria-describedby="choice-error">
                        <legend>{question_text.clone()}</legend>
                        {options.into_iter().map(|o| {
                            let id = o.id;
                            view! {
                                <label class="patron-choice">
                                    <input type="radio" name="heard" value=o.code
                                        prop:checked=move || pick.get() == Some(Pick::Option(id))
                                        on:change=move |_| choose(Pick::Option(id)) />
                                    {o.label}
                                </label>
                            }
                        }).collect_view()}
                        <label class="patron-choice">
                            <input type="radio" name="heard" value="other"
                                prop:checked=move || pick.get() == Some(Pick::Other)
                                on:change=move |_| choose(Pick::Other) />
                            {t.surveys().heard_other}
                        </label>
                        <input type="text" class="patron-other" aria-label=t.surveys().heard_other aria-describedby="other-error"
                            prop:value=other
                            on:focus=move |_| choose(Pick::Other)
                            on:input=move |ev| { other.set(event_target_value(&ev)); errors.update(|e| e.remove(Field::Other)); } />
                    </fieldset>
                    <FieldError id="choice-error" field=Field::Choice errors t />
                    <FieldError id="other-error" field=Field::Other errors t />
                    <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.send t />
                </form>
            }
        }>
            <p class="patron-thanks" role="status">{t.thanks_answer}</p>
        </Show>
    }
}
