//! SQL of the customer's own page: one-time sign-in links (and the mail that carries them),
//! sessions, and what the page shows and lets the customer change.

use crate::db::Db;
use crate::db::{Conn, Flag};
use crate::domain::{CustomerId, Email, SiteId};
use crate::mail::db::{About, Mail};
use crate::mail::templates::{MailKind, fill};
use crate::pii::PiiKey;
use crate::sites::Site;
use crate::widgets::texts::Lang;
use sqlx::Row;

/// How long a mailed sign-in link works.
pub const LINK_HOURS: i64 = 2;
/// How long a browser stays signed in to the page.
pub const SESSION_DAYS: i64 = 30;
/// Links a customer may be sent in ten minutes: the form is open to anyone, and must not
/// become a way to flood someone's inbox.
const LINKS_PER_TEN_MINUTES: i64 = 3;

/// A customer to send a link to.
pub struct Recipient {
    pub customer: CustomerId,
    pub name: String,
    /// Their newest consent's language, else the site's.
    pub language: Lang,
}

/// The customer with this address on the site.
pub async fn recipient(conn: &mut Conn, pii: &PiiKey, site: &Site, email: &Email) -> sqlx::Result<Option<Recipient>> {
    let row = sqlx::query(
        "SELECT c.id, c.first_name,
                (SELECT language FROM consents WHERE customer_id = c.id ORDER BY id DESC LIMIT 1) AS language
         FROM customers c WHERE c.site_id = $1 AND c.email_hash = $2",
    )
    .bind(site.id)
    .bind(pii.hash_of("email", email.as_str()))
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let language: Option<String> = r.try_get("language")?;
    Ok(Some(Recipient {
        customer: CustomerId(r.try_get("id")?),
        name: pii.open_opt(r.try_get("first_name")?)?.unwrap_or_default(),
        language: Lang::from_tag(language.as_deref().unwrap_or(&site.default_language)),
    }))
}

/// Writes a new sign-in link and the mail carrying it to `to` into the outbox, inside the
/// caller's transaction. `false` (nothing written) when the customer was sent enough links
/// in the last ten minutes. `origin` is where Patron is reached (links start with it).
pub async fn send_link(
    conn: &mut Conn,
    pii: &PiiKey,
    site: &Site,
    r: &Recipient,
    to: &Email,
    origin: &str,
) -> sqlx::Result<bool> {
    let recent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM customer_links
         WHERE customer_id = $1 AND created_at > $2",
    )
    .bind(r.customer)
    .bind(crate::db::now_plus(-10 * 60))
    .fetch_one(&mut *conn)
    .await?;
    if recent >= LINKS_PER_TEN_MINUTES || !crate::mail::db::may_mail_publicly(conn, pii, to.as_str()).await? {
        return Ok(false);
    }
    let token = crate::tokens::new_token().map_err(|e| sqlx::Error::Protocol(format!("no randomness: {e}")))?;
    sqlx::query(
        "INSERT INTO customer_links (link_hash, site_id, customer_id, expires_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(crate::tokens::hash(&token))
    .bind(site.id)
    .bind(r.customer)
    .bind(crate::db::now_plus(LINK_HOURS * 3600))
    .execute(&mut *conn)
    .await?;
    // In the mail's language: the page it opens is written in it too.
    let link = format!("{origin}/p/{}/me/link/{token}?lang={}", site.key.as_str(), r.language.code());
    let wording = crate::mail::db::wording(conn, site.id, MailKind::MyPageLink, r.language).await?;
    let hours = LINK_HOURS.to_string();
    let values = [("site", site.name.as_str()), ("name", r.name.as_str()), ("link", &link), ("hours", &hours)];
    let mail = Mail { subject: fill(&wording.subject, &values), body: fill(&wording.body, &values), unsubscribe: None };
    let about = About { customer: Some(r.customer), ..About::default() };
    crate::mail::db::enqueue(conn, pii, site.id, about, MailKind::MyPageLink.code(), to.as_str(), &mail).await?;
    Ok(true)
}

/// Whether a link of the site with this hash still works (unused and not expired).
pub async fn link_works(pool: &Db, site: SiteId, link_hash: &str) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM customer_links WHERE link_hash = $1 AND site_id = $2 AND used_at IS NULL
           AND expires_at > $3",
    )
    .bind(link_hash)
    .bind(site)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Uses the link (once: the update claims it, so two presses make one session) and opens a
/// session for `session_hash`; the customer, or `None` when the link does not work.
pub async fn sign_in(pool: &Db, site: SiteId, link_hash: &str, session_hash: &str) -> sqlx::Result<Option<CustomerId>> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let customer: Option<CustomerId> = sqlx::query_scalar(
        "UPDATE customer_links SET used_at = $3
         WHERE link_hash = $1 AND site_id = $2 AND used_at IS NULL
           AND expires_at > $3
         RETURNING customer_id",
    )
    .bind(link_hash)
    .bind(site)
    .bind(crate::db::now())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(customer) = customer else { return Ok(None) };
    sqlx::query(
        "INSERT INTO customer_sessions (token_hash, site_id, customer_id, expires_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(session_hash)
    .bind(site)
    .bind(customer)
    .bind(crate::db::now_plus(SESSION_DAYS * 86_400))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(customer))
}

