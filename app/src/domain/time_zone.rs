//! The time zone a site keeps its clock in: the admin writes every moment in it and counts
//! "today" by it (`sites::clock`).

use super::problem::Problem;
use serde::{Deserialize, Serialize};

/// An IANA time zone name (`Europe/Helsinki`, `Africa/Johannesburg`, `UTC`). On the server it
/// must also be a zone the bundled tz database knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeZoneName(String);

impl TimeZoneName {
    pub fn parse(raw: &str) -> Result<TimeZoneName, Problem> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(Problem::Required);
        }
        // The tz database's own rule for names: ASCII letters, digits, '/', '_', '-', '+'.
        let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+');
        if name.len() > 64 || !name.bytes().all(allowed) {
            return Err(Problem::UnknownOption);
        }
        #[cfg(feature = "ssr")]
        if jiff::tz::db().get(name).is_err() {
            return Err(Problem::UnknownOption);
        }
        Ok(TimeZoneName(name.to_owned()))
    }

    /// Parses an optional choice: blank is `Ok(None)` (the zone of the site's country).
    pub fn parse_optional(raw: &str) -> Result<Option<TimeZoneName>, Problem> {
        if raw.trim().is_empty() { Ok(None) } else { TimeZoneName::parse(raw).map(Some) }
    }
}

parsed_string!(TimeZoneName, Problem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_tz_databases_characters() {
        assert_eq!(TimeZoneName::parse(" Europe/Helsinki ").unwrap().as_str(), "Europe/Helsinki");
        assert_eq!(TimeZoneName::parse("Europe/Hel sinki"), Err(Problem::UnknownOption));
        assert_eq!(TimeZoneName::parse("../../etc/passwd"), Err(Problem::UnknownOption));
        assert_eq!(TimeZoneName::parse_optional("  "), Ok(None));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn only_zones_the_database_knows_are_names() {
        assert!(TimeZoneName::parse("America/Argentina/Buenos_Aires").is_ok());
        assert!(TimeZoneName::parse("UTC").is_ok());
        assert_eq!(TimeZoneName::parse("Europe/Atlantis"), Err(Problem::UnknownOption));
    }
}
