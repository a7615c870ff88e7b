//! The rule language of segments: a filter of groups of rules over customer fields and
//! behaviour (`filter`, parsed at the boundary), its SQL (`sql`), and the per-customer
//! purchase windows the SQL reads (`windows`). The segment pages, the dormant list, the
//! dashboard, reports and automation all speak it.

pub mod filter;
#[cfg(feature = "ssr")]
pub mod sealed;
#[cfg(feature = "ssr")]
pub mod sql;
#[cfg(feature = "ssr")]
pub mod windows;

use filter::RawFilter;
use serde::{Deserialize, Serialize};

/// The dormant rule of a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DormantRule {
    pub days: u32,
    pub filter: RawFilter,
}

impl DormantRule {
    /// Dormant: bought before, but not in the last `days` days.
    pub fn filter(days: u32) -> RawFilter {
        RawFilter::one("last_purchase", "not_within", &days.to_string(), "")
    }
}
