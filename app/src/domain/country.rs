//! The country a site is in: national phone numbers typed on it are read in its numbering
//! plan and stored in E.164.

use super::problem::Problem;
use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 code, upper case (`NL`, `ZA`). On the server it must also be a
/// region libphonenumber knows, so every stored country can read a phone number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country(String);

impl Country {
    pub fn parse(raw: &str) -> Result<Country, Problem> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Problem::Required);
        }
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(Problem::UnknownOption);
        }
        #[cfg(feature = "ssr")]
        if code.parse::<phonenumber::country::Id>().is_err() {
            return Err(Problem::UnknownOption);
        }
        Ok(Country(code))
    }

    /// Parses an optional choice: blank is `Ok(None)` (no country: numbers are kept as typed).
    pub fn parse_optional(raw: &str) -> Result<Option<Country>, Problem> {
        if raw.trim().is_empty() { Ok(None) } else { Country::parse(raw).map(Some) }
    }
}

parsed_string!(Country, Problem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_letters_in_any_case() {
        assert_eq!(Country::parse(" nl ").unwrap().as_str(), "NL");
        assert_eq!(Country::parse("NLD"), Err(Problem::UnknownOption));
        assert_eq!(Country::parse("N1"), Err(Problem::UnknownOption));
        assert_eq!(Country::parse_optional(""), Ok(None));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn only_regions_with_a_numbering_plan_are_countries() {
        assert!(Country::parse("ZA").is_ok());
        assert_eq!(Country::parse("XX"), Err(Problem::UnknownOption));
    }
}
