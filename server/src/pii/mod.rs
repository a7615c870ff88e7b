//! PII at rest: customers' names, email, phone and street, sealed in the database under a
//! key that never enters it (see migration 0019 for what is sealed and what is not).

pub mod key;
pub mod rotate;
mod sql;

/// The cipher lives in `app` (the features seal and open with it); the server loads its key.
pub use app::pii::{PiiKey, cipher};
pub use key::{KeySource, LoadedKey, SecretKey};

use app::db::Db;
use sqlx::SqliteConnection;
use std::sync::Arc;

/// Gives a fresh connection the `pii_*` SQL functions (see [`sql`]).
pub async fn register(conn: &mut SqliteConnection, key: &Arc<PiiKey>) -> sqlx::Result<()> {
    let mut handle = conn.lock_handle().await?;
    // SAFETY: the locked handle is an open connection sqlx's worker leaves alone meanwhile.
    unsafe { sql::register(handle.as_raw_handle().as_ptr(), key) }
        .map_err(|code| sqlx::Error::Protocol(format!("could not register the pii functions: SQLite error {code}")))
}

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
/// seals every plain value older versions (or a restored old backup) left. Returns how
/// many values it sealed.
pub async fn settle(pool: &Db) -> Result<u64, SettleError> {
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO server_secrets (name, value) VALUES ('pii_key_fingerprint', pii_fingerprint()) ON CONFLICT DO NOTHING")
        .execute(&mut *tx)
        .await?;
    let (database, key): (String, String) =
        sqlx::query_as("SELECT value, pii_fingerprint() FROM server_secrets WHERE name = 'pii_key_fingerprint'")
            .fetch_one(&mut *tx)
            .await?;
    if database != key {
        return Err(SettleError::WrongKey { database, key });
    }
    let mut sealed = 0;
    for (table, column) in app::sealed::SEALED {
        let sql = format!("UPDATE {table} SET {column} = pii_seal({column}) WHERE NOT pii_is_sealed({column})");
        sealed += sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *tx).await?.rows_affected();
    }
    tx.commit().await?;
    if sealed > 0 {
        tracing::info!(values = sealed, "sealed plain PII left by an older version");
    }
    Ok(sealed)
}
