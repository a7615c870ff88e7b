//! Writes of one kind that a group writes together, in a few set-based statements.
//!
//! A grouped write ([`super::grouped`]) runs its own statements in its own savepoint, and
//! each statement is a trip to the database connection's thread and back. For signups
//! those trips, not SQLite's work, were most of the time: three a signup, one after the
//! other on the one writer. A [`Batch`] kind writes every item waiting at that moment with
//! a handful of statements for the lot (one insert of many rows), in one transaction, and
//! answers each item only after that commit: nothing is acknowledged before it is on disk.
//! The turn is the same writer's turn, so batches and grouped writes go in arrival order.

use super::{Failure, MAX_GROUP, WRITER};
use crate::db::{Conn, Db};
use futures_util::future::BoxFuture;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{Mutex, oneshot};

/// A kind of write that is written together with the others of its kind waiting.
pub trait Batch: Send + Sized + 'static {
    type Done: Send + 'static;

    /// Writes `items` in the caller's transaction: each item's answer, in their order. An
    /// item's own error is its answer (the kind keeps its writes out); an error of the
    /// whole is every item's answer, and nothing of the batch is committed.
    fn write(conn: &mut Conn, items: Vec<Self>) -> BoxFuture<'_, sqlx::Result<Vec<sqlx::Result<Self::Done>>>>;
}

/// An item waiting for its batch, with its number and where its answer goes.
type Waiting<B> = Vec<(u64, B, oneshot::Sender<sqlx::Result<<B as Batch>::Done>>)>;

/// The items waiting, per database (its URL) and kind: each a `Waiting<B>` of its kind.
type Lines = HashMap<(String, TypeId), Box<dyn Any + Send>>;

fn lines() -> &'static Mutex<Lines> {
    static LINES: OnceLock<Mutex<Lines>> = OnceLock::new();
    LINES.get_or_init(Mutex::default)
}

/// Writes `item` with the others of its kind waiting for the same database, and answers
/// once their transaction has committed (see the module comment).
pub async fn batched<B: Batch>(pool: &Db, item: B) -> sqlx::Result<B::Done> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let (answer, answered) = oneshot::channel();
    let key = (pool.pool().connect_options().database_url.to_string(), TypeId::of::<B>());
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    with_line::<B, _>(&key, |line| line.push((id, item, answer))).await;
    {
        let _turn = WRITER.lock().await;
        // As in `grouped`: the first in line whose item still waits writes all that wait;
        // one whose item went with the batch before only passes the turn on.
        let items = with_line::<B, _>(&key, |line| {
            if line.iter().any(|(waiting, _, _)| *waiting == id) {
                let n = line.len().min(MAX_GROUP);
                line.drain(..n).collect()
            } else {
                Vec::new()
            }
        })
        .await;
        if !items.is_empty() {
            // A task of its own: a request that goes away must not cancel the others' writes.
            let _ = tokio::spawn(write_batch::<B>(pool.clone(), items)).await;
        }
    }
    answered.await.unwrap_or_else(|_| Err(sqlx::Error::Protocol("the batched write was not done".into())))
}

/// Runs `f` on the line of kind `B` for the key's database.
async fn with_line<B: Batch, T>(key: &(String, TypeId), f: impl FnOnce(&mut Waiting<B>) -> T) -> T {
    let mut lines = lines().lock().await;
    let line = lines.entry(key.clone()).or_insert_with(|| Box::new(Waiting::<B>::new()));
    f(line.downcast_mut::<Waiting<B>>().expect("a line holds items of the kind it is keyed by"))
}

async fn write_batch<B: Batch>(pool: Db, waiting: Waiting<B>) {
    let count = waiting.len();
    let (items, answers): (Vec<B>, Vec<_>) = waiting.into_iter().map(|(_, item, answer)| (item, answer)).unzip();
    let written = async {
        let mut tx = pool.begin_write().await?;
        let done = B::write(&mut tx, items).await?;
        tx.commit().await?;
        Ok(done)
    }
    .await;
    match written {
        Ok(done) => {
            crate::storage::committed();
            for (answer, result) in answers.into_iter().zip(done) {
                // The request may have gone away; its write stands.
                let _ = answer.send(result);
            }
        }
        Err(e) => {
            let failure = Failure::of(Err(e), count).expect("an error is a failure");
            for answer in answers {
                let _ = answer.send(Err(failure.clone().error()));
            }
        }
    }
}
