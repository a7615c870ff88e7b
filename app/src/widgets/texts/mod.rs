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

/// One accessor per family of texts: `lang.signup()` is the signup's strings in `lang`.
macro_rules! per_language {
    ($($(#[$doc:meta])* $name:ident: $ty:ident = $static:ident,)*) => {
        impl Lang {
        $(
            $(#[$doc])*
            pub fn $name(self) -> &'static $ty {
                match self {
                    Lang::En => &en::$static,
                    Lang::Nl => &nl::$static,
                    Lang::Af => &af::$static,
                    Lang::Pt => &pt::$static,
                    Lang::Ru => &ru::$static,
                    Lang::Fi => &fi::$static,
                    Lang::De => &de::$static,
                }
            }
        )*
        }

        impl Texts {
            $(
                /// The same language's strings of another family.
                pub fn $name(&self) -> &'static $ty {
                    self.lang.$name()
                }
            )*
        }
    };
}

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
}

per_language! {
    /// What every widget shows.
    texts: Texts = TEXTS,
    /// The fields of a form about the visitor, and their problems.
    forms: FormTexts = FORMS,
    signup: SignupTexts = SIGNUP,
    surveys: SurveyTexts = SURVEYS,
    favourites: FavouriteTexts = FAVOURITES,
    reservation: ReservationTexts = RESERVATION,
    warranty: WarrantyTexts = WARRANTY,
    loyalty: LoyaltyTexts = LOYALTY,
    profile: ProfileTexts = PROFILE,
}

/// The fixed strings of the widgets, one struct per family of widgets and one static of each
/// per language: a widget bundle carries only the strings of the widgets in it (a single
/// struct of every string would put all of them, in every language, into each bundle).
///
/// This one: what every widget shows, its buttons, its states, its general errors.
pub struct Texts {
    /// This language: the other families' strings of it are `t.forms()`, `t.signup()`, ...
    pub lang: Lang,
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
    pub save: &'static str,
}

/// The fields of a form about the visitor (name, contact, postal address) and what can be wrong with a field.
pub struct FormTexts {
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
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub privacy_policy: &'static str,
    pub address: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub country: &'static str,
}

/// The newsletter signup's own words.
pub struct SignupTexts {
    pub subscribe: &'static str,
    /// After a signup, for a new address and a known one alike (the answer must not tell).
    pub thanks_new: &'static str,
    /// After a signup with the consent box left unticked: stored, but no newsletter.
    pub thanks_no_consent: &'static str,
    /// After a signup held for double opt-in: look in your mail.
    pub thanks_confirm: &'static str,
}

/// The surveys' own words (NPS, rank your reasons, how did you hear).
pub struct SurveyTexts {
    pub nps_question: &'static str,
    pub nps_low: &'static str,
    pub nps_high: &'static str,
    pub nps_why: &'static str,
    pub reasons_question: &'static str,
    pub reasons_hint: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub heard_question: &'static str,
    pub heard_other: &'static str,
    /// Labels of the standard option codes a site may use without writing its own.
    pub option: fn(&str) -> Option<&'static str>,
}

/// The favourite button's and list's own words.
pub struct FavouriteTexts {
    pub saved: &'static str,
    pub favourites_title: &'static str,
    pub favourites_empty: &'static str,
}

/// The reservation's own words.
pub struct ReservationTexts {
    pub reserve: &'static str,
    pub quantity: &'static str,
    pub note: &'static str,
    pub expected: &'static str,
    pub reserved: &'static str,
}

/// The warranty card's own words.
pub struct WarrantyTexts {
    pub warranty_title: &'static str,
    pub product: &'static str,
    /// The search over a catalogue too large to list (a name or a product number).
    pub find_product: &'static str,
    pub no_product_found: &'static str,
    pub serial_number: &'static str,
    pub purchase_date: &'static str,
    pub register: &'static str,
    pub warranty_done: &'static str,
}

/// The loyalty card's own words.
pub struct LoyaltyTexts {
    pub loyalty_title: &'static str,
    pub loyalty_agree: &'static str,
    pub join: &'static str,
    /// After joining, for a new address and a known one alike (the answer must not tell
    /// which): the card is behind the mailed link.
    pub loyalty_mailed: &'static str,
}

/// The progressive profile's own words.
pub struct ProfileTexts {
    pub profile_intro: &'static str,
    /// Label of a profile field, by its code (`birthday`, `postcode`, ...).
    pub profile_field: fn(&str) -> &'static str,
    /// Label of a choice of the income-range and preferred-channel fields, by its code.
    pub profile_choice: fn(&str) -> &'static str,
}

impl FormTexts {
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
            Problem::Voided => self.bad_characters,
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
                assert!((lang.surveys().option)(code).is_some(), "{lang:?} lacks {code}");
            }
            assert_eq!((lang.surveys().option)("no_such_code"), None);
        }
    }

    #[test]
    fn every_language_labels_every_profile_field_and_choice() {
        use crate::domain::ProfileField;
        for lang in Lang::ALL {
            let t = lang.profile();
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
            assert_ne!(lang.surveys().nps_question, Lang::En.surveys().nps_question, "{lang:?}");
        }
    }
}
