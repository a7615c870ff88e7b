//! `patron sql`: one read-only query, its rows as JSON (like `sqlite3 -json`), with every
//! sealed value opened under the key, so an operator (or a browser test) can read what is
//! sealed: `SELECT email FROM customers` prints the addresses.

use app::db::{Db, Dialect};
use serde_json::{Map, Value};
use sqlx::{Column, Row};

pub async fn json_rows(pool: &Db, query: &str) -> sqlx::Result<Value> {
    // The query is the operator's own, from their command line; a read-only transaction
    // keeps it a read (on SQLite, `query_only`, which its transactions lack).
    let mut tx = pool.begin().await?;
    let read_only = match pool.dialect() {
        Dialect::Sqlite => "PRAGMA query_only = ON",
        Dialect::Postgres => "SET TRANSACTION READ ONLY",
    };
    sqlx::query(read_only).execute(&mut *tx).await?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(query.to_owned())).fetch_all(&mut *tx).await;
    if pool.dialect() == Dialect::Sqlite {
        sqlx::query("PRAGMA query_only = OFF").execute(&mut *tx).await?;
    }
    tx.rollback().await?;
    let mut out = Vec::new();
    for row in rows? {
        let mut object = Map::new();
        for (i, column) in row.columns().iter().enumerate() {
            let value = match app::db::json_value(&row, i)? {
                Value::String(text) => opened(pool, text)?.into(),
                other => other,
            };
            object.insert(column.name().to_owned(), value);
        }
        out.push(Value::Object(object));
    }
    Ok(Value::Array(out))
}

/// A text as it reads: opened when it is a sealed value.
fn opened(pool: &Db, text: String) -> sqlx::Result<String> {
    if text.is_empty() || !app::pii::PiiKey::looks_sealed(&text) { Ok(text) } else { Ok(pool.pii().open(&text)?) }
}
