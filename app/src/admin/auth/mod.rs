//! Staff sign-in: the first-run owner page, login, logout (the session and its guard are
//! `crate::staff`).

pub(crate) mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod passwords;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use api::{AuthState, GetAuthState, Login, Logout, LogoutEverywhere, SetupOwner, get_auth_state};

use crate::domain::{Field, Password};
use crate::staff::form_error::FormError;
use crate::staff::texts::t;
use leptos::form::ActionForm;
use leptos::prelude::*;

/// First run: create the owner account.
#[component]
pub fn SetupPage() -> impl IntoView {
    let t = t();
    let action = ServerAction::<SetupOwner>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // The link Patron printed at start carries the code; typed by hand otherwise.
    let query = leptos_router::hooks::use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    view! {
        <main class="auth">
            <h1>{t.sign_in().welcome}</h1>
            <p>{t.sign_in().welcome_intro}</p>
            <ActionForm action>
                <label>
                    {t.sign_in().setup_code}
                    <input name="token" autocomplete="off" spellcheck="false" required value=code />
                </label>
                <label>{t.common().email} <input type="email" name="email" autocomplete="username" required /></label>
                <FormError error field=Field::Email />
                <NewPasswordField error />
                <FormError error />
                <button type="submit">{t.sign_in().create_owner}</button>
            </ActionForm>
        </main>
    }
}

/// The choose-a-password field of the first-run and invitation pages, with its error.
#[component]
pub fn NewPasswordField(#[prop(into)] error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    view! {
        <label>
            {(t().sign_in().new_password)(Password::MIN_CHARS)}
            <input type="password" name="password" autocomplete="new-password" required />
        </label>
        <FormError error field=Field::Password />
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = t();
    let action = ServerAction::<Login>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // Signed in: the next page is loaded whole, so it speaks the account's language (the
    // cookie the sign-in set), not the one this page was built in.
    Effect::new(move || {
        if let Some(Ok(())) = action.value().get() {
            crate::admin::areas::load("/admin/customers");
        }
    });
    view! {
        <main class="auth">
            <h1>{t.sign_in().title}</h1>
            <ActionForm action>
                <label>{t.common().email} <input type="email" name="email" autocomplete="username" required /></label>
                <label>{t.sign_in().password} <input type="password" name="password" autocomplete="current-password" required /></label>
                <FormError error />
                <button type="submit">{t.sign_in().sign_in}</button>
            </ActionForm>
        </main>
    }
}

/// The sign-out buttons of the admin's frame: this browser, or every device.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let t = t();
    let action = ServerAction::<Logout>::new();
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    view! {
        <ActionForm action attr:class="logout">
            <button type="submit">{t.frame().sign_out}</button>
        </ActionForm>
        <ActionForm action=everywhere attr:class="logout">
            <button type="submit" title=t.frame().sign_out_everywhere_hint>{t.frame().sign_out_everywhere}</button>
        </ActionForm>
    }
}
