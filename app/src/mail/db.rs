//! SQL of mail: the outbox as a send queue, the sites' own wordings, and the newsletter's
//! double opt-in setting.

use super::templates::{MailKind, Wording, default_wording};
use super::{NewsletterSettings, OutboxMail};
use crate::db::Db;
use crate::db::{Conn, Flag};
use crate::domain::{CustomerId, SiteId};
use crate::pii::PiiKey;
use crate::widgets::texts::Lang;
use sqlx::Row;

/// A mail to write into the outbox.
pub struct Mail {
    pub subject: String,
    pub body: String,
    /// For marketing mails, the one-click unsubscribe link: sent as `List-Unsubscribe` (with
    /// `List-Unsubscribe-Post`, RFC 8058), so mail programs offer their own button.
    pub unsubscribe: Option<String>,
}

/// What the mail is about: the customer it goes to, the privacy request or the pending
/// signup it carries a link of (removing any of them removes the mail).
#[derive(Default, Clone, Copy)]
pub struct About {
    pub customer: Option<CustomerId>,
    pub request: Option<i64>,
    pub pending_signup: Option<i64>,
}

/// Puts a mail in the outbox, due now, inside the caller's transaction: the mail exists
/// exactly when what it tells of was stored.
pub async fn enqueue(
    tx: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    about: About,
    kind: &str,
    to: &str,
    mail: &Mail,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO outbox (site_id, customer_id, request_id, pending_signup_id, kind, to_address, to_hash, subject,
                             body, unsubscribe_url, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
                 $11)
         RETURNING id",
    )
    .bind(site)
    .bind(about.customer)
    .bind(about.request)
    .bind(about.pending_signup)
    .bind(kind)
    .bind(pii.seal(to))
    .bind(pii.hash_of("email", to))
    .bind(pii.seal(&mail.subject))
    .bind(pii.seal(&mail.body))
    .bind(&mail.unsubscribe)
    .bind(crate::db::now())
    .fetch_one(&mut *tx)
    .await
}

/// Mails one address may be sent in an hour because someone asked on a public page or
/// widget (privacy links, sign-in links, newsletter confirmations), whatever their kind.
pub const PUBLIC_MAILS_PER_HOUR: i64 = 3;

/// Whether a mail a stranger can ask for may be written to `to` now: not when the address
/// was sent [`PUBLIC_MAILS_PER_HOUR`] mails in the last hour, whatever their kind. Asked
/// inside the transaction that would write it; a caller told no writes nothing and answers
/// as if it had, so the page tells nothing.
pub async fn may_mail_publicly(tx: &mut Conn, pii: &PiiKey, to: &str) -> sqlx::Result<bool> {
    let recent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox
         WHERE to_hash = $1 AND created_at > $2",
    )
    .bind(pii.hash_of("email", to))
    .bind(crate::db::now_plus(-3600))
    .fetch_one(&mut *tx)
    .await?;
    if recent >= PUBLIC_MAILS_PER_HOUR {
        tracing::info!("mail not written: the address had enough mails this hour");
    }
    Ok(recent < PUBLIC_MAILS_PER_HOUR)
}

/// A mail claimed for sending.
pub struct Outgoing {
    pub id: i64,
    pub site_name: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    /// Tries so far, this one included.
    pub attempts: i64,
    /// The one-click unsubscribe link of a marketing mail.
    pub unsubscribe: Option<String>,
}

/// The mails due for a try, oldest first.
pub async fn due(pool: &Db, limit: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
         ORDER BY next_attempt_at LIMIT $1",
    )
    .bind(limit)
    .bind(crate::db::now())
    .fetch_all(pool)
    .await
}

/// Claims a due mail for `lease_secs`: no other server tries it meanwhile, and if this one
/// dies while sending, the mail is due again when the lease ends. `None`: another server
/// claimed it first, or it is no longer due.
pub async fn claim(pool: &Db, id: i64, lease_secs: i64) -> sqlx::Result<Option<Outgoing>> {
    let row = sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1,
             next_attempt_at = $2
         WHERE id = $1 AND sent_at IS NULL AND failed_at IS NULL
           AND next_attempt_at <= $3
         RETURNING id, (SELECT name FROM sites WHERE sites.id = outbox.site_id) AS site_name,
                   to_address, subject, body, attempts,
                   unsubscribe_url",
    )
    .bind(id)
    .bind(crate::db::now_plus(lease_secs))
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Outgoing {
            id: r.try_get("id")?,
            site_name: r.try_get("site_name")?,
            to: pool.pii().open(r.try_get("to_address")?)?,
            subject: pool.pii().open(r.try_get("subject")?)?,
            body: pool.pii().open(r.try_get("body")?)?,
            attempts: r.try_get("attempts")?,
            unsubscribe: r.try_get("unsubscribe_url")?,
        })
    })
    .transpose()
}

/// The mail server took the mail.
pub async fn sent(pool: &Db, id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE outbox SET sent_at = $2, last_error = NULL WHERE id = $1")
        .bind(id)
        .bind(crate::db::now())
        .execute(pool)
        .await?;
    Ok(())
}

