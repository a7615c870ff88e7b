//! The shop's catalogue as the widgets see it.

#[cfg(feature = "ssr")]
pub mod db;

use serde::{Deserialize, Serialize};

/// An item a widget can show: enough to name it and price it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub sku: String,
    /// The name in the site's default language.
    pub name: String,
    /// Its names in the site's other languages, by language code.
    #[serde(default)]
    pub names: Vec<(String, String)>,
    /// Integer minor units (cents) of `currency`.
    pub price_minor: i64,
    pub currency: String,
    /// When a reservable item is expected in stock (YYYY-MM-DD).
    pub stock_expected: Option<String>,
}

impl ItemView {
    /// The name in the widget's language where the shop gave one, else the default name.
    pub fn name_in(&self, lang: crate::widgets::texts::Lang) -> &str {
        self.names.iter().find(|(l, _)| l == lang.code()).map_or(&self.name, |(_, n)| n)
    }

    /// `24.50 EUR`: plain and unambiguous in every language the widgets speak.
    pub fn price(&self) -> String {
        format!("{}.{:02} {}", self.price_minor / 100, self.price_minor % 100, self.currency)
    }
}
