//! The words of the customers list and of one customer's record: its summary, purchases,
//! timeline, consents and data rights. Each language's values are in `record/<lang>.rs`.

pub(super) mod af;
pub(super) mod de;
pub(super) mod en;
pub(super) mod fi;
pub(super) mod nl;
pub(super) mod pt;
pub(super) mod ru;

use crate::domain::{CustomerField, InteractionKind};

/// The customers list.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct CustomerList {
    pub title: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub search: &'static str,
    pub none_yet: &'static str,
    pub no_match: &'static str,
    pub name: &'static str,
    pub newsletter: &'static str,
    pub added: &'static str,
    /// (customers, page, of pages).
    #[cfg_attr(test, serde(skip))]
    pub pager: fn(i64, u32, u32) -> String,
    pub pages: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub subscribed: &'static str,
    pub withdrawn: &'static str,
    pub no_consent: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub since: fn(&str) -> String,
}

/// The record's head, its parts, details, tags and consents.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Record {
    /// (site, where they came from, since when).
    #[cfg_attr(test, serde(skip))]
    pub head: fn(&str, &str, &str) -> String,
    /// Where a customer or a consent came from, by its code (`till`, `widget:signup`...);
    /// blank for a code Patron does not know, which is then shown as it is.
    #[cfg_attr(test, serde(skip))]
    pub source: fn(&str) -> &'static str,
    pub new_purchase: &'static str,
    pub total_spend: &'static str,
    pub orders: &'static str,
    pub average_order: &'static str,
    pub first_purchase: &'static str,
    pub last_purchase: &'static str,
    pub last_visit: &'static str,
    pub parts: &'static str,
    pub overview: &'static str,
    pub purchases: &'static str,
    pub timeline: &'static str,
    pub privacy: &'static str,
    pub details: &'static str,
    pub edit: &'static str,
    /// A field's name.
    #[cfg_attr(test, serde(skip))]
    pub edit_field: fn(&str) -> String,
    pub save: &'static str,
    pub cancel: &'static str,
    pub requested: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub field: fn(CustomerField) -> &'static str,
    /// A gender's code; blank for one Patron does not know.
    #[cfg_attr(test, serde(skip))]
    pub gender: fn(&str) -> &'static str,
    pub tags: &'static str,
    pub no_tags: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub remove_tag: fn(&str) -> String,
    pub new_tag: &'static str,
    pub add_tag: &'static str,
    pub consents: &'static str,
    /// A consent purpose's code; blank for one Patron does not know.
    #[cfg_attr(test, serde(skip))]
    pub purpose: fn(&str) -> &'static str,
    pub given: &'static str,
    pub withdrawn: &'static str,
    pub never_asked: &'static str,
    pub purpose_label: &'static str,
    pub how: &'static str,
    pub how_placeholder: &'static str,
    pub record_consent: &'static str,
    pub no_consents: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub policy_version: fn(i64) -> String,
    /// Who recorded or did something.
    #[cfg_attr(test, serde(skip))]
    pub by: fn(&str) -> String,
    /// When the signup that the mailed link confirmed came in.
    #[cfg_attr(test, serde(skip))]
    pub confirmed_by_link: fn(&str) -> String,
    /// (the wording the customer saw, its version, its language).
    #[cfg_attr(test, serde(skip))]
    pub wording: fn(&str, i64, &str) -> String,
}

/// The record's timeline: contacts, reservations, answers, visits and changes.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Timeline {
    pub show: &'static str,
    pub everything: &'static str,
    pub contacts: &'static str,
    pub reservations: &'static str,
    pub answers: &'static str,
    pub visits: &'static str,
    pub changes: &'static str,
    pub empty: &'static str,
    pub log_title: &'static str,
    pub kind: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub interaction: fn(InteractionKind) -> &'static str,
    pub what_happened: &'static str,
    pub outcome: &'static str,
    pub log: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub outcome_is: fn(&str) -> String,
    /// A reservation's state (`open`, `fulfilled`, `cancelled`); blank for one not known.
    #[cfg_attr(test, serde(skip))]
    pub reservation_status: fn(&str) -> &'static str,
    /// (score, promoter/passive/detractor).
    #[cfg_attr(test, serde(skip))]
    pub nps: fn(i64, &str) -> String,
    pub promoter: &'static str,
    pub passive: &'static str,
    pub detractor: &'static str,
    /// The reasons in the customer's order, joined.
    #[cfg_attr(test, serde(skip))]
    pub reasons: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub heard: fn(&str) -> String,
    pub other_answer: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub favourite: fn(&str) -> String,
    /// (product, serial number, date of purchase).
    #[cfg_attr(test, serde(skip))]
    pub warranty: fn(&str, &str, &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub visit_from: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub seconds: fn(i64) -> String,
    pub no_visits_hint: &'static str,
    pub former_staff: &'static str,
    pub the_customer: &'static str,
    pub the_website: &'static str,
    pub the_api: &'static str,
    pub created: &'static str,
    pub do_not_sell: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub reservation_n: fn(i64) -> String,
}

/// The purchases on a record and the forms that correct one.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct RecordPurchases {
    pub none: &'static str,
    /// (paid, given back).
    #[cfg_attr(test, serde(skip))]
    pub paid_back: fn(&str, &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub discount: fn(&str) -> String,
    /// (when, by whom, why).
    #[cfg_attr(test, serde(skip))]
    pub voided: fn(&str, &str, &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub returned: fn(i64) -> String,
    /// (when, by whom, why, the money given back).
    #[cfg_attr(test, serde(skip))]
    pub returned_by: fn(&str, &str, &str, &str) -> String,
    pub return_open: &'static str,
    /// (how many may still be returned, of what).
    #[cfg_attr(test, serde(skip))]
    pub of_left: fn(i64, &str) -> String,
    pub reason: &'static str,
    pub return_placeholder: &'static str,
    pub record_return: &'static str,
    pub void_open: &'static str,
    pub void_hint: &'static str,
    pub void_placeholder: &'static str,
    pub void_this: &'static str,
    /// (first shown, last shown, of how many).
    #[cfg_attr(test, serde(skip))]
    pub shown: fn(usize, usize, usize) -> String,
}

/// The data-rights part of a record.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Rights {
    pub title: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub do_not_sell_since: fn(&str) -> String,
    pub may_sell: &'static str,
    pub allow_again: &'static str,
    pub do_not_sell: &'static str,
    pub download_json: &'static str,
    pub download_csv: &'static str,
    /// (rows, tables).
    #[cfg_attr(test, serde(skip))]
    pub erased: fn(i64, i64) -> String,
    pub back_to_customers: &'static str,
    pub erase_label: &'static str,
    pub erase_warning: &'static str,
    pub erase_for_good: &'static str,
    pub keep: &'static str,
    pub erase: &'static str,
}
