//! SQL of the till.

use super::api::{Found, LookupAnswer, TillSetup, TillSite};
use super::form::{CatalogueEntry, ValidPurchase};
use crate::db::Db;
use crate::domain::{CustomerId, Email, Minor, PersonName, Phone, SiteId, SiteKey, StaffId};
use sqlx::{AssertSqlSafe, Row};

/// At most this many candidates are opened and sorted by name. Past it the lookup opens
/// the newest until it has found enough, and says that more match.
const SORTED_UP_TO: usize = 200;
/// How many candidates are opened at a time when there are many.
const OPEN_AT_ONCE: usize = 40;

/// Customers whose email, phone, first or last name starts with `query`, or whose full
/// name does.
///
/// Names, emails and phones are sealed (migration 0019), so no index can range over them.
/// Their prefix keys can (migration 0030, `PiiKey::prefix`): each field's customers that
/// begin with what was typed lie in one index range, as do the exact email and phone
/// hashes. Only the customers in those ranges are opened and compared here. A name or
/// email is found from its third letter (one or two find only names that short), a phone
/// from its sixth character, or whole.
pub async fn lookup(pool: &Db, query: &str, limit: usize) -> sqlx::Result<LookupAnswer> {
    let mut typed = Typed::new(query);
    typed.phone_elsewhere = crate::sites::phones::typed_starts(pool, query).await?;
    let mut ids = candidates(pool, &typed).await?;
    for start in &typed.phone_elsewhere {
        ids.extend(phone_candidates(pool, start).await?);
    }
    ids.sort_unstable();
    ids.dedup();
    if ids.len() <= SORTED_UP_TO {
        let mut found = open(pool, &typed, &ids).await?;
        found.truncate(limit);
        return Ok(LookupAnswer { found, more: false });
    }
    // Too many to sort by name: the newest that match, a few at a time.
    let mut found = Vec::new();
    for batch in ids.rchunks(OPEN_AT_ONCE) {
        found.extend(open(pool, &typed, batch).await?);
        if found.len() >= limit {
            break;
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.id));
    found.truncate(limit);
    Ok(LookupAnswer { found, more: true })
}

/// What was typed, in the shapes the fields are compared in.
struct Typed {
    lower: String,
    phone: String,
    /// The first word, and the rest when two were typed (a full name).
    first: String,
    last: String,
    /// A scanned or typed loyalty card number.
    card: String,
    /// A number typed nationally as it starts once stored in E.164, per country of the
    /// sites (`0612` is `+31612` on a Dutch site).
    phone_elsewhere: Vec<String>,
}

impl Typed {
    fn new(query: &str) -> Self {
        let lower = query.trim().to_lowercase();
        let digits: String = query.chars().filter(char::is_ascii_digit).collect();
        // `+31…` and `0031…` are one international number, stored with a `+`.
        let trimmed = query.trim_start();
        let phone = match digits.strip_prefix("00") {
            _ if trimmed.starts_with('+') => format!("+{digits}"),
            Some(rest) if trimmed.starts_with("00") => format!("+{rest}"),
            _ => digits,
        };
        let (first, last) = match lower.split_once(' ') {
            Some((f, l)) => (f.trim().to_owned(), l.trim().to_owned()),
            None => (lower.clone(), String::new()),
        };
        let card = crate::loyalty::member::normalise(query).unwrap_or_default();
        Self { lower, phone, first, last, card, phone_elsewhere: Vec::new() }
    }

    fn matches(
        &self,
        first_name: &str,
        last_name: &str,
        email: Option<&str>,
        phone: Option<&str>,
        card: Option<&str>,
    ) -> bool {
        let starts = |field: &str, prefix: &str| !prefix.is_empty() && field.to_lowercase().starts_with(prefix);
        (!self.card.is_empty() && card == Some(self.card.as_str()))
            || email.is_some_and(|e| starts(e, &self.lower))
            || (self.phone.len() >= 3 && phone.is_some_and(|p| p.starts_with(&self.phone)))
            || phone.is_some_and(|p| self.phone_elsewhere.iter().any(|start| start.len() >= 4 && p.starts_with(start)))
            || starts(last_name, &self.lower)
            || (self.last.is_empty() && starts(first_name, &self.lower))
            || (!self.last.is_empty() && first_name.to_lowercase() == self.first && starts(last_name, &self.last))
    }
}

