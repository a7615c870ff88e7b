//! SQL of retention: each site's rules, the job that applies them, and its log.

use super::api::{RetentionRun, Rules};
use crate::db::{Db, Flag};
use crate::domain::{CustomerId, SiteId};
use crate::rights::db::{By, erase};
use sqlx::Row;

/// Rows deleted per statement, so the write lock is never held for long while the
/// widgets and the tracker keep writing.
const BATCH: i64 = 5_000;

/// Customers erased per site and run: a first run on an old database catches up over a
/// few runs instead of one long one.
const CUSTOMERS_PER_RUN: i64 = 1_000;

/// An upload left half-sent is dropped after a day (it holds customer data).
const UPLOAD_HOURS: i64 = 24;

/// What one run removed (for one site, or server-wide).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    pub page_views: i64,
    pub events: i64,
    pub customers: i64,
    pub uploads: i64,
    pub links: i64,
}

impl Removed {
    fn is_empty(&self) -> bool {
        *self == Removed::default()
    }
}

pub async fn rules(pool: &Db, site: SiteId) -> sqlx::Result<Rules> {
    let row =
        sqlx::query("SELECT analytics_months, inactive_months, last_run_at FROM retention_rules WHERE site_id = $1")
            .bind(site)
            .fetch_optional(pool)
            .await?;
    Ok(match row {
        Some(r) => Rules {
            analytics_months: r.get("analytics_months"),
            inactive_months: r.get("inactive_months"),
            last_run_at: r.get("last_run_at"),
        },
        None => Rules::default(),
    })
}

pub async fn save(pool: &Db, site: SiteId, analytics_months: i64, inactive_months: Option<i64>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO retention_rules (site_id, analytics_months, inactive_months) VALUES ($1, $2, $3)
         ON CONFLICT (site_id) DO UPDATE SET analytics_months = $2, inactive_months = $3,
             updated_at = $4",
    )
    .bind(site)
    .bind(analytics_months)
    .bind(inactive_months)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(())
}

/// The latest runs that removed something from the site (or server-wide), newest first.
pub async fn runs(pool: &Db, site: SiteId, limit: i64) -> sqlx::Result<Vec<RetentionRun>> {
    let rows = sqlx::query(
        "SELECT ran_at, site_id IS NULL AS server_wide, page_views, events, customers, uploads, links
         FROM retention_runs WHERE site_id = $1 OR site_id IS NULL ORDER BY id DESC LIMIT $2",
    )
    .bind(site)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RetentionRun {
            at: r.get("ran_at"),
            server_wide: r.get::<Flag, _>("server_wide").0,
            page_views: r.get("page_views"),
            events: r.get("events"),
            customers: r.get("customers"),
            uploads: r.get("uploads"),
            links: r.get("links"),
        })
        .collect())
}

/// Applies every site's rules and the server-wide ones once; what it removed, per site
/// (`None`: server-wide). Each part is its own short transaction: a run cut short leaves
/// nothing half-done and the next run goes on.
pub async fn apply(pool: &Db) -> sqlx::Result<Vec<(Option<SiteId>, Removed)>> {
    let sites = sqlx::query("SELECT site_id, analytics_months, inactive_months FROM retention_rules ORDER BY site_id")
        .fetch_all(pool)
        .await?;
    let mut done = Vec::new();
    for row in sites {
        let site = SiteId(row.get("site_id"));
        let analytics = crate::db::months_ago(row.get("analytics_months"));
        let mut removed = Removed {
            page_views: delete_older(pool, "page_views", site, &analytics).await?,
            events: delete_older(pool, "analytics_events", site, &analytics).await?,
            ..Removed::default()
        };
        // The daily sums go with the views they were made from.
        crate::admin::analytics::db::forget_days_older(pool, site, &analytics).await?;
        if let Some(months) = row.get::<Option<i64>, _>("inactive_months") {
            for id in inactive_customers(pool, site, &crate::db::months_ago(months)).await? {
                if erase(pool, id, By::Retention).await?.is_some() {
                    removed.customers += 1;
                }
            }
        }
        sqlx::query("UPDATE retention_rules SET last_run_at = $2 WHERE site_id = $1")
            .bind(site)
            .bind(crate::db::now())
            .execute(pool)
            .await?;
        log(pool, Some(site), &removed).await?;
        done.push((Some(site), removed));
    }
    let removed = Removed {
        uploads: drop_stale_uploads(pool).await?,
        // Signups held for double opt-in whose link expired: never confirmed, never stored.
        links: close_unused_links(pool).await? + crate::widgets::signup::db::forget_expired(pool).await?,
        ..Removed::default()
    };
    log(pool, None, &removed).await?;
    done.push((None, removed));
    // Mails and webhook events that have done their work, a month on: they name customers.
    let mails = crate::mail::db::forget_old(pool).await?;
    let events = crate::webhooks::db::forget_old(pool).await?;
    if mails + events > 0 {
        tracing::info!(mails, webhook_events = events, "old mails and webhook events removed");
    }
    Ok(done)
}

