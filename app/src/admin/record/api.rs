//! Server functions of the customer record: read it whole, edit a field (with history),
//! tag it, log an interaction.

use crate::domain::{CustomerField, InteractionKind, Minor, PaymentMethod};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentEvent {
    pub purpose: String,
    pub granted: bool,
    pub body: String,
    pub version: i64,
    pub language: String,
    pub page_url: String,
    pub source: String,
    pub at: String,
    /// The privacy policy version in force when it was recorded.
    pub policy_version: Option<i64>,
    /// The staff member who recorded it, for consents given or withdrawn through staff.
    pub staff: Option<String>,
    /// For a consent confirmed by double opt-in: when the signup came in (`at` is when its
    /// address confirmed it).
    #[serde(default)]
    pub requested_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseLine {
    pub line: i64,
    pub description: String,
    pub quantity: i64,
    /// How many of it were returned.
    pub returned: i64,
    pub unit_price: Minor,
    pub line_total: Minor,
}

/// A return of some lines: when, who, why, what was given back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnView {
    pub at: String,
    pub staff: Option<String>,
    pub reason: String,
    pub amount: Minor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseView {
    pub id: i64,
    pub at: String,
    pub currency: String,
    pub subtotal: Minor,
    pub discount: Minor,
    pub total: Minor,
    pub payment_method: PaymentMethod,
    pub staff: Option<String>,
    pub lines: Vec<PurchaseLine>,
    /// What was given back by returns: the purchase counts at `total - refunded`.
    pub refunded: Minor,
    pub returns: Vec<ReturnView>,
    /// When, by whom and why it was voided: it counts for nothing.
    pub voided: Option<(String, Option<String>, String)>,
}

/// Spend figures of a customer, in the site's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendStats {
    pub total: Minor,
    pub orders: i64,
    /// Rounded down to the cent; shown, never summed.
    pub average: Minor,
    pub first: Option<String>,
    pub last: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationView {
    pub id: i64,
    pub item: String,
    pub sku: String,
    pub quantity: i64,
    pub note: String,
    pub status: String,
    pub at: String,
}

/// An option of a survey question as the customer chose it: its code and the site's own
/// names for it by language, so the page names it in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionName {
    pub code: String,
    /// (language, name) of the site's own wording.
    pub own: Vec<(String, String)>,
}

impl OptionName {
    /// The name in `lang`: the site's own, else the catalogue's for a standard option, else
    /// the site's own in its default language, else the code (the widgets' order).
    pub fn in_lang(&self, lang: crate::widgets::texts::Lang, default_lang: &str) -> String {
        crate::widgets::question::option_name(&self.code, lang, default_lang, |l| {
            self.own.iter().find(|(language, _)| language == l).map(|(_, name)| name.clone())
        })
    }
}

/// What a customer said or did through a widget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Said {
    Nps {
        score: i64,
        reason: String,
    },
    Reasons {
        ranked: Vec<OptionName>,
    },
    /// `option` is `None` for an answer typed under "other".
    Heard {
        option: Option<OptionName>,
        other: String,
    },
    Favourite {
        item: String,
    },
    Warranty {
        item: String,
        serial: String,
        bought: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// `nps`, `reasons`, `heard`, `favourite` or `warranty`.
    pub kind: String,
    pub said: Said,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionView {
    pub kind: InteractionKind,
    pub summary: String,
    pub outcome: String,
    pub staff: Option<String>,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub by: ChangedBy,
    pub at: String,
}

/// Who made a change to a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangedBy {
    /// A staff member, by email.
    Staff(String),
    /// A staff member whose account is gone.
    FormerStaff,
    /// The customer, on their own page.
    Customer,
    /// A widget on the shop's website.
    Website,
    Api,
}

/// A page this customer's browser viewed (only once they identified in a widget).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub path: String,
    pub referrer: String,
    pub duration_ms: Option<i64>,
    pub at: String,
}

/// Everything held about one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRecord {
    pub id: i64,
    /// The role of the staff member reading the record, so the page offers only the edits
    /// the server will accept.
    pub viewer_role: crate::domain::Role,
    pub site_key: String,
    pub site_name: String,
    /// The site's default language, for the names of options it wrote only in that one.
    pub site_language: String,
    /// How the site's amounts are written for this reader.
    pub money: crate::domain::MoneyStyle,
    pub source: String,
    pub created_at: String,
    /// When they asked not to have their data sold or shared (CCPA).
    pub do_not_sell_at: Option<String>,
    /// Every editable field with its value, in the order of [`CustomerField::ALL`].
    pub fields: Vec<(CustomerField, Option<String>)>,
    pub tags: Vec<String>,
    pub consents: Vec<ConsentEvent>,
    pub stats: SpendStats,
    pub purchases: Vec<PurchaseView>,
    pub reservations: Vec<ReservationView>,
    /// Favourites, survey answers and warranty cards, newest first.
    pub answers: Vec<Answer>,
    pub interactions: Vec<InteractionView>,
    /// Their last visit and their latest page views, newest first (at most 30).
    pub last_visit: Option<String>,
    pub visits: Vec<Visit>,
    pub history: Vec<Change>,
}

impl CustomerRecord {
    pub fn value(&self, field: CustomerField) -> Option<&str> {
        self.fields.iter().find(|(f, _)| *f == field).and_then(|(_, v)| v.as_deref())
    }

    pub fn name(&self) -> String {
        let first = self.value(CustomerField::FirstName).unwrap_or("");
        let last = self.value(CustomerField::LastName).unwrap_or("");
        let name = format!("{first} {last}").trim().to_owned();
        if name.is_empty() { self.value(CustomerField::Email).unwrap_or("(no name)").to_owned() } else { name }
    }
}