/// The ids in the index ranges of what was typed, in ascending order: each range read
/// backwards (the newest of one key first) to at most one more than [`SORTED_UP_TO`], so a
/// short start costs no more than a long one.
async fn candidates(pool: &Db, typed: &Typed) -> sqlx::Result<Vec<i64>> {
    // Each range is `key >= start AND key < end` of `PiiKey::prefix_range`; a full name
    // reads the last-name range and keeps the first names in it from the same index, unless
    // the last name typed is too short to have a key of its own. The keys are worked out
    // here, with the key; the database only compares them. An email is found through the
    // one-per-email index of each site (`site_id IN`: no index on the address alone).
    let pii = pool.pii();
    let (phone_from, phone_to) = pii.prefix_range(&typed.phone, 6);
    // What was typed, as the start of an email or of a last name: one range, two indexes.
    let (lower_from, lower_to) = pii.prefix_range(&typed.lower, 3);
    let (first_from, first_to) = pii.prefix_range(&typed.first, 3);
    let (typed_last_from, typed_last_to) = pii.prefix_range(&typed.last, 3);
    sqlx::query_scalar(
        "SELECT id FROM customers WHERE site_id IN (SELECT id FROM sites) AND email_hash = $1
         UNION SELECT id FROM (SELECT id FROM customers WHERE length($2) >= 6
           AND phone_prefix >= $7 AND phone_prefix < $8
           ORDER BY phone_prefix DESC, id DESC LIMIT $6) AS r1
         UNION SELECT id FROM customers WHERE length($2) BETWEEN 3 AND 5 AND phone_hash = $3
         UNION SELECT id FROM (SELECT id FROM customers
           WHERE email_prefix >= $9 AND email_prefix < $10
           ORDER BY email_prefix DESC, id DESC LIMIT $6) AS r2
         UNION SELECT id FROM (SELECT id FROM customers
           WHERE last_name_prefix >= $9 AND last_name_prefix < $10
           ORDER BY last_name_prefix DESC, first_name_prefix DESC, id DESC LIMIT $6) AS r3
         UNION SELECT id FROM (SELECT id FROM customers WHERE length($5) < 3
           AND first_name_prefix >= $11 AND first_name_prefix < $12
           ORDER BY first_name_prefix DESC, id DESC LIMIT $6) AS r4
         UNION SELECT id FROM (SELECT id FROM customers WHERE length($5) >= 3
           AND last_name_prefix >= $13 AND last_name_prefix < $14
           AND first_name_prefix >= $11 AND first_name_prefix < $12
           ORDER BY last_name_prefix DESC, first_name_prefix DESC, id DESC LIMIT $6) AS r5
         UNION SELECT customer_id FROM loyalty_members WHERE $4 <> '' AND card_code = $4
         ORDER BY 1",
    )
    .bind(pii.hash_of("email", &typed.lower))
    .bind(&typed.phone)
    .bind(pii.hash_of("phone", &typed.phone))
    .bind(&typed.card)
    .bind(&typed.last)
    .bind(i64::try_from(SORTED_UP_TO + 1).unwrap_or(i64::MAX))
    .bind(phone_from)
    .bind(phone_to)
    .bind(lower_from)
    .bind(lower_to)
    .bind(first_from)
    .bind(first_to)
    .bind(typed_last_from)
    .bind(typed_last_to)
    .fetch_all(pool)
    .await
}

/// The ids whose phone begins with `start` (an E.164 start, from its sixth character) or
/// is it, in ascending order.
async fn phone_candidates(pool: &Db, start: &str) -> sqlx::Result<Vec<i64>> {
    let (from, to) = pool.pii().prefix_range(start, 6);
    sqlx::query_scalar(
        "SELECT id FROM (SELECT id FROM customers WHERE length($1) >= 6
           AND phone_prefix >= $3 AND phone_prefix < $4
           ORDER BY phone_prefix DESC, id DESC LIMIT $2) AS r
         UNION SELECT id FROM customers WHERE length($1) BETWEEN 4 AND 5 AND phone_hash = $5
         ORDER BY 1",
    )
    .bind(start)
    .bind(i64::try_from(SORTED_UP_TO + 1).unwrap_or(i64::MAX))
    .bind(from)
    .bind(to)
    .bind(pool.pii().hash_of("phone", start))
    .fetch_all(pool)
    .await
}

/// Opens the customers `ids` and keeps those that match what was typed (a range holds a
/// few that do not: its keys past the third letter are a byte each), sorted by name.
async fn open(pool: &Db, typed: &Typed, ids: &[i64]) -> sqlx::Result<Vec<Found>> {
    let ids = serde_json::to_string(ids).unwrap_or_default();
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT c.id, c.first_name, c.last_name, c.email, c.phone, s.site_key, s.name AS site_name,
                (SELECT card_code FROM loyalty_members m WHERE m.customer_id = c.id) AS card
         FROM customers c JOIN sites s ON s.id = c.site_id
         WHERE c.id IN {}",
        pool.dialect().ids_in("$1")
    )))
    .bind(ids)
    .fetch_all(pool)
    .await?;
    let pii = pool.pii();
    let mut found: Vec<(String, String, Found)> = Vec::new();
    for r in rows {
        let first_name = pii.open(r.get("first_name"))?;
        let last_name = pii.open(r.get("last_name"))?;
        let email = pii.open_opt(r.get("email"))?;
        let phone = pii.open_opt(r.get("phone"))?;
        let card: Option<String> = r.get("card");
        if !typed.matches(&first_name, &last_name, email.as_deref(), phone.as_deref(), card.as_deref()) {
            continue;
        }
        let found_one = Found {
            id: r.get("id"),
            name: format!("{first_name} {last_name}").trim().to_owned(),
            email,
            phone,
            site_key: r.get("site_key"),
            site_name: r.get("site_name"),
        };
        found.push((last_name.to_lowercase(), first_name.to_lowercase(), found_one));
    }
    found.sort_by(|a, b| (&a.0, &a.1, a.2.id).cmp(&(&b.0, &b.1, b.2.id)));
    Ok(found.into_iter().map(|(_, _, f)| f).collect())
}

