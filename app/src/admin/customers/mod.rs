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

    view! {
        <section>
            <h1>"Customers"</h1>
            <Form method="GET" action="">
                <input type="search" name="q" placeholder="Name, email or phone" aria-label="Search customers"
                    prop:value=search />
                <button type="submit">"Search"</button>
            </Form>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match customers.await {
                        Ok(page) => view! { <CustomerTable page search=search() /> }.into_any(),
                        Err(e) => view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CustomerTable(page: CustomerPage, search: String) -> impl IntoView {
    if page.rows.is_empty() {
        let text = if search.is_empty() { "No customers yet." } else { "No customer matches this search." };
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
                <tr><th>"Name"</th><th>"Email"</th><th>"Phone"</th><th>"Newsletter"</th><th>"Site"</th><th>"Added"</th></tr>
            </thead>
            <tbody>
                {page.rows.into_iter().map(|c| {
                    // A customer known only by email or phone (an import, the API) still
                    // needs something to click.
                    let name = format!("{} {}", c.first_name, c.last_name).trim().to_owned();
                    let (name, unnamed) = if name.is_empty() { (format!("Customer {}", c.id), true) } else { (name, false) };
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
        <nav class="pager" aria-label="Pages">
            <span>{format!("{} customers · page {} of {}", page.total, page.page, last_page)}</span>
            {(page.page > 1).then(|| view! { <a href=link(page.page - 1) rel="prev">"← Newer"</a> })}
            {(page.page < last_page).then(|| view! { <a href=link(page.page + 1) rel="next">"Older →"</a> })}
        </nav>
    }
    .into_any()
}

#[component]
fn ConsentBadge(state: ConsentState, at: Option<String>) -> impl IntoView {
    let (class, text) = match state {
        ConsentState::Granted => ("badge granted", "Subscribed"),
        ConsentState::Withdrawn => ("badge withdrawn", "Withdrawn"),
        ConsentState::None => ("badge none", "No consent"),
    };
    let title = at.map(|t| format!("since {}", short_time(&t)));
    view! { <span class=class title=title>{text}</span> }
}
