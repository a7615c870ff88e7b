//! What an import brings in: customers, products, or the purchases of a shop's history,
//! each with its own targets for the columns (the names it recognises are in `headers`).

use crate::domain::{CustomerField, Field};
use crate::staff::texts::{AdminTexts, or_code};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    #[default]
    Customers,
    Products,
    Purchases,
}

impl ImportKind {
    pub const ALL: [ImportKind; 3] = [ImportKind::Customers, ImportKind::Products, ImportKind::Purchases];

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Customers => "customers",
            ImportKind::Products => "products",
            ImportKind::Purchases => "purchases",
        }
    }

    pub fn from_code(code: &str) -> Option<ImportKind> {
        ImportKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The words of this kind of import.
    pub fn words(self, w: &crate::staff::texts::Import) -> &crate::staff::texts::ImportKindWords {
        match self {
            ImportKind::Customers => &w.customers,
            ImportKind::Products => &w.products,
            ImportKind::Purchases => &w.purchases,
        }
    }

    /// The columns a purchase or product import cannot do without (customers: email or
    /// phone, checked by the customer rows).
    pub fn needs(self) -> &'static [&'static [&'static str]] {
        match self {
            ImportKind::Customers => &[&["email", "phone"]],
            ImportKind::Products => &[&["sku"], &["name"], &["price"]],
            ImportKind::Purchases => &[&["order_id"], &["date"], &["email", "phone"], &["total", "unit_price"]],
        }
    }

    /// The targets of a column, `""` (skip it) first (products add a name per site
    /// language). The page names them ([`target_name`]).
    pub fn targets(self) -> Vec<String> {
        let fixed: &[&str] = match self {
            ImportKind::Customers => return super::rows::targets().into_iter().map(str::to_owned).collect(),
            ImportKind::Products => &["sku", "name", "price", "category", "image_url", "stock_expected"],
            ImportKind::Purchases => &[
                "order_id",
                "date",
                "email",
                "phone",
                "sku",
                "item",
                "quantity",
                "unit_price",
                "total",
                "payment_method",
            ],
        };
        std::iter::once("").chain(fixed.iter().copied()).map(str::to_owned).collect()
    }

    /// The target a column header most likely means, `""` for none.
    pub fn suggest(self, header: &str) -> String {
        super::headers::suggest(self, header).to_owned()
    }
}

/// Checks a mapping (a target per column, `""` to skip) against `targets`: every target
/// known, none twice, and what the kind needs there.
#[cfg(any(feature = "ssr", test))]
pub fn check_mapping(
    kind: ImportKind,
    targets: &[String],
    columns: usize,
    mapping: &[String],
) -> Result<Vec<Option<String>>, crate::domain::Problem> {
    use crate::domain::Problem;
    if mapping.len() != columns {
        return Err(Problem::OutOfRange);
    }
    let mut out: Vec<Option<String>> = Vec::new();
    for m in mapping {
        if !targets.contains(m) {
            return Err(Problem::UnknownOption);
        }
        if m.is_empty() {
            out.push(None);
        } else if out.iter().flatten().any(|seen| seen == m) {
            return Err(Problem::Taken);
        } else {
            out.push(Some(m.clone()));
        }
    }
    for any_of in kind.needs() {
        if !out.iter().flatten().any(|t| any_of.contains(&t.as_str())) {
            return Err(if any_of.contains(&"email") { Problem::NeedsEmailOrPhone } else { Problem::Required });
        }
    }
    Ok(out)
}

/// A target's name in the reader's language: a customer field as the record names it, a
/// product's name in another language by that language's own name, a purchase's email
/// and phone as the customer's.
pub fn target_name(w: &AdminTexts, kind: ImportKind, code: &str) -> String {
    let field = CustomerField::from_column(code).filter(|_| kind == ImportKind::Customers);
    let named = match (kind, code, field) {
        (_, "", _) => w.import().skip,
        (ImportKind::Purchases, "email", _) => w.import().customer_email,
        (ImportKind::Purchases, "phone", _) => w.import().customer_phone,
        (_, _, Some(field)) => (w.record().field)(field),
        _ => match code.strip_prefix("name:") {
            Some(language) => return (w.import().name_in)(&crate::admin::products::language_name(language)),
            None => (w.import().target)(code),
        },
    };
    or_code(named, code)
}

/// The name of a row problem's field in the reader's language.
pub fn field_name(w: &AdminTexts, field: Field) -> &'static str {
    match field {
        Field::Customer(f) => (w.record().field)(f),
        other => (w.import().field)(other),
    }
}

