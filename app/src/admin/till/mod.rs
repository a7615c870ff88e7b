//! The till: find or create the customer, enter the purchase.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod form;

pub use api::*;
