//! First-party page-path analytics: the events `track.js` sends, checked and stored
//! without cookies (see migration 0008 for how visitors are counted).

#[cfg(feature = "ssr")]
pub mod db;
// Plain parsing, no server parts: built everywhere so the fuzz targets need no server.
pub mod event;
#[cfg(feature = "ssr")]
pub mod inbox;
#[cfg(feature = "ssr")]
pub mod live;
