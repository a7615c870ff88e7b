//! Server functions of the CSV import. The browser uploads the file in pieces (each
//! request stays under the server's body limit), staff map columns to fields, a dry run
//! lists every bad row by line (and hands them back as CSV to fix), and the import runs in
//! the background in chunks, each its own transaction, while the page polls the progress
//! kept in the database. Staff may import the valid rows of a file that has bad ones.

use crate::domain::RowProblem;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub columns: Vec<String>,
    /// The first rows, as in the file.
    pub rows: Vec<Vec<String>>,
    /// The target each column seems to be, `""` for none.
    pub suggested: Vec<String>,
    /// What a column can be imported as, by code (the page names them), `""` to skip it.
    pub targets: Vec<String>,
    pub total_rows: usize,
}

/// What a dry run found: the problems, and what the good rows would do. For purchases,
/// `created` counts purchases, `updated` the customers they add, `unchanged` the orders
/// already here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DryRun {
    /// The first [`SHOWN_PROBLEMS`] problems.
    pub problems: Vec<RowProblem>,
    pub problem_count: usize,
    /// The rows left out, as CSV with a "Problem" column, to fix and import again.
    pub rejected_csv: String,
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
    /// Rows with problems left out.
    pub skipped: i64,
}

/// Rows per transaction while products are imported.
pub const CHUNK_ROWS: usize = 200;
/// Characters per upload request: at most ~48 KiB form-encoded even for 4-byte characters.
pub const PIECE_CHARS: usize = 4_000;
/// Problems a dry run lists on the page (all are in the rejected rows' CSV).
pub const SHOWN_PROBLEMS: usize = 500;

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::reading::{Reading, SiteTerms};
    use crate::domain::SiteId;
    use crate::error::AppError;

    /// A file of products or purchases (customers are read a batch at a time), read
    /// whole under `mapping`.
    pub async fn read_whole(
        pool: &crate::db::Db,
        kind: super::super::ImportKind,
        id: i64,
        mapping: &str,
        terms: &SiteTerms,
    ) -> Result<Reading, AppError> {
        let content = super::super::db::content(pool, id).await?;
        Reading::new(kind, &content, mapping, terms)
    }

    /// The kind of upload `id` of `site`, waiting to run, and the site's terms.
    pub async fn waiting(
        pool: &crate::db::Db,
        site: SiteId,
        id: i64,
    ) -> Result<(super::super::ImportKind, SiteTerms), AppError> {
        let kind = super::super::db::waiting_kind(pool, site, id).await?.ok_or(AppError::NotFound)?;
        Ok((kind, SiteTerms::of(pool, site).await?))
    }
}

#[server(prefix = "/api/admin", endpoint = "start_import")]
pub async fn start_import(site: String, kind: String, file_name: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let kind = super::ImportKind::from_code(&kind).ok_or_else(|| {
                AppError::Invalid(crate::domain::FieldErrors::one(
                    crate::domain::Field::Mapping,
                    crate::domain::Problem::UnknownOption,
                ))
            })?;
            let name: String = file_name.chars().filter(|c| !c.is_control()).take(200).collect();
            Ok(super::db::start(&pool, site, staff.id, kind, &name).await?)
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
                Err(AppError::Conflict(crate::staff::texts::of_caller().refusals().upload_closed.into()))
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
            let (kind, terms) = ssr::waiting(&pool, site, id).await?;
            // The header, the first rows, and how many there are: the file read a batch at a time.
            let (columns, mut records) = super::upload::UploadRecords::open(&pool, id).await?;
            let (mut rows, mut total_rows) = (Vec::new(), 0);
            while let Some(batch) = records.next_batch().await? {
                total_rows += batch.len();
                rows.extend(batch.into_iter().map(|(_, r)| r).take(5usize.saturating_sub(rows.len())));
            }
            let targets = terms.targets(kind);
            let suggested = columns.iter().map(|c| kind.suggest(c)).collect();
            Ok(Preview { columns, rows, suggested, targets, total_rows })
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
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (kind, terms) = ssr::waiting(&pool, site, id).await?;
            let w = crate::staff::texts::of_caller();
            if kind == super::ImportKind::Customers {
                use super::customers_file::{Apply, apply, scan};
                let scan = scan(&pool, id, &mapping, &terms, w).await?;
                let counts = apply(&pool, site, staff.id, id, &terms, &scan, Apply::DryRun).await?;
                return Ok(DryRun {
                    problem_count: scan.problem_count,
                    problems: scan.problems,
                    rejected_csv: scan.rejected_csv,
                    created: counts[0],
                    updated: counts[1],
                    unchanged: counts[2],
                });
            }
            let reading = ssr::read_whole(&pool, kind, id, &mapping, &terms).await?;
            let mut counts = [0i64; 3];
            let (_turn, mut tx) = crate::writer::begin(&pool).await?;
            for chunk in reading.chunks() {
                let done = reading.apply(&mut tx, pool.pii(), site, id, &terms, chunk).await?;
                counts.iter_mut().zip(done).for_each(|(c, d)| *c += d);
            }
            tx.rollback().await?;
            let rejected_csv = if reading.problems.is_empty() { String::new() } else { reading.rejected_csv(w) };
            Ok(DryRun {
                problems: reading.problems.iter().take(SHOWN_PROBLEMS).copied().collect(),
                problem_count: reading.problems.len(),
                rejected_csv,
                created: counts[0],
                updated: counts[1],
                unchanged: counts[2],
            })
        }
        .await,
    )
}

