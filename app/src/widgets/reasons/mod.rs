//! Rank your reasons: "Why did you buy from us today?", the site's options ordered 1..N by
//! drag and drop or by keyboard.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{SubmitRanking, submit_ranking};

use crate::domain::{Field, FieldErrors};
use crate::widgets::question::{Question, QuestionKind, QuestionOption, get_question};
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, fetched_first, page_url, submit_error, take_server_errors};
use leptos::prelude::*;

#[component]
pub fn ReasonsWidget(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let question = fetched_first(format!("question?kind=Reasons&lang={}", lang.code()), move || {
        get_question(QuestionKind::Reasons, lang.code().to_string())
    });
    move || match question.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Ok(q)) if !q.options.is_empty() => view! { <RankingForm question=q lang site t /> }.into_any(),
        Some(_) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
    }
}

/// Moves the item at `from` to `to` (both in range), shifting the others.
fn move_item(order: &mut Vec<QuestionOption>, from: usize, to: usize) {
    let item = order.remove(from);
    order.insert(to, item);
}

#[component]
fn RankingForm(question: Question, lang: Lang, site: &'static str, t: &'static Texts) -> impl IntoView {
    let count = question.options.len();
    let order = RwSignal::new(question.options);
    let dragged = RwSignal::new(None::<usize>);
    let announcement = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let list = NodeRef::<leptos::html::Ol>::new();
    let send = Action::new_local(move |args: &(Vec<i64>, String, String)| {
        let (order, lang, page) = args.clone();
        submit_ranking(order, lang, page, crate::widgets::visitor::token(site).unwrap_or_default())
    });
    take_server_errors(move || send.value().get(), errors);

    // The list has one <li> per rank that stays in place; moving an option changes what the
    // places show. Focus moves to the place the option landed in, at once, so a quick second
    // key press moves the same option again.
    let move_option = move |from: usize, to: usize, keep_focus: bool| {
        if from == to || to >= count {
            return;
        }
        order.update(|o| move_item(o, from, to));
        let label = order.with_untracked(|o| o[to].label.clone());
        announcement.set(format!("{label}: {}/{count}", to + 1));
        if keep_focus && let Some(place) = list.get_untracked().and_then(|ol| ol.children().item(to as u32)) {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(place) = place.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = place.focus();
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids = order.with_untracked(|o| o.iter().map(|x| x.id).collect());
        send.dispatch_local((ids, lang.code().to_string(), page_url()));
    };

    let done = move || matches!(send.value().get(), Some(Ok(())));
    let question_text = question.text;
    view! {
        <Show when=done fallback=move || view! {
            <form class="patron-form" novalidate on:submit=on_submit>
                <p class="patron-question" id="reasons-question">{question_text.clone()}</p>
                <p class="patron-small patron-muted" id="reasons-hint">{t.surveys().reasons_hint}</p>
                <ol node_ref=list class="patron-rank" aria-labelledby="reasons-question" aria-describedby="reasons-hint ranking-error">
                    {(0..count).map(|place| view! { <RankPlace place count order dragged move_option t /> }).collect_view()}
                </ol>
                <p class="patron-visually-hidden" aria-live="polite">{announcement}</p>
                <FieldError id="ranking-error" field=Field::Ranking errors t />
                <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.send t />
            </form>
        }>
            <p class="patron-thanks" role="status">{t.thanks_answer}</p>
        </Show>
    }
}

/// The `place`-th place of the ranking (rank `place + 1`) and the option now in it.
#[component]
fn RankPlace(
    place: usize,
    count: usize,
    order: RwSignal<Vec<QuestionOption>>,
    dragged: RwSignal<Option<usize>>,
    move_option: impl Fn(usize, usize, bool) + Copy + 'static,
    t: &'static Texts,
) -> impl IntoView {
    let label = move || order.with(|o| o[place].label.clone());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let to = match ev.key().as_str() {
            "ArrowUp" if place > 0 => place - 1,
            "ArrowDown" => place + 1,
            _ => return,
        };
        ev.prevent_default();
        move_option(place, to, true);
    };
    view! {
        <li
            class="patron-rank-item"
            class:patron-dragging=move || dragged.get() == Some(place)
            tabindex="0"
            draggable="true"
            data-option=move || order.with(|o| o[place].code.clone())
            aria-label=move || format!("{}. {}", place + 1, label())
            on:keydown=on_key
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &place.to_string());
                    dt.set_effect_allowed("move");
                }
                dragged.set(Some(place));
            }
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                if let Some(from) = dragged.get_untracked() {
                    move_option(from, place, false);
                }
                dragged.set(None);
            }
            on:dragend=move |_| dragged.set(None)
        >
            <span class="patron-rank-number" aria-hidden="true">{place + 1}</span>
            <span class="patron-rank-label">{label}</span>
            <button type="button" class="patron-icon" tabindex="-1"
                aria-label=move || format!("{}: {}", t.surveys().move_up, label())
                disabled=place == 0 on:click=move |_| move_option(place, place.wrapping_sub(1), false)>"↑"</button>
            <button type="button" class="patron-icon" tabindex="-1"
                aria-label=move || format!("{}: {}", t.surveys().move_down, label())
                disabled=place + 1 == count on:click=move |_| move_option(place, place + 1, false)>"↓"</button>
        </li>
    }
}
