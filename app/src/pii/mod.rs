//! PII at rest: the cipher that seals customers' names, email, phone and street, and the
//! blind indexes that find them. In the application, not in SQL, so the key never goes to a
//! database server (docs/postgres.md); the server loads the key and hands it to [`crate::db::Db`].

pub mod cipher;

pub use cipher::{CannotOpen, PiiKey};
