//! A CSV file read as its pieces come, a record at a time. An upload waits in the database
//! in pieces; reading it whole held a million-row file (75 MB) and every row of it in
//! memory at once. `csv::Reader` wants all its input from one `Read`, so this drives the
//! csv crate's own incremental parser, `csv_core`, and numbers records by line as
//! `csv::Reader` does (the line a record starts on, counted after the one before it).

use super::rows::Record;
use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

pub struct CsvPieces {
    core: Reader,
    /// The record being read: its fields' bytes, and where each field ends.
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    /// The line the record being read starts on.
    line: u64,
    ended: bool,
}

impl CsvPieces {
    pub fn new(delimiter: u8) -> CsvPieces {
        CsvPieces {
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096],
            ends: vec![0; 64],
            out_len: 0,
            ends_len: 0,
            line: 1,
            ended: false,
        }
    }

    /// Reads `input`, handing `each` record it completes with its line (blank ones too: the
    /// caller decides); a record cut off where `input` ends waits for the next piece.
    pub fn feed(&mut self, input: &[u8], each: impl FnMut(Record)) {
        if !input.is_empty() {
            self.read(input, each);
        }
    }

    /// The end of the file: the last record, if it had no line end.
    pub fn finish(&mut self, each: impl FnMut(Record)) {
        self.read(&[], each);
    }

    fn read(&mut self, mut input: &[u8], mut each: impl FnMut(Record)) {
        // An empty input tells csv_core that the file has ended: a piece read to its end
        // waits for the next one instead.
        let at_end = input.is_empty();
        while !self.ended && (at_end || !input.is_empty()) {
            let (result, read, written, ended_fields) =
                self.core.read_record(input, &mut self.out[self.out_len..], &mut self.ends[self.ends_len..]);
            input = &input[read..];
            self.out_len += written;
            self.ends_len += ended_fields;
            match result {
                ReadRecordResult::InputEmpty => return,
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    each((self.line as usize, self.fields()));
                    self.line = self.core.line();
                    (self.out_len, self.ends_len) = (0, 0);
                }
                ReadRecordResult::End => self.ended = true,
            }
        }
    }

    /// The fields of the record just read. Each is whole UTF-8: the input is text, and
    /// csv_core cuts it only at ASCII delimiters and quotes.
    fn fields(&self) -> Vec<String> {
        let mut start = 0;
        self.ends[..self.ends_len]
            .iter()
            .map(|&end| {
                let field = String::from_utf8_lossy(&self.out[start..end]).into_owned();
                start = end;
                field
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record with its line, the file cut into pieces of `size` bytes.
    fn in_pieces(text: &str, size: usize) -> Vec<Record> {
        let mut reader = CsvPieces::new(b',');
        let mut got = Vec::new();
        for piece in text.as_bytes().chunks(size) {
            reader.feed(piece, |r| got.push(r));
        }
        reader.finish(|r| got.push(r));
        got
    }

    /// What `csv::Reader` reads from the whole file: the header, then every record.
    fn whole(text: &str) -> Vec<Record> {
        let mut r = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(text.as_bytes());
        r.records()
            .map(|record| {
                let record = record.unwrap();
                (record.position().unwrap().line() as usize, record.iter().map(str::to_owned).collect())
            })
            .collect()
    }

    #[test]
    fn records_cut_anywhere_read_as_the_whole_file_reads() {
        let files = [
            "name,email\nAnna,anna@example.com\nBjörn,\"Berg, \"\"B\"\"\"\n",
            "a,b\n\n\n\"two\nlines\",x\nlast,row",
            "a,b\n\"a quote never closed, to the end",
            "ü,ö\nñ,\"日本\"\n,\n",
        ];
        let long = format!("a,b\n\"{}\",{}\nc,d\n", "x".repeat(10_000), "y,".repeat(100));
        for text in files.iter().copied().chain([long.as_str()]) {
            for size in [1, 2, 3, 7, 64, 5000, text.len().max(1)] {
                assert_eq!(in_pieces(text, size), whole(text), "{text:?} in pieces of {size}");
            }
        }
    }
}
