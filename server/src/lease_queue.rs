//! The loop of both senders whose queue is a table (the outbox, webhook deliveries): every
//! `POLL`, the ids of up to `BATCH` due rows; each is claimed for `LEASE_SECS` before it is
//! worked, so every server of an install may run the loop and a row is tried by one of them
//! at a time; a server that dies mid-try leaves a row that is due again when its lease ends.

use app::db::Db;
use std::future::Future;
use std::time::Duration;

/// A queue kept in a table.
pub trait LeaseQueue: Send + Sync + 'static {
    /// A row claimed for a try.
    type Claimed: Send;
    /// What the log calls the queue ("the outbox").
    const NAME: &'static str;
    const POLL: Duration;
    const BATCH: i64;
    const LEASE_SECS: i64;

    /// The ids of up to `batch` rows due now, oldest first.
    fn due(pool: &Db, batch: i64) -> impl Future<Output = sqlx::Result<Vec<i64>>> + Send;
    /// Claims row `id` for `lease_secs`; `None` when another server claimed it first or it
    /// is no longer due.
    fn claim(pool: &Db, id: i64, lease_secs: i64) -> impl Future<Output = sqlx::Result<Option<Self::Claimed>>> + Send;
    /// One try of a claimed row, recording how it went.
    fn work(&self, pool: &Db, row: Self::Claimed) -> impl Future<Output = sqlx::Result<()>> + Send;
}

/// Runs the queue's loop for as long as the server runs. A database error ends one look
/// (logged), not the loop.
pub fn start<Q: LeaseQueue>(pool: Db, queue: Q) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Q::POLL);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            if let Err(e) = work_due(&pool, &queue).await {
                tracing::error!(error = %e, queue = Q::NAME, "reading the queue failed");
            }
        }
    });
}

/// One look: every due row this server could claim, worked in turn.
pub async fn work_due<Q: LeaseQueue>(pool: &Db, queue: &Q) -> sqlx::Result<()> {
    for id in Q::due(pool, Q::BATCH).await? {
        if let Some(row) = Q::claim(pool, id, Q::LEASE_SECS).await? {
            queue.work(pool, row).await?;
        }
    }
    Ok(())
}
