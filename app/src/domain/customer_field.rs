//! The fields of a customer record staff edit inline, each with its parser and the role
//! it needs.

use super::problem::{Problem, has_control_chars};
use super::{Email, FreeText, PersonName, Phone, ProfileField, Role};
use serde::{Deserialize, Serialize};

/// A field of the customer record that staff can edit. Contact fields are till work (any
/// staff); the rest is customer work for managers and owners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerField {
    FirstName,
    LastName,
    Email,
    Phone,
    JobTitle,
    Company,
    Street,
    Postcode,
    City,
    Region,
    Country,
    Gender,
    Birthday,
    HouseholdSize,
    IncomeRange,
    Occupation,
    Interests,
    PreferredChannel,
    Notes,
}

/// What a field holds after parsing: text, a number, or nothing (cleared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Number(i64),
    Empty,
}

impl FieldValue {
    /// As the history shows it.
    pub fn shown(&self) -> Option<String> {
        match self {
            FieldValue::Text(s) => Some(s.clone()),
            FieldValue::Number(n) => Some(n.to_string()),
            FieldValue::Empty => None,
        }
    }
}

impl CustomerField {
    pub const ALL: [CustomerField; 19] = [
        CustomerField::FirstName,
        CustomerField::LastName,
        CustomerField::Email,
        CustomerField::Phone,
        CustomerField::JobTitle,
        CustomerField::Company,
        CustomerField::Street,
        CustomerField::Postcode,
        CustomerField::City,
        CustomerField::Region,
        CustomerField::Country,
        CustomerField::Gender,
        CustomerField::Birthday,
        CustomerField::HouseholdSize,
        CustomerField::IncomeRange,
        CustomerField::Occupation,
        CustomerField::Interests,
        CustomerField::PreferredChannel,
        CustomerField::Notes,
    ];

