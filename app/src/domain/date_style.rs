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
    /// The clock moments are written in (the site's time zone): `(from, offset)` pairs in
    /// ascending order, each saying that from that UTC second on, local time is UTC plus
    /// `offset` seconds; before the first, the first's offset holds. Empty: UTC.
    #[serde(default)]
    pub zone: Vec<(i64, i32)>,
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
            zone: Vec::new(),
        }
    }

    /// The same style, writing moments on the clock `zone` describes (see `DateStyle::zone`).
    pub fn on_clock(self, zone: Vec<(i64, i32)>) -> DateStyle {
        DateStyle { zone, ..self }
    }

    /// A stored moment (always UTC: `2026-12-05T09:05:00.000Z`, or SQLite's
    /// `2026-12-05 09:05:00`) as the wall clock of `zone` reads it, in the stored shape; a
    /// day, or anything that is not a moment, as it is.
    fn local<'a>(&self, iso: &'a str) -> std::borrow::Cow<'a, str> {
        let Some(utc) = seconds(iso) else { return iso.into() };
        let at = self.zone.partition_point(|(from, _)| *from <= utc);
        let offset = self.zone.get(at.saturating_sub(1)).map_or(0, |(_, offset)| i64::from(*offset));
        if offset == 0 { iso.into() } else { super::iso_timestamp(utc + offset).into() }
    }

    /// The time of day of a moment ("09:05", "9.05"), as the style writes it in a moment.
    pub fn write_time(&self, iso: &str) -> String {
        let iso = self.local(iso);
        let (Some((_, month, _)), Some((hour, minute))) = (ymd(&iso), iso.get(11..16).and_then(hm)) else {
            return iso.into_owned();
        };
        let pattern = self.moments.get(month - 1).map(String::as_str).unwrap_or("{h}:{m}");
        let pattern = match (pattern.find("{h}"), pattern.find("{m}")) {
            (Some(h), Some(m)) if h < m => &pattern[h..m + 3],
            _ => "{h}:{m}",
        };
        let hour = if self.pad_hour { format!("{hour:02}") } else { hour.to_string() };
        pattern.replace("{h}", &hour).replace("{m}", &format!("{minute:02}"))
    }

    /// An ISO day (or the day of an ISO moment) in words, with its weekday.
    pub fn write_long(&self, iso: &str) -> String {
        let local = self.local(iso);
        let Some((year, month, day)) = ymd(&local) else { return iso.to_owned() };
        let Some(pattern) = self.long_days.get(month - 1) else { return iso.to_owned() };
        let weekday = year.parse().ok().and_then(|y| self.weekdays.get(weekday(y, month as u32, day)));
        let day = if self.pad_long_day { format!("{day:02}") } else { day.to_string() };
        pattern.replace("{y}", year).replace("{d}", &day).replace("{w}", weekday.map_or("", |w| w.as_str()))
    }

    /// An ISO moment (`2026-12-05T09:05:00.000Z`) or day (`2026-12-05`) as the style writes
    /// it; anything else as it is.
    pub fn write(&self, iso: &str) -> String {
        let local = self.local(iso);
        let Some((year, month, day)) = ymd(&local) else { return iso.to_owned() };
        let time = local.get(10..11).filter(|t| *t == "T" || *t == " ").and_then(|_| hm(local.get(11..16)?));
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

/// The weekday of a Gregorian date, Monday 0: days since 1970-01-01 (a Thursday). Counted
/// by hand (`date::days_from_civil`), where a date crate in the admin bundle for this one sum
/// would weigh far more.
fn weekday(year: i64, month: u32, day: u32) -> usize {
    (super::date::days_from_civil(year, i64::from(month), i64::from(day)) + 3).rem_euclid(7) as usize
}

/// The UTC second of a stored moment (`YYYY-MM-DDTHH:MM[:SS...]`, `T` or a space); `None`
/// for a day or anything else.
fn seconds(iso: &str) -> Option<i64> {
    let (year, month, day) = ymd(iso)?;
    iso.get(10..11).filter(|t| *t == "T" || *t == " ")?;
    let (hour, minute) = hm(iso.get(11..16)?)?;
    let second: i64 = iso.get(16..19).and_then(|s| s.strip_prefix(':')?.parse().ok()).unwrap_or(0);
    let days = super::date::days_from_civil(year.parse().ok()?, month as i64, i64::from(day));
    Some(days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + second)
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

    /// Helsinki in 2026: UTC+2, UTC+3 from 29 March 01:00 UTC, UTC+2 from 25 October 01:00 UTC.
    fn helsinki() -> DateStyle {
        DateStyle::iso().on_clock(vec![(0, 7_200), (1_774_746_000, 10_800), (1_792_890_000, 7_200)])
    }

    #[test]
    fn moments_are_written_on_the_sites_clock() {
        let style = helsinki();
        // Past midnight there, still the day before in UTC: the day changes too.
        assert_eq!(style.write("2026-12-04T22:30:00.000Z"), "2026-12-05 00:30");
        assert_eq!(style.write("2026-07-01 21:15:00"), "2026-07-02 00:15");
        // Either side of a change, its own offset.
        assert_eq!(style.write("2026-01-31T23:00:00Z"), "2026-02-01 01:00");
        assert_eq!(style.write("2026-03-29T00:59:59Z"), "2026-03-29 02:59");
        assert_eq!(style.write("2026-03-29T01:00:00Z"), "2026-03-29 04:00");
        // A new year's eve moves the year.
        assert_eq!(style.write("2026-12-31T22:00:00Z"), "2027-01-01 00:00");
        // Days are the days they say: a birthday does not move.
        assert_eq!(style.write("2026-12-04"), "2026-12-04");
        assert_eq!(style.write_time("2026-12-04T07:05:00Z"), "09:05");
        assert_eq!(DateStyle::iso().write("2026-12-04T22:30:00Z"), "2026-12-04 22:30");
    }

    #[test]
    fn a_time_alone_is_written_as_the_moment_writes_it() {
        let mut style = DateStyle::iso();
        style.moments[11] = "{d}.12.{y} klo {h}.{m}".into();
        style.pad_hour = false;
        assert_eq!(style.write_time("2026-12-05T09:07:00Z"), "9.07");
        assert_eq!(style.write_time("2026-12-05"), "2026-12-05");
    }
}