/// The customer signed in with this session on this site.
pub async fn session_customer(pool: &Db, site: SiteId, session_hash: &str) -> sqlx::Result<Option<CustomerId>> {
    sqlx::query_scalar(
        "SELECT customer_id FROM customer_sessions WHERE token_hash = $1 AND site_id = $2
           AND expires_at > $3",
    )
    .bind(session_hash)
    .bind(site)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await
}

pub async fn sign_out(pool: &Db, session_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM customer_sessions WHERE token_hash = $1").bind(session_hash).execute(pool).await?;
    Ok(())
}

/// Removes links and sessions that no longer work (the daily clean-up).
pub async fn forget_old(pool: &Db) -> sqlx::Result<u64> {
    let links = sqlx::query("DELETE FROM customer_links WHERE expires_at < $1")
        .bind(crate::db::now())
        .execute(pool)
        .await?
        .rows_affected();
    let sessions = sqlx::query("DELETE FROM customer_sessions WHERE expires_at < $1")
        .bind(crate::db::now())
        .execute(pool)
        .await?
        .rows_affected();
    Ok(links + sessions)
}

/// What the page shows besides the card.
pub struct Mine {
    pub name: String,
    pub email: String,
    pub favourites: Vec<(i64, String)>,
    /// Item, quantity, status, when.
    pub reservations: Vec<(String, i64, String, String)>,
    /// Purpose and whether it is granted now, for every purpose the site asks or they answered.
    pub consents: Vec<(String, bool)>,
    pub do_not_sell: bool,
}

/// What the customer's page shows, item names in `lang` where the shop wrote them in it.
pub async fn mine(pool: &Db, customer: CustomerId, lang: Lang) -> sqlx::Result<Option<Mine>> {
    let row = sqlx::query(
        "SELECT first_name, last_name, email, do_not_sell_at IS NOT NULL AS do_not_sell, site_id
         FROM customers WHERE id = $1",
    )
    .bind(customer)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let site: i64 = r.try_get("site_id")?;
    let favourites = sqlx::query_as(
        "SELECT i.id, coalesce((SELECT n.name FROM catalogue_item_names n WHERE n.item_id = i.id AND n.language = $2),
                               i.name)
         FROM favourites f JOIN catalogue_items i ON i.id = f.item_id
         WHERE f.customer_id = $1 ORDER BY f.created_at DESC",
    )
    .bind(customer)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let reservations = sqlx::query_as(
        "SELECT coalesce((SELECT n.name FROM catalogue_item_names n WHERE n.item_id = i.id AND n.language = $2), i.name),
                r.quantity, r.status, r.created_at
         FROM reservations r JOIN catalogue_items i ON i.id = r.item_id
         WHERE r.customer_id = $1 ORDER BY r.id DESC",
    )
    .bind(customer)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let consents: Vec<(String, Flag)> = sqlx::query_as(
        "SELECT p.purpose, coalesce((SELECT granted FROM consents WHERE customer_id = $1 AND purpose = p.purpose
                                     ORDER BY id DESC LIMIT 1), 0) = 1
         FROM (SELECT purpose FROM consent_texts WHERE site_id = $2
               UNION SELECT purpose FROM consents WHERE customer_id = $1) p ORDER BY p.purpose",
    )
    .bind(customer)
    .bind(site)
    .fetch_all(pool)
    .await?;
    Ok(Some(Mine {
        name: pool.pii().full_name(r.try_get("first_name")?, r.try_get("last_name")?)?,
        email: pool.pii().open_opt(r.try_get("email")?)?.unwrap_or_default(),
        favourites,
        reservations,
        consents: consents.into_iter().map(|(purpose, granted)| (purpose, granted.0)).collect(),
        do_not_sell: r.try_get::<Flag, _>("do_not_sell")?.0,
    }))
}

pub async fn remove_favourite(pool: &Db, customer: CustomerId, item: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM favourites WHERE customer_id = $1 AND item_id = $2")
        .bind(customer)
        .bind(item)
        .execute(pool)
        .await?;
    Ok(())
}

/// Records the customer giving a consent on their page: the site's newest wording for the
/// purpose (in their language if the site writes in it). `false` when the site has no
/// wording for it, so there is nothing to agree to.
pub async fn give_consent(
    pool: &Db,
    customer: CustomerId,
    purpose: &str,
    language: Lang,
    page: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO consents (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url,
                               source, policy_version)
         SELECT c.id, $2, 1, t.id, t.body, t.version, t.language, $4, 'my_page',
                (SELECT max(version) FROM privacy_policies WHERE site_id = c.site_id)
         FROM customers c JOIN sites s ON s.id = c.site_id
         JOIN consent_texts t ON t.site_id = c.site_id AND t.purpose = $2
         WHERE c.id = $1 AND t.language IN ($3, s.default_language)
         ORDER BY t.version DESC, t.language = $3 DESC LIMIT 1",
    )
    .bind(customer)
    .bind(purpose)
    .bind(language.code())
    .bind(page)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
