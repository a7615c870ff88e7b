//! SQL of the sites feature.

use super::Site;
use crate::db::Db;
use crate::domain::{AddressMode, Origin, SiteId, SiteKey, WidgetKind};
use sqlx::Row;

/// The site with this key, its allowed origins, widgets, languages and address modes, if
/// it exists.
///
/// One query: the gate runs this on every widget call.
pub async fn find_by_key(pool: &Db, key: &SiteKey) -> sqlx::Result<Option<Site>> {
    let joined = |expr: &str| pool.dialect().joined(expr, "' '");
    let (origins, widgets, languages, modes) =
        (joined("origin"), joined("widget"), joined("language"), joined("widget || ':' || mode"));
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT s.id, s.name, s.privacy_policy_url, s.default_language, s.kept_query_params, s.country, s.time_zone,
           (SELECT {origins} FROM site_origins WHERE site_id = s.id) AS origins,
           (SELECT {widgets} FROM site_widgets WHERE site_id = s.id) AS widgets,
           (SELECT {languages} FROM site_languages WHERE site_id = s.id) AS languages,
           (SELECT {modes} FROM site_address_modes WHERE site_id = s.id) AS address_modes
         FROM sites s WHERE s.site_key = $1",
    )))
    .bind(key.as_str())
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    // Origins, widget codes, language codes and address modes never contain a space.
    let list = |column: &str| -> Vec<String> {
        row.get::<Option<String>, _>(column).unwrap_or_default().split(' ').map(str::to_owned).collect()
    };
    let mut allowed_origins = list("origins");
    allowed_origins.retain(|o| !o.is_empty());
    Ok(Some(Site {
        id: SiteId(row.get("id")),
        key: key.clone(),
        name: row.get("name"),
        privacy_policy_url: row.get("privacy_policy_url"),
        default_language: row.get("default_language"),
        country: row.get::<Option<String>, _>("country").and_then(|c| crate::domain::Country::parse(&c).ok()),
        time_zone: row.get("time_zone"),
        allowed_origins,
        widgets: list("widgets").iter().filter_map(|w| WidgetKind::from_code(w)).collect(),
        languages: list("languages").into_iter().filter(|l| !l.is_empty()).collect(),
        kept_query_params: row.get::<String, _>("kept_query_params").split_whitespace().map(str::to_owned).collect(),
        address_modes: list("address_modes")
            .iter()
            .filter_map(|pair| {
                let (widget, mode) = pair.split_once(':')?;
                Some((WidgetKind::from_code(widget)?, AddressMode::from_code(mode)?))
            })
            .collect(),
    }))
}

/// Adds an origin to a site's allowed list; `false` when the site does not exist.
pub async fn allow_origin(pool: &Db, key: &SiteKey, origin: &Origin) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO site_origins (site_id, origin) SELECT id, $1 FROM sites WHERE site_key = $2
         ON CONFLICT DO NOTHING",
    )
    .bind(origin.as_str())
    .bind(key.as_str())
    .execute(pool)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(true);
    }
    Ok(sqlx::query("SELECT 1 FROM sites WHERE site_key = $1").bind(key.as_str()).fetch_optional(pool).await?.is_some())
}

/// The id of the site a key names.
pub async fn site_id(pool: &Db, key: &SiteKey) -> sqlx::Result<Option<SiteId>> {
    sqlx::query_scalar("SELECT id FROM sites WHERE site_key = $1").bind(key.as_str()).fetch_optional(pool).await
}

/// The key of the site with this id (the inverse of [`site_id`]).
pub async fn key_of(pool: &Db, site: SiteId) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT site_key FROM sites WHERE id = $1").bind(site).fetch_one(pool).await
}

/// A site's currency and its dormant rule (days without a purchase).
pub async fn site_rules(pool: &Db, site: SiteId) -> sqlx::Result<(String, u32)> {
    let row = sqlx::query("SELECT currency, dormant_days FROM sites WHERE id = $1").bind(site).fetch_one(pool).await?;
    Ok((row.get("currency"), row.get::<i64, _>("dormant_days") as u32))
}
