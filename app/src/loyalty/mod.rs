//! Loyalty: a site's programmes — a stamp card ("the 10th coffee is free") or points per unit
//! spent — set up by the owner; stamps and points earned by purchases (the till's and the
//! REST API's) in the purchase's own transaction; rewards redeemed at the till; staff
//! adjustments with a reason. Every movement is a row of an append-only ledger, and a balance
//! is always replayed from it (`ledger`), never stored.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod ledger;
pub mod member;
pub mod report;
mod words;

pub use api::*;
pub use member::{Member, PrintableCard};
pub use words::{ProgrammeWords, RewardWordForm, WordsForm};

use crate::domain::{Field, FieldErrors, Minor, Problem, Sku};
use serde::{Deserialize, Serialize};

/// What a programme counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Stamps,
    Points,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Stamps => "stamps",
            Kind::Points => "points",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        [Kind::Stamps, Kind::Points].into_iter().find(|k| k.code() == code)
    }
}

/// A reward as the owner lists it: what it is and what it costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reward {
    pub id: i64,
    pub name: String,
    pub cost: i64,
}

/// A programme as the settings page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub id: i64,
    pub name: String,
    pub kind: Kind,
    pub min_total: Minor,
    pub skus: Vec<String>,
    pub points_per_unit: i64,
    pub expiry_days: Option<i64>,
    pub birthday_reward: String,
    pub active: bool,
    pub rewards: Vec<Reward>,
    /// Customers with any entry, for the owner's overview.
    pub members: i64,
    /// Its words in each of its site's other languages.
    pub words: Vec<ProgrammeWords>,
}

/// A programme's rules as the owner typed them, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub name: String,
    pub kind: Kind,
    pub min_total: Minor,
    pub skus: Vec<Sku>,
    pub points_per_unit: i64,
    pub expiry_days: Option<i64>,
    pub birthday_reward: String,
    pub active: bool,
    /// (name, cost), one per line of the form.
    pub rewards: Vec<(String, i64)>,
    pub words: Vec<ProgrammeWords>,
}

/// The raw form of a programme (a field left out is blank, and parsing says so).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RulesForm {
    pub name: String,
    pub kind: String,
    pub min_total: String,
    pub skus: String,
    pub points_per_unit: String,
    pub expiry_days: String,
    pub birthday_reward: String,
    pub rewards: String,
    pub active: Option<String>,
    pub words: Vec<WordsForm>,
}

/// A short label: a programme's, a reward's, a birthday gift's.
fn parse_label(raw: &str, required: bool) -> Result<String, Problem> {
    let s = raw.trim();
    match s.chars().count() {
        0 if required => Err(Problem::Required),
        n if n > 80 => Err(Problem::TooLong),
        _ if s.chars().any(char::is_control) => Err(Problem::BadCharacters),
        _ => Ok(s.to_owned()),
    }
}

/// Rewards, one a line: the cost, then the name (`10 Free coffee`).
pub fn parse_rewards(raw: &str) -> Result<Vec<(String, i64)>, Problem> {
    let mut rewards = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (cost, name) = line.split_once(char::is_whitespace).ok_or(Problem::NotANumber)?;
        let cost = crate::domain::parse_whole_in(cost, 1..=1_000_000)?;
        rewards.push((parse_label(name, true)?, cost));
    }
    match rewards.len() {
        0 => Err(Problem::Required),
        n if n > 20 => Err(Problem::TooLong),
        _ => Ok(rewards),
    }
}

impl TryFrom<RulesForm> for Rules {
    type Error = FieldErrors;

