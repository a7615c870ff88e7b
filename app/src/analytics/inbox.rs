//! The analytics inbox (migration 0055): ingest appends accepted events to one unindexed
//! table and answers once that commit is done; the mover takes them from it in order, in
//! large batches, into `page_views`, the custom events and the live sums (`db::write_batch`),
//! deleting them from the inbox in the same transaction — each event is moved once.
//!
//! Why: storing a view costs its indexes and live sums (~50 µs a view at millions of
//! views), and a tracker waiting for that, behind one writer, capped ingest at ~13k events/s
//! on the benchmark machine. An append costs a row in a table with no other index, so a
//! burst is acknowledged as fast as it arrives and the reports catch up a moment later.

use super::db::Stored;
use super::event::Event;
use crate::db::{Conn, Dialect};
use crate::domain::SiteId;
use serde_json::{Value, json};
use sqlx::{AssertSqlSafe, Row};

/// An accepted event as it waits in the inbox.
pub struct Received {
    pub site: SiteId,
    /// The day's visitor key (`server::ingest`).
    pub visitor: String,
    /// The hash of the browser's visitor token, if it sent one.
    pub token_hash: Option<String>,
    /// When it arrived, as every time here (`db::now`).
    pub at: String,
    pub event: Event,
}

/// Appends `events` in their order, in one statement.
pub async fn append(tx: &mut Conn, events: &[Received]) -> sqlx::Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let rows: Vec<Value> = events
        .iter()
        .map(|e| {
            let event = serde_json::to_string(&e.event).expect("an event is plain data");
            json!([e.site.0, e.visitor, e.token_hash, e.at, event])
        })
        .collect();
    let unpacked = Dialect::of(tx).json_rows("$1");
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO analytics_inbox (site_id, visitor, token_hash, received_at, event)
         SELECT CAST(value ->> 0 AS BIGINT), value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM {unpacked}"
    )))
    .bind(Value::Array(rows).to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Takes (deletes) up to `n` of the oldest events with an id above `after`, oldest first,
/// and returns them with the highest id taken. Run it in the transaction that stores them:
/// were that to fail, they stay in the inbox.
///
/// `after` spares each chunk the deleted rows before it: on PostgreSQL they stay in the
/// key's index until vacuumed, and a scan from the start stepped over all of them on every
/// chunk (measured: 2.4k events/s moved from a 100k inbox). The chunk's last id is found
/// first and the rows deleted as a range of the key: PostgreSQL planned
/// `DELETE … WHERE id IN (SELECT … LIMIT n)` as a scan of the whole inbox per row taken
/// (5.6 s a chunk of 500 from a 100k inbox).
pub async fn take(tx: &mut Conn, n: i64, after: i64) -> sqlx::Result<(Vec<Received>, i64)> {
    let last: Option<i64> = sqlx::query_scalar(
        "SELECT max(id) FROM (SELECT id FROM analytics_inbox WHERE id > $2 ORDER BY id LIMIT $1) AS chunk",
    )
    .bind(n)
    .bind(after)
    .fetch_one(&mut *tx)
    .await?;
    let Some(last) = last else { return Ok((Vec::new(), after)) };
    let rows = sqlx::query(
        "DELETE FROM analytics_inbox WHERE id > $1 AND id <= $2
         RETURNING id, site_id, visitor, token_hash, received_at, event",
    )
    .bind(after)
    .bind(last)
    .fetch_all(&mut *tx)
    .await?;
    let mut taken = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.try_get("id")?;
        let event: String = row.try_get("event")?;
        let event = serde_json::from_str(&event).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        let received = Received {
            site: SiteId(row.try_get("site_id")?),
            visitor: row.try_get("visitor")?,
            token_hash: row.try_get("token_hash")?,
            at: row.try_get("received_at")?,
            event,
        };
        taken.push((id, received));
    }
    // RETURNING promises no order.
    taken.sort_by_key(|(id, _)| *id);
    Ok((taken.into_iter().map(|(_, r)| r).collect(), last))
}

/// Moves up to `n` of the oldest events with an id above `after` from the inbox into the
/// analytics tables, in the transaction `tx` (a writing one: `Db::begin_write`). Returns
/// how many it took and the highest id taken (`after` if none).
pub async fn move_some(tx: &mut Conn, n: i64, after: i64) -> sqlx::Result<(usize, i64)> {
    let (taken, last) = take(tx, n, after).await?;
    let mut customers = Vec::with_capacity(taken.len());
    for r in &taken {
        customers.push(match &r.token_hash {
            Some(hash) => super::db::customer_for_token(tx, r.site, hash).await?,
            None => None,
        });
    }
    let events: Vec<Stored> = taken
        .iter()
        .zip(customers)
        .map(|(r, customer)| Stored { site: r.site, visitor: &r.visitor, customer, event: &r.event, at: &r.at })
        .collect();
    super::db::write_batch(tx, &events).await?;
    Ok((taken.len(), last))
}

/// About how many events wait above `after`: the span of their ids (a count would read
/// them all; this reads two ends of the key — as two subqueries: SQLite answers a lone
/// `max(id)` from the key but computes `max(id) - min(id)` by reading every row, which
/// made each chunk read the whole inbox).
pub async fn backlog(conn: &mut Conn, after: i64) -> sqlx::Result<i64> {
    let span: Option<i64> = sqlx::query_scalar(
        "SELECT (SELECT max(id) FROM analytics_inbox) - (SELECT min(id) FROM analytics_inbox WHERE id > $1) + 1",
    )
    .bind(after)
    .fetch_one(&mut *conn)
    .await?;
    Ok(span.unwrap_or(0))
}
