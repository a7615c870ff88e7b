//! A site's clock: the time zone its admin pages write moments in and count "today" by.
//! Moments are stored in UTC; the zone is the site's choice in its settings, else its
//! country's, else UTC. The browser gets the zone's offsets through the years with the page
//! (`domain::DateStyle::zone`), so it carries no tz database of its own.

use crate::domain::{SiteId, iso_timestamp};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The zone chosen for a country that spans several: its capital's, or where most of its
/// people live. CLDR knows a country's zones but names no main one for most of them; a
/// test checks each name here is one of its country's zones.
const MAIN_ZONE: &[(&str, &str)] = &[
    ("AR", "America/Argentina/Buenos_Aires"),
    ("AU", "Australia/Sydney"),
    ("BR", "America/Sao_Paulo"),
    ("CA", "America/Toronto"),
    ("CD", "Africa/Kinshasa"),
    ("CL", "America/Santiago"),
    ("CN", "Asia/Shanghai"),
    ("CY", "Asia/Nicosia"),
    ("EC", "America/Guayaquil"),
    ("ES", "Europe/Madrid"),
    ("FI", "Europe/Helsinki"),
    ("FM", "Pacific/Pohnpei"),
    ("GL", "America/Nuuk"),
    ("GP", "America/Guadeloupe"),
    ("ID", "Asia/Jakarta"),
    ("KI", "Pacific/Tarawa"),
    ("KZ", "Asia/Almaty"),
    ("MH", "Pacific/Majuro"),
    ("MN", "Asia/Ulaanbaatar"),
    ("MX", "America/Mexico_City"),
    ("MY", "Asia/Kuala_Lumpur"),
    ("NZ", "Pacific/Auckland"),
    ("PF", "Pacific/Tahiti"),
    ("PG", "Pacific/Port_Moresby"),
    ("PT", "Europe/Lisbon"),
    ("RU", "Europe/Moscow"),
    ("UA", "Europe/Kyiv"),
    ("US", "America/New_York"),
    ("UZ", "Asia/Tashkent"),
    // CLDR's ids of these zones are longer than a UN/LOCODE, so `zones_of` cannot see them.
    ("IL", "Asia/Jerusalem"),
    ("PS", "Asia/Gaza"),
];

/// Every zone to choose from: the tz database's canonical names, by name.
pub fn all_zones() -> Vec<&'static str> {
    let mut names: Vec<&'static str> =
        icu_time::zone::iana::IanaParserExtended::new().iter().map(|zone| zone.canonical).collect();
    names.sort_unstable();
    names
}

/// The zones of a country (`NL` → `Europe/Amsterdam`), by name. CLDR's zone ids that are
/// UN/LOCODEs (five letters) begin with their country's ISO code (UTS #35, "Time Zone
/// Identifiers"); the few longer ones are the second zones of their countries, but Israel's
/// and Palestine's (see `MAIN_ZONE`).
pub fn zones_of(country: &str) -> Vec<&'static str> {
    let prefix = country.to_ascii_lowercase();
    let mut names: Vec<&'static str> = icu_time::zone::iana::IanaParserExtended::new()
        .iter()
        .filter(|zone| {
            let id = zone.time_zone.as_str();
            id.len() == 5 && id.starts_with(&prefix)
        })
        .map(|zone| zone.canonical)
        .collect();
    names.sort_unstable();
    names
}

/// The zone a country's shops keep, when nobody chose one: its only zone, else its main one.
pub fn country_zone(country: &str) -> Option<&'static str> {
    let country = country.to_ascii_uppercase();
    if let Some((_, zone)) = MAIN_ZONE.iter().find(|(c, _)| *c == country) {
        return Some(zone);
    }
    match zones_of(&country).as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

/// The zone of a site: the one chosen in its settings, else its country's, else UTC.
pub fn zone(chosen: &str, country: Option<&str>) -> TimeZone {
    let name = Some(chosen).filter(|c| !c.is_empty()).or_else(|| country.and_then(country_zone));
    name.and_then(|n| jiff::tz::db().get(n).ok()).unwrap_or(TimeZone::UTC)
}

/// The clock of a site as its row says.
pub async fn of_site(pool: &crate::db::Db, site: SiteId) -> sqlx::Result<TimeZone> {
    let (chosen, country): (String, Option<String>) =
        sqlx::query_as("SELECT time_zone, country FROM sites WHERE id = $1").bind(site).fetch_one(pool).await?;
    Ok(zone(&chosen, country.as_deref()))
}

/// The offsets of `zone` from 1970 to 2060 as the browser reads them
/// (`DateStyle::zone`), worked out once per zone.
pub fn offsets(zone: &TimeZone) -> Vec<(i64, i32)> {
    /// `(from, offset)` pairs by zone name.
    type Offsets = HashMap<String, Vec<(i64, i32)>>;
    static CACHE: OnceLock<Mutex<Offsets>> = OnceLock::new();
    let key = zone.iana_name().unwrap_or("UTC").to_owned();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return found.clone();
    }
    let start = Timestamp::UNIX_EPOCH;
    let end = 2_840_140_800; // 2060-01-01T00:00:00Z
    let mut found = vec![(0, zone.to_offset(start).seconds())];
    found.extend(
        zone.following(start)
            .map(|change| (change.timestamp().as_second(), change.offset().seconds()))
            .take_while(|(at, _)| *at < end),
    );
    cache.lock().unwrap_or_else(|e| e.into_inner()).insert(key, found.clone());
    found
}

