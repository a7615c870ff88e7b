//! A phone number, normalised so that the till can look a customer up by it.

use super::problem::{Problem, has_control_chars};
use serde::{Deserialize, Serialize};

/// A phone number reduced to digits, with a leading `+` when it is international.
///
/// `+49 (170) 123-4567` and `0049 170 1234567` both become `+491701234567`. A national
/// number (`0170 1234567`) keeps its trunk zero, `01701234567`: turning it into E.164
/// needs the shop's country, a per-site setting that comes with the staff admin. Full
/// numbering-plan validation (libphonenumber) would put megabytes of tables into the
/// widget bundle; the length bounds of E.164 catch typing mistakes well enough.
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

    #[test]
    fn a_blank_optional_phone_is_none() {
        assert_eq!(Phone::parse_optional("  "), Ok(None));
        assert!(Phone::parse_optional("0170 1234567").unwrap().is_some());
    }
}
