//! SQL of the data-subject rights: every row held about a customer, their erasure, the
//! do-not-sell flag and the request log's entries.

use crate::db::Conn;
use crate::db::Db;
use crate::domain::{CustomerId, RequestOutcome, SiteId, StaffId};
use crate::staff::StaffRow;
use serde_json::{Map, Value};
use sqlx::{AssertSqlSafe, Column as _, Row};

/// Every table that holds rows about a customer, with the condition that picks that
/// customer's rows (`?` is the customer's id). The access export reads exactly these and
/// erasure counts exactly these; a test checks that every table pointing at a customer is
/// here or in [`NOT_EXPORTED`].
pub const TABLES: [(&str, &str); 22] = [
    ("customers", "id = $1"),
    ("consents", "customer_id = $1"),
    ("customer_tags", "customer_id = $1"),
    ("customer_changes", "customer_id = $1"),
    ("purchases", "customer_id = $1"),
    ("purchase_items", "purchase_id IN (SELECT id FROM purchases WHERE customer_id = $1)"),
    ("reservations", "customer_id = $1"),
    ("favourites", "customer_id = $1"),
    ("nps_responses", "customer_id = $1"),
    ("reason_rankings", "customer_id = $1"),
    ("reason_ranking_items", "ranking_id IN (SELECT id FROM reason_rankings WHERE customer_id = $1)"),
    ("heard_responses", "customer_id = $1"),
    ("warranty_registrations", "customer_id = $1"),
    ("interactions", "customer_id = $1"),
    ("page_views", "customer_id = $1"),
    ("analytics_events", "customer_id = $1"),
    // Duplicates merged into this customer: their rows as they were before the merge.
    ("customer_merges", "target_id = $1"),
    ("privacy_requests", "customer_id = $1"),
    ("outbox", "customer_id = $1"),
    // Which automation rules acted for them (the mails are in the outbox, above).
    ("automation_runs", "customer_id = $1"),
    ("loyalty_ledger", "customer_id = $1"),
    ("loyalty_members", "customer_id = $1"),
];

/// Tables that point at a customer but are left out of the export, and why. Erasure still
/// removes their rows (by cascade) except where said.
pub const NOT_EXPORTED: [(&str, &str); 7] = [
    ("visitor_links", "hashes of the browser tokens that identify them: keys, not data about them"),
    ("purchase_windows", "sums of the purchases, which are exported whole"),
    ("erasures", "written when they are gone; kept, it holds no personal data"),
    ("audit_log", "the shop's record of what its staff did; kept, it names no personal data"),
    ("webhook_events", "which changes were told to the shop's other tools: ids only; erasure removes them"),
    ("customer_links", "hashes of the sign-in links mailed to them: keys, not data about them"),
    ("customer_sessions", "hashes of their signed-in browsers' tokens: keys, not data about them"),
];

/// The customer's rows of one table as JSON objects, column by column, sealed ones opened
/// and blind indexes left out (keys, not data). A blob (none is personal data today) is
/// written as hex, since JSON cannot hold bytes (`db::json_value`). In the order of their
/// first two columns (the id, or the customer and what the row is of).
async fn rows_of(
    conn: &mut Conn,
    pii: &crate::pii::PiiKey,
    table: &str,
    condition: &str,
    id: CustomerId,
) -> sqlx::Result<Vec<Value>> {
    // Table names and conditions come from `TABLES`, never input.
    let sql = format!("SELECT * FROM {table} WHERE {condition} ORDER BY 1, 2");
    let mut rows = Vec::new();
    for row in sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_all(&mut *conn).await? {
        let mut object = Map::new();
        for (i, column) in row.columns().iter().enumerate() {
            let name = column.name();
            if table == "customers" && crate::sealed::BLIND_INDEXES.contains(&name) {
                continue;
            }
            let value = match crate::db::json_value(&row, i)? {
                Value::String(sealed) if crate::sealed::is_sealed(table, name) => Value::String(pii.open(&sealed)?),
                value => value,
            };
            object.insert(name.to_owned(), value);
        }
        rows.push(Value::Object(object));
    }
    Ok(rows)
}

