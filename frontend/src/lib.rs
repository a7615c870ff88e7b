//! The browser side of Patron (see docs/design.md, "Two browser bundles"): with `hydrate`
//! it hydrates the server-rendered admin (one bundle per area of the admin, `admin-*`
//! features, `app::admin::areas`); with one or more widget families (`signup`,
//! `favourites`, ...) it mounts those widgets into shops' pages for `embed.js`. It only
//! starts things: the code lives in `app`.
//!
//! The widget bundle is built once per family and once with them all (`scripts/build`):
//! `embed.js` loads the family's bundle when a page's widgets are all of one family, the
//! whole one otherwise. The families are features here and not in `app`, so `app` is
//! compiled once for all of them and each bundle costs only its link.

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::hydrate::<AdminAreas>();
}

/// The admin's areas this bundle carries (`app::admin::areas`): those of the `admin-*`
/// features, or every one when none is named (`scripts/dev`'s one bundle).
#[cfg(feature = "hydrate")]
struct AdminAreas;

#[cfg(feature = "hydrate")]
impl app::admin::areas::Bundle for AdminAreas {
    const AREAS: u32 = {
        use app::admin::areas::Area;
        let mut areas = 0;
        if cfg!(feature = "admin-front") {
            areas |= Area::Front.bit();
        }
        if cfg!(feature = "admin-till") {
            areas |= Area::Till.bit();
        }
        if cfg!(feature = "admin-customers") {
            areas |= Area::Customers.bit();
        }
        if cfg!(feature = "admin-upkeep") {
            areas |= Area::Upkeep.bit();
        }
        if cfg!(feature = "admin-insight") {
            areas |= Area::Insight.bit();
        }
        if cfg!(feature = "admin-settings") {
            areas |= Area::Settings.bit();
        }
        if cfg!(feature = "admin-oversight") {
            areas |= Area::Oversight.bit();
        }
        if areas == 0 { u32::MAX } else { areas }
    };
}

/// Called by `embed.js` once per `[data-patron]` element, with a fresh element inside the
/// element's shadow root.
#[cfg(feature = "widgets")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement, kind: String, site: String, lang: String, server: String, item: Option<String>) {
    use app::widgets::mount as family;
    console_error_panic_hook::set_once();
    let families: &[family::Family] = &[
        #[cfg(feature = "signup")]
        family::signup,
        #[cfg(feature = "favourites")]
        family::favourites,
        #[cfg(feature = "reservation")]
        family::reservation,
        #[cfg(feature = "surveys")]
        family::surveys,
        #[cfg(feature = "warranty")]
        family::warranty,
        #[cfg(feature = "profile")]
        family::profile,
        #[cfg(feature = "loyalty")]
        family::loyalty,
    ];
    family::mount(el, &kind, &site, &lang, &server, item, families);
}
