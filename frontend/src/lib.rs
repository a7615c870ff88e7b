//! The browser side of Patron, built twice (see docs/design.md, "Two browser bundles"):
//! with `hydrate` it hydrates the server-rendered admin; with `widgets` it mounts widgets
//! into shops' pages for `embed.js`. It only starts things: the code lives in `app`.

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
    console_error_panic_hook::set_once();
    app::widgets::mount(el, &kind, &site, &lang, &server, item);
}
