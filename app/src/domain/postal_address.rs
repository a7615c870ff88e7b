//! A postal address typed into a widget, in the parts the customer record keeps, and how
//! much of one a site's widget asks for.

use super::customer_field::{CustomerField, line};
use super::problem::{Field, FieldErrors, Problem};
use serde::{Deserialize, Serialize};

/// Whether a widget's form asks for a postal address. Set per site and widget by its owner;
/// the server reads the site's choice, never the browser's, so a forged request cannot
/// store an address where the shop asks for none, nor leave out one it requires.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressMode {
    #[default]
    Off,
    Optional,
    Required,
}

impl AddressMode {
    pub const ALL: [AddressMode; 3] = [AddressMode::Off, AddressMode::Optional, AddressMode::Required];

    /// The value stored in `site_address_modes.mode` (`off` is the absence of a row).
    pub fn code(self) -> &'static str {
        match self {
            AddressMode::Off => "off",
            AddressMode::Optional => "optional",
            AddressMode::Required => "required",
        }
    }

    pub fn from_code(code: &str) -> Option<AddressMode> {
        AddressMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// The address fields as the widget sends them, exactly as typed. Missing parts read as
/// blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressForm {
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
}

/// An address that passed every check: street, postcode and city, and the country when
/// the visitor gave one (as written: "Nederland", "NL").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress {
    street: String,
    postcode: String,
    city: String,
    country: Option<String>,
}

/// The parts a complete address needs. A shop that asks for an address posts something to
/// it, so a street without a city is as useless as none; the country may be left out (the
/// shop's own, mostly). Countries without postcodes (Hong Kong, Ireland before Eircode) are
/// rare among the visitors of the shops Patron serves: a choice to revisit if a shop asks.
const NEEDED: [CustomerField; 3] = [CustomerField::Street, CustomerField::Postcode, CustomerField::City];

impl AddressForm {
    /// Parses the address a site in `mode` asks for: `None` when it asks for none, or it is
    /// optional and left blank. Problems are added to `errors` under each part's field
    /// (`Field::Customer(Street)`...), so they show beside the inputs with the form's others.
    pub fn parse(&self, mode: AddressMode, errors: &mut FieldErrors) -> Option<PostalAddress> {
        let parts = [
            (CustomerField::Street, &self.street),
            (CustomerField::Postcode, &self.postcode),
            (CustomerField::City, &self.city),
            (CustomerField::Country, &self.country),
        ];
        let blank = parts.iter().all(|(_, v)| v.trim().is_empty());
        if mode == AddressMode::Off || (mode == AddressMode::Optional && blank) {
            return None;
        }
        let before = errors.clone();
        let mut text = |field: CustomerField, raw: &str| -> Option<String> {
            if raw.trim().is_empty() {
                if NEEDED.contains(&field) {
                    errors.add(Field::Customer(field), Problem::Required);
                }
                return None;
            }
            // The parts' own parsers, not `CustomerField::parse`: its match over every field
            // of the record put the date and number parsers into each widget with an address.
            let raw = raw.trim();
            let parsed = if field == CustomerField::Postcode { super::profile::postcode(raw) } else { line(raw) };
            errors.check(Field::Customer(field), parsed)
        };
        let [street, postcode, city, country] = parts.map(|(field, raw)| text(field, raw));
        if *errors != before {
            return None;
        }
        Some(PostalAddress { street: street?, postcode: postcode?, city: city?, country })
    }
}

impl PostalAddress {
    /// The record's fields this address fills, with their values.
    pub fn parts(&self) -> Vec<(CustomerField, &str)> {
        let mut parts = vec![
            (CustomerField::Street, self.street.as_str()),
            (CustomerField::Postcode, self.postcode.as_str()),
            (CustomerField::City, self.city.as_str()),
        ];
        if let Some(country) = &self.country {
            parts.push((CustomerField::Country, country.as_str()));
        }
        parts
    }

    pub fn street(&self) -> &str {
        &self.street
    }
    pub fn postcode(&self) -> &str {
        &self.postcode
    }
    pub fn city(&self) -> &str {
        &self.city
    }
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(street: &str, postcode: &str, city: &str, country: &str) -> AddressForm {
        AddressForm { street: street.into(), postcode: postcode.into(), city: city.into(), country: country.into() }
    }

    fn parse(f: &AddressForm, mode: AddressMode) -> (Option<PostalAddress>, FieldErrors) {
        let mut errors = FieldErrors::new();
        (f.parse(mode, &mut errors), errors)
    }

    #[test]
    fn a_site_that_asks_for_none_keeps_none_whatever_is_sent() {
        let (address, errors) = parse(&form("Oudegracht 12", "3511 AB", "Utrecht", ""), AddressMode::Off);
        assert_eq!((address, errors), (None, FieldErrors::new()));
    }

    #[test]
    fn an_optional_address_may_be_left_blank_but_not_half_filled() {
        let (address, errors) = parse(&form(" ", "", "", ""), AddressMode::Optional);
        assert_eq!((address, errors), (None, FieldErrors::new()));
        let (address, errors) = parse(&form("Oudegracht 12", "", "", ""), AddressMode::Optional);
        assert_eq!(address, None);
        assert_eq!(errors.get(Field::Customer(CustomerField::Postcode)), Some(Problem::Required));
        assert_eq!(errors.get(Field::Customer(CustomerField::City)), Some(Problem::Required));
        assert_eq!(errors.get(Field::Customer(CustomerField::Street)), None);
    }

    #[test]
    fn a_required_address_needs_street_postcode_and_city_and_parses_them_as_the_record_does() {
        let (_, errors) = parse(&form("", "", "", ""), AddressMode::Required);
        for field in NEEDED {
            assert_eq!(errors.get(Field::Customer(field)), Some(Problem::Required), "{field:?}");
        }
        assert_eq!(errors.get(Field::Customer(CustomerField::Country)), None, "the country may be left out");
        let (address, errors) = parse(&form(" Oudegracht  12 ", "3511 ab", "Utrecht", ""), AddressMode::Required);
        assert_eq!(errors, FieldErrors::new());
        let address = address.unwrap();
        assert_eq!(
            address.parts(),
            [
                (CustomerField::Street, "Oudegracht 12"),
                (CustomerField::Postcode, "3511 AB"),
                (CustomerField::City, "Utrecht")
            ]
        );
        let (_, errors) = parse(&form("Oudegracht 12", "3511<AB>", "Utrecht", &"x".repeat(121)), AddressMode::Required);
        assert_eq!(errors.get(Field::Customer(CustomerField::Postcode)), Some(Problem::BadCharacters));
        assert_eq!(errors.get(Field::Customer(CustomerField::Country)), Some(Problem::TooLong));
    }

    #[test]
    fn problems_of_other_fields_do_not_hide_a_good_address() {
        let mut errors = FieldErrors::one(Field::Email, Problem::NotAnEmail);
        let address = form("Rua Augusta 5", "1100-048", "Lisboa", "Portugal").parse(AddressMode::Optional, &mut errors);
        assert_eq!(address.unwrap().country(), Some("Portugal"));
    }
}