/// Starts the import; the page follows it with `import_status`. A file with problems is
/// refused whole unless `valid_only`: then its good rows go in and the bad are counted.
#[server(prefix = "/api/admin", endpoint = "run_import")]
pub async fn run_import(site: String, id: i64, mapping: String, valid_only: bool) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (kind, terms) = ssr::waiting(&pool, site, id).await?;
            let w = crate::staff::texts::of_caller();
            let (job, good, skipped) = if kind == super::ImportKind::Customers {
                let scan = super::customers_file::scan(&pool, id, &mapping, &terms, w).await?;
                if scan.problem_count > 0 && !valid_only {
                    return Err(AppError::InvalidRows(scan.problems));
                }
                let (good, skipped) = (scan.good, scan.rejected);
                (Job::Customers(scan), good, skipped)
            } else {
                let reading = ssr::read_whole(&pool, kind, id, &mapping, &terms).await?;
                if !reading.problems.is_empty() && !valid_only {
                    return Err(AppError::InvalidRows(reading.problems.into_iter().take(SHOWN_PROBLEMS).collect()));
                }
                let (good, skipped) = (reading.good_rows(), reading.rejected_lines().len());
                (Job::Whole(reading), good, skipped)
            };
            if !super::db::begin_run(&pool, site, id, &mapping, good, skipped).await? {
                return Err(AppError::Conflict(w.refusals().import_started.into()));
            }
            let detail = format!("import {id}, {good} rows, {skipped} left out");
            crate::staff::audit::note(&staff, crate::staff::audit::AuditAction::Imported, Some(site), None, &detail)
                .await?;
            tokio::spawn(async move {
                let result = run(&pool, site, staff.id, id, &job, &terms).await;
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

/// What a started import goes through: a customers file, read again a batch at a time,
/// or a file of products or purchases, read whole.
#[cfg(feature = "ssr")]
enum Job {
    Customers(super::customers_file::Scan),
    Whole(super::reading::Reading),
}

/// The good rows in chunks, each chunk and its progress in one transaction.
#[cfg(feature = "ssr")]
async fn run(
    pool: &crate::db::Db,
    site: crate::domain::SiteId,
    staff: crate::domain::StaffId,
    id: i64,
    job: &Job,
    terms: &super::reading::SiteTerms,
) -> sqlx::Result<()> {
    match job {
        Job::Customers(scan) => {
            use super::customers_file::{Apply, apply};
            let counts = apply(pool, site, staff, id, terms, scan, Apply::Import).await?;
            // The file is read again as it goes in: one that came up short (its pieces
            // gone) fails rather than ends done.
            let applied: i64 = counts.iter().sum();
            if applied != scan.good as i64 {
                return Err(sqlx::Error::Protocol(format!(
                    "{applied} of the file's {} good rows were read",
                    scan.good
                )));
            }
        }
        Job::Whole(reading) => {
            for chunk in reading.chunks() {
                let (_turn, mut tx) = crate::writer::begin(pool).await?;
                let rows = chunk.len();
                let counts = reading.apply(&mut tx, pool.pii(), site, id, terms, chunk).await?;
                super::db::progress(&mut tx, id, rows, counts).await?;
                tx.commit().await?;
            }
        }
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
