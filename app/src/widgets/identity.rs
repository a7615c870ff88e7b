//! Identifying a visitor (server side): the customer matched or created by email, the
//! favourites they saved while anonymous, and the browser token that links their later
//! favourites to them.
//!
//! A typed email is a claim, not an identity: anyone can type anyone's address. So a
//! widget creates a customer for a new address, but for a known one it changes none of the
//! record's fields, attaches nothing the browser saved and links no browser to it (the
//! visitor gets a token that links nothing, indistinguishable from a real one); the
//! submission itself (a reservation, a warranty card) is kept with what was typed.

use crate::db::Conn;
use crate::db::Db;
use crate::domain::{CustomerId, Email, PersonName, Phone, PostalAddress, SiteId, Sku};
use crate::pii::PiiKey;
use crate::tokens;
use sqlx::Row as _;

/// Contact details a widget collected; blank optional fields keep what is on record.
pub struct Contact<'a> {
    pub first_name: Option<&'a PersonName>,
    pub last_name: Option<&'a PersonName>,
    pub email: &'a Email,
    pub phone: Option<&'a Phone>,
    /// The postal address, where the site's widget asks for one and it was given.
    pub address: Option<&'a PostalAddress>,
    /// The widget it came through (`signup`, `reservation`...), kept as the new customer's source.
    pub source: &'static str,
}

/// Whether a typed address made a new customer or named one already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    New,
    Known,
}

/// The customer with this email on this site, left as it is, or a new one made from the
/// typed contact. For widgets, whose callers have proven nothing. Run it inside the write
/// lock (`writer::begin` or `writer::grouped`) so two requests with the same email cannot
/// both create (the UNIQUE index backs that up).
pub async fn claim_customer(
    tx: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    c: &Contact<'_>,
) -> sqlx::Result<(CustomerId, Claim)> {
    // A new address, the common case, is one statement: the insert does nothing when the
    // site has the email already (`customers_one_per_email`), and only then is it looked up.
    if let Some(id) = insert_customer(tx, pii, site, c).await? {
        return Ok((id, Claim::New));
    }
    let known = find_by_email(tx, pii, site, c.email).await?.ok_or(sqlx::Error::RowNotFound)?;
    Ok((known, Claim::Known))
}

/// The browser's token after a claim: linked to a new customer; for a known address, a
/// token that links nothing (the address is not proven to be the visitor's).
pub async fn token_for(tx: &mut Conn, site: SiteId, customer: CustomerId, claim: Claim) -> sqlx::Result<String> {
    match claim {
        Claim::New => link_browser(tx, site, customer).await,
        Claim::Known => Ok(decoy_token()),
    }
}

/// The typed contact of a submission, sealed as one value (JSON of first name, last name,
/// phone and the address's parts when one was given), kept on the submission whatever the
/// record says.
pub fn typed_contact(c: &Contact<'_>) -> String {
    let mut typed = serde_json::json!({
        "first_name": c.first_name.map(PersonName::as_str),
        "last_name": c.last_name.map(PersonName::as_str),
        "phone": c.phone.map(Phone::as_str),
    });
    if let Some(address) = c.address {
        let parts = address.parts().into_iter().map(|(field, value)| (field.column().to_owned(), value.into()));
        typed["address"] = serde_json::Value::Object(parts.collect());
    }
    typed.to_string()
}

/// The customer with this email on this site, updated with the filled-in fields, or a new
/// one; `true` when created. For callers who act for the shop (the REST API with its key):
/// widgets use [`claim_customer`]. Run it inside the write lock so two requests with the
/// same email cannot both create (the UNIQUE index backs that up).
pub async fn upsert_customer(
    tx: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    c: &Contact<'_>,
) -> sqlx::Result<(CustomerId, bool)> {
    use crate::customer_changes::{ChangeSource, set_in};
    use crate::domain::{CustomerField, FieldValue};
    let Some(id) = find_by_email(tx, pii, site, c.email).await? else {
        let id = insert_customer(tx, pii, site, c).await?.ok_or(sqlx::Error::RowNotFound)?;
        return Ok((id, true));
    };
    // Each filled-in field that differs is changed and written to the record's history,
    // saying where the change came from.
    let source = if c.source == "api" { ChangeSource::Api } else { ChangeSource::Widget };
    // `set_in` stores a phone number as the customer's site does.
    let filled = [
        (CustomerField::FirstName, c.first_name.map(PersonName::as_str)),
        (CustomerField::LastName, c.last_name.map(PersonName::as_str)),
        (CustomerField::Phone, c.phone.map(Phone::as_str)),
    ];
    let address = c.address.map(PostalAddress::parts).unwrap_or_default();
    let given = filled.into_iter().filter_map(|(field, new)| Some((field, new?))).chain(address);
    for (field, value) in given {
        set_in(tx, pii, id, None, source, field, &FieldValue::Text(value.to_owned())).await?;
    }
    Ok((id, false))
}

