//! Text tests of sealed fields (a name, the email, the street…), answered in Rust. The
//! database holds only their sealed text (see `crate::sealed`), so the site's customers are
//! opened here, each such test is tried on them, and the SQL of the filter reads which
//! customers passed as a list of ids ([`Answers::ids`]). A scan of the site, as the SQL
//! that opened them row by row was; tests of plain fields stay in SQL, where an index helps.

use super::filter::{Filter, Test, TextTest};
use crate::db::Db;
use crate::domain::{CustomerField, SiteId};
use sqlx::Row;

/// The customers that passed each sealed test of one filter.
#[derive(Debug, Default)]
pub struct Answers {
    found: Vec<(&'static str, TextTest, String)>,
}

impl Answers {
    /// The ids (a JSON array) of the customers whose `column` passed `test`.
    pub(super) fn ids(&self, column: &str, test: &TextTest) -> &str {
        self.found.iter().find(|(c, t, _)| *c == column && t == test).map_or("[]", |(_, _, ids)| ids.as_str())
    }
}

/// The sealed text tests of `filter`, tried on every customer of `site`. Without any, no
/// customer is read.
pub async fn answer(pool: &Db, site: SiteId, filter: &Filter) -> sqlx::Result<Answers> {
    let mut tests: Vec<(&'static str, &TextTest)> = Vec::new();
    for condition in filter.groups.iter().flat_map(|g| &g.conditions) {
        if let Test::Text { column, test } = &condition.test
            && CustomerField::from_column(column).is_some_and(CustomerField::sealed)
            && !tests.contains(&(*column, test))
        {
            tests.push((*column, test));
        }
    }
    if tests.is_empty() {
        return Ok(Answers::default());
    }
    let mut columns: Vec<&str> = tests.iter().map(|(c, _)| *c).collect();
    columns.dedup();
    columns.sort_unstable();
    columns.dedup();
    // Column names from CustomerField, never from the request.
    let sql = format!("SELECT id, {} FROM customers WHERE site_id = $1 ORDER BY id", columns.join(", "));
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(site).fetch_all(pool).await?;
    let mut found: Vec<Vec<i64>> = vec![Vec::new(); tests.len()];
    for row in &rows {
        let id: i64 = row.get("id");
        for ((column, test), ids) in tests.iter().zip(&mut found) {
            let value = pool.opened_text(row, column)?;
            if passes(test, &value) {
                ids.push(id);
            }
        }
    }
    Ok(Answers {
        found: tests
            .into_iter()
            .zip(found)
            .map(|((column, test), ids)| (column, test.clone(), serde_json::to_string(&ids).unwrap_or_default()))
            .collect(),
    })
}

/// Whether an opened `value` ("" when there is none) passes `test`, as the SQL of a plain
/// field decides it (`sql::push_text`): case-blind but for ranges, which compare the text.
fn passes(test: &TextTest, value: &str) -> bool {
    let lower = value.to_lowercase();
    match test {
        TextTest::Is(v) => lower == v.to_lowercase(),
        TextTest::Contains(v) => lower.contains(&v.to_lowercase()),
        TextTest::StartsWith(v) => lower.starts_with(&v.to_lowercase()),
        TextTest::Between(from, to) => {
            let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            let compared: String = if from.len() == to.len() && digits(from) && digits(to) {
                value.chars().take(from.chars().count()).collect()
            } else {
                value.to_owned()
            };
            !value.is_empty() && from.as_str() <= compared.as_str() && compared.as_str() <= to.as_str()
        }
        TextTest::Empty => value.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::passes;
    use crate::segment_rules::filter::TextTest;

    #[test]
    fn tests_read_as_the_sql_of_plain_fields() {
        assert!(passes(&TextTest::Is("anna".into()), "Anna"));
        assert!(!passes(&TextTest::Is("ann".into()), "Anna"));
        assert!(passes(&TextTest::Contains("NN".into()), "Anna"));
        assert!(passes(&TextTest::StartsWith("an".into()), "Anna"));
        assert!(!passes(&TextTest::StartsWith("nn".into()), "Anna"));
        assert!(passes(&TextTest::Empty, ""));
        assert!(!passes(&TextTest::Empty, "x"));
        // Equal-length digit bounds compare that many leading characters.
        let postcodes = TextTest::Between("8000".into(), "8099".into());
        assert!(passes(&postcodes, "8001 AB"));
        assert!(!passes(&postcodes, "8100"));
        assert!(!passes(&postcodes, ""));
        let names = TextTest::Between("B".into(), "D".into());
        assert!(passes(&names, "Bakker"));
        assert!(!passes(&names, "Dekker"), "Dekker sorts after D");
        assert!(!passes(&names, "bakker"), "ranges compare the text as it is");
    }
}
