//! SQL of the reservation widget.

use super::form::ValidReservation;
use crate::db::Conn;
use crate::db::Db;
use crate::domain::SiteId;
use crate::widgets::identity::{self, Contact};

/// The customer (matched by email, left unchanged, or created), the reservation with the
/// contact as typed, and for a new customer the browser's saved items and its link, in one
/// savepoint of a grouped write (`writer::grouped`); returns the browser's token (one that
/// links nothing for a known address: see `identity`).
pub async fn insert(
    pool: &Db,
    site: SiteId,
    item_id: i64,
    r: ValidReservation,
    page_url: String,
) -> sqlx::Result<String> {
    let pii = pool.pii_shared();
    crate::writer::grouped(
        pool,
        Box::new(move |tx| Box::pin(async move { write(tx, &pii, site, item_id, &r, &page_url).await })),
    )
    .await
}

async fn write(
    tx: &mut Conn,
    pii: &crate::pii::PiiKey,
    site: SiteId,
    item_id: i64,
    r: &ValidReservation,
    page_url: &str,
) -> sqlx::Result<String> {
    let contact = Contact {
        first_name: Some(&r.first_name),
        last_name: Some(&r.last_name),
        email: &r.email,
        phone: Some(&r.phone),
        address: r.address.as_ref(),
        source: "reservation",
    };
    let (customer, claim) = identity::claim_customer(&mut *tx, pii, site, &contact).await?;
    sqlx::query(
        "INSERT INTO reservations (site_id, customer_id, item_id, quantity, note, page_url, typed_contact)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(site)
    .bind(customer)
    .bind(item_id)
    .bind(i64::from(r.quantity.value()))
    .bind(r.note.as_str())
    .bind(page_url)
    .bind(pii.seal(&identity::typed_contact(&contact)))
    .execute(&mut *tx)
    .await?;
    if claim == identity::Claim::New {
        identity::attach_favourites(&mut *tx, site, customer, &r.favourites).await?;
    }
    identity::token_for(tx, site, customer, claim).await
}
