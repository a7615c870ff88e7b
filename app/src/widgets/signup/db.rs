//! SQL of the signup widget.

use super::api::{SignupDone, SignupOutcome};
use super::form::ValidSignup;
use crate::domain::SiteId;
use crate::widgets::identity::{self, Contact};
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

/// Stores a signup: the customer (created, or matched by email and updated), the consent
/// record with a copy of the exact wording when the box was ticked, the favourites saved in
/// the browser, and the browser's link to the customer, all in one transaction.
///
/// `BEGIN IMMEDIATE` takes SQLite's write lock before the lookup, so two signups of the
/// same email cannot both see "no such customer"; the UNIQUE index backs that up.
pub async fn save_signup(pool: &SqlitePool, site: SiteId, s: &ValidSignup, page_url: &str) -> sqlx::Result<SignupDone> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let contact = Contact {
        first_name: s.first_name.as_ref(),
        last_name: s.last_name.as_ref(),
        email: &s.email,
        phone: s.phone.as_ref(),
        source: "signup",
    };
    let (customer_id, created) = identity::upsert_customer(&mut tx, site, &contact).await?;
    if let Some(text_id) = s.consent_text_id {
        let inserted = sqlx::query(
            "INSERT INTO consents
               (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url, source,
                policy_version)
             SELECT ?1, purpose, 1, id, body, version, language, ?2, 'widget:signup',
                    (SELECT max(version) FROM privacy_policies WHERE site_id = ?4)
             FROM consent_texts WHERE id = ?3 AND site_id = ?4 AND purpose = 'newsletter'",
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
    identity::attach_favourites(&mut tx, site, customer_id, &s.favourites).await?;
    let visitor = identity::link_browser(&mut tx, site, customer_id).await?;
    tx.commit().await?;
    let outcome = if created { SignupOutcome::Created } else { SignupOutcome::Updated };
    Ok(SignupDone { outcome, visitor })
}
