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

    /// The date `n` days before this one (a negative `n` may leave the past: callers compare it only).
    pub fn days_before(&self, n: i64) -> PastDate {
        PastDate(civil_from_days(day_number(self) - n))
    }

    /// Today (UTC) by the server's clock, which is also SQLite's `'now'`.
    #[cfg(feature = "ssr")]
    pub fn today() -> PastDate {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        PastDate(civil_from_days((secs / 86_400) as i64))
    }
}

/// A range of whole days, both ends included, at most [`DateRange::MAX_DAYS`] long: the
/// period of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub from: PastDate,
    pub to: PastDate,
}

impl DateRange {
    pub const MAX_DAYS: i64 = 366;

    /// `from` to `to` as typed; neither may be after `today`.
    pub fn parse(from: &str, to: &str, today: &str) -> Result<DateRange, Problem> {
        let from = PastDate::parse(from, Some(today))?;
        let to = PastDate::parse(to, Some(today))?;
        let range = DateRange { from, to };
        match range.days() {
            ..1 => Err(Problem::OutOfRange),
            1..=Self::MAX_DAYS => Ok(range),
            _ => Err(Problem::TooLong),
        }
    }

    /// The last `days` days up to `today` (a valid `YYYY-MM-DD`), clamped to 1..=366.
    pub fn last_days(days: u32, today: &PastDate) -> DateRange {
        let days = i64::from(days).clamp(1, Self::MAX_DAYS);
        let from = civil_from_days(day_number(today) - (days - 1));
        DateRange { from: PastDate(from), to: today.clone() }
    }

    /// Days in the range, both ends counted.
    pub fn days(&self) -> i64 {
        day_number(&self.to) - day_number(&self.from) + 1
    }

    /// The Monday of every week (Monday to Sunday) the range touches, in order.
    pub fn mondays(&self) -> Vec<String> {
        // Day 0, 1970-01-01, was a Thursday: three days after a Monday.
        let monday = |z: i64| z - (z + 3).rem_euclid(7);
        (monday(day_number(&self.from))..=day_number(&self.to)).step_by(7).map(civil_from_days).collect()
    }

    /// The range cut into consecutive ranges of at most `days` days each.
    pub fn chunks(&self, days: i64) -> Vec<DateRange> {
        let (first, last) = (day_number(&self.from), day_number(&self.to));
        (first..=last)
            .step_by(days.max(1) as usize)
            .map(|start| DateRange {
                from: PastDate(civil_from_days(start)),
                to: PastDate(civil_from_days((start + days.max(1) - 1).min(last))),
            })
            .collect()
    }

    /// Every day of the range in order, `YYYY-MM-DD`.
    pub fn each_day(&self) -> Vec<String> {
        (day_number(&self.from)..=day_number(&self.to)).map(civil_from_days).collect()
    }
}

/// The UTC timestamp of `unix_seconds` as Patron stores times: `YYYY-MM-DDTHH:MM:SS.000Z`.
pub fn iso_timestamp(unix_seconds: i64) -> String {
    let (day, secs) = (unix_seconds.div_euclid(86_400), unix_seconds.rem_euclid(86_400));
    format!("{}T{:02}:{:02}:{:02}.000Z", civil_from_days(day), secs / 3600, secs / 60 % 60, secs % 60)
}

/// The UTC timestamp of `unix_millis` as SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` writes it.
pub fn iso_timestamp_millis(unix_millis: i64) -> String {
    let seconds = iso_timestamp(unix_millis.div_euclid(1000));
    format!("{}.{:03}Z", &seconds[..19], unix_millis.rem_euclid(1000))
}

/// Days since 1970-01-01 of a parsed date (H. Hinnant's `days_from_civil`).
fn day_number(date: &PastDate) -> i64 {
    let s = date.as_str();
    days_from_civil(s[..4].parse().unwrap_or(0), s[5..7].parse().unwrap_or(1), s[8..].parse().unwrap_or(1))
}

/// Days since 1970-01-01 of a year, month and day (H. Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The UTC date (`YYYY-MM-DD`) `days_back` days before the day of `unix_seconds`.
/// "The last N days" start on `iso_date_before(now, N - 1)`: today and the N - 1 before.
pub fn iso_date_before(unix_seconds: i64, days_back: i64) -> String {
    civil_from_days(unix_seconds.div_euclid(86_400) - days_back)
}

/// The date of a day number (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
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
    fn weeks_start_on_the_monday_before_the_range() {
        // 2026-11-23 is a Monday, 2026-11-22 a Sunday.
        let r = DateRange::parse("2026-11-22", "2026-11-30", "2026-12-31").unwrap();
        assert_eq!(r.mondays(), ["2026-11-16", "2026-11-23", "2026-11-30"]);
        let r = DateRange::parse("2026-11-23", "2026-11-29", "2026-12-31").unwrap();
        assert_eq!(r.mondays(), ["2026-11-23"]);
    }

    #[test]
    fn a_range_counts_its_days_across_months_and_leap_years() {
        let r = DateRange::parse("2024-02-27", "2024-03-02", "2026-11-23").unwrap();
        assert_eq!(r.days(), 5);
        assert_eq!(r.each_day(), ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"]);
        let chunks: Vec<(String, String)> =
            r.chunks(2).into_iter().map(|c| (c.from.as_str().to_owned(), c.to.as_str().to_owned())).collect();
        assert_eq!(
            chunks,
            [("2024-02-27", "2024-02-28"), ("2024-02-29", "2024-03-01"), ("2024-03-02", "2024-03-02")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(r.from.days_before(-3).as_str(), "2024-03-01");
        let today = PastDate::parse("2026-01-02", None).unwrap();
        let week = DateRange::last_days(7, &today);
        assert_eq!((week.from.as_str(), week.days()), ("2025-12-27", 7));
        assert_eq!(DateRange::last_days(0, &today).days(), 1);
        assert_eq!(DateRange::last_days(5000, &today).days(), 366);
        assert_eq!(day_number(&PastDate::parse("1970-01-01", None).unwrap()), 0);
    }

    #[test]
    fn timestamps_are_iso_utc() {
        assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_timestamp(1_795_437_296), "2026-11-23T12:34:56.000Z");
        assert_eq!(iso_timestamp_millis(1_795_437_296_007), "2026-11-23T12:34:56.007Z");
    }

    #[test]
    fn a_range_must_run_forwards_and_not_too_long() {
        let today = "2026-11-23";
        assert_eq!(DateRange::parse("2026-11-20", "2026-11-19", today), Err(Problem::OutOfRange));
        assert_eq!(DateRange::parse("2024-01-01", "2026-01-01", today), Err(Problem::TooLong));
        assert_eq!(DateRange::parse("2026-11-20", "2026-11-30", today), Err(Problem::OutOfRange), "future");
        assert_eq!(DateRange::parse("2026-11-20", "20.11.2026", today), Err(Problem::NotADate));
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
