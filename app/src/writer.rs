//! One writing transaction at a time, waiting in line here rather than inside SQLite.
//!
//! SQLite lets one transaction write at a time. The others wait in its busy handler, which
//! sleeps in growing steps (up to 100 ms), so 64 signups arriving together had a p99 of
//! half a second. Waiting on this async lock first, writers go in arrival order the moment
//! the previous commit is done. It is per process: two processes on one SQLite file still
//! meet in the busy handler, which stays the backstop (and PostgreSQL will not need it).

use sqlx::{Sqlite, SqlitePool, Transaction};
use tokio::sync::{Mutex, MutexGuard};

static WRITER: Mutex<()> = Mutex::const_new(());

/// This process's turn to write, and a write transaction (`BEGIN IMMEDIATE`). Bind the turn
/// to a named variable (`let (_turn, mut tx) = ...`): it must live until the commit.
pub async fn begin(pool: &SqlitePool) -> sqlx::Result<(MutexGuard<'static, ()>, Transaction<'static, Sqlite>)> {
    let turn = WRITER.lock().await;
    let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    Ok((turn, tx))
}
