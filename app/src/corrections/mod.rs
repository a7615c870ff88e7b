//! Corrections to sales: a purchase voided (entered by mistake) or some of its lines
//! returned, each with who and why (migration 0045). The purchase keeps what was sold; its
//! net is what was paid less what was given back, and a voided one counts for nothing.
//! Totals, windows, segments and reports read the net; the loyalty ledger gets a new row
//! taking back what the correction undid, never an edit.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
mod loyalty;

use crate::domain::{Field, FieldErrors, FreeText, Problem};
use serde::{Deserialize, Serialize};

/// Who may void a purchase: the staff member who entered it, on the day they did (on the
/// site's clock); a manager or the owner any time; a shop's system with `purchases:write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corrector {
    Staff { id: crate::domain::StaffId, role: crate::domain::Role },
    ApiKey,
}

/// A line of a purchase and how many of it come back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnLineForm {
    pub line: i64,
    pub quantity: String,
}

/// A return as typed: the lines (blank or 0: none of that line) and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnForm {
    pub purchase: i64,
    pub lines: Vec<ReturnLineForm>,
    pub reason: String,
}

/// A return that parsed: at least one line, each once, each a whole 1–9999.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReturn {
    pub purchase: i64,
    pub lines: Vec<(i64, i64)>,
    pub reason: String,
}

/// A reason: what happened, 1–200 characters on one line.
pub fn parse_reason(raw: &str) -> Result<String, Problem> {
    let text = FreeText::parse(raw, 200)?;
    if text.is_empty() {
        return Err(Problem::Required);
    }
    if text.as_str().contains(['\n', '\t']) {
        return Err(Problem::BadCharacters);
    }
    Ok(text.as_str().to_owned())
}

impl ValidReturn {
    pub fn parse(form: &ReturnForm) -> Result<ValidReturn, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = errors.check(Field::Reason, parse_reason(&form.reason));
        let mut lines: Vec<(i64, i64)> = Vec::new();
        for l in &form.lines {
            let raw = l.quantity.trim();
            if raw.is_empty() || raw == "0" {
                continue;
            }
            match raw.parse::<i64>() {
                Ok(q) if (1..=9999).contains(&q) && !lines.iter().any(|(line, _)| *line == l.line) => {
                    lines.push((l.line, q))
                }
                Ok(_) => {
                    errors.check(Field::Quantity, Err::<(), _>(Problem::OutOfRange));
                }
                Err(_) => {
                    errors.check(Field::Quantity, Err::<(), _>(Problem::NotANumber));
                }
            }
        }
        if lines.is_empty() && errors.get(Field::Quantity).is_none() {
            errors.check(Field::Lines, Err::<(), _>(Problem::Required));
        }
        match reason {
            Some(reason) if errors.is_empty() => Ok(ValidReturn { purchase: form.purchase, lines, reason }),
            _ => Err(errors),
        }
    }
}

/// Why a correction was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refused {
    /// No such purchase (on this site, for the API).
    NotFound,
    /// Staff may void only their own purchases of today.
    NotAllowed,
    /// The purchase is voided: nothing more can be done with it.
    Voided,
    /// More of a line than is left of it (bought less returned), or no such line.
    TooMany { line: i64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(lines: &[(i64, &str)], reason: &str) -> ReturnForm {
        ReturnForm {
            purchase: 7,
            lines: lines.iter().map(|(line, q)| ReturnLineForm { line: *line, quantity: q.to_string() }).collect(),
            reason: reason.into(),
        }
    }

    #[test]
    fn a_return_names_its_lines_and_a_reason() {
        let r = ValidReturn::parse(&form(&[(1, "2"), (2, ""), (3, "0")], " Stale ")).unwrap();
        assert_eq!((r.lines, r.reason.as_str()), (vec![(1, 2)], "Stale"));
    }

    #[test]
    fn nothing_returned_or_a_bad_quantity_or_no_reason_is_refused() {
        let e = ValidReturn::parse(&form(&[(1, "")], "x")).unwrap_err();
        assert_eq!(e.get(Field::Lines), Some(Problem::Required));
        let e = ValidReturn::parse(&form(&[(1, "-1"), (2, "two")], "")).unwrap_err();
        assert_eq!(e.get(Field::Reason), Some(Problem::Required));
        assert!(e.get(Field::Quantity).is_some());
        let e = ValidReturn::parse(&form(&[(1, "1"), (1, "1")], "twice")).unwrap_err();
        assert_eq!(e.get(Field::Quantity), Some(Problem::OutOfRange));
    }
}
