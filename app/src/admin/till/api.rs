//! Server functions of the till: look a customer up as you type, create one in place, and
//! enter a purchase.

use crate::domain::Minor;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A customer found by the lookup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub site_key: String,
    pub site_name: String,
}

/// What the lookup found: sorted by name, or, when `more` match than can be sorted at
/// once, the newest of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupAnswer {
    pub found: Vec<Found>,
    pub more: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TillSite {
    pub key: String,
    pub name: String,
    /// How its amounts are written for this reader (its currency's code inside).
    pub money: crate::domain::MoneyStyle,
}

/// A product the till suggests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TillItem {
    pub sku: String,
    pub name: String,
    pub price: Minor,
}

/// What the till page needs to start: the sites (their products are searched as staff type).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TillSetup {
    pub sites: Vec<TillSite>,
}

/// Products the till suggests at most.
pub const SUGGESTED_ITEMS: i64 = 20;

/// A customer created at the till: a name and a phone are enough.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewCustomerForm {
    pub site: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
}

/// One line of a purchase as typed: a catalogue SKU (its name and price fill in) or a
/// free description with a price.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineForm {
    pub sku: String,
    pub description: String,
    pub quantity: String,
    pub unit_price: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PurchaseForm {
    pub customer: i64,
    pub payment_method: String,
    pub discount: String,
    pub lines: Vec<LineForm>,
}

/// A stored purchase, as the till confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub purchase: i64,
    pub total: Minor,
    pub currency: String,
}

/// At most this many lines on one receipt.
pub const MAX_LINES: usize = 100;

#[server(prefix = "/api/admin", endpoint = "lookup")]
pub async fn lookup(query: String) -> Result<LookupAnswer, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let query: String = query.trim().chars().take(100).collect();
            if query.chars().count() < 2 {
                return Ok(LookupAnswer::default());
            }
            Ok(super::db::lookup(&crate::server_ctx::pool()?, &query, 8).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "till_setup")]
pub async fn get_till_setup() -> Result<TillSetup, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            Ok(super::db::setup(&crate::server_ctx::pool()?).await?)
        }
        .await,
    )
}

/// The offered products of the customer's site whose SKU starts with, or whose name or
/// category holds, what staff typed (a shop may have 100,000: the till never lists them all).
#[server(prefix = "/api/admin", endpoint = "till_items")]
pub async fn till_items(customer: i64, query: String) -> Result<Vec<TillItem>, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let query: String = query.trim().chars().take(100).collect();
            if query.is_empty() {
                return Ok(Vec::new());
            }
            let pool = crate::server_ctx::pool()?;
            let site =
                super::db::site_of(&pool, crate::domain::CustomerId(customer)).await?.ok_or(AppError::NotFound)?;
            let found = crate::products::db::search(&pool, site.id, &query, SUGGESTED_ITEMS).await?;
            Ok(found.into_iter().map(|p| TillItem { sku: p.sku, name: p.name, price: p.price }).collect())
        }
        .await,
    )
}

/// Creates a customer at the till. A phone or an email is needed to find them again;
/// an email already on the site's list is refused (look them up instead).
#[server(prefix = "/api/admin", endpoint = "create_customer")]
pub async fn create_customer(form: NewCustomerForm) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Email, Field, FieldErrors, PersonName, Phone, Problem, Role, SiteKey};
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let mut errors = FieldErrors::new();
            let first = errors.check(Field::FirstName, PersonName::parse(&form.first_name));
            let last = errors.check(Field::LastName, PersonName::parse_optional(&form.last_name)).flatten();
            let phone = errors.check(Field::Phone, Phone::parse_optional(&form.phone)).flatten();
            let email =
                if form.email.trim().is_empty() { None } else { errors.check(Field::Email, Email::parse(&form.email)) };
            if form.phone.trim().is_empty() && form.email.trim().is_empty() {
                errors.add(Field::Phone, Problem::Required);
            }
            let site = SiteKey::parse(&form.site).map_err(|_| AppError::NotFound)?;
            let Some(first) = first.filter(|_| errors.is_empty()) else {
                return Err(errors.into());
            };
            let pool = crate::server_ctx::pool()?;
            let new = super::db::NewCustomer {
                first_name: &first,
                last_name: last.as_ref(),
                phone: phone.as_ref(),
                email: email.as_ref(),
            };
            match super::db::create_customer(&pool, &site, staff.id, &new).await? {
                super::db::Created::Id(id) => {
                    tracing::info!(staff = staff.id.0, customer = id, "customer created at the till");
                    Ok(id)
                }
                super::db::Created::NoSuchSite => Err(AppError::NotFound),
                super::db::Created::EmailTaken => Err(FieldErrors::one(Field::Email, Problem::Taken).into()),
            }
        }
        .await,
    )
}

/// Stores a purchase with its lines in one transaction. Each line's problem is reported
/// with its line number; nothing is stored unless every line is right.
#[server(prefix = "/api/admin", endpoint = "add_purchase")]
pub async fn add_purchase(form: PurchaseForm) -> Result<Saved, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::parse_purchase;
            use crate::domain::{CustomerId, Role};
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let customer = CustomerId(form.customer);
            let site = super::db::site_of(&pool, customer).await?.ok_or(AppError::NotFound)?;
            let catalogue = super::db::catalogue(&pool, site.id, &form).await?;
            let purchase = parse_purchase(&form, &catalogue).map_err(AppError::InvalidRows)?;
            let id =
                super::db::insert_purchase(&pool, site.id, customer, Some(staff.id), None, &site.currency, &purchase)
                    .await?;
            tracing::info!(staff = staff.id.0, customer = customer.0, purchase = id, "purchase entered");
            Ok(Saved { purchase: id, total: purchase.totals.total, currency: site.currency })
        }
        .await,
    )
}
