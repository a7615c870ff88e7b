//! An email address, normalised so that one person has one spelling.

use super::problem::{Problem, has_control_chars};
use serde::{Deserialize, Serialize};

/// A syntactically plausible email address, trimmed and lower-cased.
///
/// Lower-casing the local part is technically lossy (RFC 5321 lets a server treat it as
/// case-sensitive) but no mainstream provider does, and one customer per address matters
/// more: `Ann@Example.com` and `ann@example.com` are the same person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// RFC 5321's limit for a whole path is 256 including the angle brackets.
    pub const MAX_LEN: usize = 254;
    const MAX_LOCAL_LEN: usize = 64;

    pub fn parse(raw: &str) -> Result<Email, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > Self::MAX_LEN {
            return Err(Problem::TooLong);
        }
        if has_control_chars(s) || s.chars().any(char::is_whitespace) {
            return Err(Problem::NotAnEmail);
        }
        let (local, domain) = s.rsplit_once('@').ok_or(Problem::NotAnEmail)?;
        let local_ok = !local.is_empty()
            && local.len() <= Self::MAX_LOCAL_LEN
            && !local.contains('@')
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && !local.contains(['<', '>', '(', ')', '[', ']', ',', ';', ':', '\\', '"']);
        let domain_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !local_ok || !domain_ok {
            return Err(Problem::NotAnEmail);
        }
        Ok(Email(s.to_lowercase()))
    }
}

parsed_string!(Email, Problem);

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_address_is_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Ann.Lee@Example.COM ").unwrap().as_str(), "ann.lee@example.com");
    }

    #[test]
    fn international_domains_and_plus_tags_are_accepted() {
        assert!(Email::parse("jörg+news@bäckerei.de").is_ok());
        assert!(Email::parse("a@b.co").is_ok());
    }

    #[test]
    fn empty_input_is_required() {
        assert_eq!(Email::parse("   "), Err(Problem::Required));
    }

    #[test]
    fn addresses_without_at_or_dot_or_with_spaces_are_refused() {
        for bad in [
            "ann",
            "ann@",
            "@example.com",
            "ann@example",
            "an n@example.com",
            "ann@exa_mple.com",
            "ann..lee@example.com",
            ".ann@example.com",
            "ann@-example.com",
            "ann@example..com",
            "a\n@example.com",
            "a<b>@x.com",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::NotAnEmail), "{bad:?}");
        }
    }

    #[test]
    fn overlong_addresses_and_local_parts_are_refused() {
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(Problem::TooLong));
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(Email::parse(&long_local), Err(Problem::NotAnEmail));
    }

    #[test]
    fn deserialising_parses() {
        let e: Result<Email, _> = serde_json::from_str("\"not an email\"");
        assert!(e.is_err());
    }
}
