//! The customers import read a batch of its upload at a time (`upload`), so memory holds a
//! batch and the keys of the rows seen, not the file: one pass finds how the birthdays are
//! written (when a column is mapped to them), the next every problem, and applying the
//! good rows reads the file once more, 10,000 rows a transaction. Customers are the kind
//! shops bring by the hundred thousand (a newsletter tool's export); products and past
//! purchases are read whole (`reading`), an order's rows being checked together.

use super::api::SHOWN_PROBLEMS;
use super::customers_db::Prepared;
use super::kind::{ImportKind, check_mapping, problem_text};
use super::reading::SiteTerms;
use super::rows::{Record, Row, RowReader, cell};
use super::upload::UploadRecords;
use crate::csv_cells::csv_line;
use crate::db::Db;
use crate::domain::date_spelling::{DayOrder, DayOrderFinder};
use crate::domain::{Field, FieldErrors, Problem, RowProblem, SiteId, StaffId};
use crate::error::AppError;
use crate::staff::texts::AdminTexts;

/// Rows a transaction. A new customer goes into six indexes keyed by hashes, each insert
/// on a page of its own: a commit writes every page it changed to the WAL and copies it
/// into the file at the next checkpoint. With a million customers, 2,000 rows changed
/// ~10,000 pages a commit (~25 KB written a row); 10,000 rows land several to a page.
/// Measured at a million rows (`scripts/bench --import`): 15.2k rows/s with 2,000 a
/// transaction, 22.1k with 10,000, 23.8k with 20,000, whose chunks in memory took ~50 MB
/// more at the server's peak and held a signup up to ~0.8 s behind each (~0.4 s now).
const CHUNK: usize = 10_000;

/// What reading the whole file under a mapping found, before any of it goes in.
pub struct Scan {
    pub targets: Vec<Option<String>>,
    order: DayOrder,
    /// Rows that would go in.
    pub good: usize,
    /// The first [`SHOWN_PROBLEMS`] problems, and how many there are.
    pub problems: Vec<RowProblem>,
    pub problem_count: usize,
    /// Rows left out for their problems.
    pub rejected: usize,
    /// Those rows as CSV: the file's header, and a last column saying what is wrong.
    pub rejected_csv: String,
}

/// Reads upload `id` under `mapping` (a JSON array of targets): its problems in `w`'s words.
pub async fn scan(pool: &Db, id: i64, mapping: &str, terms: &SiteTerms, w: &AdminTexts) -> Result<Scan, AppError> {
    let mapping: Vec<String> = serde_json::from_str(mapping)
        .map_err(|_| AppError::Invalid(FieldErrors::one(Field::Mapping, Problem::UnknownOption)))?;
    let (header, mut records) = UploadRecords::open(pool, id).await?;
    let kind = ImportKind::Customers;
    let targets = check_mapping(kind, &terms.targets(kind), header.len(), &mapping)
        .map_err(|p| AppError::Invalid(FieldErrors::one(Field::Mapping, p)))?;
    let mut order = terms.day_order();
    if targets.iter().any(|t| t.as_deref() == Some("birthday")) {
        let mut finder = DayOrderFinder::default();
        while let Some(batch) = records.next_batch().await? {
            batch.iter().filter_map(|(_, r)| cell(r, &targets, "birthday")).for_each(|c| finder.add(c));
        }
        order = finder.order(order);
        records = UploadRecords::open(pool, id).await?.1;
    }
    let mut scan = Scan {
        targets,
        order,
        good: 0,
        problems: Vec::new(),
        problem_count: 0,
        rejected: 0,
        rejected_csv: String::new(),
    };
    let mut reader = RowReader::new(order);
    while let Some(batch) = records.next_batch().await? {
        let (rows, problems) = reader.read(&batch, &scan.targets);
        scan.good += rows.len();
        if problems.is_empty() {
            continue;
        }
        if scan.rejected_csv.is_empty() {
            let header = header.iter().map(|h| h.as_str().into());
            scan.rejected_csv = csv_line(header.chain([w.import().problem_column.into()]));
        }
        scan.rejected += rejected_lines(&batch, &problems, header.len(), w, &mut scan.rejected_csv);
        scan.problem_count += problems.len();
        let room = SHOWN_PROBLEMS.saturating_sub(scan.problems.len());
        scan.problems.extend(problems.into_iter().take(room));
    }
    Ok(scan)
}

