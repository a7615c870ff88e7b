//! Where SQLite's SQL and PostgreSQL's differ, one function per concept (DESIGN.md): a
//! statement that needs one builds its text with it. Everything else is written once.

use super::Dialect;

impl Dialect {
    /// The placeholders of `rows` rows of `columns` values each, for a multi-row
    /// `VALUES {…}` (one row is a list for `IN {…}`): `($1, $2), ($3, $4)`. On SQLite
    /// anonymous `?`: SQLite looks each numbered name up in a list of them, once when the
    /// statement is prepared and again at every bind, which for a thousand values was
    /// most of a batch insert's time.
    pub fn value_rows(self, rows: usize, columns: usize) -> String {
        self.value_rows_from(1, rows, columns)
    }

    /// [`Dialect::value_rows`] whose first value is the statement's parameter `first`
    /// (those before it bound ahead of them; on SQLite anonymous `?` count in order).
    pub fn value_rows_from(self, first: usize, rows: usize, columns: usize) -> String {
        let mark = |i: usize| match self {
            Dialect::Sqlite => "?".to_owned(),
            Dialect::Postgres => format!("${}", first - 1 + i),
        };
        let row = |r: usize| (1..=columns).map(|c| mark(r * columns + c)).collect::<Vec<_>>().join(", ");
        (0..rows).map(|r| format!("({})", row(r))).collect::<Vec<_>>().join(", ")
    }

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

    /// `(SELECT …)` of the ids in the JSON array of numbers bound at `param`, for
    /// `x IN {…}`.
    pub fn ids_in(self, param: &str) -> String {
        format!("(SELECT CAST(value AS BIGINT) FROM {})", self.json_values(param))
    }

    /// `(SELECT …)` of the texts in the JSON array of strings bound at `param`, for
    /// `x IN {…}`.
    pub fn texts_in(self, param: &str) -> String {
        format!("(SELECT value FROM {})", self.json_values(param))
    }

    /// `left = right`, letters compared without their case: SQLite's `NOCASE` (ASCII
    /// letters; its indexes are declared with it), PostgreSQL's `lower()` on both sides
    /// (its indexes are of `lower(x)`, migration postgres/0053).
    pub fn equal_ignoring_case(self, left: &str, right: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{left} = {right} COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({left}) = lower({right})"),
        }
    }

    /// `expr` as a sort key that ignores case.
    pub fn ignoring_case(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{expr} COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({expr})"),
        }
    }

    /// The pattern match that ignores case, as SQLite's `LIKE` does (for ASCII letters).
    pub fn like(self) -> &'static str {
        match self {
            Dialect::Sqlite => "LIKE",
            Dialect::Postgres => "ILIKE",
        }
    }

    /// Whether the text `haystack` holds the text `needle` (no wildcards, unlike `LIKE`).
    pub fn contains(self, haystack: &str, needle: &str) -> String {
        match self {
            Dialect::Sqlite => format!("instr({haystack}, {needle}) > 0"),
            Dialect::Postgres => format!("strpos({haystack}, {needle}) > 0"),
        }
    }

    /// The stored moment `moment` (`db::now()`'s format) plus `days` whole days, in the
    /// same format: for a number of days read from a row.
    pub fn plus_days(self, moment: &str, days: &str) -> String {
        match self {
            Dialect::Sqlite => format!("strftime('%Y-%m-%dT%H:%M:%fZ', {moment}, '+' || {days} || ' days')"),
            Dialect::Postgres => format!(
                "to_char((CAST({moment} AS TIMESTAMPTZ) + {days} * INTERVAL '1 day') AT TIME ZONE 'UTC', \
                 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
            ),
        }
    }

    /// Minutes from the stored moment `from` to `to` (a fraction; negative when `to` is
    /// earlier).
    pub fn minutes_between(self, from: &str, to: &str) -> String {
        match self {
            Dialect::Sqlite => format!("((julianday({to}) - julianday({from})) * 1440)"),
            Dialect::Postgres => {
                format!("(EXTRACT(EPOCH FROM CAST({to} AS TIMESTAMPTZ) - CAST({from} AS TIMESTAMPTZ)) / 60)")
            }
        }
    }

    /// Whether the text `expr` starts with the text `prefix`. On SQLite as a range, which
    /// an index of `expr` answers: from `prefix` to `prefix` followed by the last code
    /// point.
    pub fn starts_with(self, expr: &str, prefix: &str) -> String {
        match self {
            Dialect::Sqlite => format!("({expr} >= {prefix} AND {expr} < {prefix} || char(1114111))"),
            Dialect::Postgres => format!("starts_with({expr}, {prefix})"),
        }
    }

    /// The values of `expr` over a group, in `order`, as the text of a JSON array (`[]`
    /// for none).
    pub fn json_list(self, expr: &str, order: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_group_array({expr} ORDER BY {order})"),
            Dialect::Postgres => format!("CAST(coalesce(json_agg({expr} ORDER BY {order}), '[]') AS TEXT)"),
        }
    }

    /// A JSON array of two values, for [`Dialect::json_list`].
    pub fn json_pair(self, first: &str, second: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_array({first}, {second})"),
            Dialect::Postgres => format!("json_build_array({first}, {second})"),
        }
    }

    /// The bytes the hex text `expr` spells (NULL for NULL).
    pub fn from_hex(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("unhex({expr})"),
            Dialect::Postgres => format!("decode({expr}, 'hex')"),
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

#[cfg(test)]
mod tests {
    use super::Dialect;

    #[test]
    fn placeholders_are_numbered_row_after_row() {
        assert_eq!(Dialect::Postgres.value_rows(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(Dialect::Postgres.value_rows_from(2, 1, 3), "($2, $3, $4)");
        let sqlite = Dialect::Sqlite.value_rows(2, 2);
        assert_eq!(sqlite.replace('?', "_"), "(_, _), (_, _)", "SQLite's anonymous marks");
    }
}
