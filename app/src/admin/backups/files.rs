//! Backup files: named by the time they were taken (`patron-2026-11-23T10-15-00Z.db`),
//! written under a temporary name and renamed when complete, so a file with a backup's
//! name is always a whole backup; the newest `keep` are kept.

use super::api::BackupFile;
use crate::db::Db;
use crate::domain::iso_timestamp;
use std::path::{Path, PathBuf};

/// Where backups go and how many are kept (from the configuration).
#[derive(Debug, Clone)]
pub struct BackupPlace {
    pub dir: PathBuf,
    pub keep: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backup directory {dir}: {source}")]
    Dir { dir: String, source: std::io::Error },
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("a PostgreSQL database is backed up with pg_dump, not by Patron")]
    Postgres,
}

const PREFIX: &str = "patron-";
const SUFFIX: &str = ".db";

/// The file name of a backup taken at `now` (`n` > 1: the n-th in the same second).
fn name_at(now: i64, n: u32) -> String {
    let stamp = iso_timestamp(now)[..19].replace(':', "-");
    if n > 1 { format!("{PREFIX}{stamp}Z-{n}{SUFFIX}") } else { format!("{PREFIX}{stamp}Z{SUFFIX}") }
}

/// When the backup named `name` was taken, if it is a backup's name.
fn taken_at(name: &str) -> Option<String> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?.get(..20)?;
    let (date, time) = (stamp.get(..10)?, stamp.get(11..19)?);
    let shape_ok = stamp.as_bytes()[10] == b'T'
        && stamp.ends_with('Z')
        && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        && time.bytes().enumerate().all(|(i, b)| if i == 2 || i == 5 { b == b'-' } else { b.is_ascii_digit() });
    shape_ok.then(|| format!("{date}T{}.000Z", time.replace('-', ":")))
}

fn dir_error(place: &BackupPlace) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Dir { dir: place.dir.display().to_string(), source }
}

/// Takes a backup now, then removes the oldest beyond `keep`.
pub async fn backup(pool: &Db, place: &BackupPlace, now: i64) -> Result<BackupFile, BackupError> {
    if pool.dialect() == crate::db::Dialect::Postgres {
        return Err(BackupError::Postgres);
    }
    std::fs::create_dir_all(&place.dir).map_err(dir_error(place))?;
    let mut n = 1;
    while place.dir.join(name_at(now, n)).exists() {
        n += 1;
    }
    let name = name_at(now, n);
    let partial = place.dir.join(format!(".{name}.partial"));
    // A partial file left by a crash would make VACUUM INTO refuse.
    let _ = std::fs::remove_file(&partial);
    super::db::vacuum_into(pool, &partial).await?;
    // On disk before it gets its name: a power cut must not leave a named, empty backup.
    std::fs::File::open(&partial).and_then(|f| f.sync_all()).map_err(dir_error(place))?;
    let bytes = std::fs::metadata(&partial).map_err(dir_error(place))?.len();
    std::fs::rename(&partial, place.dir.join(&name)).map_err(dir_error(place))?;
    tracing::info!(file = %name, bytes, "backup taken");
    prune(place)?;
    let taken_at = taken_at(&name).unwrap_or_else(|| iso_timestamp(now));
    Ok(BackupFile { name, taken_at, bytes })
}

/// The backups in the directory, newest first (none when it does not exist yet).
pub fn list(place: &BackupPlace) -> Result<Vec<BackupFile>, BackupError> {
    let entries = match std::fs::read_dir(&place.dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(dir_error(place)(e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(dir_error(place))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(taken_at) = taken_at(&name) {
            let bytes = entry.metadata().map_err(dir_error(place))?.len();
            files.push(BackupFile { name, taken_at, bytes });
        }
    }
    // Same second: "-2" after "Z" sorts after the plain name, and is newer.
    files.sort_by(|a, b| (&b.taken_at, b.name.len(), &b.name).cmp(&(&a.taken_at, a.name.len(), &a.name)));
    Ok(files)
}

fn prune(place: &BackupPlace) -> Result<(), BackupError> {
    for old in list(place)?.iter().skip(place.keep.max(1)) {
        std::fs::remove_file(place.dir.join(&old.name)).map_err(dir_error(place))?;
        tracing::info!(file = %old.name, "old backup removed");
    }
    Ok(())
}

/// The backup `which` names: a file name in the directory, a path, or "latest".
pub fn find(place: &BackupPlace, which: &str) -> Result<Option<PathBuf>, BackupError> {
    if which == "latest" {
        return Ok(list(place)?.first().map(|f| place.dir.join(&f.name)));
    }
    let path = if which.contains(std::path::MAIN_SEPARATOR) { PathBuf::from(which) } else { place.dir.join(which) };
    Ok(Path::new(&path).is_file().then_some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_time_they_were_taken() {
        let now = 1_795_428_900; // 2026-11-23T10:15:00Z
        assert_eq!(name_at(now, 1), "patron-2026-11-23T10-15-00Z.db");
        assert_eq!(taken_at(&name_at(now, 1)).as_deref(), Some("2026-11-23T10:15:00.000Z"));
        assert_eq!(taken_at(&name_at(now, 2)).as_deref(), Some("2026-11-23T10:15:00.000Z"));
        for other in [
            "patron.db",
            "patron-2026-11-23.db",
            ".patron-2026-11-23T10-15-00Z.db.partial",
            "x-2026-11-23T10-15-00Z.db",
        ] {
            assert_eq!(taken_at(other), None, "{other}");
        }
    }
}
