//! Facts a customer adds a little at a time (progressive profiling).

use super::problem::Problem;
use super::{FreeText, PastDate};
use serde::{Deserialize, Serialize};

/// A profile question a site can ask, in the order it chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    Birthday,
    Postcode,
    HouseholdSize,
    IncomeRange,
    Occupation,
    PreferredChannel,
}

impl ProfileField {
    pub const ALL: [ProfileField; 6] = [
        ProfileField::Birthday,
        ProfileField::Postcode,
        ProfileField::HouseholdSize,
        ProfileField::IncomeRange,
        ProfileField::Occupation,
        ProfileField::PreferredChannel,
    ];

    /// The column and `site_profile_fields.field` value.
    pub fn code(self) -> &'static str {
        match self {
            ProfileField::Birthday => "birthday",
            ProfileField::Postcode => "postcode",
            ProfileField::HouseholdSize => "household_size",
            ProfileField::IncomeRange => "income_range",
            ProfileField::Occupation => "occupation",
            ProfileField::PreferredChannel => "preferred_channel",
        }
    }

    pub fn from_code(code: &str) -> Option<ProfileField> {
        ProfileField::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The choices of a field answered by picking one, as codes.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            ProfileField::IncomeRange => {
                &["under_20k", "20k_40k", "40k_70k", "70k_100k", "over_100k", "rather_not_say"]
            }
            ProfileField::PreferredChannel => &["email", "phone", "sms", "post"],
            _ => &[],
        }
    }

    /// Parses an answer to this field into the text stored in its column.
    pub fn parse(self, raw: &str) -> Result<String, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        match self {
            ProfileField::Birthday => PastDate::parse(s, None).map(|d| d.as_str().to_owned()),
            ProfileField::Postcode => postcode(s),
            ProfileField::HouseholdSize => {
                let n: i64 = s.parse().map_err(|_| Problem::NotANumber)?;
                if (1..=20).contains(&n) { Ok(n.to_string()) } else { Err(Problem::OutOfRange) }
            }
            ProfileField::IncomeRange | ProfileField::PreferredChannel => {
                self.choices().iter().find(|c| **c == s).map(|c| c.to_string()).ok_or(Problem::UnknownOption)
            }
            ProfileField::Occupation => FreeText::parse(s, 100).map(|t| t.as_str().to_owned()),
        }
    }
}

/// A postcode (trimmed, not blank): upper case, 2 to 12 letters, digits, spaces and dashes.
/// A function of its own so that the widgets' address fields can check one without the
/// other profile fields' parsers (dates among them) in their bundle. Upper case the ASCII
/// way: a postcode is ASCII, and Unicode's case tables weigh ~10 KB in a widget bundle.
pub fn postcode(s: &str) -> Result<String, Problem> {
    let code = s.to_ascii_uppercase();
    if code.len() > 12 {
        Err(Problem::TooLong)
    } else if code.len() < 2 {
        Err(Problem::TooShort)
    } else if code.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-') {
        Ok(code)
    } else {
        Err(Problem::BadCharacters)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_per_field() {
        assert_eq!(ProfileField::Postcode.parse(" 8001 ab ").unwrap(), "8001 AB");
        assert_eq!(
            ProfileField::Postcode.parse("ıb 12"),
            Err(Problem::BadCharacters),
            "no Unicode upper case into ASCII"
        );
        assert_eq!(ProfileField::HouseholdSize.parse("4").unwrap(), "4");
        assert_eq!(ProfileField::HouseholdSize.parse("21"), Err(Problem::OutOfRange));
        assert_eq!(ProfileField::HouseholdSize.parse("four"), Err(Problem::NotANumber));
        assert_eq!(ProfileField::IncomeRange.parse("40k_70k").unwrap(), "40k_70k");
        assert_eq!(ProfileField::IncomeRange.parse("52000"), Err(Problem::UnknownOption));
        assert_eq!(ProfileField::PreferredChannel.parse("fax"), Err(Problem::UnknownOption));
        assert_eq!(ProfileField::Birthday.parse("1990-02-30"), Err(Problem::NotADate));
        assert_eq!(ProfileField::Occupation.parse("  "), Err(Problem::Required));
    }

    #[test]
    fn codes_round_trip() {
        for f in ProfileField::ALL {
            assert_eq!(ProfileField::from_code(f.code()), Some(f));
        }
    }
}
