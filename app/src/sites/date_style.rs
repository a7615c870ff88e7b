//! The date style (`domain::DateStyle`) of a language, read from CLDR through ICU4X's
//! datetime formatter: it formats the 15th of each month at 13:47, and the month's pattern
//! is what stands around the sample's year, day, hour and minute. Whether a day or an hour
//! under 10 takes a leading zero is learnt by writing the 5th at 09:07 both ways and
//! keeping the one ICU4X agrees with. The page then writes every date with the style.

use crate::domain::DateStyle;
use crate::widgets::texts::Lang;
use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{E, YMD, YMDE, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use writeable::Writeable;

/// The style of `lang`, worked out once per language; the ISO style when CLDR's patterns
/// cannot be read this way (a test below checks every shipped language can).
pub fn style(lang: Lang) -> DateStyle {
    static CACHE: OnceLock<Mutex<HashMap<Lang, DateStyle>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&lang) {
        return found.clone();
    }
    let found = from_cldr(lang).unwrap_or_else(DateStyle::iso);
    cache.lock().unwrap_or_else(|e| e.into_inner()).insert(lang, found.clone());
    found
}

/// The formatters of a moment and of a day in `lang`, on a 24-hour clock (the shipped
/// languages' shops read one; English's CLDR default would write "1:47 PM").
fn formatters(
    lang: Lang,
) -> Option<(FixedCalendarDateTimeFormatter<Gregorian, YMDT>, FixedCalendarDateTimeFormatter<Gregorian, YMD>)> {
    let locale: icu_locale_core::Locale = format!("{}-u-hc-h23", lang.code()).parse().ok()?;
    let moment = FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::medium().with_time_hm()).ok()?;
    let day = FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::medium()).ok()?;
    Some((moment, day))
}

/// The formatters of a day in words with its weekday, and of a weekday alone.
fn long_formatters(
    lang: Lang,
) -> Option<(FixedCalendarDateTimeFormatter<Gregorian, YMDE>, FixedCalendarDateTimeFormatter<Gregorian, E>)> {
    let locale: icu_locale_core::Locale = lang.code().parse().ok()?;
    let long = FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMDE::long()).ok()?;
    let weekday = FixedCalendarDateTimeFormatter::try_new((&locale).into(), E::long()).ok()?;
    Some((long, weekday))
}

fn at(month: u8, day: u8, hour: u8, minute: u8) -> Option<DateTime<Gregorian>> {
    Some(DateTime {
        date: Date::try_new_gregorian(2026, month, day).ok()?,
        time: Time::try_new(hour, minute, 0, 0).ok()?,
    })
}

