//! The record's timeline: contacts staff logged, reservations, what the customer said
//! through the widgets, pages they visited and changes to the record, newest first, shown
//! all together or one kind at a time (`?part=timeline&show=`).

use super::details::shown_value;
use super::{Answer, Change, ChangedBy, CustomerRecord, LogInteraction, Said, source_name};
use crate::domain::{CustomerField, Field, InteractionKind, NpsCategory, NpsScore};
use crate::staff::form_error::FormError;
use crate::staff::texts::{AdminTexts, Lang, or_code};
use crate::staff::ui::{action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The kinds of event the timeline can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Contact,
    Reservation,
    Answer,
    Visit,
    Change,
}

impl Kind {
    const ALL: [Kind; 5] = [Kind::Contact, Kind::Reservation, Kind::Answer, Kind::Visit, Kind::Change];

    fn code(self) -> &'static str {
        match self {
            Kind::Contact => "contacts",
            Kind::Reservation => "reservations",
            Kind::Answer => "answers",
            Kind::Visit => "visits",
            Kind::Change => "changes",
        }
    }

    fn name(self, t: &AdminTexts) -> &'static str {
        let w = t.timeline();
        match self {
            Kind::Contact => w.contacts,
            Kind::Reservation => w.reservations,
            Kind::Answer => w.answers,
            Kind::Visit => w.visits,
            Kind::Change => w.changes,
        }
    }
}

