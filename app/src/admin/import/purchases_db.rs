//! SQL of the purchase import. A chunk of orders is stored with a handful of statements
//! over JSON arrays (`Dialect::json_rows`), not a few statements per order: a shop's history is
//! tens of thousands of orders, and a statement costs more in its round trip than in its
//! work (the benchmark's figure is in the README).
//!
//! Customers are matched as the customer import matches them (email, else phone, in the
//! site's country) and added when new; an order number the site already has is left as
//! it is, so a file imported twice adds nothing the second time.

use super::purchases::Order;
use crate::db::{Conn, Dialect};
use crate::domain::{Country, SiteId};
use crate::pii::PiiKey;
use sqlx::{AssertSqlSafe, Row as _};
use std::collections::HashMap;

/// What a chunk did: purchases added, customers added, orders already here.
pub type Counts = [i64; 3];

/// Each order's customer key: its email and phone as stored (E.164 in the site's country).
fn keys(orders: &[Order], country: Option<&Country>) -> Vec<(Option<String>, Option<String>)> {
    orders
        .iter()
        .map(|o| {
            let phone = o.phone.as_ref().map(|p| p.in_country(country).as_str().to_owned());
            (o.email.as_ref().map(|e| e.as_str().to_owned()), phone)
        })
        .collect()
}

/// The id of the site's customer with each key (email first, then phone), or None.
async fn find(
    conn: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    keys: &[(Option<String>, Option<String>)],
) -> sqlx::Result<Vec<Option<i64>>> {
    // Each key's place and blind indexes, worked out here with the key, in hex for the JSON.
    let hashes: Vec<(usize, Option<String>, Option<String>)> = keys
        .iter()
        .enumerate()
        .map(|(i, (email, phone))| {
            let hash = |kind: &str, value: &Option<String>| {
                value.as_deref().and_then(|v| pii.hash_of(kind, v)).map(hex::encode)
            };
            (i, hash("email", email), hash("phone", phone))
        })
        .collect();
    let json = serde_json::to_string(&hashes).unwrap_or_else(|_| "[]".into());
    let dialect = Dialect::of(conn);
    let rows_of = dialect.json_rows("$2");
    let (email_hash, phone_hash) = (dialect.from_hex("j.value ->> 1"), dialect.from_hex("j.value ->> 2"));
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT CAST(j.value ->> 0 AS BIGINT) AS i, coalesce(
             (SELECT id FROM customers WHERE site_id = $1 AND email_hash = {email_hash}),
             (SELECT id FROM customers WHERE site_id = $1 AND phone_hash = {phone_hash}
              ORDER BY id LIMIT 1)) AS id
         FROM {rows_of} AS j"
    )))
    .bind(site)
    .bind(json)
    .fetch_all(&mut *conn)
    .await?;
    let mut found = vec![None; keys.len()];
    for r in rows {
        let i: i64 = r.get("i");
        found[i as usize] = r.get("id");
    }
    Ok(found)
}

/// Adds a customer for every key no customer has. Orders of one new person (the same
/// email, or the same phone and no email) make one customer.
async fn add_missing(
    conn: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    keys: &[(Option<String>, Option<String>)],
    found: &[Option<i64>],
) -> sqlx::Result<i64> {
    let mut new: Vec<&(Option<String>, Option<String>)> = Vec::new();
    let mut by_email: HashMap<&str, usize> = HashMap::new();
    let mut by_phone: HashMap<&str, usize> = HashMap::new();
    for (key, _) in keys.iter().zip(found).filter(|(_, f)| f.is_none()) {
        let known =
            key.0.as_deref().and_then(|e| by_email.get(e)).or_else(|| key.1.as_deref().and_then(|p| by_phone.get(p)));
        if known.is_some() {
            continue;
        }
        let index = new.len();
        new.push(key);
        if let Some(e) = key.0.as_deref() {
            by_email.insert(e, index);
        }
        if let Some(p) = key.1.as_deref() {
            by_phone.entry(p).or_insert(index);
        }
    }
    if new.is_empty() {
        return Ok(0);
    }
    // Each new customer sealed, with its blind indexes (in hex: JSON has no bytes).
    let sealed: Vec<Vec<Option<String>>> = new
        .iter()
        .map(|(email, phone)| {
            let plain =
                crate::pii::blind::Plain { email: email.as_deref(), phone: phone.as_deref(), ..Default::default() };
            let mut values = vec![pii.seal_opt(email.as_deref()), pii.seal_opt(phone.as_deref())];
            values.extend(plain.indexes(pii).into_iter().take(4).map(|(_, index)| index.map(hex::encode_upper)));
            values
        })
        .collect();
    let json = serde_json::to_string(&sealed).unwrap_or_else(|_| "[]".into());
    let dialect = Dialect::of(conn);
    let indexes: Vec<String> = (2..6).map(|i| dialect.from_hex(&format!("value ->> {i}"))).collect();
    let done = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO customers (site_id, source, email, phone, email_hash, email_prefix, phone_hash, phone_prefix)
         SELECT $1, 'import', value ->> 0, value ->> 1, {}
         FROM {} AS j",
        indexes.join(", "),
        dialect.json_rows("$2")
    )))
    .bind(site)
    .bind(json)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() as i64)
}

