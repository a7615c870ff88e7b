//! The mover: takes the analytics inbox's events, oldest first, into the reports' tables
//! (`app::analytics::inbox::move_some`), a chunk per writing transaction.
//!
//! It yields to the appender: while events arrive (an append in the last [`QUIET`]), it
//! moves one chunk per [`MOST_IDLE`] only. Moving costs ~50 µs an event (the indexes of
//! `page_views` and the live sums), appending a few; a chunk holds the one SQLite writer
//! for milliseconds and the CPU the requests need. So a burst is acknowledged at the
//! append's pace and the reports catch up when it eases; a load that never eases still
//! reaches them, and past [`INBOX_FULL`] waiting events ingest answers 503 while the mover
//! catches up: a flood fills the inbox up to a bound, not the disk, and the pace it can
//! keep up for ever is the mover's (docs/benchmark.md).
//!
//! Woken by each append, and every second (another server's appends, events left from
//! before a restart). On PostgreSQL one server's mover moves at a time (the writers' lock).

use super::Job;
use app::analytics::inbox;
use app::db::{Conn, Db};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, mpsc};

/// Events moved per transaction at most: a chunk holds the writer ~25 ms.
const CHUNK: i64 = 500;
/// A chunk moved while events arrive: ~5 ms that appends wait behind.
const PRESSED_CHUNK: i64 = 100;
/// The longest the mover waits for the appender to be idle.
const MOST_IDLE: Duration = Duration::from_secs(1);
/// No append for this long: the burst has eased, the mover moves freely.
const QUIET: Duration = Duration::from_millis(20);
/// Events waiting in the inbox beyond which ingest answers 503.
const INBOX_FULL: i64 = 1_000_000;

/// A handle on the mover: told of each append, and says whether the inbox is full.
#[derive(Clone)]
pub(super) struct Mover {
    wake: Arc<Notify>,
    full: Arc<AtomicBool>,
    /// When the last append ended, in milliseconds since `started`.
    appended_at: Arc<AtomicU64>,
    /// An append is under way (from its events' arrival to its commit).
    appending: Arc<AtomicBool>,
    started: Instant,
}

impl Mover {
    /// Starts the mover; it ends when the appender's queue is gone (the last `Ingest`
    /// dropped), having moved what waits.
    pub(super) fn start(pool: Db, queue: mpsc::WeakSender<Job>) -> Mover {
        let mover = Mover {
            wake: Arc::default(),
            full: Arc::default(),
            appended_at: Arc::default(),
            appending: Arc::default(),
            started: Instant::now(),
        };
        tokio::spawn(run(pool, queue, mover.clone()));
        mover
    }

    /// Events arrived: an append begins.
    pub(super) fn arriving(&self) {
        self.appending.store(true, Ordering::Relaxed);
    }

    /// An append has ended (committed or not): the mover may have events to move.
    pub(super) fn appended(&self) {
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.appended_at.store(now, Ordering::Relaxed);
        self.appending.store(false, Ordering::Relaxed);
        self.wake.notify_one();
    }

    /// Whether events are arriving: an append under way, or one within [`QUIET`].
    fn busy(&self) -> bool {
        let last = Duration::from_millis(self.appended_at.load(Ordering::Relaxed));
        self.appending.load(Ordering::Relaxed) || self.started.elapsed().saturating_sub(last) < QUIET
    }

    pub(super) fn inbox_full(&self) -> bool {
        self.full.load(Ordering::Relaxed)
    }
}

async fn run(pool: Db, queue: mpsc::WeakSender<Job>, mover: Mover) {
    let mut conn: Option<Conn> = None;
    let mut last_moved = Instant::now();
    // The highest id moved since the mover last caught up: the next chunk starts above it.
    // Back to 0 once caught up, so an event whose append committed after events with higher
    // ids (servers appending side by side on PostgreSQL) is moved then.
    let mut after = 0;
    loop {
        let _ = tokio::time::timeout(Duration::from_secs(1), mover.wake.notified()).await;
        let ended = queue.upgrade().is_none();
        loop {
            // Asked once this process's writer turn is ours: an append that waited for the
            // chunk before counts as arriving, and goes first.
            let turn = app::writer::turn().await;
            if mover.busy() && last_moved.elapsed() < MOST_IDLE {
                drop(turn);
                tokio::time::sleep(QUIET).await;
                continue;
            }
            let chunk = if mover.busy() { PRESSED_CHUNK } else { CHUNK };
            match move_chunk(&pool, &mut conn, turn, chunk, after).await {
                Ok((moved, last, backlog)) => {
                    last_moved = Instant::now();
                    mover.full.store(backlog >= INBOX_FULL, Ordering::Relaxed);
                    after = last;
                    if moved < chunk {
                        after = 0;
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

/// Moves up to `chunk` events with ids above `after` in one writing transaction, holding
/// this process's writer `_turn` until its commit; returns how many it moved, the highest
/// id moved, and about how many still wait.
async fn move_chunk(
    pool: &Db,
    conn: &mut Option<Conn>,
    _turn: tokio::sync::MutexGuard<'static, ()>,
    chunk: i64,
    after: i64,
) -> sqlx::Result<(i64, i64, i64)> {
    let conn = super::append::relaxed_connection(pool, conn).await?;
    let mut tx = app::db::begin_write_on(conn).await?;
    let (moved, last) = inbox::move_some(&mut tx, chunk, after).await?;
    let backlog = inbox::backlog(&mut tx, last).await?;
    tx.commit().await?;
    app::storage::committed();
    Ok((i64::try_from(moved).unwrap_or(i64::MAX), last, backlog))
}
