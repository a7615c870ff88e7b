//! A catalogue item's SKU as a shop writes it in `data-item`.

use super::problem::Problem;
use serde::{Deserialize, Serialize};

/// 1–64 characters of letters, digits, `-`, `_`, `.`; kept as written (shops' SKUs are
/// case-sensitive identifiers from their own systems).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Sku(String);

impl Sku {
    pub fn parse(raw: &str) -> Result<Sku, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > 64 {
            return Err(Problem::TooLong);
        }
        if !s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
            return Err(Problem::BadCharacters);
        }
        Ok(Sku(s.to_owned()))
    }

    /// The items a browser saved, sent along when its visitor identifies. They come from the
    /// browser's storage, not from typing, so malformed ones are dropped rather than
    /// reported; at most 100.
    pub fn parse_saved(raw: &[String]) -> Vec<Sku> {
        raw.iter().take(100).filter_map(|s| Sku::parse(s).ok()).collect()
    }
}

parsed_string!(Sku, Problem);

/// How many of an item one reservation asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity(u8);

impl Quantity {
    pub const MAX: u8 = 99;

    pub fn parse(raw: &str) -> Result<Quantity, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let n: i64 = s.parse().map_err(|_| Problem::NotANumber)?;
        u8::try_from(n).ok().filter(|n| (1..=Self::MAX).contains(n)).map(Quantity).ok_or(Problem::OutOfRange)
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skus_are_short_plain_identifiers() {
        assert_eq!(Sku::parse(" PANETTONE ").unwrap().as_str(), "PANETTONE");
        assert!(Sku::parse("bike-29_x.2").is_ok());
        assert_eq!(Sku::parse(""), Err(Problem::Required));
        assert_eq!(Sku::parse("a b"), Err(Problem::BadCharacters));
        assert_eq!(Sku::parse(&"a".repeat(65)), Err(Problem::TooLong));
    }

    #[test]
    fn quantities_are_whole_numbers_from_one_to_ninety_nine() {
        assert_eq!(Quantity::parse(" 3 ").unwrap().value(), 3);
        assert_eq!(Quantity::parse("0"), Err(Problem::OutOfRange));
        assert_eq!(Quantity::parse("100"), Err(Problem::OutOfRange));
        assert_eq!(Quantity::parse("-2"), Err(Problem::OutOfRange));
        assert_eq!(Quantity::parse("two"), Err(Problem::NotANumber));
        assert_eq!(Quantity::parse("2.5"), Err(Problem::NotANumber));
        assert_eq!(Quantity::parse(""), Err(Problem::Required));
    }
}
