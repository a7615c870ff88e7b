//! The reservations desk: open reservations by item and customer, fulfilled or cancelled;
//! an item still expected is marked arrived here, which tells the customers waiting for it
//! (the automation rule "reserved item arrived").

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::staff::ui::{ErrorLine, reload_after, short_time};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReservationsPage() -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.desk();
    let query = use_query_map();
    let closed_part = Memo::new(move |_| query.read().get("show").as_deref() == Some("closed"));
    let search = RwSignal::new(String::new());
    let changed = RwSignal::new(0u32);
    let close = ServerAction::<CloseReservation>::new();
    reload_after(close, changed);
    let arrived = ServerAction::<crate::automation::ItemArrived>::new();
    reload_after(arrived, changed);
    // What was just done, said back so the person at the desk knows it went through.
    let done = RwSignal::new(String::new());
    Effect::new(move || {
        if let Some(Ok(f)) = arrived.value().get() {
            done.set(if f.mailed == 0 { w.mailed_none.to_owned() } else { (w.mailing)(f.mailed) });
        }
    });
    // The sentence for the reservation being closed, said once the server has closed it.
    let closing = StoredValue::new(String::new());
    Effect::new(move || match close.value().get() {
        Some(Ok(())) => done.set(closing.get_value()),
        Some(Err(_)) => done.set(String::new()),
        None => {}
    });
    let tabs = [(false, w.open, "/admin/reservations"), (true, w.closed, "/admin/reservations?show=closed")]
        .into_iter()
        .map(|(closed, name, href)| {
            view! { <a href=href aria-current=move || (closed_part.get() == closed).then_some("page")>{name}</a> }
        })
        .collect_view();
    view! {
        <section class="desk">
            <h1>{w.title}</h1>
            <nav class="tabs" aria-label=w.parts>{tabs}</nav>
            <input type="search" placeholder=w.filter_placeholder aria-label=w.filter_label
                prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            {move || close.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            {move || arrived.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            <p class="ok" role="status">{move || done.get()}</p>
            {move || if closed_part.get() {
                view! { <Closed search changed /> }.into_any()
            } else {
                view! { <Open search changed close arrived closing /> }.into_any()
            }}
        </section>
    }
}

/// Open reservations grouped by item, each handed out or cancelled here.
#[component]
fn Open(
    search: RwSignal<String>,
    changed: RwSignal<u32>,
    close: ServerAction<CloseReservation>,
    arrived: ServerAction<crate::automation::ItemArrived>,
    closing: StoredValue<String>,
) -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.desk();
    let list = Resource::new(move || (search.get(), changed.get()), |(q, _)| open_reservations(q));
    view! {
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || Suspend::new(async move {
                let rows = match list.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <ErrorLine error /> }.into_any(),
                };
                if rows.is_empty() {
                    return view! { <p class="empty">{w.none_open}</p> }.into_any();
                }
                // Grouped by item: the list comes sorted by item name.
                let mut groups: Vec<(i64, String, Option<String>, Vec<OpenReservation>)> = Vec::new();
                for r in rows {
                    match groups.last_mut() {
                        Some((item, _, _, list)) if *item == r.item_id => list.push(r),
                        _ => groups.push((r.item_id, r.item.clone(), r.stock_expected.clone(), vec![r])),
                    }
                }
                view! {
                    {groups.into_iter().map(|(item_id, item, expected, list)| {
                        let wanted: i64 = list.iter().map(|r| r.quantity).sum();
                        let arrive = expected.is_some().then(|| view! {
                            " " <button type="button" class="small" data-arrived=item_id
                                on:click=move |_| { arrived.dispatch(crate::automation::ItemArrived { item: item_id }); }>{w.arrived}</button>
                        });
                        view! {
                            <h2>{item.clone()} " " <small>{(w.reserved)(wanted)}{expected.map(|d| format!(" · {}", (w.expected)(&short_time(&d))))}</small>{arrive}</h2>
                            <table class="customers desk-open">
                                <thead><tr><th>{w.customer}</th><th>{w.quantity}</th><th>{w.note}</th><th>{w.reserved_at}</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|r| {
                                        let item = item.clone();
                                        let (id, quantity, who) = (r.id, r.quantity, r.customer.clone());
                                        let act = move |outcome: Outcome| {
                                            let said = match outcome {
                                                Outcome::Fulfilled => (w.handed_out)(quantity, &item, &who),
                                                Outcome::Cancelled => (w.cancelled)(quantity, &item, &who),
                                            };
                                            closing.set_value(said);
                                            close.dispatch(CloseReservation { id, outcome });
                                        };
                                        let act2 = act.clone();
                                        view! {
                                        <tr data-reservation=r.id>
                                            <td><A href=format!("/admin/customers/{}", r.customer_id)>{r.customer.clone()}</A>
                                                <br /><small>{r.phone.clone().unwrap_or_default()} " " {r.email.clone().unwrap_or_default()}</small>
                                                {r.typed.clone().map(|typed| view! { <br /><small class="typed">{w.typed} " " {typed}</small> })}</td>
                                            <td>{r.quantity}</td>
                                            <td>{r.note.clone()}</td>
                                            <td>{short_time(&r.at)}</td>
                                            <td class="actions">
                                                <button type="button" class="small"
                                                    on:click=move |_| act(Outcome::Fulfilled)>{w.hand_out}</button>
                                                <button type="button" class="secondary small"
                                                    on:click=move |_| act2(Outcome::Cancelled)>{w.cancel}</button>
                                            </td>
                                        </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                    }).collect_view()}
                }.into_any()
            })}
        </Transition>
    }
}

/// What was handed out or cancelled in the last 30 days, and by whom.
#[component]
fn Closed(search: RwSignal<String>, changed: RwSignal<u32>) -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.desk();
    let list = Resource::new(move || (search.get(), changed.get()), |(q, _)| closed_reservations(q));
    view! {
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || Suspend::new(async move {
                let rows = match list.await {
                    Ok(rows) => rows,
                    Err(error) => return view! { <ErrorLine error /> }.into_any(),
                };
                if rows.is_empty() {
                    return view! { <p class="empty">{w.none_closed}</p> }.into_any();
                }
                view! {
                    <table class="customers desk-closed">
                        <thead><tr><th>{w.closed_at}</th><th>{w.customer}</th><th>{w.item}</th><th>{w.state}</th><th>{w.by}</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let (state, class) = match r.outcome {
                                    Outcome::Fulfilled => ((t.timeline().reservation_status)("fulfilled"), "badge granted"),
                                    Outcome::Cancelled => ((t.timeline().reservation_status)("cancelled"), "badge withdrawn"),
                                };
                                view! {
                                    <tr data-reservation=r.id data-outcome=r.outcome.code()>
                                        <td>{short_time(&r.closed_at)}</td>
                                        <td><A href=format!("/admin/customers/{}", r.customer_id)>{r.customer}</A></td>
                                        // The quantity with the item, so a phone (which drops the
                                        // table's last columns) still shows the state.
                                        <td>{format!("{} × {}", r.quantity, r.item)}</td>
                                        <td><span class=class>{state}</span></td>
                                        <td>{r.by.unwrap_or_else(|| t.timeline().former_staff.to_owned())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </Transition>
    }
}
