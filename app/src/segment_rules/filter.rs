//! A segment's filter: what staff pick in the builder (plain strings, as the form holds
//! them) and the typed conditions they parse into. The builder parses as staff type to mark
//! a bad rule at once; the server parses again and is the authority.

use crate::domain::{CustomerField, Field, Minor, Problem, RowProblem, Sku, parse_tag};
use serde::{Deserialize, Serialize};

/// The builder's state: groups of rules, each group matching all or any of its rules, and
/// the filter matching all or any of its groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RawFilter {
    pub all: bool,
    pub groups: Vec<RawGroup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RawGroup {
    pub all: bool,
    pub rules: Vec<RawRule>,
}

/// One rule as typed: what it looks at, how it compares, and up to two values (an amount
/// and a number of days; the two ends of a range).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RawRule {
    pub what: String,
    pub op: String,
    pub value: String,
    pub second: String,
}

/// The parsed filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub all: bool,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub all: bool,
    pub conditions: Vec<Condition>,
}

/// `is`/`is not` style tests compile once and are negated as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub negate: bool,
    pub test: Test,
}

/// A comparison of a number with a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    More,
    AtLeast,
    Less,
    AtMost,
    Equal,
}

impl Cmp {
    pub fn sql(self) -> &'static str {
        match self {
            Cmp::More => ">",
            Cmp::AtLeast => ">=",
            Cmp::Less => "<",
            Cmp::AtMost => "<=",
            Cmp::Equal => "=",
        }
    }
}

/// When something last happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    WithinDays(u32),
    /// It happened, but not in the last N days.
    NotWithinDays(u32),
    /// Before this date (`YYYY-MM-DD`), not on it.
    Before(String),
    /// After this date, not on it.
    After(String),
    Never,
}

/// What a customer's newest answer for a purpose says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentTest {
    Granted,
    Withdrawn,
    NeverGiven,
}

/// A customer's newest NPS answer's category, or no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpsTest {
    Promoter,
    Passive,
    Detractor,
    NoAnswer,
}

