//! SQL of the till.

use super::api::{Found, TillItem, TillSetup, TillSite};
use super::form::{CatalogueEntry, ValidPurchase};
use crate::domain::{CustomerId, Email, Minor, PersonName, Phone, SiteId, SiteKey, StaffId};
use sqlx::{Row, SqlitePool};

/// Customers whose email, phone, first or last name starts with `query`, or whose full
/// name does: prefix matches only, so each is a range scan of an index (see migration
/// 0007) and the lookup stays fast on a million customers.
pub async fn lookup(pool: &SqlitePool, query: &str, limit: i64) -> sqlx::Result<Vec<Found>> {
    let lower = query.to_lowercase();
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let phone = if query.trim_start().starts_with('+') { format!("+{digits}") } else { digits };
    // Each branch walks its index in order and takes at most `limit` matches, so a short
    // prefix ("sm") does not sort every Smith and Smirnov before the first page is shown.
    // Upper bound of a prefix range: the prefix followed by the highest code point.
    let end = |p: &str| format!("{p}\u{10FFFF}");
    let (first, last) = match lower.split_once(' ') {
        Some((f, l)) => (f.trim().to_owned(), l.trim().to_owned()),
        None => (lower.clone(), String::new()),
    };
    let rows = sqlx::query(
        "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, s.site_key, s.name AS site_name
         FROM customers c JOIN sites s ON s.id = c.site_id
         WHERE c.id IN (
           SELECT id FROM (SELECT id FROM customers WHERE email >= ?1 AND email < ?2 ORDER BY email LIMIT ?8)
           UNION SELECT id FROM (SELECT id FROM customers WHERE ?3 <> '' AND length(?3) >= 3 AND phone >= ?3 AND phone < ?4
                                 ORDER BY phone LIMIT ?8)
           UNION SELECT id FROM (SELECT id FROM customers
                                 WHERE last_name COLLATE NOCASE >= ?1 AND last_name COLLATE NOCASE < ?2
                                 ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE LIMIT ?8)
           UNION SELECT id FROM (SELECT id FROM customers
                                 WHERE ?6 = '' AND first_name COLLATE NOCASE >= ?1 AND first_name COLLATE NOCASE < ?2
                                 ORDER BY first_name COLLATE NOCASE, last_name COLLATE NOCASE LIMIT ?8)
           UNION SELECT id FROM (SELECT id FROM customers WHERE ?6 <> '' AND first_name COLLATE NOCASE = ?5
                                   AND last_name COLLATE NOCASE >= ?6 AND last_name COLLATE NOCASE < ?7
                                 ORDER BY last_name COLLATE NOCASE LIMIT ?8)
         )
         ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT ?8",
    )
    .bind(&lower)
    .bind(end(&lower))
    .bind(&phone)
    .bind(end(&phone))
    .bind(&first)
    .bind(&last)
    .bind(end(&last))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (first, last): (String, String) = (r.get("first_name"), r.get("last_name"));
            Found {
                id: r.get("id"),
                name: format!("{first} {last}").trim().to_owned(),
                email: r.get("email"),
                phone: r.get("phone"),
                site_key: r.get("site_key"),
                site_name: r.get("site_name"),
            }
        })
        .collect())
}

pub async fn setup(pool: &SqlitePool) -> sqlx::Result<TillSetup> {
    let sites = sqlx::query("SELECT site_key, name, currency FROM sites ORDER BY name, id")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| TillSite { key: r.get("site_key"), name: r.get("name"), currency: r.get("currency") })
        .collect();
    let items = sqlx::query(
        "SELECT s.site_key, i.sku, i.name, i.price_minor FROM catalogue_items i JOIN sites s ON s.id = i.site_id
         WHERE i.active = 1 ORDER BY s.site_key, i.name",
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| TillItem {
        site_key: r.get("site_key"),
        sku: r.get("sku"),
        name: r.get("name"),
        price: Minor(r.get("price_minor")),
    })
    .collect();
    Ok(TillSetup { sites, items })
}

pub struct NewCustomer<'a> {
    pub first_name: &'a PersonName,
    pub last_name: Option<&'a PersonName>,
    pub phone: Option<&'a Phone>,
    pub email: Option<&'a Email>,
}

pub enum Created {
    Id(i64),
    NoSuchSite,
    EmailTaken,
}

/// Creates a customer with source `till`, and its creation in the record's history.
pub async fn create_customer(
    pool: &SqlitePool,
    site: &SiteKey,
    staff: StaffId,
    c: &NewCustomer<'_>,
) -> sqlx::Result<Created> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let site_id: Option<SiteId> = sqlx::query_scalar("SELECT id FROM sites WHERE site_key = ?")
        .bind(site.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let Some(site_id) = site_id else {
        return Ok(Created::NoSuchSite);
    };
    let inserted = sqlx::query_scalar(
        "INSERT INTO customers (site_id, first_name, last_name, phone, email, source) VALUES (?, ?, ?, ?, ?, 'till')
         RETURNING id",
    )
    .bind(site_id)
    .bind(c.first_name.as_str())
    .bind(c.last_name.map_or("", PersonName::as_str))
    .bind(c.phone.map(Phone::as_str))
    .bind(c.email.map(Email::as_str))
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(id) => id,
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(Created::EmailTaken),
        Err(e) => return Err(e),
    };
    crate::admin::record::db::record_change(&mut tx, CustomerId(id), staff, "created", None, Some("till")).await?;
    tx.commit().await?;
    Ok(Created::Id(id))
}

pub struct CustomerSite {
    pub id: SiteId,
    pub currency: String,
}

pub async fn site_of(pool: &SqlitePool, customer: CustomerId) -> sqlx::Result<Option<CustomerSite>> {
    let row = sqlx::query("SELECT s.id, s.currency FROM customers c JOIN sites s ON s.id = c.site_id WHERE c.id = ?")
        .bind(customer)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| CustomerSite { id: SiteId(r.get("id")), currency: r.get("currency") }))
}

pub async fn catalogue(pool: &SqlitePool, site: SiteId) -> sqlx::Result<Vec<CatalogueEntry>> {
    let rows = sqlx::query("SELECT id, sku, name, price_minor FROM catalogue_items WHERE site_id = ? AND active = 1")
        .bind(site)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|r| (r.get("id"), r.get("sku"), r.get("name"), Minor(r.get("price_minor")))).collect())
}

/// Stores the purchase and its lines in one transaction.
pub async fn insert_purchase(
    pool: &SqlitePool,
    site: SiteId,
    customer: CustomerId,
    staff: StaffId,
    currency: &str,
    p: &ValidPurchase,
) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO purchases (site_id, customer_id, staff_id, currency, subtotal_minor, discount_minor, total_minor, payment_method)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(site)
    .bind(customer)
    .bind(staff)
    .bind(currency)
    .bind(p.totals.subtotal.0)
    .bind(p.totals.discount.0)
    .bind(p.totals.total.0)
    .bind(p.method.code())
    .fetch_one(&mut *tx)
    .await?;
    for (i, line) in p.lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO purchase_items (purchase_id, line, item_id, description, quantity, unit_price_minor, line_total_minor)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(i as i64 + 1)
        .bind(line.item_id)
        .bind(&line.description)
        .bind(line.quantity)
        .bind(line.unit_price.0)
        .bind(line.quantity * line.unit_price.0)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}
