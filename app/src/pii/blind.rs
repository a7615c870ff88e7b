//! The blind indexes of a customer's sealed contact fields (migration 0019): keyed hashes
//! of the whole email and phone (`email_hash`, `phone_hash`), and lookup keys of the start
//! of the email, the phone and both names (`*_prefix`, see [`PiiKey::prefix`]). Worked out
//! here, in Rust, because the key never goes to the database. Every write of those fields
//! sets them in its own transaction: the writes of one field through [`of_field`] (the
//! record's edits, `customer_changes::set_in`), a new customer through [`set`] right after
//! its insert, a row put back as it was (a merge undone) through [`refresh`]. Until
//! migration 0052 SQLite triggers kept them, calling the key through SQL functions.

use super::PiiKey;
use crate::db::Conn;
use crate::domain::{CustomerField, CustomerId};
use sqlx::Row;

/// How many characters the lookup key of each field covers before its deeper bytes.
const EMAIL_CHARS: usize = 3;
const PHONE_CHARS: usize = 6;
const NAME_CHARS: usize = 3;

/// The index columns that follow `field`, with their values for its new plain value
/// (none for a field that is not indexed).
pub fn of_field(pii: &PiiKey, field: CustomerField, plain: Option<&str>) -> Vec<(&'static str, Option<Vec<u8>>)> {
    let plain = plain.unwrap_or("");
    let prefix = |chars| pii.prefix_range(plain, chars).0;
    match field {
        CustomerField::Email => {
            vec![("email_hash", pii.hash_of("email", plain)), ("email_prefix", prefix(EMAIL_CHARS))]
        }
        CustomerField::Phone => {
            vec![("phone_hash", pii.hash_of("phone", plain)), ("phone_prefix", prefix(PHONE_CHARS))]
        }
        CustomerField::FirstName => vec![("first_name_prefix", prefix(NAME_CHARS))],
        CustomerField::LastName => vec![("last_name_prefix", prefix(NAME_CHARS))],
        _ => Vec::new(),
    }
}

/// A customer's indexed fields, plain.
#[derive(Debug, Default, Clone, Copy)]
pub struct Plain<'a> {
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

impl Plain<'_> {
    /// Every index column with its value, in [`crate::sealed::BLIND_INDEXES`]'s order.
    pub fn indexes(&self, pii: &PiiKey) -> Vec<(&'static str, Option<Vec<u8>>)> {
        let mut all = of_field(pii, CustomerField::Email, self.email);
        all.extend(of_field(pii, CustomerField::Phone, self.phone));
        all.extend(of_field(pii, CustomerField::FirstName, self.first_name));
        all.extend(of_field(pii, CustomerField::LastName, self.last_name));
        all
    }
}

/// The statement of [`set`]: the indexes in [`Plain::indexes`]' order, then the id.
const SET_ALL: &str = "UPDATE customers SET email_hash = $1, email_prefix = $2, phone_hash = $3, phone_prefix = $4,
        first_name_prefix = $5, last_name_prefix = $6
    WHERE id = $7";

/// Sets every index of customer `id` from its plain fields. A second customer of the site
/// with this email fails it (`customers_one_per_email`): a unique violation.
pub async fn set(conn: &mut Conn, pii: &PiiKey, id: CustomerId, plain: Plain<'_>) -> sqlx::Result<()> {
    let mut query = sqlx::query(SET_ALL);
    for (_, value) in plain.indexes(pii) {
        query = query.bind(value);
    }
    query.bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// Works out customer `id`'s indexes again from what is stored, for a write that put
/// sealed values back without knowing them plain.
pub async fn refresh(conn: &mut Conn, pii: &PiiKey, id: CustomerId) -> sqlx::Result<()> {
    let row = sqlx::query("SELECT first_name, last_name, email, phone FROM customers WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    let open = |column: &str| pii.open_opt(row.get::<Option<&str>, _>(column));
    let (first, last, email, phone) = (open("first_name")?, open("last_name")?, open("email")?, open("phone")?);
    let plain = Plain {
        first_name: first.as_deref(),
        last_name: last.as_deref(),
        email: email.as_deref(),
        phone: phone.as_deref(),
    };
    set(conn, pii, id, plain).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indexes_are_in_the_order_the_update_names_them() {
        let pii = PiiKey::from_master(&[7; 32]);
        let names: Vec<_> = Plain::default().indexes(&pii).into_iter().map(|(c, _)| c).collect();
        assert_eq!(names, crate::sealed::BLIND_INDEXES);
        for (i, name) in names.iter().enumerate() {
            assert!(SET_ALL.contains(&format!("{name} = ${}", i + 1)), "{name}");
        }
        // A widget's new customer is inserted with them last, in this order (an import's
        // new customers name `BLIND_INDEXES` themselves).
        assert_eq!(names, crate::widgets::identity::NEW_CUSTOMER_COLUMNS[10..]);
    }

    #[test]
    fn nothing_typed_has_no_index() {
        let pii = PiiKey::from_master(&[7; 32]);
        let plain = Plain { first_name: Some(" "), last_name: Some(""), email: None, phone: Some("") };
        assert!(plain.indexes(&pii).iter().all(|(_, v)| v.is_none()));
        let anna = Plain { first_name: Some("Anna"), ..Plain::default() };
        assert_eq!(anna.indexes(&pii)[4].1, Some(pii.prefix("Anna", 3)));
    }
}
