//! A phone number, normalised so that the till can look a customer up by it.

#[cfg(feature = "ssr")]
use super::Country;
use super::problem::{Problem, has_control_chars};
use serde::{Deserialize, Serialize};

/// A phone number reduced to digits, with a leading `+` when it is international.
///
/// `+49 (170) 123-4567` and `0049 170 1234567` both become `+491701234567`. A national
/// number (`0170 1234567`) keeps its trunk zero, `01701234567`, until the server reads it in
/// the site's country ([`Phone::in_country`], libphonenumber's data): the browser checks the
/// shape only, as those tables would weigh megabytes in the widget bundle.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// E.164 allows at most 15 digits; the shortest real subscriber numbers have 6 or 7.
    const MIN_DIGITS: usize = 6;
    const MAX_DIGITS: usize = 15;
    /// Longest raw input worth looking at, separators included.
    const MAX_RAW: usize = 40;

    /// Parses an optional field: blank input is `Ok(None)`.
    pub fn parse_optional(raw: &str) -> Result<Option<Phone>, Problem> {
        if raw.trim().is_empty() { Ok(None) } else { Phone::parse(raw).map(Some) }
    }

    pub fn parse(raw: &str) -> Result<Phone, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > Self::MAX_RAW {
            return Err(Problem::TooLong);
        }
        if has_control_chars(s) {
            return Err(Problem::NotAPhone);
        }
        let (international, rest) = if let Some(rest) = s.strip_prefix('+') {
            (true, rest)
        } else if let Some(rest) = s.strip_prefix("00") {
            (true, rest)
        } else {
            (false, s)
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '/' | '(' | ')' => {}
                _ => return Err(Problem::NotAPhone),
            }
        }
        // "0 049 170…" is the international prefix typed with a space in it. Read as a
        // national number it would be stored as "0049170…", which reads back as
        // international: one number, two spellings (found by the fuzz target).
        let (international, digits) = match digits.strip_prefix("00") {
            Some(rest) if !international => (true, rest.to_owned()),
            _ => (international, digits),
        };
        if digits.len() < Self::MIN_DIGITS {
            return Err(Problem::TooShort);
        }
        if digits.len() > Self::MAX_DIGITS {
            return Err(Problem::TooLong);
        }
        if international && digits.starts_with('0') {
            return Err(Problem::NotAPhone);
        }
        Ok(Phone(if international { format!("+{digits}") } else { digits }))
    }
}

parsed_string!(Phone, Problem);

#[cfg(feature = "ssr")]
impl Phone {
    /// The number as it is stored: in E.164 (`+31612345678`) when it was typed nationally
    /// (`06 12345678`) on a site with a country, or typed internationally with a trunk zero
    /// (`+31 (0)6 12345678`) — so every spelling of one number is one customer. Kept as it
    /// is when libphonenumber cannot read it (a national number on a site without a country).
    pub fn in_country(&self, country: Option<&Country>) -> Phone {
        use phonenumber::{Mode, country::Id};
        let international = self.0.starts_with('+');
        let region = match (international, country) {
            (true, _) => None,
            (false, Some(c)) => match c.as_str().parse::<Id>() {
                Ok(id) => Some(id),
                Err(_) => return self.clone(),
            },
            (false, None) => return self.clone(),
        };
        match phonenumber::parse(region, &self.0) {
            // An international number is only rewritten when the plan knows it; a national
            // one is read in the site's plan even when not (yet) a valid number there,
            // since the country is all it lacked.
            Ok(n) if n.is_valid() || !international => {
                let e164 = n.format().mode(Mode::E164).to_string();
                Phone::parse(&e164).unwrap_or_else(|_| self.clone())
            }
            _ => self.clone(),
        }
    }

