//! Dates as the tools shops leave behind write them in their exports: `2024-03-05`,
//! `2024-03-05T10:15:00Z`, `2024-03-05 10:15:00 +0100` (Shopify), `05.03.2024`,
//! `5-3-2024 10:15`, `03/05/2024` (a US mailing tool), and birthdays with no year
//! (`03/05`, `5.3.`).
//!
//! Written by hand because what is hard here is not the calendar (checked with the same
//! month lengths as [`super::PastDate`]) but which number is the day in `03/05/2024`: no
//! date crate decides that. An import decides it for a whole column ([`day_order`]): a
//! cell with a first number over 12 shows the day comes first, one with a second number
//! over 12 that the month does, and a column that shows neither follows the site's country.

use super::problem::Problem;

/// Which of the two small numbers of `03/05/2024` is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

impl DayOrder {
    /// How dates are written in a country (ISO code): month first in the United States and
    /// a few others, day first nearly everywhere else.
    pub fn of_country(country: Option<&str>) -> DayOrder {
        match country {
            Some("US" | "PH" | "FM" | "MH" | "PW" | "BZ") => DayOrder::MonthFirst,
            _ => DayOrder::DayFirst,
        }
    }
}

/// A date (and time) as read from a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpelledDate {
    /// None for a birthday written without its year.
    pub year: Option<u32>,
    pub month: u32,
    pub day: u32,
    /// Hours, minutes, seconds, milliseconds.
    pub time: Option<(u32, u32, u32, u32)>,
    /// Minutes east of UTC, when the cell says.
    pub offset: Option<i32>,
}

/// The numbers of a date part like `2024-03-05`, `05.03.2024` or `3/5`.
fn numbers(date: &str) -> Option<Vec<&str>> {
    let date = date.strip_suffix('.').unwrap_or(date);
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let ok = (2..=3).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    ok.then_some(parts)
}

/// The evidence one cell gives about the day order, if any.
fn evidence(cell: &str) -> Option<DayOrder> {
    let date = cell.trim().split([' ', 'T']).next()?;
    let parts = numbers(date)?;
    if parts[0].len() == 4 {
        return None;
    }
    let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
    match (a > 12, b > 12) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

/// The day order of a column: what its cells show, else `fallback`. A column whose cells
/// show both orders keeps `fallback`, and the cells that disagree are refused as not dates.
pub fn day_order<'a>(cells: impl IntoIterator<Item = &'a str>, fallback: DayOrder) -> DayOrder {
    let mut finder = DayOrderFinder::default();
    cells.into_iter().for_each(|cell| finder.add(cell));
    finder.order(fallback)
}

/// [`day_order`] a cell at a time, for a column read a piece of its file at a time.
#[derive(Debug, Default, Clone, Copy)]
pub struct DayOrderFinder {
    seen: Option<DayOrder>,
    mixed: bool,
}

impl DayOrderFinder {
    pub fn add(&mut self, cell: &str) {
        if self.mixed {
            return;
        }
        match (self.seen, evidence(cell)) {
            (_, None) => {}
            (None, found) => self.seen = found,
            (Some(a), Some(b)) if a != b => self.mixed = true,
            _ => {}
        }
    }

    pub fn order(&self, fallback: DayOrder) -> DayOrder {
        if self.mixed { fallback } else { self.seen.unwrap_or(fallback) }
    }
}

/// Reads a date, with a time and an offset if the cell has them.
pub fn read(raw: &str, order: DayOrder) -> Result<SpelledDate, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let (date, rest) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim()),
        None => (s, ""),
    };
    let parts = numbers(date).ok_or(Problem::NotADate)?;
    let n = |p: &str| p.parse::<u32>().map_err(|_| Problem::NotADate);
    let (year, month, day) = match (parts.len(), parts[0].len()) {
        (3, 4) => (Some(n(parts[0])?), n(parts[1])?, n(parts[2])?),
        (3, _) if parts[2].len() == 4 => {
            let (a, b) = (n(parts[0])?, n(parts[1])?);
            let (d, m) = if order == DayOrder::DayFirst { (a, b) } else { (b, a) };
            (Some(n(parts[2])?), m, d)
        }
        (2, l) if l <= 2 && parts[1].len() <= 2 => {
            let (a, b) = (n(parts[0])?, n(parts[1])?);
            let (d, m) = if order == DayOrder::DayFirst { (a, b) } else { (b, a) };
            (None, m, d)
        }
        _ => return Err(Problem::NotADate),
    };
    // Without a year, 29 February is a birthday like any other: count in a leap year.
    let days = super::date::days_in_month(year.unwrap_or(2000), month);
    if !(1..=12).contains(&month) || day < 1 || day > days || year.is_some_and(|y| !(1900..=9999).contains(&y)) {
        return Err(Problem::NotADate);
    }
    let (time, offset) = if rest.is_empty() { (None, None) } else { time_and_offset(rest)? };
    Ok(SpelledDate { year, month, day, time, offset })
}

type Time = (u32, u32, u32, u32);

