//! Server functions of backups: the owner's list and "back up now".

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupFile {
    pub name: String,
    /// When the copy was taken (UTC, the stored time format).
    pub taken_at: String,
    pub bytes: u64,
}

/// Where backups go, how many are kept, and those there are, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupList {
    pub dir: String,
    pub keep: usize,
    /// No backup, or none in the last day.
    pub overdue: bool,
    pub files: Vec<BackupFile>,
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::files::BackupPlace;
    use crate::error::AppError;
    use crate::staff::StaffRow;

    /// The owner's check and where backups go.
    pub async fn owner_and_place() -> Result<(StaffRow, BackupPlace), AppError> {
        let staff = crate::staff::guard::require_staff(crate::domain::Role::Owner).await?;
        let place = leptos::prelude::use_context::<BackupPlace>()
            .ok_or_else(|| AppError::internal("server function context", "no backup place"))?;
        Ok((staff, place))
    }
}

#[server(prefix = "/api/admin", endpoint = "list_backups")]
pub async fn list_backups() -> Result<BackupList, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, place) = ssr::owner_and_place().await?;
            let files = super::files::list(&place).map_err(|e| AppError::internal("listing backups", e))?;
            let day_ago = crate::domain::iso_timestamp(crate::server_ctx::now() - 24 * 3600);
            let overdue = files.first().is_none_or(|f| f.taken_at < day_ago);
            Ok(BackupList { dir: place.dir.display().to_string(), keep: place.keep, overdue, files })
        }
        .await,
    )
}

/// Takes a backup now (the request waits for it: seconds for a shop, about a minute at a
/// million customers).
#[server(prefix = "/api/admin", endpoint = "start_backup")]
pub async fn start_backup() -> Result<BackupFile, AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, place) = ssr::owner_and_place().await?;
            let pool = crate::server_ctx::pool()?;
            let now = crate::server_ctx::now();
            let file = super::files::backup(&pool, &place, now).await.map_err(|e| match e {
                super::files::BackupError::Postgres => {
                    AppError::Conflict(crate::staff::texts::of_caller().refusals().backups_postgres.into())
                }
                e => AppError::internal("backup", e),
            })?;
            crate::staff::audit::note(&staff, crate::staff::audit::AuditAction::BackedUp, None, None, &file.name)
                .await?;
            Ok(file)
        }
        .await,
    )
}
