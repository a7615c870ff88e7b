//! Data-subject rights from the customer's record: download everything held about them
//! (access and portability, JSON or CSV), mark them "do not sell or share" (CCPA), and
//! erase them, leaving a tombstone without personal data. Every request is logged with
//! its 30-day deadline on the requests page.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::staff::form_error::FormError;
use crate::staff::texts::or_code;
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
    let w = crate::staff::texts::t().rights();
    view! {
        <h2>{w.title}</h2>
        <p data-do-not-sell=on.to_string()>
            {match &do_not_sell_at {
                Some(at) => (w.do_not_sell_since)(&short_time(at)),
                None => w.may_sell.to_owned(),
            }}
            " "
            <button type="button" class="secondary small"
                on:click=move |_| { toggle.dispatch(SetDoNotSell { id, on: !on }); }>
                {if on { w.allow_again } else { w.do_not_sell }}
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
    let w = crate::staff::texts::t().rights();
    view! {
        <p class="row">
            <a class="button secondary" href=format!("/admin/customer-data?id={id}&format=json") download="">{w.download_json}</a>
            <a class="button secondary" href=format!("/admin/customer-data?id={id}&format=csv") download="">{w.download_csv}</a>
        </p>
        {move || match erase.value().get() {
            Some(Ok(done)) => view! {
                <p class="notice" role="status" data-erased=id>
                    {(w.erased)(done.rows, done.tables as i64)}
                    " " <A href="/admin/customers">{w.back_to_customers}</A>
                </p>
            }.into_any(),
            _ if confirming.get() => view! {
                <div class="confirm" role="alertdialog" aria-label=w.erase_label>
                    <p>{w.erase_warning}</p>
                    <button type="button" class="danger" disabled=move || erase.pending().get()
                        on:click=move |_| { erase.dispatch(EraseCustomer { id }); }>{w.erase_for_good}</button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{w.keep}</button>
                </div>
            }.into_any(),
            _ => view! {
                <p><button type="button" class="danger secondary" on:click=move |_| confirming.set(true)>{w.erase}</button></p>
            }.into_any(),
        }}
        <FormError error />
    }
}

/// Every request about personal data, open ones first with their deadline.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let requests = Resource::new(|| (), |_| privacy_requests());
    let t = crate::staff::texts::t();
    let w = t.oversight();
    view! {
        <section class="requests">
            <h1>{w.requests_title}</h1>
            <p class="hint">{w.requests_hint} " " <code>"/p/SITEKEY/privacy/request"</code> " " {w.requests_hint_after}</p>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    let list = match requests.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    if list.is_empty() {
                        return view! { <p class="empty">{w.no_request}</p> }.into_any();
                    }
                    view! {
                        <table class="customers">
                            <thead><tr><th>{w.received}</th><th>{w.what}</th><th>{w.customer}</th><th>{t.common().site}</th><th>{w.state}</th><th>{w.due}</th><th>{w.done}</th><th>{w.by}</th><th>{w.outcome}</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|r| {
                                    let (kind, state) = (r.kind.clone(), r.state.clone());
                                    view! {
                                    <tr data-request=kind data-state=state>
                                        <td>{short_time(&r.received_at)}</td>
                                        <td>{or_code((w.request)(&r.kind), &r.kind)}</td>
                                        <td>{r.customer_id.map(|id| id.to_string())}</td>
                                        <td>{r.site}</td>
                                        <td>{or_code((w.request_state)(&r.state), &r.state)}</td>
                                        <td>{short_time(r.due_at.get(..10).unwrap_or_default())}</td>
                                        <td>{r.done_at.as_deref().map(short_time)}</td>
                                        <td>{r.staff}</td>
                                        <td>{outcome_words(&r.outcome)}
                                            {r.mail.map(|mail| view! {
                                                <details class="mail"><summary>{w.mail_in_outbox}</summary><pre>{mail}</pre></details>
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

/// A stored outcome in the reader's words; one Patron did not write (or cannot read) as it is.
fn outcome_words(stored: &str) -> String {
    use crate::domain::RequestOutcome as O;
    let t = crate::staff::texts::t();
    let w = t.oversight();
    match O::parse(stored) {
        Some(O::HandedOver { rows }) => (w.handed_over)(rows),
        Some(O::Erased { rows, tables }) => (w.erased)(rows, tables),
        Some(O::ClosedErased) => w.closed_erased.into(),
        Some(O::ClosedUnconfirmed) => w.closed_unconfirmed.into(),
        Some(O::Corrected(field)) => (w.corrected)((t.record().field)(field)),
        Some(O::MarkedNotToSell) => w.marked_not_to_sell.into(),
        Some(O::MarkedAlready) => w.marked_already.into(),
        None => stored.to_owned(),
    }
}
