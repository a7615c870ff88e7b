//! SQL of self-service requests: opening one with its one-time link (and the mail that
//! carries it), and finding it again from the link.

use crate::domain::{CustomerId, Email, SiteId};
use sqlx::{Row, SqlitePool};

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

/// The mail that carries a link.
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// Opens a request for the customer with `email` on the site and puts the mail with its
/// link in the outbox, in one transaction. `false` when no customer has that address:
/// then nothing is stored (the address is not kept) and the page says the same as when one
/// does, so the form does not tell strangers who is a customer.
pub async fn open(
    pool: &SqlitePool,
    site: SiteId,
    email: &Email,
    kind: Kind,
    link_hash: &str,
    mail: &Mail,
) -> sqlx::Result<bool> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let customer: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE site_id = ? AND email = ?")
        .bind(site)
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let Some(customer) = customer else { return Ok(false) };
    let request: i64 = sqlx::query_scalar(
        "INSERT INTO privacy_requests (site_id, customer_id, kind, channel, state, link_hash, link_expires_at)
         VALUES (?, ?, ?, 'self_service', 'open', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)) RETURNING id",
    )
    .bind(site)
    .bind(customer)
    .bind(kind.code())
    .bind(link_hash)
    .bind(format!("+{LINK_HOURS} hours"))
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO outbox (site_id, customer_id, request_id, to_address, subject, body) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(site)
    .bind(customer)
    .bind(request)
    .bind(email.as_str())
    .bind(&mail.subject)
    .bind(&mail.body)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// An open request found from its link.
#[derive(Debug, Clone)]
pub struct Linked {
    pub request: i64,
    pub customer: CustomerId,
    pub kind: Kind,
}

/// The open request of the site whose link has this hash, if the link still works.
pub async fn find(pool: &SqlitePool, site: SiteId, link_hash: &str) -> sqlx::Result<Option<Linked>> {
    let row = sqlx::query(
        "SELECT id, customer_id, kind FROM privacy_requests
         WHERE link_hash = ? AND site_id = ? AND state = 'open' AND customer_id IS NOT NULL
           AND link_expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    )
    .bind(link_hash)
    .bind(site)
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
