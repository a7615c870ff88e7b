//! The mover: takes the analytics inbox's events, oldest first, into the reports' tables
//! (`app::analytics::inbox::move_some`), a chunk per writing transaction.
//!
//! It yields to the appender: while trackers wait for their append, it moves nothing (each
//! chunk holds the one SQLite writer for milliseconds, and the trackers would wait behind
//! it), unless it has not moved for [`MOST_IDLE`] — so a burst is acknowledged at the
//! append's pace and the reports catch up when it eases, and a load that never eases still
//! reaches them. Past [`INBOX_FULL`] waiting events ingest answers 503 until the mover
//! catches up: a flood fills the inbox, not the disk.
//!
//! Woken by each append, and every second (another server's appends, events left from
//! before a restart). On PostgreSQL one server's mover moves at a time (the writers' lock).

use super::Job;
use app::analytics::inbox;
use app::db::{Conn, Db};
use sqlx::Connection;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, mpsc};

/// Events moved per transaction at most: a chunk holds the writer ~10–20 ms.
const CHUNK: i64 = 500;
/// The longest the mover waits for the appender to be idle.
const MOST_IDLE: Duration = Duration::from_secs(1);
/// Events waiting in the inbox beyond which ingest answers 503.
const INBOX_FULL: i64 = 500_000;

/// A handle on the mover: wakes it, and says whether the inbox is full.
#[derive(Clone)]
pub(super) struct Mover {
    wake: Arc<Notify>,
    full: Arc<AtomicBool>,
}

impl Mover {
    /// Starts the mover; it ends when the appender's queue is gone (the last `Ingest`
    /// dropped), having moved what waits.
    pub(super) fn start(pool: Db, queue: mpsc::WeakSender<Job>) -> Mover {
        let mover = Mover { wake: Arc::default(), full: Arc::default() };
        tokio::spawn(run(pool, queue, mover.clone()));
        mover
    }

    pub(super) fn wake(&self) {
        self.wake.notify_one();
    }

    pub(super) fn inbox_full(&self) -> bool {
        self.full.load(Ordering::Relaxed)
    }
}

async fn run(pool: Db, queue: mpsc::WeakSender<Job>, mover: Mover) {
    let mut conn: Option<Conn> = None;
    let mut last_moved = Instant::now();
    loop {
        let _ = tokio::time::timeout(Duration::from_secs(1), mover.wake.notified()).await;
        let ended = queue.upgrade().is_none();
        loop {
            // Trackers waiting for their append go first, unless the reports have waited long.
            let waiting = queue.upgrade().is_some_and(|q| q.capacity() < q.max_capacity());
            if waiting && last_moved.elapsed() < MOST_IDLE {
                tokio::time::sleep(Duration::from_millis(2)).await;
                continue;
            }
            match move_chunk(&pool, &mut conn).await {
                Ok((moved, backlog)) => {
                    last_moved = Instant::now();
                    mover.full.store(backlog >= INBOX_FULL, Ordering::Relaxed);
                    if moved < CHUNK {
                        break;
                    }
                }
                Err(e) => {
                    if app::storage::note(&e).is_none() {
                        tracing::error!(error = %e, "analytics: moving events from the inbox");
                    }
                    conn = None;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    break;
                }
            }
        }
        if ended {
            return;
        }
    }
}

/// Moves a chunk in one writing transaction; returns how many it moved and about how many
/// still wait.
async fn move_chunk(pool: &Db, conn: &mut Option<Conn>) -> sqlx::Result<(i64, i64)> {
    let conn = match conn {
        Some(conn) => conn,
        None => conn.insert(super::append::relaxed_connection(pool).await?),
    };
    let _turn = app::writer::turn().await;
    let mut tx = match pool.dialect() {
        app::db::Dialect::Sqlite => conn.begin_with("BEGIN IMMEDIATE").await?,
        app::db::Dialect::Postgres => {
            let mut tx = conn.begin().await?;
            app::db::writer_lock(&mut tx).await?;
            tx
        }
    };
    let moved = inbox::move_some(&mut tx, CHUNK).await?;
    let backlog = inbox::backlog(&mut tx).await?;
    tx.commit().await?;
    app::storage::committed();
    Ok((i64::try_from(moved).unwrap_or(i64::MAX), backlog))
}
