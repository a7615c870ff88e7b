//! One writing transaction at a time, waiting in line here rather than inside SQLite, and
//! writes of many requests committed together.
//!
//! SQLite lets one transaction write at a time. The others wait in its busy handler, which
//! sleeps in growing steps (up to 100 ms), so 64 signups arriving together had a p99 of
//! half a second. Waiting on this async lock first, writers go in arrival order the moment
//! the previous commit is done. It is per process: two processes on one SQLite file still
//! meet in the busy handler, which stays the backstop. On PostgreSQL the turn across
//! servers is the advisory lock `Db::begin_write` takes (`db::writer_lock`); this one
//! keeps a server's own writers in line rather than each holding a connection while it
//! waits there.
//!
//! Every commit waits for the disk (`synchronous = FULL`: one fsync, ~2 ms on the
//! benchmark machine), so one transaction per widget write caps a site at a few hundred
//! signups a second. [`grouped`] writes take every write waiting at that moment into one
//! transaction, each in a savepoint of its own, and answer each only after that commit:
//! nothing is acknowledged before it is on disk, and the line of waiting writes lives only
//! as long as the requests that wait (a second server needs nothing of it).

use crate::db::Db;
use crate::db::{Backend, Conn};
use futures_util::future::BoxFuture;
use sqlx::Transaction;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{Mutex, MutexGuard, oneshot};

mod batched;
pub use batched::{Batch, batched};

static WRITER: Mutex<()> = Mutex::const_new(());

/// This process's turn to write, and a write transaction (`BEGIN IMMEDIATE`). Bind the turn
/// to a named variable (`let (_turn, mut tx) = ...`): it must live until the commit.
pub async fn begin(pool: &Db) -> sqlx::Result<(MutexGuard<'static, ()>, Transaction<'static, Backend>)> {
    let turn = turn().await;
    let tx = pool.begin_write().await?;
    Ok((turn, tx))
}

/// This process's turn to write, for a writer with a connection of its own (the
/// analytics writer). Hold it until the commit.
pub async fn turn() -> MutexGuard<'static, ()> {
    WRITER.lock().await
}

/// Writes taken into one transaction at most.
const MAX_GROUP: usize = 256;

/// A write of a request, done in a savepoint of a shared transaction.
pub type Work<T> = Box<dyn for<'c> FnOnce(&'c mut Conn) -> BoxFuture<'c, sqlx::Result<T>> + Send>;

/// Does `work` in a write transaction shared with the other grouped writes waiting at that
/// moment, and answers once that transaction has committed. An error of `work` undoes only
/// its own changes (its savepoint) and is its answer; a failed commit is everyone's.
pub async fn grouped<T: Send + 'static>(pool: &Db, work: Work<T>) -> sqlx::Result<T> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let (answer, answered) = oneshot::channel();
    let database = pool.pool().connect_options().database_url.to_string();
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let job: Box<dyn Grouped> = Box::new(Job { work: Some(work), result: None, answer });
    waiting().lock().await.entry(database.clone()).or_default().push((id, job));
    {
        let _turn = WRITER.lock().await;
        // The first in line whose write is still waiting writes everything waiting for this
        // database. One whose write was taken by the one before only passes the turn on:
        // were it to write what arrived meanwhile, the line would break into groups of one
        // or two (measured: two signups per fsync at 64 connections).
        let jobs: Vec<Box<dyn Grouped>> = {
            let mut waiting = waiting().lock().await;
            let line = waiting.entry(database).or_default();
            if line.iter().any(|(waiting, _)| *waiting == id) {
                let n = line.len().min(MAX_GROUP);
                line.drain(..n).map(|(_, job)| job).collect()
            } else {
                Vec::new()
            }
        };
        if !jobs.is_empty() {
            // A task of its own: a request that goes away must not cancel the others' writes.
            let _ = tokio::spawn(write_group(pool.clone(), jobs)).await;
        }
    }
    answered.await.unwrap_or_else(|_| Err(sqlx::Error::Protocol("the grouped write was not done".into())))
}

