//! Warranty registration: `data-patron="warranty"` (optionally `data-item="SKU"`): product,
//! serial number, purchase date and contact details.

mod api;
mod choice;
#[cfg(feature = "ssr")]
pub mod db;
mod form;

pub use api::{
    FOUND, FindProducts, LISTED, RegisterWarranty, WarrantyConfig, WarrantySetup, find_products, register_warranty,
    warranty_config,
};
pub use form::{ValidWarranty, WarrantyForm};

use crate::domain::{AddressMode, Field, FieldErrors};
use crate::widgets::address::{AddressFields, AddressInputs};
use crate::widgets::catalogue::ItemView;
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{SubmitRow, TextField, fetched_first, page_url, submit_error, take_server_errors};
use crate::widgets::visitor;
use choice::ProductChoice;
use leptos::prelude::*;

#[component]
pub fn WarrantyWidget(lang: Lang, site: &'static str, sku: Option<String>) -> impl IntoView {
    let t = lang.texts();
    let config = fetched_first(format!("warranty_config?sku={}", sku.as_deref().unwrap_or_default()), move || {
        warranty_config(sku.clone().unwrap_or_default())
    });
    move || match config.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        // A page naming a product the shop does not offer, or a shop with none yet.
        Some(Ok(c)) if c.products.is_empty() => {
            view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any()
        }
        Some(Ok(WarrantySetup { products, searchable, address })) => {
            view! { <WarrantyFormView products searchable address_mode=address site t lang /> }.into_any()
        }
        Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
    }
}

#[component]
fn WarrantyFormView(
    products: Vec<ItemView>,
    searchable: bool,
    address_mode: AddressMode,
    site: &'static str,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView {
    let sku = RwSignal::new(products[0].sku.clone());
    let [serial, date, first_name, last_name, email, phone] = [(); 6].map(|_| RwSignal::new(String::new()));
    let address = AddressInputs::new();
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
            address: address.form(),
            page_url: page_url(),
            favourites: visitor::saved_items(site).get_untracked(),
        };
        match ValidWarranty::parse(&form, None, address_mode) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                send.dispatch_local(form);
            }
        }
    };
    let done = move || matches!(send.value().get(), Some(Ok(())));
    view! {
        <Show when=done fallback=move || {
            let products = products.clone();
            view! {
                <form class="patron-form" novalidate on:submit=on_submit>
                    <p class="patron-question">{t.warranty().warranty_title}</p>
                    <ProductChoice listed=products searchable sku errors t lang />
                    <TextField label=t.warranty().serial_number name="serial" kind="text" value=serial field=Field::Serial errors t required=true />
                    <TextField label=t.warranty().purchase_date name="purchase-date" kind="date" value=date field=Field::PurchaseDate errors t required=true />
                    <div class="patron-row">
                        <TextField label=t.forms().first_name name="given-name" kind="text" value=first_name field=Field::FirstName errors t required=true />
                        <TextField label=t.forms().last_name name="family-name" kind="text" value=last_name field=Field::LastName errors t required=true />
                    </div>
                    <TextField label=t.forms().email name="email" kind="email" value=email field=Field::Email errors t required=true />
                    <TextField label=t.forms().phone name="tel" kind="tel" value=phone field=Field::Phone errors t />
                    <AddressFields mode=address_mode inputs=address errors t />
                    <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.warranty().register t />
                </form>
            }
        }>
            <p class="patron-thanks" role="status">{t.warranty().warranty_done}</p>
        </Show>
    }
}
