//! What an import brings in: customers, products, or the purchases of a shop's history,
//! each with its own targets for the columns (the names it recognises are in `headers`).

use crate::domain::Field;
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

    /// The page's heading.
    pub fn title(self) -> &'static str {
        match self {
            ImportKind::Customers => "Import customers",
            ImportKind::Products => "Import products",
            ImportKind::Purchases => "Import past purchases",
        }
    }

    /// What the file must hold and what importing it does.
    pub fn explained(self) -> &'static str {
        match self {
            ImportKind::Customers => {
                "A CSV file with a header row, comma- or semicolon-separated. Each row needs an email or a phone: a customer \
                 with that email (or else phone) is updated where the file differs, anyone else is added. Importing the same \
                 file again changes nothing."
            }
            ImportKind::Products => {
                "A CSV file with a header row: a SKU, a name and a price on every row. A product with that SKU is updated \
                 where the file differs, any other is added; nothing is archived. Importing the same file again changes nothing."
            }
            ImportKind::Purchases => {
                "Your old till's or web shop's orders as CSV: an order number, a date, the customer's email or phone, and \
                 either its lines (item, quantity, unit price) or a total. Rows with the same order number are one \
                 purchase. Customers are matched as the customer import matches them, and added when new. An order \
                 number already here is left as it is, so importing the file again changes nothing. Past purchases \
                 earn no loyalty stamps or points and send no webhooks."
            }
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

    /// The targets of a column besides "skip" (products add a name per site language).
    pub fn targets(self) -> Vec<(String, String)> {
        let fixed: &[(&str, &str)] = match self {
            ImportKind::Customers => {
                return super::rows::targets().into_iter().map(|(c, l)| (c.to_owned(), l.to_owned())).collect();
            }
            ImportKind::Products => &[
                ("sku", "SKU"),
                ("name", "Name"),
                ("price", "Price"),
                ("category", "Category"),
                ("image_url", "Image address"),
                ("stock_expected", "Expected in stock (date)"),
            ],
            ImportKind::Purchases => &[
                ("order_id", "Order number"),
                ("date", "Date"),
                ("email", "Customer email"),
                ("phone", "Customer phone"),
                ("sku", "Line: SKU"),
                ("item", "Line: item name"),
                ("quantity", "Line: quantity"),
                ("unit_price", "Line: unit price"),
                ("total", "Order total"),
                ("payment_method", "Payment method"),
            ],
        };
        let mut all = vec![(String::new(), "(skip this column)".to_owned())];
        all.extend(fixed.iter().map(|(c, l)| ((*c).to_owned(), (*l).to_owned())));
        all
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
    targets: &[(String, String)],
    columns: usize,
    mapping: &[String],
) -> Result<Vec<Option<String>>, crate::domain::Problem> {
    use crate::domain::Problem;
    if mapping.len() != columns {
        return Err(Problem::OutOfRange);
    }
    let mut out: Vec<Option<String>> = Vec::new();
    for m in mapping {
        if !targets.iter().any(|(code, _)| code == m) {
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

/// The name of a row problem's field as the import page lists it.
pub fn field_label(field: Field) -> String {
    match field {
        Field::Customer(f) => f.label().to_owned(),
        Field::Tags => "Tags".into(),
        Field::Item => "SKU".into(),
        Field::ProductName => "Name".into(),
        Field::UnitPrice => "Price".into(),
        Field::Category => "Category".into(),
        Field::ImageUrl => "Image address".into(),
        Field::StockExpected => "Expected in stock".into(),
        Field::Language => "Name language".into(),
        Field::PurchaseDate => "Date".into(),
        Field::Email => "Customer email".into(),
        Field::Phone => "Customer phone".into(),
        Field::Description => "Item name".into(),
        Field::Quantity => "Quantity".into(),
        Field::Amount => "Order total".into(),
        Field::Code => "Order number".into(),
        Field::PaymentMethod => "Payment method".into(),
        _ => "Row".into(),
    }
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
}
