//! SQL of the warranty widget.

use super::form::ValidWarranty;
use crate::db::Db;
use crate::domain::SiteId;
use crate::widgets::identity::{self, Contact};

/// Today's date (UTC), `YYYY-MM-DD`.
pub fn today() -> String {
    crate::db::now()[..10].to_owned()
}

pub enum Registered {
    /// Stored; the browser's new token.
    New(String),
    /// This serial of this item is registered already; nothing was stored.
    Already,
}

/// The customer (matched by email, left unchanged, or created) and the registration with the
/// contact as typed, in one transaction; a new customer's saved items and browser link too.
pub async fn insert(
    pool: &Db,
    site: SiteId,
    item_id: i64,
    w: &ValidWarranty,
    page_url: &str,
) -> sqlx::Result<Registered> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM warranty_registrations WHERE site_id = $1 AND item_id = $2 AND serial_number = $3",
    )
    .bind(site)
    .bind(item_id)
    .bind(w.serial_number.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if taken.is_some() {
        return Ok(Registered::Already);
    }
    let contact = Contact {
        first_name: Some(&w.first_name),
        last_name: Some(&w.last_name),
        email: &w.email,
        phone: w.phone.as_ref(),
        address: w.address.as_ref(),
        source: "warranty",
    };
    let (customer, claim) = identity::claim_customer(&mut tx, pool.pii(), site, &contact).await?;
    sqlx::query(
        "INSERT INTO warranty_registrations
           (site_id, customer_id, item_id, serial_number, purchase_date, page_url, typed_contact)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(site)
    .bind(customer)
    .bind(item_id)
    .bind(w.serial_number.as_str())
    .bind(w.purchase_date.as_str())
    .bind(page_url)
    .bind(pool.pii().seal(&identity::typed_contact(&contact)))
    .execute(&mut *tx)
    .await?;
    if claim == identity::Claim::New {
        identity::attach_favourites(&mut tx, site, customer, &w.favourites).await?;
    }
    let token = identity::token_for(&mut tx, site, customer, claim).await?;
    tx.commit().await?;
    Ok(Registered::New(token))
}
