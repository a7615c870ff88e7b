//! A product's serial number as printed on it.

use super::problem::Problem;

/// 3–64 characters of letters, digits, `-`, `/`, `.` and spaces, upper-cased and with
/// spaces removed, so "ab 12-3" and "AB12-3" are the same serial. (ASCII upper case: a
/// letter that Unicode would upper-case into ASCII, such as `ı`, is refused, not guessed.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SerialNumber(String);

impl SerialNumber {
    pub fn parse(raw: &str) -> Result<SerialNumber, Problem> {
        let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > 64 {
            return Err(Problem::TooLong);
        }
        if s.len() < 3 {
            return Err(Problem::TooShort);
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.')) {
            return Err(Problem::BadCharacters);
        }
        Ok(SerialNumber(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_normalised_and_bounded() {
        assert_eq!(SerialNumber::parse(" ab 12-3/x ").unwrap().as_str(), "AB12-3/X");
        assert_eq!(SerialNumber::parse("ab"), Err(Problem::TooShort));
        assert_eq!(SerialNumber::parse("AB#123"), Err(Problem::BadCharacters));
        assert_eq!(SerialNumber::parse(""), Err(Problem::Required));
        // Not upper-cased into ASCII by Unicode's rules (ı → I, ß → SS): refused.
        assert_eq!(SerialNumber::parse("ıab123"), Err(Problem::BadCharacters));
        assert_eq!(SerialNumber::parse("straße"), Err(Problem::BadCharacters));
    }
}
