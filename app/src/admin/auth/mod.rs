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
use leptos::form::ActionForm;
use leptos::prelude::*;

/// First run: create the owner account.
#[component]
pub fn SetupPage() -> impl IntoView {
    let action = ServerAction::<SetupOwner>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    // The link Patron printed at start carries the code; typed by hand otherwise.
    let query = leptos_router::hooks::use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    view! {
        <main class="auth">
            <h1>"Welcome to Patron"</h1>
            <p>"Create the owner account. The owner can later invite the rest of the staff."</p>
            <ActionForm action>
                <label>
                    "Set-up code (printed by Patron when it started)"
                    <input name="token" autocomplete="off" spellcheck="false" required value=code />
                </label>
                <label>"Email" <input type="email" name="email" autocomplete="username" required /></label>
                <FormError error field=Field::Email />
                <NewPasswordField error />
                <FormError error />
                <button type="submit">"Create owner account"</button>
            </ActionForm>
        </main>
    }
}

/// The choose-a-password field of the first-run and invitation pages, with its error.
#[component]
pub fn NewPasswordField(#[prop(into)] error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    view! {
        <label>
            "Password (at least " {Password::MIN_CHARS} " characters)"
            <input type="password" name="password" autocomplete="new-password" required />
        </label>
        <FormError error field=Field::Password />
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<Login>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <main class="auth">
            <h1>"Sign in to Patron"</h1>
            <ActionForm action>
                <label>"Email" <input type="email" name="email" autocomplete="username" required /></label>
                <label>"Password" <input type="password" name="password" autocomplete="current-password" required /></label>
                <FormError error />
                <button type="submit">"Sign in"</button>
            </ActionForm>
        </main>
    }
}

/// The sign-out buttons of the admin's frame: this browser, or every device.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let action = ServerAction::<Logout>::new();
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    view! {
        <ActionForm action attr:class="logout">
            <button type="submit">"Sign out"</button>
        </ActionForm>
        <ActionForm action=everywhere attr:class="logout">
            <button type="submit" title="Ends your sessions on every device, this one included">"Sign out everywhere"</button>
        </ActionForm>
    }
}
