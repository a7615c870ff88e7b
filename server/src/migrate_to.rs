//! `patron migrate-to postgres://…`: copies this install's SQLite database into an empty
//! PostgreSQL database in one transaction, sealed values as they are (the same key opens
//! them), and keeps the copy only when every table holds as many rows on both sides.
//!
//! The PostgreSQL database gets its own schema first (its migrations, as a server starting
//! on it would). The copy then replaces the rows those migrations insert (the demo site and
//! its settings) with the install's own, table by table, parents before children, with the
//! tables' triggers off: the rows come as they were, and must not queue webhook events, move
//! purchase windows or trip the append-only rules again.

use app::db::{Conn, Db, Dialect};
use futures_util::TryStreamExt as _;
use serde_json::{Map, Value};
use sqlx::{AssertSqlSafe, Column as _, Row as _, ValueRef as _};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("the database configured is not SQLite: migrate-to copies a SQLite install")]
    NotSqlite,
    #[error("{0} is not a PostgreSQL address (postgres://user@host/database)")]
    NotPostgres(String),
    #[error(
        "the PostgreSQL database holds a shop already ({customers} customers, {staff} staff users): copy into an empty one"
    )]
    NotEmpty { customers: i64, staff: i64 },
    #[error("the table {0} is in the SQLite database but not in PostgreSQL's schema")]
    MissingTable(String),
    #[error("{table}: {here} rows here, {there} in PostgreSQL after the copy; nothing was kept")]
    Count { table: String, here: i64, there: i64 },
    #[error("{table}: {source}")]
    Table { table: String, source: sqlx::Error },
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
}

/// Rows sent to PostgreSQL in one statement.
const CHUNK: usize = 2_000;

/// Copies `source` (SQLite) into `target` (PostgreSQL, its schema made by its migrations)
/// and returns each table with its rows, in the order they were copied.
pub async fn migrate(source: &Db, target: &Db) -> Result<Vec<(String, i64)>, MigrateError> {
    if source.dialect() != Dialect::Sqlite {
        return Err(MigrateError::NotSqlite);
    }
    let (customers, staff): (i64, i64) =
        sqlx::query_as("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM staff_users)")
            .fetch_one(target)
            .await?;
    if customers > 0 || staff > 0 {
        return Err(MigrateError::NotEmpty { customers, staff });
    }
    let tables = parents_first(target).await?;
    let here: BTreeSet<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         AND name <> '_sqlx_migrations'",
    )
    .fetch_all(source)
    .await?
    .into_iter()
    .collect();
    if let Some(missing) = here.iter().find(|t| !tables.contains(t)) {
        return Err(MigrateError::MissingTable(missing.clone()));
    }

    // One read of the SQLite file: the tables agree with each other even if a server is
    // still writing to it (stop it first all the same: what it writes later is not copied).
    let mut read = source.begin().await?;
    let mut tx = target.begin().await?;
    for table in tables.iter().rev() {
        sqlx::query(AssertSqlSafe(format!("ALTER TABLE {table} DISABLE TRIGGER USER"))).execute(&mut *tx).await?;
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
    }
    let mut copied = Vec::new();
    for table in tables.iter().filter(|t| here.contains(*t)) {
        copy_table(&mut read, &mut tx, table)
            .await
            .map_err(|source| MigrateError::Table { table: table.clone(), source })?;
        let count = format!("SELECT count(*) FROM {table}");
        let here: i64 = sqlx::query_scalar(AssertSqlSafe(count.clone())).fetch_one(&mut *read).await?;
        let there: i64 = sqlx::query_scalar(AssertSqlSafe(count)).fetch_one(&mut *tx).await?;
        if there != here {
            return Err(MigrateError::Count { table: table.clone(), here, there });
        }
        copied.push((table.clone(), here));
    }
    for table in &tables {
        sqlx::query(AssertSqlSafe(format!("ALTER TABLE {table} ENABLE TRIGGER USER"))).execute(&mut *tx).await?;
    }
    app::db::advance_ids(&mut tx).await?;
    tx.commit().await?;
    read.rollback().await?;
    Ok(copied)
}

/// PostgreSQL's tables (but sqlx's own), each after the tables its foreign keys name.
async fn parents_first(target: &Db) -> sqlx::Result<Vec<String>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(target)
    .await?;
    let edges: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT CAST(k.table_name AS TEXT), CAST(u.table_name AS TEXT)
         FROM information_schema.referential_constraints r
         JOIN information_schema.key_column_usage k
           ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
         JOIN information_schema.constraint_column_usage u
           ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
         WHERE r.constraint_schema = current_schema()",
    )
    .fetch_all(target)
    .await?;
    let mut parents: BTreeMap<&str, BTreeSet<&str>> = tables.iter().map(|t| (t.as_str(), BTreeSet::new())).collect();
    for (child, parent) in &edges {
        // A row naming another of its table (none today) is left to the order of the ids.
        if child != parent {
            parents.entry(child.as_str()).or_default().insert(parent.as_str());
        }
    }
    // Kahn's order, by name within a round: the same order every time.
    let mut ordered: Vec<String> = Vec::new();
    while !parents.is_empty() {
        let ready: Vec<&str> =
            parents.iter().filter(|(_, p)| p.iter().all(|p| ordered.iter().any(|o| o == p))).map(|(t, _)| *t).collect();
        if ready.is_empty() {
            // A cycle of foreign keys (none today): the rest in name order, and PostgreSQL
            // says which row it refuses.
            ordered.extend(parents.keys().map(|t| (*t).to_owned()));
            break;
        }
        for table in ready {
            parents.remove(table);
            ordered.push(table.to_owned());
        }
    }
    Ok(ordered)
}

/// Copies every row of `table` in chunks; how many went in.
async fn copy_table(source: &mut Conn, target: &mut Conn, table: &str) -> sqlx::Result<i64> {
    let columns: BTreeSet<String> = sqlx::query_scalar(
        "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1",
    )
    .bind(table)
    .fetch_all(&mut *target)
    .await?
    .into_iter()
    .collect();
    let mut rows = sqlx::query(AssertSqlSafe(format!("SELECT * FROM {table}"))).fetch(source);
    let (mut chunk, mut names, mut count) = (Vec::with_capacity(CHUNK), Vec::new(), 0i64);
    while let Some(row) = rows.try_next().await? {
        if names.is_empty() {
            names = row.columns().iter().map(|c| c.name().to_owned()).filter(|c| columns.contains(c)).collect();
        }
        chunk.push(object(&row, &columns)?);
        if chunk.len() == CHUNK {
            count += crate::db::insert_records(target, table, &names, &chunk).await?;
            chunk.clear();
        }
    }
    if !chunk.is_empty() {
        count += crate::db::insert_records(target, table, &names, &chunk).await?;
    }
    Ok(count)
}

/// A SQLite row as a JSON object of the columns PostgreSQL's table has; bytes in BYTEA's
/// hex text (`\x…`), which `jsonb_populate_recordset` reads into a BYTEA column.
fn object(row: &app::db::DbRow, columns: &BTreeSet<String>) -> sqlx::Result<Map<String, Value>> {
    let mut object = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        if !columns.contains(column.name()) {
            continue;
        }
        let raw = row.try_get_raw(i)?;
        let value = if !raw.is_null() && raw.type_info().kind() == sqlx::any::AnyTypeInfoKind::Blob {
            Value::String(format!("\\x{}", hex::encode(row.try_get::<Vec<u8>, _>(i)?)))
        } else {
            app::db::json_value(row, i)?
        };
        object.insert(column.name().to_owned(), value);
    }
    Ok(object)
}
