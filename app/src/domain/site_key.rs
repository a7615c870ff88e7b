//! The public key that names a site in embed snippets and widget URLs.

use serde::{Deserialize, Serialize};

/// A site's public key: 1–64 characters of `a-z 0-9 - _`. Public, not a secret: it sits in
/// every shop page's HTML. What protects a site is its list of allowed origins.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SiteKey(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a site key is 1 to 64 characters of a-z, 0-9, '-' and '_'")]
pub struct BadSiteKey;

impl SiteKey {
    pub fn parse(raw: &str) -> Result<SiteKey, BadSiteKey> {
        let ok = !raw.is_empty()
            && raw.len() <= 64
            && raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok { Ok(SiteKey(raw.to_owned())) } else { Err(BadSiteKey) }
    }
}

parsed_string!(SiteKey, BadSiteKey);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_lowercase_slugs() {
        assert!(SiteKey::parse("demo").is_ok());
        assert!(SiteKey::parse("bike-shop_2").is_ok());
        for bad in ["", "Demo", "a/b", "a b", "../x", &"a".repeat(65)] {
            assert!(SiteKey::parse(bad).is_err(), "{bad:?}");
        }
    }
}
