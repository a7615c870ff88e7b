//! A chunk of the customers import with a few statements for the lot. Each row's customer
//! is the site's with its email, else with its phone (the oldest such); found ones get the
//! row's values where they differ (`db::update`, one row at a time, each change in the
//! record's history); the others are created together: one insert of many rows, with
//! their blind indexes, and one of their tags. Row at a time, a new customer was five
//! trips to the database connection's thread (2,000 rows a second).
//!
//! What needs no database — the phone read in the site's country, the sealed values, the
//! keyed hashes and lookup keys — is [`Prepared`] beforehand, outside the writer's turn,
//! for the next chunk while one is written (`customers_file::apply`).
//!
//! The rows of a file name no email or phone twice (`rows::rows` refuses the second), so
//! no two rows of a chunk are one customer.

use super::db::{Outcome, phone_in_country, update};
use super::rows::Row;
use crate::db::{Conn, Dialect};
use crate::domain::{Country, CustomerField, FieldValue, SiteId, StaffId};
use crate::pii::PiiKey;
use crate::pii::blind::Plain;
use sqlx::{AssertSqlSafe, Row as _};
use std::collections::{HashMap, HashSet};

/// Rows in one insert: well under SQLite's 32,766 values with every field given.
const ROWS_PER_INSERT: usize = 500;

/// Keys looked up in one statement: well under SQLite's 32,766 parameters, whatever size
/// a chunk is (`customers_file::CHUNK`; a chunk of 50,000 rows failed on that limit).
const KEYS_PER_LOOKUP: usize = 5_000;

/// A row with what writing it takes that needs no database: sealing and the ~20 keyed
/// hashes of its blind indexes were half the import's CPU, done in the writer's turn.
pub struct Prepared {
    /// The row, its phone read in the site's country.
    row: Row,
    /// Its values as a new customer's columns hold them: sealed where sealed.
    stored: Vec<FieldValue>,
    /// Its blind indexes, in [`crate::sealed::BLIND_INDEXES`]' order.
    indexes: Vec<(&'static str, Option<Vec<u8>>)>,
}

impl Prepared {
    /// `rows` of a site in `country`, ready for [`apply`].
    pub fn all(pii: &PiiKey, country: Option<&Country>, rows: &[Row]) -> Vec<Prepared> {
        rows.iter().map(|row| Prepared::new(pii, phone_in_country(row, country))).collect()
    }

    fn new(pii: &PiiKey, row: Row) -> Prepared {
        let stored = row
            .values
            .iter()
            .map(|(field, value)| match value {
                FieldValue::Text(t) => FieldValue::Text(crate::pii::stored_field(pii, *field, t)),
                other => other.clone(),
            })
            .collect();
        let plain = Plain {
            first_name: row.text(CustomerField::FirstName),
            last_name: row.text(CustomerField::LastName),
            email: row.text(CustomerField::Email),
            phone: row.text(CustomerField::Phone),
        };
        let indexes = plain.indexes(pii);
        Prepared { row, stored, indexes }
    }

    /// The keyed hash of its email (`kind` "email") or phone ("phone").
    fn hash(&self, kind: &str) -> Option<&Vec<u8>> {
        let column = if kind == "email" { "email_hash" } else { "phone_hash" };
        self.indexes.iter().find(|(c, _)| *c == column)?.1.as_ref()
    }

