//! The check at the top of every staff server function: who is signed in, with which role,
//! for which site.

use super::StaffRow;
use super::session::{self as db, token_from};
use crate::domain::Role;
use crate::domain::{SiteId, SiteKey};
use crate::error::AppError;

/// The signed-in staff member, if the request carries a live session.
pub async fn current_staff() -> Result<Option<StaffRow>, AppError> {
    let parts = crate::server_ctx::request_parts()?;
    let Some(token) = token_from(&parts.headers) else {
        return Ok(None);
    };
    let pool = crate::server_ctx::pool()?;
    Ok(db::staff_for_session(&pool, &crate::tokens::hash(&token)).await?)
}

/// Refuses the call unless a staff member with at least `min` is signed in.
pub async fn require_staff(min: Role) -> Result<StaffRow, AppError> {
    let parts = crate::server_ctx::request_parts()?;
    staff_at_least(&crate::server_ctx::pool()?, &parts.headers, min).await
}

/// The same check for a plain (non server function) request, e.g. a download.
pub async fn staff_at_least(
    pool: &crate::db::Db,
    headers: &axum::http::HeaderMap,
    min: Role,
) -> Result<StaffRow, AppError> {
    let staff = staff_from_headers(pool, headers).await?.ok_or(AppError::Unauthenticated)?;
    if !staff.role.at_least(min) {
        return Err(AppError::Forbidden);
    }
    Ok(staff)
}

/// The staff member a plain (non server function) request's session cookie belongs to.
pub async fn staff_from_headers(
    pool: &crate::db::Db,
    headers: &axum::http::HeaderMap,
) -> sqlx::Result<Option<StaffRow>> {
    match token_from(headers) {
        Some(token) => db::staff_for_session(pool, &crate::tokens::hash(&token)).await,
        None => Ok(None),
    }
}

/// A plain-text answer to a page the browser opens itself (a download), for a request the
/// guard refused: the sentence, not the server functions' error code.
pub fn plain_refusal(error: &AppError) -> axum::response::Response {
    plain(error.status_code(), &error.to_string())
}

/// A plain-text response.
pub fn plain(status: axum::http::StatusCode, text: &str) -> axum::response::Response {
    use axum::response::IntoResponse;
    (status, [(axum::http::header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_owned()).into_response()
}

/// The owner, and the site `site` names: the check of every owner-only settings function.
pub async fn owner_and_site(site: &str) -> Result<(StaffRow, SiteId), AppError> {
    let staff = require_staff(Role::Owner).await?;
    let pool = crate::server_ctx::pool()?;
    let id = site_for(&pool, &staff, site).await?;
    Ok((staff, id))
}

/// A manager (or the owner), the site `site` names, and the pool to work on it with.
pub async fn manager_and_site(site: &str) -> Result<(StaffRow, SiteId, crate::db::Db), AppError> {
    let staff = require_staff(Role::Manager).await?;
    let pool = crate::server_ctx::pool()?;
    let id = site_for(&pool, &staff, site).await?;
    Ok((staff, id, pool))
}

/// The site `site` names; a blank one (a page that names none) is the site this staff
/// member last chose in the admin's frame, else the first by name.
pub async fn site_for(pool: &crate::db::Db, staff: &StaffRow, site: &str) -> Result<SiteId, AppError> {
    if !site.trim().is_empty() {
        return site_named(pool, site).await;
    }
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT coalesce((SELECT site_id FROM staff_users WHERE id = $1), (SELECT id FROM sites ORDER BY name, id LIMIT 1))",
    )
    .bind(staff.id)
    .fetch_one(pool)
    .await?;
    id.map(SiteId).ok_or(AppError::NotFound)
}

/// The site a key names; a malformed or unknown key is "not found", never which of the two.
pub async fn site_named(pool: &crate::db::Db, site: &str) -> Result<SiteId, AppError> {
    let key = SiteKey::parse(site).map_err(|_| AppError::NotFound)?;
    crate::sites::db::site_id(pool, &key).await?.ok_or(AppError::NotFound)
}

/// The shape of every owner-only settings change: the owner's check and the site `site`
/// names, the change itself (given the site and the pool; it answers with its result and the
/// audit line that says what changed), then that line in the audit log. Answered as a server
/// function answers (`server_ctx::answer`: the status, and Retry-After on a 503).
pub async fn owner_changes<T, Fut>(site: &str, change: impl FnOnce(SiteId, crate::db::Db) -> Fut) -> Result<T, AppError>
where
    Fut: Future<Output = Result<(T, String), AppError>>,
{
    crate::server_ctx::answer(
        async {
            let (staff, id) = owner_and_site(site).await?;
            let (value, detail) = change(id, crate::server_ctx::pool()?).await?;
            let settings = super::audit::AuditAction::ChangedSettings;
            super::audit::note(&staff, settings, Some(id), None, &detail).await?;
            Ok(value)
        }
        .await,
    )
}

/// An owner-only settings call the audit log does not keep (a read, a reordering): the
/// owner's check, then `read` on the site `site` names, answered as a server function answers.
pub async fn as_owner<T, Fut>(site: &str, read: impl FnOnce(SiteId, crate::db::Db) -> Fut) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    crate::server_ctx::answer(
        async {
            let (_, id) = owner_and_site(site).await?;
            read(id, crate::server_ctx::pool()?).await
        }
        .await,
    )
}

/// A manager's session (from the cookie of a plain GET: a download) and the site `site`
/// names; or the status and sentence to refuse the download with.
pub async fn manager_download(
    pool: &crate::db::Db,
    headers: &axum::http::HeaderMap,
    site: &str,
) -> Result<(StaffRow, SiteId), (axum::http::StatusCode, &'static str)> {
    use axum::http::StatusCode;
    let e = crate::staff::texts::of_headers(headers).errors();
    let broken = (StatusCode::INTERNAL_SERVER_ERROR, e.internal);
    let missing = (StatusCode::NOT_FOUND, e.unknown_site);
    let staff = staff_at_least(pool, headers, Role::Manager).await.map_err(|error| match error {
        AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, e.sign_in),
        AppError::Forbidden => (StatusCode::FORBIDDEN, e.forbidden),
        _ => broken,
    })?;
    let site = site_for(pool, &staff, site)
        .await
        .map_err(|error| if matches!(error, AppError::NotFound) { missing } else { broken })?;
    Ok((staff, site))
}
