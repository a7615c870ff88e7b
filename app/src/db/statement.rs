//! A statement built from pieces, its parameters numbered `$1`, `$2`, … as they are
//! pushed. sqlx's `QueryBuilder` writes the placeholder its database's arguments format,
//! which for SQLite (and for sqlx's `Any`) is `?`, a syntax error on PostgreSQL; numbered
//! parameters read the same on both (docs/postgres.md). Written here because no builder of
//! sqlx's does it, and sea-query would mean rewriting the segment rules' SQL as its AST.

use super::{Backend, DbRow, Dialect};
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::{Arguments, Encode, FromRow, Type};
use std::fmt::{Display, Write};

pub struct Statement {
    dialect: Dialect,
    sql: String,
    arguments: super::Arguments,
    count: usize,
}

impl Statement {
    /// A statement for a database that speaks `dialect` (`Db::dialect`).
    pub fn new(dialect: Dialect, sql: impl Into<String>) -> Statement {
        Statement { dialect, sql: sql.into(), arguments: super::Arguments::default(), count: 0 }
    }

    /// The dialect the statement is written in, for the pieces that differ.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// Appends SQL text. Only fixed text and names from fixed lists: values go through
    /// [`Statement::push_bind`].
    pub fn push(&mut self, sql: impl Display) -> &mut Self {
        let _ = write!(self.sql, "{sql}");
        self
    }

    /// Appends the next numbered parameter, bound to `value`.
    pub fn push_bind<'t, T>(&mut self, value: T) -> &mut Self
    where
        T: Encode<'t, Backend> + Type<Backend> + 't,
    {
        let placeholder = self.bind(value);
        self.push(placeholder)
    }

    /// Binds `value` to the next numbered parameter and returns its placeholder (`$3`),
    /// for a piece of SQL that puts it inside a dialect's expression.
    pub fn bind<'t, T>(&mut self, value: T) -> String
    where
        T: Encode<'t, Backend> + Type<Backend> + 't,
    {
        self.count += 1;
        // As sqlx's own builder: the values bound here (numbers, text, bytes) always encode.
        self.arguments.add(value).expect("a value that encodes");
        format!("${}", self.count)
    }

    /// The text so far (for tests and logs; it holds no values).
    pub fn sql(&self) -> &str {
        &self.sql
    }

    pub fn build(self) -> Query<'static, Backend, super::Arguments> {
        sqlx::query_with(sqlx::AssertSqlSafe(self.sql), self.arguments)
    }

    pub fn build_query_as<T>(self) -> QueryAs<'static, Backend, T, super::Arguments>
    where
        T: for<'r> FromRow<'r, DbRow>,
    {
        sqlx::query_as_with(sqlx::AssertSqlSafe(self.sql), self.arguments)
    }

    pub fn build_query_scalar<T>(self) -> QueryScalar<'static, Backend, T, super::Arguments>
    where
        (T,): for<'r> FromRow<'r, DbRow>,
    {
        sqlx::query_scalar_with(sqlx::AssertSqlSafe(self.sql), self.arguments)
    }
}

#[cfg(test)]
mod tests {
    use super::{Dialect, Statement};

    #[test]
    fn parameters_are_numbered_in_the_order_they_are_pushed() {
        let mut s = Statement::new(Dialect::Sqlite, "SELECT 1 FROM t WHERE a = ");
        s.push_bind(1_i64).push(" AND b IN (").push_bind("x").push(", ").push_bind(3_i64).push(")");
        assert_eq!(s.sql(), "SELECT 1 FROM t WHERE a = $1 AND b IN ($2, $3)");
    }
}
