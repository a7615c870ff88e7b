//! Data-subject rights from the customer's record: download everything held about them
//! (access and portability, JSON or CSV), mark them "do not sell or share" (CCPA), and
//! erase them, leaving a tombstone without personal data. Every request is logged with
//! its 30-day deadline on the requests page.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, reload_after, short_time};
use leptos::prelude::*;
use leptos_router::components::A;

/// The "Data rights" part of a customer's record. Its state comes with the record (a
/// resource of its own inside the record's suspense would be fetched twice on the server
/// and break hydration); a change reloads the record.
#[component]
pub fn DataRights(
    id: i64,
    do_not_sell_at: Option<String>,
    may_export_and_erase: bool,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let toggle = ServerAction::<SetDoNotSell>::new();
    reload_after(toggle, changed);
    let toggle_error = action_error(toggle);
    let on = do_not_sell_at.is_some();
    view! {
        <h2>"Data rights"</h2>
        <p data-do-not-sell=on.to_string()>
            {match &do_not_sell_at {
                Some(at) => format!("Asked not to have their data sold or shared, {}.", short_time(at)),
                None => "Has not asked to stop the sale or sharing of their data.".to_owned(),
            }}
            " "
            <button type="button" class="secondary small"
                on:click=move |_| { toggle.dispatch(SetDoNotSell { id, on: !on }); }>
                {if on { "Allow sale or sharing again" } else { "Do not sell or share" }}
            </button>
        </p>
        <FormError error=toggle_error />
        {may_export_and_erase.then(|| view! { <ExportAndErase id /> })}
    }
}

/// Download links and the erase button (managers and owners).
#[component]
fn ExportAndErase(id: i64) -> impl IntoView {
    let erase = ServerAction::<EraseCustomer>::new();
    let error = action_error(erase);
    let confirming = RwSignal::new(false);
    view! {
        <p class="row">
            <a class="button secondary" href=format!("/admin/customer-data?id={id}&format=json") download="">"Download their data (JSON)"</a>
            <a class="button secondary" href=format!("/admin/customer-data?id={id}&format=csv") download="">"Download their data (CSV)"</a>
        </p>
        {move || match erase.value().get() {
            Some(Ok(done)) => view! {
                <p class="notice" role="status" data-erased=id>
                    {format!("Erased: {} rows in {} tables. Only a record that an erasure happened is kept.", done.rows, done.tables)}
                    " " <A href="/admin/customers">"Back to customers"</A>
                </p>
            }.into_any(),
            _ if confirming.get() => view! {
                <div class="confirm" role="alertdialog" aria-label="Erase this customer">
                    <p>"This removes the customer and everything about them — purchases, answers, favourites, visits, consents — for good. It cannot be undone (only an older backup still holds them)."</p>
                    <button type="button" class="danger" disabled=move || erase.pending().get()
                        on:click=move |_| { erase.dispatch(EraseCustomer { id }); }>"Erase for good"</button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep"</button>
                </div>
            }.into_any(),
            _ => view! {
                <p><button type="button" class="danger secondary" on:click=move |_| confirming.set(true)>"Erase this customer…"</button></p>
            }.into_any(),
        }}
        <FormError error />
    }
}

/// Every request about personal data, open ones first with their deadline.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let requests = Resource::new(|| (), |_| privacy_requests());
    view! {
        <section class="requests">
            <h1>"Data requests"</h1>
            <p class="hint">"Requests to see, correct, erase or stop the sale of a customer's data. The law gives a month: each is due 30 days after it came in. Customers ask for themselves on each site's "<code>"/p/SITEKEY/privacy/request"</code>" page; while no mail server is set up, pass the link in the outbox mail on to them."</p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let list = match requests.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    if list.is_empty() {
                        return view! { <p class="empty">"No request yet."</p> }.into_any();
                    }
                    view! {
                        <table class="customers">
                            <thead><tr><th>"Received"</th><th>"What"</th><th>"Customer"</th><th>"Site"</th><th>"State"</th><th>"Due"</th><th>"Done"</th><th>"By"</th><th>"Outcome"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|r| {
                                    let (kind, state) = (r.kind.clone(), r.state.clone());
                                    view! {
                                    <tr data-request=kind data-state=state>
                                        <td>{short_time(&r.received_at)}</td>
                                        <td>{kind_label(&r.kind)}</td>
                                        <td>{r.customer_id.map(|id| id.to_string())}</td>
                                        <td>{r.site}</td>
                                        <td>{r.state}</td>
                                        <td>{r.due_at.get(..10).unwrap_or_default().to_owned()}</td>
                                        <td>{r.done_at.as_deref().map(short_time)}</td>
                                        <td>{r.staff}</td>
                                        <td>{r.outcome}
                                            {r.mail.map(|mail| view! {
                                                <details class="mail"><summary>"Mail in the outbox"</summary><pre>{mail}</pre></details>
                                            })}
                                        </td>
                                    </tr>
                                }}).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "access" => "see their data",
        "rectification" => "correct their data",
        "erasure" => "erase their data",
        "do_not_sell" => "do not sell or share",
        _ => "other",
    }
}
