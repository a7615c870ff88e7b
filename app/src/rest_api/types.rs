//! What the API reads and writes, as JSON: the OpenAPI document is generated from these.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct Customer {
    pub id: i64,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub region: String,
    pub country: String,
    /// The customer asked not to have their data sold or shared.
    pub do_not_sell: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// A customer to create, or to update when the site has one with this email.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CustomerInput {
    pub email: String,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerPage {
    pub data: Vec<Customer>,
    /// Pass as `after` for the next page; absent on the last one.
    pub next_after: Option<i64>,
}

/// One consent event; the state for a purpose is its newest event.
#[derive(Debug, Serialize, ToSchema)]
pub struct Consent {
    pub id: i64,
    pub customer_id: i64,
    /// `newsletter`, `post`, `sms`, `phone` or `profiling`.
    pub purpose: String,
    pub granted: bool,
    /// The exact wording the customer was shown.
    pub wording: String,
    pub wording_version: i64,
    pub language: String,
    pub source: String,
    /// For a consent confirmed by double opt-in: when the signup came in.
    pub requested_at: Option<String>,
    pub at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PurchaseLine {
    pub line: i64,
    pub sku: Option<String>,
    pub description: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub line_total_minor: i64,
}

/// A purchase; amounts are integers in minor units (cents) of `currency`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Purchase {
    pub id: i64,
    pub customer_id: i64,
    /// The web shop's own order number, when it sent one.
    pub external_id: Option<String>,
    pub currency: String,
    pub subtotal_minor: i64,
    pub discount_minor: i64,
    pub total_minor: i64,
    pub payment_method: String,
    pub created_at: String,
    pub lines: Vec<PurchaseLine>,
    /// Given back by returns: the purchase counts at `total_minor - refunded_minor`.
    pub refunded_minor: i64,
    /// Set when the purchase was voided: it counts for nothing.
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

/// Why a purchase is voided.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VoidInput {
    #[schema(min_length = 1, max_length = 200)]
    pub reason: String,
}

/// A line of a purchase coming back, by its `line` number.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReturnLineInput {
    #[schema(minimum = 1)]
    pub line: i64,
    #[schema(minimum = 1, maximum = 9999)]
    pub quantity: i64,
}

/// A return of some lines of a purchase.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReturnInput {
    #[schema(min_items = 1)]
    pub lines: Vec<ReturnLineInput>,
    #[schema(min_length = 1, max_length = 200)]
    pub reason: String,
}

/// A line: a catalogue SKU (its name and price fill in) or a description with a price.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LineInput {
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// 1 to 9999; 1 when absent.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// Overrides the catalogue price.
    #[serde(default)]
    pub unit_price_minor: Option<i64>,
}

/// A purchase to store for the customer `customer_id`, or for the one with `email` (made
/// when the site has none). Sent again with the same `external_id`, it is not stored twice.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PurchaseInput {
    #[serde(default)]
    pub customer_id: Option<i64>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub external_id: Option<String>,
    /// `cash`, `card`, `mobile`, `invoice`, `voucher` or `other`.
    pub payment_method: String,
    #[serde(default)]
    pub discount_minor: Option<i64>,
    pub lines: Vec<LineInput>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Reservation {
    pub id: i64,
    pub customer_id: i64,
    pub sku: String,
    pub item: String,
    pub quantity: i64,
    pub note: String,
    /// `open`, `fulfilled` or `cancelled`.
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReservationPage {
    pub data: Vec<Reservation>,
    pub next_after: Option<i64>,
}

/// Paging through a list in id order.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Rows after this id (default 0: from the start).
    pub after: Option<i64>,
    /// 1 to 200 (default 50).
    pub limit: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReservationQuery {
    /// `open`, `fulfilled` or `cancelled`; all when absent.
    pub status: Option<String>,
    pub after: Option<i64>,
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Segment {
    pub id: i64,
    pub name: String,
    pub updated_at: String,
}

/// A customer a segment matches, with their spending.
#[derive(Debug, Serialize, ToSchema)]
pub struct SegmentMember {
    pub id: i64,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub city: String,
    pub postcode: String,
    pub joined: String,
    /// Spent ever, in minor units of the site's currency.
    pub spent_minor: i64,
    pub purchases: i64,
    pub last_purchase: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SegmentPage {
    pub data: Vec<SegmentMember>,
    /// Pass as `offset` for the next page; absent on the last one.
    pub next_offset: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OffsetQuery {
    /// Members to skip (default 0), in the order they joined.
    pub offset: Option<i64>,
    /// 1 to 200 (default 50).
    pub limit: Option<i64>,
}

/// A product; its price is an integer in minor units (cents) of `currency`, the site's.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProductOut {
    pub id: i64,
    pub sku: String,
    /// The name in the site's default language.
    pub name: String,
    /// Names in the site's other languages, by language code.
    pub names: std::collections::BTreeMap<String, String>,
    pub price_minor: i64,
    pub currency: String,
    pub category: String,
    pub image_url: String,
    /// `YYYY-MM-DD`: when a product not in stock is expected (it can be reserved).
    pub stock_expected: Option<String>,
    /// No longer offered; still named on the purchases and reservations that have it.
    pub archived: bool,
}

/// A new product.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProductInput {
    /// Letters, digits, `-`, `_` and `.`; unique on the site.
    #[schema(min_length = 1, max_length = 64, pattern = "^[A-Za-z0-9._-]+$")]
    pub sku: String,
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Names in the site's other languages, by language code.
    #[serde(default)]
    pub names: Option<std::collections::BTreeMap<String, String>>,
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub price_minor: i64,
    #[serde(default)]
    #[schema(max_length = 80)]
    pub category: Option<String>,
    /// An http(s) address.
    #[serde(default)]
    #[schema(max_length = 500)]
    pub image_url: Option<String>,
    #[serde(default)]
    #[schema(format = Date)]
    pub stock_expected: Option<String>,
}

/// Changes to a product: only the fields present change. `stock_expected: null` marks it in
/// stock; `archived` archives it or offers it again.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProductChange {
    #[serde(default)]
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    #[serde(default)]
    pub names: Option<std::collections::BTreeMap<String, String>>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub price_minor: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 80)]
    pub category: Option<String>,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub image_url: Option<String>,
    /// Absent: unchanged; null: in stock; a date: expected then.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = Date)]
    pub stock_expected: Option<Option<String>>,
    #[serde(default)]
    pub archived: Option<bool>,
}

/// A field that is present (even as null) is `Some`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProductPage {
    pub data: Vec<ProductOut>,
    /// Pass as `after` for the next page; absent on the last one.
    pub next_after: Option<i64>,
}