    /// The `customers` column; also the field's name in forms and in the history.
    pub fn column(self) -> &'static str {
        match self {
            CustomerField::FirstName => "first_name",
            CustomerField::LastName => "last_name",
            CustomerField::Email => "email",
            CustomerField::Phone => "phone",
            CustomerField::JobTitle => "job_title",
            CustomerField::Company => "company",
            CustomerField::Street => "street",
            CustomerField::Postcode => "postcode",
            CustomerField::City => "city",
            CustomerField::Region => "region",
            CustomerField::Country => "country",
            CustomerField::Gender => "gender",
            CustomerField::Birthday => "birthday",
            CustomerField::HouseholdSize => "household_size",
            CustomerField::IncomeRange => "income_range",
            CustomerField::Occupation => "occupation",
            CustomerField::Interests => "interests",
            CustomerField::PreferredChannel => "preferred_channel",
            CustomerField::Notes => "notes",
        }
    }

    /// Whether the column holds sealed values (server migration 0019): names, email,
    /// phone and street, sealed and opened in Rust (`crate::pii`).
    pub fn sealed(self) -> bool {
        matches!(
            self,
            CustomerField::FirstName
                | CustomerField::LastName
                | CustomerField::Email
                | CustomerField::Phone
                | CustomerField::Street
        )
    }

    /// The column of table alias `table` as text in SQL as stored (sealed or not): what
    /// `pii::read_field` opens.
    pub fn stored_sql(self, table: &str) -> String {
        format!("CAST({table}.{} AS TEXT)", self.column())
    }

    pub fn from_column(column: &str) -> Option<CustomerField> {
        CustomerField::ALL.into_iter().find(|f| f.column() == column)
    }

    pub fn label(self) -> &'static str {
        match self {
            CustomerField::FirstName => "First name",
            CustomerField::LastName => "Last name",
            CustomerField::Email => "Email",
            CustomerField::Phone => "Phone",
            CustomerField::JobTitle => "Job title",
            CustomerField::Company => "Company",
            CustomerField::Street => "Street and number",
            CustomerField::Postcode => "Postcode",
            CustomerField::City => "City",
            CustomerField::Region => "Region",
            CustomerField::Country => "Country",
            CustomerField::Gender => "Gender",
            CustomerField::Birthday => "Birthday",
            CustomerField::HouseholdSize => "Household size",
            CustomerField::IncomeRange => "Income range",
            CustomerField::Occupation => "Occupation",
            CustomerField::Interests => "Interests",
            CustomerField::PreferredChannel => "Preferred contact",
            CustomerField::Notes => "Notes",
        }
    }

    /// The lowest role that may change this field.
    pub fn editable_by(self) -> Role {
        match self {
            CustomerField::FirstName
            | CustomerField::LastName
            | CustomerField::Email
            | CustomerField::Phone
            | CustomerField::JobTitle
            | CustomerField::Company
            | CustomerField::Street
            | CustomerField::Postcode
            | CustomerField::City
            | CustomerField::Region
            | CustomerField::Country => Role::Staff,
            _ => Role::Manager,
        }
    }

    /// The values of a field chosen from a list, as codes; empty for free fields.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            CustomerField::Gender => &["female", "male", "diverse", "rather_not_say"],
            CustomerField::IncomeRange => ProfileField::IncomeRange.choices(),
            CustomerField::PreferredChannel => ProfileField::PreferredChannel.choices(),
            _ => &[],
        }
    }

    /// Parses what staff typed. Blank clears the field (names and email excepted where
    /// the record needs them: a customer keeps at least a first name or an email).
    pub fn parse(self, raw: &str) -> Result<FieldValue, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return match self {
                CustomerField::FirstName => Err(Problem::Required),
                _ => Ok(FieldValue::Empty),
            };
        }
        let text = |r: Result<String, Problem>| r.map(FieldValue::Text);
        match self {
            CustomerField::FirstName | CustomerField::LastName => {
                text(PersonName::parse(s).map(|n| n.as_str().to_owned()))
            }
            CustomerField::Email => text(Email::parse(s).map(|e| e.as_str().to_owned())),
            CustomerField::Phone => text(Phone::parse(s).map(|p| p.as_str().to_owned())),
            CustomerField::Postcode => text(super::profile::postcode(s)),
            CustomerField::Birthday => text(birthday(s)),
            CustomerField::HouseholdSize => ProfileField::HouseholdSize
                .parse(s)
                .and_then(|n| n.parse().map_err(|_| Problem::NotANumber))
                .map(FieldValue::Number),
            CustomerField::Occupation => text(ProfileField::Occupation.parse(s)),
            CustomerField::Gender | CustomerField::IncomeRange | CustomerField::PreferredChannel => self
                .choices()
                .iter()
                .find(|c| **c == s)
                .map(|c| FieldValue::Text(c.to_string()))
                .ok_or(Problem::UnknownOption),
            CustomerField::Notes | CustomerField::Interests => {
                text(FreeText::parse(s, 2000).map(|t| t.as_str().to_owned()))
            }
            CustomerField::JobTitle
            | CustomerField::Company
            | CustomerField::Street
            | CustomerField::City
            | CustomerField::Region
            | CustomerField::Country => text(line(s)),
        }
    }

    /// Whether the column is NULL when empty (the others hold '').
    pub fn nullable(self) -> bool {
        matches!(
            self,
            CustomerField::Email
                | CustomerField::Phone
                | CustomerField::Gender
                | CustomerField::Birthday
                | CustomerField::HouseholdSize
                | CustomerField::IncomeRange
                | CustomerField::Occupation
                | CustomerField::PreferredChannel
        )
    }
}

