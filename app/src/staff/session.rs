//! Staff sessions: a random token in an HttpOnly cookie, its SHA-256 in the database.

use super::StaffRow;
use crate::db::Db;
use crate::domain::{Role, StaffId};
use crate::tokens::{token_cookie, token_set_cookie};
use axum::http::{HeaderMap, HeaderValue};
use sqlx::Row;

pub const COOKIE_NAME: &str = "patron_session";
/// A browser the staff member signed in on before (see `throttle`).
pub const DEVICE_COOKIE: &str = "patron_device";
/// Sessions end after 14 days, signed in or not.
pub const LIFETIME_DAYS: i64 = 14;

/// The session token from the request's cookies, if any.
pub fn token_from(headers: &HeaderMap) -> Option<String> {
    token_cookie(headers, COOKIE_NAME)
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

/// The signed-in staff member a session token's hash belongs to, while it lasts.
pub async fn staff_for_session(pool: &Db, token_hash: &str) -> sqlx::Result<Option<StaffRow>> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.role FROM sessions s JOIN staff_users u ON u.id = s.staff_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(StaffRow { id: StaffId(r.get("id")), email: r.get("email"), role: Role::parse(r.get("role"))? })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

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
