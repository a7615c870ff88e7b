//! SQL of the site settings.

use super::api::{
    ConsentWording, OptionSetting, QuestionSettings, SiteSettings, SiteSummary, SiteText, TimeZoneChoice,
};
use super::form::{OptionCode, ValidGeneral, ValidNewSite};
use crate::db::Db;
use crate::domain::{AddressMode, Country, ProfileField, SiteId, TimeZoneName, WidgetKind};
use crate::widgets::question::QuestionKind;
use sqlx::Row;

pub async fn list_sites(pool: &Db) -> sqlx::Result<Vec<SiteSummary>> {
    let rows = sqlx::query(
        "SELECT s.site_key, s.name,
           (SELECT count(*) FROM site_origins WHERE site_id = s.id) AS origins,
           (SELECT count(*) FROM customers WHERE site_id = s.id) AS customers
         FROM sites s ORDER BY s.name, s.id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SiteSummary {
            key: r.get("site_key"),
            name: r.get("name"),
            origins: r.get("origins"),
            customers: r.get("customers"),
        })
        .collect())
}

/// Everything the settings page shows but `embed_server`, which depends on the request.
pub async fn settings(pool: &Db, site: SiteId) -> sqlx::Result<SiteSettings> {
    let row = sqlx::query(
        "SELECT site_key, name, privacy_policy_url, default_language, kept_query_params, country, time_zone
         FROM sites WHERE id = $1",
    )
    .bind(site)
    .fetch_one(pool)
    .await?;
    let languages = sqlx::query_scalar("SELECT language FROM site_languages WHERE site_id = $1 ORDER BY language")
        .bind(site)
        .fetch_all(pool)
        .await?;
    let origins = sqlx::query_scalar("SELECT origin FROM site_origins WHERE site_id = $1 ORDER BY origin")
        .bind(site)
        .fetch_all(pool)
        .await?;
    let widget_codes: Vec<String> =
        sqlx::query_scalar("SELECT widget FROM site_widgets WHERE site_id = $1").bind(site).fetch_all(pool).await?;
    let address_modes: Vec<(String, String)> =
        sqlx::query_as("SELECT widget, mode FROM site_address_modes WHERE site_id = $1")
            .bind(site)
            .fetch_all(pool)
            .await?;
    let consent_texts = sqlx::query_as::<_, (String, i64, String)>(
        "SELECT language, version, body FROM consent_texts c
         WHERE site_id = $1 AND purpose = 'newsletter'
           AND version = (SELECT max(version) FROM consent_texts
                          WHERE site_id = $1 AND purpose = 'newsletter' AND language = c.language)
         ORDER BY language",
    )
    .bind(site)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|(language, version, body)| ConsentWording { language, version, body })
    .collect();
    let options = sqlx::query_as::<_, (i64, String, String, i64)>(
        "SELECT id, question, code, active FROM question_options WHERE site_id = $1 ORDER BY position, id",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    let questions = [QuestionKind::Reasons, QuestionKind::Nps, QuestionKind::Heard]
        .into_iter()
        .map(|kind| QuestionSettings {
            kind,
            options: options
                .iter()
                .filter(|(_, q, _, _)| q == kind.key())
                .map(|(id, _, code, active)| OptionSetting { id: *id, code: code.clone(), active: *active == 1 })
                .collect(),
        })
        .collect();
    let texts = sqlx::query_as::<_, (String, String, String)>(
        "SELECT key, language, body FROM site_texts WHERE site_id = $1 ORDER BY key, language",
    )
    .bind(site)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|(key, language, body)| SiteText { key, language, body })
    .collect();
    let field_codes: Vec<String> =
        sqlx::query_scalar("SELECT field FROM site_profile_fields WHERE site_id = $1 ORDER BY position")
            .bind(site)
            .fetch_all(pool)
            .await?;
    Ok(SiteSettings {
        key: row.get("site_key"),
        name: row.get("name"),
        privacy_policy_url: row.get("privacy_policy_url"),
        default_language: row.get("default_language"),
        kept_query_params: row.get("kept_query_params"),
        country: row.get::<Option<String>, _>("country").unwrap_or_default(),
        countries: crate::sites::phones::countries(crate::staff::texts::choice::page_lang()),
        time_zone: row.get("time_zone"),
        time_zones: time_zones(row.get::<Option<String>, _>("country").as_deref()),
        languages,
        origins,
        // In the order the page lists them, whatever order the rows come in.
        widgets: WidgetKind::ALL.into_iter().filter(|w| widget_codes.iter().any(|c| c == w.code())).collect(),
        address_modes: address_modes
            .iter()
            .filter_map(|(w, m)| Some((WidgetKind::from_code(w)?, AddressMode::from_code(m)?)))
            .collect(),
        embed_server: String::new(),
        consent_texts,
        questions,
        texts,
        profile_fields: field_codes.iter().filter_map(|c| ProfileField::from_code(c)).collect(),
    })
}

