//! A statement built from pieces, its parameters numbered `$1`, `$2`, … as they are
//! pushed. sqlx's `QueryBuilder` writes the placeholder its database's arguments format,
//! which for SQLite (and for sqlx's `Any`) is `?`, a syntax error on PostgreSQL; numbered
//! parameters read the same on both (docs/postgres.md). Written here because no builder of
//! sqlx's does it, and sea-query would mean rewriting the segment rules' SQL as its AST.

use super::{Backend, DbRow};
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::{Arguments, Encode, FromRow, Type};
use std::fmt::{Display, Write};

pub struct Statement {
    sql: String,
    arguments: super::Arguments,
    count: usize,
}

impl Statement {
    pub fn new(sql: impl Into<String>) -> Statement {
        Statement { sql: sql.into(), arguments: super::Arguments::default(), count: 0 }
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
        self.count += 1;
        let _ = write!(self.sql, "${}", self.count);
        // As sqlx's own builder: the values bound here (numbers, text, bytes) always encode.
        self.arguments.add(value).expect("a value that encodes");
        self
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
    use super::Statement;

    #[test]
    fn parameters_are_numbered_in_the_order_they_are_pushed() {
        let mut s = Statement::new("SELECT 1 FROM t WHERE a = ");
        s.push_bind(1_i64).push(" AND b IN (").push_bind("x").push(", ").push_bind(3_i64).push(")");
        assert_eq!(s.sql(), "SELECT 1 FROM t WHERE a = $1 AND b IN ($2, $3)");
    }
}
