//! SQL of API keys: made, listed, revoked, and found from a request's bearer token.

use super::ApiKeyView;
use crate::db::{Db, Flag};
use crate::domain::{SiteId, StaffId};
use sqlx::Row;

/// How many characters of a key are kept to tell keys apart (`patron_` and 6 more).
const PREFIX: usize = 13;

pub async fn create(
    pool: &Db,
    site: SiteId,
    name: &str,
    key: &str,
    scopes: &[&str],
    shares: bool,
    staff: StaffId,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO api_keys (site_id, name, key_hash, prefix, scopes, created_by, shares)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(site)
    .bind(name)
    .bind(crate::tokens::hash(key))
    .bind(&key[..PREFIX.min(key.len())])
    .bind(scopes.join(","))
    .bind(staff)
    .bind(i64::from(shares))
    .fetch_one(pool)
    .await
}

pub async fn list(pool: &Db, site: SiteId) -> sqlx::Result<Vec<ApiKeyView>> {
    let rows = sqlx::query(
        "SELECT id, name, prefix, scopes, shares, created_at, last_used_at, revoked_at FROM api_keys
         WHERE site_id = $1 ORDER BY revoked_at IS NOT NULL, id DESC",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let scopes: String = r.try_get("scopes")?;
            Ok(ApiKeyView {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                prefix: r.try_get("prefix")?,
                scopes: scopes.split(',').map(str::to_owned).collect(),
                shares: r.try_get::<Flag, _>("shares")?.0,
                created_at: r.try_get("created_at")?,
                last_used_at: r.try_get("last_used_at")?,
                revoked_at: r.try_get("revoked_at")?,
            })
        })
        .collect()
}

pub async fn revoke(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE api_keys SET revoked_at = $3
         WHERE id = $1 AND site_id = $2 AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(site)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A key in force: its site and scopes.
pub struct Holder {
    pub key: i64,
    pub site: SiteId,
    pub scopes: Vec<String>,
    /// The key is a third party's: customers who asked not to be sold or shared stay out.
    pub shares: bool,
}

/// The key in force whose SHA-256 is `hash`, noting its use (at most once a minute).
pub async fn holder(pool: &Db, hash: &str) -> sqlx::Result<Option<Holder>> {
    let row = sqlx::query(
        "SELECT id, site_id, scopes, shares, last_used_at IS NULL OR last_used_at < $2 AS stale
         FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
    )
    .bind(hash)
    .bind(crate::db::now_plus(-60))
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let key: i64 = row.try_get("id")?;
    if row.try_get::<Flag, _>("stale")?.0 {
        sqlx::query("UPDATE api_keys SET last_used_at = $2 WHERE id = $1")
            .bind(key)
            .bind(crate::db::now())
            .execute(pool)
            .await?;
    }
    let scopes: String = row.try_get("scopes")?;
    Ok(Some(Holder {
        key,
        site: SiteId(row.try_get("site_id")?),
        scopes: scopes.split(',').map(str::to_owned).collect(),
        shares: row.try_get::<Flag, _>("shares")?.0,
    }))
}
