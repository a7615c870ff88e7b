//! SQL of backups.

use crate::db::Db;
use std::path::Path;

/// Writes a consistent copy of the whole database to `path` (which must not exist).
/// `VACUUM INTO` reads one snapshot, so writers carry on while it runs and none of their
/// half-done transactions is in the copy.
pub async fn vacuum_into(pool: &Db, path: &Path) -> sqlx::Result<()> {
    sqlx::query("VACUUM INTO ?").bind(path.to_string_lossy().into_owned()).execute(pool).await?;
    Ok(())
}
