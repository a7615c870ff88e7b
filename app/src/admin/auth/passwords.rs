//! Password hashing with argon2id, always off the async threads.

use crate::domain::Password;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;

/// An argon2id PHC string. Never serialised, never shown: it lives only on the server.
#[derive(Clone)]
pub struct PasswordHashString(String);

impl PasswordHashString {
    /// Wraps a hash read from the database.
    pub fn from_db(s: String) -> Self {
        PasswordHashString(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashString(<redacted>)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("argon2: {0}")]
    Argon2(String),
    #[error("the hashing task failed: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("no randomness for a salt: {0}")]
    Random(String),
    #[error("too many password checks waiting")]
    Busy,
}

/// Password checks at once: one per core. argon2 takes ~19 MiB and a core for tens of
/// milliseconds, so a flood of sign-ins queues here instead of starving the server.
fn checks() -> &'static tokio::sync::Semaphore {
    static CHECKS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    CHECKS.get_or_init(|| tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// How long a sign-in waits for its turn before it is told Patron is busy.
const CHECK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// OWASP's first recommended argon2id setting: 19 MiB of memory, 2 passes, 1 lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("static argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> Result<PasswordHashString, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| HashError::Random(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError::Argon2(e.to_string()))?;
    let hash = argon2().hash_password(password.as_bytes(), &salt).map_err(|e| HashError::Argon2(e.to_string()))?;
    Ok(PasswordHashString(hash.to_string()))
}

/// Hashes a new password on the blocking pool (it takes ~50 ms of CPU on purpose).
pub async fn hash(password: Password) -> Result<PasswordHashString, HashError> {
    tokio::task::spawn_blocking(move || hash_blocking(password.expose())).await?
}

/// Checks a password against a stored hash. With `None` (no such user) it verifies against
/// a dummy hash anyway, so the answer takes as long as for a real account.
pub async fn verify(stored: Option<PasswordHashString>, candidate: String) -> Result<bool, HashError> {
    static DUMMY: OnceLock<PasswordHashString> = OnceLock::new();
    let _turn = tokio::time::timeout(CHECK_WAIT, checks().acquire())
        .await
        .map_err(|_| HashError::Busy)?
        .map_err(|_| HashError::Busy)?;
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = match stored {
            Some(h) => h,
            None => match DUMMY.get() {
                Some(h) => h.clone(),
                None => DUMMY.get_or_init(|| hash_blocking("patron-dummy-password").expect("dummy hash")).clone(),
            },
        };
        let parsed = PasswordHash::new(stored.as_str()).map_err(|e| HashError::Argon2(e.to_string()))?;
        let matches = argon2().verify_password(candidate.as_bytes(), &parsed).is_ok();
        Ok(known && matches)
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let h = hash(Password::parse("correct horse battery".into()).unwrap()).await.unwrap();
        assert!(h.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify(Some(h.clone()), "correct horse battery".into()).await.unwrap());
        assert!(!verify(Some(h), "correct horse batterz".into()).await.unwrap());
    }

    #[tokio::test]
    async fn an_unknown_user_never_verifies() {
        assert!(!verify(None, "patron-dummy-password".into()).await.unwrap());
    }
}
