//! `/api/v1/purchases`: a web shop pushes its orders (once each, by its order number), and
//! reads one back. The lines go through the till's own parser, so a purchase from the API
//! is checked exactly like one typed at the till.

use super::auth::Caller;
use super::error::{ApiError, ErrorBody, FieldProblem};
use super::types::{Purchase, PurchaseInput, ReturnInput, VoidInput};
use super::{ApiState, body, path_id};
use crate::admin::till::{LineForm, PurchaseForm};
use crate::domain::{CustomerId, Field, Problem, RowProblem};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;

/// An amount in minor units as the till would type it (`1234` → `12.34`); a negative one
/// stays negative, which the till's parser refuses.
fn typed(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.unsigned_abs() / 100, minor.unsigned_abs() % 100)
}

/// The field a till problem names, as the API's JSON calls it.
fn field_of(p: &RowProblem) -> String {
    let name = match p.field {
        Field::PaymentMethod => "payment_method",
        Field::Discount => "discount_minor",
        Field::Lines => "lines",
        Field::Item => "sku",
        Field::Description => "description",
        Field::Quantity => "quantity",
        Field::UnitPrice => "unit_price_minor",
        _ => "purchase",
    };
    if p.row == 0 { name.to_owned() } else { format!("lines[{}].{name}", p.row - 1) }
}

#[utoipa::path(post, path = "/api/v1/purchases", tag = "purchases", request_body = PurchaseInput,
    security(("api_key" = ["purchases:write"])),
    responses((status = 201, description = "Stored", body = Purchase),
              (status = 200, description = "Stored before under this external_id", body = Purchase),
              (status = "4XX", body = ErrorBody)))]
