//! The seed's SQL. Rows travel as one JSON array per chunk, unpacked by SQLite's own
//! `jsonb_each`: binding every value separately through the driver was the bottleneck
//! (about 60,000 rows a second); one bound text per chunk moves hundreds of thousands.
//! `jsonb_each` rather than `json_each` hands each row over parsed once, not once per
//! column (as the analytics ingest, `app::analytics::db::write_batch`). PostgreSQL reads
//! the rows as objects with `jsonb_populate_recordset`, which gives each value its
//! column's type.

use app::db::{Conn, Dialect};
use app::pii::PiiKey;
use app::pii::blind::Plain;
use serde::Serialize;

/// One value of a generated row.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum V {
    I(i64),
    T(String),
    S(&'static str),
    Null,
}

/// Inserts `rows` (each with `columns.len()` values) into `table`, none of them sealed
/// (customers go through [`insert_customers`]).
pub async fn insert(conn: &mut Conn, table: &str, columns: &[&str], rows: &[Vec<V>]) -> sqlx::Result<()> {
    assert!(!columns.iter().any(|c| app::sealed::is_sealed(table, c)), "{table} has sealed columns");
    insert_with(conn, table, columns, &[], rows).await
}

/// Inserts customers with plain names, emails and the like: sealed here, with their blind
/// indexes worked out (the indexes travel in hex, which JSON can carry).
pub async fn insert_customers(conn: &mut Conn, pii: &PiiKey, columns: &[&str], rows: &[Vec<V>]) -> sqlx::Result<()> {
    let at = |name: &str| columns.iter().position(|c| *c == name);
    let (first, last, email, phone) = (at("first_name"), at("last_name"), at("email"), at("phone"));
    let text = |row: &[V], i: Option<usize>| match i.map(|i| &row[i]) {
        Some(V::T(s)) => Some(s.clone()),
        Some(V::S(s)) => Some((*s).to_owned()),
        _ => None,
    };
    let mut sealed_rows = Vec::with_capacity(rows.len());
    for row in rows {
        let (f, l, e, p) = (text(row, first), text(row, last), text(row, email), text(row, phone));
        let plain =
            Plain { first_name: f.as_deref(), last_name: l.as_deref(), email: e.as_deref(), phone: p.as_deref() };
        let mut sealed: Vec<V> = columns
            .iter()
            .zip(row)
            .map(|(column, value)| match (app::sealed::is_sealed("customers", column), value) {
                (true, V::T(s)) => V::T(pii.seal(s)),
                (true, V::S(s)) => V::T(pii.seal(s)),
                _ => value.clone(),
            })
            .collect();
        sealed.extend(
            plain.indexes(pii).into_iter().map(|(_, index)| index.map_or(V::Null, |b| V::T(hex::encode_upper(b)))),
        );
        sealed_rows.push(sealed);
    }
    let names: Vec<&str> = Plain::default().indexes(pii).into_iter().map(|(name, _)| name).collect();
    insert_with(conn, "customers", columns, &names, &sealed_rows).await
}

/// The insert of `columns` and then `hex_columns`, which are bytes given in hex.
async fn insert_with(
    conn: &mut Conn,
    table: &str,
    columns: &[&str],
    hex_columns: &[&str],
    rows: &[Vec<V>],
) -> sqlx::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let all: Vec<&str> = columns.iter().chain(hex_columns).copied().collect();
    if Dialect::of(conn) == Dialect::Postgres {
        // Objects by column name; bytes as BYTEA's own hex text (`\x…`).
        let objects: Vec<serde_json::Map<String, serde_json::Value>> = rows
            .iter()
            .map(|row| {
                let pairs = all.iter().zip(row).enumerate().map(|(i, (column, value))| {
                    let value = match value {
                        V::T(hex) if i >= columns.len() => serde_json::Value::String(format!("\\x{hex}")),
                        other => serde_json::to_value(other).unwrap_or_default(),
                    };
                    ((*column).to_owned(), value)
                });
                pairs.collect()
            })
            .collect();
        let names: Vec<String> = all.iter().map(|c| (*c).to_owned()).collect();
        crate::db::insert_records(conn, table, &names, &objects).await?;
        return Ok(());
    }
    let values = (0..columns.len())
        .map(|i| format!("value ->> {i}"))
        .chain((columns.len()..all.len()).map(|i| format!("unhex(value ->> {i})")))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("INSERT INTO {table} ({}) SELECT {values} FROM jsonb_each($1)", all.join(", "));
    let json = serde_json::to_string(rows).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(sqlx::AssertSqlSafe(sql)).bind(json).execute(&mut *conn).await?;
    Ok(())
}

