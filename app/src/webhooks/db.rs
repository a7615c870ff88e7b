//! SQL of webhooks: a site's endpoints, the delivery queue the server's sender works
//! through, and the body of each event as its rows are when it is sent.

use super::{Delivery, Endpoint};
use crate::db::{Db, Flag};
use crate::domain::SiteId;
use serde_json::Value;
use sqlx::Row;

pub async fn endpoints(pool: &Db, site: SiteId) -> sqlx::Result<Vec<Endpoint>> {
    let rows = sqlx::query(
        "SELECT id, url, secret, events, shares, created_at FROM webhook_endpoints
         WHERE site_id = $1 AND active = 1 ORDER BY id",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let events: String = r.try_get("events")?;
            Ok(Endpoint {
                id: r.try_get("id")?,
                url: r.try_get("url")?,
                secret: r.try_get("secret")?,
                events: events.split(',').map(str::to_owned).collect(),
                shares: r.try_get::<Flag, _>("shares")?.0,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

pub async fn add(pool: &Db, site: SiteId, url: &str, secret: &str, events: &[&str], shares: bool) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO webhook_endpoints (site_id, url, secret, events, shares) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(site)
    .bind(url)
    .bind(secret)
    .bind(events.join(","))
    .bind(i64::from(shares))
    .fetch_one(pool)
    .await
}

/// Switches an endpoint off: nothing more is queued or tried for it; its log stays.
pub async fn remove(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let done = sqlx::query("UPDATE webhook_endpoints SET active = 0 WHERE id = $1 AND site_id = $2 AND active = 1")
        .bind(id)
        .bind(site)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE webhook_deliveries SET failed_at = $2, last_error = 'endpoint removed'
         WHERE endpoint_id = $1 AND delivered_at IS NULL AND failed_at IS NULL",
    )
    .bind(id)
    .bind(crate::db::now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// The newest deliveries of the site's endpoints, for the log.
pub async fn deliveries(pool: &Db, site: SiteId, limit: i64) -> sqlx::Result<Vec<Delivery>> {
    let rows = sqlx::query(
        "SELECT d.id, e.url, v.type, v.id AS event_id, v.created_at, d.attempts, d.delivered_at, d.failed_at,
                d.next_attempt_at, d.last_status, d.last_error, d.last_attempt_at
         FROM webhook_deliveries d
         JOIN webhook_endpoints e ON e.id = d.endpoint_id
         JOIN webhook_events v ON v.id = d.event_id
         WHERE e.site_id = $1 ORDER BY d.id DESC LIMIT $2",
    )
    .bind(site)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Delivery {
                id: r.try_get("id")?,
                url: r.try_get("url")?,
                event_type: r.try_get("type")?,
                message_id: format!("msg_{}", r.try_get::<i64, _>("event_id")?),
                created_at: r.try_get("created_at")?,
                attempts: r.try_get("attempts")?,
                delivered_at: r.try_get("delivered_at")?,
                failed_at: r.try_get("failed_at")?,
                next_attempt_at: r.try_get("next_attempt_at")?,
                last_status: r.try_get("last_status")?,
                last_error: r.try_get("last_error")?,
                last_attempt_at: r.try_get("last_attempt_at")?,
            })
        })
        .collect()
}

/// How long an event stays once every delivery of it is done (for the log and Send again).
pub const KEEP_DAYS: i64 = 30;

/// Removes events older than [`KEEP_DAYS`] whose deliveries are all delivered or given up,
/// with their deliveries; how many events went.
pub async fn forget_old(pool: &Db) -> sqlx::Result<u64> {
    let gone = sqlx::query(
        "DELETE FROM webhook_events WHERE created_at < $1
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id
                           AND d.delivered_at IS NULL AND d.failed_at IS NULL)",
    )
    .bind(crate::db::now_plus(-KEEP_DAYS * 86_400))
    .execute(pool)
    .await?;
    Ok(gone.rows_affected())
}

/// "Send again": the delivery is due now, whatever became of it, as long as its endpoint is
/// still there. The message keeps its id, so a receiver that had it already can tell.
pub async fn resend(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET next_attempt_at = $3,
             delivered_at = NULL, failed_at = NULL
         WHERE id = $1 AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE site_id = $2 AND active = 1)",
    )
    .bind(id)
    .bind(site)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A delivery claimed for a try.
pub struct Outgoing {
    pub id: i64,
    pub event_id: i64,
    pub site: SiteId,
    pub event_type: String,
    pub subject_id: i64,
    pub created_at: String,
    pub url: String,
    pub secret: String,
    /// Tries so far, this one included.
    pub attempts: i64,
    /// The endpoint is another company's and the event is about a customer who asked not to
    /// have their data sold or shared (as they are now): it is not sent.
    pub withheld: bool,
}

/// Why a withheld delivery was not sent, as the log shows it.
pub const WITHHELD: &str = "withheld: the customer asked not to have their data sold or shared";

pub async fn due(pool: &Db, limit: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM webhook_deliveries
         WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
         ORDER BY next_attempt_at LIMIT $1",
    )
    .bind(limit)
    .bind(crate::db::now())
    .fetch_all(pool)
    .await
}

