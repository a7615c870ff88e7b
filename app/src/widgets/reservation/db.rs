//! SQL of the reservation widget.

use super::form::ValidReservation;
use crate::domain::SiteId;
use crate::widgets::identity::{self, Contact};
use sqlx::{SqliteConnection, SqlitePool};

/// The customer (matched by email or created), the reservation, the browser's saved items
/// and its link to the customer, in one savepoint of a grouped write (`writer::grouped`);
/// returns the browser's token.
pub async fn insert(
    pool: &SqlitePool,
    site: SiteId,
    item_id: i64,
    r: ValidReservation,
    page_url: String,
) -> sqlx::Result<String> {
    crate::writer::grouped(
        pool,
        Box::new(move |tx| Box::pin(async move { write(tx, site, item_id, &r, &page_url).await })),
    )
    .await
}

async fn write(
    tx: &mut SqliteConnection,
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
        source: "reservation",
    };
    let (customer, _) = identity::upsert_customer(&mut *tx, site, &contact).await?;
    sqlx::query(
        "INSERT INTO reservations (site_id, customer_id, item_id, quantity, note, page_url) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(site)
    .bind(customer)
    .bind(item_id)
    .bind(i64::from(r.quantity.value()))
    .bind(r.note.as_str())
    .bind(page_url)
    .execute(&mut *tx)
    .await?;
    identity::attach_favourites(&mut *tx, site, customer, &r.favourites).await?;
    identity::link_browser(tx, site, customer).await
}
