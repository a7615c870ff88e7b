//! Reading an uploaded CSV: its columns, a mapping of columns to customer fields, and each
//! row parsed with the same field parsers the customer record uses. A row's problems carry
//! its line number in the file.

use crate::domain::CustomerField;

/// What a column can be imported as: a customer field's column name, `tags`, or `""` to
/// leave the column out.
pub fn targets() -> Vec<(&'static str, &'static str)> {
    let mut all = vec![("", "(skip this column)")];
    all.extend(CustomerField::ALL.iter().map(|f| (f.column(), f.label())));
    all.push(("tags", "Tags (comma-separated)"));
    all
}

/// The field a column header most likely means, in the languages of the demo data.
pub fn suggest(header: &str) -> &'static str {
    let h: String = header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    let known: [(&[&str], &str); 14] = [
        (
            &[
                "firstname",
                "first",
                "givenname",
                "forename",
                "vorname",
                "voornaam",
                "etunimi",
                "nome",
                "prenom",
                "name",
            ],
            "first_name",
        ),
        (
            &[
                "lastname",
                "last",
                "surname",
                "familyname",
                "nachname",
                "achternaam",
                "sukunimi",
                "apelido",
                "sobrenome",
                "nom",
            ],
            "last_name",
        ),
        (&["email", "emailaddress", "mail", "epost", "sahkoposti"], "email"),
        (
            &[
                "phone",
                "telephone",
                "tel",
                "mobile",
                "mobil",
                "cell",
                "telefon",
                "telefoon",
                "puhelin",
                "telefone",
                "handy",
            ],
            "phone",
        ),
        (
            &[
                "street",
                "address",
                "streetaddress",
                "strasse",
                "straße",
                "adresse",
                "adres",
                "straat",
                "katuosoite",
                "morada",
                "rua",
            ],
            "street",
        ),
        (
            &[
                "postcode",
                "zip",
                "zipcode",
                "postalcode",
                "plz",
                "postleitzahl",
                "postcodenummer",
                "postinumero",
                "codigopostal",
            ],
            "postcode",
        ),
        (&["city", "town", "ort", "stadt", "plaats", "woonplaats", "kaupunki", "cidade", "ville"], "city"),
        (&["region", "state", "county", "province", "bundesland", "provincie", "distrito"], "region"),
        (&["country", "land", "maa", "pais", "pays"], "country"),
        (&["company", "firma", "bedrijf", "yritys", "empresa", "organisation", "organization"], "company"),
        (&["gender", "sex", "geschlecht", "geslacht", "sukupuoli", "genero"], "gender"),
        (
            &[
                "birthday",
                "birthdate",
                "dateofbirth",
                "dob",
                "geburtstag",
                "geboortedatum",
                "syntymapaiva",
                "aniversario",
            ],
            "birthday",
        ),
        (&["notes", "note", "comment", "comments", "notiz", "notizen", "opmerkingen"], "notes"),
        (&["tags", "tag", "labels", "groups"], "tags"),
    ];
    known.iter().find(|(names, _)| names.contains(&h.as_str())).map_or("", |(_, target)| target)
}

#[cfg(feature = "ssr")]
pub use parse::*;

