//! One customer's record: every field, consent, purchase, reservation, answer and
//! interaction, edited inline with a history of who changed what.

mod api;
mod corrections;
#[cfg(feature = "ssr")]
pub mod db;
mod purchases;

pub use api::*;
pub use corrections::*;

use crate::domain::{CustomerField, Field, InteractionKind, Minor, Role};
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RecordPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    let changed = RwSignal::new(0u32);
    let record = Resource::new(move || (id(), changed.get()), |(id, _)| get_customer_record(id));
    let cards = crate::admin::services::loyalty_card::CardState::new(Signal::derive(move || Some(id())));
    view! {
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(r) => view! { <RecordView r changed cards /> }.into_any(),
                    Err(error) => view! { <ErrorLine error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn RecordView(
    r: CustomerRecord,
    changed: RwSignal<u32>,
    cards: crate::admin::services::loyalty_card::CardState,
) -> impl IntoView {
    let money = {
        let style = r.money.clone();
        move |m: Minor| style.format(m)
    };
    let s = &r.stats;
    let since = s.first.as_deref().map(short_time).unwrap_or_else(|| "–".into());
    let last = s.last.as_deref().map(short_time).unwrap_or_else(|| "–".into());
    view! {
        <section class="record" data-customer=r.id>
            <header class="record-head">
                <h1>{r.name()}</h1>
                <p class="hint">
                    {format!("{} · source: {} · since {}", r.site_name, if r.source.is_empty() { "–" } else { &r.source }, short_time(&r.created_at))}
                </p>
                <A href=format!("/admin/till?customer={}", r.id) attr:class="button">"New purchase"</A>
            </header>
            <dl class="stats">
                <div><dt>"Total spend"</dt><dd data-stat="total">{money(s.total)}</dd></div>
                <div><dt>"Orders"</dt><dd data-stat="orders">{s.orders}</dd></div>
                <div><dt>"Average order"</dt><dd data-stat="average">{money(s.average)}</dd></div>
                <div><dt>"First purchase"</dt><dd>{since}</dd></div>
                <div><dt>"Last purchase"</dt><dd>{last}</dd></div>
                <div><dt>"Last visit"</dt><dd data-stat="last_visit">{r.last_visit.as_deref().map(short_time).unwrap_or_else(|| "–".into())}</dd></div>
            </dl>
            <div class="record-grid">
                <div>
                    <Fields r=r.clone() changed />
                    <Tags id=r.id tags=r.tags.clone() may_edit=r.viewer_role.at_least(Role::Manager) changed />
                    <Consents r=r.clone() changed />
                    <crate::admin::services::loyalty_card::LoyaltyCards customer=r.id state=cards />
                    <crate::admin::rights::DataRights id=r.id do_not_sell_at=r.do_not_sell_at.clone()
                        may_export_and_erase=r.viewer_role.at_least(Role::Manager) changed />
                </div>
                <div>
                    <Interactions r=r.clone() changed />
                    <purchases::Purchases r=r.clone() changed />
                    <Reservations r=r.clone() />
                    <Answers r=r.clone() />
                    <Visits r=r.clone() />
                    <History r=r.clone() />
                </div>
            </div>
        </section>
    }
}

#[component]
fn Fields(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<UpdateCustomer>::new();
    reload_after(action, changed);
    let error = action_error(action);
    let editing = RwSignal::new(None::<CustomerField>);
    Effect::new(move || {
        if matches!(action.value().get(), Some(Ok(_))) {
            editing.set(None);
        }
    });
    let role = r.viewer_role;
    view! {
        <h2>"Details"</h2>
        <table class="fields">
            <tbody>
                {r.fields.into_iter().map(|(field, value)| {
                    let may_edit = role.at_least(field.editable_by());
                    let shown = value.clone().unwrap_or_default();
                    view! {
                        <tr data-field=field.column()>
                            <th scope="row">{field.label()}</th>
                            <td>
                                {move || if editing.get() == Some(field) {
                                    view! { <FieldEditor id=r.id field value=value.clone() action /> }.into_any()
                                } else {
                                    view! {
                                        <span class="value">{shown.clone()}</span>
                                        {may_edit.then(|| view! {
                                            <button type="button" class="secondary small" aria-label=format!("Edit {}", field.label())
                                                on:click=move |_| editing.set(Some(field))>"Edit"</button>
                                        })}
                                    }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <FormError error field=Field::Text />
        <FormError error field=Field::Email />
    }
}

#[component]
fn FieldEditor(
    id: i64,
    field: CustomerField,
    value: Option<String>,
    action: ServerAction<UpdateCustomer>,
) -> impl IntoView {
    let value = value.unwrap_or_default();
    let input = if field.choices().is_empty() {
        view! { <input name="value" value=value aria-label=field.label() autofocus /> }.into_any()
    } else {
        view! {
            <select name="value" aria-label=field.label()>
                <option value="">"–"</option>
                {field.choices().iter().map(|c| view! { <option value=*c selected=*c == value>{c.replace('_', " ")}</option> }).collect_view()}
            </select>
        }
        .into_any()
    };
    view! {
        <ActionForm action attr:class="inline-edit">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="field" value=field.column() />
            {input}
            <label class="inline hint">
                <input type="checkbox" name="requested" value="true" />
                "The customer asked for this correction (logged as a data request)"
            </label>
            <button type="submit" class="small">"Save"</button>
        </ActionForm>
    }
}

#[component]
fn Tags(id: i64, tags: Vec<String>, may_edit: bool, changed: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<TagCustomer>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>"Tags"</h2>
        <ul class="tags">
            {tags.into_iter().map(|tag| {
                let t = tag.clone();
                view! {
                    <li class="badge none">{tag.clone()}
                        {may_edit.then(|| view! {
                            <button type="button" class="link" aria-label=format!("Remove tag {tag}")
                                on:click=move |_| { action.dispatch(TagCustomer { id, tag: t.clone(), on: false }); }>"×"</button>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {may_edit.then(|| view! {
            <ActionForm action attr:class="row">
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="on" value="true" />
                <input name="tag" placeholder="new tag" aria-label="New tag" required />
                <button type="submit" class="small">"Add tag"</button>
            </ActionForm>
        })}
        <FormError error />
    }
}

#[component]
fn Consents(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    use crate::segment_rules::filter::CONSENT_PURPOSES;
    let action = ServerAction::<RecordConsent>::new();
    reload_after(action, changed);
    let error = action_error(action);
    let policy = format!("/p/{}/privacy", r.site_key);
    // The newest record of each purpose is the one in force.
    let in_force: Vec<(&str, Option<bool>)> = CONSENT_PURPOSES
        .into_iter()
        .map(|p| (p, r.consents.iter().find(|c| c.purpose == p).map(|c| c.granted)))
        .collect();
    view! {
        <h2>"Consents"</h2>
        <ul class="consent-state">
            {in_force.into_iter().map(|(purpose, granted)| view! {
                <li data-consent=purpose>
                    {purpose} ": "
                    {match granted {
                        Some(true) => view! { <span class="badge granted">"granted"</span> }.into_any(),
                        Some(false) => view! { <span class="badge withdrawn">"withdrawn"</span> }.into_any(),
                        None => view! { <span class="badge none">"never asked"</span> }.into_any(),
                    }}
                </li>
            }).collect_view()}
        </ul>
        <ActionForm action attr:class="stacked consent-form">
            <input type="hidden" name="id" value=r.id />
            <label>"Purpose "
                <select name="purpose">
                    {CONSENT_PURPOSES.into_iter().map(|p| view! { <option value=p>{p}</option> }).collect_view()}
                </select>
            </label>
            <FormError error field=Field::Consent />
            <fieldset class="inline">
                <label class="inline"><input type="radio" name="granted" value="true" checked /> "given"</label>
                <label class="inline"><input type="radio" name="granted" value="false" /> "withdrawn"</label>
            </fieldset>
            <label>"How (kept as the consent's wording)"
                <input name="note" placeholder="Said yes at the till to the newsletter" required />
            </label>
            <FormError error field=Field::Note />
            <FormError error />
            <button type="submit" class="small">"Record consent"</button>
        </ActionForm>
        {r.consents.is_empty().then(|| view! { <p class="empty">"No consent given or withdrawn."</p> })}
        <ul class="timeline">
            {r.consents.into_iter().map(|c| {
                let policy = c.policy_version.map(|v| view! {
                    " · " <a href=format!("{policy}?version={v}") target="_blank" rel="noopener">{format!("policy v{v}")}</a>
                });
                view! {
                    <li>
                        <span class=if c.granted { "badge granted" } else { "badge withdrawn" }>
                            {format!("{} {}", c.purpose, if c.granted { "granted" } else { "withdrawn" })}
                        </span>
                        " " {short_time(&c.at)} " · " {c.source} " · " {c.page_url}
                        {c.staff.map(|s| format!(" · by {s}"))}
                        {c.requested_at.map(|at| format!(" · confirmed by the link mailed at signup ({})", short_time(&at)))}
                        {policy}
                        <blockquote>{format!("“{}” (version {}, {})", c.body, c.version, c.language)}</blockquote>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Interactions(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    let action = ServerAction::<LogInteraction>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>"Interactions"</h2>
        <ActionForm action attr:class="stacked interaction">
            <input type="hidden" name="id" value=r.id />
            <label>"Kind"
                <select name="kind">
                    {InteractionKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{k.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>"What happened" <textarea name="summary" rows="2"></textarea></label>
            <FormError error field=Field::Note />
            <label>"Outcome" <input name="outcome" /></label>
            <button type="submit">"Log"</button>
        </ActionForm>
        <ul class="timeline">
            {r.interactions.into_iter().map(|i| view! {
                <li>
                    <strong>{i.kind.label()}</strong> " · " {short_time(&i.at)} " · " {i.staff.unwrap_or_default()}
                    <p>{i.summary}</p>
                    {(!i.outcome.is_empty()).then(|| view! { <p class="hint">"Outcome: " {i.outcome}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Reservations(r: CustomerRecord) -> impl IntoView {
    view! {
        <h2>"Reservations"</h2>
        {r.reservations.is_empty().then(|| view! { <p class="empty">"No reservations."</p> })}
        <ul class="timeline">
            {r.reservations.into_iter().map(|x| view! {
                <li>{format!("{} × {} ({}) · {} · {}", x.quantity, x.item, x.sku, x.status, short_time(&x.at))}
                    {(!x.note.is_empty()).then(|| view! { <p class="hint">{x.note}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Answers(r: CustomerRecord) -> impl IntoView {
    view! {
        <h2>"Favourites, answers and warranty cards"</h2>
        {r.answers.is_empty().then(|| view! { <p class="empty">"Nothing yet."</p> })}
        <ul class="timeline">
            {r.answers.into_iter().map(|a| view! { <li data-kind=a.kind>{a.text} " · " {short_time(&a.at)}</li> }).collect_view()}
        </ul>
    }
}

#[component]
fn Visits(r: CustomerRecord) -> impl IntoView {
    view! {
        <h2>"Pages visited"</h2>
        {r.visits.is_empty().then(|| view! { <p class="empty">"No visits linked to this customer (only after they identify in a widget on that browser)."</p> })}
        <ul class="timeline visits">
            {r.visits.into_iter().map(|v| {
                let time = v.duration_ms.map(|ms| format!(" · {} s", ms / 1000)).unwrap_or_default();
                let from = if v.referrer.is_empty() { String::new() } else { format!(" · from {}", v.referrer) };
                view! { <li><code>{v.path}</code>{time}{from} " · " {short_time(&v.at)}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn History(r: CustomerRecord) -> impl IntoView {
    view! {
        <h2>"History"</h2>
        <ul class="timeline history">
            {r.history.into_iter().map(|h| view! {
                <li>
                    {short_time(&h.at)} " · " {h.staff.unwrap_or_else(|| "former staff".into())} " · " <code>{h.field}</code> ": "
                    {h.old.unwrap_or_else(|| "–".into())} " → " {h.new.unwrap_or_else(|| "–".into())}
                </li>
            }).collect_view()}
        </ul>
    }
}
