//! The signup form as sent by the widget, and its parsed, valid form.

use crate::domain::{AddressForm, AddressMode, Email, Field, FieldErrors, PersonName, Phone, PostalAddress, Sku};
use serde::{Deserialize, Serialize};

/// What the signup widget sends, exactly as typed. Missing fields read as blank, so a
/// request without them gets the usual field errors rather than a transport error.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SignupForm {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// The postal address, where the site asks for one.
    pub address: AddressForm,
    /// The marketing-consent checkbox.
    pub consent: bool,
    /// Which consent wording the widget showed (from [`SignupConfig`](super::SignupConfig)).
    pub consent_text_id: Option<i64>,
    /// The page the form was on; the server keeps only its origin and path.
    pub page_url: String,
    /// The honeypot: invisible to people, filled by form-spamming bots.
    pub website: String,
    /// SKUs the visitor saved in this browser before identifying.
    pub favourites: Vec<String>,
}

/// A signup that passed every check.
#[derive(Debug, Clone)]
pub struct ValidSignup {
    pub first_name: Option<PersonName>,
    pub last_name: Option<PersonName>,
    pub email: Email,
    pub phone: Option<Phone>,
    pub address: Option<PostalAddress>,
    /// The consent wording agreed to, when the box was ticked.
    pub consent_text_id: Option<i64>,
    pub favourites: Vec<Sku>,
}

impl ValidSignup {
    /// Parses every field, collecting all problems at once so the visitor sees them together;
    /// the address as much as the site's `address` mode asks for.
    pub fn parse(form: &SignupForm, address: AddressMode) -> Result<ValidSignup, FieldErrors> {
        let mut errors = FieldErrors::new();
        let first_name = errors.check(Field::FirstName, PersonName::parse_optional(&form.first_name));
        let last_name = errors.check(Field::LastName, PersonName::parse_optional(&form.last_name));
        let email = errors.check(Field::Email, Email::parse(&form.email));
        let phone = errors.check(Field::Phone, Phone::parse_optional(&form.phone));
        let address = form.address.parse(address, &mut errors);
        let consent_text_id = match (form.consent, form.consent_text_id) {
            (false, _) => None,
            (true, Some(id)) => Some(id),
            (true, None) => {
                errors.add(Field::Consent, crate::domain::Problem::Required);
                None
            }
        };
        match (first_name, last_name, email, phone) {
            (Some(first_name), Some(last_name), Some(email), Some(phone)) if errors.is_empty() => {
                let favourites = Sku::parse_saved(&form.favourites);
                Ok(ValidSignup { first_name, last_name, email, phone, address, consent_text_id, favourites })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    fn form(email: &str) -> SignupForm {
        SignupForm { email: email.into(), ..Default::default() }
    }

    #[test]
    fn only_the_email_is_required() {
        let ok = ValidSignup::parse(&form("ann@example.com"), AddressMode::Off).unwrap();
        assert!(ok.first_name.is_none() && ok.phone.is_none() && ok.consent_text_id.is_none());
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = SignupForm {
            first_name: "x".repeat(101),
            email: "nope".into(),
            phone: "call me".into(),
            ..Default::default()
        };
        let errors = ValidSignup::parse(&bad, AddressMode::Off).unwrap_err();
        assert_eq!(errors.get(Field::FirstName), Some(Problem::TooLong));
        assert_eq!(errors.get(Field::Email), Some(Problem::NotAnEmail));
        assert_eq!(errors.get(Field::Phone), Some(Problem::NotAPhone));
        assert_eq!(errors.get(Field::LastName), None);
    }

    #[test]
    fn a_ticked_box_needs_the_wording_it_agreed_to() {
        let ticked = SignupForm { consent: true, ..form("ann@example.com") };
        assert_eq!(
            ValidSignup::parse(&ticked, AddressMode::Off).unwrap_err().get(Field::Consent),
            Some(Problem::Required)
        );
        let with_text = SignupForm { consent_text_id: Some(3), ..ticked };
        assert_eq!(ValidSignup::parse(&with_text, AddressMode::Off).unwrap().consent_text_id, Some(3));
    }

    #[test]
    fn the_address_is_read_as_the_site_asks_for_it() {
        let address = AddressForm {
            street: "Long St 1".into(),
            postcode: "8001".into(),
            city: "Cape Town".into(),
            ..Default::default()
        };
        let with = SignupForm { address, ..form("ann@example.com") };
        assert!(ValidSignup::parse(&with, AddressMode::Off).unwrap().address.is_none(), "asked for none: dropped");
        assert_eq!(ValidSignup::parse(&with, AddressMode::Optional).unwrap().address.unwrap().city(), "Cape Town");
        let errors = ValidSignup::parse(&form("ann@example.com"), AddressMode::Required).unwrap_err();
        assert_eq!(errors.get(Field::Customer(crate::domain::CustomerField::Street)), Some(Problem::Required));
    }
}
