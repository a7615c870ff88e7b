//! The words of the pages Patron serves to a shop's customers (their own page, the data
//! requests, unsubscribing), in the seven languages Patron ships, one file per language.
//!
//! As with the admin's and the widgets' catalogues, each language is one value of the same
//! structs, so a missing word is a compile error; the tests below add that none is blank and
//! that every sentence built from a value shows it. Sentences return plain text: the page
//! escapes what they return, values included. Server-side only, so no bundle carries them.

mod af;
mod de;
mod en;
mod fi;
mod nl;
mod pt;
mod ru;

use crate::staff::texts::plural::counted;
pub use crate::widgets::texts::Lang;

/// Every word of the customer pages.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct PageTexts {
    pub common: Common,
    pub me: MyPage,
    pub details: Details,
    pub unsubscribe: Unsubscribe,
    pub request: Request,
}

/// Words several pages use.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Common {
    pub not_found: &'static str,
    pub no_such_site: &'static str,
    pub sorry: &'static str,
    /// A page that cannot be shown just now (the database is busy or its disk full).
    pub try_later: &'static str,
    /// The title of the data pages: "Your data · {site}".
    pub your_data: &'static str,
    pub email: &'static str,
    pub check_inbox: &'static str,
    pub link_dead: &'static str,
    /// Why a link no longer works.
    #[cfg_attr(test, serde(skip))]
    pub link_used: fn(hours: i64) -> String,
    pub own_page_only: &'static str,
    pub choose_what: &'static str,
    pub done: &'static str,
    /// What a customer agrees or refuses to be contacted with, by purpose.
    pub newsletter: &'static str,
    pub post: &'static str,
    pub sms: &'static str,
    pub phone: &'static str,
    pub profiling: &'static str,
    pub access: &'static str,
    pub do_not_sell: &'static str,
    pub erase: &'static str,
}

/// The customer's own page and its sign-in steps.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct MyPage {
    /// The title: "Your page · {site}".
    pub title: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub heading: fn(site: &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub intro: fn(site: &str) -> String,
    pub send_link: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub sent: fn(site: &str, email: &str, hours: i64) -> String,
    pub open: &'static str,
    pub ask_new: &'static str,
    pub refused: &'static str,
    pub back: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub hello: fn(name: &str) -> String,
    pub hello_nameless: &'static str,
    pub card: &'static str,
    pub no_card: &'static str,
    pub get_card: &'static str,
    pub show_at_till: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub take_now: fn(rewards: &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub stamps: fn(n: i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub points: fn(n: i64) -> String,
    pub saved: &'static str,
    pub nothing_saved: &'static str,
    pub remove: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub remove_item: fn(item: &str) -> String,
    pub reservations: &'static str,
    pub no_reservations: &'static str,
    pub waiting: &'static str,
    pub collected: &'static str,
    pub cancelled: &'static str,
    pub consents: &'static str,
    pub nothing_asked: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub stop: &'static str,
    pub agree: &'static str,
    pub details: &'static str,
    pub details_intro: &'static str,
    pub data: &'static str,
    pub not_sold: &'static str,
    pub sign_out: &'static str,
    pub no_such_consent: &'static str,
    pub no_wording: &'static str,
    pub tick_to_join: &'static str,
}

/// The details a customer corrects on their page.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Details {
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub phone: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub contact: &'static str,
    pub no_preference: &'static str,
    pub by_email: &'static str,
    pub by_phone: &'static str,
    pub by_sms: &'static str,
    pub by_post: &'static str,
    pub save: &'static str,
    pub not_saved: &'static str,
}

/// One-click unsubscribing.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Unsubscribe {
    pub title: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub ask: fn(site: &str, what: &str) -> String,
    pub button: &'static str,
    pub done_title: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub done: fn(site: &str, what: &str) -> String,
    pub not_valid: &'static str,
    pub whole_link: &'static str,
}

/// The data requests made without an account, and their mail.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Request {
    #[cfg_attr(test, serde(skip))]
    pub heading: fn(site: &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub intro: fn(site: &str) -> String,
    pub what: &'static str,
    pub send: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub sent: fn(site: &str, email: &str, hours: i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub mail_subject: fn(site: &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub mail_body: fn(site: &str, what: &str, hours: i64, link: &str) -> String,
    pub access_intro: &'static str,
    pub as_json: &'static str,
    pub as_csv: &'static str,
    pub do_not_sell_intro: &'static str,
    pub erase_intro: &'static str,
    pub ask_again: &'static str,
    pub not_sold: &'static str,
    pub erased: &'static str,
}

/// The catalogue of `lang`.
pub fn of(lang: Lang) -> &'static PageTexts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Nl => &nl::TEXTS,
        Lang::Af => &af::TEXTS,
        Lang::Pt => &pt::TEXTS,
        Lang::Ru => &ru::TEXTS,
        Lang::Fi => &fi::TEXTS,
        Lang::De => &de::TEXTS,
    }
}

impl Common {
    /// The words for a consent purpose (`newsletter`, `sms`…), if Patron knows it.
    pub fn purpose(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "newsletter" => self.newsletter,
            "post" => self.post,
            "sms" => self.sms,
            "phone" => self.phone,
            "profiling" => self.profiling,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests;
