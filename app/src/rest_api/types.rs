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
    #[schema(format = "email", max_length = 254)]
    pub email: String,
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*(?:[^\s\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff<>]|\s+(?=[^\s\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff<>])){0,100}\s*$"#
    )]
    pub first_name: Option<String>,
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*(?:[^\s\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff<>]|\s+(?=[^\s\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff<>])){0,100}\s*$"#
    )]
    pub last_name: Option<String>,
    /// In any spelling a person writes (`+31 6 1234 5678`, `06-12345678`, `0031 6…`); stored in
    /// E.164 where the site has a country.
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*(?=$|\S(?:.{0,38}\S)?\s*$)(?:|\+[ ./()\-]*[1-9](?:[ ./()\-]*[0-9]){5,14}[ ./()\-]*|[ ./()\-]*0[ ./()\-]*0[ ./()\-]*[1-9](?:[ ./()\-]*[0-9]){5,14}[ ./()\-]*|[ ./()\-]*[1-9](?:[ ./()\-]*[0-9]){5,14}[ ./()\-]*|[ ./()\-]*0[ ./()\-]*[1-9](?:[ ./()\-]*[0-9]){4,13}[ ./()\-]*)\s*$"#
    )]
    pub phone: Option<String>,
    /// The postal address; a part left out or empty is kept as it is.
    #[serde(default, deserialize_with = "super::objects::optional")]
    pub address: Option<AddressInput>,
    /// Consents given or withdrawn on the shop's own site. Each is recorded (with source
    /// `api`) when it changes the customer's state for its purpose, so sending the same
    /// again records nothing.
    #[serde(default, deserialize_with = "super::objects::each")]
    #[schema(max_items = 5)]
    pub consents: Vec<ConsentInput>,
}

/// A postal address in the record's parts.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct AddressInput {
    #[schema(
        pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,120}\s*$"#
    )]
    pub street: Option<String>,
    #[schema(pattern = r#"^\s*(?:|[A-Za-z0-9-][A-Za-z0-9 -]{0,10}[A-Za-z0-9-])\s*$"#)]
    pub postcode: Option<String>,
    #[schema(
        pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,120}\s*$"#
    )]
    pub city: Option<String>,
    #[schema(
        pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,120}\s*$"#
    )]
    pub region: Option<String>,
    /// The country as the shop writes it (`NL`, `Nederland`).
    #[schema(
        pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,120}\s*$"#
    )]
    pub country: Option<String>,
}

/// A consent as the customer gave or withdrew it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ConsentInput {
    #[schema(pattern = "^(newsletter|post|sms|phone|profiling)$")]
    pub purpose: String,
    pub granted: bool,
    /// The exact words the customer agreed to (or withdrew from), kept as proof.
    #[schema(
        pattern = r#"^(?=[\s\S]*\S)\s*[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,2000}\s*$"#
    )]
    pub wording: String,
    /// The language of the wording (`nl`, `pt`…); the site's default when left out.
    #[serde(default)]
    #[schema(pattern = "^(?:[a-z]{2,3})?$")]
    pub language: Option<String>,
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
    #[schema(
        pattern = r#"^(?=[\s\S]*\S)\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,200}\s*$"#
    )]
    pub reason: String,
}

/// A line of a purchase coming back, by its `line` number.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReturnLineInput {
    #[serde(deserialize_with = "super::whole::number")]
    #[schema(minimum = 1)]
    pub line: i64,
    #[serde(deserialize_with = "super::whole::number")]
    #[schema(minimum = 1, maximum = 9999)]
    pub quantity: i64,
}

/// A return of some lines of a purchase.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReturnInput {
    #[serde(deserialize_with = "super::objects::each")]
    #[schema(min_items = 1, max_items = 100)]
    pub lines: Vec<ReturnLineInput>,
    #[schema(
        pattern = r#"^(?=[\s\S]*\S)\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,200}\s*$"#
    )]
    pub reason: String,
}

/// A line: a catalogue SKU (its name and price fill in) or a description with a price.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LineInput {
    /// A SKU of the site's; one it does not have is a 409.
    #[serde(default)]
    #[schema(pattern = r#"^\s*(?:[A-Za-z0-9._-]{1,64})?\s*$"#)]
    pub sku: Option<String>,
    /// Needed when the line has no `sku`.
    #[serde(default)]
    #[schema(pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f]{0,200}\s*$"#)]
    pub description: Option<String>,
    /// 1 when absent.
    #[serde(default, deserialize_with = "super::whole::optional")]
    #[schema(minimum = 1, maximum = 9999)]
    pub quantity: Option<i64>,
    /// Overrides the catalogue price; needed when the line has no `sku`.
    #[serde(default, deserialize_with = "super::whole::optional")]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub unit_price_minor: Option<i64>,
}

