//! Where the master key comes from: `PATRON_SECRET_KEY`, a key file named by
//! `PATRON_KEY_FILE`, or — when neither is set — `patron.key` beside the database,
//! generated on first run. The last keeps the demo and a first install working, but a
//! stolen data directory then holds both lock and key: the server says so at start and
//! the admin shows it to owners.

use super::cipher::PiiKey;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A master key as configured: 64 hex digits. `Debug` never shows it.
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("a key is 64 hexadecimal digits (32 random bytes, e.g. from `openssl rand -hex 32`)")]
pub struct MalformedKey;

impl std::str::FromStr for SecretKey {
    type Err = MalformedKey;
    fn from_str(s: &str) -> Result<Self, MalformedKey> {
        let bytes = hex::decode(s.trim()).map_err(|_| MalformedKey)?;
        Ok(SecretKey(bytes.try_into().map_err(|_| MalformedKey)?))
    }
}

/// Where the key in use came from.
#[derive(Debug, Clone, PartialEq)]
pub enum KeySource {
    Environment,
    File(PathBuf),
    /// Not configured: the generated file beside the database.
    BesideDatabase(PathBuf),
}

impl KeySource {
    pub fn is_configured(&self) -> bool {
        !matches!(self, KeySource::BesideDatabase(_))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("set either PATRON_SECRET_KEY or PATRON_KEY_FILE, not both")]
    Both,
    #[error("could not read the key file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the key file {path}: {source}")]
    Malformed { path: String, source: MalformedKey },
    #[error("could not write the key file {path}: {source}")]
    Write { path: String, source: std::io::Error },
}

/// The key in use and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedKey {
    pub key: Arc<PiiKey>,
    pub source: KeySource,
}

/// Loads the configured key, or the one beside the database (made now if missing).
pub fn load(secret: Option<&SecretKey>, file: Option<&Path>, beside: &Path) -> Result<LoadedKey, KeyError> {
    let (master, source) = match (secret, file) {
        (Some(_), Some(_)) => return Err(KeyError::Both),
        (Some(secret), None) => (secret.0, KeySource::Environment),
        (None, Some(path)) => (read(path)?, KeySource::File(path.to_owned())),
        (None, None) => {
            let path = beside.to_owned();
            let master = if path.exists() { read(&path)? } else { create(&path, &PiiKey::generate_master())? };
            (master, KeySource::BesideDatabase(path))
        }
    };
    Ok(LoadedKey { key: Arc::new(PiiKey::from_master(&master)), source })
}

pub fn read(path: &Path) -> Result<[u8; 32], KeyError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| KeyError::Read { path: path.display().to_string(), source })?;
    let key: SecretKey =
        text.parse().map_err(|source| KeyError::Malformed { path: path.display().to_string(), source })?;
    Ok(key.0)
}

/// Writes a new key file readable by its owner only; never overwrites one.
pub fn create(path: &Path, master: &[u8; 32]) -> Result<[u8; 32], KeyError> {
    let fail = |source| KeyError::Write { path: path.display().to_string(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(format!("{}\n", hex::encode(master)).as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    Ok(*master)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_64_hex_digits() {
        assert!("ab".repeat(32).parse::<SecretKey>().is_ok());
        assert!(format!(" {}\n", "AB".repeat(32)).parse::<SecretKey>().is_ok());
        assert_eq!("ab".repeat(31).parse::<SecretKey>().err(), Some(MalformedKey));
        assert_eq!("zz".repeat(32).parse::<SecretKey>().err(), Some(MalformedKey));
        assert_eq!(format!("{:?}", "ab".repeat(32).parse::<SecretKey>().unwrap()), "SecretKey(…)");
    }

    #[test]
    fn without_configuration_a_key_is_made_once_beside_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/patron.key");
        let first = load(None, None, &path).unwrap();
        let again = load(None, None, &path).unwrap();
        assert_eq!(first.key.fingerprint(), again.key.fingerprint());
        assert!(!first.source.is_configured());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn a_configured_key_wins_and_both_at_once_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let beside = dir.path().join("patron.key");
        let secret: SecretKey = "01".repeat(32).parse().unwrap();
        let loaded = load(Some(&secret), None, &beside).unwrap();
        assert_eq!(loaded.source, KeySource::Environment);
        assert!(!beside.exists());
        assert!(matches!(load(Some(&secret), Some(&beside), &beside), Err(KeyError::Both)));
    }
}
