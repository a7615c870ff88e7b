//! A report's period of whole days, counted on its site's clock (`sites::clock`): where
//! its first day begins and its last one ends as stored moments (UTC, `…T…Z`) compare, and
//! the Monday-to-Sunday weeks it is drawn in. A Helsinki sale at 00:30 on a Monday belongs
//! to that Monday and its week, not to the Sunday before as the UTC day would have it.

use crate::domain::{DateRange, iso_timestamp};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The first moment of `day` (`YYYY-MM-DD`) on `zone`'s clock, as moments are stored.
/// Where a clock skips midnight, its first moment after (jiff's `start_of_day`).
pub fn start_of(zone: &TimeZone, day: &str) -> String {
    let first = day
        .parse::<Date>()
        .ok()
        .and_then(|d| d.to_zoned_datetime(zone.clone()).ok())
        .and_then(|z| z.start_of_day().ok())
        .map(|z| z.timestamp().as_second());
    // A `DateRange` holds parsed dates only; were one to slip through, its UTC day.
    iso_timestamp(first.unwrap_or_else(|| utc_day_start(day)))
}

fn utc_day_start(day: &str) -> i64 {
    day.parse::<Date>().map_or(0, |d| d.to_zoned_datetime(TimeZone::UTC).map_or(0, |z| z.timestamp().as_second()))
}

/// `range` as stored moments compare: its first day's first moment, and the first moment
/// after its last day (`created_at >= from AND created_at < until`).
pub fn bounds(zone: &TimeZone, range: &DateRange) -> (String, String) {
    let after = range.to.as_str().parse::<Date>().ok().and_then(|d| d.tomorrow().ok());
    let until = after.map_or_else(|| format!("{}U", range.to.as_str()), |d| start_of(zone, &d.to_string()));
    (start_of(zone, range.from.as_str()), until)
}

/// The weeks `range` touches, as the JSON that [`week_of`] reads: `[[monday, its first
/// moment], …]` in order.
pub fn weeks(zone: &TimeZone, range: &DateRange) -> String {
    let weeks: Vec<(String, String)> = range
        .mondays()
        .into_iter()
        .map(|m| {
            let first = start_of(zone, &m);
            (m, first)
        })
        .collect();
    serde_json::to_string(&weeks).unwrap_or_default()
}

/// SQL: the Monday of the week a stored moment `column` falls in, of the weeks bound at
/// `param` ([`weeks`]). The last week that began at or before it: Mondays and their first
/// moments sort alike.
pub fn week_of(dialect: crate::db::Dialect, column: &str, param: &str) -> String {
    let weeks = dialect.json_rows(param);
    format!("(SELECT max(w.value ->> 0) FROM {weeks} AS w WHERE w.value ->> 1 <= {column})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(from: &str, to: &str) -> DateRange {
        DateRange::parse(from, to, "2030-01-01").unwrap()
    }

    #[test]
    fn a_period_runs_from_midnight_to_midnight_on_the_sites_clock() {
        let helsinki = TimeZone::get("Europe/Helsinki").unwrap();
        let winter = range("2026-12-01", "2026-12-04");
        assert_eq!(bounds(&helsinki, &winter), ("2026-11-30T22:00:00.000Z".into(), "2026-12-04T22:00:00.000Z".into()));
        // Summer time began on 29 March 2026: that day has 23 hours.
        let spring = range("2026-03-29", "2026-03-29");
        assert_eq!(bounds(&helsinki, &spring), ("2026-03-28T22:00:00.000Z".into(), "2026-03-29T21:00:00.000Z".into()));
        assert_eq!(bounds(&TimeZone::UTC, &winter).1, "2026-12-05T00:00:00.000Z");
        // Havana's clock went from 23:59:59 to 01:00 on 10 March 2024: that day began at 01:00.
        let havana = TimeZone::get("America/Havana").unwrap();
        assert_eq!(start_of(&havana, "2024-03-10"), "2024-03-10T05:00:00.000Z");
    }

    #[test]
    fn the_weeks_begin_on_mondays_at_the_sites_midnight() {
        let kiritimati = TimeZone::get("Pacific/Kiritimati").unwrap();
        let weeks: Vec<(String, String)> =
            serde_json::from_str(&weeks(&kiritimati, &range("2026-11-25", "2026-12-03"))).unwrap();
        assert_eq!(
            weeks,
            vec![
                ("2026-11-23".to_owned(), "2026-11-22T10:00:00.000Z".to_owned()),
                ("2026-11-30".to_owned(), "2026-11-29T10:00:00.000Z".to_owned()),
            ]
        );
    }
}
