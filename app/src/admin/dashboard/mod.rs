//! The dashboard: today's new customers, purchases and takings, and open reservations.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;
