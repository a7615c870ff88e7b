//! Joining the loyalty programme: `data-patron="loyalty"`. A visitor gives their name and
//! email and agrees to join; a new address gets a card and a mail with the link to their own
//! page, where the card is (with its QR code, for the till); an address Patron knows gets
//! only the mail — the card is theirs to see, not the typist's. The widget answers both
//! alike ("we have mailed you a link"), so it does not tell who is a customer.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
mod form;

pub use api::{GetLoyaltyOffer, JoinDone, JoinLoyalty, LoyaltyOffer, get_loyalty_offer, join_loyalty};
pub use form::{JoinForm, ValidJoin};

use crate::domain::{Field, FieldErrors};
use crate::widgets::texts::{Lang, Texts};
use crate::widgets::ui::{FieldError, SubmitRow, TextField, fetched_first, page_url, submit_error, take_server_errors};
use crate::widgets::visitor;
use leptos::prelude::*;

#[component]
pub fn LoyaltyWidget(lang: Lang, site: &'static str) -> impl IntoView {
    let t = lang.texts();
    let offer =
        fetched_first(format!("loyalty_offer?lang={}", lang.code()), move || get_loyalty_offer(lang.code().to_owned()));
    move || match offer.get() {
        None => view! { <p class="patron-muted">{t.loading}</p> }.into_any(),
        Some(Ok(offer)) if !offer.programmes.is_empty() => view! { <JoinView offer lang site t /> }.into_any(),
        Some(_) => view! { <p class="patron-alert" role="alert">{t.unavailable}</p> }.into_any(),
    }
}

#[component]
fn JoinView(offer: LoyaltyOffer, lang: Lang, site: &'static str, t: &'static Texts) -> impl IntoView {
    let [first_name, last_name, email, website] = [(); 4].map(|_| RwSignal::new(String::new()));
    let agree = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::new());
    let send = Action::new_local(move |form: &JoinForm| {
        let form = form.clone();
        async move {
            let done = join_loyalty(form).await?;
            visitor::set_token(site, &done.visitor);
            Ok(done)
        }
    });
    take_server_errors(move || send.value().get(), errors);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = JoinForm {
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            email: email.get_untracked(),
            agree: agree.get_untracked(),
            lang: lang.code().to_owned(),
            page_url: page_url(),
            website: website.get_untracked(),
            favourites: visitor::saved_items(site).get_untracked(),
        };
        match ValidJoin::parse(&form) {
            Err(found) => errors.set(found),
            Ok(_) => {
                errors.set(FieldErrors::new());
                send.dispatch_local(form);
            }
        }
    };
    let done = move || send.value().get().and_then(Result::ok);
    let programmes = offer.programmes.clone();
    view! {
        <Show when=move || done().is_some() fallback=move || {
            let programmes = programmes.clone();
            let policy = offer.privacy_policy_url.clone();
            view! {
                <form class="patron-form" novalidate on:submit=on_submit>
                    <p class="patron-question">{t.loyalty().loyalty_title}</p>
                    <ul class="patron-programmes">
                        {programmes.into_iter().map(|(name, rewards)| view! {
                            <li><strong>{name}</strong>" "<span class="patron-muted">{rewards}</span></li>
                        }).collect_view()}
                    </ul>
                    <div class="patron-row">
                        <TextField label=t.forms().first_name name="given-name" kind="text" value=first_name field=Field::FirstName errors t required=true />
                        <TextField label=t.forms().last_name name="family-name" kind="text" value=last_name field=Field::LastName errors t />
                    </div>
                    <TextField label=t.forms().email name="email" kind="email" value=email field=Field::Email errors t required=true />
                    <div class="patron-consent">
                        <input id="agree" type="checkbox" prop:checked=agree
                            aria-describedby="agree-error"
                            on:change=move |ev| { agree.set(event_target_checked(&ev)); errors.update(|e| e.remove(Field::Consent)); } />
                        <label for="agree">{t.loyalty().loyalty_agree}</label>
                    </div>
                    <FieldError id="agree-error" field=Field::Consent errors t />
                    <p class="patron-small"><a href=policy target="_blank" rel="noopener">{t.forms().privacy_policy}</a></p>
                    <div class="patron-hp" hidden=true inert=true aria-hidden="true">
                        <label for="website">"Website"</label>
                        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"
                            prop:value=website on:input=move |ev| website.set(event_target_value(&ev)) />
                    </div>
                    <SubmitRow pending=send.pending() error=Signal::derive(move || submit_error(send.value().get(), t)) label=t.loyalty().join t />
                </form>
            }
        }>
            <p class="patron-thanks" role="status">{t.loyalty().loyalty_mailed}</p>
        </Show>
    }
}
