//! How the reader's language writes a moment and a day ("5 dec 2026, 09:05", "5.12.2026
//! klo 9.05", "5 дек. 2026 г."): patterns the server reads from CLDR through ICU4X
//! (`sites::date_style`) and the page fills in, as it does with `MoneyStyle`, so the
//! browser carries no CLDR data of its own and both sides write the same words.

use serde::{Deserialize, Serialize};

/// Patterns per month (the month's name or number is part of each), with `{y}`, `{d}`,
/// `{h}`, `{m}` and `{w}` for the year, day, hour (24-hour clock), minute and weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateStyle {
    /// A moment: date and time.
    pub moments: Vec<String>,
    /// A day.
    pub days: Vec<String>,
    /// A day in words, with its weekday ("vrijdag 4 december 2026").
    pub long_days: Vec<String>,
    /// The weekdays' names, Monday first.
    pub weekdays: Vec<String>,
    /// Whether days and hours under 10 are written with a leading zero ("05", "09"), in the
    /// short forms and in the long.
    pub pad_day: bool,
    pub pad_hour: bool,
    pub pad_long_day: bool,
}

impl DateStyle {
    /// ISO 8601 without seconds ("2026-12-05 09:05"): when no language's style is known.
    pub fn iso() -> DateStyle {
        let month = |m: usize, time: &str| format!("{{y}}-{m:02}-{{d}}{time}");
        DateStyle {
            moments: (1..=12).map(|m| month(m, " {h}:{m}")).collect(),
            days: (1..=12).map(|m| month(m, "")).collect(),
            long_days: (1..=12).map(|m| month(m, "")).collect(),
            weekdays: Vec::new(),
            pad_day: true,
            pad_hour: true,
            pad_long_day: true,
        }
    }

    /// An ISO day (or the day of an ISO moment) in words, with its weekday.
    pub fn write_long(&self, iso: &str) -> String {
        let Some((year, month, day)) = ymd(iso) else { return iso.to_owned() };
        let Some(pattern) = self.long_days.get(month - 1) else { return iso.to_owned() };
        let weekday = year.parse().ok().and_then(|y| self.weekdays.get(weekday(y, month as u32, day)));
        let day = if self.pad_long_day { format!("{day:02}") } else { day.to_string() };
        pattern.replace("{y}", year).replace("{d}", &day).replace("{w}", weekday.map_or("", |w| w.as_str()))
    }

    /// An ISO moment (`2026-12-05T09:05:00.000Z`) or day (`2026-12-05`) as the style writes
    /// it; anything else as it is.
    pub fn write(&self, iso: &str) -> String {
        let Some((year, month, day)) = ymd(iso) else { return iso.to_owned() };
        let time = iso.get(10..11).filter(|t| *t == "T" || *t == " ").and_then(|_| hm(iso.get(11..16)?));
        let patterns = if time.is_some() { &self.moments } else { &self.days };
        let Some(pattern) = patterns.get(month - 1) else { return iso.to_owned() };
        let padded = |n: u32, pad: bool| if pad { format!("{n:02}") } else { n.to_string() };
        let mut out = pattern.replace("{y}", year).replace("{d}", &padded(day, self.pad_day));
        if let Some((hour, minute)) = time {
            out = out.replace("{h}", &padded(hour, self.pad_hour)).replace("{m}", &format!("{minute:02}"));
        }
        out
    }
}

/// The year (as written), month and day of an ISO date's first ten characters.
fn ymd(iso: &str) -> Option<(&str, usize, u32)> {
    let (year, month, day) = (iso.get(0..4)?, iso.get(5..7)?, iso.get(8..10)?);
    if iso.get(4..5)? != "-" || iso.get(7..8)? != "-" || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month: usize = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// The weekday of a Gregorian date, Monday 0: days since 1970-01-01 (a Thursday) by
/// Howard Hinnant's `days_from_civil`. Written out: a dozen lines, where a date crate in the
/// admin bundle for this one sum would weigh far more.
fn weekday(year: i64, month: u32, day: u32) -> usize {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (days + 3).rem_euclid(7) as usize
}

/// The hour and minute of `HH:MM`.
fn hm(s: &str) -> Option<(u32, u32)> {
    let (hour, minute) = s.split_once(':')?;
    Some((hour.parse().ok().filter(|h| *h < 24)?, minute.parse().ok().filter(|m| *m < 60)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_iso_style_writes_what_the_admin_wrote_before() {
        let iso = DateStyle::iso();
        assert_eq!(iso.write("2026-12-05T09:05:59.123Z"), "2026-12-05 09:05");
        assert_eq!(iso.write("2026-01-31"), "2026-01-31");
        assert_eq!(iso.write("yesterday"), "yesterday");
        assert_eq!(iso.write("2026-13-05"), "2026-13-05");
    }

    #[test]
    fn a_style_fills_its_months_pattern() {
        let mut style = DateStyle::iso();
        style.moments[11] = "{d}.12.{y} klo {h}.{m}".into();
        style.days[2] = "{d} mrt {y}".into();
        style.pad_day = false;
        style.pad_hour = false;
        assert_eq!(style.write("2026-12-05T09:07:00Z"), "5.12.2026 klo 9.07");
        assert_eq!(style.write("2026-03-15"), "15 mrt 2026");
    }

    #[test]
    fn weekdays_are_counted_from_the_calendar() {
        // 1970-01-01 was a Thursday, 2000-02-29 a Tuesday, 2026-12-04 a Friday, 1900-03-01 a Thursday.
        assert_eq!(weekday(1970, 1, 1), 3);
        assert_eq!(weekday(2000, 2, 29), 1);
        assert_eq!(weekday(2026, 12, 4), 4);
        assert_eq!(weekday(1900, 3, 1), 3);
        let mut style = DateStyle::iso();
        style.long_days[11] = "{w} {d} december {y}".into();
        style.weekdays =
            ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"].map(String::from).into();
        style.pad_long_day = false;
        assert_eq!(style.write_long("2026-12-04T10:00:00Z"), "vrijdag 4 december 2026");
    }
}
