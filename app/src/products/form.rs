//! A product as typed on the Products page or sent to the API, and its parsing.

use crate::domain::{Field, FieldErrors, FreeText, Minor, PastDate, Problem, Sku};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A product form as the browser sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductForm {
    pub sku: String,
    pub name: String,
    /// Names in the site's other languages, by language code; blank ones are none.
    pub names: BTreeMap<String, String>,
    /// In major units as typed (`3.10`, `3,10`).
    pub price: String,
    pub category: String,
    pub image_url: String,
    /// `YYYY-MM-DD`, or blank when in stock.
    pub stock_expected: String,
}

/// A product that parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProduct {
    pub sku: Sku,
    pub name: String,
    pub names: Vec<(String, String)>,
    pub price: Minor,
    pub category: String,
    pub image_url: String,
    pub stock_expected: Option<String>,
}

/// Longest product name, in characters.
pub const MAX_NAME: usize = 200;
/// Longest category, in characters.
pub const MAX_CATEGORY: usize = 80;

impl ValidProduct {
    /// Parses a form; `languages` are the codes the site writes in besides its default (a
    /// name in any other language is refused, not silently dropped).
    pub fn parse(form: &ProductForm, languages: &[String]) -> Result<ValidProduct, FieldErrors> {
        let mut errors = FieldErrors::new();
        let sku = errors.check(Field::Item, Sku::parse(&form.sku));
        let name = errors.check(Field::ProductName, product_name(&form.name));
        let mut names = Vec::new();
        for (language, text) in &form.names {
            if text.trim().is_empty() {
                continue;
            }
            if !languages.contains(language) {
                errors.check(Field::Language, Err::<(), _>(Problem::UnknownOption));
                continue;
            }
            if let Some(text) = errors.check(Field::ProductName, product_name(text)) {
                names.push((language.clone(), text));
            }
        }
        let price = errors.check(Field::UnitPrice, Minor::parse(&form.price));
        let category = errors.check(Field::Category, one_line(&form.category, MAX_CATEGORY));
        let image_url = errors.check(Field::ImageUrl, image_url(&form.image_url));
        let expected = if form.stock_expected.trim().is_empty() {
            Some(None)
        } else {
            // Any real date: a date already past just means "any day now".
            errors.check(
                Field::StockExpected,
                PastDate::parse(&form.stock_expected, None).map(|d| Some(d.as_str().to_owned())),
            )
        };
        match (sku, name, price, category, image_url, expected) {
            (Some(sku), Some(name), Some(price), Some(category), Some(image_url), Some(stock_expected))
                if errors.is_empty() =>
            {
                Ok(ValidProduct { sku, name, names, price, category, image_url, stock_expected })
            }
            _ => Err(errors),
        }
    }
}

fn product_name(raw: &str) -> Result<String, Problem> {
    let name = one_line(raw, MAX_NAME)?;
    if name.is_empty() { Err(Problem::Required) } else { Ok(name) }
}

/// Free text on one line (a line break in a name would break the till's list and CSVs).
fn one_line(raw: &str, max: usize) -> Result<String, Problem> {
    let text = FreeText::parse(raw, max)?;
    if text.as_str().contains(['\n', '\t']) {
        return Err(Problem::BadCharacters);
    }
    Ok(text.as_str().to_owned())
}

/// An image's address: blank, or http(s) with nothing that could leave an attribute.
fn image_url(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.len() > 500 {
        return Err(Problem::TooLong);
    }
    let shape_ok = s.starts_with("https://") || s.starts_with("http://");
    let chars_ok = !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>'));
    if shape_ok && chars_ok { Ok(s.to_owned()) } else { Err(Problem::NotAUrl) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProductForm {
        ProductForm {
            sku: "RYE-1".into(),
            name: " Rye bread ".into(),
            names: BTreeMap::from([("nl".into(), "Roggebrood".into()), ("de".into(), "  ".into())]),
            price: "4,60".into(),
            category: "Bread".into(),
            image_url: "https://shop.example/rye.jpg".into(),
            stock_expected: String::new(),
        }
    }

    #[test]
    fn a_product_parses_with_its_names_in_the_sites_languages() {
        let p = ValidProduct::parse(&form(), &["nl".into(), "de".into()]).unwrap();
        assert_eq!((p.sku.as_str(), p.name.as_str(), p.price), ("RYE-1", "Rye bread", Minor(460)));
        assert_eq!(p.names, vec![("nl".to_owned(), "Roggebrood".to_owned())], "a blank name is none");
        assert_eq!(p.stock_expected, None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = ProductForm {
            sku: "rye bread".into(),
            name: "Rye\nbread".into(),
            price: "-1".into(),
            image_url: "javascript:alert(1)".into(),
            stock_expected: "2026-02-30".into(),
            ..form()
        };
        let errors = ValidProduct::parse(&bad, &[]).unwrap_err();
        for field in
            [Field::Item, Field::ProductName, Field::UnitPrice, Field::ImageUrl, Field::StockExpected, Field::Language]
        {
            assert!(errors.get(field).is_some(), "{field:?}: {errors:?}");
        }
    }
}
