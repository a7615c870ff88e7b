//! `/api/v1/customers`: list, read, create-or-update by email, and a customer's consents.

use super::auth::Caller;
use super::error::{ApiError, ErrorBody, FieldProblem};
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
    let (after, limit) = page_bounds("after", q.after, q.limit)?;
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
    super::db::customer_by_id(&mut conn, s.pool.pii(), caller.site, id)
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
    input: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<Customer>), ApiError> {
    use crate::domain::{Email, Field, FieldErrors, PersonName, Phone};
    caller.require("customers:write")?;
    let input = body::<CustomerInput>(input)?;
    let mut errors = FieldErrors::new();
    let email = errors.check(Field::Email, Email::parse(&input.email));
    let first = errors.check(Field::FirstName, PersonName::parse_optional(input.first_name.as_deref().unwrap_or("")));
    let last = errors.check(Field::LastName, PersonName::parse_optional(input.last_name.as_deref().unwrap_or("")));
    let phone = errors.check(Field::Phone, Phone::parse_optional(input.phone.as_deref().unwrap_or("")));
    let address = address_parts(input.address.as_ref().unwrap_or(&Default::default()), &mut errors);
    let (consents, consent_problems) = match consent_parts(&input.consents) {
        Ok(consents) => (consents, Vec::new()),
        Err(problems) => (Vec::new(), problems),
    };
    let valid = errors.is_empty() && consent_problems.is_empty();
    let (Some(email), Some(first), Some(last), Some(phone), true) = (email, first, last, phone, valid) else {
        let mut problems = ApiError::from(errors).into_problems();
        problems.extend(consent_problems);
        return Err(ApiError::Invalid(problems));
    };
    let contact = crate::widgets::identity::Contact {
        first_name: first.as_ref(),
        last_name: last.as_ref(),
        email: &email,
        phone: phone.as_ref(),
        address: None,
        source: "api",
    };
    let (_turn, mut tx) = crate::writer::begin(&s.pool).await?;
    let (id, created) = crate::widgets::identity::upsert_customer(&mut tx, s.pool.pii(), caller.site, &contact).await?;
    for (field, value) in &address {
        crate::customer_changes::set_in(
            &mut tx,
            s.pool.pii(),
            id,
            None,
            crate::customer_changes::ChangeSource::Api,
            *field,
            value,
        )
        .await?;
    }
    for consent in &consents {
        super::db::record_consent(&mut tx, id, consent).await?;
    }
    let customer = super::db::customer_by_id(&mut tx, s.pool.pii(), caller.site, id.0)
        .await?
        .ok_or(ApiError::NotFound("customer"))?;
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

/// The address parts given, parsed as the record parses them; problems go to `errors`
/// under the part's name.
fn address_parts(
    input: &super::types::AddressInput,
    errors: &mut crate::domain::FieldErrors,
) -> Vec<(crate::domain::CustomerField, crate::domain::FieldValue)> {
    use crate::domain::{CustomerField as F, Field};
    let given = [
        (F::Street, &input.street),
        (F::Postcode, &input.postcode),
        (F::City, &input.city),
        (F::Region, &input.region),
        (F::Country, &input.country),
    ];
    let mut parts = Vec::new();
    for (field, value) in given {
        let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) else { continue };
        if let Some(parsed) = errors.check(Field::Customer(field), field.parse(value)) {
            parts.push((field, parsed));
        }
    }
    parts
}

/// The consents given, each checked (a known purpose, wording, a language code); the
/// problems name the consent by its place (`consents[1].wording`).
fn consent_parts(input: &[super::types::ConsentInput]) -> Result<Vec<super::db::NewConsent>, Vec<FieldProblem>> {
    use crate::domain::Problem;
    let purposes = crate::segment_rules::filter::CONSENT_PURPOSES;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    if input.len() > purposes.len() {
        return Err(vec![FieldProblem::new("consents", Problem::TooLong)]);
    }
    for (i, c) in input.iter().enumerate() {
        let mut bad = |part: &str, problem| problems.push(FieldProblem::new(format!("consents[{i}].{part}"), problem));
        if !purposes.contains(&c.purpose.as_str()) {
            bad("purpose", Problem::UnknownOption);
        }
        let wording = match crate::domain::FreeText::parse(&c.wording, 2000) {
            Ok(text) if text.is_empty() => {
                bad("wording", Problem::Required);
                String::new()
            }
            Ok(text) => text.as_str().to_owned(),
            Err(p) => {
                bad("wording", p);
                String::new()
            }
        };
        let language = c.language.as_deref().map(str::trim).filter(|l| !l.is_empty());
        if language.is_some_and(|l| !(2..=3).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase())) {
            bad("language", Problem::UnknownOption);
        }
        out.push(super::db::NewConsent {
            purpose: c.purpose.clone(),
            granted: c.granted,
            wording,
            language: language.map(str::to_owned),
        });
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}
