//! Reading an uploaded CSV: its columns, a mapping of columns to customer fields, and each
//! row parsed with the same field parsers the customer record uses. A row's problems carry
//! its line number in the file.

use crate::domain::CustomerField;

/// What a column can be imported as: `""` to leave the column out, a customer field's
/// column name, `address` (split into its fields), or `tags`.
pub fn targets() -> Vec<&'static str> {
    let mut all = vec![""];
    all.extend(CustomerField::ALL.iter().map(|f| f.column()));
    all.extend(["address", "tags"]);
    all
}

#[cfg(feature = "ssr")]
pub use parse::*;

#[cfg(feature = "ssr")]
mod parse {
    use crate::domain::date_spelling::{self, DayOrder};
    use crate::domain::{CustomerField, Field, FieldValue, Problem, RowProblem, parse_tag};
    use std::collections::HashSet;
    use std::hash::{BuildHasher, RandomState};

    /// One row that parsed: the values given (blank cells are left out, never cleared).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Row {
        pub line: usize,
        pub values: Vec<(CustomerField, FieldValue)>,
        pub tags: Vec<String>,
    }

    impl Row {
        pub fn text(&self, field: CustomerField) -> Option<&str> {
            self.values.iter().find(|(f, _)| *f == field).and_then(|(_, v)| match v {
                FieldValue::Text(t) => Some(t.as_str()),
                _ => None,
            })
        }
    }

    /// The file with its byte-order mark dropped and line ends made `\n`: the csv crate
    /// counts a CRLF file's lines one short, and line numbers are what staff look for.
    fn normalised(content: &str) -> String {
        LineEnds::default().normalised(content)
    }

    /// [`normalised`] a piece of the file at a time (`upload` reads it so): the mark is
    /// dropped from the first piece, and a `\r` ending one piece with the `\n` starting
    /// the next is one line end.
    #[derive(Debug, Default)]
    pub struct LineEnds {
        started: bool,
        carried_cr: bool,
    }

    impl LineEnds {
        pub fn normalised(&mut self, piece: &str) -> String {
            let mut piece = piece;
            if !self.started && !piece.is_empty() {
                self.started = true;
                piece = piece.strip_prefix('\u{feff}').unwrap_or(piece);
            }
            let mut text = String::with_capacity(piece.len());
            for c in piece.chars() {
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

    /// Semicolons when the first line of `text` has more of them than commas (spreadsheets
    /// in much of Europe save CSV that way), else commas.
    pub fn delimiter(text: &str) -> u8 {
        let first = text.lines().next().unwrap_or("");
        if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' }
    }

    fn reader(content: &str) -> csv::Reader<&[u8]> {
        csv::ReaderBuilder::new().delimiter(delimiter(content)).flexible(true).from_reader(content.as_bytes())
    }

    /// A row with nothing in it (`;;;`) is no row.
    pub fn blank<'a>(cells: impl IntoIterator<Item = &'a str>) -> bool {
        cells.into_iter().all(|c| c.trim().is_empty())
    }

    /// A row of the file with its line number.
    pub type Record = (usize, Vec<String>);

    /// The header, and every row of the file that is not blank with its line number.
    pub fn records(content: &str) -> Result<(Vec<String>, Vec<Record>), csv::Error> {
        let mut out = Vec::new();
        let header = each_record(content, |line, record| out.push((line, record.iter().map(str::to_owned).collect())))?;
        Ok((header, out))
    }

    /// Reads the file once: its header, and `each` row that is not blank with its line.
    fn each_record(content: &str, mut each: impl FnMut(usize, &csv::StringRecord)) -> Result<Vec<String>, csv::Error> {
        let text = normalised(content);
        let mut r = reader(&text);
        let header = r.headers()?.iter().map(str::to_owned).collect();
        for record in r.records() {
            let record = record?;
            if blank(&record) {
                continue;
            }
            each(record.position().map_or(0, |p| p.line() as usize), &record);
        }
        Ok(header)
    }

    /// The cell of the column mapped to `target` in `record`, trimmed; None when no column
    /// is mapped to it or the cell is blank.
    pub fn cell<'a>(record: &'a [String], mapping: &[Option<String>], target: &str) -> Option<&'a str> {
        let i = mapping.iter().position(|m| m.as_deref() == Some(target))?;
        record.get(i).map(|c| c.trim()).filter(|c| !c.is_empty())
    }

    /// Which number is the day in the dates of the column mapped to `target`: what its
    /// cells show, else `fallback` (see [`date_spelling::day_order`]).
    pub fn column_day_order(
        records: &[(usize, Vec<String>)],
        mapping: &[Option<String>],
        target: &str,
        fallback: DayOrder,
    ) -> DayOrder {
        date_spelling::day_order(records.iter().filter_map(|(_, r)| cell(r, mapping, target)), fallback)
    }

    /// Every row parsed, and every problem found (all of them, not only the first).
    /// A birthday may be written as the file's tool writes dates (`03/15/1990`, `15.3.1990`):
    /// its column shows which number is the day, else `fallback` (the site's country) says.
    pub fn rows(records: &[Record], mapping: &[Option<String>], fallback: DayOrder) -> (Vec<Row>, Vec<RowProblem>) {
        let order = column_day_order(records, mapping, "birthday", fallback);
        RowReader::new(order).read(records, mapping)
    }

    /// Rows parsed a batch of records at a time, as [`rows`] parses a whole file: a row
    /// naming an email or phone an earlier one named is refused.
    pub struct RowReader {
        /// The day order of the birthday column.
        order: DayOrder,
        /// The emails and phones of the rows read so far, as keyed hashes: 16 bytes a row
        /// where the strings took ~50, for a file of a million rows.
        seen: HashSet<u128>,
        keys: (RandomState, RandomState),
    }

    impl RowReader {
        pub fn new(order: DayOrder) -> RowReader {
            RowReader { order, seen: HashSet::new(), keys: (RandomState::new(), RandomState::new()) }
        }

        /// Whether `key` was seen before (a chance of 2⁻¹²⁸ a pair of keys to be wrong).
        fn seen_before(&mut self, key: &str) -> bool {
            let hash = (u128::from(self.keys.0.hash_one(key)) << 64) | u128::from(self.keys.1.hash_one(key));
            !self.seen.insert(hash)
        }

        /// The rows of `records` that parse, and the problems of the others.
        pub fn read(&mut self, records: &[Record], mapping: &[Option<String>]) -> (Vec<Row>, Vec<RowProblem>) {
            let mut rows = Vec::new();
            let mut problems = Vec::new();
            for (line, record) in records {
                if let Some(row) = self.row(*line, record, mapping, &mut problems) {
                    rows.push(row);
                }
            }
            (rows, problems)
        }

        fn row(
            &mut self,
            line: usize,
            record: &[String],
            mapping: &[Option<String>],
            problems: &mut Vec<RowProblem>,
        ) -> Option<Row> {
            let mut row = Row { line, values: Vec::new(), tags: Vec::new() };
            let before = problems.len();
            for (cell, target) in record.iter().zip(mapping) {
                let Some(target) = target.as_deref() else { continue };
                if cell.trim().is_empty() {
                    continue;
                }
                if target == "address" {
                    // A part the row also gives in a column of its own is taken from that column.
                    for (field, part) in super::super::address::split(cell) {
                        if self::cell(record, mapping, field.column()).is_some() {
                            continue;
                        }
                        match field.parse(&part) {
                            Ok(value) => row.values.push((field, value)),
                            Err(problem) => {
                                problems.push(RowProblem { row: line, field: Field::Customer(field), problem })
                            }
                        }
                    }
                    continue;
                }
                if target == "tags" {
                    for tag in cell.split(',').filter(|t| !t.trim().is_empty()) {
                        match parse_tag(tag) {
                            Ok(t) => row.tags.push(t),
                            Err(problem) => problems.push(RowProblem { row: line, field: Field::Tags, problem }),
                        }
                    }
                    continue;
                }
                let Some(field) = CustomerField::from_column(target) else { continue };
                // A birthday without its year (`03/15`) is kept as `--03-15`.
                let spelled = match (field, date_spelling::read(cell, self.order)) {
                    (CustomerField::Birthday, Ok(date)) if date.time.is_none() => date.date(),
                    _ => cell.to_owned(),
                };
                match field.parse(&spelled) {
                    Ok(value) => row.values.push((field, value)),
                    Err(problem) => problems.push(RowProblem { row: line, field: Field::Customer(field), problem }),
                }
            }
            if problems.len() > before {
                return None;
            }
            let keys = [row.text(CustomerField::Email), row.text(CustomerField::Phone)];
            if keys.iter().all(Option::is_none) {
                problems.push(RowProblem { row: line, field: Field::Row, problem: Problem::NeedsEmailOrPhone });
                return None;
            }
            let keys: Vec<String> = keys.into_iter().flatten().map(str::to_owned).collect();
            // Both keys go in the seen ones, as before: a later row with either is refused.
            let duplicate = keys.iter().fold(false, |dup, key| self.seen_before(key) | dup);
            if duplicate {
                problems.push(RowProblem { row: line, field: Field::Row, problem: Problem::DuplicateInFile });
                return None;
            }
            Some(row)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_one_string_address_lands_in_its_parts() {
            let csv = "Email Address,Address,City\na@example.com,Oudegracht 12    Utrecht    3511 AB  NL,\nb@example.com,\"Rua Augusta 5, 1100-048 Lisboa\",Porto\n";
            let mapping = vec![Some("email".to_owned()), Some("address".to_owned()), Some("city".to_owned())];
            let (rows, problems) = rows(&records(csv).unwrap().1, &mapping, DayOrder::DayFirst);
            assert_eq!(problems, []);
            let got = |i: usize, f| rows[i].text(f).map(str::to_owned);
            assert_eq!(got(0, CustomerField::Street).as_deref(), Some("Oudegracht 12"));
            assert_eq!(got(0, CustomerField::Postcode).as_deref(), Some("3511 AB"));
            assert_eq!(got(0, CustomerField::Country).as_deref(), Some("NL"));
            assert_eq!(got(0, CustomerField::City).as_deref(), Some("Utrecht"), "the row's City cell is blank");
            assert_eq!(got(1, CustomerField::City).as_deref(), Some("Porto"), "the City column wins over the split");
            assert_eq!(got(1, CustomerField::Postcode).as_deref(), Some("1100-048"));
        }

        #[test]
        fn birthdays_are_read_as_the_file_writes_them() {
            let csv = "email,birthday\na@example.com,03/15/1990\nb@example.com,04/01/1985\nc@example.com,1970-01-02\nd@example.com,12/24\n";
            let mapping = vec![Some("email".to_owned()), Some("birthday".to_owned())];
            let (rows, problems) = rows(&records(csv).unwrap().1, &mapping, DayOrder::DayFirst);
            assert_eq!(problems, []);
            let birthdays: Vec<&str> = rows.iter().filter_map(|r| r.text(CustomerField::Birthday)).collect();
            assert_eq!(
                birthdays,
                ["1990-03-15", "1985-04-01", "1970-01-02", "--12-24"],
                "15 shows the month comes first; a birthday without its year keeps month and day"
            );
        }

        #[test]
        fn every_bad_row_is_reported_with_its_line() {
            // Windows line ends, as spreadsheets save them.
            let csv = "Vorname;E-Mail;Telefon;Geschlecht\r\nAnna;anna@example.com;;female\r\nBen;not-an-email;;male\r\n;;;\r\nCleo;;;\r\nDora;ANNA@example.com;;robot\r\nEva;anna@example.com;;\r\n";
            let mapping: Vec<Option<String>> =
                ["first_name", "email", "phone", "gender"].iter().map(|t| Some((*t).to_owned())).collect();
            let (rows, problems) = rows(&records(csv).unwrap().1, &mapping, DayOrder::DayFirst);
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].line, 2);
            let found: Vec<(usize, Field, Problem)> = problems.iter().map(|p| (p.row, p.field, p.problem)).collect();
            assert_eq!(
                found,
                [
                    (3, Field::Customer(CustomerField::Email), Problem::NotAnEmail),
                    (5, Field::Row, Problem::NeedsEmailOrPhone),
                    (6, Field::Customer(CustomerField::Gender), Problem::UnknownOption),
                    (7, Field::Row, Problem::DuplicateInFile),
                ]
            );
        }
    }
}
