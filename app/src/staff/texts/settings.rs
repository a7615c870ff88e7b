//! The words of a site's settings pages, by section: the site and its widgets, the wording,
//! privacy and retention, email and automation, loyalty, webhooks and API keys.

/// A site's settings: the names of its sections.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Settings {
    pub sections: &'static str,
    pub all_sites: &'static str,
    pub general_title: &'static str,
    pub name: &'static str,
    pub policy_url: &'static str,
    pub default_language: &'static str,
    pub languages: &'static str,
    pub kept_params_before: &'static str,
    pub kept_params_after: &'static str,
    pub country: &'static str,
    pub time_zone: &'static str,
    /// The blank choice: the zone the site keeps without one ("As the country keeps it: Europe/Helsinki").
    #[cfg_attr(test, serde(skip))]
    pub time_zone_unchosen: fn(&str) -> String,
    pub time_zones_of_country: &'static str,
    pub time_zones_other: &'static str,
    pub save: &'static str,
    pub origins_title: &'static str,
    pub origins_hint: &'static str,
    pub no_origin: &'static str,
    pub own_address: &'static str,
    pub remove: &'static str,
    pub origin_label: &'static str,
    pub allow: &'static str,
    pub widgets_title: &'static str,
    pub widgets_hint: &'static str,
    pub off: &'static str,
    pub postal_address: &'static str,
    pub address_off: &'static str,
    pub address_optional: &'static str,
    pub address_required: &'static str,
    /// A widget's name.
    #[cfg_attr(test, serde(skip))]
    pub snippet_of: fn(&str) -> String,
    pub signup: &'static str,
    pub reservation: &'static str,
    pub favourites: &'static str,
    pub reasons: &'static str,
    pub nps: &'static str,
    pub heard: &'static str,
    pub warranty: &'static str,
    pub profile: &'static str,
    pub loyalty_widget: &'static str,
    pub key: &'static str,
    pub allowed_origins: &'static str,
    pub customers: &'static str,
    pub add_site: &'static str,
    pub key_hint: &'static str,
    pub consent_wording_hint: &'static str,
    pub create_site: &'static str,
    pub consent_title: &'static str,
    pub consent_hint: &'static str,
    pub none_yet: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub version: fn(i64) -> String,
    pub save_wording: &'static str,
    pub options_title: &'static str,
    /// An option's code.
    #[cfg_attr(test, serde(skip))]
    pub move_up: fn(&str) -> String,
    #[cfg_attr(test, serde(skip))]
    pub move_down: fn(&str) -> String,
    pub switch_off: &'static str,
    pub switch_on: &'static str,
    pub code_placeholder: &'static str,
    pub new_code: &'static str,
    pub label_placeholder: &'static str,
    pub new_label: &'static str,
    pub add_option: &'static str,
    pub texts_title: &'static str,
    pub texts_hint: &'static str,
    /// A language's own name.
    #[cfg_attr(test, serde(skip))]
    pub save_texts: fn(&str) -> String,
    pub profile_hint: &'static str,
    pub dont_ask: &'static str,
    /// A profile question.
    #[cfg_attr(test, serde(skip))]
    pub ask: fn(&str) -> String,
    pub general: &'static str,
    pub wording: &'static str,
    pub privacy: &'static str,
    pub mail: &'static str,
    pub loyalty: &'static str,
    pub connections: &'static str,
}

impl Settings {
    /// A widget's name in this language.
    pub fn widget(&self, kind: crate::domain::WidgetKind) -> &'static str {
        use crate::domain::WidgetKind as W;
        match kind {
            W::Signup => self.signup,
            W::Reservation => self.reservation,
            W::Favourites => self.favourites,
            W::Reasons => self.reasons,
            W::Nps => self.nps,
            W::Heard => self.heard,
            W::Warranty => self.warranty,
            W::Profile => self.profile,
            W::Loyalty => self.loyalty_widget,
        }
    }
}

/// A site's privacy policy and retention settings.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct PrivacySettings {
    pub policy_title: &'static str,
    pub policy_hint: &'static str,
    /// The version in force and since when.
    #[cfg_attr(test, serde(skip))]
    pub in_force: fn(i64, &str) -> String,
    pub not_published: &'static str,
    pub owner_text: &'static str,
    pub publish: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub all_versions: fn(usize) -> String,
    #[cfg_attr(test, serde(skip))]
    pub version: fn(i64) -> String,
    pub after_settings: &'static str,
    pub retention_title: &'static str,
    pub retention_hint: &'static str,
    /// The fewest and most months allowed.
    #[cfg_attr(test, serde(skip))]
    pub analytics_months: fn(i64, i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub inactive_months: fn(i64, i64) -> String,
    pub save_retention: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub last_applied: fn(&str) -> String,
    pub not_applied: &'static str,
    pub apply_now: &'static str,
    pub nothing_removed: &'static str,
    pub when: &'static str,
    pub page_views: &'static str,
    pub events: &'static str,
    pub erased: &'static str,
    pub uploads: &'static str,
    pub links: &'static str,
}

