//! The dashboard: today's new customers, purchases and takings, and open reservations.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::staff::ui::ErrorLine;
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
                            let takings = if t.takings.is_empty() {
                                "0.00".to_owned()
                            } else {
                                t.takings.iter().map(|(c, m)| m.with_currency(c)).collect::<Vec<_>>().join(" + ")
                            };
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