/// Everything held about a customer, table by table (`None`: no such customer), and the
/// site it belongs to. Read in one transaction, so the tables agree with each other.
pub async fn bundle(pool: &Db, id: CustomerId) -> sqlx::Result<Option<(SiteId, Map<String, Value>)>> {
    let mut tx = pool.begin().await?;
    let Some(site) =
        sqlx::query_scalar("SELECT site_id FROM customers WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?
    else {
        return Ok(None);
    };
    let mut tables = Map::new();
    for (table, condition) in TABLES {
        tables.insert(table.to_owned(), Value::Array(rows_of(&mut tx, pool.pii(), table, condition, id).await?));
    }
    tx.commit().await?;
    Ok(Some((SiteId(site), tables)))
}

/// Who carries a request out: staff from the customer's record (the request is logged as
/// received and done at once), or the customer from their one-time link (their open
/// request is completed and the link stops working), or the retention job erasing a
/// customer inactive past the site's rule (no one asked: no request is logged, the
/// tombstone and the job's own log say it happened).
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    Staff(&'a StaffRow),
    Customer { request: i64 },
    Retention,
}

impl By<'_> {
    fn staff(self) -> Option<StaffId> {
        match self {
            By::Staff(staff) => Some(staff.id),
            By::Customer { .. } | By::Retention => None,
        }
    }

    /// Logs the request as done, with what was done; its id (none for the retention job).
    async fn done(
        self,
        conn: &mut Conn,
        site: SiteId,
        id: CustomerId,
        kind: &str,
        outcome: &str,
    ) -> sqlx::Result<Option<i64>> {
        match self {
            By::Staff(staff) => sqlx::query_scalar(
                "INSERT INTO privacy_requests (site_id, customer_id, kind, channel, state, done_at, staff_id, outcome)
                     VALUES ($1, $2, $3, 'admin', 'done', $6, $4, $5) RETURNING id",
            )
            .bind(site)
            .bind(id)
            .bind(kind)
            .bind(staff.id)
            .bind(outcome)
            .bind(crate::db::now())
            .fetch_one(conn)
            .await
            .map(Some),
            By::Retention => Ok(None),
            By::Customer { request } => {
                sqlx::query(
                    "UPDATE privacy_requests SET state = 'done', done_at = $3,
                         outcome = $1, link_hash = NULL
                     WHERE id = $2",
                )
                .bind(outcome)
                .bind(request)
                .bind(crate::db::now())
                .execute(conn)
                .await?;
                Ok(Some(request))
            }
        }
    }
}

/// Sets or clears the do-not-sell flag, with the change in the record's history; setting
/// it answers a request. `None`: no such customer.
pub async fn set_do_not_sell(pool: &Db, id: CustomerId, by: By<'_>, on: bool) -> sqlx::Result<Option<SiteId>> {
    let mut tx = pool.begin_write().await?;
    let row = sqlx::query("SELECT site_id, do_not_sell_at FROM customers WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let site = SiteId(row.get("site_id"));
    let before: Option<String> = row.get("do_not_sell_at");
    if before.is_some() != on {
        let now = crate::db::now();
        sqlx::query("UPDATE customers SET do_not_sell_at = $1, updated_at = $3 WHERE id = $2")
            .bind(on.then(|| now.clone()))
            .bind(id)
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        let (old, new) = if on { (None, Some(now.as_str())) } else { (before.as_deref(), None) };
        crate::customer_changes::record_change(&mut tx, pool.pii(), id, by.staff(), "do_not_sell", old, new).await?;
        if on {
            by.done(&mut tx, site, id, "do_not_sell", &RequestOutcome::MarkedNotToSell.code()).await?;
        }
    } else if let (true, By::Customer { .. }) = (on, by) {
        by.done(&mut tx, site, id, "do_not_sell", &RequestOutcome::MarkedAlready.code()).await?;
    }
    tx.commit().await?;
    Ok(Some(site))
}

/// Logs an access request answered by the download just given.
pub async fn log_access(pool: &Db, site: SiteId, id: CustomerId, by: By<'_>, rows: usize) -> sqlx::Result<()> {
    let outcome = RequestOutcome::HandedOver { rows: rows as i64 }.code();
    by.done(&mut *pool.acquire().await?, site, id, "access", &outcome).await.map(|_| ())
}

/// What an erasure removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub site: SiteId,
    pub rows: i64,
    pub tables: usize,
}

