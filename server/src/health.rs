//! `/healthz`: 200 only when a write can be committed now, else 503 with the reason.
//!
//! Reads keep working on a full disk, a read-only file system or under another process's
//! write lock, so a `SELECT 1` said "ok" while every signup failed. The check commits a
//! one-row write (waiting for the lock at most [`PROBE_WAIT`]), looks at the free space
//! beside the database, and reports a storage fault episode under way (`app::storage`).
//! A check that passes ends such an episode: with no traffic (a load balancer that took
//! the server out), it is what notices that space or the lock came back.

use app::db::{Db, Dialect};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// How long the check waits for the write lock before it calls the database locked.
const PROBE_WAIT: Duration = Duration::from_secs(2);

/// The one-row write the check commits, with the time in Unix seconds.
const WRITE_PROBE: &str =
    "INSERT INTO health_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at";

/// Below this much free space beside the database, writes are about to fail (a commit
/// needs room for its WAL frames, a checkpoint for the pages it copies).
pub const MIN_FREE_BYTES: u64 = 4 * 1024 * 1024;

/// What the check needs: the pool, and the wait its connections are restored to.
#[derive(Clone)]
pub struct Health {
    pub pool: Db,
    pub lock_wait: Duration,
}

pub async fn healthz(State(health): State<Health>) -> Response {
    match check(&health).await {
        Ok(()) => {
            app::storage::committed();
            (StatusCode::OK, "ok\n").into_response()
        }
        Err(reason) => app::storage::retry_later(
            (StatusCode::SERVICE_UNAVAILABLE, format!("unhealthy: {reason}\n")).into_response(),
        ),
    }
}

async fn check(health: &Health) -> Result<(), String> {
    if let Some(free) = free_bytes(&health.pool)
        && free < MIN_FREE_BYTES
    {
        return Err(format!("{} ({} KiB free beside the database)", app::storage::Fault::DiskFull, free / 1024));
    }
    if let Err(e) = probe(health).await {
        return Err(match app::storage::Fault::of(&e) {
            Some(fault) => fault.reason().to_owned(),
            None => {
                tracing::error!(error = %e, "health check: the database does not answer");
                "the database does not answer".to_owned()
            }
        });
    }
    Ok(())
}

/// Commits a write, waiting for the lock no longer than [`PROBE_WAIT`].
async fn probe(health: &Health) -> sqlx::Result<()> {
    if health.pool.dialect() == Dialect::Postgres {
        return probe_postgres(health).await;
    }
    let mut conn = health.pool.acquire().await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA busy_timeout = {}", PROBE_WAIT.as_millis())))
        .execute(&mut *conn)
        .await?;
    let wrote = async {
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        sqlx::query(WRITE_PROBE).bind(app::server_ctx::now()).execute(&mut *tx).await?;
        tx.commit().await
    }
    .await;
    // The connection goes back to the pool with the server's own wait.
    let restored = sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA busy_timeout = {}", health.lock_wait.as_millis())))
        .execute(&mut *conn)
        .await;
    if restored.is_err() {
        conn.detach();
    }
    wrote
}

/// [`probe`] on PostgreSQL: the writers' lock (`app::db::writer_lock`) and the row, each
/// waited for no longer than [`PROBE_WAIT`].
async fn probe_postgres(health: &Health) -> sqlx::Result<()> {
    let mut tx = health.pool.begin().await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("SET LOCAL lock_timeout = {}", PROBE_WAIT.as_millis())))
        .execute(&mut *tx)
        .await?;
    app::db::writer_lock(&mut tx).await?;
    sqlx::query(WRITE_PROBE).bind(app::server_ctx::now()).execute(&mut *tx).await?;
    tx.commit().await
}

/// Free bytes on the file system holding a SQLite database, if it can be asked (a
/// PostgreSQL server watches its own disk).
fn free_bytes(pool: &Db) -> Option<u64> {
    let file = crate::db::sqlite_file(pool)?;
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let stat = rustix::fs::statvfs(&dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}
