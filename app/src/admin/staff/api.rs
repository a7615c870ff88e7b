//! Server functions of staff management: the owner invites staff with a one-time link,
//! assigns roles and removes accounts; an invitee sets their password through the link.

use crate::domain::Role;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub since: String,
    pub is_you: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvite {
    pub email: String,
    pub role: Role,
    pub expires_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffList {
    pub members: Vec<StaffMember>,
    pub pending: Vec<PendingInvite>,
}

/// What the set-password page shows about its invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteInfo {
    pub email: String,
    pub role: Role,
    /// A password reset of an existing account, not an invitation.
    pub reset: bool,
}

/// How long an invitation link works.
#[cfg(feature = "ssr")]
const INVITE_DAYS: u32 = 7;

#[server(prefix = "/api/admin", endpoint = "list_staff")]
pub async fn list_staff() -> Result<StaffList, AppError> {
    crate::server_ctx::answer(
        async move {
            let me = crate::staff::guard::require_staff(Role::Owner).await?;
            Ok(super::db::list(&crate::server_ctx::pool()?, me.id).await?)
        }
        .await,
    )
}

/// Makes a one-time link for `email` to join with `role`, shown to the owner to pass on
/// (Patron sends no mail until the integrations issue). The link holds a random token;
/// the database keeps only its hash, and the link is not logged.
#[server(prefix = "/api/admin", endpoint = "invite_staff")]
pub async fn invite_staff(email: String, role: Role) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Email, Field, FieldErrors, Problem};
            let me = crate::staff::guard::require_staff(Role::Owner).await?;
            let email = Email::parse(&email).map_err(|p| FieldErrors::one(Field::Email, p))?;
            let pool = crate::server_ctx::pool()?;
            if super::db::staff_email_exists(&pool, &email).await? {
                return Err(FieldErrors::one(Field::Email, Problem::Taken).into());
            }
            let token = crate::tokens::new_token().map_err(|e| AppError::internal("making an invite token", e))?;
            super::db::create_invite(&pool, &crate::tokens::hash(&token), &email, role, me.id, INVITE_DAYS).await?;
            tracing::info!(staff = me.id.0, role = role.as_str(), "staff invitation made");
            crate::staff::audit::note(
                &me,
                crate::staff::audit::AuditAction::ChangedStaff,
                None,
                None,
                "staff invitation made",
            )
            .await?;
            Ok(format!("{}/admin/invite/{token}", crate::server_ctx::link_origin()?))
        }
        .await,
    )
}

/// Changes a member's role. The last owner cannot stop being one: someone must be able
/// to manage staff and settings.
#[server(prefix = "/api/admin", endpoint = "set_role")]
pub async fn set_role(staff: i64, role: Role) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let me = crate::staff::guard::require_staff(Role::Owner).await?;
            match super::db::set_role(&crate::server_ctx::pool()?, crate::domain::StaffId(staff), role).await? {
                super::db::RoleChange::Done => {
                    tracing::info!(staff = me.id.0, member = staff, role = role.as_str(), "role changed");
                    crate::staff::audit::note(
                        &me,
                        crate::staff::audit::AuditAction::ChangedStaff,
                        None,
                        None,
                        "role changed",
                    )
                    .await?;
                    Ok(())
                }
                super::db::RoleChange::NoSuchStaff => Err(AppError::NotFound),
                super::db::RoleChange::LastOwner => Err(AppError::LastOwner),
            }
        }
        .await,
    )
}

/// Removes an account and signs it out everywhere. The last owner cannot be removed.
#[server(prefix = "/api/admin", endpoint = "remove_staff")]
pub async fn remove_staff(staff: i64) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let me = crate::staff::guard::require_staff(Role::Owner).await?;
            match super::db::remove(&crate::server_ctx::pool()?, crate::domain::StaffId(staff)).await? {
                super::db::RoleChange::Done => {
                    tracing::info!(staff = me.id.0, member = staff, "staff account removed");
                    crate::staff::audit::note(
                        &me,
                        crate::staff::audit::AuditAction::ChangedStaff,
                        None,
                        None,
                        "staff account removed",
                    )
                    .await?;
                    Ok(())
                }
                super::db::RoleChange::NoSuchStaff => Err(AppError::NotFound),
                super::db::RoleChange::LastOwner => Err(AppError::LastOwner),
            }
        }
        .await,
    )
}

