//! The words of the segment builder, its results and the dormant-customers page. The
//! customer fields a rule looks at are named by the record's words; the rest here. Each
//! language's values are in `segments/<lang>.rs`.

pub(super) mod af;
pub(super) mod de;
pub(super) mod en;
pub(super) mod fi;
pub(super) mod nl;
pub(super) mod pt;
pub(super) mod ru;

use crate::segment_rules::filter::Kind;

#[cfg_attr(test, derive(serde::Serialize))]
pub struct Segments {
    pub title: &'static str,
    pub no_saved: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub saved_at: fn(&str) -> String,
    pub delete: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub delete_segment: fn(&str) -> String,
    pub name_label: &'static str,
    pub name_placeholder: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    /// Around the all/any choice of a group: "Customers matching [all] of these rules".
    pub group_before: &'static str,
    pub group_after: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub group_matches: fn(usize) -> String,
    pub all: &'static str,
    pub any: &'static str,
    pub add_rule: &'static str,
    pub remove_group: &'static str,
    /// Around the all/any choice of the groups: "Match [all] of the groups".
    pub groups_before: &'static str,
    pub groups_after: &'static str,
    pub groups_match: &'static str,
    pub add_group: &'static str,
    /// The labels of a rule's controls, by the rule's number.
    #[cfg_attr(test, serde(skip))]
    pub rule_looks_at: fn(usize) -> String,
    #[cfg_attr(test, serde(skip))]
    pub rule_test: fn(usize) -> String,
    #[cfg_attr(test, serde(skip))]
    pub rule_value: fn(usize) -> String,
    #[cfg_attr(test, serde(skip))]
    pub rule_second: fn(usize) -> String,
    #[cfg_attr(test, serde(skip))]
    pub remove_rule: fn(usize) -> String,
    pub choose: &'static str,
    pub in_the_last: &'static str,
    pub days_or_ever: &'static str,
    pub and: &'static str,
    pub days: &'static str,
    pub second_value: &'static str,
    pub rule: &'static str,
    /// What a rule looks at or a column holds, when it is not a customer field (`spent`,
    /// `nps`, `consent`...); blank for a code not known.
    #[cfg_attr(test, serde(skip))]
    pub subject: fn(&str) -> &'static str,
    /// A rule's test by its kind and code (`is`, `within`...); blank for one not known.
    #[cfg_attr(test, serde(skip))]
    pub op: fn(Kind, &str) -> &'static str,
    /// An NPS answer's group (`promoter`, `passive`, `detractor`, `none`).
    #[cfg_attr(test, serde(skip))]
    pub nps: fn(&str) -> &'static str,
    pub any_state: &'static str,
    pub counting: &'static str,
    pub correct_rules: &'static str,
    /// The words after the number of customers who match.
    #[cfg_attr(test, serde(skip))]
    pub matching: fn(i64) -> &'static str,
    pub no_match: &'static str,
    pub joined: &'static str,
    pub spent: &'static str,
    /// (page, of pages).
    #[cfg_attr(test, serde(skip))]
    pub page_of: fn(u32, u32) -> String,
    pub previous: &'static str,
    pub next: &'static str,
    pub tag_label: &'static str,
    pub tag_everyone: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub tagged: fn(i64) -> String,
    pub columns: &'static str,
    pub export_hint: &'static str,
    pub export_csv: &'static str,
    pub label_sheet: &'static str,
    /// A label sheet by its code (`a4`, `letter`).
    #[cfg_attr(test, serde(skip))]
    pub sheet: fn(&str) -> &'static str,
    pub mailing_labels: &'static str,
    /// Above a printed label sheet: (labels, the sheet's name, customers left out).
    #[cfg_attr(test, serde(skip))]
    pub labels_note: fn(usize, &str, i64) -> String,
    pub dormant_title: &'static str,
    pub dormant_after: &'static str,
    pub days_without_label: &'static str,
    pub days_without: &'static str,
    pub save_rule: &'static str,
    /// (the number of days typed).
    #[cfg_attr(test, serde(skip))]
    pub dormant_explain: fn(&str) -> String,
    pub not_saved: &'static str,
}
