//! Warranty registration: `data-patron="warranty"` (optionally `data-item="SKU"`): product,
//! serial number, purchase date and contact details.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
mod form;

pub use api::{ListProducts, RegisterWarranty, list_products, register_warranty};
pub use form::{ValidWarranty, WarrantyForm};

use crate::domain::{Field, FieldErrors};
use crate::widgets::catalogue::ItemView;
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, TextField, fetched, page_url, submit_error, take_server_errors};
use crate::widgets::visitor;
use leptos::prelude::*;

#[component]
pub fn WarrantyWidget(lang: Lang, site: &'static str, sku: Option<String>) -> impl IntoView {
    let t = lang.texts();
    let products = fetched(list_products);
    move || match products.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Ok(all)) => {
            // A page about one product names it; otherwise the visitor picks.
            let products: Vec<ItemView> = match &sku {
                Some(sku) => all.into_iter().filter(|i| &i.sku == sku).collect(),
                None => all,
            };
            if products.is_empty() {
                view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any()
            } else {
                view! { <WarrantyFormView products site t lang /> }.into_any()
            }
        }
        Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
    }
}

#[component]
fn WarrantyFormView(products: Vec<ItemView>, site: &'static str, t: &'static Texts, lang: Lang) -> impl IntoView {
    let sku = RwSignal::new(products[0].sku.clone());
    let [serial, date, first_name, last_name, email, phone] = [(); 6].map(|_| RwSignal::new(String::new()));
    let errors = RwSignal::new(FieldErrors::new());
    let send = Action::new_local(move |form: &WarrantyForm| {
        let form = form.clone();
        async move {
            let token = register_warranty(form).await?;
            visitor::set_token(site, &token);
            Ok(())
        }
    });
    take_server_errors(move || send.value().get(), errors);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = WarrantyForm {
            sku: sku.get_untracked(),
            serial_number: serial.get_untracked(),
            purchase_date: date.get_untracked(),
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            page_url: page_url(),
            favourites: visitor::saved_items(site).get_untracked(),
        };
        match ValidWarranty::parse(&form, None) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                send.dispatch_local(form);
            }
        }
    };
    let single = (products.len() == 1).then(|| products[0].name_in(lang).to_owned());
    let done = move || matches!(send.value().get(), Some(Ok(())));
    view! {
        <Show when=done fallback=move || {
            let products = products.clone();
            let single = single.clone();
            view! {
                <form class="patron-form" novalidate on:submit=on_submit>
                    <p class="patron-question">{t.warranty_title}</p>
                    <div class="patron-field">
                        <label for="product">{t.product}</label>
                        {match single {
                            Some(name) => view! { <p id="product" class="patron-fixed">{name}</p> }.into_any(),
                            None => view! {
                                <select id="product" on:change=move |ev| sku.set(event_target_value(&ev))>
                                    {products.into_iter().map(|p| view! { <option value=p.sku.clone()>{p.name_in(lang).to_owned()}</option> }).collect_view()}
                                </select>
                            }.into_any(),
                        }}
                        <FieldError id="item-error" field=Field::Item errors t />
                    </div>
                    <TextField label=t.serial_number name="serial" kind="text" value=serial field=Field::Serial errors t required=true />
                    <TextField label=t.purchase_date name="purchase-date" kind="date" value=date field=Field::PurchaseDate errors t required=true />
                    <div class="patron-row">
                        <TextField label=t.first_name name="given-name" kind="text" value=first_name field=Field::FirstName errors t required=true />
                        <TextField label=t.last_name name="family-name" kind="text" value=last_name field=Field::LastName errors t required=true />
                    </div>
                    <TextField label=t.email name="email" kind="email" value=email field=Field::Email errors t required=true />
                    <TextField label=t.phone name="tel" kind="tel" value=phone field=Field::Phone errors t />
                    <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.register t />
                </form>
            }
        }>
            <p class="patron-thanks" role="status">{t.warranty_done}</p>
        </Show>
    }
}
