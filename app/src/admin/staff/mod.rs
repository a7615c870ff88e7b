//! Staff accounts: invitations with a one-time link, roles, removal. Owner only, but for
//! the set-password page an invitee reaches through their link.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;
