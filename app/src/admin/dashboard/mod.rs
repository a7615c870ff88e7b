//! The dashboard: today's new customers, purchases and takings, and open reservations.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::MoneyStyle;
use crate::staff::texts::t;
use crate::staff::ui::{ErrorLine, time_of_day};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let t = t();
    let today = Resource::new(|| (), |_| dashboard());
    view! {
        <section class="dashboard">
            <h1>{t.today().title}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match today.await {
                        Ok(today) => {
                            let takings =
                                today.takings.iter().map(|(c, m)| MoneyStyle::any(&today.money, *m, c)).collect::<Vec<_>>().join(" + ");
                            let (sales, money) = (today.sales.clone(), today.money.clone());
                            let day = crate::staff::ui::long_day(&today.day);
                            view! {
                                <p class="muted" data-today=today.day.clone()>{day}</p>
                                {today.key_beside_database.map(|path| view! {
                                    <p class="warning" data-warning="key">
                                        <strong>{t.today().no_key}</strong> " " {(t.today().no_key_detail)(&path)}
                                    </p>
                                })}
                                <div class="cards">
                                    <A href="/admin/customers" attr:class="card"><span data-stat="new_customers">{today.new_customers}</span>{t.today().new_customers}</A>
                                    <A href="/admin/till" attr:class="card"><span data-stat="purchases">{today.purchases}</span>{format!("{} · {takings}", t.today().purchases)}</A>
                                    <A href="/admin/reservations" attr:class="card"><span data-stat="open_reservations">{today.open_reservations}</span>{t.today().open_reservations}</A>
                                    <div class="card"><span data-stat="interactions">{today.interactions}</span>{t.today().interactions}</div>
                                    {today.dormant.map(|n| view! {
                                        <A href="/admin/dormant" attr:class="card"><span data-stat="dormant">{n}</span>{t.today().dormant}</A>
                                    })}
                                </div>
                                <TodaysSales sales money />
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{t.today().jobs}</h2>
            <ul class="jobs">
                <li><A href="/admin/till">{t.today().job_till}</A></li>
                <li><A href="/admin/customers">{t.today().job_find}</A></li>
                <li><A href="/admin/reservations">{t.today().job_hand_out}</A></li>
            </ul>
        </section>
    }
}

/// Today's sales, newest first: when, who, what was paid and how.
#[component]
fn TodaysSales(sales: Vec<Sale>, money: Vec<MoneyStyle>) -> impl IntoView {
    let t = t();
    if sales.is_empty() {
        return view! {
            <h2>{t.today().sales}</h2>
            <p class="empty">{t.today().no_sales} " " <A href="/admin/till">{t.today().enter_one}</A></p>
        }
        .into_any();
    }
    let rows = sales
        .into_iter()
        .map(|s| {
            let time = time_of_day(&s.at);
            let method = crate::domain::PaymentMethod::from_code(&s.payment_method)
                .map_or(s.payment_method.clone(), |m| t.payment(m).to_owned());
            let who = match (s.customer_id, s.customer.is_empty()) {
                (Some(id), false) => view! { <A href=format!("/admin/customers/{id}")>{s.customer}</A> }.into_any(),
                (Some(id), true) => {
                    view! { <A href=format!("/admin/customers/{id}")>{(t.common().customer_n)(id)}</A> }.into_any()
                }
                (None, _) => view! { <span class="empty">{t.common().no_customer}</span> }.into_any(),
            };
            view! {
                <tr data-sale=s.id>
                    <td>{time}</td>
                    <td>{who}</td>
                    <td class="money">{MoneyStyle::any(&money, s.net, &s.currency)}</td>
                    <td>{method}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t.today().sales}</h2>
        <table class="customers sales">
            <thead><tr><th>{t.today().time_utc}</th><th>{t.today().customer}</th><th>{t.today().paid}</th><th>{t.today().how}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
