//! SQL of the reservations desk.

use super::api::{ClosedReservation, OpenReservation, Outcome};
use crate::db::Db;
use crate::domain::{CustomerId, StaffId};
use sqlx::Row;

/// Whether a reservation's item or customer holds what was searched for (already in lower
/// case; empty matches all), for both lists of the desk. In Rust: the customer's name, email
/// and phone are sealed, and only opened here.
fn matches(searched: &str, texts: &[&str]) -> bool {
    searched.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(searched))
}

pub async fn open(pool: &Db, query: &str) -> sqlx::Result<Vec<OpenReservation>> {
    let searched = query.to_lowercase();
    let rows = sqlx::query(
        "SELECT r.id, r.item_id, i.name AS item, i.sku, i.stock_expected, r.quantity, r.note, r.created_at,
                c.id AS customer_id, c.first_name, c.last_name, c.phone, c.email, r.typed_contact,
                c.street, c.postcode, c.city
         FROM reservations r
         JOIN catalogue_items i ON i.id = r.item_id
         JOIN customers c ON c.id = r.customer_id
         WHERE r.status = 'open'
         ORDER BY i.name, i.id, r.created_at",
    )
    .fetch_all(pool)
    .await?;
    let pii = pool.pii();
    let mut found = Vec::new();
    for r in rows {
        let customer = pii.full_name(r.get("first_name"), r.get("last_name"))?;
        let phone = pool.opened(&r, "phone")?;
        let email = pool.opened(&r, "email")?;
        let (item, sku): (String, String) = (r.get("item"), r.get("sku"));
        let contact = [customer.as_str(), email.as_deref().unwrap_or(""), phone.as_deref().unwrap_or("")];
        if !matches(&searched, &[&[item.as_str(), sku.as_str()][..], &contact[..]].concat()) {
            continue;
        }
        let street = pool.opened_text(&r, "street")?;
        let address = format!("{street}, {} {}", r.get::<String, _>("postcode"), r.get::<String, _>("city"));
        let address = address.trim_matches([',', ' ']).to_owned();
        let typed = typed_if_other(pool.opened(&r, "typed_contact")?, &customer, phone.clone(), &address);
        found.push(OpenReservation {
            id: r.get("id"),
            item_id: r.get("item_id"),
            item,
            sku,
            stock_expected: r.get("stock_expected"),
            quantity: r.get("quantity"),
            note: r.get("note"),
            customer_id: r.get("customer_id"),
            customer,
            phone,
            email,
            at: r.get("created_at"),
            typed,
        });
        if found.len() == 500 {
            break;
        }
    }
    Ok(found)
}

/// Reservations closed in the last 30 days, newest first, with who closed each (from the
/// customer's history, where closing one is noted).
pub async fn closed(pool: &Db, query: &str) -> sqlx::Result<Vec<ClosedReservation>> {
    let searched = query.to_lowercase();
    let rows = sqlx::query(
        "SELECT r.id, i.name AS item, i.sku, r.quantity, r.status, r.updated_at, c.id AS customer_id,
                c.first_name, c.last_name, c.email, c.phone,
                (SELECT u.email FROM customer_changes h JOIN staff_users u ON u.id = h.staff_id
                  WHERE h.customer_id = r.customer_id AND h.field = 'reservation ' || r.id
                  ORDER BY h.id DESC LIMIT 1) AS staff
         FROM reservations r
         JOIN catalogue_items i ON i.id = r.item_id
         JOIN customers c ON c.id = r.customer_id
         WHERE r.status <> 'open' AND r.updated_at >= $1
         ORDER BY r.updated_at DESC, r.id DESC",
    )
    .bind(crate::db::now_plus(-30 * 86_400))
    .fetch_all(pool)
    .await?;
    let pii = pool.pii();
    let mut found = Vec::new();
    for r in rows {
        let customer = pii.full_name(r.get("first_name"), r.get("last_name"))?;
        let (email, phone) = (pool.opened_text(&r, "email")?, pool.opened_text(&r, "phone")?);
        let (item, sku): (String, String) = (r.get("item"), r.get("sku"));
        if !matches(&searched, &[item.as_str(), sku.as_str(), customer.as_str(), email.as_str(), phone.as_str()]) {
            continue;
        }
        found.push(ClosedReservation {
            id: r.get("id"),
            item,
            quantity: r.get("quantity"),
            customer_id: r.get("customer_id"),
            customer,
            outcome: if r.get::<&str, _>("status") == "fulfilled" { Outcome::Fulfilled } else { Outcome::Cancelled },
            closed_at: r.get("updated_at"),
            by: r.get("staff"),
        });
        if found.len() == 200 {
            break;
        }
    }
    Ok(found)
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
    let mut tx = pool.begin_write().await?;
    let customer: Option<i64> = sqlx::query_scalar(
        "UPDATE reservations SET status = $1, updated_at = $3
         WHERE id = $2 AND status = 'open' RETURNING customer_id",
    )
    .bind(outcome.code())
    .bind(id)
    .bind(crate::db::now())
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
