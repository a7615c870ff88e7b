//! The database handle every feature's SQL runs on: the pool and the key that seals PII.
//!
//! Queries run on `&Db` as on a pool (it hands them to its pool: sqlx's `Executor`), and a
//! feature seals and opens values with the key it carries. One type for both, so that the
//! pool's type can change (PostgreSQL beside SQLite, docs/postgres.md) in this module alone.

mod dialect;
mod flag;
pub mod lease;
mod statement;

pub use flag::Flag;
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
use sqlx::any::{AnyQueryResult, AnyStatement, AnyTypeInfo};
use sqlx::pool::PoolConnection;
use sqlx::{AnyPool, Either, Execute, Executor, Row as _, SqlStr, Transaction};
use std::sync::Arc;

/// The database as sqlx sees it: `Any`, which hands each statement to SQLite or PostgreSQL
/// by the URL's scheme (docs/postgres.md says why one statement for both rather than a
/// pool per backend). Named here so the rest of Patron says `db::Backend`, not which.
pub type Backend = sqlx::Any;
/// One connection of the pool (a grouped write's, an import's, a test's).
pub type Conn = sqlx::AnyConnection;
/// A row as a query returns it.
pub type DbRow = sqlx::any::AnyRow;
/// The arguments a statement binds.
pub type Arguments = sqlx::any::AnyArguments;
/// A transaction on the pool.
pub type Tx = Transaction<'static, Backend>;

/// Which SQL the database speaks, where the two differ (docs/postgres.md: each difference
/// in one place, here and in [`dialect`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The dialect of the database a URL names (`sqlite:` or `postgres:`/`postgresql:`).
    pub fn of_url(url: &str) -> Option<Dialect> {
        let scheme = url.split(':').next()?.to_ascii_lowercase();
        match scheme.as_str() {
            "sqlite" => Some(Dialect::Sqlite),
            "postgres" | "postgresql" => Some(Dialect::Postgres),
            _ => None,
        }
    }

    /// The dialect of the database a connection is to.
    pub fn of(conn: &Conn) -> Dialect {
        if conn.backend_name() == "PostgreSQL" { Dialect::Postgres } else { Dialect::Sqlite }
    }
}

/// The database: a pool of connections and the PII key. Cheap to clone (two `Arc`s).
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    dialect: Dialect,
    pii: Arc<PiiKey>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key's Debug shows its fingerprint only.
        f.debug_struct("Db").field("dialect", &self.dialect).field("pii", &self.pii).finish()
    }
}

impl Db {
    pub fn new(pool: AnyPool, dialect: Dialect, pii: Arc<PiiKey>) -> Db {
        Db { pool, dialect, pii }
    }

    /// The pool itself, for what only the server does with it (its options, closing it).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Which SQL the database speaks.
    pub fn dialect(&self) -> Dialect {
        self.dialect
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
    pub fn opened(&self, row: &DbRow, column: &str) -> sqlx::Result<Option<String>> {
        let sealed: Option<String> = row.try_get(column)?;
        Ok(self.pii.open_opt(sealed.as_deref())?)
    }

    /// [`Db::opened`] for a column that is text whenever there is a row ("" for NULL).
    pub fn opened_text(&self, row: &DbRow, column: &str) -> sqlx::Result<String> {
        Ok(self.opened(row, column)?.unwrap_or_default())
    }

    /// Whether the database has a table of this name.
    pub async fn has_table(&self, name: &str) -> sqlx::Result<bool> {
        let sql = match self.dialect {
            Dialect::Sqlite => "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1)",
            Dialect::Postgres => "SELECT to_regclass($1) IS NOT NULL",
        };
        let Flag(found) = sqlx::query_scalar(sql).bind(name).fetch_one(self).await?;
        Ok(found)
    }

    pub async fn begin(&self) -> sqlx::Result<Tx> {
        self.pool.begin().await
    }

    /// A transaction that writes: on SQLite `BEGIN IMMEDIATE`, which takes the database's
    /// one write lock at once, so a transaction that reads and then writes never meets
    /// another writer between the two (it would fail with SQLITE_BUSY, not wait). On
    /// PostgreSQL the same guarantee from one advisory lock ([`writer_lock`]), which holds
    /// across every server of the database. This and [`begin_write_on`] (a connection of
    /// its own) are the places that say how a write transaction begins.
    pub async fn begin_write(&self) -> sqlx::Result<Tx> {
        match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Dialect::Postgres => {
                let mut tx = self.pool.begin().await?;
                writer_lock(&mut tx).await?;
                Ok(tx)
            }
        }
    }

    pub async fn acquire(&self) -> sqlx::Result<PoolConnection<Backend>> {
        self.pool.acquire().await
    }

    pub async fn close(&self) {
        self.pool.close().await
    }
}

