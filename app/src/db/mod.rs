//! The database handle every feature's SQL runs on: the pool and the key that seals PII.
//!
//! Queries run on `&Db` as on a pool (it hands them to its pool: sqlx's `Executor`), and a
//! feature seals and opens values with the key it carries. One type for both, so that the
//! pool's type can change (PostgreSQL beside SQLite, docs/postgres.md) in this module alone.

pub mod lease;
mod statement;

pub use statement::Statement;

/// The time now as Patron stores times (UTC text with milliseconds,
/// `2026-12-04T10:15:00.123Z`), bound where a statement says when something happened:
/// worked out here rather than by the database (SQLite's `strftime(…, 'now')`), so that a
/// statement reads the same on every backend.
pub fn now() -> String {
    now_plus(0)
}

/// The time `months` calendar months before now, as [`now`] writes times (the 31st of a
/// month without one is the month's last day).
#[cfg(feature = "ssr")]
pub fn months_ago(months: i64) -> String {
    use jiff::{Span, Timestamp, tz::TimeZone};
    let now = Timestamp::now().to_zoned_datetime(TimeZone::UTC);
    let then = now.checked_sub(Span::new().months(months)).unwrap_or(now);
    crate::domain::iso_timestamp_millis(then.timestamp().as_millisecond())
}

/// The time `seconds` from now (before it when negative), as [`now`] writes times.
pub fn now_plus(seconds: i64) -> String {
    let millis = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64);
    crate::domain::iso_timestamp_millis(millis + seconds * 1000)
}

use crate::pii::PiiKey;
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{SqliteQueryResult, SqliteRow, SqliteStatement, SqliteTypeInfo};
use sqlx::{Either, Execute, Executor, Row, SqlStr, Sqlite, SqlitePool, Transaction};
use std::sync::Arc;

/// The database: a pool of connections and the PII key. Cheap to clone (two `Arc`s).
#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
    pii: Arc<PiiKey>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key's Debug shows its fingerprint only.
        f.debug_struct("Db").field("pool", &self.pool).field("pii", &self.pii).finish()
    }
}

impl Db {
    pub fn new(pool: SqlitePool, pii: Arc<PiiKey>) -> Db {
        Db { pool, pii }
    }

    /// The pool itself, for what only the server does with it (its options, closing it).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The key that seals and opens PII, and keys the blind indexes.
    pub fn pii(&self) -> &PiiKey {
        &self.pii
    }

    /// The key, for work that outlives the borrow of this handle (a grouped write).
    pub fn pii_shared(&self) -> Arc<PiiKey> {
        Arc::clone(&self.pii)
    }

    /// A sealed column of a row read from the database, opened; NULL is `None`.
    pub fn opened(&self, row: &SqliteRow, column: &str) -> sqlx::Result<Option<String>> {
        let sealed: Option<String> = row.try_get(column)?;
        Ok(self.pii.open_opt(sealed.as_deref())?)
    }

    /// [`Db::opened`] for a column that is text whenever there is a row ("" for NULL).
    pub fn opened_text(&self, row: &SqliteRow, column: &str) -> sqlx::Result<String> {
        Ok(self.opened(row, column)?.unwrap_or_default())
    }

    pub async fn begin(&self) -> sqlx::Result<Transaction<'static, Sqlite>> {
        self.pool.begin().await
    }

    /// A transaction that writes: on SQLite `BEGIN IMMEDIATE`, which takes the database's
    /// one write lock at once, so a transaction that reads and then writes never meets
    /// another writer between the two (it would fail with SQLITE_BUSY, not wait). The one
    /// place that says how a write transaction begins (on PostgreSQL, rows lock as they
    /// are written, and a plain `BEGIN` does).
    pub async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Sqlite>> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    pub async fn acquire(&self) -> sqlx::Result<PoolConnection<Sqlite>> {
        self.pool.acquire().await
    }

    pub async fn close(&self) {
        self.pool.close().await
    }
}

impl<'c> Executor<'c> for &'c Db {
    type Database = Sqlite;

    fn fetch_many<'e, 'q: 'e, E>(self, query: E) -> BoxStream<'e, sqlx::Result<Either<SqliteQueryResult, SqliteRow>>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Sqlite>,
    {
        (&self.pool).fetch_many(query)
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, sqlx::Result<Option<SqliteRow>>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Sqlite>,
    {
        (&self.pool).fetch_optional(query)
    }

    fn prepare_with<'e>(
        self,
        sql: SqlStr,
        parameters: &'e [SqliteTypeInfo],
    ) -> BoxFuture<'e, sqlx::Result<SqliteStatement>>
    where
        'c: 'e,
    {
        (&self.pool).prepare_with(sql, parameters)
    }
}