/// Writes the records of `batch` that have problems as CSV lines to `out`, each with what
/// is wrong; how many. Both are in line order, so one walk pairs them.
fn rejected_lines(
    batch: &[Record],
    problems: &[RowProblem],
    columns: usize,
    w: &AdminTexts,
    out: &mut String,
) -> usize {
    let mut problems = problems.iter().peekable();
    let mut rejected = 0;
    for (line, record) in batch {
        let mut why = Vec::new();
        while let Some(p) = problems.next_if(|p| p.row == *line) {
            why.push(problem_text(w, p));
        }
        if why.is_empty() {
            continue;
        }
        rejected += 1;
        let mut cells = record.clone();
        cells.resize(columns, String::new());
        cells.push(why.join(" "));
        out.push_str(&csv_line(cells.iter().map(|c| c.as_str().into())));
    }
    rejected
}

/// Whether applying the rows keeps them (with the import's progress) or is a dry run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apply {
    Import,
    DryRun,
}

/// Applies the good rows of upload `id`, a chunk a transaction: created, updated,
/// unchanged. A dry run rolls each chunk back: no two rows of a file share an email or
/// phone, so a chunk's outcome does not hang on the ones before, and the writer is free
/// for signups between chunks.
///
/// Two things go on at once: the file is read and each chunk prepared (sealed, its blind
/// indexes worked out: `Prepared`, on a blocking thread) while the chunk before it is
/// written. One after the other, the writer's thread waited for that half of the work.
#[allow(clippy::too_many_arguments)] // where the rows go, who brings them, and how
pub async fn apply(
    pool: &Db,
    site: SiteId,
    staff: StaffId,
    id: i64,
    terms: &SiteTerms,
    scan: &Scan,
    how: Apply,
) -> sqlx::Result<[i64; 3]> {
    // One chunk read and prepared while one is written: two chunks in memory at most.
    let (ready, mut chunks) = tokio::sync::mpsc::channel::<sqlx::Result<Vec<Prepared>>>(1);
    let read = async move {
        if let Err(e) = prepare_chunks(pool, id, terms, scan, &ready).await {
            // The writer may have stopped already: then it has its own error to tell.
            let _ = ready.send(Err(e)).await;
        }
    };
    let write = async move {
        let mut counts = [0i64; 3];
        while let Some(chunk) = chunks.recv().await {
            let chunk = chunk?;
            let (_turn, mut tx) = crate::writer::begin(pool).await?;
            let done = super::customers_db::apply(&mut tx, pool.pii(), site, staff, &chunk).await?;
            match how {
                Apply::Import => {
                    super::db::progress(&mut tx, id, chunk.len(), done).await?;
                    tx.commit().await?;
                }
                Apply::DryRun => tx.rollback().await?,
            }
            counts.iter_mut().zip(done).for_each(|(c, d)| *c += d);
        }
        Ok(counts)
    };
    // The writer returning early (an error) drops its end of the line, and the reading
    // stops at its next chunk.
    tokio::join!(read, write).1
}

/// Reads upload `id`'s good rows and hands them to `ready` a prepared chunk at a time.
/// Its place in the line is taken before a chunk is read: so the chunk being written and
/// the next one are all that is in memory.
async fn prepare_chunks(
    pool: &Db,
    id: i64,
    terms: &SiteTerms,
    scan: &Scan,
    ready: &tokio::sync::mpsc::Sender<sqlx::Result<Vec<Prepared>>>,
) -> sqlx::Result<()> {
    let (_, mut records) = UploadRecords::open(pool, id).await?;
    let mut reader = RowReader::new(scan.order);
    let mut rows: Vec<Row> = Vec::new();
    let mut ended = false;
    while !(ended && rows.is_empty()) {
        // The writer stopped (its error is the import's).
        let Ok(place) = ready.reserve().await else { return Ok(()) };
        while rows.len() < CHUNK && !ended {
            match records.next_batch().await? {
                Some(batch) => rows.extend(reader.read(&batch, &scan.targets).0),
                None => ended = true,
            }
        }
        if rows.is_empty() {
            break;
        }
        let chunk: Vec<Row> = rows.drain(..rows.len().min(CHUNK)).collect();
        let (pii, country) = (pool.pii_shared(), terms.country.clone());
        let prepared = tokio::task::spawn_blocking(move || Prepared::all(&pii, country.as_ref(), &chunk))
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("preparing a chunk of the import: {e}")))?;
        place.send(Ok(prepared));
    }
    Ok(())
}
