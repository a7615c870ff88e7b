//! The figures of the loyalty report: members, active members, new members per week, what
//! each programme issued and redeemed per week, and the members' share of the revenue (the
//! report's page is `admin::services::loyalty_report`).

use super::Kind;
use crate::domain::Minor;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Week {
    pub week: String,
    pub issued: i64,
    pub redeemed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeWeeks {
    pub name: String,
    pub kind: Kind,
    /// Rewards taken in the period.
    pub rewards: i64,
    /// Every week of the period, empty ones included.
    pub weeks: Vec<Week>,
}

impl ProgrammeWeeks {
    pub fn issued(&self) -> i64 {
        self.weeks.iter().map(|w| w.issued).sum()
    }

    pub fn redeemed(&self) -> i64 {
        self.weeks.iter().map(|w| w.redeemed).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoyaltyFigures {
    pub from: String,
    pub to: String,
    /// How the site's amounts are written for this reader.
    pub money: crate::domain::MoneyStyle,
    /// Card holders and customers who earned, at the period's end.
    pub members: i64,
    /// Members with a movement on a card in the period.
    pub active: i64,
    /// Cards taken in the period, and how many of them by the customers themselves.
    pub joined: i64,
    pub joined_themselves: i64,
    pub revenue: Minor,
    pub member_revenue: Minor,
    /// New cards per week (Monday, count).
    pub new_members: Vec<(String, i64)>,
    pub programmes: Vec<ProgrammeWeeks>,
}

impl LoyaltyFigures {
    /// Members' share of the revenue in percent, rounded; `None` without revenue.
    pub fn member_share(&self) -> Option<i64> {
        let (part, all) = (self.member_revenue.0, self.revenue.0);
        (all > 0).then(|| (200 * part + all) / (2 * all))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_members_share_is_rounded_and_absent_without_revenue() {
        let mut r = LoyaltyFigures {
            from: String::new(),
            to: String::new(),
            money: crate::domain::MoneyStyle::plain("EUR"),
            members: 0,
            active: 0,
            joined: 0,
            joined_themselves: 0,
            revenue: Minor(0),
            member_revenue: Minor(0),
            new_members: Vec::new(),
            programmes: Vec::new(),
        };
        assert_eq!(r.member_share(), None);
        (r.revenue, r.member_revenue) = (Minor(300), Minor(200));
        assert_eq!(r.member_share(), Some(67));
        (r.revenue, r.member_revenue) = (Minor(300), Minor(100));
        assert_eq!(r.member_share(), Some(33));
    }
}
