//! Parsing a purchase as typed at the till into lines and totals in minor units.

use super::api::{MAX_LINES, PurchaseForm};
use crate::domain::{Field, Minor, PaymentMethod, Problem, RowProblem, Totals};

/// A catalogue item the till can sell: (id, sku, name, price).
pub type CatalogueEntry = (i64, String, String, Minor);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLine {
    pub item_id: Option<i64>,
    pub description: String,
    pub quantity: i64,
    pub unit_price: Minor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPurchase {
    pub method: PaymentMethod,
    pub lines: Vec<ValidLine>,
    pub totals: Totals,
}

/// Parses every line; blank lines (no SKU, description or price) are skipped. A line with
/// a SKU takes the catalogue's name and price unless a price was typed (a price change at
/// the till is the shop's call). All problems are reported, each with its line number.
pub fn parse_purchase(form: &PurchaseForm, catalogue: &[CatalogueEntry]) -> Result<ValidPurchase, Vec<RowProblem>> {
    let mut problems = Vec::new();
    let mut whole = |field, problem| problems.push(RowProblem { row: 0, field, problem });
    let method = PaymentMethod::from_code(form.payment_method.trim());
    if method.is_none() {
        whole(Field::PaymentMethod, Problem::UnknownOption);
    }
    let discount = if form.discount.trim().is_empty() { Ok(Minor(0)) } else { Minor::parse(&form.discount) };
    if let Err(p) = discount {
        whole(Field::Discount, p);
    }
    if form.lines.len() > MAX_LINES {
        whole(Field::Lines, Problem::TooLong);
    }
    let mut lines = Vec::new();
    for (i, raw) in form.lines.iter().take(MAX_LINES).enumerate() {
        let row = i + 1;
        let blank = raw.sku.trim().is_empty() && raw.description.trim().is_empty() && raw.unit_price.trim().is_empty();
        if blank {
            continue;
        }
        let mut bad = |field, problem| problems.push(RowProblem { row, field, problem });
        let item = if raw.sku.trim().is_empty() {
            None
        } else {
            // As sent (the till's list, an API client), else as typed in capitals: a SKU
            // kept with small letters (`Rye-1`) is found either way.
            let sent = raw.sku.trim();
            let found = catalogue
                .iter()
                .find(|(_, s, _, _)| s == sent)
                .or_else(|| catalogue.iter().find(|(_, s, _, _)| *s == sent.to_uppercase()));
            if found.is_none() {
                bad(Field::Item, Problem::UnknownOption);
            }
            found
        };
        let description = match (raw.description.trim(), item) {
            ("", Some((_, _, name, _))) => Ok(name.clone()),
            ("", None) => Err(Problem::Required),
            (d, _) if d.chars().count() > 200 => Err(Problem::TooLong),
            (d, _) if d.chars().any(char::is_control) => Err(Problem::BadCharacters),
            (d, _) => Ok(d.to_owned()),
        };
        let description = description.map_err(|p| bad(Field::Description, p)).ok();
        let quantity = if raw.quantity.trim().is_empty() {
            Ok(1)
        } else {
            raw.quantity
                .trim()
                .parse::<i64>()
                .map_err(|_| Problem::NotANumber)
                .and_then(|q| if (1..=9999).contains(&q) { Ok(q) } else { Err(Problem::OutOfRange) })
        };
        let quantity = quantity.map_err(|p| bad(Field::Quantity, p)).ok();
        let unit_price = match (raw.unit_price.trim(), item) {
            ("", Some((_, _, _, price))) => Ok(*price),
            (typed, _) => Minor::parse(typed),
        };
        let unit_price = unit_price.map_err(|p| bad(Field::UnitPrice, p)).ok();
        if let (Some(description), Some(quantity), Some(unit_price)) = (description, quantity, unit_price) {
            lines.push(ValidLine { item_id: item.map(|(id, ..)| *id), description, quantity, unit_price });
        }
    }
    if lines.is_empty() && problems.iter().all(|p| p.row == 0) {
        problems.push(RowProblem { row: 0, field: Field::Lines, problem: Problem::Required });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let priced: Vec<(i64, Minor)> = lines.iter().map(|l| (l.quantity, l.unit_price)).collect();
    let totals = Totals::of(&priced, discount.unwrap_or_default())
        .map_err(|problem| vec![RowProblem { row: 0, field: Field::Discount, problem }])?;
    Ok(ValidPurchase { method: method.unwrap_or(PaymentMethod::Other), lines, totals })
}

#[cfg(test)]
mod tests {
    use super::super::api::LineForm;
    use super::*;

    fn catalogue() -> Vec<CatalogueEntry> {
        vec![(1, "SOURDOUGH".into(), "Sourdough loaf".into(), Minor(520))]
    }

    fn line(sku: &str, description: &str, quantity: &str, unit_price: &str) -> LineForm {
        LineForm {
            sku: sku.into(),
            description: description.into(),
            quantity: quantity.into(),
            unit_price: unit_price.into(),
        }
    }

    #[test]
    fn catalogue_lines_take_name_and_price_and_totals_are_exact() {
        let form = PurchaseForm {
            customer: 1,
            payment_method: "card".into(),
            discount: "1,00".into(),
            lines: vec![line("sourdough", "", "3", ""), line("", "", "", ""), line("", "Gift wrap", "", "0.10")],
        };
        let p = parse_purchase(&form, &catalogue()).unwrap();
        assert_eq!(p.lines[0].description, "Sourdough loaf");
        assert_eq!(p.lines.len(), 2, "the blank line is skipped");
        assert_eq!((p.totals.subtotal, p.totals.discount, p.totals.total), (Minor(1570), Minor(100), Minor(1470)));
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number() {
        let form = PurchaseForm {
            customer: 1,
            payment_method: "bitcoin".into(),
            discount: "".into(),
            lines: vec![line("NOPE", "", "1", ""), line("", "Coffee", "0", "2.50"), line("", "Cake", "1", "2.555")],
        };
        let problems = parse_purchase(&form, &catalogue()).unwrap_err();
        let has = |row, field, problem| problems.contains(&RowProblem { row, field, problem });
        assert!(has(0, Field::PaymentMethod, Problem::UnknownOption));
        assert!(has(1, Field::Item, Problem::UnknownOption));
        assert!(has(2, Field::Quantity, Problem::OutOfRange));
        assert!(has(3, Field::UnitPrice, Problem::NotAnAmount));
    }

    #[test]
    fn a_purchase_needs_a_line_and_a_discount_within_its_subtotal() {
        let empty = PurchaseForm { payment_method: "cash".into(), ..Default::default() };
        assert_eq!(parse_purchase(&empty, &catalogue()).unwrap_err()[0].field, Field::Lines);
        let over = PurchaseForm {
            payment_method: "cash".into(),
            discount: "6".into(),
            lines: vec![line("SOURDOUGH", "", "1", "")],
            ..Default::default()
        };
        assert_eq!(parse_purchase(&over, &catalogue()).unwrap_err()[0].field, Field::Discount);
    }
}
