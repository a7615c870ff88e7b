//! An upload read back a batch of its pieces at a time, as CSV records: memory holds a
//! batch, not the file. Its text is what `rows` reads from a whole file: without a
//! byte-order mark, line ends made `\n` (`rows::LineEnds`).

use super::csv_pieces::CsvPieces;
use super::db::UploadedText;
use super::rows::{LineEnds, Record, blank, delimiter};
use crate::db::Db;
use std::collections::VecDeque;

/// The upload's text in order, a batch of pieces at a time, line ends made `\n`.
struct Text<'a> {
    pool: &'a Db,
    upload: UploadedText,
    line_ends: LineEnds,
}

impl Text<'_> {
    async fn next(&mut self) -> sqlx::Result<Option<String>> {
        let raw = self.upload.next(&mut *self.pool.acquire().await?, self.pool.pii()).await?;
        Ok(raw.map(|raw| self.line_ends.normalised(&raw)))
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
    /// The header of upload `id` (empty for an empty file) and its records to come, read
    /// with the delimiter of its first line (`rows::delimiter`).
    pub async fn open(pool: &'a Db, id: i64) -> sqlx::Result<(Vec<String>, UploadRecords<'a>)> {
        let mut text = Text { pool, upload: UploadedText::new(id), line_ends: LineEnds::default() };
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
        let csv = CsvPieces::new(delimiter(&start));
        let mut records = UploadRecords { text, csv, waiting: VecDeque::new(), ended };
        records.take(start.as_bytes());
        if ended {
            records.csv.finish(|r| records.waiting.push_back(r));
        }
        let header = records.waiting.pop_front().map(|(_, h)| h).unwrap_or_default();
        records.waiting.retain(|(_, r)| !blank(r.iter().map(String::as_str)));
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
            self.waiting.retain(|(_, r)| !blank(r.iter().map(String::as_str)));
        }
        Ok((!self.waiting.is_empty()).then(|| self.waiting.drain(..).collect()))
    }

    fn take(&mut self, text: &[u8]) {
        let waiting = &mut self.waiting;
        self.csv.feed(text, |r| waiting.push_back(r));
    }
}