/// Erases a customer: every row about them goes (the customer row, by cascade everything
/// pointing at it, and what points at them without a key: merge logs, dismissed pairs, an
/// unfinished import naming them), and a tombstone says it happened. One transaction:
/// either all of it or nothing. `None`: no such customer.
pub async fn erase(pool: &Db, id: CustomerId, by: By<'_>) -> sqlx::Result<Option<Erased>> {
    let mut tx = pool.begin_write().await?;
    let row: Option<(i64, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT site_id, email, phone FROM customers WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((site, email, phone)) = row else { return Ok(None) };
    let site = SiteId(site);
    let email = pool.pii().open_opt(email.as_deref())?.unwrap_or_default();
    let phone = pool.pii().open_opt(phone.as_deref())?.unwrap_or_default();
    // The audit log keeps who looked at the record (it names no personal data); the
    // request log keeps their requests: both outlive the customer.
    let mut removed = Map::new();
    let mut rows = 0;
    for (table, condition) in TABLES.into_iter().filter(|(t, _)| *t != "privacy_requests") {
        let sql = format!("SELECT count(*) FROM {table} WHERE {condition}");
        let n: i64 = sqlx::query_scalar(AssertSqlSafe(sql)).bind(id).fetch_one(&mut *tx).await?;
        if n > 0 {
            removed.insert(table.to_owned(), n.into());
            rows += n;
        }
    }
    // Merges that moved this customer into another hold their old row; merges into them
    // go with them by cascade.
    sqlx::query("DELETE FROM customer_merges WHERE source_id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM duplicate_dismissals WHERE low_id = $1 OR high_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    // An upload not yet imported that names them is dropped: staff upload it again. (Its
    // whole text is searched, a batch of pieces at a time: an address may span two.)
    let uploading: Vec<i64> = sqlx::query_scalar("SELECT id FROM imports WHERE site_id = $1 AND status = 'uploading'")
        .bind(site)
        .fetch_all(&mut *tx)
        .await?;
    for import in uploading {
        let names = crate::admin::import::db::upload_names(&mut tx, pool.pii(), import, &email, &phone).await?;
        if !names {
            continue;
        }
        sqlx::query(
            "UPDATE imports SET status = 'failed', content = '', updated_at = $2
             WHERE id = $1",
        )
        .bind(import)
        .bind(crate::db::now())
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM import_pieces WHERE import_id = $1").bind(import).execute(&mut *tx).await?;
    }
    sqlx::query("DELETE FROM customers WHERE id = $1").bind(id).execute(&mut *tx).await?;
    // Their other open requests (links not yet used) have nothing left to act on.
    sqlx::query(
        "UPDATE privacy_requests SET state = 'done', done_at = $3,
             outcome = 'closed_erased', link_hash = NULL
         WHERE customer_id = $1 AND state = 'open' AND id IS DISTINCT FROM $2",
    )
    .bind(id)
    .bind(match by {
        By::Customer { request } => Some(request),
        By::Staff(_) | By::Retention => None,
    })
    .bind(crate::db::now())
    .execute(&mut *tx)
    .await?;
    let tables = removed.len();
    let outcome = RequestOutcome::Erased { rows, tables: tables as i64 }.code();
    let request = by.done(&mut tx, site, id, "erasure", &outcome).await?;
    sqlx::query(
        "INSERT INTO erasures (site_id, customer_id, staff_id, request_id, removed) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(site)
    .bind(id)
    .bind(by.staff())
    .bind(request)
    .bind(Value::Object(removed).to_string())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(Erased { site, rows, tables }))
}

/// Copies the write-ahead log into the database file and empties it, so the pages that
/// held erased data (zeroed in the file by `secure_delete`) leave no older copy in the log.
/// Readers in flight can keep it from finishing: then the next checkpoint does. SQLite's
/// alone: PostgreSQL keeps the old row versions until its vacuum (docs/postgres.md).
pub async fn sweep_log(pool: &Db) -> sqlx::Result<bool> {
    if pool.dialect() == crate::db::Dialect::Postgres {
        return Ok(true);
    }
    let row = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(pool).await?;
    Ok(row.get::<i64, _>(0) == 0)
}
