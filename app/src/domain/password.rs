//! A new staff password: long enough, and never printed.

use super::problem::Problem;

/// A password that satisfies the policy (OWASP ASVS: at least 12 characters, no composition
/// rules, long passphrases allowed). `Debug` is redacted so it never reaches a log.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 12;
    /// Bounds argon2's input so a megabyte "password" cannot be used to burn CPU.
    pub const MAX_BYTES: usize = 1024;

    pub fn parse(raw: String) -> Result<Password, Problem> {
        if raw.is_empty() {
            return Err(Problem::Required);
        }
        if raw.len() > Self::MAX_BYTES {
            return Err(Problem::TooLong);
        }
        if raw.chars().count() < Self::MIN_CHARS {
            return Err(Problem::PasswordTooShort);
        }
        Ok(Password(raw))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_characters_are_enough_and_eleven_are_not() {
        assert!(Password::parse("correcthorse".into()).is_ok());
        assert_eq!(Password::parse("correcthors".into()).unwrap_err(), Problem::PasswordTooShort);
        // Characters, not bytes: twelve umlauts are twelve characters.
        assert!(Password::parse("ääääääääääää".into()).is_ok());
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let p = Password::parse("correct horse battery".into()).unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }

    #[test]
    fn overlong_input_is_refused() {
        assert_eq!(Password::parse("a".repeat(1025)).unwrap_err(), Problem::TooLong);
    }
}
