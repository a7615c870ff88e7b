//! Server functions of the CSV import. The browser uploads the file in pieces (each
//! request stays under the server's body limit), staff map columns to fields, a dry run
//! lists every bad row by line, and the import runs in the background in chunks, each its
//! own transaction, while the page polls the progress kept in the database.

use crate::domain::RowProblem;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub columns: Vec<String>,
    /// The first rows, as in the file.
    pub rows: Vec<Vec<String>>,
    /// The field each column seems to be, `""` for none.
    pub suggested: Vec<String>,
    pub total_rows: usize,
}

/// What a dry run found: every problem, and what the good rows would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DryRun {
    pub problems: Vec<RowProblem>,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// uploading, running, done or failed.
    pub status: String,
    pub total: i64,
    pub done: i64,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
}

/// Rows per transaction while an import runs.
pub const CHUNK_ROWS: usize = 200;
/// Characters per upload request: at most ~48 KiB form-encoded even for 4-byte characters.
pub const PIECE_CHARS: usize = 4_000;

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::admin::import::rows::{self, Row};
    use crate::domain::{Field, FieldErrors, Problem, SiteId};

    pub fn bad_file(e: csv::Error) -> AppError {
        let line = e.position().map_or(0, |p| p.line() as usize);
        AppError::InvalidRows(vec![RowProblem { row: line, field: Field::Row, problem: Problem::BadCharacters }])
    }

    /// The upload and its rows under `mapping` (JSON array of targets), or the problems.
    pub async fn parsed(
        pool: &sqlx::SqlitePool,
        site: SiteId,
        id: i64,
        mapping: &str,
    ) -> Result<(Vec<Row>, Vec<RowProblem>), AppError> {
        let content = super::super::db::content(pool, site, id).await?.ok_or(AppError::NotFound)?;
        let mapping: Vec<String> = serde_json::from_str(mapping)
            .map_err(|_| AppError::Invalid(FieldErrors::one(Field::Mapping, Problem::UnknownOption)))?;
        let (columns, _, _) = rows::preview(&content, 0).map_err(bad_file)?;
        let targets = rows::check_mapping(columns.len(), &mapping)
            .map_err(|p| AppError::Invalid(FieldErrors::one(Field::Mapping, p)))?;
        rows::rows(&content, &targets).map_err(bad_file)
    }
}

#[server(prefix = "/api/admin", endpoint = "start_import")]
pub async fn start_import(site: String, file_name: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
            Ok(super::db::start(&pool, site, staff.id, &name).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "append_import")]
pub async fn append_import(site: String, id: i64, piece: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            if super::db::append(&pool, site, id, &piece).await? {
                Ok(())
            } else {
                Err(AppError::Conflict("This upload is finished, unknown, or larger than 20 MB.".into()))
            }
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "preview_import")]
pub async fn preview_import(site: String, id: i64) -> Result<Preview, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let content = super::db::content(&pool, site, id).await?.ok_or(AppError::NotFound)?;
            let (columns, rows, total_rows) = super::rows::preview(&content, 5).map_err(ssr::bad_file)?;
            let suggested = columns.iter().map(|c| super::rows::suggest(c).to_owned()).collect();
            Ok(Preview { columns, rows, suggested, total_rows })
        }
        .await,
    )
}

/// The dry run: every bad row, and what the rest would do, found by applying them in a
/// transaction that is rolled back.
#[server(prefix = "/api/admin", endpoint = "check_import")]
pub async fn check_import(site: String, id: i64, mapping: String) -> Result<DryRun, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::db::Outcome;
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (rows, problems) = ssr::parsed(&pool, site, id, &mapping).await?;
            let mut counts = [0i64; 3];
            let (_turn, mut tx) = crate::writer::begin(&pool).await?;
            for row in &rows {
                match super::db::apply(&mut tx, site, staff.id, row).await? {
                    Outcome::Created => counts[0] += 1,
                    Outcome::Updated => counts[1] += 1,
                    Outcome::Unchanged => counts[2] += 1,
                }
            }
            tx.rollback().await?;
            Ok(DryRun { problems, created: counts[0], updated: counts[1], unchanged: counts[2] })
        }
        .await,
    )
}

/// Starts the import of a file without problems; the page follows it with `import_status`.
#[server(prefix = "/api/admin", endpoint = "run_import")]
pub async fn run_import(site: String, id: i64, mapping: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (rows, problems) = ssr::parsed(&pool, site, id, &mapping).await?;
            if !problems.is_empty() {
                return Err(AppError::InvalidRows(problems));
            }
            if !super::db::begin_run(&pool, site, id, &mapping, rows.len()).await? {
                return Err(AppError::Conflict("This import is running or done already.".into()));
            }
            let detail = format!("import {id}, {} rows", rows.len());
            crate::staff::audit::note(&staff, crate::staff::audit::AuditAction::Imported, Some(site), None, &detail)
                .await?;
            tokio::spawn(async move {
                let result = run(&pool, site, staff.id, id, &rows).await;
                if let Err(e) = &result {
                    tracing::error!(error = %e, import = id, "import failed");
                }
                if let Err(e) = super::db::finish(&pool, id, result.is_ok()).await {
                    tracing::error!(error = %e, import = id, "import: could not record the end");
                }
            });
            Ok(())
        }
        .await,
    )
}

/// The rows in chunks, each chunk and its progress in one transaction.
#[cfg(feature = "ssr")]
async fn run(
    pool: &sqlx::SqlitePool,
    site: crate::domain::SiteId,
    staff: crate::domain::StaffId,
    id: i64,
    rows: &[super::rows::Row],
) -> sqlx::Result<()> {
    use super::db::Outcome;
    for chunk in rows.chunks(CHUNK_ROWS) {
        let (_turn, mut tx) = crate::writer::begin(pool).await?;
        let mut counts = [0i64; 3];
        for row in chunk {
            match super::db::apply(&mut tx, site, staff, row).await? {
                Outcome::Created => counts[0] += 1,
                Outcome::Updated => counts[1] += 1,
                Outcome::Unchanged => counts[2] += 1,
            }
        }
        super::db::progress(&mut tx, id, counts).await?;
        tx.commit().await?;
    }
    Ok(())
}

#[server(prefix = "/api/admin", endpoint = "import_status")]
pub async fn import_status(site: String, id: i64) -> Result<ImportProgress, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            super::db::status(&pool, site, id).await?.ok_or(AppError::NotFound)
        }
        .await,
    )
}