/// The writes waiting for one database, in arrival order, each with its number.
type Line = Vec<(u64, Box<dyn Grouped>)>;

/// The grouped writes waiting, per database (its URL).
fn waiting() -> &'static Mutex<HashMap<String, Line>> {
    static WAITING: OnceLock<Mutex<HashMap<String, Line>>> = OnceLock::new();
    WAITING.get_or_init(Mutex::default)
}

async fn write_group(pool: Db, mut jobs: Vec<Box<dyn Grouped>>) {
    let committed: sqlx::Result<()> = async {
        let mut tx = pool.begin_write().await?;
        // Each statement is a trip to the connection's thread and back (most of a
        // signup's time in the group), so one job's release and the next one's savepoint
        // go together, and the commit releases the last.
        let mut step = "SAVEPOINT grouped_write";
        for job in &mut jobs {
            sqlx::raw_sql(step).execute(&mut *tx).await?;
            step = "RELEASE grouped_write; SAVEPOINT grouped_write";
            if !job.run(&mut tx).await {
                sqlx::query("ROLLBACK TO grouped_write").execute(&mut *tx).await?;
            }
        }
        tx.commit().await
    }
    .await;
    let failed = Failure::of(committed, jobs.len());
    for job in jobs {
        job.answer(failed.clone());
    }
}

/// Why a group's commit failed, told to each request in it.
#[derive(Clone)]
enum Failure {
    /// The storage's fault: each request answers 503, not 500.
    Fault(crate::storage::Fault),
    Other(String),
}

impl Failure {
    /// What a group's commit came to: None when it is on disk.
    fn of(committed: sqlx::Result<()>, writes: usize) -> Option<Failure> {
        match committed {
            Ok(()) => {
                crate::storage::committed();
                None
            }
            // A storage fault is logged once for its whole episode, when a request is
            // answered with it (see `crate::storage`).
            Err(e) => Some(match crate::storage::Fault::of(&e) {
                Some(fault) => Failure::Fault(fault),
                None => {
                    tracing::error!(error = %e, writes, "a group of writes was not committed");
                    Failure::Other(e.to_string())
                }
            }),
        }
    }

    /// The error a request of the group is answered with.
    fn error(self) -> sqlx::Error {
        match self {
            Failure::Fault(fault) => fault.into_error(),
            Failure::Other(why) => sqlx::Error::Protocol(format!("the write was not committed: {why}")),
        }
    }
}

/// A grouped write with its answer, whatever its result type.
trait Grouped: Send {
    /// Does the write; whether to keep it.
    fn run<'c>(&'c mut self, conn: &'c mut Conn) -> BoxFuture<'c, bool>;
    /// Answers the request: its result, or why the commit failed.
    fn answer(self: Box<Self>, commit_failed: Option<Failure>);
}

struct Job<T> {
    work: Option<Work<T>>,
    result: Option<sqlx::Result<T>>,
    answer: oneshot::Sender<sqlx::Result<T>>,
}

impl<T: Send + 'static> Grouped for Job<T> {
    fn run<'c>(&'c mut self, conn: &'c mut Conn) -> BoxFuture<'c, bool> {
        Box::pin(async move {
            let Some(work) = self.work.take() else { return false };
            let result = work(conn).await;
            let keep = result.is_ok();
            self.result = Some(result);
            keep
        })
    }

    fn answer(self: Box<Self>, commit_failed: Option<Failure>) {
        let result = match (commit_failed, self.result) {
            (Some(failure), _) => Err(failure.error()),
            (None, Some(result)) => result,
            (None, None) => Err(sqlx::Error::Protocol("the write was not done".into())),
        };
        // The request may have gone away; its write stands.
        let _ = self.answer.send(result);
    }
}
