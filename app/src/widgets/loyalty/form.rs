//! The loyalty widget's joining form as sent, and its parsed, valid form.

use crate::domain::{Email, Field, FieldErrors, PersonName, Problem, Sku};
use serde::{Deserialize, Serialize};

/// What the widget sends, exactly as typed. Missing fields read as blank.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    /// The box agreeing to join, beside the words in the visitor's language.
    pub agree: bool,
    /// The widget's language: the words agreed to are recorded in it.
    pub lang: String,
    pub page_url: String,
    /// The honeypot: invisible to people, filled by form-spamming bots.
    pub website: String,
    pub favourites: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ValidJoin {
    pub first_name: PersonName,
    pub last_name: Option<PersonName>,
    pub email: Email,
    pub favourites: Vec<Sku>,
}

impl ValidJoin {
    pub fn parse(form: &JoinForm) -> Result<ValidJoin, FieldErrors> {
        let mut errors = FieldErrors::new();
        let first_name = errors.check(Field::FirstName, PersonName::parse(&form.first_name));
        let last_name = errors.check(Field::LastName, PersonName::parse_optional(&form.last_name));
        let email = errors.check(Field::Email, Email::parse(&form.email));
        if !form.agree {
            errors.add(Field::Consent, Problem::MustAgree);
        }
        match (first_name, last_name, email) {
            (Some(first_name), Some(last_name), Some(email)) if errors.is_empty() => {
                Ok(ValidJoin { first_name, last_name, email, favourites: Sku::parse_saved(&form.favourites) })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_needs_a_name_an_address_and_the_box_ticked() {
        let errors = ValidJoin::parse(&JoinForm { email: "nope".into(), ..Default::default() }).unwrap_err();
        assert_eq!(errors.get(Field::FirstName), Some(Problem::Required));
        assert_eq!(errors.get(Field::Email), Some(Problem::NotAnEmail));
        assert_eq!(errors.get(Field::Consent), Some(Problem::MustAgree));
        let ok =
            JoinForm { first_name: "Ana".into(), email: "ana@example.com".into(), agree: true, ..Default::default() };
        assert_eq!(ValidJoin::parse(&ok).unwrap().email.as_str(), "ana@example.com");
    }
}
