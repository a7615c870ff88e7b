//! SQL of the customers list.

use super::api::{ConsentState, CustomerRow};
use crate::db::Db;
use crate::db::DbRow;
use crate::pii::PiiKey;
use sqlx::Row;

/// What a search looks for, worked out once from what was typed.
struct Search {
    /// The text in lower case, for names and the email.
    text: String,
    /// The digits alone (empty when fewer than three), for the phone.
    digits: String,
    /// The starts of a number typed nationally, in the sites' countries.
    national: Vec<String>,
}

impl Search {
    /// Name ("first last" too), email, or phone. In Rust: these are sealed (see migration
    /// 0019) and opened only here.
    fn finds(&self, pii: &PiiKey, row: &DbRow) -> sqlx::Result<bool> {
        let name = pii.full_name(row.get("first_name"), row.get("last_name"))?.to_lowercase();
        if name.contains(&self.text) {
            return Ok(true);
        }
        if pii.open_opt(row.get("email"))?.is_some_and(|e| e.to_lowercase().contains(&self.text)) {
            return Ok(true);
        }
        let Some(phone) = pii.open_opt(row.get("phone"))? else { return Ok(false) };
        Ok((!self.digits.is_empty() && phone.contains(&self.digits)) || self.national.iter().any(|n| phone.contains(n)))
    }
}

/// One page of customers (newest first) matching `query`, and the number matching in all.
///
/// The search matches first name, last name, "first last", email, and phone; for the phone
/// it also tries the digits alone, so "0170 123" finds "01701234567". It opens every
/// customer's name and contacts to look (fine at a shop's scale): the till's lookup, by
/// index, is the fast way to one customer.
pub async fn list(pool: &Db, query: &str, page: u32, per_page: u32) -> sqlx::Result<(Vec<CustomerRow>, i64)> {
    let skip = usize::try_from(page.saturating_sub(1)).unwrap_or(usize::MAX).saturating_mul(per_page as usize);
    let query = query.trim();
    let (ids, total) = if query.is_empty() {
        let total: i64 = sqlx::query_scalar("SELECT count(*) FROM customers").fetch_one(pool).await?;
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM customers ORDER BY id DESC LIMIT $1 OFFSET $2")
            .bind(i64::from(per_page))
            .bind(i64::try_from(skip).unwrap_or(i64::MAX))
            .fetch_all(pool)
            .await?;
        (ids, total)
    } else {
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        let search = Search {
            text: query.to_lowercase(),
            national: if digits.len() >= 3 {
                crate::sites::phones::typed_starts(pool, query).await?
            } else {
                Vec::new()
            },
            digits: if digits.len() >= 3 { digits } else { String::new() },
        };
        let rows = sqlx::query("SELECT id, first_name, last_name, email, phone FROM customers ORDER BY id DESC")
            .fetch_all(pool)
            .await?;
        let mut found = Vec::new();
        for row in &rows {
            if search.finds(pool.pii(), row)? {
                found.push(row.get::<i64, _>("id"));
            }
        }
        let total = i64::try_from(found.len()).unwrap_or(i64::MAX);
        (found.into_iter().skip(skip).take(per_page as usize).collect(), total)
    };
    Ok((page_of(pool, &ids).await?, total))
}

/// The rows of these customers, in this order.
async fn page_of(pool: &Db, ids: &[i64]) -> sqlx::Result<Vec<CustomerRow>> {
    let mut page = Vec::with_capacity(ids.len());
    for id in ids {
        let r = sqlx::query(
            "SELECT c.id, s.name AS site_name, c.first_name, c.last_name, c.email, c.phone, c.created_at,
                    nl.granted, nl.created_at AS consent_at
             FROM customers c
             JOIN sites s ON s.id = c.site_id
             LEFT JOIN consents nl ON nl.id = (
                 SELECT id FROM consents WHERE customer_id = c.id AND purpose = 'newsletter' ORDER BY id DESC LIMIT 1)
             WHERE c.id = $1",
        )
        .bind(id)
        .fetch_one(pool)
        .await?;
        page.push(CustomerRow {
            id: r.get("id"),
            site_name: r.get("site_name"),
            first_name: pool.opened_text(&r, "first_name")?,
            last_name: pool.opened_text(&r, "last_name")?,
            email: pool.opened(&r, "email")?,
            phone: pool.opened(&r, "phone")?,
            newsletter: match r.get::<Option<i64>, _>("granted") {
                Some(1) => ConsentState::Granted,
                Some(_) => ConsentState::Withdrawn,
                None => ConsentState::None,
            },
            consent_at: r.get("consent_at"),
            created_at: r.get("created_at"),
        });
    }
    Ok(page)
}
