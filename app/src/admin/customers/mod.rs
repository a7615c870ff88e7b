//! The customers list: newest first, searchable, paginated, with consent state.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{ConsentState, CustomerPage, CustomerRow, ListCustomers, list_customers};

use crate::staff::ui::{query_value, short_time};
use leptos::prelude::*;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

#[component]
pub fn CustomersPage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(1);
    let customers = Resource::new(move || (search(), page()), |(q, p)| list_customers(q, p));
    let t = crate::staff::texts::t();

    view! {
        <section>
            <h1>{t.list().title}</h1>
            <Form method="GET" action="">
                <input type="search" name="q" placeholder=t.list().search_placeholder aria-label=t.list().search_label
                    prop:value=search />
                <button type="submit">{t.list().search}</button>
            </Form>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match customers.await {
                        Ok(page) => view! { <CustomerTable page search=search() /> }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{t.error(&e)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CustomerTable(page: CustomerPage, search: String) -> impl IntoView {
    let t = crate::staff::texts::t();
    if page.rows.is_empty() {
        let text = if search.is_empty() { t.list().none_yet } else { t.list().no_match };
        return view! { <p class="empty">{text}</p> }.into_any();
    }
    let last_page = ((page.total + i64::from(page.per_page) - 1) / i64::from(page.per_page)).max(1) as u32;
    let link = move |p: u32| {
        let q = if search.is_empty() { String::new() } else { format!("&q={}", query_value(&search)) };
        format!("?page={p}{q}")
    };
    view! {
        <table class="customers">
            <thead>
                <tr><th>{t.list().name}</th><th>{t.common().email}</th><th>{t.common().phone}</th><th>{t.list().newsletter}</th><th>{t.common().site}</th><th>{t.list().added}</th></tr>
            </thead>
            <tbody>
                {page.rows.into_iter().map(|c| {
                    // A customer known only by email or phone (an import, the API) still
                    // needs something to click.
                    let name = format!("{} {}", c.first_name, c.last_name).trim().to_owned();
                    let (name, unnamed) = if name.is_empty() { ((t.common().customer_n)(c.id), true) } else { (name, false) };
                    view! {
                    <tr data-customer=c.id>
                        <td><A href=format!("/admin/customers/{}", c.id) attr:class=unnamed.then_some("unnamed")>{name}</A></td>
                        <td>{c.email}</td>
                        <td>{c.phone}</td>
                        <td><ConsentBadge state=c.newsletter at=c.consent_at /></td>
                        <td>{c.site_name}</td>
                        <td>{short_time(&c.created_at)}</td>
                    </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <nav class="pager" aria-label=t.list().pages>
            <span>{(t.list().pager)(page.total, page.page, last_page)}</span>
            {(page.page > 1).then(|| view! { <a href=link(page.page - 1) rel="prev">{t.list().newer}</a> })}
            {(page.page < last_page).then(|| view! { <a href=link(page.page + 1) rel="next">{t.list().older}</a> })}
        </nav>
    }
    .into_any()
}

#[component]
fn ConsentBadge(state: ConsentState, at: Option<String>) -> impl IntoView {
    let t = crate::staff::texts::t().list();
    let (class, text) = match state {
        ConsentState::Granted => ("badge granted", t.subscribed),
        ConsentState::Withdrawn => ("badge withdrawn", t.withdrawn),
        ConsentState::None => ("badge none", t.no_consent),
    };
    let title = at.map(|at| (t.since)(&short_time(&at)));
    view! { <span class=class title=title>{text}</span> }
}
