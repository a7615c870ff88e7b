//! The admin's words in the seven languages Patron ships, one file per language.
//!
//! As with the widgets' `Texts`, each language is one value of the same structs, so a word
//! missing in a language is a compile error, not a blank button; the test below adds that
//! none is empty and that every sentence with a number shows it. Chosen over a Leptos i18n
//! crate by its cost: plain `&'static str`s add only the words themselves to the admin
//! bundle (today's 35 kB of words in seven languages gzip to 14 kB), no runtime, no parser,
//! no macros.
//!
//! The language is each staff member's choice (`choice`), else the browser's; a page reads
//! its words with [`t`], once, when it is built (a change of language loads the page again).
//! Words that vary with a number are functions, so a language with three plural forms
//! (Russian) says each right.

mod af;
pub mod choice;
mod de;
mod desk;
mod duplicates;
mod en;
mod fi;
mod import;
mod insight;
mod nl;
mod oversight;
pub(crate) mod plural;
mod pt;
mod quality;
mod record;
mod refusals;
mod ru;
mod segments;
mod settings;

use crate::domain::{PaymentMethod, Problem, Role};
use crate::error::AppError;
pub use crate::widgets::texts::Lang;
pub use desk::Desk;
pub use duplicates::Duplicates;
pub use import::{Import, ImportKindWords};
pub use insight::Insight;
pub use oversight::Oversight;
use plural::{counted, russian_plural};
pub use quality::Quality;
pub use record::{CustomerList, Record, RecordPurchases, Rights, Timeline};
pub use refusals::Refusals;
pub use segments::Segments;
pub use settings::{Automation, Connections, LoyaltySettings, Mail, PrivacySettings, Settings};

/// Every fixed word of the translated admin pages, in one language: a catalogue per area,
/// each read by its method (`t.till()`). Each language keeps each area's words in a static
/// of its own, so a bundle of the admin carries only the words of the pages it has
/// (`admin::areas`): one value with every area's words made every bundle carry them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdminTexts {
    lang: Lang,
}

/// The catalogues: each a method of [`AdminTexts`] reading the language's static.
macro_rules! catalogues {
    ($($field:ident: $ty:ident = $name:ident,)*) => {
        impl AdminTexts {
            $(
                pub fn $field(&self) -> &'static $ty {
                    match self.lang {
                        Lang::En => &en::$name,
                        Lang::Nl => &nl::$name,
                        Lang::Af => &af::$name,
                        Lang::Pt => &pt::$name,
                        Lang::Ru => &ru::$name,
                        Lang::Fi => &fi::$name,
                        Lang::De => &de::$name,
                    }
                }
            )*

            /// Every catalogue by name, for the tests of every word.
            #[cfg(test)]
            pub(crate) fn json(&self) -> serde_json::Value {
                serde_json::json!({ $(stringify!($field): self.$field(),)* })
            }
        }
    };
}

catalogues! {
    common: Common = COMMON,
    frame: Frame = FRAME,
    sign_in: SignIn = SIGN_IN,
    account: Account = ACCOUNT,
    errors: Errors = ERRORS,
    problems: Problems = PROBLEMS,
    today: Today = TODAY,
    till: Till = TILL,
    payment_methods: Payment = PAYMENT,
    cards: Cards = CARDS,
    products: Products = PRODUCTS,
    staff: Staff = STAFF,
    settings: Settings = SETTINGS,
    privacy: PrivacySettings = PRIVACY,
    mail: Mail = MAIL,
    automation: Automation = AUTOMATION,
    loyalty: LoyaltySettings = LOYALTY,
    connections: Connections = CONNECTIONS,
    list: CustomerList = LIST,
    record: Record = RECORD,
    timeline: Timeline = TIMELINE,
    purchases: RecordPurchases = PURCHASES,
    rights: Rights = RIGHTS,
    desk: Desk = DESK,
    oversight: Oversight = OVERSIGHT,
    segments: Segments = SEGMENTS,
    insight: Insight = INSIGHT,
    quality: Quality = QUALITY,
    duplicates: Duplicates = DUPLICATES,
    import: Import = IMPORT,
    refusals: Refusals = REFUSALS,
}

/// Words many pages use.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Common {
    pub loading: &'static str,
    pub open_record: &'static str,
    /// A customer without a name, by number.
    #[cfg_attr(test, serde(skip))]
    pub customer_n: fn(i64) -> String,
    pub no_customer: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub site: &'static str,
    pub not_found: &'static str,
    pub back_to_admin: &'static str,
    pub title: &'static str,
}

