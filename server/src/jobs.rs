//! Work the server does on its own, on a timer: applying the retention rules, summing the
//! analytics of finished days, firing the sites' automation rules, and a backup a day. With
//! several servers on one database, each period's retention and automation run on one of
//! them: the server whose tick comes first takes the job's lease for the period
//! (`app::db::lease`), and the others skip their tick (an automation run is also claimed in
//! the database, so even two at once would fire it once). Backups are each server's own.

use app::db::Db;
use std::time::Duration;

/// How often the retention rules are applied; the first run comes one period after start,
/// so a server restarting in a loop does not delete in a loop.
const RETENTION_EVERY: Duration = Duration::from_secs(60 * 60);

/// How often the automation rules are checked: a low score or an arrival is followed up
/// within minutes, and a dormant customer's win-back is not waiting for the hour.
const AUTOMATION_EVERY: Duration = Duration::from_secs(5 * 60);

pub fn start(pool: Db, link_origin: String) {
    let automation_pool = pool.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + AUTOMATION_EVERY, AUTOMATION_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            automation(&automation_pool, &link_origin).await;
        }
    });
    tokio::spawn(async move {
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + RETENTION_EVERY, RETENTION_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            hourly(&pool).await;
        }
    });
}

/// Whether this server does `job` this period: its lease lasts a little less than the
/// period, so the server that did it last time gets it again on its next tick, and the
/// others (whose ticks fall in between) find it held. If that server stops, another takes
/// the job at its first tick after the lease ended.
async fn mine(pool: &Db, job: &str, period: Duration) -> bool {
    let lease = period.as_secs() as i64 * 9 / 10;
    match app::db::lease::take(pool, job, lease).await {
        Ok(taken) => taken,
        Err(e) => {
            tracing::error!(error = %e, job, "could not take the job's lease");
            false
        }
    }
}

/// One tick of automation, if this server does it this period; whether it ran.
pub async fn automation(pool: &Db, link_origin: &str) -> bool {
    if !mine(pool, "automation", AUTOMATION_EVERY).await {
        return false;
    }
    match app::automation::db::run_all(pool, link_origin, app::server_ctx::now()).await {
        Ok(fired) => app::automation::db::log_run(&fired),
        // What fired is committed with its mails; the rest fires on the next tick.
        Err(e) => tracing::error!(error = %e, "automation job failed"),
    }
    true
}

/// The hourly work, if this server does it this hour; whether it ran.
pub async fn hourly(pool: &Db) -> bool {
    if !mine(pool, "hourly", RETENTION_EVERY).await {
        return false;
    }
    match app::admin::retention::db::apply(pool).await {
        Ok(done) => app::admin::retention::log_run(&done),
        // The next run tries again; nothing is half-done (each part is one transaction).
        Err(e) => tracing::error!(error = %e, "retention job failed"),
    }
    if let Err(e) = crate::public_limit::forget_old(pool).await {
        tracing::error!(error = %e, "forgetting old public post counts failed");
    }
    if let Err(e) = app::public_pages::my_page::db::forget_old(pool).await {
        tracing::error!(error = %e, "forgetting old sign-in links failed");
    }
    // Reports sum missing days themselves; this keeps the first report of a day quick.
    if let Err(e) = app::admin::analytics::db::sum_all_sites(pool).await {
        tracing::error!(error = %e, "summing the analytics failed");
    }
    true
}

/// Takes a backup every `every` (a day by default), keeping the newest `place.keep`. The
/// first comes `every` after the newest backup there is, and never sooner than a minute
/// after start, so a server restarting in a loop does not back up in a loop.
pub fn start_backups(pool: Db, place: app::admin::backups::files::BackupPlace, every: Duration) {
    use app::admin::backups::files;
    tokio::spawn(async move {
        loop {
            let newest_age = files::list(&place)
                .ok()
                .and_then(|list| list.into_iter().next())
                .and_then(|newest| std::fs::metadata(place.dir.join(newest.name)).ok())
                .and_then(|m| m.modified().ok())
                .and_then(|at| at.elapsed().ok());
            let wait = newest_age.map_or(Duration::ZERO, |age| every.saturating_sub(age)).max(Duration::from_secs(60));
            tokio::time::sleep(wait).await;
            let now = app::server_ctx::now();
            match files::backup(&pool, &place, now).await {
                Ok(file) => {
                    let detail = format!("daily backup: {}", file.name);
                    if let Err(e) =
                        app::staff::audit::record_command(&pool, app::staff::audit::AuditAction::BackedUp, &detail)
                            .await
                    {
                        tracing::error!(error = %e, "the backup was taken, its audit line was not written");
                    }
                }
                // Tried again a period later; the disk may be full (the health check says so).
                Err(e) => {
                    tracing::error!(error = %e, "the daily backup failed");
                    tokio::time::sleep(every.min(Duration::from_secs(3600))).await;
                }
            }
        }
    });
}