/// The first moment of today on `zone`'s clock, as moments are stored
/// (`2026-12-03T22:00:00.000Z` for Helsinki's 4 December): where today's sales begin.
pub fn start_of_today(zone: &TimeZone) -> String {
    let now = Timestamp::now().to_zoned_datetime(zone.clone());
    let start = now.start_of_day().map_or(now.timestamp(), |s| s.timestamp());
    iso_timestamp(start.as_second())
}

/// Today's date on `zone`'s clock (`YYYY-MM-DD`).
pub fn today(zone: &TimeZone) -> String {
    Timestamp::now().to_zoned_datetime(zone.clone()).date().to_string()
}

/// The day a stored moment (`2026-12-03T22:30:00.000Z`) fell on, on `zone`'s clock
/// (`YYYY-MM-DD`); `None` for anything that is not a moment.
pub fn day_of(zone: &TimeZone, iso: &str) -> Option<String> {
    let at: Timestamp = iso.parse().ok()?;
    Some(at.to_zoned_datetime(zone.clone()).date().to_string())
}

/// The clock of the site the signed-in staff member works on (the page's `?site=`, else
/// the one they chose), put on each admin page request for the page's dates
/// (`staff::ui::page_dates`).
#[derive(Debug, Clone)]
pub struct PageClock(pub TimeZone);

/// Middleware of the admin's pages: finds the page's clock. A request without a live
/// session, or for a site that is not there, goes on without one (the page writes UTC).
pub async fn attach(
    axum::extract::State(pool): axum::extract::State<crate::db::Db>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if request.method() == axum::http::Method::GET && request.uri().path().starts_with("/admin") {
        let site = axum::extract::Query::<HashMap<String, String>>::try_from_uri(request.uri())
            .ok()
            .and_then(|q| q.0.get("site").cloned())
            .unwrap_or_default();
        if let Ok(Some(staff)) = crate::staff::guard::staff_from_headers(&pool, request.headers()).await
            && let Ok(id) = crate::staff::guard::site_for(&pool, &staff, &site).await
        {
            match of_site(&pool, id).await {
                Ok(zone) => {
                    request.extensions_mut().insert(PageClock(zone));
                }
                Err(e) => tracing::warn!(error = %e, "the site's clock could not be read; the page writes UTC"),
            }
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_with_one_zone_keeps_it() {
        assert_eq!(country_zone("NL"), Some("Europe/Amsterdam"));
        assert_eq!(country_zone("za"), Some("Africa/Johannesburg"));
        assert_eq!(country_zone("DE"), Some("Europe/Berlin"));
        assert_eq!(country_zone("IL"), Some("Asia/Jerusalem"));
        assert_eq!(country_zone("AQ"), None);
    }

    #[test]
    fn every_main_zone_is_one_of_its_countrys_and_every_country_of_many_has_one() {
        for (country, zone) in MAIN_ZONE {
            let zones = zones_of(country);
            assert!(zones.contains(zone) || zones.is_empty(), "{zone} is not a zone of {country}: {zones:?}");
            assert!(jiff::tz::db().get(zone).is_ok(), "{zone} is not in the tz database");
        }
        // Antarctica's stations and the US's outlying islands: no zone a shop would keep.
        let without = ["AQ", "UM"];
        for zone in icu_time::zone::iana::IanaParserExtended::new().iter() {
            let id = zone.time_zone.as_str();
            let country = id.get(..2).unwrap_or_default().to_ascii_uppercase();
            if id.len() == 5 && !without.contains(&country.as_str()) && zones_of(&country).len() > 1 {
                assert!(MAIN_ZONE.iter().any(|(c, _)| *c == country), "{country} has several zones and no main one");
            }
        }
    }

    #[test]
    fn a_sites_zone_is_its_choice_else_its_countrys_else_utc() {
        assert_eq!(zone("Europe/Lisbon", Some("FI")).iana_name(), Some("Europe/Lisbon"));
        assert_eq!(zone("", Some("FI")).iana_name(), Some("Europe/Helsinki"));
        assert_eq!(zone("", None), TimeZone::UTC);
        assert_eq!(zone("Nowhere/Atlantis", None), TimeZone::UTC);
    }

    #[test]
    fn the_browser_gets_every_change_of_offset() {
        let helsinki = offsets(&zone("Europe/Helsinki", None));
        assert_eq!(helsinki[0], (0, 7_200));
        // 29 March 2026, 01:00 UTC: summer time; 25 October 2026, 01:00 UTC: back.
        assert!(helsinki.contains(&(1_774_746_000, 10_800)));
        assert!(helsinki.contains(&(1_792_890_000, 7_200)));
        assert!(helsinki.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(offsets(&TimeZone::UTC), vec![(0, 0)]);
    }

    #[test]
    fn a_moment_falls_on_the_day_its_sites_clock_says() {
        let helsinki = zone("Europe/Helsinki", None);
        assert_eq!(day_of(&helsinki, "2026-12-03T22:30:00.000Z").as_deref(), Some("2026-12-04"));
        assert_eq!(day_of(&helsinki, "2026-12-03T21:59:59.999Z").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of(&TimeZone::UTC, "2026-12-03T22:30:00Z").as_deref(), Some("2026-12-03"));
        assert_eq!(day_of(&helsinki, "2026-12-03"), None);
    }
}
