//! Which columns hold sealed PII (the server's migration 0019, and `crate::pii`), and which
//! hold the blind indexes that find it. Values are sealed and opened in Rust, never in SQL.

/// Every column that holds sealed values, as (table, column).
pub const SEALED: [(&str, &str); 15] = [
    ("customers", "first_name"),
    ("customers", "last_name"),
    ("customers", "email"),
    ("customers", "phone"),
    ("customers", "street"),
    ("customer_changes", "old_value"),
    ("customer_changes", "new_value"),
    ("imports", "content"),
    ("import_pieces", "content"),
    ("outbox", "to_address"),
    // A mail's words hold a name and, until it is used, a live link's token.
    ("outbox", "subject"),
    ("outbox", "body"),
    ("pending_signups", "form"),
    ("reservations", "typed_contact"),
    ("warranty_registrations", "typed_contact"),
];

/// How a row of a table in [`SEALED`] is found again: two integer columns, the second
/// `0` for a table keyed by `id` alone (SQLite's `rowid` did this, and PostgreSQL has none).
pub fn row_key(table: &str) -> (&'static str, &'static str) {
    match table {
        "import_pieces" => ("import_id", "n"),
        _ => ("id", "0"),
    }
}

/// The `customers` columns that index sealed ones: keyed hashes (`crate::pii::blind`), in
/// the order `Plain::indexes` gives their values (a test there holds it).
pub const BLIND_INDEXES: [&str; 6] =
    ["email_hash", "email_prefix", "phone_hash", "phone_prefix", "first_name_prefix", "last_name_prefix"];

pub fn is_sealed(table: &str, column: &str) -> bool {
    SEALED.contains(&(table, column))
}
