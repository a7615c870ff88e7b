//! SQL of privacy policies: publishing a new version when the words Patron writes from the
//! settings (or the owner's own) changed, and reading a published one back.
//!
//! A version's `body` holds the policy in every language the site writes in, as JSON
//! `{"en": [sections], "nl": [...]}`; versions published before that hold one array (in
//! English), read as the policy of every language.

use super::text::{Inputs, Section, compose};
use super::{PolicyVersion, Published};
use crate::db::Conn;
use crate::db::Db;
use crate::domain::{SiteId, StaffId, WidgetKind};
use crate::widgets::texts::Lang;
use sqlx::Row;
use std::collections::BTreeMap;

/// A version's words, by language code.
type Body = BTreeMap<String, Vec<Section>>;

/// Publishes the site's policy again if what it would say differs from the version in
/// force (or none exists); `owner_text` replaces the owner's words when given. The version
/// in force afterwards; `None` when the site does not exist. One write transaction, so two
/// servers cannot publish the same version number.
pub async fn refresh(
    pool: &Db,
    site: SiteId,
    owner_text: Option<&str>,
    staff: Option<StaffId>,
) -> sqlx::Result<Option<i64>> {
    let mut tx = pool.begin_write().await?;
    let latest = sqlx::query(
        "SELECT version, owner_text, body FROM privacy_policies WHERE site_id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(site)
    .fetch_optional(&mut *tx)
    .await?;
    let (version, old_text, old_body): (i64, String, String) = match latest {
        Some(r) => (r.get("version"), r.get("owner_text"), r.get("body")),
        None => (0, String::new(), String::new()),
    };
    let text = owner_text.unwrap_or(&old_text);
    let Some(written) = written(&mut tx, site, text).await? else { return Ok(None) };
    let body = serde_json::to_string(&written).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    if body == old_body && text == old_text {
        return Ok(Some(version));
    }
    sqlx::query(
        "INSERT INTO privacy_policies (site_id, version, owner_text, body, staff_id) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(site)
    .bind(version + 1)
    .bind(text)
    .bind(&body)
    .bind(staff)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(version + 1))
}

/// Publishes every site's policy where its settings changed (at start: the words Patron
/// writes may have changed with its version).
pub async fn refresh_all(pool: &Db) -> sqlx::Result<()> {
    let sites: Vec<i64> = sqlx::query_scalar("SELECT id FROM sites ORDER BY id").fetch_all(pool).await?;
    for site in sites {
        refresh(pool, SiteId(site), None, None).await?;
    }
    Ok(())
}

/// The policy as the site's settings and `owner_text` would have it now, in each language
/// the site writes in.
async fn written(conn: &mut Conn, site: SiteId, owner_text: &str) -> sqlx::Result<Option<Body>> {
    let dialect = crate::db::Dialect::of(conn);
    let (widgets, languages) = (dialect.joined("widget", "' '"), dialect.joined("language", "' '"));
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT s.name, s.site_key, s.default_language, coalesce(r.analytics_months, 13) AS analytics_months,
                CASE WHEN r.site_id IS NULL THEN 36 ELSE r.inactive_months END AS inactive_months,
                (SELECT {widgets} FROM site_widgets WHERE site_id = s.id) AS widgets,
                (SELECT {languages} FROM site_languages WHERE site_id = s.id) AS languages
         FROM sites s LEFT JOIN retention_rules r ON r.site_id = s.id WHERE s.id = $1",
    )))
    .bind(site)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let widgets: Vec<WidgetKind> = row
        .get::<Option<String>, _>("widgets")
        .unwrap_or_default()
        .split(' ')
        .filter_map(WidgetKind::from_code)
        .collect();
    let (name, key): (String, String) = (row.get("name"), row.get("site_key"));
    let inputs = Inputs {
        site_name: &name,
        site_key: &key,
        widgets: &widgets,
        analytics_months: row.get("analytics_months"),
        inactive_months: row.get("inactive_months"),
        owner_text,
    };
    let default = Lang::from_tag(row.get("default_language"));
    let languages = row.get::<Option<String>, _>("languages").unwrap_or_default();
    let mut body = Body::new();
    for lang in languages.split(' ').filter_map(Lang::from_code).chain([default]) {
        body.entry(lang.code().to_owned()).or_insert_with(|| compose(&inputs, lang));
    }
    Ok(Some(body))
}

/// The sections of a stored body in `lang`, else in `default`, else any.
fn in_language(body: &str, lang: &str, default: &str) -> Vec<Section> {
    if let Ok(one) = serde_json::from_str::<Vec<Section>>(body) {
        return one;
    }
    let mut all: Body = serde_json::from_str(body).unwrap_or_default();
    all.remove(lang).or_else(|| all.remove(default)).or_else(|| all.into_values().next()).unwrap_or_default()
}

/// A published version (the one in force when `version` is `None`), in `lang` where the
/// site writes in it, else in its default language.
pub async fn published(
    pool: &Db,
    site: SiteId,
    version: Option<i64>,
    lang: Option<Lang>,
) -> sqlx::Result<Option<Published>> {
    let row = sqlx::query(
        "SELECT p.version, p.owner_text, p.body, p.published_at, s.default_language
         FROM privacy_policies p JOIN sites s ON s.id = p.site_id
         WHERE p.site_id = $1 AND ($2 IS NULL OR p.version = $2) ORDER BY p.version DESC LIMIT 1",
    )
    .bind(site)
    .bind(version)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| {
        let default: String = r.get("default_language");
        let lang = lang.map_or(default.as_str(), |l| l.code());
        Published {
            version: r.get("version"),
            owner_text: r.get("owner_text"),
            sections: in_language(r.get::<&str, _>("body"), lang, &default),
            published_at: r.get("published_at"),
        }
    }))
}

/// Every version of the site's policy, newest first.
pub async fn versions(pool: &Db, site: SiteId) -> sqlx::Result<Vec<PolicyVersion>> {
    let rows = sqlx::query(
        "SELECT p.version, p.published_at, u.email AS staff
         FROM privacy_policies p LEFT JOIN staff_users u ON u.id = p.staff_id
         WHERE p.site_id = $1 ORDER BY p.version DESC",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PolicyVersion {
            version: r.get("version"),
            published_at: r.get("published_at"),
            staff: r.get("staff"),
        })
        .collect())
}
