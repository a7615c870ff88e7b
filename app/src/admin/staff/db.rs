//! SQL of staff management and invitations.

use super::api::{InviteInfo, PendingInvite, StaffList, StaffMember};
use crate::admin::auth::passwords::PasswordHashString;
use crate::db::{Db, Flag};
use crate::domain::{Email, Role, StaffId};
use sqlx::Row;

pub async fn list(pool: &Db, me: StaffId) -> sqlx::Result<StaffList> {
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
         WHERE used_at IS NULL AND reset = 0 AND expires_at > $1
         ORDER BY created_at DESC",
    )
    .bind(crate::db::now())
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

pub async fn staff_email_exists(pool: &Db, email: &Email) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM staff_users WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

pub async fn create_invite(
    pool: &Db,
    token_hash: &str,
    email: &Email,
    role: Role,
    by: StaffId,
    days: u32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_invites (token_hash, email, role, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(email.as_str())
    .bind(role.as_str())
    .bind(by)
    .bind(crate::db::now_plus(i64::from(days) * 86_400))
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn live_invite(pool: &Db, token_hash: &str) -> sqlx::Result<Option<InviteInfo>> {
    let row = sqlx::query(
        "SELECT email, role, reset FROM staff_invites
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(InviteInfo {
            email: r.get("email"),
            role: Role::parse(r.get("role"))?,
            reset: r.get::<Flag, _>("reset").0,
        })
    }))
}

/// Uses up a live invitation and creates its account, in one transaction; `None` when the
/// link is dead or its email got an account meanwhile. Two tabs submitting the same link
/// make one account.
pub async fn accept(pool: &Db, token_hash: &str, hash: &PasswordHashString) -> sqlx::Result<Option<StaffId>> {
    let mut tx = pool.begin_write().await?;
    let invite: Option<(String, String, Flag)> = sqlx::query_as(
        "UPDATE staff_invites SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING email, role, reset",
    )
    .bind(token_hash)
    .bind(crate::db::now())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((email, role, Flag(reset))) = invite else {
        return Ok(None);
    };
    if reset {
        // A reset link: the account's new password; every session and known browser ends.
        let id: Option<i64> =
            sqlx::query_scalar("UPDATE staff_users SET password_hash = $1 WHERE email = $2 RETURNING id")
                .bind(hash.as_str())
                .bind(&email)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(id) = id {
            forget_sign_ins(&mut tx, StaffId(id)).await?;
            tx.commit().await?;
        }
        return Ok(id.map(StaffId));
    }
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO staff_users (email, password_hash, role) VALUES ($1, $2, $3)
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

/// Ends every session of a member and forgets the browsers they signed in on.
pub async fn forget_sign_ins(tx: &mut crate::db::Conn, staff: StaffId) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE staff_id = $1").bind(staff).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM staff_devices WHERE staff_id = $1").bind(staff).execute(&mut *tx).await?;
    Ok(())
}

/// A one-time link (`days` long) for a member to set a new password; their sessions end now.
/// `false` when there is no such member.
pub async fn create_reset(pool: &Db, token_hash: &str, staff: StaffId, by: StaffId, days: u32) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let made = sqlx::query(
        "INSERT INTO staff_invites (token_hash, email, role, invited_by, expires_at, reset)
         SELECT $1, email, role, $2, $3, 1 FROM staff_users WHERE id = $4",
    )
    .bind(token_hash)
    .bind(by)
    .bind(crate::db::now_plus(i64::from(days) * 86_400))
    .bind(staff)
    .execute(&mut *tx)
    .await?;
    if made.rows_affected() == 0 {
        return Ok(false);
    }
    forget_sign_ins(&mut tx, staff).await?;
    tx.commit().await?;
    Ok(true)
}

/// Sets a member's own new password; every other session of theirs ends (`keep`: this one).
pub async fn set_password(
    pool: &Db,
    staff: StaffId,
    hash: &PasswordHashString,
    keep_session: &str,
) -> sqlx::Result<()> {
    let mut tx = pool.begin_write().await?;
    sqlx::query("UPDATE staff_users SET password_hash = $1 WHERE id = $2")
        .bind(hash.as_str())
        .bind(staff)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE staff_id = $1 AND token_hash <> $2")
        .bind(staff)
        .bind(keep_session)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The password hash of a member, to check their current password.
pub async fn password_hash(pool: &Db, staff: StaffId) -> sqlx::Result<Option<PasswordHashString>> {
    let hash: Option<String> = sqlx::query_scalar("SELECT password_hash FROM staff_users WHERE id = $1")
        .bind(staff)
        .fetch_optional(pool)
        .await?;
    Ok(hash.map(PasswordHashString::from_db))
}

pub enum RoleChange {
    Done,
    NoSuchStaff,
    LastOwner,
}

/// Whether `staff` is the only owner: demoting or removing them would lock everyone out
/// of staff and settings.
async fn is_last_owner(tx: &mut crate::db::Conn, staff: StaffId) -> sqlx::Result<Option<bool>> {
    let role: Option<String> =
        sqlx::query_scalar("SELECT role FROM staff_users WHERE id = $1").bind(staff).fetch_optional(&mut *tx).await?;
    let Some(role) = role else {
        return Ok(None);
    };
    let owners: i64 =
        sqlx::query_scalar("SELECT count(*) FROM staff_users WHERE role = 'owner'").fetch_one(&mut *tx).await?;
    Ok(Some(role == "owner" && owners == 1))
}

pub async fn set_role(pool: &Db, staff: StaffId, role: Role) -> sqlx::Result<RoleChange> {
    let mut tx = pool.begin_write().await?;
    match is_last_owner(&mut tx, staff).await? {
        None => return Ok(RoleChange::NoSuchStaff),
        Some(true) if role != Role::Owner => return Ok(RoleChange::LastOwner),
        Some(_) => {}
    }
    sqlx::query("UPDATE staff_users SET role = $1 WHERE id = $2")
        .bind(role.as_str())
        .bind(staff)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(RoleChange::Done)
}

/// Deletes the account; its sessions go with it (ON DELETE CASCADE), and its name on
/// purchases and history rows becomes empty (ON DELETE SET NULL).
pub async fn remove(pool: &Db, staff: StaffId) -> sqlx::Result<RoleChange> {
    let mut tx = pool.begin_write().await?;
    match is_last_owner(&mut tx, staff).await? {
        None => return Ok(RoleChange::NoSuchStaff),
        Some(true) => return Ok(RoleChange::LastOwner),
        Some(false) => {}
    }
    sqlx::query("DELETE FROM staff_users WHERE id = $1").bind(staff).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(RoleChange::Done)
}