#[cfg(feature = "ssr")]
mod parse {
    use crate::domain::{CustomerField, Field, FieldValue, Problem, RowProblem, parse_tag};
    use std::collections::HashMap;

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
        let content = content.strip_prefix('\u{feff}').unwrap_or(content);
        content.replace("\r\n", "\n").replace('\r', "\n")
    }

    /// Semicolon-separated when the header has more semicolons than commas (spreadsheets in
    /// much of Europe save CSV that way).
    fn reader(content: &str) -> csv::Reader<&[u8]> {
        let first = content.lines().next().unwrap_or("");
        let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(content.as_bytes())
    }

    /// The header and the first `n` rows, for the mapping form.
    /// The header, the first rows, and how many rows there are.
    pub type Sample = (Vec<String>, Vec<Vec<String>>, usize);

    pub fn preview(content: &str, n: usize) -> Result<Sample, csv::Error> {
        let text = normalised(content);
        let mut r = reader(&text);
        let header = r.headers()?.iter().map(str::to_owned).collect();
        let mut rows = Vec::new();
        let mut total = 0;
        for record in r.records() {
            let record = record?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            total += 1;
            if rows.len() < n {
                rows.push(record.iter().map(str::to_owned).collect());
            }
        }
        Ok((header, rows, total))
    }

    /// Checks a mapping against the header: one target per column, each known, none twice.
    pub fn check_mapping(columns: usize, mapping: &[String]) -> Result<Vec<Option<&'static str>>, Problem> {
        if mapping.len() != columns {
            return Err(Problem::OutOfRange);
        }
        let targets = super::targets();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for m in mapping {
            let Some((code, _)) = targets.iter().find(|(code, _)| code == m) else {
                return Err(Problem::UnknownOption);
            };
            if code.is_empty() {
                out.push(None);
                continue;
            }
            if seen.contains(code) {
                return Err(Problem::Taken);
            }
            seen.push(*code);
            out.push(Some(*code));
        }
        if !seen.iter().any(|c| matches!(*c, "email" | "phone")) {
            return Err(Problem::NeedsEmailOrPhone);
        }
        Ok(out)
    }

    /// Every row parsed, and every problem found (all of them, not only the first).
    pub fn rows(content: &str, mapping: &[Option<&'static str>]) -> Result<(Vec<Row>, Vec<RowProblem>), csv::Error> {
        let text = normalised(content);
        let mut r = reader(&text);
        r.headers()?;
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for record in r.records() {
            let record = record?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let mut row = Row { line, values: Vec::new(), tags: Vec::new() };
            let before = problems.len();
            for (cell, target) in record.iter().zip(mapping) {
                let Some(target) = target else { continue };
                if cell.trim().is_empty() {
                    continue;
                }
                if *target == "tags" {
                    for tag in cell.split(',').filter(|t| !t.trim().is_empty()) {
                        match parse_tag(tag) {
                            Ok(t) => row.tags.push(t),
                            Err(problem) => problems.push(RowProblem { row: line, field: Field::Tags, problem }),
                        }
                    }
                    continue;
                }
                let Some(field) = CustomerField::from_column(target) else { continue };
                match field.parse(cell) {
                    Ok(value) => row.values.push((field, value)),
                    Err(problem) => problems.push(RowProblem { row: line, field: Field::Customer(field), problem }),
                }
            }
            if problems.len() > before {
                continue;
            }
            let keys = [row.text(CustomerField::Email), row.text(CustomerField::Phone)];
            if keys.iter().all(Option::is_none) {
                problems.push(RowProblem { row: line, field: Field::Row, problem: Problem::NeedsEmailOrPhone });
                continue;
            }
            let mut duplicate = false;
            for key in keys.into_iter().flatten() {
                if seen.insert(key.to_owned(), line).is_some() {
                    duplicate = true;
                }
            }
            if duplicate {
                problems.push(RowProblem { row: line, field: Field::Row, problem: Problem::DuplicateInFile });
                continue;
            }
            rows.push(row);
        }
        Ok((rows, problems))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_bad_row_is_reported_with_its_line() {
            // Windows line ends, as spreadsheets save them.
            let csv = "Vorname;E-Mail;Telefon;Geschlecht\r\nAnna;anna@example.com;;female\r\nBen;not-an-email;;male\r\n;;;\r\nCleo;;;\r\nDora;ANNA@example.com;;robot\r\nEva;anna@example.com;;\r\n";
            let mapping =
                check_mapping(4, &["first_name".into(), "email".into(), "phone".into(), "gender".into()]).unwrap();
            let (rows, problems) = rows(csv, &mapping).unwrap();
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

        #[test]
        fn a_mapping_needs_a_key_and_no_field_twice() {
            assert_eq!(check_mapping(2, &["first_name".into(), "last_name".into()]), Err(Problem::NeedsEmailOrPhone));
            assert_eq!(check_mapping(2, &["email".into(), "email".into()]), Err(Problem::Taken));
            assert_eq!(check_mapping(2, &["email".into(), "password".into()]), Err(Problem::UnknownOption));
            assert_eq!(check_mapping(1, &["email".into(), "".into()]), Err(Problem::OutOfRange));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_several_languages_are_recognised() {
        assert_eq!(suggest("E-Mail"), "email");
        assert_eq!(suggest("Vorname"), "first_name");
        assert_eq!(suggest("Postal code"), "postcode");
        assert_eq!(suggest("Telefoon"), "phone");
        assert_eq!(suggest("Favourite colour"), "");
    }
}
