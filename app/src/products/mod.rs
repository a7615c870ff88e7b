//! A shop's products: what it sells, reserves, lets customers save and rewards on a stamp
//! card (the table is `catalogue_items`). Staff keep them on the Products page, a shop's
//! systems through `/api/v1/products`; the widgets, the till and loyalty rules read them.
//!
//! A product is archived, never deleted: purchases, reservations and favourites point at
//! it, and an archived product stays readable on them while it is no longer offered.

#[cfg(feature = "ssr")]
pub mod db;
mod form;

pub use form::{ProductForm, ValidProduct};

use crate::domain::Minor;
use serde::{Deserialize, Serialize};

/// A product as staff and the API read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub id: i64,
    pub sku: String,
    /// The name in the site's default language.
    pub name: String,
    /// Its names in the site's other languages, by language code.
    pub names: Vec<(String, String)>,
    pub price: Minor,
    pub currency: String,
    pub category: String,
    pub image_url: String,
    /// When a product not in stock is expected (`YYYY-MM-DD`): it can be reserved.
    pub stock_expected: Option<String>,
    pub archived: bool,
}

/// Which products a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// Those offered (not archived).
    #[default]
    Offered,
    Archived,
}
