//! Calendar dates as the widgets take them (`<input type="date">` sends `YYYY-MM-DD`).

use super::problem::Problem;

/// A real calendar date, `YYYY-MM-DD`, from 1900 on and not after `today`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PastDate(String);

impl PastDate {
    /// `today` is `YYYY-MM-DD` (the server's clock; the browser passes none and leaves the
    /// future check to the server). ISO dates compare correctly as text.
    pub fn parse(raw: &str, today: Option<&str>) -> Result<PastDate, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let valid = s.len() == 10
            && s.as_bytes()[4] == b'-'
            && s.as_bytes()[7] == b'-'
            && match (s[..4].parse::<u32>(), s[5..7].parse::<u32>(), s[8..].parse::<u32>()) {
                (Ok(y), Ok(m), Ok(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m),
                _ => false,
            };
        if !valid {
            return Err(Problem::NotADate);
        }
        if s < "1900-01-01" || today.is_some_and(|t| s > t) {
            return Err(Problem::OutOfRange);
        }
        Ok(PastDate(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_up_to_today_are_accepted() {
        assert!(PastDate::parse("2024-02-29", Some("2026-11-23")).is_ok());
        assert!(PastDate::parse("2026-11-23", Some("2026-11-23")).is_ok());
    }

    #[test]
    fn impossible_future_or_malformed_dates_are_refused() {
        let today = Some("2026-11-23");
        for bad in ["2023-02-29", "2026-13-01", "2026-04-31", "26-11-23", "2026/11/23", "tomorrow", "2026-1-5"] {
            assert_eq!(PastDate::parse(bad, today), Err(Problem::NotADate), "{bad}");
        }
        assert_eq!(PastDate::parse("2026-11-24", today), Err(Problem::OutOfRange));
        assert_eq!(PastDate::parse("1899-12-31", today), Err(Problem::OutOfRange));
        assert_eq!(PastDate::parse(" ", today), Err(Problem::Required));
        assert!(PastDate::parse("2099-01-01", None).is_ok(), "the browser leaves the future to the server");
    }
}
