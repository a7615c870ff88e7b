//! SQL of staff accounts and sessions.

use super::passwords::PasswordHashString;
use crate::db::Db;
use crate::domain::{Email, Role, StaffId};
use crate::staff::session::LIFETIME_DAYS;
use sqlx::Row;

pub async fn staff_exists(pool: &Db) -> sqlx::Result<bool> {
    Ok(sqlx::query_scalar::<_, crate::db::Flag>("SELECT EXISTS (SELECT 1 FROM staff_users)").fetch_one(pool).await?.0)
}

/// Creates the owner only if there is no staff user yet and `setup_hash` is a live set-up
/// code's; `None` when someone was first or the code is not one. In a writing transaction,
/// so two browsers racing through the first-run page make one owner on either database
/// (PostgreSQL's statements would each see no staff yet); the codes go with it.
pub async fn create_first_owner(
    pool: &Db,
    email: &Email,
    hash: &PasswordHashString,
    setup_hash: &str,
) -> sqlx::Result<Option<StaffId>> {
    let mut tx = pool.begin_write().await?;
    let id = sqlx::query_scalar(
        "INSERT INTO staff_users (email, password_hash, role)
         SELECT $1, $2, 'owner' WHERE NOT EXISTS (SELECT 1 FROM staff_users)
           AND EXISTS (SELECT 1 FROM setup_tokens
                       WHERE token_hash = $3 AND expires_at > $4)
         RETURNING id",
    )
    .bind(email.as_str())
    .bind(hash.as_str())
    .bind(setup_hash)
    .bind(crate::db::now())
    .fetch_optional(&mut *tx)
    .await?;
    if id.is_some() {
        sqlx::query("DELETE FROM setup_tokens").execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Whether `setup_hash` is a live set-up code's (checked before the password is hashed).
pub async fn setup_token_works(pool: &Db, setup_hash: &str) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2")
        .bind(setup_hash)
        .bind(crate::db::now())
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// Creates a staff user; `None` if the email is taken.
pub async fn create_staff(
    pool: &Db,
    email: &Email,
    hash: &PasswordHashString,
    role: Role,
) -> sqlx::Result<Option<StaffId>> {
    sqlx::query_scalar(
        "INSERT INTO staff_users (email, password_hash, role) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email.as_str())
    .bind(hash.as_str())
    .bind(role.as_str())
    .fetch_optional(pool)
    .await
}

/// The account and password hash for a sign-in attempt.
pub async fn credentials(pool: &Db, email: &str) -> sqlx::Result<Option<(StaffId, PasswordHashString)>> {
    let row = sqlx::query("SELECT id, password_hash FROM staff_users WHERE email = $1")
        .bind(email)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(|r| (StaffId(r.get("id")), PasswordHashString::from_db(r.get("password_hash")))))
}

pub async fn create_session(pool: &Db, staff: StaffId, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, staff_id, expires_at)
         VALUES ($1, $2, $3)",
    )
    .bind(token_hash)
    .bind(staff)
    .bind(crate::db::now_plus(LIFETIME_DAYS * 86_400))
    .execute(pool)
    .await?;
    // Sweeping here keeps the table small without a scheduler; it is an indexed delete.
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(crate::db::now()).execute(pool).await?;
    Ok(())
}

/// The staff member behind a live session.
pub async fn delete_session(pool: &Db, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

/// Ends every session of a staff account; how many there were.
pub async fn delete_sessions_of(pool: &Db, staff: StaffId) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM sessions WHERE staff_id = $1").bind(staff).execute(pool).await?.rows_affected())
}

/// Records a sign-in attempt unless one of `limits` — attempts of the account from the
/// network, of the network, of the account — is reached since `since`; its row id, or
/// `None` when refused. Counted in a writing transaction (`Db::begin_write`: SQLite's write
/// lock, PostgreSQL's writer lock), so parallel attempts are counted one after another: a
/// lone INSERT … SELECT let PostgreSQL's parallel statements each count the rows committed
/// before it began, and six or seven of sixty parallel guesses reached the password check.
/// The commit is awaited before the answer (an autocommitted statement read with
/// `fetch_optional` commits when sqlx resets it, which ignores errors: a suspect for the
/// one run on SQLite where six got through). Attempts older than the window are forgotten
/// in the same transaction.
pub async fn count_attempt(
    pool: &Db,
    account: &str,
    network: &str,
    since: &str,
    [per_pair, per_network, per_account]: [i64; 3],
) -> sqlx::Result<Option<i64>> {
    let mut tx = pool.begin_write().await?;
    sqlx::query("DELETE FROM login_failures WHERE at < $1").bind(since).execute(&mut *tx).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO login_failures (account, network)
         SELECT $1, $2
         WHERE (SELECT count(*) FROM login_failures WHERE account = $1 AND network = $2 AND at >= $3) < $4
           AND (SELECT count(*) FROM login_failures WHERE network = $2 AND at >= $3) < $5
           AND (SELECT count(*) FROM login_failures WHERE account = $1 AND at >= $3) < $6
         RETURNING id",
    )
    .bind(account)
    .bind(network)
    .bind(since)
    .bind(per_pair)
    .bind(per_network)
    .bind(per_account)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A successful sign-in clears the account's attempts from its network (this one included).
pub async fn clear_failures(pool: &Db, account: &str, network: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE account = $1 AND network = $2")
        .bind(account)
        .bind(network)
        .execute(pool)
        .await?;
    Ok(())
}

/// Whether the browser's device token belongs to the account with this email.
pub async fn is_device_of(pool: &Db, token_hash: &str, email: &str) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM staff_devices d JOIN staff_users u ON u.id = d.staff_id WHERE d.token_hash = $1 AND u.email = $2",
    )
    .bind(token_hash)
    .bind(email)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Remembers a browser the staff member signed in on.
pub async fn add_device(pool: &Db, staff: StaffId, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO staff_devices (token_hash, staff_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(token_hash)
        .bind(staff)
        .execute(pool)
        .await?;
    Ok(())
}

/// A one-time set-up code for the first-run page, valid for a week (Patron prints it when
/// it starts with no staff).
pub async fn add_setup_token(pool: &Db, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO setup_tokens (token_hash, expires_at) VALUES ($1, $2)")
        .bind(token_hash)
        .bind(crate::db::now_plus(7 * 86_400))
        .execute(pool)
        .await?;
    Ok(())
}
