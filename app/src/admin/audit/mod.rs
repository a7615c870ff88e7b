//! The audit log: who on the staff viewed a customer, exported, printed labels, merged,
//! imported, changed settings or staff, took a backup. Written where each happens
//! ([`crate::staff::audit::note`]); read here, by the owner only.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::staff::audit::AuditAction;
use crate::staff::ui::{ErrorLine, short_time};
use leptos::prelude::*;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let action = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    // The ids the pages shown so far start after: "" is the newest page.
    let before = RwSignal::new(String::new());
    let page = Resource::new(move || (action.get(), customer.get(), before.get()), |(a, c, b)| audit_log(a, c, b));
    let t = crate::staff::texts::t();
    let w = t.oversight();
    view! {
        <section class="audit">
            <h1>{w.audit_title}</h1>
            <div class="filters">
                <label>{w.what} " "
                    <select on:change=move |ev| { before.set(String::new()); action.set(event_target_value(&ev)); }>
                        <option value="">{w.everything}</option>
                        {AuditAction::ALL.into_iter().map(|a| view! { <option value=a.code()>{(w.action)(a)}</option> }).collect_view()}
                    </select>
                </label>
                <label>{w.customer_number} " "
                    <input type="text" inputmode="numeric" size="8"
                        on:change=move |ev| { before.set(String::new()); customer.set(event_target_value(&ev)); } />
                </label>
            </div>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    let page = match page.await {
                        Ok(page) => page,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let oldest = page.entries.last().map(|e| e.id.to_string());
                    let none = page.entries.is_empty();
                    view! {
                        {none.then(|| view! { <p class="empty">{w.no_entries}</p> })}
                        <table class="customers" hidden=none>
                            <thead><tr><th>{w.when}</th><th>{w.who}</th><th>{w.what}</th><th>{t.common().site}</th><th>{w.customer}</th><th>{w.detail}</th></tr></thead>
                            <tbody>
                                {page.entries.into_iter().map(|e| view! {
                                    <tr data-audit=e.action.code()>
                                        <td>{short_time(&e.at)}</td>
                                        <td>{e.staff_email}</td>
                                        <td>{(w.action)(e.action)}</td>
                                        <td>{e.site.unwrap_or_default()}</td>
                                        <td>{e.customer_id.map(|id| view! { <a href=format!("/admin/customers/{id}")>{id}</a> })}</td>
                                        <td>{e.detail}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(page.more).then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| {
                                if let Some(id) = oldest.clone() { before.set(id); }
                            }>{w.older}</button>
                        })}
                        {move || (!before.get().is_empty()).then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| before.set(String::new())>{w.newest}</button>
                        })}
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
