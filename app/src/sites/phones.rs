//! Phone numbers in a site's country: reading national numbers into E.164 where they are
//! written, finding them as they are typed, and rewriting the numbers stored before the
//! site had a country (or when it changes).

use crate::db::Conn;
use crate::db::Db;
use crate::domain::{Country, CustomerField, CustomerId, Phone, SiteId};
use crate::widgets::texts::Lang;

/// The site's country, if one was chosen.
pub async fn country(conn: &mut Conn, site: SiteId) -> sqlx::Result<Option<Country>> {
    let code: Option<Option<String>> =
        sqlx::query_scalar("SELECT country FROM sites WHERE id = $1").bind(site).fetch_optional(conn).await?;
    Ok(code.flatten().and_then(|c| Country::parse(&c).ok()))
}

/// `phone` as it is stored on `site`.
pub async fn stored(conn: &mut Conn, site: SiteId, phone: &Phone) -> sqlx::Result<Phone> {
    Ok(phone.in_country(country(conn, site).await?.as_ref()))
}

/// [`stored`] for a phone that may not have been given.
pub async fn stored_if_given(conn: &mut Conn, site: SiteId, phone: Option<&Phone>) -> sqlx::Result<Option<Phone>> {
    match phone {
        Some(phone) => Ok(Some(stored(conn, site, phone).await?)),
        None => Ok(None),
    }
}

/// `phone` as it is stored on the site of `customer`.
pub async fn stored_for(conn: &mut Conn, customer: CustomerId, phone: &Phone) -> sqlx::Result<Phone> {
    let site: Option<SiteId> = sqlx::query_scalar("SELECT site_id FROM customers WHERE id = $1")
        .bind(customer)
        .fetch_optional(&mut *conn)
        .await?;
    match site {
        Some(site) => stored(conn, site, phone).await,
        None => Ok(phone.clone()),
    }
}

/// The starts a typed number may have once stored: what was typed, and its E.164 start in
/// each country the sites are in (`0612` is `+31612` on a Dutch site).
pub async fn typed_starts(pool: &Db, typed: &str) -> sqlx::Result<Vec<String>> {
    let countries: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT country FROM sites WHERE country IS NOT NULL").fetch_all(pool).await?;
    Ok(countries
        .iter()
        .filter_map(|c| Country::parse(c).ok())
        .filter_map(|c| Phone::typed_start_in_country(typed, &c))
        .collect())
}

/// Rewrites the national numbers stored on sites whose country changed since their numbers
/// were last read (see migration 0043). Each site in one transaction; returns how many
/// numbers changed. Runs at start and when an owner saves the country.
pub async fn bring_up_to_date(pool: &Db) -> sqlx::Result<u64> {
    let stale: Vec<(SiteId, Option<String>)> =
        sqlx::query_as("SELECT id, country FROM sites WHERE country IS DISTINCT FROM phones_read_in")
            .fetch_all(pool)
            .await?;
    let mut changed = 0;
    for (site, code) in stale {
        let country = code.as_deref().and_then(|c| Country::parse(c).ok());
        let (_turn, mut tx) = crate::writer::begin(pool).await?;
        let numbers: Vec<(CustomerId, String)> =
            sqlx::query_as("SELECT id, phone FROM customers WHERE site_id = $1 AND phone IS NOT NULL AND phone <> ''")
                .bind(site)
                .fetch_all(&mut *tx)
                .await?;
        for (id, sealed) in numbers {
            let number = pool.pii().open(&sealed)?;
            let Ok(phone) = Phone::parse(&number) else { continue };
            let read = phone.in_country(country.as_ref());
            if read.as_str() != number {
                // The number and its blind indexes (phone_hash, phone_prefix, in that order).
                let mut query =
                    sqlx::query("UPDATE customers SET phone = $1, phone_hash = $2, phone_prefix = $3 WHERE id = $4")
                        .bind(pool.pii().seal(read.as_str()));
                for (_, index) in crate::pii::blind::of_field(pool.pii(), CustomerField::Phone, Some(read.as_str())) {
                    query = query.bind(index);
                }
                query.bind(id).execute(&mut *tx).await?;
                changed += 1;
            }
        }
        sqlx::query("UPDATE sites SET phones_read_in = country WHERE id = $1").bind(site).execute(&mut *tx).await?;
        tx.commit().await?;
    }
    Ok(changed)
}

/// The countries a site can be in: those with a numbering plan, as (code, name with its
/// calling code), named as `lang` names them (CLDR's region names through ICU4X; a code
/// without a name shows as itself) and in that language's alphabetical order, near enough:
/// by the name with its accents and script folded (Österreich among the O's).
pub fn countries(lang: Lang) -> Vec<(String, String)> {
    use icu_experimental::displaynames::{DisplayNamesOptions, multi::RegionDisplayNames};
    let names = lang
        .code()
        .parse::<icu_locale_core::Locale>()
        .ok()
        .and_then(|locale| RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default()).ok());
    let name_of = |id: &str| -> Option<String> {
        let region = icu_locale_core::subtags::Region::try_from_str(id).ok()?;
        names.as_ref()?.of(region).map(str::to_owned)
    };
    let mut list: Vec<(String, String)> = phonenumber::metadata::DATABASE
        .iter()
        .map(|plan| plan.id().to_owned())
        .filter(|id| Country::parse(id).is_ok())
        .map(|id| {
            let name = name_of(&id).unwrap_or_else(|| id.clone());
            let plan = phonenumber::metadata::DATABASE.by_id(id.as_str()).map(|p| p.country_code()).unwrap_or_default();
            (id, format!("{name} (+{plan})"))
        })
        .collect();
    list.sort_by_cached_key(|(_, name)| deunicode::deunicode(name).to_lowercase());
    list.dedup_by(|a, b| a.0 == b.0);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_and_ordered_in_the_readers_language() {
        let named = |lang: Lang, code: &str| {
            countries(lang).into_iter().find(|(c, _)| c == code).map(|(_, name)| name).unwrap_or_default()
        };
        assert_eq!(named(Lang::En, "NL"), "Netherlands (+31)");
        assert_eq!(named(Lang::Nl, "NL"), "Nederland (+31)");
        assert_eq!(named(Lang::De, "AT"), "Österreich (+43)");
        assert_eq!(named(Lang::Ru, "FI"), "Финляндия (+358)");
        assert_eq!(named(Lang::Af, "ZA"), "Suid-Afrika (+27)");
        for lang in Lang::ALL {
            let list = countries(lang);
            assert!(list.len() > 200, "{}: {} countries", lang.code(), list.len());
            let unnamed: Vec<&String> =
                list.iter().filter(|(code, name)| name.starts_with(&format!("{code} ("))).map(|(c, _)| c).collect();
            assert!(unnamed.is_empty(), "{} has no name for {unnamed:?}", lang.code());
        }
        let german: Vec<String> = countries(Lang::De).into_iter().map(|(_, n)| n).collect();
        let at = |prefix: &str| german.iter().position(|n| n.starts_with(prefix)).unwrap();
        assert!(at("Oman") < at("Österreich") && at("Österreich") < at("Pakistan"), "Ö among the O's");
    }
}
