//! SQL of the REST API: customers, consents, purchases and reservations of one site, as the
//! API shows them.

use super::types::{Consent, Customer, Purchase, PurchaseLine, Reservation};
use crate::db::Db;
use crate::db::{Conn, DbRow, Flag};
use crate::domain::SiteId;
use crate::pii::PiiKey;
use sqlx::Row;

const CUSTOMER: &str = "SELECT id, email, first_name, last_name, phone, street, postcode, city,
        region, country, do_not_sell_at IS NOT NULL AS do_not_sell, created_at, updated_at
    FROM customers";

/// A customer as the API shows it, its sealed fields opened.
fn customer(pii: &PiiKey, r: &DbRow) -> sqlx::Result<Customer> {
    let open = |column: &str| -> sqlx::Result<Option<String>> { Ok(pii.open_opt(r.try_get(column)?)?) };
    Ok(Customer {
        id: r.try_get("id")?,
        email: open("email")?,
        first_name: open("first_name")?.unwrap_or_default(),
        last_name: open("last_name")?.unwrap_or_default(),
        phone: open("phone")?,
        street: open("street")?.unwrap_or_default(),
        postcode: r.try_get("postcode")?,
        city: r.try_get("city")?,
        region: r.try_get("region")?,
        country: r.try_get("country")?,
        do_not_sell: r.try_get::<Flag, _>("do_not_sell")?.0,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

/// A page of the site's customers in id order, after `after`; for a third party (`shares`),
/// without those who asked not to have their data sold or shared.
pub async fn customers(pool: &Db, site: SiteId, after: i64, limit: i64, shares: bool) -> sqlx::Result<Vec<Customer>> {
    let sql = format!(
        "{CUSTOMER} WHERE site_id = $1 AND id > $2 AND ($3 = 0 OR do_not_sell_at IS NULL) ORDER BY id LIMIT $4"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(site)
        .bind(after)
        .bind(i64::from(shares))
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(|r| customer(pool.pii(), r)).collect()
}

pub async fn customer_by_id(conn: &mut Conn, pii: &PiiKey, site: SiteId, id: i64) -> sqlx::Result<Option<Customer>> {
    let sql = format!("{CUSTOMER} WHERE site_id = $1 AND id = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(site).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(|r| customer(pii, r)).transpose()
}

const CONSENT: &str = "SELECT k.id, k.customer_id, k.purpose, k.granted, k.body, k.text_version, k.language, k.source,
        k.requested_at, k.created_at
    FROM consents k JOIN customers c ON c.id = k.customer_id";

fn consent(r: &DbRow) -> sqlx::Result<Consent> {
    Ok(Consent {
        id: r.try_get("id")?,
        customer_id: r.try_get("customer_id")?,
        purpose: r.try_get("purpose")?,
        granted: r.try_get::<Flag, _>("granted")?.0,
        wording: r.try_get("body")?,
        wording_version: r.try_get("text_version")?,
        language: r.try_get("language")?,
        source: r.try_get("source")?,
        requested_at: r.try_get("requested_at")?,
        at: r.try_get("created_at")?,
    })
}

/// Every consent event of the site's customer, oldest first (`None`: no such customer).
pub async fn consents(pool: &Db, site: SiteId, customer: i64) -> sqlx::Result<Option<Vec<Consent>>> {
    let mut conn = pool.acquire().await?;
    if customer_by_id(&mut conn, pool.pii(), site, customer).await?.is_none() {
        return Ok(None);
    }
    let sql = format!("{CONSENT} WHERE k.customer_id = $1 ORDER BY k.id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(customer).fetch_all(&mut *conn).await?;
    rows.iter().map(consent).collect::<sqlx::Result<_>>().map(Some)
}

/// One consent event of the site.
pub async fn consent_by_id(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<Consent>> {
    let sql = format!("{CONSENT} WHERE k.id = $1 AND c.site_id = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).bind(site).fetch_optional(pool).await?;
    row.as_ref().map(consent).transpose()
}

/// The purchase of the site stored under a web shop's order number.
pub async fn purchase_by_external_id(pool: &Db, site: SiteId, external: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT id FROM purchases WHERE site_id = $1 AND external_id = $2")
        .bind(site)
        .bind(external)
        .fetch_optional(pool)
        .await
}

pub async fn purchase(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<Purchase>> {
    let row = sqlx::query(
        "SELECT id, customer_id, external_id, currency, subtotal_minor, discount_minor, total_minor, payment_method,
                created_at, refunded_minor, voided_at, void_reason
         FROM purchases WHERE site_id = $1 AND id = $2",
    )
    .bind(site)
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let lines = sqlx::query(
        "SELECT i.line, c.sku, i.description, i.quantity, i.unit_price_minor, i.line_total_minor
         FROM purchase_items i LEFT JOIN catalogue_items c ON c.id = i.item_id WHERE i.purchase_id = $1 ORDER BY i.line",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|l| {
        Ok(PurchaseLine {
            line: l.try_get("line")?,
            sku: l.try_get("sku")?,
            description: l.try_get("description")?,
            quantity: l.try_get("quantity")?,
            unit_price_minor: l.try_get("unit_price_minor")?,
            line_total_minor: l.try_get("line_total_minor")?,
        })
    })
    .collect::<sqlx::Result<_>>()?;
    Ok(Some(Purchase {
        id: r.try_get("id")?,
        customer_id: r.try_get("customer_id")?,
        external_id: r.try_get("external_id")?,
        currency: r.try_get("currency")?,
        subtotal_minor: r.try_get("subtotal_minor")?,
        discount_minor: r.try_get("discount_minor")?,
        total_minor: r.try_get("total_minor")?,
        payment_method: r.try_get("payment_method")?,
        created_at: r.try_get("created_at")?,
        lines,
        refunded_minor: r.try_get("refunded_minor")?,
        voided_at: r.try_get("voided_at")?,
        void_reason: r.try_get("void_reason")?,
    }))
}

const RESERVATION: &str = "SELECT r.id, r.customer_id, c.sku, c.name, r.quantity, r.note, r.status, r.created_at,
        r.updated_at
    FROM reservations r JOIN catalogue_items c ON c.id = r.item_id";

fn reservation(r: &DbRow) -> sqlx::Result<Reservation> {
    Ok(Reservation {
        id: r.try_get("id")?,
        customer_id: r.try_get("customer_id")?,
        sku: r.try_get("sku")?,
        item: r.try_get("name")?,
        quantity: r.try_get("quantity")?,
        note: r.try_get("note")?,
        status: r.try_get("status")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

/// A page of the site's reservations in id order, of one status or all.
pub async fn reservations(
    pool: &Db,
    site: SiteId,
    status: Option<&str>,
    after: i64,
    limit: i64,
) -> sqlx::Result<Vec<Reservation>> {
    let sql = format!(
        "{RESERVATION} WHERE r.site_id = $1 AND r.id > $2 AND ($3 IS NULL OR r.status = $3) ORDER BY r.id LIMIT $4"
    );
    let rows =
        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(site).bind(after).bind(status).bind(limit).fetch_all(pool).await?;
    rows.iter().map(reservation).collect()
}

/// One reservation of the site.
pub async fn reservation_by_id(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<Reservation>> {
    let sql = format!("{RESERVATION} WHERE r.id = $1 AND r.site_id = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).bind(site).fetch_optional(pool).await?;
    row.as_ref().map(reservation).transpose()
}

/// A consent sent with a customer through the API.
pub struct NewConsent {
    pub purpose: String,
    pub granted: bool,
    pub wording: String,
    /// None: the site's default language.
    pub language: Option<String>,
}

/// Records a consent given or withdrawn on the shop's own site, unless the customer's state
/// for its purpose is that already (sending the same again records nothing). The privacy
/// policy in force is kept with it, as for every consent.
pub async fn record_consent(
    conn: &mut Conn,
    customer: crate::domain::CustomerId,
    c: &NewConsent,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO consents (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url,
                               source, policy_version)
         SELECT c.id, $2, $3, NULL, $4, 0, coalesce($5, s.default_language), 'api', 'api',
                (SELECT max(version) FROM privacy_policies WHERE site_id = c.site_id)
         FROM customers c JOIN sites s ON s.id = c.site_id
         WHERE c.id = $1
           AND coalesce((SELECT granted FROM consents WHERE customer_id = c.id AND purpose = $2 ORDER BY id DESC LIMIT 1), -1) <> $3",
    )
    .bind(customer)
    .bind(&c.purpose)
    .bind(i64::from(c.granted))
    .bind(&c.wording)
    .bind(&c.language)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
