//! The browser side of Patron (see docs/design.md, "Two browser bundles"): with `hydrate`
//! it hydrates the server-rendered admin; with one or more widget families (`signup`,
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
    app::hydrate();
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
