//! SQL of staff management and invitations.

use super::api::{InviteInfo, PendingInvite, StaffList, StaffMember};
use crate::admin::auth::passwords::PasswordHashString;
use crate::domain::{Email, Role, StaffId};
use sqlx::{Row, SqlitePool};

pub async fn list(pool: &SqlitePool, me: StaffId) -> sqlx::Result<StaffList> {
    let members = sqlx::query("SELECT id, email, role, created_at FROM staff_users ORDER BY email")
        .fetch_all(pool)
        .await?
        .into_iter()
        .filter_map(|r| {
            let id: i64 = r.get("id");
            Some(StaffMember {
                id,
                email: r.get("email"),
                role: Role::parse(r.get("role"))?,
                since: r.get("created_at"),
                is_you: id == me.0,
            })
        })
        .collect();
    let pending = sqlx::query(
        "SELECT email, role, expires_at FROM staff_invites
         WHERE used_at IS NULL AND expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ORDER BY created_at DESC",
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|r| {
        Some(PendingInvite {
            email: r.get("email"),
            role: Role::parse(r.get("role"))?,
            expires_at: r.get("expires_at"),
        })
    })
    .collect();
    Ok(StaffList { members, pending })
}

pub async fn staff_email_exists(pool: &SqlitePool, email: &Email) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM staff_users WHERE email = ?")
        .bind(email.as_str())
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

pub async fn create_invite(
    pool: &SqlitePool,
    token_hash: &str,
    email: &Email,
    role: Role,
    by: StaffId,
    days: u32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_invites (token_hash, email, role, invited_by, expires_at)
         VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?))",
    )
    .bind(token_hash)
    .bind(email.as_str())
    .bind(role.as_str())
    .bind(by)
    .bind(format!("+{days} days"))
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn live_invite(pool: &SqlitePool, token_hash: &str) -> sqlx::Result<Option<InviteInfo>> {
    let row = sqlx::query(
        "SELECT email, role FROM staff_invites
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| Some(InviteInfo { email: r.get("email"), role: Role::parse(r.get("role"))? })))
}

/// Uses up a live invitation and creates its account, in one transaction; `None` when the
/// link is dead or its email got an account meanwhile. Two tabs submitting the same link
/// make one account.
pub async fn accept(pool: &SqlitePool, token_hash: &str, hash: &PasswordHashString) -> sqlx::Result<Option<StaffId>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let invite: Option<(String, String)> = sqlx::query_as(
        "UPDATE staff_invites SET used_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         RETURNING email, role",
    )
    .bind(token_hash)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((email, role)) = invite else {
        return Ok(None);
    };
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO staff_users (email, password_hash, role) VALUES (?, ?, ?)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(&email)
    .bind(hash.as_str())
    .bind(&role)
    .fetch_optional(&mut *tx)
    .await?;
    if id.is_some() {
        tx.commit().await?;
    }
    Ok(id.map(StaffId))
}

pub enum RoleChange {
    Done,
    NoSuchStaff,
    LastOwner,
}

/// Whether `staff` is the only owner: demoting or removing them would lock everyone out
/// of staff and settings.
async fn is_last_owner(tx: &mut sqlx::SqliteConnection, staff: StaffId) -> sqlx::Result<Option<bool>> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM staff_users WHERE id = ?").bind(staff).fetch_optional(&mut *tx).await?;
    let Some(role) = role else {
        return Ok(None);
    };
    let owners: i64 =
        sqlx::query_scalar("SELECT count(*) FROM staff_users WHERE role = 'owner'").fetch_one(&mut *tx).await?;
    Ok(Some(role == "owner" && owners == 1))
}

pub async fn set_role(pool: &SqlitePool, staff: StaffId, role: Role) -> sqlx::Result<RoleChange> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    match is_last_owner(&mut tx, staff).await? {
        None => return Ok(RoleChange::NoSuchStaff),
        Some(true) if role != Role::Owner => return Ok(RoleChange::LastOwner),
        Some(_) => {}
    }
    sqlx::query("UPDATE staff_users SET role = ? WHERE id = ?")
        .bind(role.as_str())
        .bind(staff)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(RoleChange::Done)
}

/// Deletes the account; its sessions go with it (ON DELETE CASCADE), and its name on
/// purchases and history rows becomes empty (ON DELETE SET NULL).
pub async fn remove(pool: &SqlitePool, staff: StaffId) -> sqlx::Result<RoleChange> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    match is_last_owner(&mut tx, staff).await? {
        None => return Ok(RoleChange::NoSuchStaff),
        Some(true) => return Ok(RoleChange::LastOwner),
        Some(false) => {}
    }
    sqlx::query("DELETE FROM staff_users WHERE id = ?").bind(staff).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(RoleChange::Done)
}
