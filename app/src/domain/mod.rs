//! Domain types shared by the server and the browser bundles.
//!
//! Each type parses raw input into a value that is valid by construction; the widgets use
//! them for instant feedback, the server functions use them as the authority.

/// What every parsed string type shares: `as_str`, and serde as a plain string that is
/// parsed again on the way in (`#[serde(try_from = "String", into = "String")]`).
macro_rules! parsed_string {
    ($name:ident, $error:ty) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;
            fn try_from(s: String) -> Result<Self, $error> {
                $name::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}

mod country;
mod customer_field;
mod date;
pub mod date_spelling;
mod date_style;
mod email;
mod ids;
mod money;
mod money_style;
mod name;
mod origin;
mod password;
mod phone;
mod postal_address;
mod problem;
mod profile;
mod request_outcome;
mod serial;
mod site_key;
mod sku;
mod survey;
mod time_zone;
mod widget;

pub use country::Country;
pub use customer_field::{CustomerField, FieldValue, InteractionKind, parse_tag};
pub use date::{DateRange, PastDate, iso_date_before, iso_timestamp, iso_timestamp_millis};
pub use date_style::DateStyle;
pub use email::Email;
pub use ids::{CustomerId, SiteId, StaffId};
pub use money::{Minor, PaymentMethod, Totals};
pub use money_style::MoneyStyle;
pub use name::PersonName;
pub use origin::{BadOrigin, Origin};
pub use password::Password;
pub use phone::Phone;
pub use postal_address::{AddressForm, AddressMode, PostalAddress};
pub use problem::{Field, FieldErrors, Problem, RowProblem, parse_choices, parse_whole_in};
pub use profile::ProfileField;
pub use request_outcome::RequestOutcome;
pub use serial::SerialNumber;
pub use site_key::SiteKey;
pub use sku::{Quantity, Sku};
pub use survey::{FreeText, NpsCategory, NpsScore, Ranking};
pub use time_zone::TimeZoneName;
pub use widget::{WidgetKind, embed_snippet};

/// Role of a staff member. Only `Owner` exists after the foundation; the others are
/// assigned by the staff admin (issue 6) and already constrain the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Owner,
    Manager,
    Staff,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::Staff => "staff",
        }
    }

    /// Whether this role may do what `min` may: owner > manager > staff.
    pub fn at_least(self, min: Role) -> bool {
        fn rank(r: Role) -> u8 {
            match r {
                Role::Staff => 1,
                Role::Manager => 2,
                Role::Owner => 3,
            }
        }
        rank(self) >= rank(min)
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "owner" => Some(Role::Owner),
            "manager" => Some(Role::Manager),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}
