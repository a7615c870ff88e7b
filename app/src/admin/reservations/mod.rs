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

#[component]
pub fn ReservationsPage() -> impl IntoView {
    let search = RwSignal::new(String::new());
    let changed = RwSignal::new(0u32);
    let close = ServerAction::<CloseReservation>::new();
    reload_after(close, changed);
    let arrived = ServerAction::<crate::automation::ItemArrived>::new();
    reload_after(arrived, changed);
    let told = move || {
        arrived.value().get().and_then(Result::ok).map(|f| match f.mailed {
            0 => "Marked arrived. No one was mailed (the rule is off, or no one left an email).".to_owned(),
            n => format!("Marked arrived: {n} customers are being mailed."),
        })
    };
    let list = Resource::new(move || (search.get(), changed.get()), |(q, _)| open_reservations(q));
    view! {
        <section class="desk">
            <h1>"Open reservations"</h1>
            <input type="search" placeholder="Item, customer, phone or email" aria-label="Filter reservations"
                prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
            {move || close.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            {move || arrived.value().get().and_then(Result::err).map(|error| view! { <ErrorLine error /> })}
            <p class="ok" role="status">{told}</p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let rows = match list.await {
                        Ok(rows) => rows,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    if rows.is_empty() {
                        return view! { <p class="empty">"No open reservations."</p> }.into_any();
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
                                    on:click=move |_| { arrived.dispatch(crate::automation::ItemArrived { item: item_id }); }>"Arrived"</button>
                            });
                            view! {
                                <h2>{item} " " <small>{format!("{wanted} reserved")}{expected.map(|d| format!(" · expected {d}"))}</small>{arrive}</h2>
                                <table class="customers">
                                    <thead><tr><th>"Customer"</th><th>"Qty"</th><th>"Note"</th><th>"Reserved"</th><th></th></tr></thead>
                                    <tbody>
                                        {list.into_iter().map(|r| view! {
                                            <tr data-reservation=r.id>
                                                <td><A href=format!("/admin/customers/{}", r.customer_id)>{r.customer.clone()}</A>
                                                    <br /><small>{r.phone.clone().unwrap_or_default()} " " {r.email.clone().unwrap_or_default()}</small>
                                                    {r.typed.clone().map(|t| view! { <br /><small class="typed">"Typed in the form: " {t}</small> })}</td>
                                                <td>{r.quantity}</td>
                                                <td>{r.note.clone()}</td>
                                                <td>{short_time(&r.at)}</td>
                                                <td class="actions">
                                                    <button type="button" class="small"
                                                        on:click=move |_| { close.dispatch(CloseReservation { id: r.id, outcome: Outcome::Fulfilled }); }>"Fulfilled"</button>
                                                    <button type="button" class="secondary small"
                                                        on:click=move |_| { close.dispatch(CloseReservation { id: r.id, outcome: Outcome::Cancelled }); }>"Cancel"</button>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }
                        }).collect_view()}
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
