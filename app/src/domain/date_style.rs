//! How the reader's language writes a moment and a day ("5 dec 2026, 09:05", "5.12.2026
//! klo 9.05", "5 дек. 2026 г."): patterns the server reads from CLDR through ICU4X
//! (`sites::date_style`) and the page fills in, as it does with `MoneyStyle`, so the
//! browser carries no CLDR data of its own and both sides write the same words.

use serde::{Deserialize, Serialize};

/// Patterns per month (the month's name or number is part of each), with `{y}`, `{d}`,
/// `{h}` and `{m}` for the year, day, hour (24-hour clock) and minute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateStyle {
    /// A moment: date and time.
    pub moments: Vec<String>,
    /// A day.
    pub days: Vec<String>,
    /// Whether days and hours under 10 are written with a leading zero ("05", "09").
    pub pad_day: bool,
    pub pad_hour: bool,
}

impl DateStyle {
    /// ISO 8601 without seconds ("2026-12-05 09:05"): when no language's style is known.
    pub fn iso() -> DateStyle {
        let month = |m: usize, time: &str| format!("{{y}}-{m:02}-{{d}}{time}");
        DateStyle {
            moments: (1..=12).map(|m| month(m, " {h}:{m}")).collect(),
            days: (1..=12).map(|m| month(m, "")).collect(),
            pad_day: true,
            pad_hour: true,
        }
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
}
