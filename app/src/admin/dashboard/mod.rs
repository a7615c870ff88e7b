//! The dashboard: today's new customers, purchases and takings, and open reservations.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::staff::ui::{ErrorLine, short_time};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let today = Resource::new(|| (), |_| dashboard());
    view! {
        <section class="dashboard">
            <h1>"Today"</h1>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match today.await {
                        Ok(t) => {
                            let takings =
                                t.takings.iter().map(|(c, m)| m.with_currency(c)).collect::<Vec<_>>().join(" + ");
                            let sales = t.sales.clone();
                            view! {
                                {t.key_beside_database.map(|path| view! {
                                    <p class="warning" data-warning="key">
                                        <strong>"No encryption key is configured. "</strong>
                                        {format!("Customer data is sealed with the key Patron generated into {path}, beside the database: \
                                                  whoever copies the data directory can read it. Move the key to another place, \
                                                  start Patron with PATRON_KEY_FILE (or PATRON_SECRET_KEY), and keep a copy \
                                                  apart from the backups — without it they cannot be read.")}
                                    </p>
                                })}
                                <div class="cards">
                                    <A href="/admin/customers" attr:class="card"><span data-stat="new_customers">{t.new_customers}</span>"new customers"</A>
                                    <A href="/admin/till" attr:class="card"><span data-stat="purchases">{t.purchases}</span>{format!("purchases · {takings}")}</A>
                                    <A href="/admin/reservations" attr:class="card"><span data-stat="open_reservations">{t.open_reservations}</span>"open reservations"</A>
                                    <div class="card"><span data-stat="interactions">{t.interactions}</span>"interactions logged"</div>
                                    {t.dormant.map(|n| view! {
                                        <A href="/admin/dormant" attr:class="card"><span data-stat="dormant">{n}</span>"dormant customers"</A>
                                    })}
                                </div>
                                <TodaysSales sales />
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Jobs"</h2>
            <ul class="jobs">
                <li><A href="/admin/till">"Enter a purchase at the till"</A></li>
                <li><A href="/admin/customers">"Find a customer"</A></li>
                <li><A href="/admin/reservations">"Hand out reserved items"</A></li>
            </ul>
        </section>
    }
}

/// Today's sales, newest first: when, who, what was paid and how.
#[component]
fn TodaysSales(sales: Vec<Sale>) -> impl IntoView {
    if sales.is_empty() {
        return view! {
            <h2>"Today's sales"</h2>
            <p class="empty">"No sales yet today. " <A href="/admin/till">"Enter one at the till"</A> "."</p>
        }
        .into_any();
    }
    let rows = sales
        .into_iter()
        .map(|s| {
            let time = short_time(&s.at).get(11..).unwrap_or_default().to_owned();
            let method = crate::domain::PaymentMethod::from_code(&s.payment_method)
                .map_or(s.payment_method.clone(), |m| m.label().to_owned());
            let who = match (s.customer_id, s.customer.is_empty()) {
                (Some(id), false) => view! { <A href=format!("/admin/customers/{id}")>{s.customer}</A> }.into_any(),
                (Some(id), true) => {
                    view! { <A href=format!("/admin/customers/{id}")>{format!("Customer {id}")}</A> }.into_any()
                }
                (None, _) => view! { <span class="empty">"No customer"</span> }.into_any(),
            };
            view! {
                <tr data-sale=s.id>
                    <td>{time}</td>
                    <td>{who}</td>
                    <td class="money">{s.net.with_currency(&s.currency)}</td>
                    <td>{method}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>"Today's sales"</h2>
        <table class="customers sales">
            <thead><tr><th>"Time (UTC)"</th><th>"Customer"</th><th>"Paid"</th><th>"How"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
