//! Patron's shared crate: domain types, the admin app, the widgets, and their server
//! functions. Built three ways: `ssr` into the server, `hydrate` into the admin's WASM,
//! `widgets` into the widget WASM.

// The admin's larger pages nest deep view types; hydration code needs the extra depth.
#![recursion_limit = "256"]

pub mod admin;
pub mod analytics;
pub mod automation;
pub mod corrections;
pub mod csv_cells;
pub mod domain;
pub mod error;
pub mod like;
pub mod loyalty;
pub mod mail;
#[cfg(feature = "ssr")]
pub mod pii;
pub mod policy;
pub mod products;
#[cfg(feature = "ssr")]
pub mod public_pages;
#[cfg(feature = "ssr")]
pub mod rest_api;
#[cfg(feature = "ssr")]
pub mod rights;
pub mod segment_rules;
pub mod staff;
pub mod webhooks;
pub mod widgets;

#[cfg(feature = "ssr")]
pub mod customer_changes;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod extract;
#[cfg(feature = "ssr")]
pub mod sealed;
#[cfg(feature = "ssr")]
pub mod server_ctx;
#[cfg(feature = "ssr")]
pub mod sites;
#[cfg(feature = "ssr")]
pub mod storage;
#[cfg(feature = "ssr")]
pub mod tokens;
#[cfg(feature = "ssr")]
pub mod writer;

pub use admin::{AdminApp, shell};

/// Entry point of an admin bundle: hydrates the server-rendered admin page with the pages
/// of `B`'s areas (`admin::areas`).
#[cfg(feature = "hydrate")]
pub fn hydrate<B: admin::areas::Bundle>() {
    admin::areas::note_loaded_path();
    leptos::mount::hydrate_body(admin::admin_app::<B>);
    // Tells browser tests (and anyone curious) that clicks are now handled by the app,
    // not by plain HTML forms.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