#[component]
pub(super) fn Timeline(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    let t = crate::staff::texts::t();
    let query = use_query_map();
    let only = Memo::new(move |_| {
        let show = query.read().get("show").unwrap_or_default();
        Kind::ALL.into_iter().find(|k| k.code() == show)
    });
    let base = format!("/admin/customers/{}?part=timeline", r.id);
    let everything = {
        let href = base.clone();
        view! { <a href=href aria-current=move || only.get().is_none().then_some("page")>{t.timeline().everything}</a> }
    };
    let filters = Kind::ALL
        .into_iter()
        .map(|k| {
            let href = format!("{base}&show={}", k.code());
            view! { <a href=href aria-current=move || (only.get() == Some(k)).then_some("page")>{k.name(t)}</a> }
        })
        .collect_view();
    let id = r.id;
    let events = move || {
        let mut events = events(t, &r);
        if let Some(kind) = only.get() {
            events.retain(|e| e.kind == kind);
        }
        if events.is_empty() {
            return view! { <p class="empty">{t.timeline().empty}</p> }.into_any();
        }
        let hint =
            (only.get() == Some(Kind::Visit)).then(|| view! { <p class="hint">{t.timeline().no_visits_hint}</p> });
        view! {
            {hint}
            <ul class="timeline">
                {events.into_iter().map(|e| view! {
                    <li data-kind=e.kind.code()>
                        <span class="when">{short_time(&e.at)}</span> " · " <strong>{e.title}</strong>
                        {(!e.detail.is_empty()).then(|| view! { " · " {e.detail} })}
                        {(!e.text.is_empty()).then(|| view! { <p>{e.text}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="record-grid">
            <div>
                <nav class="chips" aria-label=t.timeline().show>{everything}{filters}</nav>
                {events}
            </div>
            <div><LogContact id changed /></div>
        </div>
    }
}

/// One line of the timeline, in words.
struct Event {
    kind: Kind,
    at: String,
    title: String,
    detail: String,
    text: String,
}

/// Every event of the record, newest first (a stable sort: the same order on the server
/// and in the browser, so the page hydrates).
fn events(t: &'static AdminTexts, r: &CustomerRecord) -> Vec<Event> {
    let w = t.timeline();
    let lang = crate::staff::texts::lang();
    let mut out = Vec::new();
    for i in &r.interactions {
        let mut text = i.summary.clone();
        if !i.outcome.is_empty() {
            text = format!("{text} — {}", (w.outcome_is)(&i.outcome));
        }
        let detail = i.staff.clone().unwrap_or_default();
        out.push(Event { kind: Kind::Contact, at: i.at.clone(), title: (w.interaction)(i.kind).into(), detail, text });
    }
    for x in &r.reservations {
        let status = or_code((w.reservation_status)(&x.status), &x.status);
        let title = format!("{} × {} ({})", x.quantity, x.item, x.sku);
        out.push(Event { kind: Kind::Reservation, at: x.at.clone(), title, detail: status, text: x.note.clone() });
    }
    for a in &r.answers {
        let title = answer(t, lang, &r.site_language, a);
        out.push(Event { kind: Kind::Answer, at: a.at.clone(), title, detail: String::new(), text: reason_of(a) });
    }
    for v in &r.visits {
        let mut detail = Vec::new();
        if let Some(ms) = v.duration_ms {
            detail.push((w.seconds)(ms / 1000));
        }
        if !v.referrer.is_empty() {
            detail.push((w.visit_from)(&v.referrer));
        }
        let (title, detail) = (v.path.clone(), detail.join(" · "));
        out.push(Event { kind: Kind::Visit, at: v.at.clone(), title, detail, text: String::new() });
    }
    for h in &r.history {
        out.push(change(t, lang, h));
    }
    out.sort_by(|a, b| b.at.cmp(&a.at));
    out
}

fn answer(t: &AdminTexts, lang: Lang, site_lang: &str, a: &Answer) -> String {
    let w = t.timeline();
    match &a.said {
        Said::Nps { score, .. } => {
            let category = NpsScore::parse(*score).map(|s| match s.category() {
                NpsCategory::Promoter => w.promoter,
                NpsCategory::Passive => w.passive,
                NpsCategory::Detractor => w.detractor,
            });
            (w.nps)(*score, category.unwrap_or("–"))
        }
        Said::Reasons { ranked } => {
            let names: Vec<String> = ranked.iter().map(|o| o.in_lang(lang, site_lang)).collect();
            (w.reasons)(&names.join(" › "))
        }
        Said::Heard { option: Some(o), .. } => (w.heard)(&o.in_lang(lang, site_lang)),
        Said::Heard { option: None, other } => (w.heard)(&format!("{}: {other}", w.other_answer)),
        Said::Favourite { item } => (w.favourite)(item),
        Said::Warranty { item, serial, bought } => (w.warranty)(item, serial, bought),
    }
}

/// The words a customer wrote with an NPS score, quoted.
fn reason_of(a: &Answer) -> String {
    match &a.said {
        Said::Nps { reason, .. } if !reason.is_empty() => format!("“{reason}”"),
        _ => String::new(),
    }
}

fn change(t: &AdminTexts, lang: Lang, h: &Change) -> Event {
    let w = t.timeline();
    let field = CustomerField::from_column(&h.field);
    let value = |v: &Option<String>| match (v, field) {
        (None, _) => "–".to_owned(),
        (Some(v), Some(f)) => shown_value(t, lang, f, v),
        (Some(v), None) if h.field == "created" => source_name(t, v),
        (Some(v), None) if h.field.starts_with("reservation ") => or_code((w.reservation_status)(v), v),
        (Some(v), None) => v.clone(),
    };
    let title = match (field, h.field.as_str()) {
        (Some(f), _) => (t.record().field)(f).to_owned(),
        (None, "created") => w.created.to_owned(),
        (None, "tag") => t.record().tags.to_owned(),
        (None, "do_not_sell") => w.do_not_sell.to_owned(),
        (None, other) => match other.strip_prefix("reservation ").and_then(|n| n.parse().ok()) {
            Some(n) => (w.reservation_n)(n),
            None => other.to_owned(),
        },
    };
    let by = match &h.by {
        ChangedBy::Staff(email) => email.clone(),
        ChangedBy::FormerStaff => w.former_staff.to_owned(),
        ChangedBy::Customer => w.the_customer.to_owned(),
        ChangedBy::Website => w.the_website.to_owned(),
        ChangedBy::Api => w.the_api.to_owned(),
    };
    let text = format!("{} → {}", value(&h.old), value(&h.new));
    Event { kind: Kind::Change, at: h.at.clone(), title, detail: (t.record().by)(&by), text }
}

/// The form that logs a call, a visit, a complaint…
#[component]
fn LogContact(id: i64, changed: RwSignal<u32>) -> impl IntoView {
    let w = crate::staff::texts::t().timeline();
    let action = ServerAction::<LogInteraction>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>{w.log_title}</h2>
        <ActionForm action attr:class="stacked interaction">
            <input type="hidden" name="id" value=id />
            <label>{w.kind}
                <select name="kind">
                    {InteractionKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{(w.interaction)(k)}</option> }).collect_view()}
                </select>
            </label>
            <label>{w.what_happened} <textarea name="summary" rows="2"></textarea></label>
            <FormError error field=Field::Note />
            <label>{w.outcome} <input name="outcome" /></label>
            <FormError error field=Field::Reason />
            <FormError error />
            <button type="submit">{w.log}</button>
        </ActionForm>
    }
}
