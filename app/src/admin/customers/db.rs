//! SQL of the customers list.

use super::api::{ConsentState, CustomerRow};
use crate::db::Db;
use sqlx::Row;

/// The search condition, shared by the count and the page query. ?1 is the text pattern,
/// ?2 the digits-only pattern (empty when the search has fewer than three digits), ?3 a
/// JSON array of the patterns of a number typed nationally in the sites' countries.
macro_rules! search_filter {
    () => {
        "(?1 = '%%' OR lower(pii_open(c.first_name) || ' ' || pii_open(c.last_name)) LIKE ?1 ESCAPE '\\'
          OR pii_open(c.email) LIKE ?1 ESCAPE '\\'
          OR (?2 <> '' AND pii_open(c.phone) LIKE ?2 ESCAPE '\\')
          OR (?3 <> '[]' AND EXISTS (SELECT 1 FROM json_each(?3) AS p WHERE pii_open(c.phone) LIKE p.value ESCAPE '\\')))"
    };
}

/// One page of customers (newest first) matching `query`, and the number matching in all.
///
/// The search matches first name, last name, "first last", email, and phone; for the phone
/// it also tries the digits alone, so "0170 123" finds "01701234567". A plain LIKE scan is
/// fine at a shop's scale, but it opens every sealed name it passes (see migration 0019):
/// the till's lookup, by index, is the fast way to one customer.
pub async fn list(pool: &Db, query: &str, page: u32, per_page: u32) -> sqlx::Result<(Vec<CustomerRow>, i64)> {
    let text = crate::like::containing(&query.to_lowercase());
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let national: Vec<String> = if digits.len() >= 3 {
        crate::sites::phones::typed_starts(pool, query).await?.iter().map(|s| crate::like::containing(s)).collect()
    } else {
        Vec::new()
    };
    let national = serde_json::to_string(&national).unwrap_or_else(|_| "[]".into());
    let digits = if digits.len() >= 3 { crate::like::containing(&digits) } else { String::new() };
    let total: i64 = sqlx::query_scalar(concat!("SELECT count(*) FROM customers c WHERE ", search_filter!()))
        .bind(&text)
        .bind(&digits)
        .bind(&national)
        .fetch_one(pool)
        .await?;
    let rows = sqlx::query(concat!(
        "SELECT c.id, s.name AS site_name, pii_open(c.first_name) AS first_name, pii_open(c.last_name) AS last_name,
                pii_open(c.email) AS email, pii_open(c.phone) AS phone, c.created_at,
                nl.granted, nl.created_at AS consent_at
         FROM customers c
         JOIN sites s ON s.id = c.site_id
         LEFT JOIN consents nl ON nl.id = (
             SELECT id FROM consents WHERE customer_id = c.id AND purpose = 'newsletter' ORDER BY id DESC LIMIT 1)
         WHERE ",
        search_filter!(),
        " ORDER BY c.id DESC LIMIT ?4 OFFSET ?5"
    ))
    .bind(&text)
    .bind(&digits)
    .bind(&national)
    .bind(i64::from(per_page))
    .bind(i64::from(page.saturating_sub(1)) * i64::from(per_page))
    .fetch_all(pool)
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| CustomerRow {
            id: r.get("id"),
            site_name: r.get("site_name"),
            first_name: r.get("first_name"),
            last_name: r.get("last_name"),
            email: r.get("email"),
            phone: r.get("phone"),
            newsletter: match r.get::<Option<i64>, _>("granted") {
                Some(1) => ConsentState::Granted,
                Some(_) => ConsentState::Withdrawn,
                None => ConsentState::None,
            },
            consent_at: r.get("consent_at"),
            created_at: r.get("created_at"),
        })
        .collect();
    Ok((rows, total))
}
