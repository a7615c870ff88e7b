//! The reservation form as sent by the widget, and its parsed, valid form.

use crate::domain::{
    AddressForm, AddressMode, Email, Field, FieldErrors, FreeText, PersonName, Phone, PostalAddress, Quantity, Sku,
};
use serde::{Deserialize, Serialize};

/// Longest note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// What the reservation widget sends, exactly as typed. Missing fields read as blank.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReservationForm {
    pub sku: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// The postal address, where the site asks for one.
    pub address: AddressForm,
    /// As typed: a wrong type ("two") is the visitor's mistake, reported beside the field.
    pub quantity: String,
    pub note: String,
    pub page_url: String,
    pub favourites: Vec<String>,
}

/// A reservation that passed every check but the catalogue lookup (the server's).
#[derive(Debug, Clone)]
pub struct ValidReservation {
    pub sku: Sku,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    /// Required: the shop calls when the item is in.
    pub phone: Phone,
    pub address: Option<PostalAddress>,
    pub quantity: Quantity,
    pub note: FreeText,
    pub favourites: Vec<Sku>,
}

impl ValidReservation {
    /// Parses every field, the address as much as the site's `address` mode asks for.
    pub fn parse(form: &ReservationForm, address: AddressMode) -> Result<ValidReservation, FieldErrors> {
        let mut errors = FieldErrors::new();
        let sku = errors.check(Field::Item, Sku::parse(&form.sku));
        let first_name = errors.check(Field::FirstName, PersonName::parse(&form.first_name));
        let last_name = errors.check(Field::LastName, PersonName::parse(&form.last_name));
        let email = errors.check(Field::Email, Email::parse(&form.email));
        let phone = errors.check(Field::Phone, Phone::parse(&form.phone));
        let address = form.address.parse(address, &mut errors);
        let quantity = errors.check(Field::Quantity, Quantity::parse(&form.quantity));
        let note = errors.check(Field::Note, FreeText::parse(&form.note, MAX_NOTE_CHARS));
        match (sku, first_name, last_name, email, phone, quantity, note) {
            (Some(sku), Some(first_name), Some(last_name), Some(email), Some(phone), Some(quantity), Some(note))
                if errors.is_empty() =>
            {
                let favourites = Sku::parse_saved(&form.favourites);
                Ok(ValidReservation { sku, first_name, last_name, email, phone, address, quantity, note, favourites })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Problem;

    #[test]
    fn a_reservation_needs_name_email_phone_and_a_quantity() {
        let errors = ValidReservation::parse(
            &ReservationForm { sku: "RYE".into(), ..Default::default() },
            AddressMode::Required,
        )
        .unwrap_err();
        for field in [Field::FirstName, Field::LastName, Field::Email, Field::Phone, Field::Quantity] {
            assert_eq!(errors.get(field), Some(Problem::Required), "{field:?}");
        }
        assert_eq!(errors.get(Field::Note), None, "the note is optional");
        let street = Field::Customer(crate::domain::CustomerField::Street);
        assert_eq!(errors.get(street), Some(Problem::Required), "the site asks for an address");
    }
}
