//! Work the server does on its own, on a timer: applying the retention rules, summing the
//! analytics of finished days, and firing the sites' automation rules. Every server runs it;
//! the work is the same whichever does it, so a second server only repeats it (an automation
//! run is claimed in the database, so it fires once).

use sqlx::SqlitePool;
use std::time::Duration;

/// How often the retention rules are applied; the first run comes one period after start,
/// so a server restarting in a loop does not delete in a loop.
const RETENTION_EVERY: Duration = Duration::from_secs(60 * 60);

/// How often the automation rules are checked: a low score or an arrival is followed up
/// within minutes, and a dormant customer's win-back is not waiting for the hour.
const AUTOMATION_EVERY: Duration = Duration::from_secs(5 * 60);

pub fn start(pool: SqlitePool, link_origin: String) {
    let automation_pool = pool.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + AUTOMATION_EVERY, AUTOMATION_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let now = app::server_ctx::now();
            match app::automation::db::run_all(&automation_pool, &link_origin, now).await {
                Ok(fired) => app::automation::db::log_run(&fired),
                // What fired is committed with its mails; the rest fires on the next tick.
                Err(e) => tracing::error!(error = %e, "automation job failed"),
            }
        }
    });
    tokio::spawn(async move {
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + RETENTION_EVERY, RETENTION_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match app::admin::retention::db::apply(&pool).await {
                Ok(done) => app::admin::retention::log_run(&done),
                // The next run tries again; nothing is half-done (each part is one transaction).
                Err(e) => tracing::error!(error = %e, "retention job failed"),
            }
            if let Err(e) = crate::public_limit::forget_old(&pool).await {
                tracing::error!(error = %e, "forgetting old public post counts failed");
            }
            if let Err(e) = app::public_pages::my_page::db::forget_old(&pool).await {
                tracing::error!(error = %e, "forgetting old sign-in links failed");
            }
            // Reports sum missing days themselves; this keeps the first report of a day quick.
            if let Err(e) = app::admin::analytics::db::sum_all_sites(&pool).await {
                tracing::error!(error = %e, "summing the analytics failed");
            }
        }
    });
}
