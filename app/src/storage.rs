//! Storage faults: a full disk, a read-only file system, the write lock held past the wait.
//!
//! They are not bugs, and not the caller's fault: the operator's disk or another process is
//! in the way, and the same request will work once that passes. So a write that meets one
//! is answered `503` with `Retry-After` (never `500`), the fault is logged once when an
//! episode starts and once when it ends (a full disk under load would otherwise write tens
//! of thousands of identical lines, onto the disk that is full), and `/healthz` reports it
//! until a write commits again, so the load balancer and the monitor learn the truth.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// What a refused write tells the client to wait, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 10;

/// A 503 answer of any kind, told when to come back (`Retry-After`): the one place that
/// sets it for storage faults, health checks and busy writers alike.
pub fn retry_later(mut res: axum::response::Response) -> axum::response::Response {
    res.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from(RETRY_AFTER_SECONDS));
    res
}

/// A fault of the storage under the database, as opposed to a bug or bad input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// `SQLITE_FULL`, or the file system said `ENOSPC`.
    DiskFull,
    /// The file system is read-only, or the file is not writable.
    ReadOnly,
    /// Another connection or process held the write lock past the wait.
    Locked,
    /// The disk failed a read or write.
    Io,
}

impl Fault {
    /// The storage fault behind a database error, if it is one.
    pub fn of(e: &sqlx::Error) -> Option<Fault> {
        match e {
            sqlx::Error::Database(db) => {
                let code = db.code()?;
                // PostgreSQL's codes are five characters (SQLSTATE), SQLite's numbers below
                // 10,000: the disk full, no lock in time, a read-only server, an I/O error.
                if code.len() == 5 {
                    return match code.as_ref() {
                        "53100" => Some(Fault::DiskFull),
                        "55P03" => Some(Fault::Locked),
                        "25006" => Some(Fault::ReadOnly),
                        "58030" => Some(Fault::Io),
                        _ => None,
                    };
                }
                let code: i64 = code.parse().ok()?;
                // SQLite's primary result code is the low byte of the extended one.
                match code & 0xff {
                    13 => Some(Fault::DiskFull),
                    8 => Some(Fault::ReadOnly),
                    5 | 6 => Some(Fault::Locked),
                    10 | 14 | 15 => Some(Fault::Io),
                    _ => None,
                }
            }
            sqlx::Error::PoolTimedOut => Some(Fault::Locked),
            sqlx::Error::Io(io) => {
                Some(io.get_ref().and_then(|inner| inner.downcast_ref::<Fault>()).copied().unwrap_or(match io.kind() {
                    std::io::ErrorKind::StorageFull => Fault::DiskFull,
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => Fault::ReadOnly,
                    _ => Fault::Io,
                }))
            }
            _ => None,
        }
    }

    /// An error that carries this fault through code that only passes `sqlx::Error`s on
    /// (a grouped write's failed commit, answered to every request in the group).
    pub fn into_error(self) -> sqlx::Error {
        sqlx::Error::Io(std::io::Error::other(self))
    }

    /// What the operator reads in the log and on `/healthz`.
    pub fn reason(self) -> &'static str {
        match self {
            Fault::DiskFull => "the disk holding the database is full",
            Fault::ReadOnly => "the database cannot be written (read-only file system or permissions)",
            Fault::Locked => "another process holds the database's write lock",
            Fault::Io => "the disk failed a read or write",
        }
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason())
    }
}

impl std::error::Error for Fault {}

/// A run of refused writes, from the first fault to the next commit.
#[derive(Debug, Clone, Copy)]
pub struct Episode {
    pub fault: Fault,
    pub since: SystemTime,
    /// Writes refused in it so far.
    pub refused: u64,
}

static EPISODE: Mutex<Option<Episode>> = Mutex::new(None);

fn episode() -> std::sync::MutexGuard<'static, Option<Episode>> {
    EPISODE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Notes a failed database call: `Some` (and counted in the episode, which it starts and
/// logs if none is under way) when it is a storage fault, `None` for any other error,
/// which the caller handles as before.
pub fn note(e: &sqlx::Error) -> Option<Fault> {
    let fault = Fault::of(e)?;
    let mut current = episode();
    match current.as_mut() {
        Some(ep) => ep.refused += 1,
        None => {
            tracing::error!(reason = fault.reason(), cause = %e, "writes are failing; answering 503 until they work again");
            *current = Some(Episode { fault, since: SystemTime::now(), refused: 1 });
        }
    }
    Some(fault)
}

/// A write committed: ends the episode under way, if any.
pub fn committed() {
    let ended = episode().take();
    if let Some(ep) = ended {
        let lasted = ep.since.elapsed().unwrap_or(Duration::ZERO).as_secs();
        tracing::warn!(lasted_seconds = lasted, refused = ep.refused, "writes work again");
    }
}

/// The episode under way, for `/healthz`.
pub fn current() -> Option<Episode> {
    *episode()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fault_carried_through_an_io_error_is_found_again() {
        assert_eq!(Fault::of(&Fault::DiskFull.into_error()), Some(Fault::DiskFull));
        let enospc = sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::StorageFull));
        assert_eq!(Fault::of(&enospc), Some(Fault::DiskFull));
        assert_eq!(Fault::of(&sqlx::Error::RowNotFound), None);
    }
}