/// The advisory lock every writing transaction takes on PostgreSQL, until it ends.
///
/// The write paths were written for SQLite's one writer at a time: a signup reads whether
/// the email is known and then adds or updates, a redemption reads the balance and then
/// takes from it. Under PostgreSQL's row locks two such transactions (two tills, two
/// servers) could both read before either wrote — two customers for one email, a reward
/// redeemed twice (the suite's concurrency tests failed so). One lock for all of them keeps
/// that guarantee across servers; reads never take it. Finer locks per customer would let
/// writes to different customers overlap: what bounds write throughput on PostgreSQL today
/// (docs/postgres.md, docs/benchmark.md).
const WRITER_LOCK: i64 = 0x7061_7472_6f6e; // "patron"

/// [`Db::begin_write`] on a connection of its own (taken out of the pool for good, as the
/// analytics appender's and mover's are): the same two ways of beginning a write.
pub async fn begin_write_on(conn: &mut Conn) -> sqlx::Result<Transaction<'_, Backend>> {
    use sqlx::Connection as _;
    match Dialect::of(conn) {
        Dialect::Sqlite => conn.begin_with("BEGIN IMMEDIATE").await,
        Dialect::Postgres => {
            let mut tx = conn.begin().await?;
            writer_lock(&mut tx).await?;
            Ok(tx)
        }
    }
}

/// Takes [`WRITER_LOCK`] in the transaction `conn` has begun (nothing on SQLite, whose
/// `BEGIN IMMEDIATE` is the same lock).
pub async fn writer_lock(conn: &mut Conn) -> sqlx::Result<()> {
    if Dialect::of(conn) == Dialect::Postgres {
        sqlx::query("SELECT CAST(1 AS BIGINT) FROM (SELECT pg_advisory_xact_lock($1)) AS taken")
            .bind(WRITER_LOCK)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Moves PostgreSQL's id sequences past the ids rows were given explicitly (a bulk load, a
/// copy from another database, a test's fixture), so the next row added gets a new one.
/// SQLite takes the largest id plus one by itself: nothing to do there.
pub async fn advance_ids(conn: &mut Conn) -> sqlx::Result<()> {
    if Dialect::of(conn) == Dialect::Sqlite {
        return Ok(());
    }
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
    )
    .fetch_all(&mut *conn)
    .await?;
    for table in tables {
        // The names come from the schema itself.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT CAST(setval(pg_get_serial_sequence('\"{table}\"', 'id'), coalesce(max(id), 0) + 1, false) AS BIGINT)
             FROM \"{table}\""
        )))
        .fetch_one(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Runs statements that bind the same text parameters (`$1`, `$2`, … in each): on SQLite
/// sent as one, since a round trip to its thread per statement was what the analytics
/// ingest spent most on; on PostgreSQL one by one, as it takes one command per prepared
/// statement.
pub async fn execute_all(conn: &mut Conn, statements: &[String], parameters: &[&str]) -> sqlx::Result<()> {
    use sqlx::Executor as _;
    let run = |sql: String| {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for p in parameters {
            query = query.bind(p.to_string());
        }
        query
    };
    match Dialect::of(conn) {
        Dialect::Sqlite => {
            conn.execute(run(statements.join(";\n"))).await?;
        }
        Dialect::Postgres => {
            for statement in statements {
                conn.execute(run(statement.clone())).await?;
            }
        }
    }
    Ok(())
}

/// A column of a row as JSON, by the type of its value: a number, a string (a blob in
/// hex), `true`/`false` or `null`. For what reads rows it does not know the shape of (an
/// operator's query, a customer's data export).
pub fn json_value(row: &DbRow, column: usize) -> sqlx::Result<serde_json::Value> {
    use serde_json::Value;
    use sqlx::ValueRef as _;
    use sqlx::any::AnyTypeInfoKind as Kind;
    let raw = row.try_get_raw(column)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    Ok(match raw.type_info().kind() {
        Kind::Bool => row.try_get::<bool, _>(column)?.into(),
        Kind::SmallInt | Kind::Integer | Kind::BigInt => row.try_get::<i64, _>(column)?.into(),
        Kind::Real | Kind::Double => row.try_get::<f64, _>(column)?.into(),
        Kind::Blob => hex::encode(row.try_get::<Vec<u8>, _>(column)?).into(),
        Kind::Text | Kind::Null => row.try_get::<String, _>(column)?.into(),
    })
}

impl<'c> Executor<'c> for &'c Db {
    type Database = Backend;

    fn fetch_many<'e, 'q: 'e, E>(self, query: E) -> BoxStream<'e, sqlx::Result<Either<AnyQueryResult, DbRow>>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Backend>,
    {
        (&self.pool).fetch_many(query)
    }

    fn fetch_optional<'e, 'q: 'e, E>(self, query: E) -> BoxFuture<'e, sqlx::Result<Option<DbRow>>>
    where
        'c: 'e,
        E: 'q + Execute<'q, Backend>,
    {
        (&self.pool).fetch_optional(query)
    }

    fn prepare_with<'e>(self, sql: SqlStr, parameters: &'e [AnyTypeInfo]) -> BoxFuture<'e, sqlx::Result<AnyStatement>>
    where
        'c: 'e,
    {
        (&self.pool).prepare_with(sql, parameters)
    }
}
