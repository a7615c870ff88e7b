//! Files served from the built site directory: the embed loader, the WASM bundles, the
//! demo shop, the admin's CSS.

use axum::Router;
use axum::http::{HeaderValue, header};
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// Static routes. Everything here is public, so any page may load it (`embed.js` and the
/// widget bundle are fetched cross-origin by shops' pages, which needs CORS).
pub fn routes<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let demo = site_root.join("demo");
    Router::new()
        .route_service("/demo", ServeFile::new(demo.join("index.html")))
        .route_service("/demo/privacy", ServeFile::new(demo.join("privacy.html")))
        .route_service("/demo/thanks", ServeFile::new(demo.join("thanks.html")))
        .fallback_service(ServeDir::new(site_root))
        .layer(SetResponseHeaderLayer::overriding(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")))
        // No file names carry a hash yet, so browsers must revalidate (cheap: ETag/304).
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
}
