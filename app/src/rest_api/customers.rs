//! `/api/v1/customers`: list, read, create-or-update by email, and a customer's consents.

use super::auth::Caller;
use super::error::{ApiError, ErrorBody};
use super::types::{Consent, Customer, CustomerInput, CustomerPage, PageQuery};
use super::{ApiState, body, page_bounds, path_id, query};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;

#[utoipa::path(get, path = "/api/v1/customers", tag = "customers", params(PageQuery),
    security(("api_key" = ["customers:read"])),
    responses((status = 200, body = CustomerPage), (status = "4XX", body = ErrorBody)))]
pub async fn list(
    State(s): State<ApiState>,
    caller: Caller,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> Result<Json<CustomerPage>, ApiError> {
    caller.require("customers:read")?;
    let q = query(q)?;
    let (after, limit) = page_bounds(q.after, q.limit)?;
    let data = super::db::customers(&s.pool, caller.site, after, limit, caller.shares).await?;
    let next_after = (data.len() as i64 == limit).then(|| data.last().map(|c| c.id)).flatten();
    Ok(Json(CustomerPage { data, next_after }))
}

#[utoipa::path(get, path = "/api/v1/customers/{id}", tag = "customers",
    params(("id" = i64, Path, description = "Customer number")),
    security(("api_key" = ["customers:read"])),
    responses((status = 200, body = Customer), (status = "4XX", body = ErrorBody)))]
pub async fn get(
    State(s): State<ApiState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Customer>, ApiError> {
    caller.require("customers:read")?;
    let id = path_id(id)?;
    let mut conn = s.pool.acquire().await?;
    super::db::customer_by_id(&mut conn, caller.site, id)
        .await?
        // A third party is told no more about them than about no one.
        .filter(|c| !(caller.shares && c.do_not_sell))
        .map(Json)
        .ok_or(ApiError::NotFound("customer"))
}

#[utoipa::path(post, path = "/api/v1/customers", tag = "customers", request_body = CustomerInput,
    security(("api_key" = ["customers:write"])),
    responses((status = 201, description = "Created", body = Customer),
              (status = 200, description = "Updated: the site had a customer with this email", body = Customer),
              (status = "4XX", body = ErrorBody)))]
pub async fn upsert(
    State(s): State<ApiState>,
    caller: Caller,
    input: Result<Json<CustomerInput>, JsonRejection>,
) -> Result<(StatusCode, Json<Customer>), ApiError> {
    use crate::domain::{Email, Field, FieldErrors, PersonName, Phone};
    caller.require("customers:write")?;
    let input = body(input)?;
    let mut errors = FieldErrors::new();
    let email = errors.check(Field::Email, Email::parse(&input.email));
    let first = errors.check(Field::FirstName, PersonName::parse_optional(input.first_name.as_deref().unwrap_or("")));
    let last = errors.check(Field::LastName, PersonName::parse_optional(input.last_name.as_deref().unwrap_or("")));
    let phone = errors.check(Field::Phone, Phone::parse_optional(input.phone.as_deref().unwrap_or("")));
    let (Some(email), Some(first), Some(last), Some(phone)) = (email, first, last, phone) else {
        return Err(errors.into());
    };
    let contact = crate::widgets::identity::Contact {
        first_name: first.as_ref(),
        last_name: last.as_ref(),
        email: &email,
        phone: phone.as_ref(),
        source: "api",
    };
    let (_turn, mut tx) = crate::writer::begin(&s.pool).await?;
    let (id, created) = crate::widgets::identity::upsert_customer(&mut tx, caller.site, &contact).await?;
    let customer =
        super::db::customer_by_id(&mut tx, caller.site, id.0).await?.ok_or(ApiError::NotFound("customer"))?;
    tx.commit().await?;
    tracing::info!(key = caller.key, customer = id.0, created, "customer written through the API");
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(customer)))
}

#[utoipa::path(get, path = "/api/v1/customers/{id}/consents", tag = "customers",
    params(("id" = i64, Path, description = "Customer number")),
    security(("api_key" = ["consents:read"])),
    responses((status = 200, body = Vec<Consent>), (status = "4XX", body = ErrorBody)))]
pub async fn consents(
    State(s): State<ApiState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Vec<Consent>>, ApiError> {
    caller.require("consents:read")?;
    let id = path_id(id)?;
    super::db::consents(&s.pool, caller.site, id).await?.map(Json).ok_or(ApiError::NotFound("customer"))
}