    /// The keyed hash it is found by: its email's, else its phone's.
    fn key(&self) -> Option<&Vec<u8>> {
        self.hash("email").or_else(|| self.hash("phone"))
    }
}

/// Applies prepared `rows` of a site: how many were created, updated and unchanged.
pub async fn apply(
    conn: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    staff: StaffId,
    rows: &[Prepared],
) -> sqlx::Result<[i64; 3]> {
    let found = existing(conn, site, rows).await?;
    let known: Vec<(i64, &Row)> = found.iter().zip(rows).filter_map(|(id, p)| Some(((*id)?, &p.row))).collect();
    let same = unchanged(conn, pii, &known).await?;
    let mut counts = [0i64; 3];
    let mut new = Vec::new();
    for (prepared, id) in rows.iter().zip(found) {
        match id {
            Some(id) if same.contains(&id) => counts[2] += 1,
            Some(id) => match update(conn, pii, id, staff, &prepared.row).await? {
                Outcome::Updated => counts[1] += 1,
                _ => counts[2] += 1,
            },
            None => new.push(prepared),
        }
    }
    // Rows that give the same fields go in one statement, in the file's order (a file has
    // a few such shapes at most).
    let mut by_fields: Vec<(Vec<CustomerField>, Vec<&Prepared>)> = Vec::new();
    for prepared in new {
        let fields: Vec<CustomerField> = prepared.row.values.iter().map(|(f, _)| *f).collect();
        match by_fields.iter_mut().find(|(given, _)| *given == fields) {
            Some((_, rows)) => rows.push(prepared),
            None => by_fields.push((fields, vec![prepared])),
        }
    }
    for (fields, rows) in by_fields {
        for part in rows.chunks(ROWS_PER_INSERT) {
            counts[0] += insert(conn, site, &fields, part).await?;
        }
    }
    Ok(counts)
}

/// Of the known rows' customers, those the row would not change: every value as the
/// record has it (compared as `customer_changes::set_in` compares them) and every tag
/// there, read for the chunk in two statements. The others go through `update`, field by
/// field. A file imported again was a round trip per field of every row: on PostgreSQL,
/// whose trips cross a socket, 2,400 rows/s.
async fn unchanged(conn: &mut Conn, pii: &PiiKey, known: &[(i64, &Row)]) -> sqlx::Result<HashSet<i64>> {
    if known.is_empty() {
        return Ok(HashSet::new());
    }
    let mut fields: Vec<CustomerField> = Vec::new();
    for (field, _) in known.iter().flat_map(|(_, row)| &row.values) {
        if !fields.contains(field) {
            fields.push(*field);
        }
    }
    // The stored forms are SQL of fixed lists; the ids are bound. The ids come first as a
    // list of rows joined to the table (SQLite keeps a CROSS JOIN's order): read as
    // `c.id IN (…)`, statistics from a smaller table (`patron seed`'s ANALYZE) made SQLite
    // scan every customer for each chunk.
    let columns: String = fields.iter().map(|f| format!(", {}", f.stored_sql("c"))).collect();
    let mut stored: HashMap<i64, Vec<Option<String>>> = HashMap::new();
    let mut tagged: HashSet<(i64, String)> = HashSet::new();
    for part in known.chunks(KEYS_PER_LOOKUP) {
        let ids = format!("(VALUES {}) AS k", Dialect::of(conn).value_rows(part.len(), 1));
        let sql = format!("SELECT c.id{columns} FROM {ids} CROSS JOIN customers c WHERE c.id = k.column1");
        let mut select = sqlx::query(AssertSqlSafe(sql));
        for (id, _) in part {
            select = select.bind(id);
        }
        for r in select.fetch_all(&mut *conn).await? {
            let mut values = Vec::with_capacity(fields.len());
            for (i, field) in fields.iter().enumerate() {
                let value = crate::pii::read_field(pii, *field, r.try_get(i + 1)?)?;
                values.push(value.filter(|v| !v.is_empty()));
            }
            stored.insert(r.try_get(0)?, values);
        }
        let sql = format!(
            "SELECT t.customer_id, t.tag FROM {ids} CROSS JOIN customer_tags t WHERE t.customer_id = k.column1"
        );
        let mut tags = sqlx::query(AssertSqlSafe(sql));
        for (id, _) in part {
            tags = tags.bind(id);
        }
        for r in tags.fetch_all(&mut *conn).await? {
            tagged.insert((r.try_get(0)?, r.try_get(1)?));
        }
    }
    // A customer two rows found (one by email, one by phone) is left to `update`.
    let mut seen = HashSet::new();
    let twice: HashSet<i64> = known.iter().filter(|(id, _)| !seen.insert(*id)).map(|(id, _)| *id).collect();
    let same = |id: i64, row: &Row| {
        let Some(values) = stored.get(&id) else { return false };
        let value_same = row.values.iter().all(|(field, value)| {
            let i = fields.iter().position(|f| f == field);
            i.is_some_and(|i| values[i] == value.shown())
        });
        value_same && row.tags.iter().all(|t| tagged.contains(&(id, t.clone())))
    };
    Ok(known.iter().filter(|(id, row)| !twice.contains(id) && same(*id, row)).map(|(id, _)| *id).collect())
}

/// Each row's customer: the site's with the row's email, else the oldest with its phone.
async fn existing(conn: &mut Conn, site: SiteId, rows: &[Prepared]) -> sqlx::Result<Vec<Option<i64>>> {
    let mut found: [HashMap<Vec<u8>, i64>; 2] = Default::default();
    let dialect = Dialect::of(conn);
    for (i, kind) in ["email", "phone"].into_iter().enumerate() {
        let wanted: Vec<&Vec<u8>> = rows.iter().filter_map(|p| p.hash(kind)).collect();
        for part in wanted.chunks(KEYS_PER_LOOKUP) {
            // The site is the first parameter, the list comes after it.
            let sql = format!(
                "SELECT id, {kind}_hash AS hash FROM customers WHERE site_id IN {} AND {kind}_hash IN {}",
                dialect.value_rows(1, 1),
                dialect.value_rows_from(2, 1, part.len())
            );
            let mut q = sqlx::query(AssertSqlSafe(sql)).bind(site);
            for hash in part {
                q = q.bind((*hash).clone());
            }
            for r in q.fetch_all(&mut *conn).await? {
                let id: i64 = r.try_get("id")?;
                let slot = found[i].entry(r.try_get("hash")?).or_insert(id);
                *slot = (*slot).min(id);
            }
        }
    }
    let [by_email, by_phone] = &found;
    Ok(rows
        .iter()
        .map(|p| {
            let known = |kind, by: &HashMap<Vec<u8>, i64>| by.get(p.hash(kind)?).copied();
            known("email", by_email).or_else(|| known("phone", by_phone))
        })
        .collect())
}

/// New customers of rows that give `fields`, with their blind indexes and tags: how many.
async fn insert(conn: &mut Conn, site: SiteId, fields: &[CustomerField], rows: &[&Prepared]) -> sqlx::Result<i64> {
    // The blind indexes last, in `Plain::indexes`' order (a test in `pii::blind` holds it).
    let columns: Vec<&str> = ["site_id", "source"]
        .into_iter()
        .chain(fields.iter().map(|f| f.column()))
        .chain(crate::sealed::BLIND_INDEXES)
        .collect();
    let sql = format!(
        "INSERT INTO customers ({}) VALUES {} RETURNING id, email_hash, phone_hash",
        columns.join(", "),
        Dialect::of(conn).value_rows(rows.len(), columns.len())
    );
    let mut q = sqlx::query(AssertSqlSafe(sql));
    for prepared in rows {
        q = q.bind(site).bind("import");
        for value in &prepared.stored {
            q = match value {
                FieldValue::Text(t) => q.bind(t.clone()),
                FieldValue::Number(n) => q.bind(*n),
                FieldValue::Empty => q.bind(None::<String>),
            };
        }
        for (_, value) in &prepared.indexes {
            q = q.bind(value.clone());
        }
    }
    // Which row each new id is: by the index it is found by.
    let mut ids: HashMap<Vec<u8>, i64> = HashMap::new();
    for r in q.fetch_all(&mut *conn).await? {
        let id: i64 = r.try_get("id")?;
        let hash: Option<Vec<u8>> = r.try_get::<Option<Vec<u8>>, _>("email_hash")?.or(r.try_get("phone_hash")?);
        if let Some(hash) = hash {
            ids.insert(hash, id);
        }
    }
    let tags: Vec<(i64, &str)> = rows
        .iter()
        .filter_map(|p| Some((ids.get(p.key()?).copied()?, &p.row)))
        .flat_map(|(id, row)| row.tags.iter().map(move |t| (id, t.as_str())))
        .collect();
    for part in tags.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO customer_tags (customer_id, tag) VALUES {} ON CONFLICT DO NOTHING",
            Dialect::of(conn).value_rows(part.len(), 2)
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for (id, tag) in part {
            q = q.bind(*id).bind(tag.to_string());
        }
        q.execute(&mut *conn).await?;
    }
    Ok(rows.len() as i64)
}
