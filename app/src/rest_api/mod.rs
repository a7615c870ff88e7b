//! The REST API for server-to-server use: a web shop pushing its orders, a mail tool
//! pulling its list. JSON in and out, a key per site with scopes (`Authorization: Bearer
//! KEY`, made on the site's settings page), errors in one shape ([`error::ErrorBody`]). The
//! OpenAPI document is generated from the handlers and types below (utoipa) and served at
//! `/api/openapi.json`, with a page to read it at `/api/docs`.

mod auth;
mod customers;
pub mod db;
mod docs;
pub mod error;
mod objects;
mod products;
mod purchases;
mod reservations;
mod segments;
pub mod types;
mod whole;

use crate::db::Db;
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::routing::get;
use error::{ApiError, FieldProblem};
use utoipa::OpenApi;

#[derive(Clone)]
pub struct ApiState {
    pub pool: Db,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Patron API", version = "1", description = "Customers, consents, purchases and reservations of one site: the site of the key."),
    paths(
        customers::list, customers::get, customers::upsert, customers::consents,
        purchases::create, purchases::get, reservations::list, segments::list, segments::members,
        products::list, products::get, products::create, products::change, purchases::void, purchases::returns,
    ),
    modifiers(&BearerKey, &LineNeeds),
    tags(
        (name = "customers", description = "Customers and their consents"),
        (name = "purchases", description = "Purchases, e.g. a web shop's orders"),
        (name = "reservations", description = "Items reserved by customers"),
        (name = "segments", description = "Saved segments and the customers they match"),
        (name = "products", description = "The site's products, named by SKU"),
    )
)]
pub struct ApiDoc;

/// Declares the key as the document's security scheme.
struct BearerKey;

impl utoipa::Modify for BearerKey {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("An API key made on the site's settings page: patron_ and 64 hex digits."))
            .build();
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme("api_key", SecurityScheme::Http(scheme));
    }
}

/// A purchase line names a product (`sku`) or says what it was and its price: what utoipa's
/// derive cannot say, added to the `LineInput` schema as `anyOf` two sets of required fields.
struct LineNeeds;

impl utoipa::Modify for LineNeeds {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::RefOr;
        use utoipa::openapi::schema::{AllOfBuilder, AnyOfBuilder, ObjectBuilder, Schema, Type};
        let Some(schemas) = doc.components.as_mut().map(|c| &mut c.schemas) else { return };
        let Some(line) = schemas.remove("LineInput") else { return };
        let needs = |fields: &[&str]| fields.iter().fold(ObjectBuilder::new(), |o, f| o.required(*f));
        // A blank SKU or description is none: each branch needs something besides spaces.
        let said = || ObjectBuilder::new().schema_type(Type::String).pattern(Some(r"\S"));
        let either = AnyOfBuilder::new()
            .item(needs(&["sku"]).property("sku", said()).build())
            .item(needs(&["description", "unit_price_minor"]).property("description", said()).build());
        let both = AllOfBuilder::new().item(line).item(either).build();
        schemas.insert("LineInput".to_owned(), RefOr::T(Schema::AllOf(both)));
    }
}

pub fn routes(pool: Db) -> axum::Router {
    use axum::routing::post;
    axum::Router::new()
        .route("/api/v1/customers", get(customers::list).post(customers::upsert))
        .route("/api/v1/customers/{id}", get(customers::get))
        .route("/api/v1/customers/{id}/consents", get(customers::consents))
        .route("/api/v1/purchases", post(purchases::create))
        .route("/api/v1/purchases/{id}", get(purchases::get))
        .route("/api/v1/purchases/{id}/void", post(purchases::void))
        .route("/api/v1/purchases/{id}/returns", post(purchases::returns))
        .route("/api/v1/reservations", get(reservations::list))
        .route("/api/v1/products", get(products::list).post(products::create))
        .route("/api/v1/products/{sku}", get(products::get).patch(products::change))
        .route("/api/v1/segments", get(segments::list))
        .route("/api/v1/segments/{id}/customers", get(segments::members))
        .route("/api/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
        .route("/api/docs", get(docs::page))
        .route("/api/v1/{*rest}", axum::routing::any(|| async { ApiError::NotFound("endpoint") }))
        .with_state(ApiState { pool })
}

/// A JSON body, or the malformed-request error in the API's shape. The sentence says what
/// to fix; the decoder's own words (which name our Rust types) go to the log only.
/// A JSON body read as `T`. It must be an object: serde would also read a struct from an
/// array of its fields in order (`[null, null]`), which the document does not allow.
fn body<T: serde::de::DeserializeOwned>(input: Result<Json<serde_json::Value>, JsonRejection>) -> Result<T, ApiError> {
    let Json(value) = input.map_err(|e| {
        tracing::info!(cause = %e.body_text(), "API: body not read");
        ApiError::Malformed(match e {
            JsonRejection::MissingJsonContentType(_) => "Send the body as JSON, with `Content-Type: application/json`.",
            JsonRejection::JsonSyntaxError(_) => "The body is not valid JSON (or not UTF-8).",
            _ => "The body could not be read.",
        })
    })?;
    let wrong =
        || ApiError::Malformed("The body's fields do not have the documented names and types: see /api/openapi.json.");
    if !value.is_object() {
        return Err(wrong());
    }
    serde_json::from_value(value).map_err(|e| {
        tracing::info!(cause = %e, "API: body not read");
        wrong()
    })
}

fn query<T>(input: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    input.map(|Query(t)| t).map_err(|e| {
        tracing::info!(cause = %e.body_text(), "API: query not read");
        ApiError::Malformed("The query's parameters do not have the documented names and types: see /api/openapi.json.")
    })
}

fn path_id(input: Result<Path<i64>, PathRejection>) -> Result<i64, ApiError> {
    input.map(|Path(id)| id).map_err(|_| ApiError::Malformed("The id in the path must be a whole number."))
}

/// Bounds of a page: its start (`after` an id, or `offset` a count, named by `start`) ≥ 0,
/// `limit` 1 to 200 (default 50). A problem names the parameter as the caller sent it.
fn page_bounds(start: &str, after: Option<i64>, limit: Option<i64>) -> Result<(i64, i64), ApiError> {
    let mut problems = Vec::new();
    let after = after.unwrap_or(0);
    if after < 0 {
        problems.push(FieldProblem::new(start, crate::domain::Problem::OutOfRange));
    }
    let limit = limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        problems.push(FieldProblem::new("limit", crate::domain::Problem::OutOfRange));
    }
    if problems.is_empty() { Ok((after, limit)) } else { Err(ApiError::Invalid(problems)) }
}