impl NpsTest {
    /// The score range; no answer reads as -1.
    pub fn range(self) -> (i64, i64) {
        match self {
            NpsTest::Promoter => (9, 10),
            NpsTest::Passive => (7, 8),
            NpsTest::Detractor => (0, 6),
            NpsTest::NoAnswer => (-1, -1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextTest {
    Is(String),
    Contains(String),
    StartsWith(String),
    /// Both ends included, compared as text; equal-length digit bounds compare that many
    /// leading characters, so postcodes 8000–8099 take in "8001 AB" too.
    Between(String, String),
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// A text column of `customers` (the column name comes from [`CustomerField`]).
    Text {
        column: &'static str,
        test: TextTest,
    },
    Number {
        column: &'static str,
        cmp: Cmp,
        value: i64,
    },
    Birthday(When),
    Joined(When),
    Spent {
        cmp: Cmp,
        amount: Minor,
        days: Option<u32>,
    },
    Purchases {
        cmp: Cmp,
        count: i64,
        days: Option<u32>,
    },
    LastPurchase(When),
    LastVisit(When),
    Nps(NpsTest),
    ReasonFirst(String),
    Heard(String),
    Favourite(Sku),
    Reservation(Option<&'static str>),
    Consent {
        purpose: &'static str,
        state: ConsentTest,
    },
    Tag(String),
    /// The customer asked not to have their data sold or shared.
    DoNotSell,
}

/// The kinds of rule the builder offers, each with its operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Choice,
    Number,
    Date,
    Amount,
    Count,
    When,
    Nps,
    Code,
    Item,
    Reservation,
    Consent,
    Tag,
    /// A mark on the record, set or not (no value).
    Mark,
}

impl Kind {
    /// The codes of its operators, in the order the builder lists them (their words are
    /// in the admin's catalogue, `staff::texts::segments`).
    pub fn ops(self) -> &'static [&'static str] {
        const IS: [&str; 2] = ["is", "is_not"];
        const CMP: [&str; 5] = ["gt", "ge", "lt", "le", "eq"];
        match self {
            Kind::Text => &["is", "is_not", "contains", "starts_with", "between", "empty", "not_empty"],
            Kind::Choice => &["is", "is_not", "empty", "not_empty"],
            Kind::Number | Kind::Amount | Kind::Count => &CMP,
            Kind::Date => &["before", "after", "empty"],
            Kind::When => &["within", "not_within", "before", "after", "never"],
            Kind::Nps | Kind::Code | Kind::Item | Kind::Reservation => &IS,
            Kind::Consent => &["granted", "not_granted", "withdrawn", "never"],
            Kind::Tag => &["has", "has_not"],
            Kind::Mark => &["set", "not_set"],
        }
    }
}

/// Every subject a rule can look at: `(code, kind)`. Customer fields first, then
/// behaviour.
pub const SUBJECTS: [(&str, Kind); 27] = [
    ("first_name", Kind::Text),
    ("last_name", Kind::Text),
    ("email", Kind::Text),
    ("phone", Kind::Text),
    ("street", Kind::Text),
    ("postcode", Kind::Text),
    ("city", Kind::Text),
    ("region", Kind::Text),
    ("country", Kind::Text),
    ("company", Kind::Text),
    ("job_title", Kind::Text),
    ("occupation", Kind::Text),
    ("interests", Kind::Text),
    ("gender", Kind::Choice),
    ("income_range", Kind::Choice),
    ("preferred_channel", Kind::Choice),
    ("household_size", Kind::Number),
    ("birthday", Kind::Date),
    ("joined", Kind::When),
    ("spent", Kind::Amount),
    ("purchases", Kind::Count),
    ("last_purchase", Kind::When),
    ("last_visit", Kind::When),
    ("nps", Kind::Nps),
    ("reason_first", Kind::Code),
    ("heard", Kind::Code),
    ("favourite", Kind::Item),
];

/// Subjects past the 27 above, kept apart so the array stays readable.
pub const MORE_SUBJECTS: [(&str, Kind); 4] =
    [("reservation", Kind::Reservation), ("consent", Kind::Consent), ("tag", Kind::Tag), ("do_not_sell", Kind::Mark)];

/// The kind of a subject code.
pub fn kind_of(what: &str) -> Option<Kind> {
    SUBJECTS.iter().chain(MORE_SUBJECTS.iter()).find(|(code, _)| *code == what).map(|(_, kind)| *kind)
}

pub const NPS_CHOICES: [&str; 4] = ["promoter", "passive", "detractor", "none"];
pub const RESERVATION_CHOICES: [&str; 4] = ["open", "fulfilled", "cancelled", "any"];
pub const CONSENT_PURPOSES: [&str; 5] = ["newsletter", "post", "sms", "phone", "profiling"];

/// The consent purpose `code` names, if Patron knows it.
pub fn consent_purpose(code: &str) -> Option<&'static str> {
    CONSENT_PURPOSES.into_iter().find(|p| *p == code)
}

/// Longest value a rule takes: no name, code or date is longer.
const MAX_VALUE_CHARS: usize = 100;
/// Windows and "N days ago" up to ten years.
const MAX_DAYS: u32 = 3650;

impl RawFilter {
    /// Parses every rule, numbering them from 1 across groups for the problems.
    pub fn parse(&self) -> Result<Filter, Vec<RowProblem>> {
        let mut problems = Vec::new();
        let mut number = 0;
        let mut groups = Vec::new();
        for group in &self.groups {
            let mut conditions = Vec::new();
            for rule in &group.rules {
                number += 1;
                match rule.parse() {
                    Ok(c) => conditions.push(c),
                    Err((field, problem)) => problems.push(RowProblem { row: number, field, problem }),
                }
            }
            groups.push(Group { all: group.all, conditions });
        }
        if problems.is_empty() { Ok(Filter { all: self.all, groups }) } else { Err(problems) }
    }

    /// A filter of one group with one rule.
    pub fn one(what: &str, op: &str, value: &str, second: &str) -> RawFilter {
        RawFilter {
            all: true,
            groups: vec![RawGroup {
                all: true,
                rules: vec![RawRule { what: what.into(), op: op.into(), value: value.into(), second: second.into() }],
            }],
        }
    }

    pub fn rule_count(&self) -> usize {
        self.groups.iter().map(|g| g.rules.len()).sum()
    }
}

impl RawRule {
    /// The condition, or the field (`Rule` for the subject and operator, `Value`, `Second`)
    /// and what is wrong with it.
    pub fn parse(&self) -> Result<Condition, (Field, Problem)> {
        let kind = kind_of(&self.what).ok_or((Field::Rule, Problem::UnknownOption))?;
        let op = self.op.as_str();
        if !kind.ops().contains(&op) {
            return Err((Field::Rule, Problem::UnknownOption));
        }
        let value = bounded(&self.value).map_err(|p| (Field::Value, p))?;
        let second = bounded(&self.second).map_err(|p| (Field::Second, p))?;
        let negate = matches!(op, "is_not" | "not_empty" | "has_not" | "not_granted" | "not_set");
        let required = |s: &str| if s.is_empty() { Err((Field::Value, Problem::Required)) } else { Ok(s.to_owned()) };
        let test = match kind {
            Kind::Text => {
                let column = column(&self.what);
                let test = match op {
                    "is" | "is_not" => TextTest::Is(required(value)?),
                    "contains" => TextTest::Contains(required(value)?),
                    "starts_with" => TextTest::StartsWith(required(value)?),
                    "between" => {
                        let to = if second.is_empty() { Err((Field::Second, Problem::Required)) } else { Ok(second) }?;
                        TextTest::Between(required(value)?, to.to_owned())
                    }
                    _ => TextTest::Empty,
                };
                Test::Text { column, test }
            }
            Kind::Choice => {
                let column = column(&self.what);
                let test = if matches!(op, "empty" | "not_empty") {
                    TextTest::Empty
                } else {
                    let field = CustomerField::from_column(column).ok_or((Field::Rule, Problem::UnknownOption))?;
                    let choice = field.choices().iter().find(|c| **c == value);
                    TextTest::Is(choice.ok_or((Field::Value, Problem::UnknownOption))?.to_string())
                };
                Test::Text { column, test }
            }
            Kind::Number => {
                let n = value.parse::<i64>().map_err(|_| (Field::Value, Problem::NotANumber))?;
                Test::Number { column: column(&self.what), cmp: cmp(op), value: n }
            }
            Kind::Date => match op {
                "empty" => Test::Text { column: "birthday", test: TextTest::Empty },
                _ => Test::Birthday(when(op, value)?),
            },
            Kind::When => {
                let w = when(op, value)?;
                match self.what.as_str() {
                    "joined" => Test::Joined(w),
                    "last_purchase" => Test::LastPurchase(w),
                    _ => Test::LastVisit(w),
                }
            }
            Kind::Amount => Test::Spent {
                cmp: cmp(op),
                amount: Minor::parse(value).map_err(|p| (Field::Value, p))?,
                days: window(second)?,
            },
            Kind::Count => Test::Purchases {
                cmp: cmp(op),
                count: value.parse::<u32>().map_err(|_| (Field::Value, Problem::NotANumber))?.into(),
                days: window(second)?,
            },
            Kind::Nps => Test::Nps(match value {
                "promoter" => NpsTest::Promoter,
                "passive" => NpsTest::Passive,
                "detractor" => NpsTest::Detractor,
                "none" => NpsTest::NoAnswer,
                "" => return Err((Field::Value, Problem::Required)),
                _ => return Err((Field::Value, Problem::UnknownOption)),
            }),
            Kind::Code => {
                let code = required(value)?;
                if !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                    return Err((Field::Value, Problem::NotACode));
                }
                if self.what == "heard" { Test::Heard(code) } else { Test::ReasonFirst(code) }
            }
            Kind::Item => Test::Favourite(Sku::parse(value).map_err(|p| (Field::Value, p))?),
            Kind::Reservation => Test::Reservation(match value {
                "any" => None,
                other => Some(RESERVATION_CHOICES.into_iter().find(|code| *code == other && *code != "any").ok_or(
                    (Field::Value, if other.is_empty() { Problem::Required } else { Problem::UnknownOption }),
                )?),
            }),
            Kind::Consent => Test::Consent {
                purpose: consent_purpose(value)
                    .ok_or((Field::Value, if value.is_empty() { Problem::Required } else { Problem::UnknownOption }))?,
                state: match op {
                    "withdrawn" => ConsentTest::Withdrawn,
                    "never" => ConsentTest::NeverGiven,
                    _ => ConsentTest::Granted,
                },
            },
            Kind::Tag => Test::Tag(parse_tag(value).map_err(|p| (Field::Value, p))?),
            Kind::Mark => Test::DoNotSell,
        };
        Ok(Condition { negate, test })
    }
}

/// Trimmed, bounded, one line.
fn bounded(s: &str) -> Result<&str, Problem> {
    let s = s.trim();
    if s.chars().count() > MAX_VALUE_CHARS {
        Err(Problem::TooLong)
    } else if s.chars().any(char::is_control) {
        Err(Problem::BadCharacters)
    } else {
        Ok(s)
    }
}

/// The `customers` column of a field subject; subjects are checked against `SUBJECTS`
/// first, so this is a known column name and never text from the request.
fn column(what: &str) -> &'static str {
    CustomerField::ALL.into_iter().find(|f| f.column() == what).map_or("first_name", CustomerField::column)
}

