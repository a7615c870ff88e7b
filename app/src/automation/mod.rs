//! Automation: Patron's built-in rules, switched on per site by the owner, each mailing a
//! customer (from a wording in `mail`) and/or telling the site's webhooks (`automation.fired`)
//! when something happens to them — once per customer per rule:
//!
//! - **win-back**: a customer passed the site's dormant rule; the mail offers a discount code
//!   and goes only to customers whose newsletter consent is in force (it is an offer);
//! - **NPS follow-up**: a customer answered the NPS question with 0–6;
//! - **reserved item arrived**: staff marked an item arrived that the customer reserved
//!   (each reservation is its own news, so this one fires once per reservation).
//!
//! Every server's timer job evaluates the rules every few minutes (`server/src/jobs.rs`), and
//! the reservations desk evaluates the arrival rule the moment staff mark an item arrived.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::Problem;
use serde::{Deserialize, Serialize};

/// What makes a rule fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    Dormant,
    Detractor,
    ItemArrived,
}

impl Trigger {
    pub const ALL: [Trigger; 3] = [Trigger::Dormant, Trigger::Detractor, Trigger::ItemArrived];

    pub fn code(self) -> &'static str {
        match self {
            Trigger::Dormant => "dormant",
            Trigger::Detractor => "detractor",
            Trigger::ItemArrived => "item_arrived",
        }
    }

    pub fn parse(code: &str) -> Option<Trigger> {
        Trigger::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Whether the mail is an offer, which needs the customer's newsletter consent.
    pub fn is_offer(self) -> bool {
        self == Trigger::Dormant
    }
}

/// How a site set one rule, and what it did so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub trigger: Trigger,
    pub active: bool,
    pub send_mail: bool,
    pub send_webhook: bool,
    pub discount_code: String,
    pub active_since: Option<String>,
    /// Customers it fired for, and how many of them were mailed.
    pub fired: i64,
    pub mailed: i64,
}

/// What one evaluation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fired {
    pub customers: i64,
    pub mailed: i64,
    pub told: i64,
}

impl Fired {
    pub fn add(&mut self, other: Fired) {
        self.customers += other.customers;
        self.mailed += other.mailed;
        self.told += other.told;
    }
}

/// A discount code as a till or web shop takes it: 1 to 40 letters, digits, `-` or `_`.
pub fn parse_discount_code(raw: &str) -> Result<String, Problem> {
    let code = raw.trim();
    if code.is_empty() {
        Err(Problem::Required)
    } else if code.chars().count() > 40 {
        Err(Problem::TooLong)
    } else if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Err(Problem::BadCharacters)
    } else {
        Ok(code.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discount_codes_are_what_a_till_can_type() {
        assert_eq!(parse_discount_code(" COMEBACK-10 "), Ok("COMEBACK-10".to_owned()));
        assert_eq!(parse_discount_code(""), Err(Problem::Required));
        assert_eq!(parse_discount_code("TEN OFF"), Err(Problem::BadCharacters));
        assert_eq!(parse_discount_code(&"X".repeat(41)), Err(Problem::TooLong));
    }

    #[test]
    fn triggers_parse_their_own_codes_only() {
        for t in Trigger::ALL {
            assert_eq!(Trigger::parse(t.code()), Some(t));
        }
        assert_eq!(Trigger::parse("birthday"), None);
    }
}