/// Creates a site and its starting settings in one transaction; `false` if the key is taken.
pub async fn create_site(pool: &Db, s: &ValidNewSite) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let id: Option<SiteId> = sqlx::query_scalar(
        "INSERT INTO sites (site_key, name, privacy_policy_url, default_language) VALUES ($1, $2, $3, $4)
         ON CONFLICT (site_key) DO NOTHING RETURNING id",
    )
    .bind(s.key.as_str())
    .bind(s.name.as_str())
    .bind(s.policy.as_str())
    .bind(s.default_language.code())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        return Ok(false);
    };
    sqlx::query("INSERT INTO site_languages (site_id, language) VALUES ($1, $2)")
        .bind(id)
        .bind(s.default_language.code())
        .execute(&mut *tx)
        .await?;
    for widget in WidgetKind::ALL {
        sqlx::query("INSERT INTO site_widgets (site_id, widget) VALUES ($1, $2)")
            .bind(id)
            .bind(widget.code())
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO consent_texts (site_id, purpose, version, language, body) VALUES ($1, 'newsletter', 1, $2, $3)",
    )
    .bind(id)
    .bind(s.default_language.code())
    .bind(&s.consent_text)
    .execute(&mut *tx)
    .await?;
    // The demo's questions: the standard options, labelled by the catalogue in every language.
    let standard = [
        ("reasons", ["convenience", "low_price", "best_quality", "best_choice"].as_slice()),
        ("heard", ["search_engine", "friend", "social_media", "walked_by", "newspaper"].as_slice()),
    ];
    for (question, codes) in standard {
        for (position, code) in codes.iter().enumerate() {
            sqlx::query("INSERT INTO question_options (site_id, question, code, position) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(question)
                .bind(code)
                .bind(position as i64 + 1)
                .execute(&mut *tx)
                .await?;
        }
    }
    insert_profile_fields(&mut tx, id, &ProfileField::ALL).await?;
    tx.commit().await?;
    Ok(true)
}

/// The zones the settings page offers a site in `country`.
fn time_zones(country: Option<&str>) -> TimeZoneChoice {
    use crate::sites::clock;
    let of_country = country.map(clock::zones_of).unwrap_or_default();
    let others = clock::all_zones().into_iter().filter(|z| !of_country.contains(z)).map(String::from).collect();
    TimeZoneChoice {
        unchosen: clock::zone("", country).iana_name().unwrap_or("UTC").to_owned(),
        of_country: of_country.into_iter().map(String::from).collect(),
        others,
    }
}