/// A purchase to store for the customer `customer_id`, or for the one with `email` (made
/// when the site has none). Sent again with the same `external_id`, it is not stored twice.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PurchaseInput {
    #[serde(default, deserialize_with = "super::whole::optional")]
    #[schema(minimum = 1)]
    pub customer_id: Option<i64>,
    #[serde(default)]
    #[schema(format = "email", max_length = 254)]
    pub email: Option<String>,
    #[serde(default)]
    #[schema(pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f]{0,100}\s*$"#)]
    pub external_id: Option<String>,
    #[schema(schema_with = payment_methods)]
    pub payment_method: String,
    #[serde(default, deserialize_with = "super::whole::optional")]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub discount_minor: Option<i64>,
    #[serde(deserialize_with = "super::objects::each")]
    #[schema(min_items = 1, max_items = 100)]
    pub lines: Vec<LineInput>,
}

/// The payment methods as the schema's `enum` (the type stays a string, so a wrong one is
/// answered with the field's name rather than a body that does not parse).
fn payment_methods() -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(crate::domain::PaymentMethod::ALL.map(|m| m.code())))
        .build()
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
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// Rows in the page (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReservationQuery {
    /// All when absent.
    #[param(pattern = "^(open|fulfilled|cancelled)$")]
    pub status: Option<String>,
    /// Reservations after this id (default 0: from the start).
    #[param(minimum = 0)]
    pub after: Option<i64>,
    /// Reservations in the page (default 50).
    #[param(minimum = 1, maximum = 200)]
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
    #[param(minimum = 0)]
    pub offset: Option<i64>,
    /// Members in the page (default 50).
    #[param(minimum = 1, maximum = 200)]
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
    #[schema(
        pattern = r#"^(?=[\s\S]*\S)\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,200}\s*$"#
    )]
    pub name: String,
    /// Names in the site's other languages, by language code; a blank one is none. A
    /// language the site does not write in is a 409.
    #[serde(default)]
    #[schema(schema_with = names)]
    pub names: Option<std::collections::BTreeMap<String, String>>,
    #[serde(deserialize_with = "super::whole::number")]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub price_minor: i64,
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,80}\s*$"#
    )]
    pub category: Option<String>,
    /// An http(s) address.
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*(?:https://[^\s"'<>\u0000-\u001f\u007f-\u009f]{0,492}|http://[^\s"'<>\u0000-\u001f\u007f-\u009f]{0,493})?\s*$"#
    )]
    pub image_url: Option<String>,
    #[serde(default)]
    #[schema(format = Date, pattern = r#"^(?:19|[2-9][0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"#)]
    pub stock_expected: Option<String>,
}

/// Changes to a product: only the fields present change. `stock_expected: null` marks it in
/// stock; `archived` archives it or offers it again.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProductChange {
    #[serde(default)]
    #[schema(
        pattern = r#"^(?=[\s\S]*\S)\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,200}\s*$"#
    )]
    pub name: Option<String>,
    #[serde(default)]
    #[schema(schema_with = names)]
    pub names: Option<std::collections::BTreeMap<String, String>>,
    #[serde(default, deserialize_with = "super::whole::optional")]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub price_minor: Option<i64>,
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,80}\s*$"#
    )]
    pub category: Option<String>,
    #[serde(default)]
    #[schema(
        pattern = r#"^\s*(?:https://[^\s"'<>\u0000-\u001f\u007f-\u009f]{0,492}|http://[^\s"'<>\u0000-\u001f\u007f-\u009f]{0,493})?\s*$"#
    )]
    pub image_url: Option<String>,
    /// Absent: unchanged; null: in stock; a date: expected then.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = Date, pattern = r#"^(?:19|[2-9][0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"#)]
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

/// A product's names by language: the languages Patron writes in as the keys, names on one
/// line of at most 200 characters (blank: none) as the values.
fn names() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let languages = crate::widgets::texts::Lang::ALL.map(|l| l.code());
    let value = ObjectBuilder::new().schema_type(Type::String).pattern(Some(
        r"^\s*[^\u0000-\u001f\u007f-\u009f\ufffd\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069\ufffe\uffff]{0,200}\s*$",
    ));
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([Type::Object, Type::Null]))
        .property_names(Some(ObjectBuilder::new().schema_type(Type::String).enum_values(Some(languages))))
        .additional_properties(Some(value))
        .build()
}
