//! Work the server does on its own, on a timer: applying the retention rules and summing
//! the analytics of finished days. Every server runs it; the work is the same whichever
//! does it, so a second server only repeats it.

use sqlx::SqlitePool;
use std::time::Duration;

/// How often the retention rules are applied; the first run comes one period after start,
/// so a server restarting in a loop does not delete in a loop.
const RETENTION_EVERY: Duration = Duration::from_secs(60 * 60);

pub fn start(pool: SqlitePool) {
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
            // Reports sum missing days themselves; this keeps the first report of a day quick.
            if let Err(e) = app::admin::analytics::db::sum_all_sites(&pool).await {
                tracing::error!(error = %e, "summing the analytics failed");
            }
        }
    });
}