/// The invitation behind a link, for the set-password page (no session needed: the token
/// is the credential). A used, expired or unknown link is `NotFound`.
#[server(prefix = "/api/admin", endpoint = "invite_info")]
pub async fn get_invite(token: String) -> Result<InviteInfo, AppError> {
    crate::server_ctx::answer(
        async move {
            let pool = crate::server_ctx::pool()?;
            super::db::live_invite(&pool, &crate::tokens::hash(&token)).await?.ok_or(AppError::NotFound)
        }
        .await,
    )
}

/// Sets the invitee's password, creates their account with the invited role, uses up the
/// link and signs them in.
#[server(prefix = "/api/admin", endpoint = "accept_invite")]
pub async fn accept_invite(token: String, password: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Password};
            let password = Password::parse(password).map_err(|p| FieldErrors::one(Field::Password, p))?;
            let pool = crate::server_ctx::pool()?;
            let token_hash = crate::tokens::hash(&token);
            // Checked before hashing so a dead link costs no argon2 time; checked again
            // (atomically) when the account is made.
            super::db::live_invite(&pool, &token_hash).await?.ok_or(AppError::NotFound)?;
            let hash = crate::admin::auth::passwords::hash(password)
                .await
                .map_err(|e| AppError::internal("hashing an invitee's password", e))?;
            let id = super::db::accept(&pool, &token_hash, &hash).await?.ok_or(AppError::NotFound)?;
            tracing::info!(staff = id.0, "invitation accepted");
            crate::admin::auth::api::start_session(&pool, id).await?;
            leptos_axum::redirect("/admin");
            Ok(())
        }
        .await,
    )
}

/// The owner resets a member's password: a one-time link (7 days) for them to choose a new
/// one, shown to the owner to pass on. The member's sessions end now, and the browsers they
/// signed in on are forgotten. An owner changes their own password on their account page.
#[server(prefix = "/api/admin", endpoint = "reset_password")]
pub async fn reset_password(staff: i64) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            let me = crate::staff::guard::require_staff(Role::Owner).await?;
            if me.id.0 == staff {
                return Err(AppError::Forbidden);
            }
            let token = crate::tokens::new_token().map_err(|e| AppError::internal("making a reset token", e))?;
            let pool = crate::server_ctx::pool()?;
            let member = crate::domain::StaffId(staff);
            if !super::db::create_reset(&pool, &crate::tokens::hash(&token), member, me.id, INVITE_DAYS).await? {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff = me.id.0, member = staff, "password reset link made");
            crate::staff::audit::note(
                &me,
                crate::staff::audit::AuditAction::ChangedStaff,
                None,
                None,
                &format!("password reset link made for member {staff}"),
            )
            .await?;
            Ok(format!("{}/admin/invite/{token}", crate::server_ctx::link_origin()?))
        }
        .await,
    )
}

/// A member changes their own password, giving the current one first (counted like a
/// sign-in, so a stolen session cannot guess it). Their other sessions end.
#[server(prefix = "/api/admin", endpoint = "change_password")]
pub async fn change_password(current: String, password: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Password, Problem};
            let me = crate::staff::guard::require_staff(Role::Staff).await?;
            let new = Password::parse(password).map_err(|p| FieldErrors::one(Field::Password, p))?;
            if current.len() > Password::MAX_BYTES {
                return Err(FieldErrors::one(Field::Current, Problem::WrongPassword).into());
            }
            let pool = crate::server_ctx::pool()?;
            let attempt = crate::admin::auth::throttle::Attempt::new(&me.email, crate::server_ctx::client_ip());
            attempt.count(&pool, crate::server_ctx::now(), true).await?;
            let stored = super::db::password_hash(&pool, me.id).await?;
            match crate::admin::auth::passwords::verify(stored, current).await {
                Ok(true) => attempt.succeeded(&pool).await?,
                Ok(false) => return Err(FieldErrors::one(Field::Current, Problem::WrongPassword).into()),
                Err(crate::admin::auth::passwords::HashError::Busy) => return Err(AppError::Busy),
                Err(e) => return Err(AppError::internal("checking a password", e)),
            }
            let hash = crate::admin::auth::passwords::hash(new)
                .await
                .map_err(|e| AppError::internal("hashing a new password", e))?;
            let headers = crate::server_ctx::request_parts()?.headers;
            let session = crate::staff::session::token_from(&headers).map(|t| crate::tokens::hash(&t));
            super::db::set_password(&pool, me.id, &hash, session.as_deref().unwrap_or_default()).await?;
            tracing::info!(staff = me.id.0, "password changed by its owner");
            crate::staff::audit::note(
                &me,
                crate::staff::audit::AuditAction::ChangedStaff,
                None,
                None,
                "own password changed",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}
