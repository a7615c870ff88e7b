//! Leases on the work servers do on a timer (migration 0053): with several Patron servers
//! on one database, a job runs on one of them per period. Taking a lease is one statement
//! (an upsert that only replaces a lease that has ended), so two servers asking at the
//! same moment cannot both get it, on SQLite as on PostgreSQL.

use super::Db;
use std::sync::OnceLock;

/// This server process, as leases name their holder: random, so two processes on one
/// machine (or restarted with the same pid) never pass for each other.
pub fn holder() -> &'static str {
    static HOLDER: OnceLock<String> = OnceLock::new();
    HOLDER.get_or_init(|| {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).expect("the operating system's random source");
        format!("{}-{}", std::process::id(), hex::encode(bytes))
    })
}

/// Takes the lease on `job` for `seconds` from now, for [`holder`]; whether it was free
/// (never taken, or its last lease has ended). A lease this process holds is not taken
/// again before it ends: the job waits for its next period.
pub async fn take(pool: &Db, job: &str, seconds: i64) -> sqlx::Result<bool> {
    let taken: Option<String> = sqlx::query_scalar(
        "INSERT INTO job_leases (name, holder, until) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
             WHERE job_leases.until <= $4
         RETURNING holder",
    )
    .bind(job)
    .bind(holder())
    .bind(super::now_plus(seconds))
    .bind(super::now())
    .fetch_optional(pool)
    .await?;
    Ok(taken.is_some())
}
