//! SQL of the sites feature.

use super::Site;
use crate::domain::{Origin, SiteId, SiteKey};
use sqlx::{Row, SqlitePool};

/// The site with this key and its allowed origins, if it exists.
pub async fn find_by_key(pool: &SqlitePool, key: &SiteKey) -> sqlx::Result<Option<Site>> {
    let Some(row) = sqlx::query("SELECT id, name, privacy_policy_url, default_language FROM sites WHERE site_key = ?")
        .bind(key.as_str())
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let id = SiteId(row.get("id"));
    let allowed_origins = sqlx::query_scalar("SELECT origin FROM site_origins WHERE site_id = ? ORDER BY origin")
        .bind(id)
        .fetch_all(pool)
        .await?;
    Ok(Some(Site {
        id,
        key: key.clone(),
        name: row.get("name"),
        privacy_policy_url: row.get("privacy_policy_url"),
        default_language: row.get("default_language"),
        allowed_origins,
    }))
}

/// Adds an origin to a site's allowed list; `false` when the site does not exist.
pub async fn allow_origin(pool: &SqlitePool, key: &SiteKey, origin: &Origin) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO site_origins (site_id, origin) SELECT id, ? FROM sites WHERE site_key = ?
         ON CONFLICT DO NOTHING",
    )
    .bind(origin.as_str())
    .bind(key.as_str())
    .execute(pool)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(true);
    }
    Ok(sqlx::query("SELECT 1 FROM sites WHERE site_key = ?").bind(key.as_str()).fetch_optional(pool).await?.is_some())
}