#[server(prefix = "/api/admin", endpoint = "customer_record")]
pub async fn get_customer_record(id: i64) -> Result<CustomerRecord, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Role};
            let viewer = crate::staff::guard::require_staff(Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let mut record = super::db::record(&pool, CustomerId(id)).await?.ok_or(AppError::NotFound)?;
            record.viewer_role = viewer.role;
            crate::staff::audit::note(&viewer, crate::staff::audit::AuditAction::ViewedCustomer, None, Some(id), "")
                .await?;
            Ok(record)
        }
        .await,
    )
}

/// Changes one field; the record's history keeps who, when, old and new. Contact fields
/// are open to all staff, the rest to managers and owners. `requested`: the customer asked
/// for the correction, which is logged as a (done) rectification request.
#[server(prefix = "/api/admin", endpoint = "update_customer")]
pub async fn update_customer(
    id: i64,
    field: CustomerField,
    value: String,
    #[server(default)] requested: bool,
) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Field, FieldErrors, Problem};
            let staff = crate::staff::guard::require_staff(field.editable_by()).await?;
            let value = field.parse(&value).map_err(|p| FieldErrors::one(Field::Text, p))?;
            let pool = crate::server_ctx::pool()?;
            match crate::customer_changes::update_field(&pool, CustomerId(id), staff.id, field, &value, requested)
                .await?
            {
                crate::customer_changes::Updated::Done => {}
                crate::customer_changes::Updated::NoSuchCustomer => return Err(AppError::NotFound),
                crate::customer_changes::Updated::EmailTaken => {
                    return Err(FieldErrors::one(Field::Email, Problem::Taken).into());
                }
            }
            tracing::info!(staff = staff.id.0, customer = id, field = field.column(), "customer field changed");
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "tag_customer")]
pub async fn tag_customer(id: i64, tag: String, on: bool) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Field, FieldErrors, Role, parse_tag};
            let staff = crate::staff::guard::require_staff(Role::Manager).await?;
            let tag = parse_tag(&tag).map_err(|p| FieldErrors::one(Field::Text, p))?;
            let pool = crate::server_ctx::pool()?;
            if !super::db::set_tag(&pool, CustomerId(id), staff.id, &tag, on).await? {
                return Err(AppError::NotFound);
            }
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "log_interaction")]
pub async fn log_interaction(id: i64, kind: InteractionKind, summary: String, outcome: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Field, FieldErrors, FreeText, Problem, Role};
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let mut errors = FieldErrors::new();
            let summary = errors.check(Field::Note, FreeText::parse(&summary, 2000));
            let outcome = errors.check(Field::Reason, FreeText::parse(&outcome, 500));
            if summary.as_ref().is_some_and(FreeText::is_empty) {
                errors.add(Field::Note, Problem::Required);
            }
            let (Some(summary), Some(outcome)) = (summary, outcome) else {
                return Err(errors.into());
            };
            if !errors.is_empty() {
                return Err(errors.into());
            }
            let pool = crate::server_ctx::pool()?;
            if !super::db::log_interaction(&pool, CustomerId(id), staff.id, kind, summary.as_str(), outcome.as_str())
                .await?
            {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff = staff.id.0, customer = id, kind = kind.code(), "interaction logged");
            Ok(())
        }
        .await,
    )
}

/// Records a consent the customer gave or withdrew through staff (at the till, by phone,
/// by letter). `note` says how, and is kept as the consent's wording.
#[server(prefix = "/api/admin", endpoint = "record_consent")]
pub async fn record_consent(id: i64, purpose: String, granted: bool, note: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Field, FieldErrors, FreeText, Problem, Role};
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let mut errors = FieldErrors::new();
            let purpose = crate::segment_rules::filter::consent_purpose(&purpose);
            if purpose.is_none() {
                errors.add(Field::Consent, Problem::UnknownOption);
            }
            let note = errors.check(Field::Note, FreeText::parse(&note, 300));
            if note.as_ref().is_some_and(FreeText::is_empty) {
                errors.add(Field::Note, Problem::Required);
            }
            let (Some(purpose), Some(note), true) = (purpose, note, errors.is_empty()) else {
                return Err(errors.into());
            };
            let pool = crate::server_ctx::pool()?;
            if !super::db::record_consent(&pool, CustomerId(id), staff.id, purpose, granted, note.as_str()).await? {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff = staff.id.0, customer = id, purpose, granted, "consent recorded by staff");
            Ok(())
        }
        .await,
    )
}

#[cfg(test)]
mod tests {
    use super::OptionName;
    use crate::widgets::texts::Lang;

    fn option(code: &str, own: &[(&str, &str)]) -> OptionName {
        OptionName { code: code.into(), own: own.iter().map(|(l, n)| (l.to_string(), n.to_string())).collect() }
    }

    #[test]
    fn an_option_is_named_as_the_widgets_name_it() {
        // The site's own name in the reader's language comes first...
        let ours = option("best_quality", &[("nl", "Het lekkerste brood"), ("en", "The tastiest bread")]);
        assert_eq!(ours.in_lang(Lang::Nl, "en"), "Het lekkerste brood");
        // ...then the catalogue's for a standard option...
        assert_eq!(option("best_quality", &[("en", "The tastiest bread")]).in_lang(Lang::Nl, "en"), "Beste kwaliteit");
        // ...then the site's own in its default language, and last the code.
        assert_eq!(option("oven", &[("en", "Our oven")]).in_lang(Lang::Nl, "en"), "Our oven");
        assert_eq!(option("oven", &[]).in_lang(Lang::Nl, "en"), "oven");
    }
}
