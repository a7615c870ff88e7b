//! The widgets a shop embeds in its own pages with `embed.js`.
//!
//! Each widget is a Leptos component mounted client-side into a Shadow DOM by the widget
//! bundle; its server functions sit under `/w/` and are reached through the widget gate at
//! `/s/SITEKEY/w/...`, which checks the site and the page's origin first.

pub mod address;
#[cfg(feature = "ssr")]
pub mod caller;
pub mod catalogue;
#[cfg(any(test, feature = "widgets"))]
pub mod errors;
pub mod favourites;
pub mod heard;
#[cfg(feature = "ssr")]
pub mod identity;
pub mod language;
pub mod loyalty;
pub mod nps;
pub mod profile;
pub mod question;
pub mod reasons;
pub mod reservation;
pub mod signup;
pub mod texts;
pub mod ui;
pub mod visitor;
pub mod warranty;
pub mod wire;

#[cfg(feature = "widgets")]
pub mod mount;
