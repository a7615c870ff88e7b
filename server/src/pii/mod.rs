//! PII at rest: customers' names, email, phone and street, sealed in the database under a
//! key that never enters it (see migration 0019 for what is sealed and what is not).

pub mod key;
pub mod rotate;

/// The cipher lives in `app` (the features seal and open with it); the server loads its key.
pub use app::pii::{PiiKey, cipher};
pub use key::{KeySource, LoadedKey, SecretKey};

use app::db::Db;
use app::domain::CustomerId;

#[derive(Debug, thiserror::Error)]
pub enum SettleError {
    #[error(
        "the database was sealed with the key {database}, but the key in use is {key}: start Patron with the key \
         this database was made with (PATRON_SECRET_KEY or PATRON_KEY_FILE)"
    )]
    WrongKey { database: String, key: String },
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
}

/// After the migrations: a database records the fingerprint of the first key it meets and
/// refuses any other (a wrong key would fail on every read, or worse, mix two keys), then
/// seals every plain value older versions (or a restored old backup) left, and works out
/// the blind indexes a customer lacks (a value sealed here, or written by a version whose
/// triggers kept them). Returns how many values it sealed.
pub async fn settle(pool: &Db) -> Result<u64, SettleError> {
    let pii = pool.pii();
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO server_secrets (name, value) VALUES ('pii_key_fingerprint', $1) ON CONFLICT DO NOTHING")
        .bind(pii.fingerprint())
        .execute(&mut *tx)
        .await?;
    let database: String = sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = 'pii_key_fingerprint'")
        .fetch_one(&mut *tx)
        .await?;
    if database != pii.fingerprint() {
        return Err(SettleError::WrongKey { database, key: pii.fingerprint().to_owned() });
    }
    let mut sealed = 0;
    for (table, column) in app::sealed::SEALED {
        // Only the plain values come back (a sealed one starts with the prefix): every start
        // runs this, and most rows are sealed.
        let (k1, k2) = app::sealed::row_key(table);
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {k1}, {k2}, {column} FROM {table}
             WHERE {column} IS NOT NULL AND {column} <> '' AND substr({column}, 1, length($1)) <> $1"
        )))
        .bind(app::pii::cipher::PREFIX)
        .fetch_all(&mut *tx)
        .await?;
        for (first, second, value) in rows {
            sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE {table} SET {column} = $1 WHERE {k1} = $2 AND {k2} = $3")))
                .bind(pii.seal(&value))
                .bind(first)
                .bind(second)
                .execute(&mut *tx)
                .await?;
            sealed += 1;
        }
    }
    let unindexed: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM customers
         WHERE (email <> '' AND (email_hash IS NULL OR email_prefix IS NULL))
            OR (phone <> '' AND (phone_hash IS NULL OR phone_prefix IS NULL))
            OR (first_name <> '' AND first_name_prefix IS NULL)
            OR (last_name <> '' AND last_name_prefix IS NULL)",
    )
    .fetch_all(&mut *tx)
    .await?;
    for id in &unindexed {
        app::pii::blind::refresh(&mut tx, pii, CustomerId(*id)).await?;
    }
    tx.commit().await?;
    if sealed > 0 {
        tracing::info!(values = sealed, "sealed plain PII left by an older version");
    }
    if !unindexed.is_empty() {
        tracing::info!(customers = unindexed.len(), "worked out missing blind indexes");
    }
    Ok(sealed)
}