fn from_cldr(lang: Lang) -> Option<DateStyle> {
    let (moment, day) = formatters(lang)?;
    let pattern = |written: String, with_time: bool| -> Option<String> {
        let mut p = written.replace("2026", "{y}").replace("15", "{d}");
        if with_time {
            p = p.replace("47", "{m}").replace("13", "{h}");
        }
        let needed: &[&str] = if with_time { &["{y}", "{d}", "{h}", "{m}"] } else { &["{y}", "{d}"] };
        needed.iter().all(|n| p.matches(n).count() == 1).then_some(p)
    };
    let mut moments = Vec::with_capacity(12);
    let mut days = Vec::with_capacity(12);
    for month in 1..=12 {
        let sample = at(month, 15, 13, 47)?;
        moments.push(pattern(moment.format(&sample).write_to_string().into_owned(), true)?);
        days.push(pattern(day.format(&sample.date).write_to_string().into_owned(), false)?);
    }
    let (long, weekday) = long_formatters(lang)?;
    // 5 to 11 January 2026: Monday to Sunday.
    let weekdays: Vec<String> = (5..=11)
        .map(|d| Some(weekday.format(&Date::try_new_gregorian(2026, 1, d).ok()?).write_to_string().into_owned()))
        .collect::<Option<_>>()?;
    let mut long_days = Vec::with_capacity(12);
    for month in 1..=12 {
        let sample = Date::try_new_gregorian(2026, month, 15).ok()?;
        let written = long.format(&sample).write_to_string().into_owned();
        // The sample's weekday is the longest name in it (no name holds another here, but
        // a short one could sit inside a month's name).
        let name = weekdays.iter().filter(|w| written.contains(w.as_str())).max_by_key(|w| w.len())?;
        let p = written.replacen(name.as_str(), "{w}", 1).replace("2026", "{y}").replace("15", "{d}");
        (p.matches("{d}").count() == 1 && p.matches("{y}").count() == 1).then_some(())?;
        long_days.push(p);
    }
    // The 5th of December at 09:07 (a Saturday), as ICU4X writes it; the padding that writes it so.
    let check = at(12, 5, 9, 7)?;
    let (expected, expected_long) =
        (moment.format(&check).write_to_string().into_owned(), long.format(&check.date).write_to_string().into_owned());
    let choices = [(true, true), (false, true), (true, false), (false, false)];
    let (pad_day, pad_hour) = choices.into_iter().find(|&(pad_day, pad_hour)| {
        let style = DateStyle { moments: moments.clone(), pad_day, pad_hour, ..DateStyle::iso() };
        style.write("2026-12-05T09:07:00Z") == expected
    })?;
    let style =
        DateStyle { moments, days, long_days, weekdays, pad_day, pad_hour, pad_long_day: true, zone: Vec::new() };
    [true, false].into_iter().find_map(|pad_long_day| {
        let style = DateStyle { pad_long_day, ..style.clone() };
        (style.write_long("2026-12-05") == expected_long).then_some(style)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_language_writes_dates_as_icu4x_does() {
        for lang in Lang::ALL {
            let style = from_cldr(lang).unwrap_or_else(|| panic!("{}: no style from CLDR", lang.code()));
            let (moment, day) = formatters(lang).expect("formatters");
            let (long, _) = long_formatters(lang).expect("long formatters");
            for (month, d, hour, minute) in
                [(1, 1, 0, 0), (2, 28, 23, 59), (5, 9, 8, 5), (10, 31, 10, 30), (12, 24, 7, 3)]
            {
                let sample = at(month, d, hour, minute).expect("a date");
                let iso = format!("2026-{month:02}-{d:02}T{hour:02}:{minute:02}:00.000Z");
                assert_eq!(style.write(&iso), moment.format(&sample).write_to_string(), "{} {iso}", lang.code());
                assert_eq!(
                    style.write(&iso[..10]),
                    day.format(&sample.date).write_to_string(),
                    "{} {iso}",
                    lang.code()
                );
                let long_written = long.format(&sample.date).write_to_string().into_owned();
                assert_eq!(style.write_long(&iso), long_written, "{} {iso}", lang.code());
            }
            // Every weekday, in a year before and after this one.
            for (year, month, d) in
                [(2025, 6, 2), (2025, 6, 3), (2025, 6, 4), (2027, 1, 7), (2027, 1, 8), (2027, 1, 9), (2027, 1, 10)]
            {
                let date = Date::try_new_gregorian(year, month, d).expect("a date");
                let iso = format!("{year}-{month:02}-{d:02}");
                assert_eq!(style.write_long(&iso), long.format(&date).write_to_string(), "{} {iso}", lang.code());
            }
        }
        assert_eq!(style(Lang::Nl).write("2026-12-05T09:05:00Z"), "5 dec 2026, 09:05");
        assert_eq!(style(Lang::Fi).write("2026-12-05T09:05:00Z"), "5.12.2026 klo 9.05");
        assert_eq!(style(Lang::De).write("2026-03-15"), "15.03.2026");
        assert_eq!(style(Lang::Nl).write_long("2026-12-04"), "vrijdag 4 december 2026");
    }
}