async fn log(pool: &Db, site: Option<SiteId>, removed: &Removed) -> sqlx::Result<()> {
    if removed.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO retention_runs (site_id, page_views, events, customers, uploads, links) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(site)
    .bind(removed.page_views)
    .bind(removed.events)
    .bind(removed.customers)
    .bind(removed.uploads)
    .bind(removed.links)
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes the site's rows of an analytics table from before `cutoff` (a time), in batches;
/// how many went.
async fn delete_older(pool: &Db, table: &'static str, site: SiteId, cutoff: &str) -> sqlx::Result<i64> {
    let sql = match table {
        "page_views" => {
            "DELETE FROM page_views WHERE id IN (SELECT id FROM page_views
                 WHERE site_id = $1 AND created_at < $2 LIMIT $3)"
        }
        _ => {
            "DELETE FROM analytics_events WHERE id IN (SELECT id FROM analytics_events
                 WHERE site_id = $1 AND created_at < $2 LIMIT $3)"
        }
    };
    let mut total = 0;
    loop {
        let n = sqlx::query(sql).bind(site).bind(cutoff).bind(BATCH).execute(pool).await?.rows_affected() as i64;
        total += n;
        if n < BATCH {
            return Ok(total);
        }
    }
}

/// Customers of the site who have done nothing for `age` and gave no consent still in
/// force: created, changed, bought, visited, reserved, saved a favourite, answered a
/// survey, were contacted or gave or withdrew a consent, all before it; and no
/// reservation still open.
async fn inactive_customers(pool: &Db, site: SiteId, cutoff: &str) -> sqlx::Result<Vec<CustomerId>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "WITH cutoff(at) AS (SELECT CAST($2 AS TEXT))
         SELECT c.id FROM customers c, cutoff
         WHERE c.site_id = $1 AND c.created_at < cutoff.at AND c.updated_at < cutoff.at
           AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id AND p.created_at >= cutoff.at)
           AND NOT EXISTS (SELECT 1 FROM page_views v WHERE v.customer_id = c.id AND v.created_at >= cutoff.at)
           AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.customer_id = c.id
                               AND (r.status = 'open' OR r.updated_at >= cutoff.at))
           AND NOT EXISTS (SELECT 1 FROM favourites f WHERE f.customer_id = c.id AND f.created_at >= cutoff.at)
           AND NOT EXISTS (SELECT 1 FROM nps_responses n WHERE n.customer_id = c.id AND n.created_at >= cutoff.at)
           AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.created_at >= cutoff.at)
           AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id
                               AND (k.created_at >= cutoff.at
                                    OR (k.granted = 1 AND k.id = (SELECT max(k2.id) FROM consents k2
                                                                  WHERE k2.customer_id = c.id AND k2.purpose = k.purpose))))
         ORDER BY c.id LIMIT $3",
    )
    .bind(site)
    .bind(cutoff)
    .bind(CUSTOMERS_PER_RUN)
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(CustomerId).collect())
}

/// Uploads left unfinished for a day, and imports left running as long (a running import
/// notes its progress every chunk: one that has not for a day was stopped with its
/// server): their content (customer data) goes, the import is marked failed so staff see
/// why. A running import reads its file from the pieces as it goes: they stay.
async fn drop_stale_uploads(pool: &Db) -> sqlx::Result<i64> {
    let mut tx = pool.begin().await?;
    let n = sqlx::query(
        "UPDATE imports SET status = 'failed', content = '', updated_at = $2
         WHERE status IN ('uploading', 'running') AND updated_at < $1",
    )
    .bind(crate::db::now_plus(-UPLOAD_HOURS * 3600))
    .bind(crate::db::now())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query(
        "DELETE FROM import_pieces WHERE import_id IN (SELECT id FROM imports WHERE status IN ('done', 'failed'))",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(n as i64)
}

/// Self-service requests whose link expired unopened: the customer never proved the
/// address was theirs, so the request is closed as refused and the mail with the dead
/// link (an address, sealed) leaves the outbox. One transaction.
async fn close_unused_links(pool: &Db) -> sqlx::Result<i64> {
    let mut tx = pool.begin_write().await?;
    let closed: Vec<i64> = sqlx::query_scalar(
        "UPDATE privacy_requests SET state = 'refused', done_at = $1,
             outcome = 'closed_unconfirmed',
             link_hash = NULL
         WHERE state = 'open' AND channel = 'self_service'
           AND link_expires_at < $1
         RETURNING id",
    )
    .bind(crate::db::now())
    .fetch_all(&mut *tx)
    .await?;
    for id in &closed {
        sqlx::query("DELETE FROM outbox WHERE request_id = $1").bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(closed.len() as i64)
}
