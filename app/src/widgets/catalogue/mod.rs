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
    /// Its price as each of the site's languages writes it in the site's country, by
    /// language code, the default language first ("€ 24,50" for nl): written by the server
    /// from CLDR, so the widget bundle carries no CLDR of its own.
    #[serde(default)]
    pub prices: Vec<(String, String)>,
    /// `stock_expected` as each of the site's languages writes a day ("10 dec 2026"), by
    /// language code, the default language first: written by the server from CLDR, as prices.
    #[serde(default)]
    pub expected: Vec<(String, String)>,
}

impl ItemView {
    /// The name in the widget's language where the shop gave one, else the default name.
    pub fn name_in(&self, lang: crate::widgets::texts::Lang) -> &str {
        self.names.iter().find(|(l, _)| l == lang.code()).map_or(&self.name, |(_, n)| n)
    }

    /// The price in the widget's language; else in the site's default language (the
    /// widget then speaks it too); else `24.50 EUR`, plain in every language.
    pub fn price_in(&self, lang: crate::widgets::texts::Lang) -> String {
        match self.prices.iter().find(|(l, _)| l == lang.code()).or(self.prices.first()) {
            Some((_, written)) => written.clone(),
            None => format!("{}.{:02} {}", self.price_minor / 100, self.price_minor % 100, self.currency),
        }
    }

    /// When it is expected in stock, in the widget's language; else as the site's default
    /// language writes it (as `price_in`); else as stored (YYYY-MM-DD).
    pub fn expected_in(&self, lang: crate::widgets::texts::Lang) -> Option<String> {
        let day = self.stock_expected.as_ref()?;
        let written = self.expected.iter().find(|(l, _)| l == lang.code()).or(self.expected.first());
        Some(written.map_or_else(|| day.clone(), |(_, w)| w.clone()))
    }
}