/// The frame around every signed-in page.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Frame {
    pub sell: &'static str,
    pub customers_group: &'static str,
    pub insight: &'static str,
    pub privacy: &'static str,
    pub settings: &'static str,
    pub today: &'static str,
    pub till: &'static str,
    pub reservations: &'static str,
    pub customers: &'static str,
    pub segments: &'static str,
    pub dormant: &'static str,
    pub duplicates: &'static str,
    pub quality: &'static str,
    pub import: &'static str,
    pub reports: &'static str,
    pub analytics: &'static str,
    pub requests: &'static str,
    pub audit: &'static str,
    pub products: &'static str,
    pub sites: &'static str,
    pub staff: &'static str,
    pub outbox: &'static str,
    pub backups: &'static str,
    pub menu: &'static str,
    /// The navigation's name for screen readers.
    pub nav_label: &'static str,
    pub account_hint: &'static str,
    pub sign_out: &'static str,
    pub sign_out_everywhere: &'static str,
    pub sign_out_everywhere_hint: &'static str,
    pub role_staff: &'static str,
    pub role_manager: &'static str,
    pub role_owner: &'static str,
}

/// The first-run, sign-in and set-password pages.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct SignIn {
    pub welcome: &'static str,
    pub welcome_intro: &'static str,
    pub setup_code: &'static str,
    pub create_owner: &'static str,
    /// "Password (at least 12 characters)".
    #[cfg_attr(test, serde(skip))]
    pub new_password: fn(usize) -> String,
    pub password: &'static str,
    pub title: &'static str,
    pub sign_in: &'static str,
    pub join_title: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub reset_for: fn(&str) -> String,
    /// The invitee's email, then their role.
    #[cfg_attr(test, serde(skip))]
    pub invited_as: fn(&str, &str) -> String,
    pub join: &'static str,
    pub invite_expired: &'static str,
}

/// The signed-in person's own account page.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Account {
    pub title: &'static str,
    pub language: &'static str,
    pub language_hint: &'static str,
    pub browser_language: &'static str,
    pub password_title: &'static str,
    pub password_hint: &'static str,
    pub current_password: &'static str,
    pub change_password: &'static str,
    pub password_changed: &'static str,
}

/// The sentences of [`AppError`] (those whose text is Patron's, not a feature's).
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Errors {
    pub fix_fields: &'static str,
    pub fix_lines: &'static str,
    pub sign_in: &'static str,
    pub forbidden: &'static str,
    pub wrong_credentials: &'static str,
    pub too_many_attempts: &'static str,
    pub busy: &'static str,
    pub already_set_up: &'static str,
    pub setup_code: &'static str,
    pub unknown_site: &'static str,
    pub widget_off: &'static str,
    pub last_owner: &'static str,
    pub not_found: &'static str,
    pub unavailable: &'static str,
    pub internal: &'static str,
    pub transport: &'static str,
}

/// The sentences of a field's [`Problem`].
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Problems {
    pub required: &'static str,
    pub too_long: &'static str,
    pub too_short: &'static str,
    pub not_an_email: &'static str,
    pub not_a_phone: &'static str,
    pub bad_characters: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub password_too_short: fn(usize) -> String,
    pub out_of_range: &'static str,
    pub unknown_option: &'static str,
    pub not_a_ranking: &'static str,
    pub not_a_number: &'static str,
    pub not_an_amount: &'static str,
    pub not_a_date: &'static str,
    pub already_registered: &'static str,
    pub must_agree: &'static str,
    pub taken: &'static str,
    pub not_a_url: &'static str,
    pub not_a_code: &'static str,
    pub needs_email_or_phone: &'static str,
    pub duplicate_in_file: &'static str,
    pub needs_link: &'static str,
    pub needs_code: &'static str,
    pub needs_unsubscribe: &'static str,
    pub wrong_password: &'static str,
    pub voided: &'static str,
}

/// The Today page.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Today {
    pub title: &'static str,
    pub no_key: &'static str,
    /// The key's file path is the argument.
    #[cfg_attr(test, serde(skip))]
    pub no_key_detail: fn(&str) -> String,
    pub new_customers: &'static str,
    pub purchases: &'static str,
    pub open_reservations: &'static str,
    pub interactions: &'static str,
    pub dormant: &'static str,
    pub jobs: &'static str,
    pub job_till: &'static str,
    pub job_find: &'static str,
    pub job_hand_out: &'static str,
    pub sales: &'static str,
    pub no_sales: &'static str,
    pub enter_one: &'static str,
    pub time_utc: &'static str,
    pub customer: &'static str,
    pub paid: &'static str,
    pub how: &'static str,
}

