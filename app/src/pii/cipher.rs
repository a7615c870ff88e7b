//! The cipher behind PII at rest, and the blind indexes that let SQL find sealed values.
//!
//! A sealed value is text: `pii1.` and the base64url of a fresh 24-byte nonce followed by
//! the XChaCha20-Poly1305 ciphertext and tag. Text, so the STRICT `TEXT` columns keep
//! their type; a random nonce per value, so equal emails do not look equal. The blind
//! indexes are keyed hashes (HMAC-SHA256) under a second key derived from the same
//! master key: equal inputs give equal hashes, which is what lookup and uniqueness need,
//! and without the key nobody can test a guess against them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What every sealed value starts with.
pub const PREFIX: &str = "pii1.";
const NONCE_LEN: usize = 24;
/// How many characters past a lookup key's first ones still narrow it, a byte each.
const DEEPER: usize = 5;

/// The master key's two working keys. Never printed: `Debug` shows the fingerprint only.
#[derive(Clone)]
pub struct PiiKey {
    cipher: XChaCha20Poly1305,
    /// HMAC-SHA256 under the index key with the key already absorbed: each blind index
    /// clones it instead of hashing the key's two pads again, half the SHA-256 work of a
    /// MAC of a short value (an imported customer takes ~20: keyed hashes and the lookup
    /// buckets of `prefix`; SHA-256 was 9 % of the import's CPU).
    index_mac: Hmac<Sha256>,
    fingerprint: String,
}

impl std::fmt::Debug for PiiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PiiKey").field("fingerprint", &self.fingerprint).finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("a value is not sealed by this key (wrong key, or a damaged database)")]
pub struct CannotOpen;

