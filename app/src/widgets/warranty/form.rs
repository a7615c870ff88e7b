//! The warranty card as sent by the widget, and its parsed, valid form.

use crate::domain::{
    AddressForm, AddressMode, Email, Field, FieldErrors, PastDate, PersonName, Phone, PostalAddress, SerialNumber, Sku,
};
use serde::{Deserialize, Serialize};

/// What the warranty widget sends, exactly as typed. Missing fields read as blank.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WarrantyForm {
    pub sku: String,
    pub serial_number: String,
    pub purchase_date: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    /// The postal address, where the site asks for one.
    pub address: AddressForm,
    pub page_url: String,
    pub favourites: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ValidWarranty {
    pub sku: Sku,
    pub serial_number: SerialNumber,
    pub purchase_date: PastDate,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone: Option<Phone>,
    pub address: Option<PostalAddress>,
    pub favourites: Vec<Sku>,
}

impl ValidWarranty {
    /// `today` (`YYYY-MM-DD`) bounds the purchase date; the browser passes `None`. The
    /// address is read as much as the site's `address` mode asks for.
    pub fn parse(form: &WarrantyForm, today: Option<&str>, address: AddressMode) -> Result<ValidWarranty, FieldErrors> {
        let mut errors = FieldErrors::new();
        let sku = errors.check(Field::Item, Sku::parse(&form.sku));
        let serial_number = errors.check(Field::Serial, SerialNumber::parse(&form.serial_number));
        let purchase_date = errors.check(Field::PurchaseDate, PastDate::parse(&form.purchase_date, today));
        let first_name = errors.check(Field::FirstName, PersonName::parse(&form.first_name));
        let last_name = errors.check(Field::LastName, PersonName::parse(&form.last_name));
        let email = errors.check(Field::Email, Email::parse(&form.email));
        let phone = errors.check(Field::Phone, Phone::parse_optional(&form.phone));
        let address = form.address.parse(address, &mut errors);
        match (sku, serial_number, purchase_date, first_name, last_name, email, phone) {
            (
                Some(sku),
                Some(serial_number),
                Some(purchase_date),
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(phone),
            ) if errors.is_empty() => {
                let favourites = Sku::parse_saved(&form.favourites);
                Ok(ValidWarranty {
                    sku,
                    serial_number,
                    purchase_date,
                    first_name,
                    last_name,
                    email,
                    phone,
                    address,
                    favourites,
                })
            }
            _ => Err(errors),
        }
    }
}
