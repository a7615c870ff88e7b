//! The SQLite pool and the embedded migrations.

use crate::pii::PiiKey;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{SqlStr, SqlitePool};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("invalid database URL {url:?}: {source}")]
    Url { url: String, source: sqlx::Error },
    #[error("could not create the database directory {dir}: {source}")]
    Dir { dir: String, source: std::io::Error },
    #[error("could not open the database: {0}")]
    Open(#[source] sqlx::Error),
    #[error("could not apply the database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Settle(#[from] crate::pii::SettleError),
    #[error(transparent)]
    Key(#[from] crate::pii::key::KeyError),
    #[error("could not publish the sites' privacy policies: {0}")]
    Policy(#[source] sqlx::Error),
}

/// Every migration, compiled into the binary so a lone `patron` file can set up its database.
fn migrator() -> Migrator {
    let files: [(i64, &str, &'static str); 42] = [
        (1, "foundation", include_str!("../migrations/0001_foundation.sql")),
        (2, "surveys", include_str!("../migrations/0002_surveys.sql")),
        (3, "shop", include_str!("../migrations/0003_shop.sql")),
        (4, "warranty", include_str!("../migrations/0004_warranty.sql")),
        (5, "profile", include_str!("../migrations/0005_profile.sql")),
        (6, "site_settings", include_str!("../migrations/0006_site_settings.sql")),
        (7, "customer_record", include_str!("../migrations/0007_customer_record.sql")),
        (8, "analytics", include_str!("../migrations/0008_analytics.sql")),
        (9, "analytics_params", include_str!("../migrations/0009_analytics_params.sql")),
        (10, "visit_flags", include_str!("../migrations/0010_visit_flags.sql")),
        (11, "lookup_by_name", include_str!("../migrations/0011_lookup_by_name.sql")),
        (12, "segments", include_str!("../migrations/0012_segments.sql")),
        (13, "merges", include_str!("../migrations/0013_merges.sql")),
        (14, "imports", include_str!("../migrations/0014_imports.sql")),
        (15, "purchase_windows", include_str!("../migrations/0015_purchase_windows.sql")),
        (16, "login_throttle", include_str!("../migrations/0016_login_throttle.sql")),
        (17, "audit_log", include_str!("../migrations/0017_audit_log.sql")),
        (18, "data_rights", include_str!("../migrations/0018_data_rights.sql")),
        (19, "pii_at_rest", include_str!("../migrations/0019_pii_at_rest.sql")),
        (20, "audit_commands", include_str!("../migrations/0020_audit_commands.sql")),
        (21, "retention", include_str!("../migrations/0021_retention.sql")),
        (22, "privacy_policy", include_str!("../migrations/0022_privacy_policy.sql")),
        (23, "analytics_days", include_str!("../migrations/0023_analytics_days.sql")),
        (24, "mail", include_str!("../migrations/0024_mail.sql")),
        (25, "webhooks", include_str!("../migrations/0025_webhooks.sql")),
        (26, "api", include_str!("../migrations/0026_api.sql")),
        (27, "automation", include_str!("../migrations/0027_automation.sql")),
        (28, "loyalty", include_str!("../migrations/0028_loyalty.sql")),
        (29, "loyalty_join", include_str!("../migrations/0029_loyalty_join.sql")),
        (30, "lookup_ranges", include_str!("../migrations/0030_lookup_ranges.sql")),
        (31, "segment_indexes", include_str!("../migrations/0031_segment_indexes.sql")),
        (32, "analytics_live", include_str!("../migrations/0032_analytics_live.sql")),
        (33, "purchase_windows_gender", include_str!("../migrations/0033_purchase_windows_gender.sql")),
        (34, "sign_in_guards", include_str!("../migrations/0034_sign_in_guards.sql")),
        (35, "typed_contacts", include_str!("../migrations/0035_typed_contacts.sql")),
        (36, "public_limits", include_str!("../migrations/0036_public_limits.sql")),
        (37, "do_not_sell", include_str!("../migrations/0037_do_not_sell.sql")),
        (38, "audit_append_only", include_str!("../migrations/0038_audit_append_only.sql")),
        (39, "change_sources", include_str!("../migrations/0039_change_sources.sql")),
        (40, "password_resets", include_str!("../migrations/0040_password_resets.sql")),
        (41, "import_pieces", include_str!("../migrations/0041_import_pieces.sql")),
        (42, "health_probe", include_str!("../migrations/0042_health_probe.sql")),
    ];
    Migrator::with_migrations(
        files
            .into_iter()
            .map(|(version, name, sql)| {
                Migration::new(version, name.into(), MigrationType::Simple, SqlStr::from_static(sql), false)
            })
            .collect(),
    )
}

/// Opens (creating if needed) the database, brings its schema up to date and seals what
/// an older version left plain. Every connection gets the `pii_*` SQL functions under `key`.
///
/// WAL lets the admin read while widgets write. `synchronous = FULL` makes every commit
/// durable through a power cut, not just a crash of Patron: a visitor who was thanked for
/// signing up must still be there. Its cost (one fsync per commit) is what grouping the
/// widgets' writes (`app::writer::grouped`) is for. Only the analytics writer's own
/// connection commits with `NORMAL` (see `ingest`).
pub async fn connect(url: &str, key: &Arc<PiiKey>, lock_wait: Duration) -> Result<SqlitePool, DbError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| DbError::Url { url: url.to_owned(), source })?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Deleted and overwritten content is zeroed in the file, not left in free space:
        // an erased customer or a corrected email must not stay readable in the bytes.
        .pragma("secure_delete", "on")
        .busy_timeout(lock_wait);
    let file = options.get_filename();
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty() && file.to_str() != Some(":memory:")) {
        std::fs::create_dir_all(dir).map_err(|source| DbError::Dir { dir: dir.display().to_string(), source })?;
    }
    let key = Arc::clone(key);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .after_connect(move |conn, _| {
            let key = Arc::clone(&key);
            Box::pin(async move { crate::pii::register(conn, &key).await })
        })
        .after_release(|conn, _| Box::pin(still_usable(conn)))
        .connect_with(options)
        .await
        .map_err(DbError::Open)?;
    migrate(&pool).await?;
    Ok(pool)
}

/// Whether a connection given back to the pool can serve again. When a commit fails on a
/// full disk, SQLite has already rolled the transaction back, so the ROLLBACK sqlx sends
/// fails too and sqlx goes on believing a transaction is open: every later `BEGIN` on that
/// connection failed ("non-zero transaction depth"), long after the disk had room again.
/// Such a connection is closed here, and the pool opens a fresh one.
async fn still_usable(conn: &mut sqlx::SqliteConnection) -> sqlx::Result<bool> {
    use sqlx::Connection;
    use sqlx_core::transaction::TransactionManager;
    // The ping waits behind the rollback a dropped transaction queued.
    conn.ping().await?;
    Ok(sqlx::sqlite::SqliteTransactionManager::get_transaction_depth(conn) == 0)
}

/// Brings the schema up to date and seals plain PII (after opening, and after a restore
/// of an older backup).
pub async fn migrate(pool: &SqlitePool) -> Result<(), DbError> {
    migrator().run(pool).await?;
    crate::pii::settle(pool).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let embedded: Vec<String> =
            migrator().migrations.iter().map(|m| format!("{:04}_{}.sql", m.version, m.description)).collect();
        assert_eq!(embedded, files);
    }
}
