//! A postal address written as one string, split into the record's parts where its shape
//! says how: Mailchimp's export (`addr1  addr2  city  state  zip  country`, parts apart by two
//! spaces) and the comma-separated lines people type (`Oudegracht 12, 3511 AB Utrecht`,
//! `Rua Augusta 5, 1100-048 Lisboa, Portugal`). Anything else stays whole in `street`, as
//! before: a guess that splits wrongly is worse than no split.
//!
//! Written by hand: the address-parsing libraries (libpostal) are C with gigabytes of models;
//! these two shapes are what shops' exports hold.

use crate::domain::CustomerField;

/// The parts found, each with its field; blank parts are left out.
pub fn split(raw: &str) -> Vec<(CustomerField, String)> {
    let s = raw.trim();
    let parts = if s.contains("  ") { mailchimp(s) } else { None };
    let parts = parts.or_else(|| comma_separated(s)).unwrap_or_else(|| vec![(CustomerField::Street, s.to_owned())]);
    parts.into_iter().filter(|(_, v)| !v.trim().is_empty()).collect()
}

/// `addr1  addr2  city  state  zip  country` (addr2 may be missing: five parts).
fn mailchimp(s: &str) -> Option<Vec<(CustomerField, String)>> {
    let parts: Vec<&str> = s.split("  ").map(str::trim).collect();
    let (street, rest) = match parts.len() {
        6 if parts[1].is_empty() => (parts[0].to_owned(), &parts[2..]),
        6 => (format!("{}, {}", parts[0], parts[1]), &parts[2..]),
        5 => (parts[0].to_owned(), &parts[1..]),
        _ => return None,
    };
    Some(vec![
        (CustomerField::Street, street),
        (CustomerField::City, rest[0].to_owned()),
        (CustomerField::Region, rest[1].to_owned()),
        (CustomerField::Postcode, rest[2].to_owned()),
        (CustomerField::Country, rest[3].to_owned()),
    ])
}

/// `street, postcode city[, country]` or `street, city postcode[, country]`.
fn comma_separated(s: &str) -> Option<Vec<(CustomerField, String)>> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let (street, place, country) = match parts.as_slice() {
        [street, place] => (street, place, None),
        [street, place, country] if country.chars().all(|c| c.is_alphabetic() || c == ' ') => {
            (street, place, Some(*country))
        }
        _ => return None,
    };
    let (postcode, city) = postcode_and_city(place)?;
    let mut found = vec![
        (CustomerField::Street, (*street).to_owned()),
        (CustomerField::Postcode, postcode),
        (CustomerField::City, city),
    ];
    if let Some(country) = country {
        found.push((CustomerField::Country, country.to_owned()));
    }
    Some(found)
}

/// A postcode before the city (`3511 AB Utrecht`, `10115 Berlin`, `1100-048 Lisboa`) or after
/// it (`Cape Town 8001`): digits, with the two letters a Dutch one ends in or a Portuguese
/// `-NNN`.
fn postcode_and_city(place: &str) -> Option<(String, String)> {
    let words: Vec<&str> = place.split_whitespace().collect();
    let digits = |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit() || c == '-');
    let letters2 = |w: &str| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase());
    match words.as_slice() {
        [code, letters, city @ ..] if digits(code) && letters2(letters) && !city.is_empty() => {
            Some((format!("{code} {letters}"), city.join(" ")))
        }
        [code, city @ ..] if digits(code) && !city.is_empty() => Some(((*code).to_owned(), city.join(" "))),
        [city @ .., code] if digits(code) && !city.is_empty() => Some(((*code).to_owned(), city.join(" "))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CustomerField::{City, Country, Postcode, Region, Street};

    fn parts(raw: &str) -> Vec<(CustomerField, &str)> {
        // Leaked for the comparison's sake: a test's few strings.
        split(raw).into_iter().map(|(f, v)| (f, &*Box::leak(v.into_boxed_str()))).collect()
    }

    #[test]
    fn a_mailchimp_address_is_split_into_its_parts() {
        assert_eq!(
            parts("12 Long St  Unit 3  Cape Town  WC  8001  ZA"),
            [(Street, "12 Long St, Unit 3"), (City, "Cape Town"), (Region, "WC"), (Postcode, "8001"), (Country, "ZA")]
        );
        assert_eq!(
            parts("Oudegracht 12    Utrecht    3511 AB  NL"),
            [(Street, "Oudegracht 12"), (City, "Utrecht"), (Postcode, "3511 AB"), (Country, "NL")]
        );
    }

    #[test]
    fn comma_separated_addresses_are_split_where_the_postcode_shows() {
        assert_eq!(
            parts("Oudegracht 12, 3511 AB Utrecht"),
            [(Street, "Oudegracht 12"), (Postcode, "3511 AB"), (City, "Utrecht")]
        );
        assert_eq!(
            parts("Rua Augusta 5, 1100-048 Lisboa, Portugal"),
            [(Street, "Rua Augusta 5"), (Postcode, "1100-048"), (City, "Lisboa"), (Country, "Portugal")]
        );
        assert_eq!(
            parts("Long Street 12, Cape Town 8001"),
            [(Street, "Long Street 12"), (Postcode, "8001"), (City, "Cape Town")]
        );
    }

    #[test]
    fn what_has_no_known_shape_stays_whole() {
        assert_eq!(parts("Hauptstraße 5"), [(Street, "Hauptstraße 5")]);
        assert_eq!(parts("Flat 2, The Mews, Bath"), [(Street, "Flat 2, The Mews, Bath")]);
    }
}
