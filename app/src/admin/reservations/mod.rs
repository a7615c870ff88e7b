//! The reservations desk: open reservations by item and customer, fulfilled or cancelled.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;
