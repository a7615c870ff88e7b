//! The words of the CSV import page, and of the rejected rows' file it hands back. The
//! customer fields a column can be imported as are named by the record's words; the rest
//! here. Each language's values are in `import/<lang>.rs`.

pub(super) mod af;
pub(super) mod de;
pub(super) mod en;
pub(super) mod fi;
pub(super) mod nl;
pub(super) mod pt;
pub(super) mod ru;

use crate::domain::Field;

/// The words of one kind of import: customers, products or past purchases.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ImportKindWords {
    /// The page's heading, and its tab.
    pub title: &'static str,
    /// What the file must hold and what importing it does.
    pub explained: &'static str,
    /// What the good rows would do: (created, updated, unchanged). For purchases: purchases
    /// added, customers added, orders already here.
    #[cfg_attr(test, serde(skip))]
    pub would: fn(i64, i64, i64) -> String,
    /// What a finished import did, counted as `would` counts: "Done: …."
    #[cfg_attr(test, serde(skip))]
    pub done: fn(i64, i64, i64) -> String,
}

#[cfg_attr(test, derive(serde::Serialize))]
pub struct Import {
    pub customers: ImportKindWords,
    pub products: ImportKindWords,
    pub purchases: ImportKindWords,
    /// The label of the tabs choosing what to import.
    pub kinds: &'static str,
    pub file: &'static str,
    /// How many rows the file has, above the mapping.
    #[cfg_attr(test, serde(skip))]
    pub map_rows: fn(usize) -> String,
    pub column: &'static str,
    pub import_as: &'static str,
    pub first_rows: &'static str,
    /// The label of a column's target choice.
    #[cfg_attr(test, serde(skip))]
    pub import_column_as: fn(&str) -> String,
    pub skip: &'static str,
    /// A target's name by its code; "" for a customer field (the record names those) or a
    /// code it does not know.
    #[cfg_attr(test, serde(skip))]
    pub target: fn(&str) -> &'static str,
    /// A purchase's `email` and `phone` targets: the customer's.
    pub customer_email: &'static str,
    pub customer_phone: &'static str,
    /// The target of a product's name in another language, by that language's own name.
    #[cfg_attr(test, serde(skip))]
    pub name_in: fn(&str) -> String,
    pub check: &'static str,
    /// How many rows have problems, and what to do.
    #[cfg_attr(test, serde(skip))]
    pub problems: fn(usize) -> String,
    /// Problems beyond those listed.
    #[cfg_attr(test, serde(skip))]
    pub more: fn(usize) -> String,
    pub download_rejected: &'static str,
    pub import_valid: &'static str,
    pub import: &'static str,
    pub progress: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub rows_done: fn(i64, i64) -> String,
    /// Rows with problems left out of a finished import.
    #[cfg_attr(test, serde(skip))]
    pub skipped: fn(i64) -> String,
    pub failed: &'static str,
    /// A problem as listed: (line, field, problem).
    #[cfg_attr(test, serde(skip))]
    pub line: fn(usize, &str, &str) -> String,
    /// The name of a row problem's field other than a customer's ("" for those).
    #[cfg_attr(test, serde(skip))]
    pub field: fn(Field) -> &'static str,
    /// The last column of the rejected rows' file.
    pub problem_column: &'static str,
    /// Why a good line of an order with a bad line was left out.
    pub other_line_of_order: &'static str,
}