/// The till.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Till {
    pub title: &'static str,
    pub find: &'static str,
    pub find_placeholder: &'static str,
    pub none_found: &'static str,
    pub many_match: &'static str,
    pub new_customer: &'static str,
    pub create_customer: &'static str,
    pub change_customer: &'static str,
    pub item: &'static str,
    pub item_placeholder: &'static str,
    pub description: &'static str,
    pub qty: &'static str,
    pub quantity: &'static str,
    pub unit_price: &'static str,
    pub remove_line: &'static str,
    pub add_line: &'static str,
    pub discount: &'static str,
    pub payment: &'static str,
    pub total: &'static str,
    pub save: &'static str,
    /// The total paid, formatted, is the argument.
    #[cfg_attr(test, serde(skip))]
    pub saved: fn(&str) -> String,
    pub next_customer: &'static str,
    pub lines: &'static str,
    pub needs_a_line: &'static str,
    pub discount_too_big: &'static str,
}

/// The Products page.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Products {
    pub title: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub search: &'static str,
    pub tabs_label: &'static str,
    pub offered: &'static str,
    pub archived: &'static str,
    pub no_match: &'static str,
    pub no_archived: &'static str,
    pub none_yet: &'static str,
    pub add: &'static str,
    pub sku: &'static str,
    pub name: &'static str,
    pub category: &'static str,
    pub price: &'static str,
    pub expected: &'static str,
    pub edit: &'static str,
    pub offer_again: &'static str,
    pub archive: &'static str,
    /// Products in all, the page, the pages.
    #[cfg_attr(test, serde(skip))]
    pub count: fn(i64, u32, u32) -> String,
    pub pages: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub new_product: &'static str,
    /// The SKU of the product being changed.
    #[cfg_attr(test, serde(skip))]
    pub change: fn(&str) -> String,
    pub sku_hint: &'static str,
    /// A language's own name.
    #[cfg_attr(test, serde(skip))]
    pub name_in: fn(&str) -> String,
    /// The site's currency code.
    #[cfg_attr(test, serde(skip))]
    pub price_in: fn(&str) -> String,
    pub category_optional: &'static str,
    pub image_optional: &'static str,
    pub expected_hint: &'static str,
    pub add_product: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
}

/// The Staff page.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Staff {
    pub title: &'static str,
    pub role: &'static str,
    pub since: &'static str,
    pub you: &'static str,
    /// The member's email.
    #[cfg_attr(test, serde(skip))]
    pub role_of: fn(&str) -> String,
    pub reset_password: &'static str,
    pub remove: &'static str,
    pub pending: &'static str,
    /// Email, role, until when the link works.
    #[cfg_attr(test, serde(skip))]
    pub pending_line: fn(&str, &str, &str) -> String,
    pub reset_done: &'static str,
    pub reset_link: &'static str,
    pub invite: &'static str,
    pub invite_as: &'static str,
    pub make_link: &'static str,
    pub invite_done: &'static str,
    pub invite_link: &'static str,
    pub staff_can: &'static str,
    pub manager_can: &'static str,
    pub owner_can: &'static str,
}

/// How a purchase was paid.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Payment {
    pub cash: &'static str,
    pub card: &'static str,
    pub mobile: &'static str,
    pub invoice: &'static str,
    pub voucher: &'static str,
    pub other: &'static str,
}

/// A customer's loyalty cards at the till and on the record.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Cards {
    pub card: &'static str,
    pub print_card: &'static str,
    pub give_card: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub stamps: fn(i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub points: fn(i64) -> String,
    /// Reward name, then its cost in stamps or points.
    #[cfg_attr(test, serde(skip))]
    pub redeem: fn(&str, &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub birthday_gift: fn(&str) -> String,
    pub movements: &'static str,
    pub add_or_remove: &'static str,
    pub reason: &'static str,
    pub adjust: &'static str,
    pub earned: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub redeemed: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub birthday: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub adjusted: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub purchase: fn(i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub by: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub expires: fn(&str) -> String,
    pub print: &'static str,
    pub back_to_record: &'static str,
}

/// The words of `lang`.
pub fn of(lang: Lang) -> &'static AdminTexts {
    match lang {
        Lang::En => &AdminTexts { lang: Lang::En },
        Lang::Nl => &AdminTexts { lang: Lang::Nl },
        Lang::Af => &AdminTexts { lang: Lang::Af },
        Lang::Pt => &AdminTexts { lang: Lang::Pt },
        Lang::Ru => &AdminTexts { lang: Lang::Ru },
        Lang::Fi => &AdminTexts { lang: Lang::Fi },
        Lang::De => &AdminTexts { lang: Lang::De },
    }
}

/// The words of the page being built, in the language `AdminApp` chose for it (English
/// outside the admin, e.g. in a unit test).
pub fn t() -> &'static AdminTexts {
    of(lang())
}

