//! What a server function can take from the request it serves (server side only).

use crate::db::Db;
use crate::error::AppError;
use leptos::prelude::use_context;
use leptos::server_fn::http_export::request::Parts;

/// The one database pool, provided to every server function by the server's router.
pub fn pool() -> Result<Db, AppError> {
    use_context::<Db>().ok_or_else(|| AppError::internal("server function context", "no database pool"))
}

/// The head of the HTTP request being served: headers, extensions, URI.
pub fn request_parts() -> Result<Parts, AppError> {
    use_context::<Parts>().ok_or_else(|| AppError::internal("server function context", "no request parts"))
}

/// The client's address, put on each request by the server (behind trusted proxies, the
/// address they forwarded for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub std::net::IpAddr);

/// The client's address of the request being served.
pub fn client_ip() -> Option<std::net::IpAddr> {
    request_parts().ok()?.extensions.get::<ClientIp>().map(|c| c.0)
}

/// The mail server this Patron sends through (host and port only: the configured address
/// may hold a password), provided to every server function; `None` when mails wait in the
/// outbox.
#[derive(Debug, Clone, Default)]
pub struct MailServer(pub Option<String>);

pub fn mail_server() -> Option<String> {
    use_context::<MailServer>().and_then(|m| m.0)
}

/// Patron's public address: where every link it writes points (mails, exports, invitations,
/// embed snippets), what `self` means to the widget gate, the origin admin calls must come
/// from, and whether cookies are `Secure`. It is configured (`PATRON_PUBLIC_URL`), or, for
/// a server listening on a loopback address only, that address; the request's `Host` and
/// `X-Forwarded-*` headers are never asked, so a forged request cannot move a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicOrigin {
    origin: crate::domain::Origin,
    /// Other spellings of the same loopback server a local browser may use
    /// (`http://localhost:3000` for `http://127.0.0.1:3000`); empty when configured.
    aliases: Vec<crate::domain::Origin>,
}

impl PublicOrigin {
    /// The configured public address.
    pub fn configured(origin: crate::domain::Origin) -> PublicOrigin {
        PublicOrigin { origin, aliases: Vec::new() }
    }

    /// The address of a server that listens on loopback only, or `None` for any other
    /// address (such a server must be told its public address).
    pub fn loopback(addr: std::net::SocketAddr) -> Option<PublicOrigin> {
        if !addr.ip().is_loopback() {
            return None;
        }
        let port = addr.port();
        let parse = |s: String| crate::domain::Origin::parse(&s).ok();
        let origin = parse(format!("http://{addr}"))?;
        let aliases =
            [format!("http://localhost:{port}"), format!("http://127.0.0.1:{port}"), format!("http://[::1]:{port}")]
                .into_iter()
                .filter_map(parse)
                .filter(|o| *o != origin)
                .collect();
        Some(PublicOrigin { origin, aliases })
    }

    /// `scheme://host[:port]`, what links start with.
    pub fn as_str(&self) -> &str {
        self.origin.as_str()
    }

    /// Whether browsers reach Patron over https (cookies are then `Secure`, and HSTS is sent).
    pub fn is_https(&self) -> bool {
        self.origin.as_str().starts_with("https://")
    }

    /// Whether a page on `origin` is Patron's own.
    pub fn is_own(&self, origin: &crate::domain::Origin) -> bool {
        *origin == self.origin || self.aliases.contains(origin)
    }
}

/// Whether a request comes from a page that is not Patron's own: a browser says so in
/// `Sec-Fetch-Site` and `Origin` (sent on every POST). A request without either is not a
/// browser's cross-site request. Patron's own pages are those of its public address, never
/// whatever the `Host` header claims.
pub fn is_cross_origin(headers: &axum::http::HeaderMap, public: &PublicOrigin) -> bool {
    if headers.get("sec-fetch-site").is_some_and(|v| v == "cross-site" || v == "same-site") {
        return true;
    }
    let Some(origin) = headers.get(axum::http::header::ORIGIN) else { return false };
    match origin.to_str().ok().map(crate::domain::Origin::parse) {
        Some(Ok(origin)) => !public.is_own(&origin),
        _ => true,
    }
}

/// The public address, which the server's router puts on every request (axum handlers
/// take it as `Extension<PublicOrigin>`).
pub fn public_origin() -> Result<PublicOrigin, AppError> {
    request_parts()?
        .extensions
        .get::<PublicOrigin>()
        .cloned()
        .ok_or_else(|| AppError::internal("server function context", "no public origin"))
}

/// The address links in mails and exports start with.
pub fn link_origin() -> Result<String, AppError> {
    Ok(public_origin()?.as_str().to_owned())
}

/// Sets a response header of the server function being served.
pub fn set_response_header(name: axum::http::HeaderName, value: axum::http::HeaderValue) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(name, value);
    }
}

/// Adds a response header of the server function being served beside any of that name
/// already set (a second `Set-Cookie`).
pub fn append_response_header(name: axum::http::HeaderName, value: axum::http::HeaderValue) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.append_header(name, value);
    }
}

/// Passes a server function's result through, giving an error response the status that
/// fits it (422 for invalid input, 401/403 for auth...) instead of Leptos' blanket 500.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result
        && let Some(res) = use_context::<leptos_axum::ResponseOptions>()
    {
        res.set_status(e.status_code());
        if matches!(e, AppError::Unavailable | AppError::Busy) {
            res.insert_header(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(crate::storage::RETRY_AFTER_SECONDS),
            );
        }
    }
    result
}

/// The server's clock in Unix seconds: what "today" and "the last N days" count from.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Where the key that seals PII lies when none was configured (the file beside the
/// database), or None when one was: owners are told in the admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPlace(pub Option<String>);
