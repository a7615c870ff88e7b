//! The shop's catalogue as the widgets see it.

#[cfg(feature = "ssr")]
pub mod db;

use serde::{Deserialize, Serialize};

/// An item a widget can show: enough to name it and price it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub sku: String,
    pub name: String,
    /// Integer minor units (cents) of `currency`.
    pub price_minor: i64,
    pub currency: String,
    /// When a reservable item is expected in stock (YYYY-MM-DD).
    pub stock_expected: Option<String>,
}

impl ItemView {
    /// `24.50 EUR`: plain and unambiguous in every language the widgets speak.
    pub fn price(&self) -> String {
        format!("{}.{:02} {}", self.price_minor / 100, self.price_minor % 100, self.currency)
    }
}
