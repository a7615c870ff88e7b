//! SQL of imports: the upload, the job's progress, and a known customer's row: the file's
//! values where they differ, logged in the record's history (new customers go in a chunk
//! at a time: `customers_db`). A second import of the same file changes nothing.

use super::api::ImportProgress;
use super::kind::ImportKind;
use super::rows::Row;
use crate::customer_changes::{ChangeSource, Set, set_in};
use crate::db::Conn;
use crate::db::Db;
use crate::domain::{Country, CustomerField, CustomerId, FieldValue, SiteId, StaffId};
use crate::pii::PiiKey;
use sqlx::Row as _;

/// An upload of products or purchases may not grow past this (characters): it is read
/// whole (`reading`).
pub const MAX_CONTENT: i64 = 20_000_000;
/// An upload of customers, read a batch at a time (`customers_file`), may grow to this:
/// ~4 million rows of a newsletter tool's export, sealed ~1.4 times that on disk until
/// the import ends.
pub const MAX_CUSTOMERS_CONTENT: i64 = 300_000_000;

pub async fn start(pool: &Db, site: SiteId, staff: StaffId, kind: ImportKind, file_name: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("INSERT INTO imports (site_id, staff_id, kind, file_name) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(site)
        .bind(staff)
        .bind(kind.code())
        .bind(file_name)
        .fetch_one(pool)
        .await
}

/// Pieces opened per query: ~256 KB of text (pieces are at most 4,000 characters).
const PIECES_PER_READ: i64 = 64;

/// The uploaded text of import `id` in order, a batch of pieces at a time, each opened:
/// what an older version appended to its `content`, then its pieces. An upload may be
/// ~300 MB; what reads it holds a batch.
pub struct UploadedText {
    id: i64,
    /// The last piece read; None before `content`.
    after: Option<i64>,
}

impl UploadedText {
    pub fn new(id: i64) -> UploadedText {
        UploadedText { id, after: None }
    }

    /// The next stretch of text; None after the last.
    pub async fn next(&mut self, conn: &mut Conn, pii: &PiiKey) -> sqlx::Result<Option<String>> {
        let Some(after) = self.after else {
            self.after = Some(0);
            let content: String =
                sqlx::query_scalar("SELECT content FROM imports WHERE id = $1").bind(self.id).fetch_one(conn).await?;
            return Ok(Some(pii.open(&content)?));
        };
        let pieces: Vec<(i64, String)> =
            sqlx::query_as("SELECT n, content FROM import_pieces WHERE import_id = $1 AND n > $2 ORDER BY n LIMIT $3")
                .bind(self.id)
                .bind(after)
                .bind(PIECES_PER_READ)
                .fetch_all(conn)
                .await?;
        let Some(&(last, _)) = pieces.last() else { return Ok(None) };
        self.after = Some(last);
        let mut text = String::new();
        for (_, piece) in pieces {
            text.push_str(&pii.open(&piece)?);
        }
        Ok(Some(text))
    }
}

/// The whole uploaded text of import `id`.
pub async fn uploaded_text(conn: &mut Conn, pii: &PiiKey, id: i64) -> sqlx::Result<String> {
    let mut upload = UploadedText::new(id);
    let mut text = String::new();
    while let Some(more) = upload.next(conn, pii).await? {
        text.push_str(&more);
    }
    Ok(text)
}

/// Whether upload `id` names `email` (in any case; given in lower case) or `phone`, read a
/// batch of pieces at a time: the end of each batch is kept, so a name cut between two
/// pieces is found.
pub async fn upload_names(conn: &mut Conn, pii: &PiiKey, id: i64, email: &str, phone: &str) -> sqlx::Result<bool> {
    if email.is_empty() && phone.is_empty() {
        return Ok(false);
    }
    // What is kept of a batch: one character less than the longer name.
    let keep = email.chars().count().max(phone.chars().count()) - 1;
    let mut upload = UploadedText::new(id);
    let mut window = String::new();
    while let Some(more) = upload.next(conn, pii).await? {
        let cut = match keep {
            0 => window.len(),
            _ => window.char_indices().rev().nth(keep - 1).map_or(0, |(i, _)| i),
        };
        window.drain(..cut);
        window.push_str(&more);
        if (!email.is_empty() && window.to_lowercase().contains(email)) || (!phone.is_empty() && window.contains(phone))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Appends a piece of the file to an upload in progress; false if there is no such upload
/// or it would grow too big. The file is personal data, so it waits sealed, a piece at a
/// time (sealing each piece once: the cost grows with the file, not with its square).
pub async fn append(pool: &Db, site: SiteId, id: i64, piece: &str) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let grown = sqlx::query(
        "UPDATE imports SET size = size + $1, updated_at = $5
         WHERE id = $2 AND site_id = $3 AND status = 'uploading'
           AND size + $1 <= CASE kind WHEN $6 THEN $7 ELSE $4 END",
    )
    .bind(piece.chars().count() as i64)
    .bind(id)
    .bind(site)
    .bind(MAX_CONTENT)
    .bind(crate::db::now())
    .bind(ImportKind::Customers.code())
    .bind(MAX_CUSTOMERS_CONTENT)
    .execute(&mut *tx)
    .await?;
    if grown.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO import_pieces (import_id, n, content)
         VALUES ($1, (SELECT coalesce(max(n), 0) + 1 FROM import_pieces WHERE import_id = $1), $2)",
    )
    .bind(id)
    .bind(pool.pii().seal(piece))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// What an import of `site` still waiting to run brings in.
pub async fn waiting_kind(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<ImportKind>> {
    let kind: Option<String> =
        sqlx::query_scalar("SELECT kind FROM imports WHERE id = $1 AND site_id = $2 AND status = 'uploading'")
            .bind(id)
            .bind(site)
            .fetch_optional(pool)
            .await?;
    Ok(kind.map(|k| ImportKind::from_code(&k).unwrap_or_default()))
}

/// The uploaded file of an import of products or purchases still waiting to run, whole.
pub async fn content(pool: &Db, id: i64) -> sqlx::Result<String> {
    uploaded_text(&mut *pool.acquire().await?, pool.pii(), id).await
}

/// Marks the import running with its mapping and row count; false if it is not waiting.
/// `skipped` rows with problems are left out (staff chose to import the valid rows).
pub async fn begin_run(
    pool: &Db,
    site: SiteId,
    id: i64,
    mapping: &str,
    total: usize,
    skipped: usize,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE imports SET status = 'running', mapping = $1, total_rows = $2, skipped = $3,
                updated_at = $6
         WHERE id = $4 AND site_id = $5 AND status = 'uploading'",
    )
    .bind(mapping)
    .bind(total as i64)
    .bind(skipped as i64)
    .bind(id)
    .bind(site)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a chunk's outcome, in the chunk's own transaction.
/// `done` rows (orders, for purchases) more are in.
pub async fn progress(conn: &mut Conn, id: i64, done: usize, counts: [i64; 3]) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE imports SET done_rows = done_rows + $5, created = created + $1, updated = updated + $2,
                unchanged = unchanged + $3, updated_at = $6 WHERE id = $4",
    )
    .bind(counts[0])
    .bind(counts[1])
    .bind(counts[2])
    .bind(id)
    .bind(done as i64)
    .bind(crate::db::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends the job; the uploaded file (customer data) is not kept.
pub async fn finish(pool: &Db, id: i64, ok: bool) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE imports SET status = $1, content = '', updated_at = $3 WHERE id = $2")
        .bind(if ok { "done" } else { "failed" })
        .bind(id)
        .bind(crate::db::now())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM import_pieces WHERE import_id = $1").bind(id).execute(&mut *tx).await?;
    tx.commit().await
}

/// How long a running import may go without noting progress before it is taken for
/// stopped with its server. A chunk notes it every 10,000 rows, seconds apart; reading the
/// largest file through before the first chunk takes a few minutes.
const STALLED_MINUTES: i64 = 15;

/// The import's progress. A running import that has not moved for `STALLED_MINUTES` was
/// stopped with its server (killed, restarted, out of disk) and nothing will finish it:
/// it is marked failed here, so its page says so (run it again: rows already in are not
/// duplicated) instead of showing a bar that never moves until retention's daily sweep.
pub async fn status(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<ImportProgress>> {
    let stalled_before = crate::db::now_plus(-STALLED_MINUTES * 60);
    let row = sqlx::query(
        "SELECT status, total_rows, done_rows, created, updated, unchanged, skipped,
                CAST(CASE WHEN status = 'running' AND updated_at < $3 THEN 1 ELSE 0 END AS BIGINT) AS stalled
         FROM imports WHERE id = $1 AND site_id = $2",
    )
    .bind(id)
    .bind(site)
    .bind(&stalled_before)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let mut progress = ImportProgress {
        status: r.get("status"),
        total: r.get("total_rows"),
        done: r.get("done_rows"),
        created: r.get("created"),
        updated: r.get("updated"),
        unchanged: r.get("unchanged"),
        skipped: r.get("skipped"),
    };
    if r.get::<i64, _>("stalled") == 1 && fail_stalled(pool, id, &stalled_before).await? {
        progress.status = "failed".into();
    }
    Ok(Some(progress))
}

/// Marks the running import `id` failed if it has still not moved since `stalled_before`
/// (it may have, between the read and this write), its pieces going with it. True if so.
async fn fail_stalled(pool: &Db, id: i64, stalled_before: &str) -> sqlx::Result<bool> {
    let mut tx = pool.begin().await?;
    let failed = sqlx::query(
        "UPDATE imports SET status = 'failed', content = '', updated_at = $3
         WHERE id = $1 AND status = 'running' AND updated_at < $2",
    )
    .bind(id)
    .bind(stalled_before)
    .bind(crate::db::now())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if failed {
        tracing::warn!(import = id, "an import stopped moving (its server stopped?): marked failed");
        sqlx::query("DELETE FROM import_pieces WHERE import_id = $1").bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(failed)
}

/// What applying a row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// The row with its phone number as a site of `country` stores it (E.164 where it has
/// one), so it finds the customer who has it in any spelling.
pub fn phone_in_country(row: &Row, country: Option<&Country>) -> Row {
    let mut row = row.clone();
    for (field, value) in &mut row.values {
        if let (CustomerField::Phone, FieldValue::Text(typed)) = (*field, &*value)
            && let Ok(phone) = crate::domain::Phone::parse(typed)
        {
            *value = FieldValue::Text(phone.in_country(country).as_str().to_owned());
        }
    }
    row
}

/// Gives customer `id` the row's values where they differ (each change in the record's
/// history) and its tags: whether anything changed.
pub async fn update(conn: &mut Conn, pii: &PiiKey, id: i64, staff: StaffId, row: &Row) -> sqlx::Result<Outcome> {
    let mut changed = false;
    for (field, value) in &row.values {
        // An email another customer of the site has is left as it was (the file's rows
        // matched by phone may carry one): the row's other fields still go in.
        let set = set_in(conn, pii, CustomerId(id), Some(staff), ChangeSource::Staff, *field, value).await?;
        changed |= set == Set::Changed;
    }
    changed |= tag(conn, id, &row.tags).await?;
    Ok(if changed { Outcome::Updated } else { Outcome::Unchanged })
}

/// Adds tags; whether any was new.
async fn tag(conn: &mut Conn, id: i64, tags: &[String]) -> sqlx::Result<bool> {
    let mut added = false;
    for t in tags {
        let done = sqlx::query("INSERT INTO customer_tags (customer_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(t)
            .execute(&mut *conn)
            .await?;
        added |= done.rows_affected() > 0;
    }
    Ok(added)
}