/// A site's email settings and the outbox.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Mail {
    pub title: &'static str,
    /// The mail server's name.
    #[cfg_attr(test, serde(skip))]
    pub sent_through: fn(&str) -> String,
    pub no_server: &'static str,
    pub double_opt_in: &'static str,
    /// The fewest and most hours allowed.
    #[cfg_attr(test, serde(skip))]
    pub confirm_hours: fn(i64, i64) -> String,
    pub save_opt_in: &'static str,
    pub site_wording: &'static str,
    pub patrons_wording: &'static str,
    pub subject: &'static str,
    /// The placeholders a body may use.
    #[cfg_attr(test, serde(skip))]
    pub body: fn(&str) -> String,
    pub save_wording: &'static str,
    pub use_patrons: &'static str,
    pub confirm_newsletter: &'static str,
    pub win_back: &'static str,
    pub nps_follow_up: &'static str,
    pub item_arrived: &'static str,
    pub my_page_link: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub outbox_sending: fn(&str) -> String,
    pub outbox_no_server: &'static str,
    pub no_mail: &'static str,
    pub written: &'static str,
    pub to: &'static str,
    pub state: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub sent: fn(&str) -> String,
    /// When, and the server's answer.
    #[cfg_attr(test, serde(skip))]
    pub failed: fn(&str, &str) -> String,
    /// Attempts so far, and the last answer.
    #[cfg_attr(test, serde(skip))]
    pub retrying: fn(i64, &str) -> String,
    pub by_hand: &'static str,
    pub waiting: &'static str,
}

impl Mail {
    /// A mail's name by its kind's code.
    pub fn kind(&self, code: &str) -> &'static str {
        match code {
            "confirm_newsletter" => self.confirm_newsletter,
            "win_back" => self.win_back,
            "nps_follow_up" => self.nps_follow_up,
            "item_arrived" => self.item_arrived,
            _ => self.my_page_link,
        }
    }
}

/// A site's automation rules.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Automation {
    pub title: &'static str,
    pub hint_before: &'static str,
    pub hint_after: &'static str,
    pub run: &'static str,
    /// Customers, mails, webhook events.
    #[cfg_attr(test, serde(skip))]
    pub done: fn(i64, i64, i64) -> String,
    #[cfg_attr(test, serde(skip))]
    pub on_since: fn(&str) -> String,
    pub off: &'static str,
    /// Customers, of them mailed.
    #[cfg_attr(test, serde(skip))]
    pub fired: fn(i64, i64) -> String,
    pub on: &'static str,
    pub send_mail: &'static str,
    pub send_webhook: &'static str,
    pub discount_code: &'static str,
    pub save: &'static str,
    pub dormant: &'static str,
    pub dormant_explain: &'static str,
    pub detractor: &'static str,
    pub detractor_explain: &'static str,
    pub arrived: &'static str,
    pub arrived_explain: &'static str,
}

/// A site's loyalty programmes.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct LoyaltySettings {
    pub title: &'static str,
    pub hint: &'static str,
    pub new_programme: &'static str,
    /// The programme's name and its members.
    #[cfg_attr(test, serde(skip))]
    pub members: fn(&str, i64) -> String,
    pub name: &'static str,
    pub kind: &'static str,
    pub stamp_card: &'static str,
    pub points: &'static str,
    pub min_total: &'static str,
    pub skus: &'static str,
    pub points_per_unit: &'static str,
    pub expiry: &'static str,
    pub birthday: &'static str,
    pub rewards: &'static str,
    pub rewards_example: &'static str,
    /// The programme's words in another of the site's languages (its name in that language).
    #[cfg_attr(test, serde(skip))]
    pub words_in: fn(&str) -> String,
    pub words_hint: &'static str,
    pub running: &'static str,
    pub save: &'static str,
    pub create: &'static str,
}

/// A site's webhooks and API keys.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Connections {
    pub webhooks: &'static str,
    pub webhooks_hint: &'static str,
    pub url: &'static str,
    pub events: &'static str,
    pub third_party_webhook: &'static str,
    pub add_endpoint: &'static str,
    pub deliveries: &'static str,
    pub event: &'static str,
    pub endpoint: &'static str,
    pub state: &'static str,
    pub third_party: &'static str,
    pub secret: &'static str,
    pub remove: &'static str,
    pub send_again: &'static str,
    /// When, and the endpoint's answer.
    #[cfg_attr(test, serde(skip))]
    pub delivered: fn(&str, &str) -> String,
    /// When, tries, the last answer.
    #[cfg_attr(test, serde(skip))]
    pub given_up: fn(&str, i64, &str) -> String,
    pub waiting: &'static str,
    /// Tries, the last answer, when the next is.
    #[cfg_attr(test, serde(skip))]
    pub retrying: fn(i64, &str, &str) -> String,
    pub api_keys: &'static str,
    pub api_hint_before: &'static str,
    pub api_hint_after: &'static str,
    pub new_key: &'static str,
    pub name: &'static str,
    pub key: &'static str,
    pub scopes: &'static str,
    pub last_used: &'static str,
    pub what_for: &'static str,
    pub what_for_example: &'static str,
    pub scopes_label: &'static str,
    pub third_party_key: &'static str,
    pub make_key: &'static str,
    pub never: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub revoked: fn(&str) -> String,
    pub revoke: &'static str,
}