/// The words of the staff member a server function answers, in the language their
/// browser's pages are in (`choice::page_lang`): for a sentence or file the server writes
/// for them.
pub fn of_caller() -> &'static AdminTexts {
    of(choice::page_lang())
}

/// The words of whoever sent a request with these headers (`choice::of_request`): for a
/// file or refusal a plain GET handler writes for them.
#[cfg(feature = "ssr")]
pub fn of_headers(headers: &axum::http::HeaderMap) -> &'static AdminTexts {
    of(choice::of_request(headers))
}

/// A code's name from the catalogue, or the code itself where the catalogue has none (a
/// catalogue function answers "" for a code it does not know).
pub fn or_code(name: &str, code: &str) -> String {
    if name.is_empty() { code.to_owned() } else { name.to_owned() }
}

/// The language of the page being built (English outside the admin).
pub fn lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or(Lang::En)
}

impl AdminTexts {
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Staff => self.frame().role_staff,
            Role::Manager => self.frame().role_manager,
            Role::Owner => self.frame().role_owner,
        }
    }

    pub fn payment(&self, method: PaymentMethod) -> &'static str {
        let p = self.payment_methods();
        match method {
            PaymentMethod::Cash => p.cash,
            PaymentMethod::Card => p.card,
            PaymentMethod::Mobile => p.mobile,
            PaymentMethod::Invoice => p.invoice,
            PaymentMethod::Voucher => p.voucher,
            PaymentMethod::Other => p.other,
        }
    }

    pub fn problem(&self, problem: Problem) -> String {
        let p = self.problems();
        match problem {
            Problem::Required => p.required,
            Problem::TooLong => p.too_long,
            Problem::TooShort => p.too_short,
            Problem::NotAnEmail => p.not_an_email,
            Problem::NotAPhone => p.not_a_phone,
            Problem::BadCharacters => p.bad_characters,
            Problem::PasswordTooShort => return (p.password_too_short)(crate::domain::Password::MIN_CHARS),
            Problem::OutOfRange => p.out_of_range,
            Problem::UnknownOption => p.unknown_option,
            Problem::NotARanking => p.not_a_ranking,
            Problem::NotANumber => p.not_a_number,
            Problem::NotAnAmount => p.not_an_amount,
            Problem::NotADate => p.not_a_date,
            Problem::AlreadyRegistered => p.already_registered,
            Problem::MustAgree => p.must_agree,
            Problem::Taken => p.taken,
            Problem::NotAUrl => p.not_a_url,
            Problem::NotACode => p.not_a_code,
            Problem::NeedsEmailOrPhone => p.needs_email_or_phone,
            Problem::DuplicateInFile => p.duplicate_in_file,
            Problem::NeedsLink => p.needs_link,
            Problem::NeedsCode => p.needs_code,
            Problem::NeedsUnsubscribe => p.needs_unsubscribe,
            Problem::WrongPassword => p.wrong_password,
            Problem::Voided => p.voided,
        }
        .to_owned()
    }

    /// An error as staff read it. A feature's own sentence (`Conflict`, `BadRequest`) is
    /// shown as the server wrote it.
    pub fn error(&self, error: &AppError) -> String {
        let e = self.errors();
        match error {
            AppError::Invalid(_) => e.fix_fields,
            AppError::InvalidRows(_) => e.fix_lines,
            AppError::Unauthenticated => e.sign_in,
            AppError::Forbidden => e.forbidden,
            AppError::WrongCredentials => e.wrong_credentials,
            AppError::TooManyAttempts => e.too_many_attempts,
            AppError::Busy => e.busy,
            AppError::AlreadySetUp => e.already_set_up,
            AppError::SetupCode => e.setup_code,
            AppError::UnknownSite => e.unknown_site,
            AppError::WidgetOff => e.widget_off,
            AppError::LastOwner => e.last_owner,
            AppError::NotFound => e.not_found,
            AppError::Unavailable => e.unavailable,
            AppError::Internal => e.internal,
            AppError::Conflict(text) | AppError::BadRequest(text) => return text.clone(),
            AppError::Transport(_) => e.transport,
        }
        .to_owned()
    }
}

#[cfg(test)]
mod tests;
