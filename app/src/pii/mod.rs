//! PII at rest: the cipher that seals customers' names, email, phone and street, and the
//! blind indexes that find them. In the application, not in SQL, so the key never goes to a
//! database server (docs/postgres.md); the server loads the key and hands it to [`crate::db::Db`].

#[cfg(feature = "ssr")]
pub mod blind;
pub mod cipher;

pub use cipher::{CannotOpen, PiiKey};

use crate::domain::CustomerField;

/// A value this key cannot open fails the read that met it.
impl From<CannotOpen> for sqlx::Error {
    fn from(e: CannotOpen) -> sqlx::Error {
        sqlx::Error::Decode(Box::new(e))
    }
}

impl PiiKey {
    /// A nullable sealed column's value opened; NULL stays `None`.
    pub fn open_opt(&self, sealed: Option<&str>) -> Result<Option<String>, CannotOpen> {
        sealed.map(|s| self.open(s)).transpose()
    }

    /// A value for a nullable sealed column; `None` stays NULL.
    pub fn seal_opt(&self, plain: Option<&str>) -> Option<String> {
        plain.map(|p| self.seal(p))
    }

    /// A customer's whole name from their sealed first and last names ("" for neither).
    pub fn full_name(&self, first: Option<&str>, last: Option<&str>) -> Result<String, CannotOpen> {
        let first = self.open_opt(first)?.unwrap_or_default();
        let last = self.open_opt(last)?.unwrap_or_default();
        Ok(format!("{first} {last}").trim().to_owned())
    }

    /// The index range of the lookup keys of values beginning with `value` (its first
    /// `chars` characters keyed whole): `key >= start AND key < end`. `None`s for a blank
    /// value, which begins nothing.
    pub fn prefix_range(&self, value: &str, chars: usize) -> (Option<Vec<u8>>, Option<Vec<u8>>) {
        if value.trim().is_empty() {
            return (None, None);
        }
        (Some(self.prefix(value, chars)), Some(self.prefix_end(value, chars)))
    }

    /// The blind index of a whole value, `None` for a blank one (nothing to find it by).
    pub fn hash_of(&self, kind: &str, value: &str) -> Option<Vec<u8>> {
        (!value.is_empty()).then(|| self.hash(kind, value))
    }
}

/// A customer field's value as stored, as it reads: opened when its column is sealed.
pub fn read_field(pii: &PiiKey, field: CustomerField, stored: Option<String>) -> Result<Option<String>, CannotOpen> {
    match stored {
        Some(sealed) if field.sealed() => pii.open(&sealed).map(Some),
        other => Ok(other),
    }
}

/// A customer field's text as it is stored: sealed when its column is.
pub fn stored_field(pii: &PiiKey, field: CustomerField, text: &str) -> String {
    if field.sealed() { pii.seal(text) } else { text.to_owned() }
}
