//! What a widget keeps in the visitor's browser, per site: the items they saved, and the
//! token that links this browser to their customer record once they identified.
//!
//! Saved items are the favourites feature itself (the visitor asked for them to be kept);
//! the token is stored only after the visitor gave their details in a widget. Both live in
//! localStorage under the site's key; one signal per page keeps every widget in step.

use leptos::prelude::*;
use std::cell::RefCell;

const MAX_SAVED: usize = 100;

fn key(site: &str, what: &str) -> String {
    format!("patron:{site}:{what}")
}

/// The value kept under `key`, as JSON (as `gloo-storage` writes it: what browsers kept
/// before stays readable), read as the widgets read their answers (`wire`).
#[cfg(feature = "widgets")]
fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    use gloo_storage::Storage;
    let text = gloo_storage::LocalStorage::raw().get_item(key).ok()??;
    crate::widgets::wire::from_json(&text).ok()
}

/// Keeps `value` under `key` as JSON, written by `serde_json` through `gloo-storage` (not
/// the browser's `JSON.stringify`, which a host page's old library can change: Prototype
/// 1.6's `Array.prototype.toJSON` writes a list as a string).
#[cfg(feature = "widgets")]
fn store<T: serde::Serialize + ?Sized>(key: &str, value: &T) {
    use gloo_storage::Storage;
    // Storage can be full or disabled (private modes); the page keeps working without it.
    let _ = gloo_storage::LocalStorage::set(key, value);
}

#[cfg(not(feature = "widgets"))]
fn load<T>(_key: &str) -> Option<T> {
    None
}

#[cfg(not(feature = "widgets"))]
fn store<T: ?Sized>(_key: &str, _value: &T) {}

thread_local! {
    static SAVED: RefCell<Option<ArcRwSignal<Vec<String>>>> = const { RefCell::new(None) };
}

/// The SKUs this browser saved for the page's site, shared by every widget on the page.
pub fn saved_items(site: &str) -> ArcRwSignal<Vec<String>> {
    SAVED.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let mut items: Vec<String> = load(&key(site, "saved")).unwrap_or_default();
                items.truncate(MAX_SAVED);
                ArcRwSignal::new(items)
            })
            .clone()
    })
}

/// Saves or un-saves an item; returns whether it is saved now.
pub fn toggle_saved(site: &str, sku: &str) -> bool {
    let items = saved_items(site);
    let mut now_saved = false;
    items.update(|list| {
        if let Some(i) = list.iter().position(|s| s == sku) {
            list.remove(i);
        } else if list.len() < MAX_SAVED {
            list.push(sku.to_owned());
            now_saved = true;
        }
        store(&key(site, "saved"), list);
    });
    now_saved
}

/// The token of the customer who identified on this browser, if any.
pub fn token(site: &str) -> Option<String> {
    load(&key(site, "visitor"))
}

/// Remembers who identified on this browser.
pub fn set_token(site: &str, token: &str) {
    store(&key(site, "visitor"), token);
}
