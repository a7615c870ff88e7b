//! SQL of the reservations desk.

use super::api::{ClosedReservation, OpenReservation, Outcome};
use crate::db::Db;
use crate::domain::{CustomerId, StaffId};
use sqlx::Row;

/// The condition that a reservation's item or customer matches the pattern bound to `?1`
/// (`%%` matches all), for both lists of the desk.
macro_rules! matches_query {
    () => {
        "(?1 = '%%' OR lower(i.name) LIKE ?1 ESCAPE '\\' OR lower(i.sku) LIKE ?1 ESCAPE '\\'
          OR lower(pii_open(c.first_name) || ' ' || pii_open(c.last_name)) LIKE ?1 ESCAPE '\\'
          OR pii_open(c.email) LIKE ?1 ESCAPE '\\' OR pii_open(c.phone) LIKE ?1 ESCAPE '\\')"
    };
}

pub async fn open(pool: &Db, query: &str) -> sqlx::Result<Vec<OpenReservation>> {
    let pattern = crate::like::containing(&query.to_lowercase());
    let rows = sqlx::query(concat!(
        "SELECT r.id, r.item_id, i.name AS item, i.sku, i.stock_expected, r.quantity, r.note, r.created_at,
                c.id AS customer_id, trim(pii_open(c.first_name) || ' ' || pii_open(c.last_name)) AS customer,
                pii_open(c.phone) AS phone, pii_open(c.email) AS email, pii_open(r.typed_contact) AS typed_contact,
                trim(pii_open(c.street) || ', ' || c.postcode || ' ' || c.city, ', ') AS address
         FROM reservations r
         JOIN catalogue_items i ON i.id = r.item_id
         JOIN customers c ON c.id = r.customer_id
         WHERE r.status = 'open' AND ",
        matches_query!(),
        " ORDER BY i.name, i.id, r.created_at LIMIT 500",
    ))
    .bind(&pattern)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| OpenReservation {
            id: r.get("id"),
            item_id: r.get("item_id"),
            item: r.get("item"),
            sku: r.get("sku"),
            stock_expected: r.get("stock_expected"),
            quantity: r.get("quantity"),
            note: r.get("note"),
            customer_id: r.get("customer_id"),
            customer: r.get("customer"),
            phone: r.get("phone"),
            email: r.get("email"),
            at: r.get("created_at"),
            typed: typed_if_other(
                r.get("typed_contact"),
                &r.get::<String, _>("customer"),
                r.get("phone"),
                &r.get::<String, _>("address"),
            ),
        })
        .collect())
}

/// Reservations closed in the last 30 days, newest first, with who closed each (from the
/// customer's history, where closing one is noted).
pub async fn closed(pool: &Db, query: &str) -> sqlx::Result<Vec<ClosedReservation>> {
    let pattern = crate::like::containing(&query.to_lowercase());
    let rows = sqlx::query(concat!(
        "SELECT r.id, i.name AS item, r.quantity, r.status, r.updated_at, c.id AS customer_id,
                trim(pii_open(c.first_name) || ' ' || pii_open(c.last_name)) AS customer,
                (SELECT u.email FROM customer_changes h JOIN staff_users u ON u.id = h.staff_id
                  WHERE h.customer_id = r.customer_id AND h.field = 'reservation ' || r.id
                  ORDER BY h.id DESC LIMIT 1) AS staff
         FROM reservations r
         JOIN catalogue_items i ON i.id = r.item_id
         JOIN customers c ON c.id = r.customer_id
         WHERE r.status <> 'open' AND r.updated_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 days') AND ",
        matches_query!(),
        " ORDER BY r.updated_at DESC, r.id DESC LIMIT 200",
    ))
    .bind(&pattern)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ClosedReservation {
            id: r.get("id"),
            item: r.get("item"),
            quantity: r.get("quantity"),
            customer_id: r.get("customer_id"),
            customer: r.get("customer"),
            outcome: if r.get::<&str, _>("status") == "fulfilled" { Outcome::Fulfilled } else { Outcome::Cancelled },
            closed_at: r.get("updated_at"),
            by: r.get("staff"),
        })
        .collect())
}

/// "Mallory Silva, +351911111111" (and the postal address, where the form asked for one)
/// when what was typed in the form is not what the record holds; `None` when it is, or for
/// reservations from before it was kept.
fn typed_if_other(typed: Option<String>, name: &str, phone: Option<String>, address: &str) -> Option<String> {
    let typed: serde_json::Value = serde_json::from_str(&typed?).ok()?;
    let text = |k: &str| typed[k].as_str().unwrap_or("").to_owned();
    let typed_name = format!("{} {}", text("first_name"), text("last_name")).trim().to_owned();
    let typed_phone = text("phone");
    let part = |k: &str| typed["address"][k].as_str().unwrap_or("").to_owned();
    let typed_address = format!("{}, {} {}", part("street"), part("postcode"), part("city"));
    let typed_address = typed_address.trim_matches([',', ' ']).to_owned();
    let same = typed_name == name
        && (typed_phone.is_empty() || Some(&typed_phone) == phone.as_ref())
        && (typed_address.is_empty() || typed_address == address);
    (!same).then(|| {
        [typed_name, typed_phone, typed_address].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
    })
}

/// Closes an open reservation and notes it in the customer's history; `false` when it is
/// not open (closed already, or no such reservation).
pub async fn close(pool: &Db, id: i64, staff: StaffId, outcome: Outcome) -> sqlx::Result<bool> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let customer: Option<i64> = sqlx::query_scalar(
        "UPDATE reservations SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ? AND status = 'open' RETURNING customer_id",
    )
    .bind(outcome.code())
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(customer) = customer else {
        return Ok(false);
    };
    let field = format!("reservation {id}");
    crate::customer_changes::record_change(
        &mut tx,
        pool.pii(),
        CustomerId(customer),
        staff,
        &field,
        Some("open"),
        Some(outcome.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::typed_if_other;

    fn typed(address: &str) -> Option<String> {
        Some(format!(r#"{{"first_name": "Ana", "last_name": "Silva", "phone": "+351912345678"{address}}}"#))
    }

    #[test]
    fn what_was_typed_shows_only_where_it_differs_from_the_record() {
        let phone = || Some("+351912345678".to_owned());
        assert_eq!(typed_if_other(typed(""), "Ana Silva", phone(), ""), None);
        let lisbon = r#", "address": {"street": "Rua Augusta 5", "postcode": "1100-048", "city": "Lisboa"}"#;
        assert_eq!(typed_if_other(typed(lisbon), "Ana Silva", phone(), "Rua Augusta 5, 1100-048 Lisboa"), None);
        assert_eq!(
            typed_if_other(typed(lisbon), "Ana Silva", phone(), ""),
            Some("Ana Silva, +351912345678, Rua Augusta 5, 1100-048 Lisboa".into())
        );
    }
}
