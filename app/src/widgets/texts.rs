//! Widget texts in every language Patron ships, chosen by the embed's `data-lang`.
//!
//! One struct per language keeps a missing translation a compile error, not a blank label.
//! Shop-specific wording (consent text, site name) comes from the server instead.

use crate::domain::Problem;

/// A language the widgets are translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    /// Picks the language of a BCP 47 tag (`de-CH` → German); English when unknown.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "de" => Lang::De,
            _ => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }
}

/// Every fixed string a widget shows.
pub struct Texts {
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub optional: &'static str,
    pub privacy_policy: &'static str,
    pub subscribe: &'static str,
    pub sending: &'static str,
    pub loading: &'static str,
    pub thanks_new: &'static str,
    pub thanks_again: &'static str,
    pub unavailable: &'static str,
    pub try_again: &'static str,
    pub fix_fields: &'static str,
    pub unknown_widget: &'static str,
    pub required: &'static str,
    pub too_long: &'static str,
    pub too_short: &'static str,
    pub not_an_email: &'static str,
    pub not_a_phone: &'static str,
    pub bad_characters: &'static str,
}

impl Texts {
    pub fn problem(&self, p: Problem) -> &'static str {
        match p {
            Problem::Required => self.required,
            Problem::TooLong => self.too_long,
            Problem::TooShort | Problem::PasswordTooShort => self.too_short,
            Problem::NotAnEmail => self.not_an_email,
            Problem::NotAPhone => self.not_a_phone,
            Problem::BadCharacters => self.bad_characters,
        }
    }
}

static EN: Texts = Texts {
    first_name: "First name",
    last_name: "Last name",
    email: "Email",
    phone: "Phone",
    optional: "optional",
    privacy_policy: "Privacy policy",
    subscribe: "Sign up",
    sending: "Sending…",
    loading: "Loading…",
    thanks_new: "Thank you for signing up!",
    thanks_again: "Welcome back! We have updated your details.",
    unavailable: "This form is not available right now.",
    try_again: "Something went wrong. Please try again.",
    fix_fields: "Please correct the highlighted fields.",
    unknown_widget: "Unknown Patron widget",
    required: "Please fill this in.",
    too_long: "This is too long.",
    too_short: "This is too short.",
    not_an_email: "Please enter a valid email address, like name@example.com.",
    not_a_phone: "Please enter a phone number using digits, spaces and an optional leading +.",
    bad_characters: "This contains characters that are not allowed.",
};

static DE: Texts = Texts {
    first_name: "Vorname",
    last_name: "Nachname",
    email: "E-Mail",
    phone: "Telefon",
    optional: "optional",
    privacy_policy: "Datenschutzerklärung",
    subscribe: "Anmelden",
    sending: "Wird gesendet…",
    loading: "Wird geladen…",
    thanks_new: "Vielen Dank für Ihre Anmeldung!",
    thanks_again: "Willkommen zurück! Wir haben Ihre Angaben aktualisiert.",
    unavailable: "Dieses Formular ist gerade nicht verfügbar.",
    try_again: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
    fix_fields: "Bitte korrigieren Sie die markierten Felder.",
    unknown_widget: "Unbekanntes Patron-Widget",
    required: "Bitte ausfüllen.",
    too_long: "Das ist zu lang.",
    too_short: "Das ist zu kurz.",
    not_an_email: "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
    not_a_phone: "Bitte geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und optional einem + ein.",
    bad_characters: "Das enthält unzulässige Zeichen.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_pick_their_primary_language() {
        assert_eq!(Lang::from_tag("de-CH"), Lang::De);
        assert_eq!(Lang::from_tag("DE"), Lang::De);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }
}