/// One line of text of a record (a street, a company; trimmed, not blank): at most 120
/// characters, none of them control characters, runs of spaces made one.
pub fn line(s: &str) -> Result<String, Problem> {
    if s.chars().count() > 120 {
        Err(Problem::TooLong)
    } else if has_control_chars(s) {
        Err(Problem::BadCharacters)
    } else {
        Ok(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A tag on a customer: 1–40 characters, lower case, letters, digits, `-` and `_`,
/// so "VIP" and "vip " are one tag and a segment can match it exactly.
pub fn parse_tag(raw: &str) -> Result<String, Problem> {
    let t = raw.trim().to_lowercase().replace(' ', "-");
    if t.is_empty() {
        return Err(Problem::Required);
    }
    if t.chars().count() > 40 {
        return Err(Problem::TooLong);
    }
    if t.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') { Ok(t) } else { Err(Problem::BadCharacters) }
}

/// What kind of contact an interaction was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Call,
    Visit,
    Complaint,
    Question,
    Email,
    Other,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 6] = [
        InteractionKind::Call,
        InteractionKind::Visit,
        InteractionKind::Complaint,
        InteractionKind::Question,
        InteractionKind::Email,
        InteractionKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InteractionKind::Call => "call",
            InteractionKind::Visit => "visit",
            InteractionKind::Complaint => "complaint",
            InteractionKind::Question => "question",
            InteractionKind::Email => "email",
            InteractionKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<InteractionKind> {
        InteractionKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            InteractionKind::Call => "Phone call",
            InteractionKind::Visit => "Visit in the shop",
            InteractionKind::Complaint => "Complaint",
            InteractionKind::Question => "Question",
            InteractionKind::Email => "Email",
            InteractionKind::Other => "Other",
        }
    }
}

/// A birthday: a date (`1990-03-15`), or a month and day without the year (`--03-15`, ISO
/// 8601's form), as mailing tools keep it when people give only that.
fn birthday(s: &str) -> Result<String, Problem> {
    use super::date_spelling::{DayOrder, read};
    match s.strip_prefix("--") {
        Some(month_day) => match read(month_day, DayOrder::MonthFirst) {
            Ok(d) if d.year.is_none() && d.time.is_none() => Ok(d.date()),
            _ => Err(Problem::NotADate),
        },
        None => ProfileField::Birthday.parse(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_birthday_may_leave_out_its_year() {
        assert_eq!(CustomerField::Birthday.parse("--03-15"), Ok(FieldValue::Text("--03-15".into())));
        assert_eq!(CustomerField::Birthday.parse("--02-29"), Ok(FieldValue::Text("--02-29".into())));
        assert_eq!(CustomerField::Birthday.parse("--02-30"), Err(Problem::NotADate));
        assert_eq!(CustomerField::Birthday.parse("--2024-03-15"), Err(Problem::NotADate));
        assert_eq!(CustomerField::Birthday.parse("1990-03-15"), Ok(FieldValue::Text("1990-03-15".into())));
    }

    #[test]
    fn fields_parse_with_their_own_rules() {
        assert_eq!(CustomerField::Email.parse(" Ann@Example.COM "), Ok(FieldValue::Text("ann@example.com".into())));
        assert_eq!(CustomerField::Phone.parse("070-123 45 67"), Ok(FieldValue::Text("0701234567".into())));
        assert_eq!(CustomerField::HouseholdSize.parse("3"), Ok(FieldValue::Number(3)));
        assert_eq!(CustomerField::Gender.parse("robot"), Err(Problem::UnknownOption));
        assert_eq!(CustomerField::FirstName.parse(" "), Err(Problem::Required));
        assert_eq!(CustomerField::Email.parse(""), Ok(FieldValue::Empty));
        assert_eq!(CustomerField::City.parse("New   York"), Ok(FieldValue::Text("New York".into())));
        assert_eq!(CustomerField::City.parse("New\nYork"), Err(Problem::BadCharacters));
        assert_eq!(CustomerField::Company.parse(&"x".repeat(121)), Err(Problem::TooLong));
    }

    #[test]
    fn contact_fields_are_till_work_and_the_rest_needs_a_manager() {
        assert_eq!(CustomerField::Phone.editable_by(), Role::Staff);
        assert_eq!(CustomerField::Birthday.editable_by(), Role::Manager);
        assert_eq!(CustomerField::Notes.editable_by(), Role::Manager);
    }

    #[test]
    fn tags_are_normalised() {
        assert_eq!(parse_tag(" Big Spender "), Ok("big-spender".into()));
        assert_eq!(parse_tag("a,b"), Err(Problem::BadCharacters));
        assert_eq!(CustomerField::from_column("notes"), Some(CustomerField::Notes));
    }
}