pub async fn create(
    State(s): State<ApiState>,
    caller: Caller,
    input: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<Purchase>), ApiError> {
    caller.require("purchases:write")?;
    let input = body::<PurchaseInput>(input)?;
    let external = match input.external_id.as_deref().map(str::trim) {
        Some("") | None => None,
        Some(e) if e.chars().count() > 100 || e.chars().any(char::is_control) => {
            return Err(ApiError::Invalid(vec![FieldProblem::new("external_id", Problem::TooLong)]));
        }
        Some(e) => Some(e.to_owned()),
    };
    if let Some(external) = &external
        && let Some(id) = super::db::purchase_by_external_id(&s.pool, caller.site, external).await?
    {
        return stored(&s, &caller, id, StatusCode::OK).await;
    }
    let form = PurchaseForm {
        customer: 0,
        payment_method: input.payment_method.clone(),
        discount: input.discount_minor.map(typed).unwrap_or_default(),
        lines: input
            .lines
            .iter()
            .map(|l| LineForm {
                sku: l.sku.clone().unwrap_or_default(),
                description: l.description.clone().unwrap_or_default(),
                quantity: l.quantity.map(|q| q.to_string()).unwrap_or_default(),
                unit_price: l.unit_price_minor.map(typed).unwrap_or_default(),
            })
            .collect(),
    };
    let catalogue = crate::admin::till::db::catalogue(&s.pool, caller.site, &form).await?;
    let parsed = crate::admin::till::form::parse_purchase(&form, &catalogue);
    // A line naming a SKU the site does not have is at odds with its catalogue, not malformed
    // (a 409, as is a customer number the site does not have); the missing name or price
    // that follows from the unknown SKU is not named besides.
    let unknown_sku = |p: &RowProblem| p.field == Field::Item && p.problem == Problem::UnknownOption;
    let found: Vec<RowProblem> = match &parsed {
        Err(found) => {
            let unknown: Vec<usize> = found.iter().filter(|p| unknown_sku(p)).map(|p| p.row).collect();
            found.iter().filter(|p| !(p.problem == Problem::Required && unknown.contains(&p.row))).copied().collect()
        }
        Ok(_) => Vec::new(),
    };
    let mut problems: Vec<FieldProblem> = match &parsed {
        Ok(p) if p.lines.is_empty() => vec![FieldProblem::new("lines", Problem::Required)],
        _ => found.iter().map(|p| FieldProblem::new(field_of(p), p.problem)).collect(),
    };
    let before = problems.len();
    let customer = customer(&s, &caller, &input, &mut problems).await?;
    // For a customer number, no customer means the site has none with that number (a bad
    // email sent along is a problem of its own).
    let unknown_customer = input.customer_id.is_some() && customer.is_none();
    let lines_known_or_unknown = match &parsed {
        Ok(p) => !p.lines.is_empty(),
        Err(_) => found.iter().all(unknown_sku),
    };
    if !problems.is_empty() && lines_known_or_unknown && problems.len() - before == usize::from(unknown_customer) {
        return Err(ApiError::Conflict(problems));
    }
    let (Some(customer), Ok(purchase)) = (customer, parsed) else {
        return Err(ApiError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let currency: String = crate::admin::till::db::site_of(&s.pool, customer)
        .await?
        .map(|c| c.currency)
        .ok_or(ApiError::NotFound("customer"))?;
    match crate::admin::till::db::insert_purchase(
        &s.pool,
        caller.site,
        customer,
        None,
        external.as_deref(),
        &currency,
        &purchase,
    )
    .await
    {
        Ok(id) => {
            tracing::info!(key = caller.key, purchase = id, "purchase stored through the API");
            stored(&s, &caller, id, StatusCode::CREATED).await
        }
        // The same order pushed twice at once: the other request stored it.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            let id = super::db::purchase_by_external_id(&s.pool, caller.site, external.as_deref().unwrap_or(""))
                .await?
                .ok_or(ApiError::Internal("a unique violation without the purchase".into()))?;
            stored(&s, &caller, id, StatusCode::OK).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The purchase's customer: `customer_id` of this site, or the one with `email`, made when
/// the site has none. Problems are added to `problems`.
async fn customer(
    s: &ApiState,
    caller: &Caller,
    input: &PurchaseInput,
    problems: &mut Vec<FieldProblem>,
) -> Result<Option<CustomerId>, ApiError> {
    match (input.customer_id, input.email.as_deref()) {
        (Some(id), email) => {
            // An email sent along is checked as the document says, though the id decides.
            if let Some(Err(p)) = email.map(crate::domain::Email::parse) {
                problems.push(FieldProblem::new("email", p));
            }
            let mut conn = s.pool.acquire().await?;
            if super::db::customer_by_id(&mut conn, s.pool.pii(), caller.site, id).await?.is_some() {
                Ok(Some(CustomerId(id)))
            } else {
                problems.push(FieldProblem::new("customer_id", Problem::UnknownOption));
                Ok(None)
            }
        }
        (None, Some(raw)) => match crate::domain::Email::parse(raw) {
            Err(p) => {
                problems.push(FieldProblem::new("email", p));
                Ok(None)
            }
            Ok(email) if problems.is_empty() => {
                let contact = crate::widgets::identity::Contact {
                    first_name: None,
                    last_name: None,
                    email: &email,
                    phone: None,
                    address: None,
                    source: "api",
                };
                let (_turn, mut tx) = crate::writer::begin(&s.pool).await?;
                let (id, _) =
                    crate::widgets::identity::upsert_customer(&mut tx, s.pool.pii(), caller.site, &contact).await?;
                tx.commit().await?;
                Ok(Some(id))
            }
            // Nothing is made for a purchase that will be refused.
            Ok(_) => Ok(None),
        },
        (None, None) => {
            problems.push(FieldProblem::new("customer_id", Problem::Required));
            Ok(None)
        }
    }
}

async fn stored(
    s: &ApiState,
    caller: &Caller,
    id: i64,
    status: StatusCode,
) -> Result<(StatusCode, Json<Purchase>), ApiError> {
    let purchase = super::db::purchase(&s.pool, caller.site, id).await?.ok_or(ApiError::NotFound("purchase"))?;
    Ok((status, Json(purchase)))
}

#[utoipa::path(get, path = "/api/v1/purchases/{id}", tag = "purchases",
    params(("id" = i64, Path, description = "Purchase number")),
    security(("api_key" = ["purchases:read"])),
    responses((status = 200, body = Purchase), (status = "4XX", body = ErrorBody)))]
pub async fn get(
    State(s): State<ApiState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Purchase>, ApiError> {
    caller.require("purchases:read")?;
    let id = path_id(id)?;
    super::db::purchase(&s.pool, caller.site, id).await?.map(Json).ok_or(ApiError::NotFound("purchase"))
}

fn refused(refused: crate::corrections::Refused) -> ApiError {
    use crate::corrections::Refused;
    use crate::domain::Problem;
    match refused {
        Refused::NotFound => ApiError::NotFound("purchase"),
        // A key acts for the shop: it may void any time, so only a void already done refuses.
        Refused::NotAllowed | Refused::Voided => {
            ApiError::Conflict(vec![FieldProblem::new("purchase", Problem::Voided)])
        }
        Refused::TooMany { line } => {
            ApiError::Conflict(vec![FieldProblem::new(format!("lines[line={line}].quantity"), Problem::OutOfRange)])
        }
    }
}

#[utoipa::path(post, path = "/api/v1/purchases/{id}/void", tag = "purchases", request_body = VoidInput,
    params(("id" = i64, Path, description = "Purchase number")),
    security(("api_key" = ["purchases:write"])),
    responses((status = 200, description = "Voided: it counts for nothing", body = Purchase),
              (status = "4XX", body = ErrorBody)))]
pub async fn void(
    State(s): State<ApiState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    input: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<Purchase>, ApiError> {
    use crate::corrections::{Corrector, db, parse_reason};
    caller.require("purchases:write")?;
    let id = path_id(id)?;
    super::db::purchase(&s.pool, caller.site, id).await?.ok_or(ApiError::NotFound("purchase"))?;
    let input = body::<VoidInput>(input)?;
    let reason = parse_reason(&input.reason).map_err(|p| ApiError::Invalid(vec![FieldProblem::new("reason", p)]))?;
    db::void(&s.pool, id, Some(caller.site), Corrector::ApiKey, &reason).await?.map_err(refused)?;
    tracing::info!(key = caller.key, purchase = id, "purchase voided through the API");
    super::db::purchase(&s.pool, caller.site, id).await?.map(Json).ok_or(ApiError::NotFound("purchase"))
}

#[utoipa::path(post, path = "/api/v1/purchases/{id}/returns", tag = "purchases", request_body = ReturnInput,
    params(("id" = i64, Path, description = "Purchase number")),
    security(("api_key" = ["purchases:write"])),
    responses((status = 201, description = "Returned: `refunded_minor` grew by what was given back", body = Purchase),
              (status = "4XX", body = ErrorBody)))]
