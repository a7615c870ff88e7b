//! Who is calling: the key in `Authorization: Bearer KEY`, its site and its scopes.

use super::ApiState;
use super::error::ApiError;
use crate::domain::SiteId;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// The holder of a key in force.
pub struct Caller {
    pub site: SiteId,
    pub key: i64,
    scopes: Vec<String>,
    /// A third party's key: customers who asked not to be sold or shared are not shown.
    pub shares: bool,
}

impl Caller {
    /// Refuses with 403 unless the key has `scope`.
    pub fn require(&self, scope: &'static str) -> Result<(), ApiError> {
        if self.scopes.iter().any(|s| s == scope) { Ok(()) } else { Err(ApiError::Forbidden(scope)) }
    }
}

impl FromRequestParts<ApiState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        let key = header.and_then(|h| h.strip_prefix("Bearer ")).map(str::trim).ok_or(ApiError::Unauthorized)?;
        // A key is `patron_` and 64 hex digits; anything else is not looked up.
        if key.len() != 71 || !key.starts_with("patron_") {
            return Err(ApiError::Unauthorized);
        }
        let holder = crate::admin::api_keys::db::holder(&state.pool, &crate::tokens::hash(key))
            .await?
            .ok_or(ApiError::Unauthorized)?;
        Ok(Caller { site: holder.site, key: holder.key, scopes: holder.scopes, shares: holder.shares })
    }
}
