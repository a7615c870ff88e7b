//! Random tokens handed to browsers (staff session cookies, visitor links) and the hash the
//! database keeps instead, so a copy of the database does not let anyone act as them.

use sha2::{Digest, Sha256};

/// A fresh token: 32 random bytes, hex-encoded (64 characters).
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// What the database stores for a token: its SHA-256, hex-encoded.
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_hash_of_a_token_is_kept() {
        let t = new_token().unwrap();
        assert_eq!(t.len(), 64);
        assert_eq!(hash(&t).len(), 64);
        assert_ne!(hash(&t), t);
        assert_ne!(new_token().unwrap(), t);
    }
}
