//! Password hashing with argon2id, always off the async threads.

use crate::domain::Password;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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

/// Password hashes at once. argon2 takes ~19 MiB and a core for tens of milliseconds, so a
/// flood of sign-ins queues here instead of starving the server: one core is left for
/// the shop's widgets (on two cores, one hash at a time: ~20 sign-ins a second).
fn turns() -> &'static tokio::sync::Semaphore {
    static TURNS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    TURNS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// How long a sign-in waits for its turn before it is told Patron is busy (the attempt
/// was counted before it queued, so waiting out a flood earns an attacker nothing).
const TURN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The largest memory cost accepted from a stored hash, in KiB: 64 MiB (ours is 19).
const MAX_MEMORY_KIB: u32 = 64 * 1024;

/// argon2's working memory, one per turn, kept and reused. Allocated per hash (as
/// `PasswordVerifier` does), 19 MiB blocks came from whichever allocator arena the blocking
/// thread had, and the arenas kept them: a sign-in flood left the server at ~700 MB for
/// good. With at most one buffer per turn, hashing's memory is bounded once and for all.
static MEMORY: std::sync::Mutex<Vec<Vec<Block>>> = std::sync::Mutex::new(Vec::new());

/// Runs `work` with a turn and a working memory of `blocks` blocks, on the blocking pool.
async fn with_memory<T: Send + 'static>(
    blocks: usize,
    work: impl FnOnce(&mut [Block]) -> Result<T, HashError> + Send + 'static,
) -> Result<T, HashError> {
    let _turn = tokio::time::timeout(TURN_WAIT, turns().acquire())
        .await
        .map_err(|_| HashError::Busy)?
        .map_err(|_| HashError::Busy)?;
    tokio::task::spawn_blocking(move || {
        let taken = MEMORY.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut memory = taken.unwrap_or_default();
        if memory.len() < blocks {
            memory.resize(blocks, Block::new());
        }
        let result = work(&mut memory[..blocks]);
        MEMORY.lock().unwrap_or_else(|p| p.into_inner()).push(memory);
        result
    })
    .await?
}

/// OWASP's first recommended argon2id setting: 19 MiB of memory, 2 passes, 1 lane.
fn params() -> Params {
    Params::new(19 * 1024, 2, 1, None).expect("static argon2 parameters are valid")
}

fn argon2_error(e: impl std::fmt::Display) -> HashError {
    HashError::Argon2(e.to_string())
}

fn hash_with(password: &[u8], memory: &mut [Block]) -> Result<PasswordHashString, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| HashError::Random(e.to_string()))?;
    let salt_string = SaltString::encode_b64(&salt).map_err(argon2_error)?;
    let params = params();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(password, &salt, &mut out, memory)
        .map_err(argon2_error)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(argon2_error)?,
        salt: Some(salt_string.as_salt()),
        hash: Some(Output::new(&out).map_err(argon2_error)?),
    };
    Ok(PasswordHashString(phc.to_string()))
}

/// Hashes a new password on the blocking pool (it takes ~50 ms of CPU on purpose).
pub async fn hash(password: Password) -> Result<PasswordHashString, HashError> {
    with_memory(params().block_count(), move |memory| hash_with(password.expose().as_bytes(), memory)).await
}

/// A stored hash taken apart: what to compute again, and what it must equal.
struct Stored {
    argon2: Argon2<'static>,
    blocks: usize,
    salt: Vec<u8>,
    expected: Output,
}

fn parse_stored(stored: &str) -> Result<Stored, HashError> {
    let parsed = PasswordHash::new(stored).map_err(argon2_error)?;
    let params = Params::try_from(&parsed).map_err(argon2_error)?;
    if params.m_cost() > MAX_MEMORY_KIB {
        return Err(HashError::Argon2(format!("a stored hash asks for {} KiB", params.m_cost())));
    }
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(argon2_error)?;
    let version = parsed.version.map(Version::try_from).transpose().map_err(argon2_error)?.unwrap_or_default();
    let mut salt = [0u8; 64];
    let salt = parsed.salt.ok_or_else(|| argon2_error("no salt"))?.decode_b64(&mut salt).map_err(argon2_error)?;
    let expected = parsed.hash.ok_or_else(|| argon2_error("no hash"))?;
    Ok(Stored {
        blocks: params.block_count(),
        argon2: Argon2::new(algorithm, version, params),
        salt: salt.to_vec(),
        expected,
    })
}

/// Checks a password against a stored hash. With `None` (no such user) it verifies against
/// a dummy hash anyway, so the answer takes as long as for a real account.
pub async fn verify(stored: Option<PasswordHashString>, candidate: String) -> Result<bool, HashError> {
    static DUMMY: OnceLock<PasswordHashString> = OnceLock::new();
    let known = stored.is_some();
    let stored = match stored {
        Some(h) => h,
        None => match DUMMY.get() {
            Some(h) => h.clone(),
            None => {
                let dummy = hash(Password::parse("patron-dummy-password".into()).expect("a valid password")).await?;
                DUMMY.get_or_init(|| dummy).clone()
            }
        },
    };
    let stored = parse_stored(stored.as_str())?;
    with_memory(stored.blocks, move |memory| {
        let mut out = vec![0u8; stored.expected.len()];
        stored
            .argon2
            .hash_password_into_with_memory(candidate.as_bytes(), &stored.salt, &mut out, memory)
            .map_err(argon2_error)?;
        // `Output`'s equality takes the same time wherever the first difference lies.
        let matches = Output::new(&out).map_err(argon2_error)? == stored.expected;
        Ok(known && matches)
    })
    .await
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
    async fn hashing_memory_is_one_buffer_per_turn_however_many_checks() {
        let h = hash(Password::parse("correct horse battery".into()).unwrap()).await.unwrap();
        let checks = (0..6).map(|_| verify(Some(h.clone()), "wrong horse battery".into()));
        for ok in futures_util::future::join_all(checks).await {
            assert!(!ok.unwrap());
        }
        let kept = MEMORY.lock().unwrap().len();
        assert!((1..=turns().available_permits().max(1)).contains(&kept), "{kept} buffers kept");
    }

    #[tokio::test]
    async fn an_unknown_user_never_verifies() {
        assert!(!verify(None, "patron-dummy-password".into()).await.unwrap());
    }
}
