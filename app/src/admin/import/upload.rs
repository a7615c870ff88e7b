//! An upload read back a batch of its pieces at a time, as CSV records: memory holds a
//! batch, not the file. Its text is what `rows` reads from a whole file: without a
//! byte-order mark, line ends made `\n` (the csv crate counts a CRLF file's lines one short).

use super::csv_pieces::CsvPieces;
use super::rows::Record;
use crate::db::Db;
use std::collections::VecDeque;

/// Pieces opened per query: ~256 KB of text (pieces are at most 4,000 characters).
const BATCH: i64 = 64;

/// The upload's text in order, a batch of pieces at a time.
struct Text<'a> {
    pool: &'a Db,
    id: i64,
    /// The last piece read; 0 before the first, -1 before what an older version kept in
    /// `imports.content`.
    after: i64,
    started: bool,
    /// The last text ended in `\r` (made `\n`): a `\n` next is the same line end.
    carried_cr: bool,
}

impl Text<'_> {
    async fn next(&mut self) -> sqlx::Result<Option<String>> {
        let raw = if self.after < 0 {
            self.after = 0;
            let content: String = sqlx::query_scalar("SELECT content FROM imports WHERE id = $1")
                .bind(self.id)
                .fetch_one(self.pool)
                .await?;
            self.pool.pii().open(&content)?
        } else {
            let pieces: Vec<(i64, String)> = sqlx::query_as(
                "SELECT n, content FROM import_pieces WHERE import_id = $1 AND n > $2 ORDER BY n LIMIT $3",
            )
            .bind(self.id)
            .bind(self.after)
            .bind(BATCH)
            .fetch_all(self.pool)
            .await?;
            let Some(&(last, _)) = pieces.last() else { return Ok(None) };
            self.after = last;
            let mut text = String::new();
            for (_, piece) in pieces {
                text.push_str(&self.pool.pii().open(&piece)?);
            }
            text
        };
        Ok(Some(self.normalised(&raw)))
    }

    fn normalised(&mut self, raw: &str) -> String {
        let mut raw = raw;
        if !self.started && !raw.is_empty() {
            self.started = true;
            raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        }
        let mut text = String::with_capacity(raw.len());
        for c in raw.chars() {
            match c {
                '\n' if self.carried_cr => {}
                '\r' => text.push('\n'),
                c => text.push(c),
            }
            self.carried_cr = c == '\r';
        }
        text
    }
}

/// An upload's records after its header, those that are not blank, a batch at a time.
pub struct UploadRecords<'a> {
    text: Text<'a>,
    csv: CsvPieces,
    waiting: VecDeque<Record>,
    ended: bool,
}

impl<'a> UploadRecords<'a> {
    /// The header of upload `id` (empty for an empty file) and its records to come. The
    /// delimiter is a semicolon when the first line has more semicolons than commas
    /// (spreadsheets in much of Europe save CSV that way).
    pub async fn open(pool: &'a Db, id: i64) -> sqlx::Result<(Vec<String>, UploadRecords<'a>)> {
        let mut text = Text { pool, id, after: -1, started: false, carried_cr: false };
        let mut start = String::new();
        let mut ended = false;
        while !start.contains('\n') {
            match text.next().await? {
                Some(more) => start.push_str(&more),
                None => {
                    ended = true;
                    break;
                }
            }
        }
        let first = start.lines().next().unwrap_or("");
        let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
        let mut records = UploadRecords { text, csv: CsvPieces::new(delimiter), waiting: VecDeque::new(), ended };
        records.take(start.as_bytes());
        if ended {
            records.csv.finish(|r| records.waiting.push_back(r));
        }
        let header = records.waiting.pop_front().map(|(_, h)| h).unwrap_or_default();
        records.waiting.retain(|(_, r)| !blank(r));
        Ok((header, records))
    }

    /// The next records (those the next batch of pieces completes), None after the last.
    pub async fn next_batch(&mut self) -> sqlx::Result<Option<Vec<Record>>> {
        while self.waiting.is_empty() && !self.ended {
            match self.text.next().await? {
                Some(more) => self.take(more.as_bytes()),
                None => {
                    self.ended = true;
                    let waiting = &mut self.waiting;
                    self.csv.finish(|r| waiting.push_back(r));
                }
            }
            self.waiting.retain(|(_, r)| !blank(r));
        }
        Ok((!self.waiting.is_empty()).then(|| self.waiting.drain(..).collect()))
    }

    fn take(&mut self, text: &[u8]) {
        let waiting = &mut self.waiting;
        self.csv.feed(text, |r| waiting.push_back(r));
    }
}

/// A row with nothing in it (`;;;`) is no row.
fn blank(record: &[String]) -> bool {
    record.iter().all(|c| c.trim().is_empty())
}