/// `10:15`, `10:15:00`, `10:15:00.250`, then `Z`, `UTC`, `+01:00`, `+0100` or nothing.
fn time_and_offset(rest: &str) -> Result<(Option<Time>, Option<i32>), Problem> {
    let split = rest.find(['Z', 'z', '+', '-', ' ', 'U']).unwrap_or(rest.len());
    let (clock, zone) = (&rest[..split], rest[split..].trim());
    let mut fields = clock.split(':');
    let mut next = || fields.next().map(|f| f.parse::<f64>().map_err(|_| Problem::NotADate)).transpose();
    let (h, m, sec) = (next()?.ok_or(Problem::NotADate)?, next()?.ok_or(Problem::NotADate)?, next()?.unwrap_or(0.0));
    if next()?.is_some()
        || h.fract() != 0.0
        || m.fract() != 0.0
        || !(0.0..24.0).contains(&h)
        || !(0.0..60.0).contains(&m)
    {
        return Err(Problem::NotADate);
    }
    if !(0.0..60.0).contains(&sec) {
        return Err(Problem::NotADate);
    }
    let millis = ((sec.fract() * 1000.0).round() as u32).min(999);
    let time = (h as u32, m as u32, sec.trunc() as u32, millis);
    let offset = match zone {
        "" => None,
        "Z" | "z" | "UTC" | "GMT" => Some(0),
        _ => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return Err(Problem::NotADate),
            };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Problem::NotADate);
            }
            let (oh, om): (i32, i32) = (digits[..2].parse().unwrap_or(99), digits[2..].parse().unwrap_or(99));
            if oh > 14 || om > 59 {
                return Err(Problem::NotADate);
            }
            Some(sign * (oh * 60 + om))
        }
    };
    Ok((Some(time), offset))
}

impl SpelledDate {
    /// `YYYY-MM-DD`, or `--MM-DD` (ISO 8601's date without a year) for a birthday.
    pub fn date(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    /// The moment in UTC as Patron stores times (`2024-03-05T09:15:00.000Z`); a time with
    /// no offset is read as UTC, and a date with no time as noon UTC, so that it stays on
    /// its day wherever the shop is. None without a year.
    pub fn utc_timestamp(&self) -> Option<String> {
        let year = self.year?;
        let (h, m, s, ms) = self.time.unwrap_or((12, 0, 0, 0));
        let days = super::date::days_from_civil(i64::from(year), i64::from(self.month), i64::from(self.day));
        let seconds = days * 86_400 + i64::from(h * 3600 + m * 60 + s) - i64::from(self.offset.unwrap_or(0)) * 60;
        Some(super::date::iso_timestamp_millis(seconds * 1000 + i64::from(ms)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(raw: &str, order: DayOrder) -> String {
        read(raw, order).unwrap().utc_timestamp().unwrap()
    }

    #[test]
    fn the_spellings_of_common_exports_are_read() {
        let d = DayOrder::DayFirst;
        assert_eq!(utc("2024-03-05", d), "2024-03-05T12:00:00.000Z");
        assert_eq!(utc("2024-03-05T10:15:00Z", d), "2024-03-05T10:15:00.000Z");
        assert_eq!(utc("2024-03-05 10:15:00 +0100", d), "2024-03-05T09:15:00.000Z");
        assert_eq!(utc("2024-03-05T00:30:00-05:00", d), "2024-03-05T05:30:00.000Z");
        assert_eq!(utc("2024-03-05 10:15:30.25", d), "2024-03-05T10:15:30.250Z");
        assert_eq!(utc("05.03.2024", d), "2024-03-05T12:00:00.000Z");
        assert_eq!(utc("5-3-2024 10:15", d), "2024-03-05T10:15:00.000Z");
        assert_eq!(utc("03/05/2024", DayOrder::MonthFirst), "2024-03-05T12:00:00.000Z");
        assert_eq!(utc("2024/03/05", d), "2024-03-05T12:00:00.000Z");
        assert_eq!(utc("2024-01-01 00:30 +0100", d), "2023-12-31T23:30:00.000Z");
    }

    #[test]
    fn birthdays_without_a_year_keep_month_and_day() {
        assert_eq!(read("03/05", DayOrder::MonthFirst).unwrap().date(), "--03-05");
        assert_eq!(read("5.3.", DayOrder::DayFirst).unwrap().date(), "--03-05");
        assert_eq!(read("29.02", DayOrder::DayFirst).unwrap().date(), "--02-29", "a leap day is a birthday");
        assert_eq!(read("03/05", DayOrder::MonthFirst).unwrap().utc_timestamp(), None);
    }

    #[test]
    fn what_is_no_date_is_refused() {
        for bad in [
            "2024-02-30",
            "2023-02-29",
            "13/13/2024",
            "yesterday",
            "2024-03-05 25:00",
            "2024-03-05 10:15 +2500",
            "1.2.3.4",
            "0/1",
        ] {
            assert_eq!(read(bad, DayOrder::DayFirst), Err(Problem::NotADate), "{bad}");
        }
        assert_eq!(read(" ", DayOrder::DayFirst), Err(Problem::Required));
    }

    #[test]
    fn a_column_shows_its_day_order() {
        let us = ["03/05/2024", "12/31/2024", "01/02/2024"];
        assert_eq!(day_order(us, DayOrder::DayFirst), DayOrder::MonthFirst);
        let eu = ["03/05/2024", "31/12/2024"];
        assert_eq!(day_order(eu, DayOrder::MonthFirst), DayOrder::DayFirst);
        assert_eq!(day_order(["03/05/2024"], DayOrder::MonthFirst), DayOrder::MonthFirst, "nothing shown");
        assert_eq!(day_order(["2024-12-31"], DayOrder::MonthFirst), DayOrder::MonthFirst, "ISO shows nothing");
        assert_eq!(day_order(["31/12/2024", "12/31/2024"], DayOrder::DayFirst), DayOrder::DayFirst, "mixed");
        assert_eq!(DayOrder::of_country(Some("US")), DayOrder::MonthFirst);
        assert_eq!(DayOrder::of_country(Some("NL")), DayOrder::DayFirst);
    }
}
