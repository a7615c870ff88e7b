//! `/api/v1/reservations`: the site's reservations, for a shop's stock system.

use super::auth::Caller;
use super::error::{ApiError, ErrorBody, FieldProblem};
use super::types::{ReservationPage, ReservationQuery};
use super::{ApiState, page_bounds, query};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};

#[utoipa::path(get, path = "/api/v1/reservations", tag = "reservations", params(ReservationQuery),
    security(("api_key" = ["reservations:read"])),
    responses((status = 200, body = ReservationPage), (status = "4XX", body = ErrorBody)))]
pub async fn list(
    State(s): State<ApiState>,
    caller: Caller,
    q: Result<Query<ReservationQuery>, QueryRejection>,
) -> Result<Json<ReservationPage>, ApiError> {
    caller.require("reservations:read")?;
    let q = query(q)?;
    let (after, limit) = page_bounds("after", q.after, q.limit)?;
    let status = match q.status.as_deref() {
        None => None,
        Some(s @ ("open" | "fulfilled" | "cancelled")) => Some(s),
        Some(_) => {
            return Err(ApiError::Invalid(vec![FieldProblem::new("status", crate::domain::Problem::UnknownOption)]));
        }
    };
    let data = super::db::reservations(&s.pool, caller.site, status, after, limit).await?;
    let next_after = (data.len() as i64 == limit).then(|| data.last().map(|r| r.id)).flatten();
    Ok(Json(ReservationPage { data, next_after }))
}