fn cmp(op: &str) -> Cmp {
    match op {
        "gt" => Cmp::More,
        "ge" => Cmp::AtLeast,
        "lt" => Cmp::Less,
        "le" => Cmp::AtMost,
        _ => Cmp::Equal,
    }
}

fn days(raw: &str, field: Field) -> Result<u32, (Field, Problem)> {
    if raw.is_empty() {
        return Err((field, Problem::Required));
    }
    match raw.parse::<u32>() {
        Ok(n) if (1..=MAX_DAYS).contains(&n) => Ok(n),
        Ok(_) => Err((field, Problem::OutOfRange)),
        Err(_) => Err((field, Problem::NotANumber)),
    }
}

/// An optional window in days: empty means ever.
fn window(raw: &str) -> Result<Option<u32>, (Field, Problem)> {
    if raw.is_empty() { Ok(None) } else { days(raw, Field::Second).map(Some) }
}

fn when(op: &str, value: &str) -> Result<When, (Field, Problem)> {
    let date =
        |v: &str| crate::domain::PastDate::parse(v, None).map(|d| d.as_str().to_owned()).map_err(|p| (Field::Value, p));
    Ok(match op {
        "within" => When::WithinDays(days(value, Field::Value)?),
        "not_within" => When::NotWithinDays(days(value, Field::Value)?),
        "before" => When::Before(date(value)?),
        "after" => When::After(date(value)?),
        _ => When::Never,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(what: &str, op: &str, value: &str, second: &str) -> Result<Condition, (Field, Problem)> {
        RawRule { what: what.into(), op: op.into(), value: value.into(), second: second.into() }.parse()
    }

    #[test]
    fn the_example_segment_parses_into_typed_conditions() {
        let gender = rule("gender", "is", "female", "").unwrap();
        assert_eq!(gender.test, Test::Text { column: "gender", test: TextTest::Is("female".into()) });
        let spent = rule("spent", "gt", "500", "30").unwrap();
        assert_eq!(spent.test, Test::Spent { cmp: Cmp::More, amount: Minor(50_000), days: Some(30) });
        assert!(!spent.negate);
    }

    #[test]
    fn every_bad_rule_names_its_field_and_problem() {
        assert_eq!(rule("shoe_size", "is", "42", ""), Err((Field::Rule, Problem::UnknownOption)));
        assert_eq!(rule("gender", "contains", "fem", ""), Err((Field::Rule, Problem::UnknownOption)));
        assert_eq!(rule("gender", "is", "robot", ""), Err((Field::Value, Problem::UnknownOption)));
        assert_eq!(rule("spent", "gt", "5x", ""), Err((Field::Value, Problem::NotAnAmount)));
        assert_eq!(rule("spent", "gt", "500", "0"), Err((Field::Second, Problem::OutOfRange)));
        assert_eq!(rule("last_purchase", "within", "", ""), Err((Field::Value, Problem::Required)));
        assert_eq!(rule("joined", "before", "2026-02-30", ""), Err((Field::Value, Problem::NotADate)));
        assert_eq!(rule("postcode", "between", "8000", ""), Err((Field::Second, Problem::Required)));
        assert_eq!(rule("city", "is", "a\nb", ""), Err((Field::Value, Problem::BadCharacters)));
        assert_eq!(rule("heard", "is", "Radio'--", ""), Err((Field::Value, Problem::NotACode)));
    }

    #[test]
    fn negative_operators_negate_the_positive_test() {
        let c = rule("tag", "has_not", "vip", "").unwrap();
        assert!(c.negate);
        assert_eq!(c.test, Test::Tag("vip".into()));
        assert!(rule("consent", "not_granted", "newsletter", "").unwrap().negate);
        assert!(!rule("consent", "withdrawn", "newsletter", "").unwrap().negate);
    }

    #[test]
    fn problems_are_numbered_across_groups() {
        let mut f = RawFilter::one("city", "is", "Bern", "");
        f.groups.push(RawGroup { all: false, rules: vec![RawRule { what: "nope".into(), ..Default::default() }] });
        let problems = f.parse().unwrap_err();
        assert_eq!(problems, vec![RowProblem { row: 2, field: Field::Rule, problem: Problem::UnknownOption }]);
    }

    #[test]
    fn every_subject_has_operators_and_a_unique_code() {
        let all: Vec<_> = SUBJECTS.iter().chain(MORE_SUBJECTS.iter()).collect();
        for (i, (code, kind)) in all.iter().enumerate() {
            assert!(!kind.ops().is_empty());
            assert!(all[i + 1..].iter().all(|(other, _)| other != code), "{code} twice");
        }
    }
}
