//! `patron restore`: copies a backup over the live database with SQLite's online backup
//! API, page by page under SQLite's own locks, so a running server waits for the copy and
//! then reads and writes the restored data (it keeps no state of its own in memory).
//! sqlx has no binding for this API; it is four calls, made here on the raw handles sqlx
//! lends out. SQLite only: a PostgreSQL install uses PostgreSQL's tools.

use app::db::Db;
use libsqlite3_sys as ffi;
use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("{file} is not a whole SQLite database: {why}")]
    Damaged { file: String, why: String },
    #[error("{file} is not a Patron database")]
    NotPatron { file: String },
    #[error("the database is PostgreSQL: restore it with PostgreSQL's own tools (pg_restore)")]
    NotSqlite,
    #[error("copying the backup failed: SQLite error {0}")]
    Copy(i32),
    #[error(
        "{file} was sealed with the key {backup}, but the key in use is {key}: restore it with the key it was \
         made with (PATRON_SECRET_KEY or PATRON_KEY_FILE), or it could not be read"
    )]
    OtherKey { file: String, backup: String, key: String },
    #[error(transparent)]
    Migrate(#[from] crate::db::DbError),
}

/// Restores `from` over the database of `pool`, then brings its schema up to date (a
/// backup from an older Patron gets the newer migrations).
pub async fn restore(pool: &Db, from: &Path) -> Result<(), RestoreError> {
    let file = from.display().to_string();
    let options = SqliteConnectOptions::new().filename(from).read_only(true);
    let mut source = SqliteConnection::connect_with(&options).await?;
    let check: String = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&mut source)
        .await
        .map_err(|e| RestoreError::Damaged { file: file.clone(), why: e.to_string() })?;
    if check != "ok" {
        return Err(RestoreError::Damaged { file, why: check });
    }
    let is_patron: bool =
        sqlx::query_scalar("SELECT count(*) = 1 FROM sqlite_master WHERE type = 'table' AND name = 'customers'")
            .fetch_one(&mut source)
            .await?;
    if !is_patron {
        return Err(RestoreError::NotPatron { file });
    }
    // A backup from before PII was sealed has no fingerprint: it is sealed after the copy.
    let backup_key: Option<String> =
        sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = 'pii_key_fingerprint'")
            .fetch_optional(&mut source)
            .await
            .or_else(|e| if e.to_string().contains("no such table") { Ok(None) } else { Err(e) })?;
    let key = pool.pii().fingerprint().to_owned();
    if let Some(backup) = backup_key.filter(|b| *b != key) {
        return Err(RestoreError::OtherKey { file, backup, key });
    }
    // A connection of its own to the live file: sqlx's `Any` pool lends no raw handle.
    let Some(live) = crate::db::sqlite_file(pool) else { return Err(RestoreError::NotSqlite) };
    let mut target = SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(live)).await?;
    {
        let mut from_handle = source.lock_handle().await?;
        let mut to_handle = target.lock_handle().await?;
        // SAFETY: both handles are open connections, and while the `LockedSqliteHandle`s
        // live sqlx's worker threads make no calls on them; the backup object is finished
        // before they are released.
        let code = unsafe { copy(to_handle.as_raw_handle().as_ptr(), from_handle.as_raw_handle().as_ptr()) };
        if code != ffi::SQLITE_OK {
            return Err(RestoreError::Copy(code));
        }
    }
    source.close().await?;
    target.close().await?;
    crate::db::migrate(pool).await?;
    tracing::info!(file = %from.display(), "backup restored");
    Ok(())
}

/// Copies every page of `from` into `to`; waits while another connection holds a lock.
///
/// # Safety
/// `to` and `from` must be open SQLite connections that nothing else uses meanwhile.
unsafe fn copy(to: *mut ffi::sqlite3, from: *mut ffi::sqlite3) -> i32 {
    let main = c"main";
    // SAFETY: as the caller promises; `main` outlives the backup object.
    unsafe {
        let backup = ffi::sqlite3_backup_init(to, main.as_ptr(), from, main.as_ptr());
        if backup.is_null() {
            return ffi::sqlite3_errcode(to);
        }
        loop {
            match ffi::sqlite3_backup_step(backup, -1) {
                ffi::SQLITE_DONE => break,
                ffi::SQLITE_OK | ffi::SQLITE_BUSY | ffi::SQLITE_LOCKED => {
                    ffi::sqlite3_sleep(20);
                }
                _ => break,
            }
        }
        // The first error of any step, or SQLITE_OK.
        ffi::sqlite3_backup_finish(backup)
    }
}
