//! The two doors of the server: the widget gate for shops' pages, and the same-origin rule
//! for the admin.
//!
//! A browser sends a form-encoded cross-origin POST without asking first and only hides the
//! answer from the page, so CORS headers alone protect nothing. The gate therefore decides
//! before any handler runs: unknown site or foreign origin → 403, nothing stored.

use crate::client_ip::{TrustedProxy, client_ip};
use crate::rate_limit::Limit;
use app::db::Db;
use app::domain::{Origin, SiteKey};
use app::sites::{self, WidgetCaller};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Widget requests carry no more than a form's worth of text.
const MAX_WIDGET_BODY: u64 = 16 * 1024;

/// What the widget gate needs.
#[derive(Clone)]
pub struct WidgetGate {
    pub pool: Db,
    pub proxies: std::sync::Arc<Vec<TrustedProxy>>,
    pub limit: Limit,
    /// What `self` stands for among a site's allowed origins.
    pub public: app::server_ctx::PublicOrigin,
}

/// Routes `/s/SITEKEY/w/...` to the widget server function `/w/...` when SITEKEY names a
/// site and the request's `Origin` is one the site allows; answers preflights for allowed
/// origins only, and 429 past the site's rate limit for the caller's network. Everything
/// else passes through untouched.
pub async fn widget_gate(State(gate): State<WidgetGate>, mut req: Request, next: Next) -> Response {
    let pool = &gate.pool;
    let Some((key, inner_path)) = split_widget_path(req.uri()) else {
        return next.run(req).await;
    };
    let Ok(key) = SiteKey::parse(&key) else {
        return refuse(StatusCode::NOT_FOUND, "unknown site");
    };
    let site = match sites::db::find_by_key(pool, &key).await {
        Ok(Some(site)) => site,
        Ok(None) => return refuse(StatusCode::FORBIDDEN, "unknown site"),
        Err(e) => {
            if app::storage::note(&e).is_none() {
                tracing::error!(error = %e, "widget gate: looking up the site");
            }
            return app::storage::retry_later(refuse(StatusCode::SERVICE_UNAVAILABLE, "try again"));
        }
    };
    let origin = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).and_then(|o| Origin::parse(o).ok());
    let Some(origin) = origin.filter(|o| site.allows(o, &gate.public)) else {
        tracing::info!(site = key.as_str(), "widget call from an origin the site does not allow");
        return refuse(StatusCode::FORBIDDEN, "origin not allowed for this site");
    };
    let allow_origin = HeaderValue::from_str(origin.as_str()).expect("a parsed origin is a valid header value");

    if req.method() == Method::OPTIONS {
        let mut res = StatusCode::NO_CONTENT.into_response();
        let h = res.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow_origin);
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type, accept"));
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        h.insert(header::VARY, HeaderValue::from_static("origin"));
        return res;
    }
    if req.method() != Method::POST {
        return refuse(StatusCode::METHOD_NOT_ALLOWED, "widget endpoints take POST");
    }
    let peer = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let ip = peer.map(|peer| client_ip(peer, req.headers(), &gate.proxies));
    if !gate.limit.allows(site.id.0, ip) {
        tracing::info!(site = key.as_str(), "widget call over the rate limit");
        return refuse(StatusCode::TOO_MANY_REQUESTS, "too many requests from this network; try again in a minute");
    }
    if content_length(req.headers()).is_none_or(|n| n > MAX_WIDGET_BODY) {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, "the request is too large");
    }
    let Ok(uri) = inner_path.parse::<Uri>() else {
        return refuse(StatusCode::NOT_FOUND, "no such widget endpoint");
    };
    *req.uri_mut() = uri;
    req.extensions_mut().insert(WidgetCaller { site, origin });

    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // Never Access-Control-Allow-Credentials: widgets carry no staff cookie.
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow_origin);
    h.insert(header::VARY, HeaderValue::from_static("origin"));
    res
}

/// `/s/demo/w/signup` → (`demo`, `/w/signup`). Only `/w/` endpoints are reachable this way.
fn split_widget_path(uri: &Uri) -> Option<(String, String)> {
    let rest = uri.path().strip_prefix("/s/")?;
    let (key, tail) = rest.split_once('/')?;
    tail.starts_with("w/").then(|| (key.to_owned(), format!("/{tail}")))
}

/// The declared body length; browsers always declare it for the widgets' fetch calls.
fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(header::CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

fn refuse(status: StatusCode, why: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], why).into_response()
}

/// Admin server functions answer calls from Patron's own pages only (its public address,
/// not whatever `Host` the request names). The session cookie is SameSite=Strict already;
/// this also refuses a cross-site request that carries none.
pub async fn admin_same_origin(
    State(public): State<app::server_ctx::PublicOrigin>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/api/admin/") && app::server_ctx::is_cross_origin(req.headers(), &public) {
        tracing::info!("refused a cross-origin call to an admin function");
        return refuse(StatusCode::FORBIDDEN, "admin functions accept same-origin requests only");
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_widget_endpoints_are_routed_through_the_gate() {
        let u: Uri = "/s/demo/w/signup".parse().unwrap();
        assert_eq!(split_widget_path(&u), Some(("demo".into(), "/w/signup".into())));
        let admin: Uri = "/s/demo/api/admin/list_customers".parse().unwrap();
        assert_eq!(split_widget_path(&admin), None);
        let plain: Uri = "/w/signup".parse().unwrap();
        assert_eq!(split_widget_path(&plain), None);
    }

    #[test]
    fn a_foreign_origin_is_cross_origin_whatever_the_host_says() {
        use app::server_ctx::{PublicOrigin, is_cross_origin};
        let public = PublicOrigin::configured(Origin::parse("https://crm.shop.example").unwrap());
        let mut h = HeaderMap::new();
        h.insert(header::ORIGIN, HeaderValue::from_static("https://crm.shop.example"));
        assert!(!is_cross_origin(&h, &public));
        h.insert(header::HOST, HeaderValue::from_static("evil.example"));
        h.insert(header::ORIGIN, HeaderValue::from_static("http://evil.example"));
        assert!(is_cross_origin(&h, &public));
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(is_cross_origin(&h, &public));
        let local = PublicOrigin::loopback("127.0.0.1:3000".parse().unwrap()).unwrap();
        h.insert(header::ORIGIN, HeaderValue::from_static("http://localhost:3000"));
        assert!(!is_cross_origin(&h, &local));
        assert!(PublicOrigin::loopback("0.0.0.0:3000".parse().unwrap()).is_none());
    }
}
