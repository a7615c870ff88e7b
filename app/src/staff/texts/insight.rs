//! The words of the insight pages: reports (with the loyalty report) and analytics. Each
//! language's values are in `insight/<lang>.rs`.

pub(super) mod af;
pub(super) mod de;
pub(super) mod en;
pub(super) mod fi;
pub(super) mod nl;
pub(super) mod pt;
pub(super) mod ru;

#[cfg_attr(test, derive(serde::Serialize))]
pub struct Insight {
    pub from: &'static str,
    pub to: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub show: &'static str,
    pub today: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub days: fn(u32) -> String,
    /// What is wrong with the period asked for.
    #[cfg_attr(test, serde(skip))]
    pub period_error: fn(&str) -> String,
    pub week_of: &'static str,
    /// A week's column on hover: (first day, value).
    #[cfg_attr(test, serde(skip))]
    pub week_value: fn(&str, i64) -> String,
    pub figures_per_week: &'static str,
    pub nps_title: &'static str,
    pub nps: &'static str,
    pub promoters_range: &'static str,
    pub passives_range: &'static str,
    pub detractors_range: &'static str,
    pub no_nps: &'static str,
    pub nps_per_week: &'static str,
    /// (week, score, answers).
    #[cfg_attr(test, serde(skip))]
    pub nps_week: fn(&str, i64, i64) -> String,
    pub answers: &'static str,
    pub promoters: &'static str,
    pub passives: &'static str,
    pub detractors: &'static str,
    pub why_buy: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub rankings: fn(i64) -> String,
    pub reason: &'static str,
    pub average_rank: &'static str,
    pub ranked_first: &'static str,
    pub heard_from: &'static str,
    pub no_answers: &'static str,
    pub most_favourited: &'static str,
    pub nothing_saved: &'static str,
    pub most_reserved: &'static str,
    pub no_reservations: &'static str,
    pub top_units: &'static str,
    pub top_revenue: &'static str,
    pub download_purchases: &'static str,
    pub new_customers_per_week: &'static str,
    pub new_customers: &'static str,
    pub spend_per_segment: &'static str,
    pub segment: &'static str,
    pub customers_now: &'static str,
    pub spent_in_period: &'static str,
    pub rules_need_correcting: &'static str,
    pub nothing_sold: &'static str,
    pub product: &'static str,
    pub units: &'static str,
    pub revenue: &'static str,
    pub loyalty: &'static str,
    pub no_programme: &'static str,
    pub members: &'static str,
    pub active: &'static str,
    pub joined: &'static str,
    pub joined_themselves: &'static str,
    pub member_revenue: &'static str,
    /// (part, whole) of the money taken.
    #[cfg_attr(test, serde(skip))]
    pub part_of: fn(&str, &str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub members_spent: fn(&str, &str) -> String,
    pub new_cards_per_week: &'static str,
    pub new_cards: &'static str,
    /// The unit of a programme, counted: (stamps or points, how many).
    #[cfg_attr(test, serde(skip))]
    pub unit: fn(bool, i64) -> &'static str,
    pub issued: &'static str,
    pub redeemed_for: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub rewards: fn(i64) -> &'static str,
    pub stamps: &'static str,
    pub points: &'static str,
    pub issued_per_week: &'static str,
    pub redeemed_per_week: &'static str,
    pub page_views: &'static str,
    pub visitors_summed: &'static str,
    pub visits: &'static str,
    pub views_per_day: &'static str,
    pub day: &'static str,
    /// A day's column on hover: (day, views, visitors).
    #[cfg_attr(test, serde(skip))]
    pub day_value: fn(&str, i64, i64) -> String,
    pub pages: &'static str,
    pub page: &'static str,
    pub views: &'static str,
    pub visitors: &'static str,
    pub avg_time: &'static str,
    pub entries: &'static str,
    pub exits: &'static str,
    pub exit_rate: &'static str,
    pub went_next: &'static str,
    pub entry_pages: &'static str,
    pub exit_pages: &'static str,
    pub referrers: &'static str,
    pub campaigns: &'static str,
    pub screens: &'static str,
    pub languages: &'static str,
    pub no_visits: &'static str,
    pub no_referrers: &'static str,
    pub no_campaigns: &'static str,
    pub goals: &'static str,
    /// Around the call a page makes: "No custom events yet: a page calls … when …".
    pub no_goals: &'static str,
    pub no_goals_after: &'static str,
    pub goal: &'static str,
    pub events: &'static str,
    pub conversion: &'static str,
    pub paths: &'static str,
    pub after_page: &'static str,
    pub start_page: &'static str,
    pub show_paths: &'static str,
    pub no_views: &'static str,
    pub views_of: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub then: fn(i64) -> String,
    pub paths_label: &'static str,
    pub other_pages: &'static str,
    pub left_site: &'static str,
    /// The header of the purchases CSV, one name per column.
    pub purchases_csv: [&'static str; 16],
}