/// Drops the named indexes of the tables the seed fills and returns their definitions:
/// building an index once from all rows (a sort) is far faster than updating it row by
/// row in random order. The constraints' own indexes (UNIQUE) stay. On SQLite: on
/// PostgreSQL they all stay.
pub async fn drop_indexes(conn: &mut Conn, tables: &[&str]) -> sqlx::Result<Vec<String>> {
    if Dialect::of(conn) == Dialect::Postgres {
        return Ok(Vec::new());
    }
    let all: Vec<(String, String, String)> =
        sqlx::query_as("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .fetch_all(&mut *conn)
            .await?;
    let mut definitions = Vec::new();
    for (name, _, sql) in all.into_iter().filter(|(_, t, _)| tables.contains(&t.as_str())) {
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP INDEX \"{}\"", name.replace('"', ""))))
            .execute(&mut *conn)
            .await?;
        definitions.push(sql);
    }
    Ok(definitions)
}

/// Builds the indexes `drop_indexes` took away, from their own definitions.
pub async fn create_indexes(conn: &mut Conn, definitions: &[String]) -> sqlx::Result<()> {
    for sql in definitions {
        sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut *conn).await?;
    }
    Ok(())
}

/// How many rows `table` has (the seed fills only an empty database).
pub async fn count(conn: &mut Conn, table: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}"))).fetch_one(&mut *conn).await
}

/// The demo site's catalogue: (id, name, price in minor units).
pub async fn catalogue(conn: &mut Conn) -> sqlx::Result<Vec<(i64, String, i64)>> {
    sqlx::query_as("SELECT id, name, price_minor FROM catalogue_items WHERE site_id = 1 ORDER BY id")
        .fetch_all(&mut *conn)
        .await
}

/// Ids of the demo's active options of a question (`reasons`, `heard`).
pub async fn options(conn: &mut Conn, question: &str) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM question_options WHERE site_id = 1 AND question = $1 AND active = 1 ORDER BY position",
    )
    .bind(question)
    .fetch_all(&mut *conn)
    .await
}

/// The demo's newest English newsletter wording: (id, body, version).
pub async fn consent_text(conn: &mut Conn) -> sqlx::Result<(i64, String, i64)> {
    sqlx::query_as(
        "SELECT id, body, version FROM consent_texts WHERE site_id = 1 AND purpose = 'newsletter' AND language = 'en'
         ORDER BY version DESC LIMIT 1",
    )
    .fetch_one(&mut *conn)
    .await
}

/// Fast and unsafe against power loss: fine for a database the seed makes from nothing.
/// Makes the purchase-window triggers idle during the bulk insert: they only keep the
/// windows of sites that have them.
pub async fn forget_windows(conn: &mut Conn) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM purchase_windows_day").execute(&mut *conn).await?;
    sqlx::query("DELETE FROM purchase_windows").execute(&mut *conn).await?;
    Ok(())
}

/// Builds every site's purchase windows from the purchases written, for the day of `now`.
pub async fn build_windows(conn: &mut Conn, now: i64) -> sqlx::Result<()> {
    let sites: Vec<i64> = sqlx::query_scalar("SELECT id FROM sites").fetch_all(&mut *conn).await?;
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for site in sites {
        app::segment_rules::windows::build(&mut tx, app::domain::SiteId(site), now).await?;
    }
    tx.commit().await
}

/// SQLite's settings for a bulk load on this connection (PostgreSQL needs none).
pub async fn bulk_mode(conn: &mut Conn) -> sqlx::Result<()> {
    if Dialect::of(conn) == Dialect::Postgres {
        return Ok(());
    }
    sqlx::query("PRAGMA synchronous = OFF").execute(&mut *conn).await?;
    // Keep the indexes being filled in memory rather than re-reading them from the file.
    sqlx::query("PRAGMA cache_size = -262144").execute(&mut *conn).await?;
    Ok(())
}
