//! SQL of the signup widget.

use super::api::SignupOutcome;
use super::form::ValidSignup;
use crate::domain::SiteId;
use sqlx::SqlitePool;

/// The newest newsletter wording of a site in `lang`, else in the site's default language:
/// its id and body.
pub async fn newsletter_text(
    pool: &SqlitePool,
    site: SiteId,
    lang: &str,
    default_lang: &str,
) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as(
        "SELECT id, body FROM consent_texts
         WHERE site_id = ? AND purpose = 'newsletter' AND language IN (?, ?)
         ORDER BY version DESC, language = ? DESC LIMIT 1",
    )
    .bind(site)
    .bind(lang)
    .bind(default_lang)
    .bind(lang)
    .fetch_optional(pool)
    .await
}

/// Whether a consent text id names a newsletter wording of this site (any version: a
/// visitor may have loaded the form just before the wording changed).
pub async fn is_newsletter_text_of(pool: &SqlitePool, text_id: i64, site: SiteId) -> sqlx::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM consent_texts WHERE id = ? AND site_id = ? AND purpose = 'newsletter'")
            .bind(text_id)
            .bind(site)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}

/// Stores a signup: the customer (created, or matched by email and updated) and, when the
/// box was ticked, the consent record with a copy of the exact wording, in one transaction.
///
/// `BEGIN IMMEDIATE` takes SQLite's write lock before the lookup, so two signups of the
/// same email cannot both see "no such customer"; the UNIQUE index backs that up.
pub async fn save_signup(
    pool: &SqlitePool,
    site: SiteId,
    s: &ValidSignup,
    page_url: &str,
) -> sqlx::Result<SignupOutcome> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE site_id = ? AND email = ?")
        .bind(site)
        .bind(s.email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let first = s.first_name.as_ref().map(|n| n.as_str());
    let last = s.last_name.as_ref().map(|n| n.as_str());
    let phone = s.phone.as_ref().map(|p| p.as_str());
    let (customer_id, outcome) = match existing {
        Some(id) => {
            // Blank fields leave what we already know; filled ones replace it.
            sqlx::query(
                "UPDATE customers SET
                   first_name = COALESCE(?, first_name),
                   last_name = COALESCE(?, last_name),
                   phone = COALESCE(?, phone),
                   updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE id = ?",
            )
            .bind(first)
            .bind(last)
            .bind(phone)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (id, SignupOutcome::Updated)
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO customers (site_id, first_name, last_name, email, phone)
                 VALUES (?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(site)
            .bind(first.unwrap_or(""))
            .bind(last.unwrap_or(""))
            .bind(s.email.as_str())
            .bind(phone)
            .fetch_one(&mut *tx)
            .await?;
            (id, SignupOutcome::Created)
        }
    };
    if let Some(text_id) = s.consent_text_id {
        let inserted = sqlx::query(
            "INSERT INTO consents
               (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url, source)
             SELECT ?, purpose, 1, id, body, version, language, ?, 'widget:signup'
             FROM consent_texts WHERE id = ? AND site_id = ? AND purpose = 'newsletter'",
        )
        .bind(customer_id)
        .bind(page_url)
        .bind(text_id)
        .bind(site)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() != 1 {
            // Checked before the transaction; reaching this means the text vanished meanwhile.
            return Err(sqlx::Error::RowNotFound);
        }
    }
    tx.commit().await?;
    Ok(outcome)
}
