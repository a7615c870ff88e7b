//! Mounting a widget into a shop's page, for the widget bundles.
//!
//! The widgets are built into one bundle per family (see `frontend`): a page with only a
//! newsletter signup downloads the signup's code, not the nine other widgets'. Each family
//! here is a function from a kind to what mounts it; a bundle passes `mount` the families it
//! carries, and the linker leaves out the rest.

use super::favourites::{FavouriteButton, FavouritesList};
use super::heard::HeardWidget;
use super::loyalty::LoyaltyWidget;
use super::nps::NpsWidget;
use super::profile::ProfileWidget;
use super::reasons::ReasonsWidget;
use super::reservation::ReservationWidget;
use super::signup::SignupWidget;
use super::texts::Lang;
use super::warranty::WarrantyWidget;
use leptos::prelude::*;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use web_sys::HtmlElement;

/// What puts one widget into its element: the language, the site key and the host
/// element's `data-item`.
pub type Mounter = fn(HtmlElement, Lang, &'static str, Option<String>);

/// A family of widgets: the mounter of each kind it knows.
pub type Family = fn(&str) -> Option<Mounter>;

/// Points every server function of the page at `base` the first time; a page is one
/// site, so a widget with another key keeps the first one's address, and the console
/// says so once (not once per widget).
fn set_server_once(base: String) {
    static FIRST: OnceLock<String> = OnceLock::new();
    static WARNED: AtomicBool = AtomicBool::new(false);
    match FIRST.get() {
        None => {
            let leaked: &'static str = Box::leak(base.clone().into_boxed_str());
            let _ = leptos::server_fn::client::try_set_server_url(leaked);
            let _ = FIRST.set(base);
        }
        Some(first) if *first != base && !WARNED.swap(true, Ordering::Relaxed) => {
            leptos::logging::warn!("Patron: one site key per page; keeping the first");
        }
        Some(_) => {}
    }
}

/// Mounts the widget `kind` into `el` (an element inside a shadow root) with the first of
/// `families` that knows it; `item` is the host element's `data-item`, for the widgets
/// about one catalogue item.
///
/// `server` is Patron's origin (the embed script's own), `site` the site key: every
/// server function of this page then goes to `{server}/s/{site}/...`.
pub fn mount(
    el: HtmlElement,
    kind: &str,
    site: &str,
    lang: &str,
    server: &str,
    item: Option<String>,
    families: &[Family],
) {
    set_server_once(format!("{server}/s/{site}"));
    let lang = Lang::from_tag(lang);
    let site: &'static str = Box::leak(site.to_owned().into_boxed_str());
    match families.iter().find_map(|family| family(kind)) {
        Some(mounter) => mounter(el, lang, site, item),
        None => unknown(el, lang, kind),
    }
}

/// Says in the widget's place that the page asks for a kind this bundle does not know (or
/// for a widget about an item without naming the item).
fn unknown(el: HtmlElement, lang: Lang, kind: &str) {
    let kind = kind.to_owned();
    leptos::mount::mount_to(el, move || {
        view! { <p class="patron-alert" role="alert">{lang.texts().unknown_widget} ": " {kind}</p> }
    })
    .forget()
}

/// The newsletter signup.
pub fn signup(kind: &str) -> Option<Mounter> {
    (kind == "signup").then_some(|el, lang, site, _| {
        leptos::mount::mount_to(el, move || view! { <SignupWidget lang site /> }).forget()
    })
}

/// The favourite button (needs `data-item`) and the list of the visitor's favourites.
pub fn favourites(kind: &str) -> Option<Mounter> {
    match kind {
        "favourite" => Some(|el, lang, site, item| match item {
            Some(sku) => leptos::mount::mount_to(el, move || view! { <FavouriteButton lang site sku /> }).forget(),
            None => unknown(el, lang, "favourite"),
        }),
        "favourites-list" => Some(|el, lang, site, _| {
            leptos::mount::mount_to(el, move || view! { <FavouritesList lang site /> }).forget()
        }),
        _ => None,
    }
}

/// The reservation of one item (needs `data-item`).
pub fn reservation(kind: &str) -> Option<Mounter> {
    (kind == "reservation").then_some(|el, lang, site, item| match item {
        Some(sku) => leptos::mount::mount_to(el, move || view! { <ReservationWidget lang site sku /> }).forget(),
        None => unknown(el, lang, "reservation"),
    })
}

/// The short surveys: NPS, rank-your-reasons and how-did-you-hear.
pub fn surveys(kind: &str) -> Option<Mounter> {
    match kind {
        "nps" => {
            Some(|el, lang, site, _| leptos::mount::mount_to(el, move || view! { <NpsWidget lang site /> }).forget())
        }
        "reasons" => Some(|el, lang, site, _| {
            leptos::mount::mount_to(el, move || view! { <ReasonsWidget lang site /> }).forget()
        }),
        "heard" => {
            Some(|el, lang, site, _| leptos::mount::mount_to(el, move || view! { <HeardWidget lang site /> }).forget())
        }
        _ => None,
    }
}

/// The warranty card (`data-item` names the product, if the page is about one).
pub fn warranty(kind: &str) -> Option<Mounter> {
    (kind == "warranty").then_some(|el, lang, site, sku| {
        leptos::mount::mount_to(el, move || view! { <WarrantyWidget lang site sku /> }).forget()
    })
}

/// The progressive profile.
pub fn profile(kind: &str) -> Option<Mounter> {
    (kind == "profile").then_some(|el, lang, site, _| {
        leptos::mount::mount_to(el, move || view! { <ProfileWidget lang site /> }).forget()
    })
}

/// The loyalty card.
pub fn loyalty(kind: &str) -> Option<Mounter> {
    (kind == "loyalty").then_some(|el, lang, site, _| {
        leptos::mount::mount_to(el, move || view! { <LoyaltyWidget lang site /> }).forget()
    })
}