/// A try failed: the mail is due again after `after_secs`, or given up when `None`.
pub async fn failed(pool: &Db, id: i64, error: &str, after_secs: Option<i64>) -> sqlx::Result<()> {
    // $3: when to try again, or when it was given up.
    match after_secs {
        Some(_) => sqlx::query("UPDATE outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1"),
        None => sqlx::query("UPDATE outbox SET last_error = $2, failed_at = $3 WHERE id = $1"),
    }
    .bind(id)
    .bind(error)
    .bind(crate::db::now_plus(after_secs.unwrap_or(0)))
    .execute(pool)
    .await?;
    Ok(())
}

/// How long a sent or given-up mail stays in the outbox (it holds an address and a link).
pub const KEEP_DAYS: i64 = 30;

/// Removes mails sent or given up more than [`KEEP_DAYS`] ago; how many went.
pub async fn forget_old(pool: &Db) -> sqlx::Result<u64> {
    let gone = sqlx::query("DELETE FROM outbox WHERE coalesce(sent_at, failed_at) < $1")
        .bind(crate::db::now_plus(-KEEP_DAYS * 86_400))
        .execute(pool)
        .await?;
    Ok(gone.rows_affected())
}

/// The newest mails of every site, for the admin's outbox page.
pub async fn list(pool: &Db, limit: i64) -> sqlx::Result<Vec<OutboxMail>> {
    let rows = sqlx::query(
        "SELECT o.id, s.name AS site_name, o.kind, o.to_address, o.subject, o.body,
                o.created_at, o.sent_at, o.failed_at, o.attempts, o.last_error, o.next_attempt_at IS NULL AS by_hand
         FROM outbox o JOIN sites s ON s.id = o.site_id ORDER BY o.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(OutboxMail {
                id: r.try_get("id")?,
                site_name: r.try_get("site_name")?,
                kind: r.try_get("kind")?,
                to: pool.pii().open(r.try_get("to_address")?)?,
                subject: pool.pii().open(r.try_get("subject")?)?,
                body: pool.pii().open(r.try_get("body")?)?,
                created_at: r.try_get("created_at")?,
                sent_at: r.try_get("sent_at")?,
                failed_at: r.try_get("failed_at")?,
                attempts: r.try_get("attempts")?,
                last_error: r.try_get("last_error")?,
                by_hand: r.try_get::<Flag, _>("by_hand")?.0,
            })
        })
        .collect()
}

/// The wording of a mail for a site in a language: the site's own, else Patron's.
pub async fn wording(tx: &mut Conn, site: SiteId, kind: MailKind, lang: Lang) -> sqlx::Result<Wording> {
    let own: Option<(String, String)> =
        sqlx::query_as("SELECT subject, body FROM mail_templates WHERE site_id = $1 AND kind = $2 AND language = $3")
            .bind(site)
            .bind(kind.code())
            .bind(lang.code())
            .fetch_optional(&mut *tx)
            .await?;
    Ok(own.map_or_else(|| default_wording(kind, lang), |(subject, body)| Wording { subject, body }))
}

/// The languages a site writes its texts in.
pub async fn languages(pool: &Db, site: SiteId) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT language FROM site_languages WHERE site_id = $1 ORDER BY language")
        .bind(site)
        .fetch_all(pool)
        .await
}

/// The languages in which the site wrote its own wording of `kind`.
pub async fn own_wordings(pool: &Db, site: SiteId, kind: MailKind) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT language FROM mail_templates WHERE site_id = $1 AND kind = $2 ORDER BY language")
        .bind(site)
        .bind(kind.code())
        .fetch_all(pool)
        .await
}

/// Saves the site's wording; `None` goes back to Patron's.
pub async fn save_wording(
    pool: &Db,
    site: SiteId,
    kind: MailKind,
    lang: Lang,
    wording: Option<&Wording>,
) -> sqlx::Result<()> {
    match wording {
        Some(w) => sqlx::query(
            "INSERT INTO mail_templates (site_id, kind, language, subject, body) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (site_id, kind, language) DO UPDATE SET subject = $4, body = $5,
                 updated_at = $6",
        )
        .bind(site)
        .bind(kind.code())
        .bind(lang.code())
        .bind(&w.subject)
        .bind(&w.body)
        .bind(crate::db::now()),
        None => sqlx::query("DELETE FROM mail_templates WHERE site_id = $1 AND kind = $2 AND language = $3")
            .bind(site)
            .bind(kind.code())
            .bind(lang.code()),
    }
    .execute(pool)
    .await?;
    Ok(())
}

/// The site's double opt-in setting (off, 72 hours, for a site that never saved one).
pub async fn newsletter_settings(pool: &Db, site: SiteId) -> sqlx::Result<NewsletterSettings> {
    let row: Option<(Flag, i64)> =
        sqlx::query_as("SELECT double_opt_in, confirm_hours FROM newsletter_settings WHERE site_id = $1")
            .bind(site)
            .fetch_optional(pool)
            .await?;
    Ok(row.map_or_else(NewsletterSettings::default, |(Flag(double_opt_in), confirm_hours)| NewsletterSettings {
        double_opt_in,
        confirm_hours,
    }))
}

pub async fn save_newsletter_settings(pool: &Db, site: SiteId, s: &NewsletterSettings) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO newsletter_settings (site_id, double_opt_in, confirm_hours) VALUES ($1, $2, $3)
         ON CONFLICT (site_id) DO UPDATE SET double_opt_in = $2, confirm_hours = $3,
             updated_at = $4",
    )
    .bind(site)
    .bind(i64::from(s.double_opt_in))
    .bind(s.confirm_hours)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(())
}
