//! What a server function can take from the request it serves (server side only).

use crate::error::AppError;
use leptos::prelude::use_context;
use leptos::server_fn::http_export::request::Parts;
use sqlx::SqlitePool;

/// The one database pool, provided to every server function by the server's router.
pub fn pool() -> Result<SqlitePool, AppError> {
    use_context::<SqlitePool>().ok_or_else(|| AppError::internal("server function context", "no database pool"))
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

/// The address links in mails start with: `PATRON_PUBLIC_URL` when set, provided to every
/// server function; else the origin the request reached Patron on.
#[derive(Debug, Clone, Default)]
pub struct PublicUrl(pub Option<String>);

pub fn link_origin() -> Result<String, AppError> {
    if let Some(PublicUrl(Some(url))) = use_context::<PublicUrl>() {
        return Ok(url);
    }
    Ok(own_origin(&request_parts()?.headers))
}

/// Sets a response header of the server function being served.
pub fn set_response_header(name: axum::http::HeaderName, value: axum::http::HeaderValue) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(name, value);
    }
}

/// Passes a server function's result through, giving an error response the status that
/// fits it (422 for invalid input, 401/403 for auth...) instead of Leptos' blanket 500.
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result
        && let Some(res) = use_context::<leptos_axum::ResponseOptions>()
    {
        res.set_status(e.status_code());
    }
    result
}

/// The origin this request reached Patron on: for embed snippets and invitation links.
pub fn own_origin(headers: &axum::http::HeaderMap) -> String {
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let scheme = if crate::admin::auth::session::is_https(headers) { "https" } else { "http" };
    match crate::domain::Origin::parse(&format!("{scheme}://{host}")) {
        Ok(origin) => origin.as_str().to_owned(),
        Err(_) => format!("{scheme}://localhost"),
    }
}

/// The server's clock in Unix seconds: what "today" and "the last N days" count from.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Where the key that seals PII lies when none was configured (the file beside the
/// database), or None when one was: owners are told in the admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPlace(pub Option<String>);
