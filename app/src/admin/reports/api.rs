//! The customer reports of one site over a period: NPS per week, reasons, heard-about,
//! favourited and reserved items, new customers per week, spend per saved segment.

use crate::domain::Minor;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// NPS answers of one week (Monday to Sunday), or of the whole period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsWeek {
    /// The Monday, `YYYY-MM-DD`; empty for the period's total.
    pub week: String,
    pub promoters: i64,
    pub passives: i64,
    pub detractors: i64,
}

impl NpsWeek {
    pub fn answers(&self) -> i64 {
        self.promoters + self.passives + self.detractors
    }

    /// % promoters − % detractors, rounded half away from zero; `None` without answers.
    pub fn score(&self) -> Option<i64> {
        let n = self.answers();
        (n > 0).then(|| {
            let diff = 100 * (self.promoters - self.detractors);
            (2 * diff + n * diff.signum()) / (2 * n)
        })
    }
}

/// One reason option over the period's rankings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonRow {
    pub code: String,
    /// Rankings in the period that placed this option.
    pub rankings: i64,
    /// Average rank × 100 (1.50 is 150), so figures stay exact integers.
    pub avg_rank_x100: i64,
    /// Share of the period's rankings that put it first, in percent, rounded.
    pub first_share: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTally {
    pub sku: String,
    pub name: String,
    pub count: i64,
}

/// A product (or a free line's description) sold in the period: units and revenue, both
/// net of returns, voided purchases left out; revenue after the purchases' discounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seller {
    pub sku: String,
    pub name: String,
    pub quantity: i64,
    pub revenue: Minor,
}

/// A saved segment's customers (as of now) and what they spent in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentSpend {
    pub name: String,
    pub customers: i64,
    pub spent: Minor,
    /// Set when the saved filter no longer parses.
    pub broken: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reports {
    pub site: String,
    pub from: String,
    pub to: String,
    /// How the site's amounts are written for this reader.
    pub money: crate::domain::MoneyStyle,
    pub nps_total: NpsWeek,
    pub nps_weeks: Vec<NpsWeek>,
    /// Rankings in the period.
    pub rankings: i64,
    pub reasons: Vec<ReasonRow>,
    /// Answers per option code; free-text answers as "other".
    pub heard: Vec<Tally>,
    pub favourited: Vec<ItemTally>,
    /// Reserved quantity per item.
    pub reserved: Vec<ItemTally>,
    /// The best sellers by units, and by revenue.
    pub by_quantity: Vec<Seller>,
    pub by_revenue: Vec<Seller>,
    /// New customers per week (Monday), every week of the period listed.
    pub new_customers: Vec<Tally>,
    /// "All customers" first, then each saved segment.
    pub spend: Vec<SegmentSpend>,
}

/// Items shown in the favourited and reserved lists.
pub const TOP_ITEMS: i64 = 10;

#[server(prefix = "/api/admin", endpoint = "customer_reports")]
pub async fn customer_reports(
    site: String,
    days: Option<u32>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Reports, AppError> {
    crate::server_ctx::answer(
        async move {
            let (id, range) =
                crate::admin::analytics::site_and_range(&site, days, from, to, crate::admin::analytics::DaysOf::Site)
                    .await?;
            let pool = crate::server_ctx::pool()?;
            let mut reports = super::db::reports(&pool, id, &range).await?;
            reports.site = site;
            Ok(reports)
        }
        .await,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(p: i64, n: i64, d: i64) -> NpsWeek {
        NpsWeek { week: String::new(), promoters: p, passives: n, detractors: d }
    }

    #[test]
    fn nps_is_promoters_minus_detractors_in_percent() {
        assert_eq!(week(0, 0, 0).score(), None);
        assert_eq!(week(2, 1, 1).score(), Some(25));
        assert_eq!(week(0, 0, 3).score(), Some(-100));
        // 1 of 3: 33.3 → 33; 2 of 3: 66.7 → 67; halves round away from zero.
        assert_eq!(week(1, 2, 0).score(), Some(33));
        assert_eq!(week(2, 1, 0).score(), Some(67));
        assert_eq!(week(0, 7, 1).score(), Some(-13));
        assert_eq!(week(1, 6, 1).score(), Some(0));
    }
}
