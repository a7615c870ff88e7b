//! Reservation: `data-patron="reservation" data-item="SKU"`; reserve an item (often one not
//! in stock yet) with name, email, phone, quantity and a note.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
mod form;

pub use api::{GetItem, ReservationConfig, Reserve, get_item, reserve};
pub use form::{MAX_NOTE_CHARS, ReservationForm, ValidReservation};

use crate::domain::{AddressMode, Field, FieldErrors};
use crate::widgets::address::{AddressFields, AddressInputs};
use crate::widgets::catalogue::ItemView;
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, TextField, fetched_first, page_url, submit_error, take_server_errors};
use crate::widgets::visitor;
use leptos::prelude::*;

#[component]
pub fn ReservationWidget(lang: Lang, site: &'static str, sku: String) -> impl IntoView {
    let t = lang.texts();
    let item = fetched_first(format!("item?sku={sku}"), move || get_item(sku.clone()));
    move || match item.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
        Some(Ok(ReservationConfig { item, address })) => {
            view! { <ReservationFormView item address_mode=address site t lang /> }.into_any()
        }
    }
}

#[component]
fn ReservationFormView(
    item: ItemView,
    address_mode: AddressMode,
    site: &'static str,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView {
    let fields = [Field::FirstName, Field::LastName, Field::Email, Field::Phone, Field::Quantity];
    let values = fields.map(|_| RwSignal::new(String::new()));
    let [first_name, last_name, email, phone, quantity] = values;
    quantity.set("1".into());
    let address = AddressInputs::new();
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let send = Action::new_local(move |form: &ReservationForm| {
        let form = form.clone();
        async move {
            let token = reserve(form).await?;
            visitor::set_token(site, &token);
            Ok(())
        }
    });
    take_server_errors(move || send.value().get(), errors);
    let sku = item.sku.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ReservationForm {
            sku: sku.clone(),
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            address: address.form(),
            quantity: quantity.get_untracked(),
            note: note.get_untracked(),
            page_url: page_url(),
            favourites: visitor::saved_items(site).get_untracked(),
        };
        match ValidReservation::parse(&form, address_mode) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                send.dispatch_local(form);
            }
        }
    };
    let done = move || matches!(send.value().get(), Some(Ok(())));
    let expected = item.expected_in(lang);
    view! {
        <Show when=done fallback=move || view! {
            <form class="patron-form" novalidate on:submit=on_submit.clone()>
                <p class="patron-question">{t.reservation().reserve} ": " {item.name_in(lang).to_owned()} <span class="patron-muted">" · " {item.price_in(lang)}</span></p>
                {expected.clone().map(|d| view! { <p class="patron-small">{t.reservation().expected} " " {d}</p> })}
                <div class="patron-row">
                    <TextField label=t.forms().first_name name="given-name" kind="text" value=first_name field=Field::FirstName errors t required=true />
                    <TextField label=t.forms().last_name name="family-name" kind="text" value=last_name field=Field::LastName errors t required=true />
                </div>
                <TextField label=t.forms().email name="email" kind="email" value=email field=Field::Email errors t required=true />
                <TextField label=t.forms().phone name="tel" kind="tel" value=phone field=Field::Phone errors t required=true />
                <AddressFields mode=address_mode inputs=address errors t />
                <TextField label=t.reservation().quantity name="quantity" kind="number" value=quantity field=Field::Quantity errors t required=true />
                <div class="patron-field">
                    <label for="note">{t.reservation().note} <span class="patron-muted">" (" {t.optional} ")"</span></label>
                    <textarea id="note" rows="2" aria-describedby="note-error" prop:value=note
                        on:input=move |ev| { note.set(event_target_value(&ev)); errors.update(|e| e.remove(Field::Note)); }></textarea>
                    <FieldError id="note-error" field=Field::Note errors t />
                </div>
                <FieldError id="item-error" field=Field::Item errors t />
                <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.reservation().reserve t />
            </form>
        }>
            <p class="patron-thanks" role="status">{t.reservation().reserved}</p>
        </Show>
    }
}
