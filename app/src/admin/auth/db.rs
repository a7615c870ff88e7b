//! SQL of staff accounts and sessions.

use super::passwords::PasswordHashString;
use super::session::LIFETIME_DAYS;
use crate::domain::{Email, Role, StaffId};
use sqlx::{Row, SqlitePool};

/// A staff member as the admin sees them (no hash).
#[derive(Debug, Clone)]
pub struct StaffRow {
    pub id: StaffId,
    pub email: String,
    pub role: Role,
}

pub async fn staff_exists(pool: &SqlitePool) -> sqlx::Result<bool> {
    Ok(sqlx::query_scalar::<_, i64>("SELECT EXISTS (SELECT 1 FROM staff_users)").fetch_one(pool).await? == 1)
}

/// Creates the owner only if there is no staff user yet; `None` when someone was first.
/// One statement, so two browsers racing through the first-run page make one owner.
pub async fn create_first_owner(
    pool: &SqlitePool,
    email: &Email,
    hash: &PasswordHashString,
) -> sqlx::Result<Option<StaffId>> {
    sqlx::query_scalar(
        "INSERT INTO staff_users (email, password_hash, role)
         SELECT ?, ?, 'owner' WHERE NOT EXISTS (SELECT 1 FROM staff_users)
         RETURNING id",
    )
    .bind(email.as_str())
    .bind(hash.as_str())
    .fetch_optional(pool)
    .await
}

/// Creates a staff user; `None` if the email is taken.
pub async fn create_staff(
    pool: &SqlitePool,
    email: &Email,
    hash: &PasswordHashString,
    role: Role,
) -> sqlx::Result<Option<StaffId>> {
    sqlx::query_scalar(
        "INSERT INTO staff_users (email, password_hash, role) VALUES (?, ?, ?)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email.as_str())
    .bind(hash.as_str())
    .bind(role.as_str())
    .fetch_optional(pool)
    .await
}

/// The account and password hash for a sign-in attempt.
pub async fn credentials(pool: &SqlitePool, email: &str) -> sqlx::Result<Option<(StaffId, PasswordHashString)>> {
    let row = sqlx::query("SELECT id, password_hash FROM staff_users WHERE email = ?")
        .bind(email)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| (StaffId(r.get("id")), PasswordHashString::from_db(r.get("password_hash")))))
}

pub async fn create_session(pool: &SqlitePool, staff: StaffId, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, staff_id, expires_at)
         VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?))",
    )
    .bind(token_hash)
    .bind(staff)
    .bind(format!("+{LIFETIME_DAYS} days"))
    .execute(pool)
    .await?;
    // Sweeping here keeps the table small without a scheduler; it is an indexed delete.
    sqlx::query("DELETE FROM sessions WHERE expires_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").execute(pool).await?;
    Ok(())
}

/// The staff member behind a live session.
pub async fn staff_for_session(pool: &SqlitePool, token_hash: &str) -> sqlx::Result<Option<StaffRow>> {
    let row = sqlx::query(
        "SELECT u.id, u.email, u.role FROM sessions s JOIN staff_users u ON u.id = s.staff_id
         WHERE s.token_hash = ? AND s.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(StaffRow { id: StaffId(r.get("id")), email: r.get("email"), role: Role::parse(r.get("role"))? })
    }))
}

pub async fn delete_session(pool: &SqlitePool, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).execute(pool).await?;
    Ok(())
}

/// Ends every session of a staff account; how many there were.
pub async fn delete_sessions_of(pool: &SqlitePool, staff: StaffId) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE staff_id = ?").bind(staff).execute(pool).await?.rows_affected())
}

/// Failed sign-ins since `since` for the account (hash of the email typed) and from the
/// network (hash of the address).
pub async fn recent_failures(pool: &SqlitePool, account: &str, network: &str, since: &str) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM login_failures WHERE account = ?1 AND at >= ?3),
                (SELECT count(*) FROM login_failures WHERE network = ?2 AND at >= ?3)",
    )
    .bind(account)
    .bind(network)
    .bind(since)
    .fetch_one(pool)
    .await
}

/// Records a failed sign-in and forgets those older than `forget_before`.
pub async fn record_failure(pool: &SqlitePool, account: &str, network: &str, forget_before: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE at < ?").bind(forget_before).execute(pool).await?;
    sqlx::query("INSERT INTO login_failures (account, network) VALUES (?, ?)")
        .bind(account)
        .bind(network)
        .execute(pool)
        .await?;
    Ok(())
}

/// A successful sign-in clears the account's failures.
pub async fn clear_failures(pool: &SqlitePool, account: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE account = ?").bind(account).execute(pool).await?;
    Ok(())
}
