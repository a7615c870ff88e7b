//! Reading products from CSV: each row parsed as the Products page parses a product (the
//! same [`ValidProduct`]), with a name per site language from columns mapped `name:xx`.
//! A product with the row's SKU is updated where the file differs, any other is added.

use super::rows::{cell, column_day_order};
use crate::domain::date_spelling::{self, DayOrder};
use crate::domain::{Field, Problem, RowProblem};
use crate::products::{ProductForm, ValidProduct};
use std::collections::HashMap;

/// A product row that parsed, with its line in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRow {
    pub line: usize,
    pub product: ValidProduct,
}

/// The targets of product columns: one per site language besides the default, for its name.
pub fn language_targets(languages: &[String]) -> Vec<String> {
    languages.iter().map(|l| format!("name:{l}")).collect()
}

/// Every product of the file, and every problem. An expected date may be written as the
/// file's tool writes dates; prices as the Products page takes them.
pub fn products(
    records: &[(usize, Vec<String>)],
    mapping: &[Option<String>],
    languages: &[String],
    fallback: DayOrder,
) -> (Vec<ProductRow>, Vec<RowProblem>) {
    let order = column_day_order(records, mapping, "stock_expected", fallback);
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (line, record) in records {
        let get = |target: &str| cell(record, mapping, target).unwrap_or_default().to_owned();
        let mut form = ProductForm {
            sku: get("sku"),
            name: get("name"),
            price: super::purchases::amount(&get("price")).map(|m| m.plain()).unwrap_or_else(|_| get("price")),
            category: get("category"),
            image_url: get("image_url"),
            ..ProductForm::default()
        };
        for language in languages {
            form.names.insert(language.clone(), get(&format!("name:{language}")));
        }
        if let Some(raw) = cell(record, mapping, "stock_expected") {
            match date_spelling::read(raw, order) {
                Ok(d) if d.year.is_some() => form.stock_expected = d.date(),
                _ => {
                    problems.push(RowProblem { row: *line, field: Field::StockExpected, problem: Problem::NotADate });
                    continue;
                }
            }
        }
        match ValidProduct::parse(&form, languages) {
            Ok(product) => {
                if seen.insert(product.sku.as_str().to_owned(), *line).is_some() {
                    problems.push(RowProblem { row: *line, field: Field::Row, problem: Problem::DuplicateInFile });
                } else {
                    rows.push(ProductRow { line: *line, product });
                }
            }
            Err(errors) => problems.extend(errors.iter().map(|(field, problem)| RowProblem {
                row: *line,
                field: *field,
                problem: *problem,
            })),
        }
    }
    (rows, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Minor;

    #[test]
    fn rows_become_products_and_bad_ones_are_named() {
        let mapping: Vec<Option<String>> =
            ["sku", "name", "name:nl", "price", "stock_expected"].iter().map(|t| Some((*t).to_owned())).collect();
        let records: Vec<(usize, Vec<String>)> = [
            ["RYE-1", "Rye bread", "Roggebrood", "4.60", ""],
            ["STOL-1", "Stollen", "", "€15,00", "24/12/2026"],
            ["BAD SKU", "Bun", "", "1", ""],
            ["RYE-1", "Rye again", "", "4.60", ""],
            ["BUN-1", "", "", "x", ""],
        ]
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 2, r.iter().map(|c| (*c).to_owned()).collect()))
        .collect();
        let (rows, problems) = products(&records, &mapping, &["nl".into()], DayOrder::DayFirst);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].product.names, [("nl".to_owned(), "Roggebrood".to_owned())]);
        assert_eq!(rows[1].product.price, Minor(1500));
        assert_eq!(rows[1].product.stock_expected.as_deref(), Some("2026-12-24"));
        let found: Vec<(usize, Field)> = problems.iter().map(|p| (p.row, p.field)).collect();
        assert_eq!(
            found,
            [(4, Field::Item), (5, Field::Row), (6, Field::ProductName), (6, Field::UnitPrice)],
            "{problems:?}"
        );
    }
}
