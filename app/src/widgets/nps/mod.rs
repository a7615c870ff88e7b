//! The NPS widget: "How likely are you to recommend us…?" 0–10, then "Why?".

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{MAX_REASON_CHARS, SubmitNps, submit_nps};

use crate::domain::{Field, FieldErrors, FreeText, NpsScore};
use crate::widgets::question::{QuestionKind, get_question};
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, fetched_first, page_url, submit_error, take_server_errors};
use crate::widgets::visitor;
use leptos::prelude::*;

#[component]
pub fn NpsWidget(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let question = fetched_first(format!("question?kind=Nps&lang={}", lang.code()), move || {
        get_question(QuestionKind::Nps, lang.code().to_string())
    });
    move || match question.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
        Some(Ok(q)) => view! { <NpsForm question=q.text lang site t /> }.into_any(),
    }
}

#[component]
fn NpsForm(question: String, lang: Lang, site: &'static str, t: &'static Texts) -> impl IntoView {
    let score = RwSignal::new(None::<i64>);
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let send = Action::new_local(move |args: &(i64, String, String, String)| {
        let (score, reason, lang, page) = args.clone();
        submit_nps(score, reason, lang, page, visitor::token(site).unwrap_or_default())
    });
    take_server_errors(move || send.value().get(), errors);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = FieldErrors::new();
        let picked = score.get_untracked();
        match picked {
            None => found.add(Field::Score, crate::domain::Problem::Required),
            Some(s) => _ = found.check(Field::Score, NpsScore::parse(s)),
        }
        found.check(Field::Reason, FreeText::parse(&reason.get_untracked(), MAX_REASON_CHARS));
        errors.set(found.clone());
        if let (true, Some(s)) = (found.is_empty(), picked) {
            send.dispatch_local((s, reason.get_untracked(), lang.code().to_string(), page_url()));
        }
    };
    let done = move || matches!(send.value().get(), Some(Ok(())));
    view! {
        <Show when=done fallback=move || view! {
            <form class="patron-form" novalidate on:submit=on_submit>
                <fieldset class="patron-fieldset" aria-describedby="score-error">
                    <legend>{question.clone()}</legend>
                    <div class="patron-scale">
                        {(0..=10).map(|i| view! {
                            <label class="patron-score">
                                <input type="radio" name="score" value=i
                                    prop:checked=move || score.get() == Some(i)
                                    on:change=move |_| { score.set(Some(i)); errors.update(|e| e.remove(Field::Score)); } />
                                <span>{i}</span>
                            </label>
                        }).collect_view()}
                    </div>
                    <div class="patron-scale-ends" aria-hidden="true"><span>{t.surveys().nps_low}</span><span>{t.surveys().nps_high}</span></div>
                </fieldset>
                <FieldError id="score-error" field=Field::Score errors t />
                <Show when=move || score.get().is_some()>
                    <div class="patron-field">
                        <label for="reason">{t.surveys().nps_why} <span class="patron-muted">" (" {t.optional} ")"</span></label>
                        <textarea id="reason" name="reason" rows="3" aria-describedby="reason-error"
                            prop:value=reason on:input=move |ev| { reason.set(event_target_value(&ev)); errors.update(|e| e.remove(Field::Reason)); }>
                        </textarea>
                        <FieldError id="reason-error" field=Field::Reason errors t />
                    </div>
                </Show>
                <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.send t />
            </form>
        }>
            <p class="patron-thanks" role="status">{t.thanks_answer}</p>
        </Show>
    }
}