/// Stores a chunk of orders in the caller's transaction.
pub async fn apply(
    conn: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    import: i64,
    currency: &str,
    country: Option<&Country>,
    orders: &[Order],
) -> sqlx::Result<Counts> {
    let keys = keys(orders, country);
    let mut customers = find(conn, pii, site, &keys).await?;
    let new_customers = add_missing(conn, pii, site, &keys, &customers).await?;
    if new_customers > 0 {
        customers = find(conn, pii, site, &keys).await?;
    }
    let purchases: Vec<serde_json::Value> = orders
        .iter()
        .zip(&customers)
        .map(|(o, c)| serde_json::json!([o.order_id, c, o.subtotal.0, o.discount.0, o.method.code(), o.at]))
        .collect();
    // Only the purchases added come back: an order number already here is left alone.
    let added: Vec<(i64, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "INSERT INTO purchases (site_id, customer_id, external_id, currency, subtotal_minor, discount_minor, total_minor,
                                payment_method, created_at, import_id)
         SELECT $1, CAST(value ->> 1 AS BIGINT), value ->> 0, $2, CAST(value ->> 2 AS BIGINT),
                CAST(value ->> 3 AS BIGINT), CAST(value ->> 2 AS BIGINT) - CAST(value ->> 3 AS BIGINT),
                value ->> 4, value ->> 5, $3
         FROM {} AS j WHERE value ->> 1 IS NOT NULL
         ON CONFLICT (site_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
         RETURNING id, external_id",
        Dialect::of(conn).json_rows("$4")
    )))
    .bind(site)
    .bind(currency)
    .bind(import)
    .bind(serde_json::Value::Array(purchases).to_string())
    .fetch_all(&mut *conn)
    .await?;
    let ids: HashMap<&str, i64> = added.iter().map(|(id, order)| (order.as_str(), *id)).collect();
    let mut lines = Vec::new();
    for order in orders {
        let Some(id) = ids.get(order.order_id.as_str()) else { continue };
        for (n, l) in order.lines.iter().enumerate() {
            lines.push(serde_json::json!([id, n + 1, l.sku, l.description, l.quantity, l.unit_price.0]));
        }
    }
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO purchase_items (purchase_id, line, item_id, description, quantity, unit_price_minor, line_total_minor)
         SELECT CAST(value ->> 0 AS BIGINT), CAST(value ->> 1 AS BIGINT),
                coalesce((SELECT c.id FROM catalogue_items c WHERE c.site_id = $1 AND c.sku = value ->> 2),
                         (SELECT c.id FROM catalogue_items c WHERE c.site_id = $1 AND c.sku = upper(value ->> 2))),
                value ->> 3, CAST(value ->> 4 AS BIGINT), CAST(value ->> 5 AS BIGINT),
                CAST(value ->> 4 AS BIGINT) * CAST(value ->> 5 AS BIGINT)
         FROM {} AS j",
        Dialect::of(conn).json_rows("$2")
    )))
    .bind(site)
    .bind(serde_json::Value::Array(lines).to_string())
    .execute(&mut *conn)
    .await?;
    let created = added.len() as i64;
    Ok([created, new_customers, orders.len() as i64 - created])
}