/// Claims a due delivery for `lease_secs` (see `mail::db::claim`).
pub async fn claim(pool: &Db, id: i64, lease_secs: i64) -> sqlx::Result<Option<Outgoing>> {
    let row = sqlx::query(
        "UPDATE webhook_deliveries SET attempts = attempts + 1,
             last_attempt_at = $3,
             next_attempt_at = $2
         WHERE id = $1 AND delivered_at IS NULL AND failed_at IS NULL
           AND next_attempt_at <= $3
         RETURNING id, event_id, attempts,
             (SELECT site_id FROM webhook_events WHERE id = event_id) AS site_id,
             (SELECT type FROM webhook_events WHERE id = event_id) AS type,
             (SELECT subject_id FROM webhook_events WHERE id = event_id) AS subject_id,
             (SELECT created_at FROM webhook_events WHERE id = event_id) AS created_at,
             (SELECT url FROM webhook_endpoints WHERE id = endpoint_id) AS url,
             (SELECT secret FROM webhook_endpoints WHERE id = endpoint_id) AS secret,
             coalesce((SELECT e.shares FROM webhook_endpoints e WHERE e.id = endpoint_id), 0) = 1
               AND EXISTS (SELECT 1 FROM webhook_events v JOIN customers c ON c.id = v.customer_id
                           WHERE v.id = event_id AND c.do_not_sell_at IS NOT NULL) AS withheld",
    )
    .bind(id)
    .bind(crate::db::now_plus(lease_secs))
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Outgoing {
            id: r.try_get("id")?,
            event_id: r.try_get("event_id")?,
            site: SiteId(r.try_get("site_id")?),
            event_type: r.try_get("type")?,
            subject_id: r.try_get("subject_id")?,
            created_at: r.try_get("created_at")?,
            url: r.try_get("url")?,
            secret: r.try_get("secret")?,
            attempts: r.try_get("attempts")?,
            withheld: r.try_get::<Flag, _>("withheld")?.0,
        })
    })
    .transpose()
}

/// Records a try's outcome: delivered (`retry_secs` unused), due again after `retry_secs`,
/// or given up (`None`).
pub async fn tried(
    pool: &Db,
    id: i64,
    delivered: bool,
    status: Option<u16>,
    error: Option<&str>,
    retry_secs: Option<i64>,
) -> sqlx::Result<()> {
    let sql = match (delivered, retry_secs) {
        (true, _) => {
            "UPDATE webhook_deliveries SET delivered_at = $4, last_status = $2,
                 last_error = $3, next_attempt_at = NULL WHERE id = $1"
        }
        (false, Some(_)) => {
            "UPDATE webhook_deliveries SET last_status = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1"
        }
        (false, None) => {
            "UPDATE webhook_deliveries SET failed_at = $4, last_status = $2,
                 last_error = $3, next_attempt_at = NULL WHERE id = $1"
        }
    };
    sqlx::query(sql)
        .bind(id)
        .bind(status.map(i64::from))
        .bind(error)
        // $4: when it was delivered or given up, or when to try again.
        .bind(crate::db::now_plus(retry_secs.unwrap_or(0)))
        .execute(pool)
        .await?;
    Ok(())
}

fn json<T: serde::Serialize>(found: Option<T>) -> sqlx::Result<Option<Value>> {
    found.map(serde_json::to_value).transpose().map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

/// What an event's `data` holds: the row it names as it is now, as the same object the REST
/// API answers for it; only its id once the row is gone.
pub async fn data(pool: &Db, site: SiteId, event_type: &str, id: i64) -> sqlx::Result<Value> {
    use crate::rest_api::db as api;
    let found = match event_type {
        "customer.created" | "customer.updated" => {
            json(api::customer_by_id(&mut *pool.acquire().await?, pool.pii(), site, id).await?)?
        }
        "consent.changed" => json(api::consent_by_id(pool, site, id).await?)?,
        "purchase.created" | "purchase.corrected" => json(api::purchase(pool, site, id).await?)?,
        "reservation.created" | "reservation.updated" => json(api::reservation_by_id(pool, site, id).await?)?,
        "survey.answered" => {
            type Answer = (i64, Option<i64>, i64, String, String, String);
            let answer: Option<Answer> = sqlx::query_as(
                "SELECT id, customer_id, score, reason, language, created_at
                 FROM nps_responses WHERE id = $1 AND site_id = $2",
            )
            .bind(id)
            .bind(site)
            .fetch_optional(pool)
            .await?;
            answer.map(|(id, customer_id, score, reason, language, created_at)| {
                serde_json::json!({
                    "id": id, "customer_id": customer_id, "question": "nps", "score": score,
                    "reason": reason, "language": language, "created_at": created_at,
                })
            })
        }
        "automation.fired" => crate::automation::db::fired_event(pool, site, id).await?,
        "product.created" | "product.updated" => json(
            crate::products::db::by_id(&mut *pool.acquire().await?, site, id)
                .await?
                .map(crate::rest_api::types::ProductOut::from),
        )?,
        _ => None,
    };
    Ok(found.unwrap_or_else(|| serde_json::json!({ "id": id })))
}
