//! Patron's shared crate: domain types, the admin app, the widgets, and their server
//! functions. Built three ways: `ssr` into the server, `hydrate` into the admin's WASM,
//! `widgets` into the widget WASM.

pub mod admin;
pub mod domain;
pub mod error;
pub mod widgets;

#[cfg(feature = "ssr")]
pub mod server_ctx;
#[cfg(feature = "ssr")]
pub mod sites;
#[cfg(feature = "ssr")]
pub mod tokens;

pub use admin::{AdminApp, shell};

/// Entry point of the admin bundle: hydrates the server-rendered admin page.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_body(AdminApp);
}