/// A row problem without its line, as the rejected rows' file says it: "Email: This does
/// not look like an email address."
#[cfg(any(feature = "ssr", test))]
pub fn problem_text(w: &AdminTexts, p: &crate::domain::RowProblem) -> String {
    format!("{}: {}", field_name(w, p.field), w.problem(p.problem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_needs_its_keys_and_no_target_twice() {
        let check = |kind: ImportKind, m: &[&str]| {
            let m: Vec<String> = m.iter().map(|s| (*s).to_owned()).collect();
            check_mapping(kind, &kind.targets(), m.len(), &m)
        };
        use crate::domain::Problem;
        assert_eq!(check(ImportKind::Customers, &["first_name", "last_name"]), Err(Problem::NeedsEmailOrPhone));
        assert_eq!(check(ImportKind::Customers, &["email", "email"]), Err(Problem::Taken));
        assert_eq!(check(ImportKind::Customers, &["email", "password"]), Err(Problem::UnknownOption));
        assert_eq!(check(ImportKind::Customers, &["email", ""]).map(|m| m.len()), Ok(2));
        assert_eq!(check(ImportKind::Products, &["sku", "name"]), Err(Problem::Required));
        assert_eq!(check(ImportKind::Purchases, &["order_id", "date", "phone"]), Err(Problem::Required));
        assert!(check(ImportKind::Purchases, &["order_id", "date", "phone", "total"]).is_ok());
    }

    #[test]
    fn every_target_and_problem_field_is_named_in_every_language() {
        use crate::staff::texts::{Lang, of};
        let fields = [
            Field::Tags,
            Field::Item,
            Field::ProductName,
            Field::UnitPrice,
            Field::Category,
            Field::ImageUrl,
            Field::StockExpected,
            Field::Language,
            Field::PurchaseDate,
            Field::Email,
            Field::Phone,
            Field::Description,
            Field::Quantity,
            Field::Amount,
            Field::Code,
            Field::PaymentMethod,
            Field::Row,
        ];
        for lang in Lang::ALL {
            let (w, code) = (of(lang), lang.code());
            for kind in ImportKind::ALL {
                let mut targets = kind.targets();
                if kind == ImportKind::Products {
                    targets.push("name:nl".into());
                }
                let names: Vec<String> = targets.iter().map(|t| target_name(w, kind, t)).collect();
                for (target, name) in targets.iter().zip(&names) {
                    assert!(
                        !name.is_empty() && name != target,
                        "{code} has no name for the {kind:?} target {target:?}"
                    );
                }
                let distinct: std::collections::HashSet<&String> = names.iter().collect();
                assert_eq!(distinct.len(), names.len(), "{code}: two {kind:?} targets share a name: {names:?}");
            }
            assert!(target_name(w, ImportKind::Products, "name:nl").contains("Nederlands"), "{code}");
            let all = fields.into_iter().chain(CustomerField::ALL.map(Field::Customer));
            for field in all {
                assert!(!field_name(w, field).is_empty(), "{code} has no name for the problem field {field:?}");
            }
        }
    }

    #[test]
    fn the_import_pages_sentences_show_their_values() {
        use crate::staff::texts::{Lang, of};
        let shows = |s: String, values: &[&str], code: &str| {
            assert!(values.iter().all(|v| s.contains(v)), "{code}: {s:?} leaves out one of {values:?}");
        };
        for lang in Lang::ALL {
            let (w, code) = (&of(lang).import(), lang.code());
            for kind in ImportKind::ALL {
                let k = kind.words(w);
                shows((k.would)(7, 8, 9), &["7", "8", "9"], code);
                shows((k.done)(7, 8, 9), &["7", "8", "9"], code);
                shows((k.would)(1, 21, 0), &["1", "21", "0"], code);
            }
            for n in [1, 2, 5, 21] {
                shows((w.map_rows)(n), &[&n.to_string()], code);
                shows((w.problems)(n), &[&n.to_string()], code);
                shows((w.more)(n), &[&n.to_string()], code);
                shows((w.skipped)(n as i64), &[&n.to_string()], code);
            }
            shows((w.rows_done)(120, 3000), &["120", "3000"], code);
            shows((w.line)(43, "E-Mail", "Nope"), &["43", "E-Mail", "Nope"], code);
            shows((w.import_column_as)("Ort"), &["Ort"], code);
            shows((w.name_in)("Suomi"), &["Suomi"], code);
        }
    }
}