pub async fn update_general(pool: &Db, site: SiteId, g: &ValidGeneral) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "UPDATE sites SET name = $1, privacy_policy_url = $2, default_language = $3, kept_query_params = $4, country = $5,
                          time_zone = $6
         WHERE id = $7",
    )
    .bind(g.name.as_str())
    .bind(g.policy.as_str())
    .bind(g.default_language.code())
    .bind(g.kept_query_params.join(" "))
    .bind(g.country.as_ref().map(Country::as_str))
    .bind(g.time_zone.as_ref().map_or("", TimeZoneName::as_str))
    .bind(site)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM site_languages WHERE site_id = $1").bind(site).execute(&mut *tx).await?;
    for lang in &g.languages {
        sqlx::query("INSERT INTO site_languages (site_id, language) VALUES ($1, $2)")
            .bind(site)
            .bind(lang.code())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

pub async fn set_widget(pool: &Db, site: SiteId, widget: WidgetKind, on: bool) -> sqlx::Result<()> {
    let sql = if on {
        "INSERT INTO site_widgets (site_id, widget) VALUES ($1, $2) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM site_widgets WHERE site_id = $1 AND widget = $2"
    };
    sqlx::query(sql).bind(site).bind(widget.code()).execute(pool).await?;
    Ok(())
}

/// A widget's address mode; `Off` removes its row.
pub async fn set_address_mode(pool: &Db, site: SiteId, widget: WidgetKind, mode: AddressMode) -> sqlx::Result<()> {
    let query = match mode {
        AddressMode::Off => sqlx::query("DELETE FROM site_address_modes WHERE site_id = $1 AND widget = $2"),
        AddressMode::Optional | AddressMode::Required => sqlx::query(
            "INSERT INTO site_address_modes (site_id, widget, mode) VALUES ($1, $2, $3)
             ON CONFLICT (site_id, widget) DO UPDATE SET mode = excluded.mode",
        ),
    };
    query.bind(site).bind(widget.code()).bind(mode.code()).execute(pool).await?;
    Ok(())
}

pub async fn add_origin(pool: &Db, site: SiteId, origin: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO site_origins (site_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(site)
        .bind(origin)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn remove_origin(pool: &Db, site: SiteId, origin: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM site_origins WHERE site_id = $1 AND origin = $2")
        .bind(site)
        .bind(origin)
        .execute(pool)
        .await?;
    Ok(())
}

/// Adds a version of the newsletter wording unless the newest one says the same; returns
/// the version now in force. `BEGIN IMMEDIATE` so two saves cannot take the same number.
pub async fn save_consent_text(pool: &Db, site: SiteId, lang: &str, body: &str) -> sqlx::Result<i64> {
    let mut tx = pool.begin_write().await?;
    let newest: Option<(i64, String)> = sqlx::query_as(
        "SELECT version, body FROM consent_texts WHERE site_id = $1 AND purpose = 'newsletter' AND language = $2
         ORDER BY version DESC LIMIT 1",
    )
    .bind(site)
    .bind(lang)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((version, same)) = &newest
        && same == body
    {
        return Ok(*version);
    }
    let version = newest.map_or(1, |(v, _)| v + 1);
    sqlx::query(
        "INSERT INTO consent_texts (site_id, purpose, version, language, body) VALUES ($1, 'newsletter', $2, $3, $4)",
    )
    .bind(site)
    .bind(version)
    .bind(lang)
    .bind(body)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// The (question, code) pairs of a site's options, on or off.
pub async fn option_codes(pool: &Db, site: SiteId) -> sqlx::Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT question, code FROM question_options WHERE site_id = $1").bind(site).fetch_all(pool).await
}

/// Adds an option at the end of its question, with its label in the site's default
/// language; `false` if the question has that code already.
pub async fn add_option(
    pool: &Db,
    site: SiteId,
    question: QuestionKind,
    code: &OptionCode,
    label: Option<&str>,
) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let added = sqlx::query(
        "INSERT INTO question_options (site_id, question, code, position)
         SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM question_options WHERE site_id = $1 AND question = $2
         ON CONFLICT DO NOTHING",
    )
    .bind(site)
    .bind(question.key())
    .bind(code.as_str())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !added {
        return Ok(false);
    }
    if let Some(label) = label {
        sqlx::query(
            "INSERT INTO site_texts (site_id, key, language, body)
             SELECT id, $1, default_language, $2 FROM sites WHERE id = $3
             ON CONFLICT (site_id, key, language) DO UPDATE SET body = excluded.body",
        )
        .bind(format!("{}.option.{}", question.key(), code.as_str()))
        .bind(label)
        .bind(site)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// `false` when the option is not one of this site's.
pub async fn set_option_active(pool: &Db, site: SiteId, option: i64, active: bool) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE question_options SET active = $1 WHERE id = $2 AND site_id = $3")
        .bind(i64::from(active))
        .bind(option)
        .bind(site)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Swaps an option with its neighbour and renumbers the question 1..n; `false` when the
/// option is not one of this site's. Moving the first up or the last down changes nothing.
pub async fn move_option(pool: &Db, site: SiteId, option: i64, up: bool) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let question: Option<String> =
        sqlx::query_scalar("SELECT question FROM question_options WHERE id = $1 AND site_id = $2")
            .bind(option)
            .bind(site)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(question) = question else {
        return Ok(false);
    };
    let mut ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM question_options WHERE site_id = $1 AND question = $2 ORDER BY position, id",
    )
    .bind(site)
    .bind(&question)
    .fetch_all(&mut *tx)
    .await?;
    let at = ids.iter().position(|id| *id == option).unwrap_or(0);
    let other = if up { at.checked_sub(1) } else { Some(at + 1).filter(|i| *i < ids.len()) };
    if let Some(other) = other {
        ids.swap(at, other);
    }
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE question_options SET position = $1 WHERE id = $2")
            .bind(position as i64 + 1)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Writes a site's texts in one language: a body sets the site's wording, `None` removes it.
pub async fn save_texts(pool: &Db, site: SiteId, lang: &str, changes: &[(String, Option<String>)]) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for (key, body) in changes {
        match body {
            Some(body) => {
                sqlx::query(
                    "INSERT INTO site_texts (site_id, key, language, body) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (site_id, key, language) DO UPDATE SET body = excluded.body",
                )
                .bind(site)
                .bind(key)
                .bind(lang)
                .bind(body)
                .execute(&mut *tx)
                .await?
            }
            None => {
                sqlx::query("DELETE FROM site_texts WHERE site_id = $1 AND key = $2 AND language = $3")
                    .bind(site)
                    .bind(key)
                    .bind(lang)
                    .execute(&mut *tx)
                    .await?
            }
        };
    }
    tx.commit().await
}

pub async fn save_profile_fields(pool: &Db, site: SiteId, fields: &[ProfileField]) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("DELETE FROM site_profile_fields WHERE site_id = $1").bind(site).execute(&mut *tx).await?;
    insert_profile_fields(&mut tx, site, fields).await?;
    tx.commit().await
}

async fn insert_profile_fields(
    tx: &mut sqlx::Transaction<'_, crate::db::Backend>,
    site: SiteId,
    fields: &[ProfileField],
) -> sqlx::Result<()> {
    for (position, field) in fields.iter().enumerate() {
        sqlx::query("INSERT INTO site_profile_fields (site_id, field, position) VALUES ($1, $2, $3)")
            .bind(site)
            .bind(field.code())
            .bind(position as i64 + 1)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