    /// What the start of a number typed nationally (`0612`) begins with once stored in
    /// E.164 on a site of `country` (`+31612`), for looking it up as it is typed; `None`
    /// when `typed` is already international or has no digits.
    pub fn typed_start_in_country(typed: &str, country: &Country) -> Option<String> {
        let trimmed = typed.trim_start();
        if trimmed.starts_with('+') || trimmed.starts_with("00") {
            return None;
        }
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let plan = phonenumber::metadata::DATABASE.by_id(country.as_str())?;
        let national = plan.national_prefix().and_then(|p| digits.strip_prefix(p)).unwrap_or(&digits);
        (!national.is_empty()).then(|| format!("+{}{national}", plan.country_code()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_dropped_and_international_prefixes_become_plus() {
        assert_eq!(Phone::parse("+49 (170) 123-4567").unwrap().as_str(), "+491701234567");
        assert_eq!(Phone::parse("0049 170 1234567").unwrap().as_str(), "+491701234567");
        assert_eq!(Phone::parse("+1 415.555.0100").unwrap().as_str(), "+14155550100");
    }

    #[test]
    fn an_international_prefix_with_a_space_in_it_is_still_one() {
        assert_eq!(Phone::parse("0 049 170 1234567").unwrap().as_str(), "+491701234567");
        // Found by the `domain_parsers` fuzz target: accepted as "000000", which read back
        // as "00" + four digits.
        assert_eq!(Phone::parse("0 000 0 0"), Err(Problem::TooShort));
    }

    #[test]
    fn national_numbers_keep_their_trunk_zero() {
        assert_eq!(Phone::parse("0170 / 123 45 67").unwrap().as_str(), "01701234567");
    }

    #[test]
    fn letters_and_stray_symbols_are_refused() {
        for bad in ["call me", "+49 170 CALLME", "12#4567", "+0 170 1234567"] {
            assert_eq!(Phone::parse(bad), Err(Problem::NotAPhone), "{bad:?}");
        }
    }

    #[test]
    fn too_few_or_too_many_digits_are_refused() {
        assert_eq!(Phone::parse("12345"), Err(Problem::TooShort));
        assert_eq!(Phone::parse("+1234567890123456"), Err(Problem::TooLong));
        assert_eq!(Phone::parse(&"1".repeat(41)), Err(Problem::TooLong));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn national_numbers_are_stored_in_e164_with_the_site_country() {
        let nl = Country::parse("NL").unwrap();
        let national = Phone::parse("06 12345678").unwrap().in_country(Some(&nl));
        let international = Phone::parse("+31 6 12345678").unwrap().in_country(Some(&nl));
        let with_trunk = Phone::parse("+31 (0)6 12345678").unwrap().in_country(None);
        assert_eq!(national.as_str(), "+31612345678");
        assert_eq!(international, national);
        assert_eq!(with_trunk, national);
        let ru = Country::parse("RU").unwrap();
        assert_eq!(Phone::parse("8 912 345-67-89").unwrap().in_country(Some(&ru)).as_str(), "+79123456789");
        // No country: a national number cannot be placed, so it is kept.
        assert_eq!(Phone::parse("0612345678").unwrap().in_country(None).as_str(), "0612345678");
        // A foreign number stays what it is.
        assert_eq!(Phone::parse("+49 170 1234567").unwrap().in_country(Some(&nl)).as_str(), "+491701234567");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_typed_national_start_is_looked_up_as_its_international_start() {
        let nl = Country::parse("NL").unwrap();
        assert_eq!(Phone::typed_start_in_country("0612", &nl).as_deref(), Some("+31612"));
        assert_eq!(Phone::typed_start_in_country("+3161", &nl), None);
        let pt = Country::parse("PT").unwrap();
        assert_eq!(Phone::typed_start_in_country("912 34", &pt).as_deref(), Some("+35191234"));
    }

    #[test]
    fn a_blank_optional_phone_is_none() {
        assert_eq!(Phone::parse_optional("  "), Ok(None));
        assert!(Phone::parse_optional("0170 1234567").unwrap().is_some());
    }
}
