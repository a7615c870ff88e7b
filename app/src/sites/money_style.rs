//! The money style (`domain::MoneyStyle`) of a language, country and currency, read from
//! CLDR through ICU4X's currency formatter: it formats a sample amount, and the style is
//! what stands around and between the sample's digits. The page then writes every amount
//! with the style, so the browser needs no CLDR of its own.

use crate::db::Db;
use crate::domain::{Country, MoneyStyle, SiteId};
use crate::widgets::texts::Lang;
use icu_experimental::dimension::currency::{CurrencyCode, formatter::CurrencyFormatter};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use writeable::Writeable;

/// A language, a country and a currency code: what a style depends on.
type StyleKey = (Lang, Option<Country>, String);

/// The style of `currency` for a reader of `lang` in `country` ("pt" in "PT" writes
/// "1234,50 €", in Brazil "R$ 1.234,50"). A currency code CLDR does not know, or a
/// failure of the formatter, gives the plain style ("1234.50 EUR").
pub fn style(lang: Lang, country: Option<&Country>, currency: &str) -> MoneyStyle {
    static CACHE: OnceLock<Mutex<HashMap<StyleKey, MoneyStyle>>> = OnceLock::new();
    let key = (lang, country.cloned(), currency.to_owned());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return found.clone();
    }
    let found = from_cldr(lang, country, currency).unwrap_or_else(|| MoneyStyle::plain(currency));
    cache.lock().unwrap_or_else(|e| e.into_inner()).insert(key, found.clone());
    found
}

/// The style for the page being rendered: its reader's language (`staff::texts::choice`),
/// a site's country as stored (a code no longer valid counts as none) and its currency.
pub fn for_reader(country: Option<&str>, currency: &str) -> MoneyStyle {
    let country = country.and_then(|c| Country::parse(c).ok());
    style(crate::staff::texts::choice::page_lang(), country.as_ref(), currency)
}

/// [`for_reader`] of a site's country and currency.
pub async fn for_site(pool: &Db, site: SiteId) -> sqlx::Result<MoneyStyle> {
    let (currency, country): (String, Option<String>) =
        sqlx::query_as("SELECT currency, country FROM sites WHERE id = $1").bind(site).fetch_one(pool).await?;
    Ok(for_reader(country.as_deref(), &currency))
}

/// The styles of every currency the sites sell in, for this page's reader (a currency of
/// two sites takes the first's country).
pub async fn of_sites(pool: &Db) -> sqlx::Result<Vec<MoneyStyle>> {
    let sites: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT currency, country FROM sites ORDER BY id").fetch_all(pool).await?;
    let mut styles: Vec<MoneyStyle> = Vec::new();
    for (currency, country) in sites {
        if !styles.iter().any(|s| s.currency == currency) {
            styles.push(for_reader(country.as_deref(), &currency));
        }
    }
    Ok(styles)
}

fn from_cldr(lang: Lang, country: Option<&Country>, currency: &str) -> Option<MoneyStyle> {
    let tag = match country {
        Some(country) => format!("{}-{}", lang.code(), country.as_str()),
        None => lang.code().to_owned(),
    };
    let locale: icu_locale_core::Locale = tag.parse().or_else(|_| lang.code().parse()).ok()?;
    let formatter = CurrencyFormatter::try_new((&locale).into(), Default::default()).ok()?;
    // A code of three letters only: a digit in the symbol would be read as the amount's.
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let code = CurrencyCode(tinystr::TinyAsciiStr::try_from_str(currency).ok()?);
    let write = |sample: &str| -> Option<String> {
        let amount: fixed_decimal::Decimal = sample.parse().ok()?;
        Some(formatter.format_fixed_decimal(&amount, &code).write_to_string().into_owned())
    };
    let (positive, negative, four) = (write("1234567.89")?, write("-1234567.89")?, write("1234.00")?);
    let (before, digits, after) = split_digits(&positive)?;
    let (minus_before, _, minus_after) = split_digits(&negative)?;
    // "1.234.567,89": the group mark follows the first digit, the decimal mark precedes
    // the last two.
    let inner = digits.strip_prefix('1')?.strip_suffix("89")?;
    let (group, rest) = inner.split_once("234")?;
    let decimal = rest.split_once("567")?.1.to_owned();
    let group = group.to_owned();
    let (_, four, _) = split_digits(&four)?;
    Some(MoneyStyle {
        currency: currency.to_owned(),
        before: before.to_owned(),
        after: after.to_owned(),
        minus_before: minus_before.to_owned(),
        minus_after: minus_after.to_owned(),
        group_four: !group.is_empty() && four.contains(&group),
        group,
        decimal,
    })
}

/// `"€ 1.234,50"` → `("€ ", "1.234,50", "")`: what comes before the first digit, from
/// the first to the last, and after.
fn split_digits(written: &str) -> Option<(&str, &str, &str)> {
    let first = written.find(|c: char| c.is_ascii_digit())?;
    let last = written.rfind(|c: char| c.is_ascii_digit())?;
    Some((&written[..first], &written[first..=last], &written[last + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Minor;

    fn written(lang: Lang, country: &str, currency: &str, minor: i64) -> String {
        let country = Country::parse_optional(country).unwrap();
        style(lang, country.as_ref(), currency).format(Minor(minor))
    }

    #[test]
    fn money_is_written_as_each_language_writes_it() {
        let nbsp = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(written(Lang::Nl, "NL", "EUR", 2450), nbsp("€ 24,50"));
        assert_eq!(written(Lang::Nl, "NL", "EUR", 123_450), nbsp("€ 1.234,50"));
        assert_eq!(written(Lang::Fi, "FI", "EUR", 2450), nbsp("24,50 €"));
        assert_eq!(written(Lang::De, "DE", "EUR", 123_450), nbsp("1.234,50 €"));
        assert_eq!(written(Lang::Af, "ZA", "ZAR", 2450), nbsp("R 24,50"));
        assert_eq!(written(Lang::Pt, "BR", "BRL", 2450), nbsp("R$ 24,50"));
        assert_eq!(written(Lang::En, "", "EUR", 123_450), "€1,234.50");
        assert_eq!(written(Lang::Ru, "RU", "RUB", 2450), nbsp("24,50 ₽"));
        // Portugal writes euros after the amount; Brazil's Portuguese before.
        assert!(written(Lang::Pt, "PT", "EUR", 2450).ends_with('€'), "{}", written(Lang::Pt, "PT", "EUR", 2450));
        assert!(written(Lang::Nl, "NL", "EUR", -250).contains('-'));
        assert!(written(Lang::Fi, "FI", "EUR", 123_450).starts_with("1\u{a0}234,50"));
    }

    #[test]
    fn a_code_cldr_does_not_know_is_written_with_its_code() {
        assert_eq!(written(Lang::Nl, "NL", "QQQ", 2450), "QQQ\u{a0}24,50");
        assert_eq!(written(Lang::Nl, "NL", "E1R", 2450), "24.50 E1R");
        // English in the Netherlands writes as the Dutch do, the symbol first.
        assert_eq!(written(Lang::En, "NL", "EUR", 123_450), "€\u{a0}1.234,50");
    }
}