/// The customer with this email on this site (matched by its keyed hash).
async fn find_by_email(tx: &mut Conn, pii: &PiiKey, site: SiteId, email: &Email) -> sqlx::Result<Option<CustomerId>> {
    sqlx::query_scalar("SELECT id FROM customers WHERE site_id = $1 AND email_hash = $2")
        .bind(site)
        .bind(pii.hash_of("email", email.as_str()))
        .fetch_optional(&mut *tx)
        .await
}

/// A new customer made from the typed contact, with its blind indexes; None (nothing
/// written) when the site has a customer with this email.
async fn insert_customer(
    tx: &mut Conn,
    pii: &PiiKey,
    site: SiteId,
    c: &Contact<'_>,
) -> sqlx::Result<Option<CustomerId>> {
    let phone = crate::sites::phones::stored_if_given(tx, site, c.phone).await?;
    let marks = (1..=NEW_CUSTOMER_COLUMNS.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "INSERT INTO customers ({}) VALUES ({marks}) ON CONFLICT DO NOTHING RETURNING id",
        NEW_CUSTOMER_COLUMNS.join(", ")
    );
    let insert = bind_new_customer(sqlx::query(sqlx::AssertSqlSafe(sql)), pii, site, c, phone.as_ref());
    let row = insert.fetch_optional(&mut *tx).await?;
    row.map(|r| r.try_get("id").map(CustomerId)).transpose()
}

/// The columns a widget's new customer is inserted with ([`bind_new_customer`] binds them).
pub const NEW_CUSTOMER_COLUMNS: [&str; 16] = [
    "site_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "source",
    "street",
    "postcode",
    "city",
    "country",
    // `Plain::indexes`' order (a test in `pii::blind` holds it).
    "email_hash",
    "email_prefix",
    "phone_hash",
    "phone_prefix",
    "first_name_prefix",
    "last_name_prefix",
];

/// Binds a new customer's values in [`NEW_CUSTOMER_COLUMNS`]' order: the contact sealed,
/// its blind indexes, `phone` as the site stores it.
pub fn bind_new_customer<'q>(
    mut q: sqlx::query::Query<'q, crate::db::Backend, crate::db::Arguments>,
    pii: &PiiKey,
    site: SiteId,
    c: &Contact<'_>,
    phone: Option<&Phone>,
) -> sqlx::query::Query<'q, crate::db::Backend, crate::db::Arguments> {
    let plain = crate::pii::blind::Plain {
        first_name: c.first_name.map(PersonName::as_str),
        last_name: c.last_name.map(PersonName::as_str),
        email: Some(c.email.as_str()),
        phone: phone.map(Phone::as_str),
    };
    q = q
        .bind(site)
        .bind(pii.seal(c.first_name.map_or("", PersonName::as_str)))
        .bind(pii.seal(c.last_name.map_or("", PersonName::as_str)))
        .bind(pii.seal(c.email.as_str()))
        .bind(pii.seal_opt(phone.map(Phone::as_str)))
        .bind(c.source.to_owned())
        .bind(pii.seal(c.address.map_or("", PostalAddress::street)))
        .bind(c.address.map_or("", PostalAddress::postcode).to_owned())
        .bind(c.address.map_or("", PostalAddress::city).to_owned())
        .bind(c.address.and_then(PostalAddress::country).unwrap_or("").to_owned());
    for (_, value) in plain.indexes(pii) {
        q = q.bind(value);
    }
    q
}

/// Attaches favourites saved in the browser to the customer; unknown SKUs are skipped and
/// items already saved are not saved twice.
pub async fn attach_favourites(tx: &mut Conn, site: SiteId, customer: CustomerId, skus: &[Sku]) -> sqlx::Result<()> {
    for sku in skus {
        sqlx::query(
            "INSERT INTO favourites (customer_id, item_id)
             SELECT $1, id FROM catalogue_items WHERE site_id = $2 AND sku = $3
             ON CONFLICT DO NOTHING",
        )
        .bind(customer)
        .bind(site)
        .bind(sku.as_str())
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// A new random token for this browser, linked to the customer; only its hash is stored.
pub async fn link_browser(tx: &mut Conn, site: SiteId, customer: CustomerId) -> sqlx::Result<String> {
    let token = tokens::new_token().map_err(|e| sqlx::Error::Protocol(format!("no randomness: {e}")))?;
    sqlx::query("INSERT INTO visitor_links (token_hash, site_id, customer_id) VALUES ($1, $2, $3)")
        .bind(tokens::hash(&token))
        .bind(site)
        .bind(customer)
        .execute(&mut *tx)
        .await?;
    Ok(token)
}

/// The customer a browser token belongs to, on this site.
pub async fn customer_for_token(pool: &Db, site: SiteId, token: &str) -> sqlx::Result<Option<CustomerId>> {
    if token.len() != 64 {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT customer_id FROM visitor_links WHERE token_hash = $1 AND site_id = $2")
        .bind(tokens::hash(token))
        .bind(site)
        .fetch_optional(pool)
        .await
}

/// A token that looks like a real one but links nothing (for the honeypot's answer, and
/// for a visitor who typed a known address).
pub fn decoy_token() -> String {
    tokens::new_token().unwrap_or_default()
}