impl PiiKey {
    /// The working keys are HMAC-SHA256 of the master key with a label each: the master key
    /// is 32 random bytes, so this one-block expansion is HKDF-Expand without the extract.
    pub fn from_master(master: &[u8; 32]) -> PiiKey {
        let derive = |label: &str| -> [u8; 32] {
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(master).expect("HMAC takes any key length");
            mac.update(label.as_bytes());
            mac.finalize().into_bytes().into()
        };
        let cipher = XChaCha20Poly1305::new(&derive("patron pii cipher v1").into());
        let fingerprint = hex::encode(&derive("patron key fingerprint v1")[..8]);
        let index_mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&derive("patron pii index v1")).expect("HMAC takes any key length");
        PiiKey { cipher, index_mac, fingerprint }
    }

    /// 32 fresh random bytes for a new master key.
    pub fn generate_master() -> [u8; 32] {
        let mut master = [0u8; 32];
        getrandom::fill(&mut master).expect("the operating system's random source");
        master
    }

    /// Names the key without revealing it: the database records the fingerprint of the key
    /// that sealed it, so a server started with another key stops instead of failing later.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Seals `plain`. The empty string stays empty: that a field is blank is no secret,
    /// and the data-quality checks for missing names need to see it.
    pub fn seal(&self, plain: &str) -> String {
        if plain.is_empty() {
            return String::new();
        }
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system's random source");
        let sealed =
            self.cipher.encrypt(XNonce::from_slice(&nonce), plain.as_bytes()).expect("encryption of a short value");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The plain text of a value [`seal`](Self::seal) made with this key.
    pub fn open(&self, sealed: &str) -> Result<String, CannotOpen> {
        if sealed.is_empty() {
            return Ok(String::new());
        }
        let body = sealed.strip_prefix(PREFIX).ok_or(CannotOpen)?;
        let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| CannotOpen)?;
        if bytes.len() < NONCE_LEN {
            return Err(CannotOpen);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let plain = self.cipher.decrypt(XNonce::from_slice(nonce), ciphertext).map_err(|_| CannotOpen)?;
        String::from_utf8(plain).map_err(|_| CannotOpen)
    }

    /// Whether `value` has the shape of a sealed value (empty counts as sealed: it needs no
    /// sealing). Only the shape, as the sweep at start checks it in SQL (`PREFIX`).
    pub fn looks_sealed(value: &str) -> bool {
        value.is_empty() || value.starts_with(PREFIX)
    }

    /// The blind index of a whole value of one kind (`email`, `phone`): 16 bytes, enough
    /// that two different values of one shop never collide.
    pub fn hash(&self, kind: &str, value: &str) -> Vec<u8> {
        self.mac(kind, value)[..16].to_vec()
    }

    /// The lookup key of a value: the keyed hash of its first `chars` characters,
    /// lower-cased (3 for names and emails, 6 for phones; 6 bytes), then one byte of the
    /// keyed hash of each longer start, up to `DEEPER` characters more. The key of what
    /// someone typed is therefore the start of the key of every value that begins with it,
    /// so lookup as you type reads one index range (`prefix_end` closes it) that narrows
    /// with each letter, and opens only the customers in it. It tells someone holding the
    /// database, not the key, which customers' names begin alike — the price of searching
    /// sealed names; past the first `chars` characters only a byte each, so often wrongly.
    pub fn prefix(&self, value: &str, chars: usize) -> Vec<u8> {
        let start: Vec<char> = value.trim().to_lowercase().chars().take(chars + DEEPER).collect();
        let head = &start[..chars.min(start.len())];
        let mut key = self.mac("prefix", &String::from_iter(head))[..6].to_vec();
        for end in chars + 1..=start.len() {
            key.push(self.mac("prefix", &String::from_iter(&start[..end]))[0]);
        }
        key
    }

    /// The first key after every key that starts with `prefix(value, chars)`: the end of
    /// the index range of the values beginning with `value`.
    pub fn prefix_end(&self, value: &str, chars: usize) -> Vec<u8> {
        let mut key = self.prefix(value, chars);
        // The next byte string in SQLite's order (memcmp): the last byte that is not 0xFF
        // goes up by one, and the ones after it go. A key of only 0xFF bytes has none (the
        // chance is 2^-48); its range then ends past every key that starts alike.
        while let Some(last) = key.pop() {
            if last < u8::MAX {
                key.push(last + 1);
                return key;
            }
        }
        vec![u8::MAX; 16]
    }

    fn mac(&self, kind: &str, value: &str) -> [u8; 32] {
        let mut mac = self.index_mac.clone();
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> PiiKey {
        PiiKey::from_master(&[byte; 32])
    }

    #[test]
    fn a_sealed_value_opens_to_itself_and_shows_nothing_of_it() {
        let k = key(1);
        let sealed = k.seal("dora@example.com");
        assert!(sealed.starts_with("pii1."));
        assert!(!sealed.contains("dora"));
        assert_eq!(k.open(&sealed), Ok("dora@example.com".to_owned()));
    }

    #[test]
    fn equal_values_seal_differently() {
        let k = key(1);
        assert_ne!(k.seal("Ada"), k.seal("Ada"));
    }

    #[test]
    fn another_key_or_a_changed_byte_cannot_open() {
        let sealed = key(1).seal("Ada");
        assert_eq!(key(2).open(&sealed), Err(CannotOpen));
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(key(1).open(std::str::from_utf8(&tampered).unwrap()), Err(CannotOpen));
        assert_eq!(key(1).open("Ada"), Err(CannotOpen));
    }

    #[test]
    fn empty_stays_empty() {
        assert_eq!(key(1).seal(""), "");
        assert_eq!(key(1).open(""), Ok(String::new()));
    }

    #[test]
    fn hashes_are_keyed_and_kind_separated() {
        let (a, b) = (key(1), key(2));
        assert_eq!(a.hash("email", "x@y.z"), a.hash("email", "x@y.z"));
        assert_ne!(a.hash("email", "x@y.z"), b.hash("email", "x@y.z"));
        assert_ne!(a.hash("email", "123"), a.hash("phone", "123"));
    }

    #[test]
    fn prefix_keys_fold_case_and_start_with_the_key_of_what_was_typed() {
        let k = key(1);
        let starts = |value: &str, typed: &str, chars| k.prefix(value, chars).starts_with(&k.prefix(typed, chars));
        assert!(starts("MÜLLER-Lüdenscheid", "Mül", 3));
        assert!(starts("Müller", " müll ", 3));
        assert!(starts("Müller", "Müller", 3));
        assert!(!starts("Müller", "Mue", 3));
        assert!(!starts("Mary", "Mari", 3));
        assert!(!starts("Alex", "al", 3), "below three characters only that short a name");
        assert_eq!(k.prefix("Li", 3), k.prefix("li", 3));
        assert!(starts("+46701234567", "+46701", 6));
        assert!(starts("+46701234567", "+4670123", 6));
        assert!(!starts("+46701234567", "+46702", 6));
        assert!(!starts("+46701234567", "+4670124", 6));
        // Beyond the depth every longer start shares the key.
        assert_eq!(k.prefix("Alexandra", 3), k.prefix("Alexandrina", 3));
        assert_eq!(k.prefix("Müller", 3).len(), 6 + 3);
    }

    #[test]
    fn the_end_of_a_prefix_range_is_past_every_key_that_starts_with_it() {
        let k = key(1);
        for typed in ["mar", "mari", "maria", "a", "+44790"] {
            let (start, end) = (k.prefix(typed, 3), k.prefix_end(typed, 3));
            assert!(start < end);
            for value in ["maria", "mariana", "marianne", "marx", "martin", "alex", "+447900123456"] {
                let v = k.prefix(value, 3);
                assert_eq!(v >= start && v < end, v.starts_with(&start), "{typed} {value}");
            }
        }
    }

    #[test]
    fn the_fingerprint_names_the_key() {
        assert_eq!(key(1).fingerprint(), key(1).fingerprint());
        assert_ne!(key(1).fingerprint(), key(2).fingerprint());
        assert_eq!(key(1).fingerprint().len(), 16);
        assert!(!format!("{:?}", key(1)).contains("cipher"));
    }
}
