//! One customer's record: every field, consent, purchase, reservation, answer and
//! interaction, edited inline with a history of who changed what.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;
