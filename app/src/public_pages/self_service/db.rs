//! SQL of self-service requests: opening one with its one-time link (and the mail that
//! carries it), and finding it again from the link.

use crate::db::Db;
use crate::domain::{CustomerId, Email, SiteId};
use crate::mail::db::{About, Mail};
use sqlx::Row;

/// How long a mailed link works.
pub const LINK_HOURS: i64 = 24;

/// What a customer may ask for themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Access,
    Erasure,
    DoNotSell,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Access, Kind::DoNotSell, Kind::Erasure];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Access => "access",
            Kind::Erasure => "erasure",
            Kind::DoNotSell => "do_not_sell",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Opens a request for the customer with `email` on the site and puts the mail with its
/// link in the outbox, in one transaction. `false` when no customer has that address:
/// then nothing is stored (the address is not kept) and the page says the same as when one
/// does, so the form does not tell strangers who is a customer. An unknown address is
/// looked up without the write lock, so a flood of made-up addresses does not hold up the
/// shop's writes; and an address mailed enough this hour is sent nothing more.
pub async fn open(
    pool: &Db,
    site: SiteId,
    email: &Email,
    kind: Kind,
    link_hash: &str,
    mail: &Mail,
) -> sqlx::Result<bool> {
    let find = "SELECT id FROM customers WHERE site_id = $1 AND email_hash = $2";
    let hash = pool.pii().hash_of("email", email.as_str());
    let known: Option<i64> = sqlx::query_scalar(find).bind(site).bind(&hash).fetch_optional(pool).await?;
    if known.is_none() {
        return Ok(false);
    }
    let mut tx = pool.begin_write().await?;
    let customer: Option<i64> = sqlx::query_scalar(find).bind(site).bind(&hash).fetch_optional(&mut *tx).await?;
    let Some(customer) = customer else { return Ok(false) };
    if !crate::mail::db::may_mail_publicly(&mut tx, pool.pii(), email.as_str()).await? {
        return Ok(false);
    }
    let request = insert(&mut tx, site, CustomerId(customer), kind, link_hash).await?;
    let about = About { customer: Some(CustomerId(customer)), request: Some(request), pending_signup: None };
    crate::mail::db::enqueue(&mut tx, pool.pii(), site, about, "privacy_link", email.as_str(), mail).await?;
    tx.commit().await?;
    Ok(true)
}

/// Opens a request for a customer signed in on their own page (their address is proven
/// already): no mail, the caller sends them straight to the link's page.
pub async fn open_signed_in(
    pool: &Db,
    site: SiteId,
    customer: CustomerId,
    kind: Kind,
    link_hash: &str,
) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    insert(&mut conn, site, customer, kind, link_hash).await?;
    Ok(())
}

async fn insert(
    conn: &mut crate::db::Conn,
    site: SiteId,
    customer: CustomerId,
    kind: Kind,
    link_hash: &str,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO privacy_requests (site_id, customer_id, kind, channel, state, link_hash, link_expires_at)
         VALUES ($1, $2, $3, 'self_service', 'open', $4, $5) RETURNING id",
    )
    .bind(site)
    .bind(customer)
    .bind(kind.code())
    .bind(link_hash)
    .bind(crate::db::now_plus(LINK_HOURS * 3600))
    .fetch_one(&mut *conn)
    .await
}

/// An open request found from its link.
#[derive(Debug, Clone)]
pub struct Linked {
    pub request: i64,
    pub customer: CustomerId,
    pub kind: Kind,
}

/// The open request of the site whose link has this hash, if the link still works.
pub async fn find(pool: &Db, site: SiteId, link_hash: &str) -> sqlx::Result<Option<Linked>> {
    let row = sqlx::query(
        "SELECT id, customer_id, kind FROM privacy_requests
         WHERE link_hash = $1 AND site_id = $2 AND state = 'open' AND customer_id IS NOT NULL
           AND link_expires_at > $3",
    )
    .bind(link_hash)
    .bind(site)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(Linked {
            request: r.get("id"),
            customer: CustomerId(r.get("customer_id")),
            kind: Kind::parse(r.get("kind"))?,
        })
    }))
}

/// Whether the customer's newest consent record for `purpose` grants it (`None`: never
/// asked), and their site.
pub async fn consent_state(pool: &Db, id: CustomerId, purpose: &str) -> sqlx::Result<Option<(SiteId, Option<bool>)>> {
    let row = sqlx::query(
        "SELECT c.site_id,
                (SELECT granted FROM consents WHERE customer_id = c.id AND purpose = $1 ORDER BY id DESC LIMIT 1) AS granted
         FROM customers c WHERE c.id = $2",
    )
    .bind(purpose)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| (SiteId(r.get("site_id")), r.get::<Option<i64>, _>("granted").map(|g| g == 1))))
}

/// Where a customer withdrew a consent themselves: the words recorded, the source, the page.
pub struct Withdrawal<'a> {
    pub body: &'a str,
    pub source: &'a str,
    pub page: &'a str,
}

/// From the one-click link in a mail or list.
pub const UNSUBSCRIBE_LINK: Withdrawal<'static> = Withdrawal {
    body: "Unsubscribed with the link in a mail or list",
    source: "unsubscribe_link",
    page: "unsubscribe link",
};

/// Records the customer withdrawing `purpose`: a consent record like any other, keeping the
/// wording version and language of the consent it withdraws.
pub async fn withdraw(pool: &Db, id: CustomerId, purpose: &str, how: &Withdrawal<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO consents (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url, source,
                               policy_version)
         SELECT c.id, $2, 0, NULL, $3, coalesce(l.text_version, 0),
                coalesce(l.language, s.default_language), $5, $4,
                (SELECT max(version) FROM privacy_policies WHERE site_id = c.site_id)
         FROM customers c JOIN sites s ON s.id = c.site_id
         LEFT JOIN (SELECT customer_id, text_version, language FROM consents
                    WHERE customer_id = $1 AND purpose = $2 ORDER BY id DESC LIMIT 1) l ON l.customer_id = c.id
         WHERE c.id = $1",
    )
    .bind(id)
    .bind(purpose)
    .bind(how.body)
    .bind(how.source)
    .bind(how.page)
    .execute(pool)
    .await?;
    Ok(())
}
