//! `patron sql`: one read-only query, its rows as JSON (like `sqlite3 -json`), with every
//! sealed value opened under the key, so an operator (or a browser test) can read what is
//! sealed: `SELECT email FROM customers` prints the addresses.

use app::db::Db;
use serde_json::{Map, Value};
use sqlx::{Column, Row, TypeInfo, ValueRef};

pub async fn json_rows(pool: &Db, query: &str) -> sqlx::Result<Value> {
    let mut conn = pool.acquire().await?;
    // The query is the operator's own, from their command line; query_only keeps it a read.
    sqlx::query("PRAGMA query_only = ON").execute(&mut *conn).await?;
    let rows = sqlx::query(sqlx::AssertSqlSafe(query.to_owned())).fetch_all(&mut *conn).await;
    sqlx::query("PRAGMA query_only = OFF").execute(&mut *conn).await?;
    let mut out = Vec::new();
    for row in rows? {
        let mut object = Map::new();
        for (i, column) in row.columns().iter().enumerate() {
            let raw = row.try_get_raw(i)?;
            let value = if raw.is_null() {
                Value::Null
            } else {
                match raw.type_info().name() {
                    "INTEGER" => row.try_get::<i64, _>(i)?.into(),
                    "REAL" => row.try_get::<f64, _>(i)?.into(),
                    "BLOB" => hex::encode(row.try_get::<Vec<u8>, _>(i)?).into(),
                    _ => opened(pool, row.try_get::<String, _>(i)?)?.into(),
                }
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