pub async fn returns(
    State(s): State<ApiState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    input: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<(StatusCode, Json<Purchase>), ApiError> {
    use crate::corrections::{Corrector, ValidReturn, db, parse_reason};
    caller.require("purchases:write")?;
    let id = path_id(id)?;
    super::db::purchase(&s.pool, caller.site, id).await?.ok_or(ApiError::NotFound("purchase"))?;
    let input = body::<ReturnInput>(input)?;
    // The document's bounds, checked here too; a line named twice counts both quantities.
    let mut problems = Vec::new();
    let mut lines: Vec<(i64, i64)> = Vec::new();
    if input.lines.is_empty() || input.lines.len() > 100 {
        problems.push(FieldProblem::new("lines", crate::domain::Problem::OutOfRange));
    }
    for (i, l) in input.lines.iter().enumerate() {
        if l.line < 1 {
            problems.push(FieldProblem::new(format!("lines[{i}].line"), crate::domain::Problem::OutOfRange));
        } else if !(1..=9999).contains(&l.quantity) {
            problems.push(FieldProblem::new(format!("lines[{i}].quantity"), crate::domain::Problem::OutOfRange));
        } else if let Some(known) = lines.iter_mut().find(|(line, _)| *line == l.line) {
            known.1 += l.quantity;
        } else {
            lines.push((l.line, l.quantity));
        }
    }
    let reason = parse_reason(&input.reason).map_err(|p| problems.push(FieldProblem::new("reason", p))).ok();
    let (Some(reason), true) = (reason, problems.is_empty()) else {
        return Err(ApiError::Invalid(problems));
    };
    let valid = ValidReturn { purchase: id, lines, reason };
    db::return_lines(&s.pool, &valid, Some(caller.site), Corrector::ApiKey).await?.map_err(refused)?;
    tracing::info!(key = caller.key, purchase = id, "purchase returned through the API");
    let purchase = super::db::purchase(&s.pool, caller.site, id).await?.ok_or(ApiError::NotFound("purchase"))?;
    Ok((StatusCode::CREATED, Json(purchase)))
}

#[cfg(test)]
mod tests {
    use super::typed;

    #[test]
    fn minor_units_are_typed_as_the_till_reads_them() {
        assert_eq!(typed(1234), "12.34");
        assert_eq!(typed(5), "0.05");
        assert_eq!(typed(0), "0.00");
        assert_eq!(typed(-250), "-2.50");
        assert_eq!(crate::domain::Minor::parse(&typed(987_654)), Ok(crate::domain::Minor(987_654)));
    }
}