    fn try_from(f: RulesForm) -> Result<Rules, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check(Field::ProgrammeName, parse_label(&f.name, true));
        let kind = errors.check(Field::ProgrammeKind, Kind::parse(&f.kind).ok_or(Problem::UnknownOption));
        let min_total = if f.min_total.trim().is_empty() { Ok(Minor(0)) } else { Minor::parse(&f.min_total) };
        let min_total = errors.check(Field::MinTotal, min_total);
        let skus: Result<Vec<Sku>, Problem> =
            f.skus.split(',').map(str::trim).filter(|s| !s.is_empty()).map(Sku::parse).collect();
        let skus = errors.check(Field::Skus, skus);
        let points = match kind {
            Some(Kind::Points) => crate::domain::parse_whole_in(&f.points_per_unit, 1..=1000),
            _ => Ok(0),
        };
        let points_per_unit = errors.check(Field::PointsPerUnit, points);
        let expiry = match f.expiry_days.trim() {
            "" => Ok(None),
            raw => crate::domain::parse_whole_in(raw, 1..=3650).map(Some),
        };
        let expiry_days = errors.check(Field::ExpiryDays, expiry);
        let birthday_reward = errors.check(Field::BirthdayReward, parse_label(&f.birthday_reward, false));
        let rewards = errors.check(Field::Rewards, parse_rewards(&f.rewards));
        let words = errors.check(Field::ProgrammeWords, words::parse_words(&f.words));
        match (name, kind, min_total, skus, points_per_unit, expiry_days, birthday_reward, rewards, words) {
            (
                Some(name),
                Some(kind),
                Some(min_total),
                Some(skus),
                Some(points_per_unit),
                Some(expiry_days),
                Some(birthday_reward),
                Some(rewards),
                Some(words),
            ) if errors.is_empty() => Ok(Rules {
                name,
                kind,
                min_total,
                skus,
                points_per_unit,
                expiry_days,
                birthday_reward,
                active: f.active.is_some(),
                rewards,
                words,
            }),
            _ => Err(errors),
        }
    }
}

/// One movement of a customer's card, as the record lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    pub id: i64,
    pub kind: String,
    pub amount: i64,
    pub purchase_id: Option<i64>,
    pub reward_name: Option<String>,
    pub reason: Option<String>,
    pub staff: Option<String>,
    pub expires_at: Option<String>,
    pub created_at: String,
}

/// A customer's card in one programme: the balance, what it buys now, and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub programme_id: i64,
    pub programme: String,
    pub kind: Kind,
    pub balance: i64,
    pub rewards: Vec<Reward>,
    /// The birthday gift they may take now (their birthday month, not yet taken this year).
    pub birthday_gift: Option<String>,
    pub movements: Vec<Movement>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RulesForm {
        RulesForm {
            name: "Coffee card".into(),
            kind: "stamps".into(),
            skus: "COFFEE, LATTE".into(),
            rewards: "10 Free coffee\n\n 20  Free cake ".into(),
            active: Some("on".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_stamp_card_parses_with_its_items_and_rewards() {
        let rules = Rules::try_from(form()).unwrap();
        assert_eq!(rules.kind, Kind::Stamps);
        assert_eq!(rules.skus.len(), 2);
        assert_eq!(rules.rewards, vec![("Free coffee".to_owned(), 10), ("Free cake".to_owned(), 20)]);
        assert_eq!((rules.min_total, rules.points_per_unit, rules.expiry_days), (Minor(0), 0, None));
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = RulesForm {
            name: "".into(),
            kind: "miles".into(),
            min_total: "ten".into(),
            skus: "A B".into(),
            expiry_days: "0".into(),
            rewards: "Free coffee".into(),
            ..Default::default()
        };
        let errors = Rules::try_from(bad).unwrap_err();
        for field in [
            Field::ProgrammeName,
            Field::ProgrammeKind,
            Field::MinTotal,
            Field::Skus,
            Field::ExpiryDays,
            Field::Rewards,
        ] {
            assert!(errors.get(field).is_some(), "{field:?}");
        }
    }

    #[test]
    fn points_need_a_rate() {
        let points = RulesForm { kind: "points".into(), points_per_unit: "".into(), ..form() };
        assert_eq!(Rules::try_from(points).unwrap_err().get(Field::PointsPerUnit), Some(Problem::Required));
        let points = RulesForm { kind: "points".into(), points_per_unit: "2".into(), ..form() };
        assert_eq!(Rules::try_from(points).unwrap().points_per_unit, 2);
    }
}
