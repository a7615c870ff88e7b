//! A person's first or last name, kept apart (never one "name" field).

use super::problem::{Problem, has_control_chars};
use serde::{Deserialize, Serialize};

/// One part of a person's name, trimmed, with inner runs of spaces collapsed.
///
/// Names are not checked against an alphabet: "Zoë", "O'Brien", "Nguyễn", "李" and
/// "Jean-Luc" are all names. Only length and control characters are bounded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    /// In characters, not bytes: generous for real names, small enough for a label.
    pub const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str) -> Result<PersonName, Problem> {
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Err(Problem::Required);
        }
        if collapsed.chars().count() > Self::MAX_CHARS {
            return Err(Problem::TooLong);
        }
        if has_control_chars(&collapsed) || collapsed.contains(['<', '>']) {
            return Err(Problem::BadCharacters);
        }
        Ok(PersonName(collapsed))
    }

    /// Parses an optional field: blank input is `Ok(None)`.
    pub fn parse_optional(raw: &str) -> Result<Option<PersonName>, Problem> {
        if raw.trim().is_empty() { Ok(None) } else { PersonName::parse(raw).map(Some) }
    }
}

parsed_string!(PersonName, Problem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_many_languages_are_kept_as_written() {
        for name in ["Zoë", "O'Brien", "Nguyễn", "李", "Jean-Luc", "Ólafsdóttir"] {
            assert_eq!(PersonName::parse(name).unwrap().as_str(), name);
        }
    }

    #[test]
    fn spaces_are_trimmed_and_collapsed() {
        assert_eq!(PersonName::parse("  Mary   Ann ").unwrap().as_str(), "Mary Ann");
    }

    #[test]
    fn blank_long_and_markup_names_are_refused() {
        assert_eq!(PersonName::parse(" "), Err(Problem::Required));
        assert_eq!(PersonName::parse(&"é".repeat(101)), Err(Problem::TooLong));
        assert!(PersonName::parse(&"é".repeat(100)).is_ok());
        assert_eq!(PersonName::parse("<script>"), Err(Problem::BadCharacters));
        assert_eq!(PersonName::parse("a\u{7}b"), Err(Problem::BadCharacters));
    }
}
