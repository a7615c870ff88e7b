//! `/api/v1/segments`: the site's saved segments and the customers each matches now, for a
//! mail tool pulling its lists (the segment's own rules say who is in it, consent included).

use super::auth::Caller;
use super::error::{ApiError, ErrorBody};
use super::types::{OffsetQuery, Segment, SegmentMember, SegmentPage};
use super::{ApiState, page_bounds, path_id, query};
use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};

#[utoipa::path(get, path = "/api/v1/segments", tag = "segments",
    security(("api_key" = ["segments:read"])),
    responses((status = 200, body = Vec<Segment>), (status = "4XX", body = ErrorBody)))]
pub async fn list(State(s): State<ApiState>, caller: Caller) -> Result<Json<Vec<Segment>>, ApiError> {
    caller.require("segments:read")?;
    let saved = crate::admin::segments::db::saved(&s.pool, caller.site).await?;
    Ok(Json(saved.into_iter().map(|g| Segment { id: g.id, name: g.name, updated_at: g.updated_at }).collect()))
}

#[utoipa::path(get, path = "/api/v1/segments/{id}/customers", tag = "segments",
    params(("id" = i64, Path, description = "Segment number"), OffsetQuery),
    security(("api_key" = ["segments:read"])),
    responses((status = 200, body = SegmentPage), (status = "4XX", body = ErrorBody)))]
pub async fn members(
    State(s): State<ApiState>,
    caller: Caller,
    id: Result<Path<i64>, PathRejection>,
    q: Result<Query<OffsetQuery>, QueryRejection>,
) -> Result<Json<SegmentPage>, ApiError> {
    use crate::admin::segments::{Sort, SortColumn};
    caller.require("segments:read")?;
    let id = path_id(id)?;
    let q = query(q)?;
    let (offset, limit) = page_bounds("offset", q.offset, q.limit)?;
    let saved = crate::admin::segments::db::saved(&s.pool, caller.site).await?;
    let segment = saved.into_iter().find(|g| g.id == id).ok_or(ApiError::NotFound("segment"))?;
    // A saved filter the rules no longer read (a rule's option removed since) is the shop's
    // to fix in the admin; the API says so rather than guess.
    let filter = segment
        .filter
        .parse()
        .map_err(|_| ApiError::Malformed("The segment's rules no longer read: open it in the admin."))?;
    let now = crate::server_ctx::now();
    let sort = Sort { column: SortColumn::Joined, descending: false };
    let rows = crate::admin::segments::db::page(&s.pool, caller.site, &filter, now, sort, offset, limit, caller.shares)
        .await?;
    let next_offset = (rows.len() as i64 == limit).then_some(offset + limit);
    let data = rows
        .into_iter()
        .map(|r| SegmentMember {
            id: r.id,
            email: r.email,
            first_name: r.first_name,
            last_name: r.last_name,
            phone: r.phone,
            city: r.city,
            postcode: r.postcode,
            joined: r.joined,
            spent_minor: r.spent.0,
            purchases: r.purchases,
            last_purchase: r.last_purchase,
        })
        .collect();
    Ok(Json(SegmentPage { data, next_offset }))
}
