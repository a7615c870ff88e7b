//! The email-list signup widget: form, server functions, SQL (the double opt-in link's page is
//! `crate::public_pages::signup_confirm`).

mod api;
#[cfg(feature = "ssr")]
mod batch;
#[cfg(feature = "ssr")]
pub mod db;
mod form;

pub use api::{GetSignupConfig, Signup, SignupConfig, SignupDone, SignupOutcome, get_signup_config, signup};
pub use form::{SignupForm, ValidSignup};

use crate::domain::{Field, FieldErrors};
use crate::widgets::address::{AddressFields, AddressInputs};
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, TextField, fetched_first, page_url, submit_error, take_server_errors};
use leptos::prelude::*;

/// The signup widget: loads the site's consent wording, then shows the form.
#[component]
pub fn SignupWidget(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let config = fetched_first(format!("signup_config?lang={}", lang.code()), move || {
        get_signup_config(lang.code().to_string())
    });
    move || match config.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
        Some(Ok(cfg)) => view! { <SignupFormView cfg site t /> }.into_any(),
    }
}

#[component]
fn SignupFormView(cfg: SignupConfig, site: &'static str, t: &'static Texts) -> impl IntoView {
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let address = AddressInputs::new();
    let address_mode = cfg.address;
    let consent = RwSignal::new(false);
    let website = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let consent_text_id = cfg.consent_text_id;

    let send = Action::new_local(move |form: &SignupForm| {
        let form = form.clone();
        async move {
            let done = signup(form).await?;
            crate::widgets::visitor::set_token(site, &done.visitor);
            Ok(done.outcome)
        }
    });
    let outcome = move || send.value().get().and_then(Result::ok);
    // The server is the authority: its field errors replace the browser's.
    take_server_errors(move || send.value().get(), errors);
    let general_error = move || submit_error(send.value().get(), t);

    // What the thanks says depends on the box the visitor ticked, never on whether the
    // address was known (the answer must not tell).
    let sent_consent = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = SignupForm {
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            address: address.form(),
            consent: consent.get_untracked(),
            consent_text_id: Some(consent_text_id),
            page_url: page_url(),
            website: website.get_untracked(),
            favourites: crate::widgets::visitor::saved_items(site).get_untracked(),
        };
        match ValidSignup::parse(&form, address_mode) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                sent_consent.set(form.consent);
                send.dispatch_local(form);
            }
        }
    };

    let thanks = move || match outcome() {
        Some(SignupOutcome::Pending) => t.signup().thanks_confirm,
        _ if !sent_consent.get() => t.signup().thanks_no_consent,
        _ => t.signup().thanks_new,
    };
    view! {
        <Show
            when=move || outcome().is_some()
            fallback=move || {
                view! {
                    <form class="patron-form" novalidate on:submit=on_submit>
                        <div class="patron-row">
                            <TextField label=t.forms().first_name name="given-name" kind="text" value=first_name field=Field::FirstName errors t />
                            <TextField label=t.forms().last_name name="family-name" kind="text" value=last_name field=Field::LastName errors t />
                        </div>
                        <TextField label=t.forms().email name="email" kind="email" value=email field=Field::Email errors t required=true />
                        <TextField label=t.forms().phone name="tel" kind="tel" value=phone field=Field::Phone errors t />
                        <AddressFields mode=address_mode inputs=address errors t />
                        <div class="patron-consent">
                            <input
                                id="consent"
                                type="checkbox"
                                prop:checked=consent
                                on:change=move |ev| consent.set(event_target_checked(&ev))
                            />
                            <label for="consent">{cfg.consent_text.clone()}</label>
                        </div>
                        <FieldError id="consent-error" field=Field::Consent errors t />
                        <p class="patron-small">
                            <a href=cfg.privacy_policy_url.clone() target="_blank" rel="noopener">{t.forms().privacy_policy}</a>
                        </p>
                        // The honeypot: `hidden` and `inert`, so it stays out of sight, focus and screen
                        // readers even where no stylesheet loads (a host page's strict CSP).
                        <div class="patron-hp" hidden=true inert=true aria-hidden="true">
                            <label for="website">"Website"</label>
                            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"
                                prop:value=website on:input=move |ev| website.set(event_target_value(&ev)) />
                        </div>
                        <SubmitRow pending=send.pending() error=Signal::derive(general_error) label=t.signup().subscribe t />
                    </form>
                }
            }
        >
            <p class="patron-thanks" role="status">{thanks}</p>
        </Show>
    }
}
