//! Webhooks: a site's endpoints are told of every change they subscribe to, signed in the
//! Standard Webhooks format (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The
//! events are written by triggers in the transaction of each change (migration 0025) and
//! sent by the server's webhook sender (`server/src/webhooks.rs`) from a queue in the
//! database: a request never waits for a delivery, and a restart loses none.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::Problem;
use serde::{Deserialize, Serialize};

/// Every event an endpoint can subscribe to.
pub const EVENT_TYPES: [&str; 12] = [
    "customer.created",
    "customer.updated",
    "customer.erased",
    "consent.changed",
    "purchase.created",
    "purchase.corrected",
    "reservation.created",
    "reservation.updated",
    "survey.answered",
    "automation.fired",
    "product.created",
    "product.updated",
];

/// An endpoint's address: http(s), at most 2,000 characters, no user or password in it.
pub fn parse_url(raw: &str) -> Result<String, Problem> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(Problem::Required);
    }
    if url.len() > 2_000 {
        return Err(Problem::TooLong);
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or(Problem::NotAUrl)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.contains('@') || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::NotAUrl);
    }
    Ok(url.to_owned())
}

/// The events typed as a comma-separated list: known ones only, at least one, each once.
pub fn parse_events(raw: &str) -> Result<Vec<&'static str>, Problem> {
    crate::domain::parse_choices(raw, &EVENT_TYPES)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    pub id: i64,
    pub url: String,
    /// Shown to the owner: the receiver needs it to check signatures.
    pub secret: String,
    pub events: Vec<String>,
    /// Another company's: nothing about customers who asked not to be sold or shared goes to it.
    pub shares: bool,
    pub created_at: String,
}

/// One event for one endpoint, as the log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub url: String,
    pub event_type: String,
    /// The `webhook-id` it is sent with.
    pub message_id: String,
    pub created_at: String,
    pub attempts: i64,
    pub delivered_at: Option<String>,
    pub failed_at: Option<String>,
    pub next_attempt_at: Option<String>,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub last_attempt_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhooksView {
    pub endpoints: Vec<Endpoint>,
    pub deliveries: Vec<Delivery>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_http_addresses_without_credentials() {
        assert_eq!(parse_url(" https://shop.example/hooks "), Ok("https://shop.example/hooks".to_owned()));
        assert_eq!(parse_url("http://127.0.0.1:8080"), Ok("http://127.0.0.1:8080".to_owned()));
        assert_eq!(parse_url(""), Err(Problem::Required));
        assert_eq!(parse_url("ftp://shop.example"), Err(Problem::NotAUrl));
        assert_eq!(parse_url("https://user:pw@shop.example"), Err(Problem::NotAUrl));
        assert_eq!(parse_url("https:///path"), Err(Problem::NotAUrl));
        assert_eq!(parse_url("https://shop.example/a b"), Err(Problem::NotAUrl));
    }

    #[test]
    fn events_are_known_types_each_once() {
        assert_eq!(
            parse_events("customer.created, consent.changed,customer.created"),
            Ok(vec!["customer.created", "consent.changed"])
        );
        assert_eq!(parse_events(" , "), Err(Problem::Required));
        assert_eq!(parse_events("customer.created, order.paid"), Err(Problem::UnknownOption));
    }
}
