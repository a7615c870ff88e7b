//! `patron rotate-key`: seals every sealed value again under a new key, works out the blind
//! indexes again and records the new fingerprint, all in one transaction — it happens whole or
//! not at all. The server must be stopped meanwhile and started with the new key after.

use super::cipher::{CannotOpen, PiiKey};
use app::db::Conn;
use app::db::Db;
use serde_json::Value;
use sqlx::{AssertSqlSafe, Row};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum RotateError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("{table}.{column} row {row} does not open with the current key: {source}")]
    CannotOpen { table: &'static str, column: String, row: i64, source: CannotOpen },
}

/// Re-seals everything from `old` to `new`; returns how many values it sealed again.
pub async fn rotate(pool: &Db, old: &PiiKey, new: &Arc<PiiKey>) -> Result<u64, RotateError> {
    let mut tx = pool.begin_write().await?;
    let mut sealed = 0;
    for (table, column) in app::sealed::SEALED {
        let (k1, k2) = app::sealed::row_key(table);
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {k1}, {k2}, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} <> ''"
        )))
        .fetch_all(&mut *tx)
        .await?;
        for row in rows {
            let (id, second, value): (i64, i64, String) = (row.get(0), row.get(1), row.get(2));
            let plain = old.open(&value).map_err(|source| RotateError::CannotOpen {
                table,
                column: column.to_owned(),
                row: id,
                source,
            })?;
            sqlx::query(AssertSqlSafe(format!("UPDATE {table} SET {column} = $1 WHERE {k1} = $2 AND {k2} = $3")))
                .bind(new.seal(&plain))
                .bind(id)
                .bind(second)
                .execute(&mut *tx)
                .await?;
            sealed += 1;
        }
    }
    sealed += merge_logs(&mut tx, old, new).await?;
    // The blind indexes, keyed by the new key too.
    let customers: Vec<i64> = sqlx::query_scalar("SELECT id FROM customers").fetch_all(&mut *tx).await?;
    for id in customers {
        app::pii::blind::refresh(&mut tx, new, app::domain::CustomerId(id)).await?;
    }
    sqlx::query("UPDATE server_secrets SET value = $1 WHERE name = 'pii_key_fingerprint'")
        .bind(new.fingerprint())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(sealed)
}

/// A merge log keeps the merged customer's row (sealed columns sealed) and the values it
/// filled in (`{"email": [before, after]}`): both are sealed again too.
async fn merge_logs(conn: &mut Conn, old: &PiiKey, new: &PiiKey) -> Result<u64, RotateError> {
    let rows = sqlx::query("SELECT id, source_row, filled FROM customer_merges").fetch_all(&mut *conn).await?;
    let mut sealed = 0;
    for row in rows {
        let id: i64 = row.get("id");
        let mut reseal = |column: &str, value: &mut Value| -> Result<(), RotateError> {
            if let Value::String(s) = value
                && !s.is_empty()
                && app::sealed::is_sealed("customers", column)
            {
                let plain = old.open(s).map_err(|source| RotateError::CannotOpen {
                    table: "customer_merges",
                    column: column.to_owned(),
                    row: id,
                    source,
                })?;
                *s = new.seal(&plain);
                sealed += 1;
            }
            Ok(())
        };
        let mut source_row: Value = serde_json::from_str(row.get("source_row")).unwrap_or(Value::Null);
        if let Value::Object(fields) = &mut source_row {
            for (column, value) in fields.iter_mut() {
                reseal(column, value)?;
            }
        }
        let mut filled: Value = serde_json::from_str(row.get("filled")).unwrap_or(Value::Null);
        if let Value::Object(fields) = &mut filled {
            for (column, pair) in fields.iter_mut() {
                if let Value::Array(values) = pair {
                    for value in values {
                        reseal(column, value)?;
                    }
                }
            }
        }
        sqlx::query("UPDATE customer_merges SET source_row = $1, filled = $2 WHERE id = $3")
            .bind(source_row.to_string())
            .bind(filled.to_string())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(sealed)
}
