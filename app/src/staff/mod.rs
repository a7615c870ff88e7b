//! What every staff-facing feature uses, wherever its pages live: who is signed in and may
//! do what (`guard`, `session`), what they did (`audit`), and how a staff screen shows a
//! refusal (`form_error`, `ui`). Nothing here knows a feature; features import from here,
//! never from `admin/`.

pub mod audit;
pub mod chart;
pub mod form_error;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod session;
pub mod texts;
pub mod ui;

/// A staff member as the admin sees them (no hash).
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct StaffRow {
    pub id: crate::domain::StaffId,
    pub email: String,
    pub role: crate::domain::Role,
}
