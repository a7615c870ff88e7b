//! The appender: one background task takes every event waiting at that moment and
//! appends them to the analytics inbox in one transaction; each request is answered once
//! that commit is done.
//!
//! It commits on a connection of its own with `synchronous = NORMAL` (SQLite): its commits
//! do not wait for the disk, so a 204 means the event is in the database and survives
//! Patron stopping or crashing, but the last moments of events before a power cut may be
//! lost (until the next fsync: any commit of what a person typed, which stays `FULL`, or a
//! checkpoint). Statistics can lose that; a signup cannot. With `FULL` each batch waited for
//! an fsync (~2 ms on the benchmark machine), which capped 64 waiting trackers at about
//! 64 / 2 ms whatever the server did.
//!
//! On PostgreSQL an append takes no writers' lock (`db::writer_lock`): the inbox has no
//! sums to keep, so servers append side by side.

use super::Job;
use super::mover::Mover;
use app::analytics::db as analytics_db;
use app::analytics::inbox::{self, Received};
use app::db::{Conn, Db, Dialect};
use app::domain::SiteId;
use sqlx::Connection;
use tokio::sync::mpsc;

/// Events appended per transaction at most.
const MAX_BATCH: usize = 1000;

/// Appends what waits until the last sender is gone.
pub(super) async fn appender(pool: Db, mut jobs: mpsc::Receiver<Job>, mover: Mover) {
    // The appender's own connection, opened again after an error.
    let mut conn: Option<Conn> = None;
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(job) = jobs.recv().await {
        batch.push(job);
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        mover.arriving();
        let stored = match append_batch(&pool, &mut conn, &batch).await {
            Ok(()) => {
                app::storage::committed();
                true
            }
            Err(e) => {
                // A storage fault is logged once for its episode, not once per batch.
                if app::storage::note(&e).is_none() {
                    tracing::error!(error = %e, events = batch.len(), "analytics: appending a batch");
                }
                conn = None;
                false
            }
        };
        mover.appended();
        for job in batch.drain(..) {
            let _ = job.done.send(stored);
        }
    }
}

/// The connection kept in `slot`, or a new one put there (after an error the caller empties
/// it): taken out of the pool for good, its commits (on SQLite) do not wait for the disk.
pub(super) async fn relaxed_connection<'c>(pool: &Db, slot: &'c mut Option<Conn>) -> Result<&'c mut Conn, sqlx::Error> {
    if let Some(conn) = slot {
        return Ok(conn);
    }
    let mut conn = pool.acquire().await?.detach();
    if pool.dialect() == Dialect::Sqlite {
        sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut conn).await?;
    }
    Ok(slot.insert(conn))
}

async fn append_batch(pool: &Db, conn: &mut Option<Conn>, batch: &[Job]) -> Result<(), sqlx::Error> {
    let fresh = app::tokens::new_token().map_err(|e| sqlx::Error::Protocol(format!("random salt: {e}")))?;
    let conn = relaxed_connection(pool, conn).await?;
    let at = app::db::now();
    // SQLite: this process's turn, and the write lock at once (see `Db::begin_write`).
    let (_turn, mut tx) = match pool.dialect() {
        Dialect::Sqlite => (Some(app::writer::turn().await), conn.begin_with("BEGIN IMMEDIATE").await?),
        Dialect::Postgres => (None, conn.begin().await?),
    };
    // Read in each batch (three short statements): the stored salt is the one every server
    // uses, and yesterday's is gone with the day's first batch.
    let todays = analytics_db::todays_salt(&mut tx, &fresh).await?;
    let mut events = Vec::with_capacity(batch.len());
    for job in batch {
        let visitor = visitor_hash(&todays, job.site, &job.ip, &job.user_agent);
        for (event, token) in &job.events {
            events.push(Received {
                site: job.site,
                visitor: visitor.clone(),
                token_hash: token.as_deref().map(app::tokens::hash),
                at: at.clone(),
                event: event.clone(),
            });
        }
    }
    inbox::append(&mut tx, &events).await?;
    tx.commit().await
}

/// The day's visitor key: SHA-256 of salt, site, IP and user agent, cut to 128 bits.
fn visitor_hash(salt: &str, site: SiteId, ip: &str, user_agent: &str) -> String {
    let joined = [salt, &site.0.to_string(), ip, user_agent].join("\0");
    app::tokens::hash(&joined)[..32].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_visitor_key_depends_on_salt_site_ip_and_agent() {
        let a = visitor_hash("salt1", SiteId(1), "10.0.0.1", "Firefox");
        assert_eq!(a.len(), 32);
        assert_eq!(a, visitor_hash("salt1", SiteId(1), "10.0.0.1", "Firefox"));
        assert_ne!(a, visitor_hash("salt2", SiteId(1), "10.0.0.1", "Firefox"), "a new day, a new visitor");
        assert_ne!(a, visitor_hash("salt1", SiteId(2), "10.0.0.1", "Firefox"));
        assert_ne!(a, visitor_hash("salt1", SiteId(1), "10.0.0.2", "Firefox"));
    }
}
