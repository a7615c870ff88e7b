//! The widgets a shop embeds in its own pages with `embed.js`.
//!
//! Each widget is a Leptos component mounted client-side into a Shadow DOM by the widget
//! bundle; its server functions sit under `/w/` and are reached through the widget gate at
//! `/s/SITEKEY/w/...`, which checks the site and the page's origin first.

pub mod address;
#[cfg(feature = "ssr")]
pub mod caller;
pub mod catalogue;
pub mod favourites;
pub mod heard;
#[cfg(feature = "ssr")]
pub mod identity;
pub mod language;
pub mod loyalty;
pub mod nps;
pub mod profile;
pub mod question;
pub mod reasons;
pub mod reservation;
pub mod signup;
pub mod texts;
pub mod ui;
pub mod visitor;
pub mod warranty;

#[cfg(feature = "widgets")]
pub use mount::mount;

#[cfg(feature = "widgets")]
mod mount {
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

    /// Mounts the widget `kind` into `el` (an element inside a shadow root); `item` is the
    /// host element's `data-item`, for the widgets about one catalogue item.
    ///
    /// `server` is Patron's origin (the embed script's own), `site` the site key: every
    /// server function of this page then goes to `{server}/s/{site}/...`.
    pub fn mount(el: HtmlElement, kind: &str, site: &str, lang: &str, server: &str, item: Option<String>) {
        set_server_once(format!("{server}/s/{site}"));
        let lang = Lang::from_tag(lang);
        let site: &'static str = Box::leak(site.to_owned().into_boxed_str());
        let kind = kind.to_owned();
        match kind.as_str() {
            "signup" => leptos::mount::mount_to(el, move || view! { <SignupWidget lang site /> }).forget(),
            "nps" => leptos::mount::mount_to(el, move || view! { <NpsWidget lang site /> }).forget(),
            "reasons" => leptos::mount::mount_to(el, move || view! { <ReasonsWidget lang site /> }).forget(),
            "heard" => leptos::mount::mount_to(el, move || view! { <HeardWidget lang site /> }).forget(),
            "warranty" => leptos::mount::mount_to(el, move || view! { <WarrantyWidget lang site sku=item /> }).forget(),
            "profile" => leptos::mount::mount_to(el, move || view! { <ProfileWidget lang site /> }).forget(),
            "loyalty" => leptos::mount::mount_to(el, move || view! { <LoyaltyWidget lang site /> }).forget(),
            "favourites-list" => leptos::mount::mount_to(el, move || view! { <FavouritesList lang site /> }).forget(),
            "favourite" | "reservation" if item.is_some() => {
                let sku = item.unwrap_or_default();
                if kind == "favourite" {
                    leptos::mount::mount_to(el, move || view! { <FavouriteButton lang site sku /> }).forget()
                } else {
                    leptos::mount::mount_to(el, move || view! { <ReservationWidget lang site sku /> }).forget()
                }
            }
            _ => leptos::mount::mount_to(el, move || {
                view! { <p class="patron-alert" role="alert">{lang.texts().unknown_widget} ": " {kind}</p> }
            })
            .forget(),
        }
    }
}