pub async fn setup(pool: &Db) -> sqlx::Result<TillSetup> {
    let sites = sqlx::query("SELECT site_key, name, currency, country FROM sites ORDER BY name, id")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|r| {
            let money = crate::sites::money_style::for_reader(r.get("country"), r.get("currency"));
            TillSite { key: r.get("site_key"), name: r.get("name"), money }
        })
        .collect();
    Ok(TillSetup { sites })
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
pub async fn create_customer(pool: &Db, site: &SiteKey, staff: StaffId, c: &NewCustomer<'_>) -> sqlx::Result<Created> {
    let mut tx = pool.begin_write().await?;
    let site_id: Option<SiteId> = sqlx::query_scalar("SELECT id FROM sites WHERE site_key = $1")
        .bind(site.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let Some(site_id) = site_id else {
        return Ok(Created::NoSuchSite);
    };
    let phone = crate::sites::phones::stored_if_given(&mut tx, site_id, c.phone).await?;
    let inserted = sqlx::query_scalar(
        "INSERT INTO customers (site_id, first_name, last_name, phone, email, source)
         VALUES ($1, $2, $3, $4, $5, 'till')
         RETURNING id",
    )
    .bind(site_id)
    .bind(pool.pii().seal(c.first_name.as_str()))
    .bind(pool.pii().seal(c.last_name.map_or("", PersonName::as_str)))
    .bind(pool.pii().seal_opt(phone.as_ref().map(Phone::as_str)))
    .bind(pool.pii().seal_opt(c.email.map(Email::as_str)))
    .fetch_one(&mut *tx)
    .await?;
    let plain = crate::pii::blind::Plain {
        first_name: Some(c.first_name.as_str()),
        last_name: c.last_name.map(PersonName::as_str),
        email: c.email.map(Email::as_str),
        phone: phone.as_ref().map(Phone::as_str),
    };
    // The email's index is where a second customer with the address fails (dropped with
    // the transaction).
    let id: i64 = inserted;
    match crate::pii::blind::set(&mut tx, pool.pii(), CustomerId(id), plain).await {
        Ok(()) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(Created::EmailTaken),
        Err(e) => return Err(e),
    }
    crate::customer_changes::record_change(&mut tx, pool.pii(), CustomerId(id), staff, "created", None, Some("till"))
        .await?;
    tx.commit().await?;
    Ok(Created::Id(id))
}

pub struct CustomerSite {
    pub id: SiteId,
    pub currency: String,
}

pub async fn site_of(pool: &Db, customer: CustomerId) -> sqlx::Result<Option<CustomerSite>> {
    let row = sqlx::query("SELECT s.id, s.currency FROM customers c JOIN sites s ON s.id = c.site_id WHERE c.id = $1")
        .bind(customer)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| CustomerSite { id: SiteId(r.get("id")), currency: r.get("currency") }))
}

/// The site's offered products among those a receipt names (by SKU): a shop may have
/// 100,000 products, a receipt names a few, read through the UNIQUE (site_id, sku) index.
pub async fn catalogue(pool: &Db, site: SiteId, form: &super::api::PurchaseForm) -> sqlx::Result<Vec<CatalogueEntry>> {
    let skus: Vec<&str> = form.lines.iter().map(|l| l.sku.trim()).filter(|s| !s.is_empty()).collect();
    let skus = serde_json::to_string(&skus).unwrap_or_else(|_| "[]".into());
    let given = pool.dialect().json_values("$2");
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT id, sku, name, price_minor FROM catalogue_items
         WHERE site_id = $1 AND active = 1
           AND (sku IN (SELECT value FROM {given}) OR sku IN (SELECT upper(value) FROM {given}))"
    )))
    .bind(site)
    .bind(skus)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.get("id"), r.get("sku"), r.get("name"), Minor(r.get("price_minor")))).collect())
}

/// Stores the purchase and its lines in one transaction: entered by `staff` at the till, or
/// pushed through the API (no staff) with the web shop's order number.
pub async fn insert_purchase(
    pool: &Db,
    site: SiteId,
    customer: CustomerId,
    staff: Option<StaffId>,
    external_id: Option<&str>,
    currency: &str,
    p: &ValidPurchase,
) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO purchases (site_id, customer_id, staff_id, external_id, currency, subtotal_minor, discount_minor,
                                total_minor, payment_method)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(site)
    .bind(customer)
    .bind(staff)
    .bind(external_id)
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
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
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
    crate::loyalty::db::earn(&mut tx, site, customer, id, p.totals.total).await?;
    tx.commit().await?;
    Ok(id)
}
