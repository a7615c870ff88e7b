//! Random tokens handed to browsers (staff session cookies, visitor links) and the hash the
//! database keeps instead, so a copy of the database does not let anyone act as them; the
//! cookies that carry them; the server-wide secrets links are signed with.

use sha2::{Digest, Sha256};

/// A fresh token: 32 random bytes, hex-encoded (64 characters).
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// What the database stores for a token: its SHA-256, hex-encoded.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Every value a request's cookies give `name`, in the order sent.
pub fn cookie_values<'h>(headers: &'h axum::http::HeaderMap, name: &'h str) -> impl Iterator<Item = &'h str> + 'h {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter_map(move |(n, value)| (n == name).then_some(value))
}

/// A token cookie by name (Patron's tokens are 64 hex digits; anything else is ignored).
pub fn token_cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    cookie_values(headers, name)
        .find(|value| value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

/// `Set-Cookie` for a token cookie (an empty `token` with `max_age` 0 removes it).
/// SameSite=Strict: a link or form on another site does not carry it.
pub fn token_set_cookie(name: &str, path: &str, token: &str, max_age: i64, secure: bool) -> axum::http::HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    axum::http::HeaderValue::from_str(&format!(
        "{name}={token}; Path={path}; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    ))
    .expect("hex token and site key make a valid header value")
}

/// A server-wide secret by name, made on first use. It lives in the database so every
/// server signs alike; `ON CONFLICT DO NOTHING` lets two servers race to make it safely.
pub async fn secret(pool: &crate::db::Db, name: &str) -> sqlx::Result<Vec<u8>> {
    let fresh = crate::tokens::new_token().map_err(|e| sqlx::Error::Protocol(format!("no randomness: {e}")))?;
    sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(name)
        .bind(&fresh)
        .execute(pool)
        .await?;
    let value: String =
        sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1").bind(name).fetch_one(pool).await?;
    hex::decode(value).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_hash_of_a_token_is_kept() {
        let t = new_token().unwrap();
        assert_eq!(t.len(), 64);
        assert_eq!(hash(&t).len(), 64);
        assert_ne!(hash(&t), t);
        assert_ne!(new_token().unwrap(), t);
    }
}
