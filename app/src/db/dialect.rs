//! Where SQLite's SQL and PostgreSQL's differ, one function per concept (DESIGN.md): a
//! statement that needs one builds its text with it. Everything else is written once.

use super::Dialect;

impl Dialect {
    /// The elements of the JSON array bound at `param` as rows with one column, `value`,
    /// each an array read with `value ->> N`. `value ->> N` is text on PostgreSQL: a number
    /// is read with `CAST(value ->> N AS BIGINT)` (which SQLite reads alike). On SQLite,
    /// `jsonb_each`, which hands each row over parsed once (`json_each` parsed it again
    /// for every `->>`).
    pub fn json_rows(self, param: &str) -> String {
        match self {
            Dialect::Sqlite => format!("jsonb_each({param})"),
            Dialect::Postgres => format!("jsonb_array_elements(CAST({param} AS JSONB))"),
        }
    }

    /// The elements of the JSON array bound at `param`, which are numbers or strings, as
    /// rows of one column, `value`: text on PostgreSQL (a number is compared as
    /// `CAST(value AS BIGINT)`).
    pub fn json_values(self, param: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_each({param})"),
            Dialect::Postgres => format!("jsonb_array_elements_text(CAST({param} AS JSONB))"),
        }
    }

    /// The texts of a group joined with `separator` (an SQL string literal).
    pub fn joined(self, expr: &str, separator: &str) -> String {
        match self {
            Dialect::Sqlite => format!("group_concat({expr}, {separator})"),
            Dialect::Postgres => format!("string_agg({expr}, {separator})"),
        }
    }

    /// ` INDEXED BY index` on SQLite, where its planner needs telling (said where it is
    /// used); nothing on PostgreSQL.
    pub fn indexed_by(self, index: &str) -> String {
        match self {
            Dialect::Sqlite => format!(" INDEXED BY {index}"),
            Dialect::Postgres => String::new(),
        }
    }
}
