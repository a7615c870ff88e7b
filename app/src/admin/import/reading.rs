//! An upload of products or past purchases read whole under its mapping: the rows that
//! parsed, every problem, the rows handed back to fix, and applying the good rows a chunk
//! at a time. (Customers are read a batch at a time: `customers_file`.)

use super::db::Outcome;
use super::kind::{ImportKind, check_mapping, problem_text};
use super::{products, purchases, purchases_db, rows};
use crate::db::Conn;
use crate::db::Db;
use crate::domain::date_spelling::DayOrder;
use crate::domain::{Country, Field, FieldErrors, Problem, RowProblem, SiteId};
use crate::error::AppError;
use crate::staff::texts::AdminTexts;
use std::collections::HashSet;

/// What the rows of a site are read against: its currency, its other languages, its country.
pub struct SiteTerms {
    pub currency: String,
    pub languages: Vec<String>,
    pub country: Option<Country>,
}

impl SiteTerms {
    pub async fn of(pool: &Db, site: SiteId) -> sqlx::Result<SiteTerms> {
        let (currency, languages) = crate::products::db::site_terms(pool, site).await?;
        let country = crate::sites::phones::country(&mut *pool.acquire().await?, site).await?;
        Ok(SiteTerms { currency, languages, country })
    }

    pub fn targets(&self, kind: ImportKind) -> Vec<String> {
        let mut all = kind.targets();
        if kind == ImportKind::Products {
            all.extend(products::language_targets(&self.languages));
        }
        all
    }

    pub fn day_order(&self) -> DayOrder {
        DayOrder::of_country(self.country.as_ref().map(|c| c.as_str()))
    }
}

/// The good rows of an upload, by kind.
pub enum Parsed {
    Products(Vec<products::ProductRow>),
    Purchases(Vec<purchases::Order>),
}

/// An upload read under a mapping.
pub struct Reading {
    pub header: Vec<String>,
    /// The target of each column.
    pub targets: Vec<Option<String>>,
    pub records: Vec<(usize, Vec<String>)>,
    pub parsed: Parsed,
    pub problems: Vec<RowProblem>,
}

pub fn bad_file(e: csv::Error) -> AppError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    AppError::InvalidRows(vec![RowProblem { row: line, field: Field::Row, problem: Problem::BadCharacters }])
}

impl Reading {
    /// Reads `content` as `kind` under `mapping` (a JSON array of targets).
    pub fn new(kind: ImportKind, content: &str, mapping: &str, site: &SiteTerms) -> Result<Reading, AppError> {
        let mapping: Vec<String> = serde_json::from_str(mapping)
            .map_err(|_| AppError::Invalid(FieldErrors::one(Field::Mapping, Problem::UnknownOption)))?;
        let (header, records) = rows::records(content).map_err(bad_file)?;
        let targets = check_mapping(kind, &site.targets(kind), header.len(), &mapping)
            .map_err(|p| AppError::Invalid(FieldErrors::one(Field::Mapping, p)))?;
        let (parsed, problems) = match kind {
            ImportKind::Customers => {
                // Never read whole: `customers_file` reads them a batch at a time.
                return Err(AppError::Invalid(FieldErrors::one(Field::Mapping, Problem::UnknownOption)));
            }
            ImportKind::Products => {
                let (good, problems) = products::products(&records, &targets, &site.languages, site.day_order());
                (Parsed::Products(good), problems)
            }
            ImportKind::Purchases => {
                let now = crate::domain::iso_timestamp_millis(now_millis());
                let (good, problems) = purchases::orders(&records, &targets, site.day_order(), &now);
                (Parsed::Purchases(good), problems)
            }
        };
        Ok(Reading { header, targets, records, parsed, problems })
    }

    /// How many rows (orders, for purchases) are good.
    pub fn good_rows(&self) -> usize {
        match &self.parsed {
            Parsed::Products(r) => r.len(),
            Parsed::Purchases(r) => r.len(),
        }
    }

