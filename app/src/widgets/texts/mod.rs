//! Widget texts in every language Patron ships, chosen by `data-lang` or the page's
//! `<html lang>`, English when neither is known.
//!
//! One `Texts` value per language (one file each) keeps a missing translation a compile
//! error, not a blank label. Shop-specific wording (consent text, site name, a site's own
//! question and option texts) comes from the server instead and overrides these.

mod af;
mod de;
mod en;
mod fi;
mod nl;
mod pt;
mod ru;

use crate::domain::Problem;

/// A language the widgets are translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Nl,
    Af,
    Pt,
    Ru,
    Fi,
    De,
}

impl Lang {
    pub const ALL: [Lang; 7] = [Lang::En, Lang::Nl, Lang::Af, Lang::Pt, Lang::Ru, Lang::Fi, Lang::De];

    /// Picks the language of a BCP 47 tag (`nl-BE` → Dutch); English when unknown.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary).unwrap_or(Lang::En)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Af => "af",
            Lang::Pt => "pt",
            Lang::Ru => "ru",
            Lang::Fi => "fi",
            Lang::De => "de",
        }
    }

    /// A language's code if Patron ships it (exact match, unlike [`Lang::from_tag`]).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, as the admin lists it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
            Lang::Af => "Afrikaans",
            Lang::Pt => "Português",
            Lang::Ru => "Русский",
            Lang::Fi => "Suomi",
            Lang::De => "Deutsch",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::TEXTS,
            Lang::Nl => &nl::TEXTS,
            Lang::Af => &af::TEXTS,
            Lang::Pt => &pt::TEXTS,
            Lang::Ru => &ru::TEXTS,
            Lang::Fi => &fi::TEXTS,
            Lang::De => &de::TEXTS,
        }
    }
}

/// Every fixed string a widget shows.
pub struct Texts {
    // Shared
    pub optional: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub loading: &'static str,
    pub unavailable: &'static str,
    pub try_again: &'static str,
    /// After a 503: the server is up but cannot store anything (disk full, lock held).
    pub not_saved_now: &'static str,
    pub fix_fields: &'static str,
    pub unknown_widget: &'static str,
    pub thanks_answer: &'static str,
    // Field problems
    pub required: &'static str,
    pub too_long: &'static str,
    pub too_short: &'static str,
    pub not_an_email: &'static str,
    pub not_a_phone: &'static str,
    pub bad_characters: &'static str,
    pub out_of_range: &'static str,
    pub unknown_option: &'static str,
    pub not_a_ranking: &'static str,
    pub not_a_number: &'static str,
    pub not_an_amount: &'static str,
    pub not_a_date: &'static str,
    pub already_registered: &'static str,
    pub must_agree: &'static str,
    // Signup
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub privacy_policy: &'static str,
    // A postal address (signup, reservation, warranty, where the site asks for one)
    pub address: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub country: &'static str,
    pub subscribe: &'static str,
    /// After a signup, for a new address and a known one alike (the answer must not tell).
    pub thanks_new: &'static str,
    /// After a signup with the consent box left unticked: stored, but no newsletter.
    pub thanks_no_consent: &'static str,
    /// After a signup held for double opt-in: look in your mail.
    pub thanks_confirm: &'static str,
    // NPS
    pub nps_question: &'static str,
    pub nps_low: &'static str,
    pub nps_high: &'static str,
    pub nps_why: &'static str,
    // Rank your reasons
    pub reasons_question: &'static str,
    pub reasons_hint: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    // How did you hear about us
    pub heard_question: &'static str,
    pub heard_other: &'static str,
    // Favourites
    pub save: &'static str,
    pub saved: &'static str,
    pub favourites_title: &'static str,
    pub favourites_empty: &'static str,
    // Reservation
    pub reserve: &'static str,
    pub quantity: &'static str,
    pub note: &'static str,
    pub expected: &'static str,
    pub reserved: &'static str,
    // Warranty
    pub warranty_title: &'static str,
    pub product: &'static str,
    /// The search over a catalogue too large to list (a name or a product number).
    pub find_product: &'static str,
    pub no_product_found: &'static str,
    pub serial_number: &'static str,
    pub purchase_date: &'static str,
    pub register: &'static str,
    pub warranty_done: &'static str,
    // Loyalty
    pub loyalty_title: &'static str,
    pub loyalty_agree: &'static str,
    pub join: &'static str,
    /// After joining, for a new address and a known one alike (the answer must not tell
    /// which): the card is behind the mailed link.
    pub loyalty_mailed: &'static str,
    // Progressive profiling
    pub profile_intro: &'static str,
    /// Label of a profile field, by its code (`birthday`, `postcode`, ...).
    pub profile_field: fn(&str) -> &'static str,
    /// Label of a choice of the income-range and preferred-channel fields, by its code.
    pub profile_choice: fn(&str) -> &'static str,
    /// Labels of the standard option codes a site may use without writing its own.
    pub option: fn(&str) -> Option<&'static str>,
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
            Problem::OutOfRange => self.out_of_range,
            Problem::UnknownOption => self.unknown_option,
            Problem::NotARanking => self.not_a_ranking,
            Problem::NotANumber => self.not_a_number,
            Problem::NotAnAmount => self.not_an_amount,
            Problem::NotADate => self.not_a_date,
            Problem::AlreadyRegistered => self.already_registered,
            Problem::MustAgree => self.must_agree,
            // Only the admin's settings forms meet these; widgets never do.
            Problem::Taken => self.already_registered,
            Problem::NotAUrl
            | Problem::NotACode
            | Problem::NeedsLink
            | Problem::NeedsCode
            | Problem::NeedsUnsubscribe => self.bad_characters,
            // Only the admin's import and account pages meet these.
            Problem::NeedsEmailOrPhone => self.required,
            Problem::WrongPassword => self.bad_characters,
            // Only staff and the API correct sales.
            Problem::Voided => self.unavailable,
            Problem::DuplicateInFile => self.already_registered,
        }
    }
}

/// The standard option codes every language labels (the demo shop uses them).
pub const STANDARD_OPTIONS: [&str; 9] = [
    "convenience",
    "low_price",
    "best_quality",
    "best_choice",
    "search_engine",
    "friend",
    "social_media",
    "walked_by",
    "newspaper",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_pick_their_primary_language() {
        assert_eq!(Lang::from_tag("nl-BE"), Lang::Nl);
        assert_eq!(Lang::from_tag("pt_BR"), Lang::Pt);
        assert_eq!(Lang::from_tag("RU"), Lang::Ru);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn every_language_labels_every_standard_option() {
        for lang in Lang::ALL {
            for code in STANDARD_OPTIONS {
                assert!((lang.texts().option)(code).is_some(), "{lang:?} lacks {code}");
            }
            assert_eq!((lang.texts().option)("no_such_code"), None);
        }
    }

    #[test]
    fn every_language_labels_every_profile_field_and_choice() {
        use crate::domain::ProfileField;
        for lang in Lang::ALL {
            let t = lang.texts();
            for f in ProfileField::ALL {
                assert!(!(t.profile_field)(f.code()).is_empty(), "{lang:?} {f:?}");
                for c in f.choices() {
                    assert!(!(t.profile_choice)(c).is_empty(), "{lang:?} lacks {c}");
                }
            }
        }
    }

    #[test]
    fn translations_differ_from_english() {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            assert_ne!(lang.texts().nps_question, Lang::En.texts().nps_question, "{lang:?}");
        }
    }
}
