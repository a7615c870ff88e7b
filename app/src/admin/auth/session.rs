//! Staff sessions: a random token in an HttpOnly cookie, its SHA-256 in the database.

use axum::http::{HeaderMap, HeaderValue, header};

pub const COOKIE_NAME: &str = "patron_session";
/// A browser the staff member signed in on before (see `throttle`).
pub const DEVICE_COOKIE: &str = "patron_device";
/// Sessions end after 14 days, signed in or not.
pub const LIFETIME_DAYS: i64 = 14;

/// The session token from the request's cookies, if any.
pub fn token_from(headers: &HeaderMap) -> Option<String> {
    token_cookie(headers, COOKIE_NAME)
}

/// A token cookie by name (Patron's tokens are 64 hex digits; anything else is ignored).
pub fn token_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, value)| *n == name && value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|(_, value)| value.to_owned())
}

/// `Set-Cookie` for a token cookie (an empty `token` with `max_age` 0 removes it).
/// SameSite=Strict: a link or form on another site does not carry it.
pub fn token_set_cookie(name: &str, path: &str, token: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={token}; Path={path}; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"))
        .expect("hex token and site key make a valid header value")
}

/// Whether session cookies are `Secure`: when Patron's public address is https. Never
/// from the request's headers, which a client or a misconfigured proxy could set.
pub fn is_https() -> bool {
    crate::server_ctx::public_origin().is_ok_and(|o| o.is_https())
}

/// `Set-Cookie` for a new session. SameSite=Strict: a link from another site does not
/// carry the session, which is what keeps cross-site requests out of the admin.
pub fn set_cookie(token: &str, secure: bool) -> HeaderValue {
    token_set_cookie(COOKIE_NAME, "/", token, LIFETIME_DAYS * 24 * 3600, secure)
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_cookie(secure: bool) -> HeaderValue {
    token_set_cookie(COOKIE_NAME, "/", "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_among_other_cookies() {
        let token = crate::tokens::new_token().unwrap();
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_str(&format!("a=1; {COOKIE_NAME}={token}; b=2")).unwrap());
        assert_eq!(token_from(&h), Some(token));
    }

    #[test]
    fn malformed_tokens_are_ignored() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("patron_session=abc"));
        assert_eq!(token_from(&h), None);
    }

    #[test]
    fn the_cookie_is_httponly_strict_and_secure_only_over_https() {
        let c = set_cookie(&"a".repeat(64), false);
        let c = c.to_str().unwrap();
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && !c.contains("Secure"));
        assert!(set_cookie("x", true).to_str().unwrap().ends_with("; Secure"));
    }
}