    /// The lines of the rows not imported with the good ones: those with a problem, and
    /// for purchases every row of an order that has one.
    pub fn rejected_lines(&self) -> HashSet<usize> {
        let mut lines: HashSet<usize> = self.problems.iter().map(|p| p.row).collect();
        if let Parsed::Purchases(orders) = &self.parsed {
            let kept: HashSet<&str> = orders.iter().map(|o| o.order_id.as_str()).collect();
            let column = self.targets.iter().position(|t| t.as_deref() == Some("order_id"));
            for (line, record) in &self.records {
                if column.is_some_and(|i| !kept.contains(record.get(i).map_or("", |c| c.trim()))) {
                    lines.insert(*line);
                }
            }
        }
        lines
    }

    /// The rows of the file not imported ([`Reading::rejected_lines`]), as CSV with the file's header and a
    /// last column saying what is wrong, in `w`'s language: staff fix it and import it again.
    pub fn rejected_csv(&self, w: &AdminTexts) -> String {
        let rejected = self.rejected_lines();
        use crate::csv_cells::csv_line;
        let mut out = csv_line(self.header.iter().map(|h| h.as_str().into()).chain([w.import().problem_column.into()]));
        for (line, record) in &self.records {
            if !rejected.contains(line) {
                continue;
            }
            let why: Vec<String> =
                self.problems.iter().filter(|p| p.row == *line).map(|p| problem_text(w, p)).collect();
            let why = if why.is_empty() { w.import().other_line_of_order.to_owned() } else { why.join(" ") };
            let mut cells = record.clone();
            cells.resize(self.header.len(), String::new());
            cells.push(why);
            out.push_str(&csv_line(cells.iter().map(|c| c.as_str().into())));
        }
        out
    }

    /// Applies the good rows `from..to` in the caller's transaction: created, updated
    /// (for purchases: customers added), unchanged.
    pub async fn apply(
        &self,
        conn: &mut Conn,
        pii: &crate::pii::PiiKey,
        site: SiteId,
        import: i64,
        terms: &SiteTerms,
        range: std::ops::Range<usize>,
    ) -> sqlx::Result<[i64; 3]> {
        let mut counts = [0i64; 3];
        let mut count = |o: Outcome| match o {
            Outcome::Created => counts[0] += 1,
            Outcome::Updated => counts[1] += 1,
            Outcome::Unchanged => counts[2] += 1,
        };
        match &self.parsed {
            Parsed::Products(rows) => {
                for row in &rows[range] {
                    count(apply_product(conn, site, &row.product).await?);
                }
            }
            Parsed::Purchases(orders) => {
                let country = terms.country.as_ref();
                return purchases_db::apply(conn, pii, site, import, &terms.currency, country, &orders[range]).await;
            }
        }
        Ok(counts)
    }

    /// The good rows in chunks, one transaction each. Purchases go in thousands: a chunk
    /// is a few statements, and each commit waits for the disk (5,000 orders hold the
    /// writer for about half a second).
    pub fn chunks(&self) -> impl Iterator<Item = std::ops::Range<usize>> + use<> {
        let size = match self.parsed {
            Parsed::Purchases(_) => 5_000,
            Parsed::Products(_) => super::CHUNK_ROWS,
        };
        let rows = self.good_rows();
        (0..rows).step_by(size).map(move |start| start..(start + size).min(rows))
    }
}

async fn apply_product(
    conn: &mut Conn,
    site: SiteId,
    product: &crate::products::ValidProduct,
) -> sqlx::Result<Outcome> {
    use crate::products::db::{Saved, by_sku, save_in};
    let create = by_sku(conn, site, product.sku.as_str()).await?.is_none();
    Ok(match save_in(conn, site, product, create).await? {
        Saved::Created(_) => Outcome::Created,
        Saved::Updated(_) => Outcome::Updated,
        Saved::Unchanged(_) | Saved::SkuTaken | Saved::NotFound => Outcome::Unchanged,
    })
}

fn now_millis() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}
