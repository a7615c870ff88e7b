//! Signups written together (`writer::batched`): every signup waiting at that moment goes in
//! with one insert of their customers, one of their browsers' links and one of their
//! consents, in one transaction, however many they are. Each answer is what
//! [`super::db::store`] gives one signup alone: a new address makes a customer and links
//! the browser; a known one changes nothing of the record and gets a token that links
//! nothing; a ticked box records the exact wording either way.
//!
//! Should the statements for the lot fail (a consent wording removed meanwhile), they are
//! undone and each signup is written alone in a savepoint of its own, so one bad signup
//! is only its own answer.

use super::api::{SignupDone, SignupOutcome};
use super::form::ValidSignup;
use crate::db::{Conn, Dialect};
use crate::domain::{CustomerId, Phone, SiteId};
use crate::pii::PiiKey;
use crate::widgets::identity::{self, Claim, NEW_CUSTOMER_COLUMNS};
use futures_util::future::BoxFuture;
use sqlx::{AssertSqlSafe, Row as _};
use std::collections::HashMap;
use std::sync::Arc;

/// A signup to store at once (no double opt-in), as the widget's request parsed it.
pub struct NewSignup {
    pub pii: Arc<PiiKey>,
    pub site: SiteId,
    /// The site's country, which a phone number is stored for.
    pub country: Option<crate::domain::Country>,
    pub signup: ValidSignup,
    pub page_url: String,
}

impl NewSignup {
    /// Site and email hash: the customer it is on the site (`customers_one_per_email`).
    fn key(&self) -> (i64, Option<Vec<u8>>) {
        (self.site.0, self.pii.hash_of("email", self.signup.email.as_str()))
    }
}

impl crate::writer::Batch for NewSignup {
    type Done = SignupDone;

    fn write(conn: &mut Conn, items: Vec<Self>) -> BoxFuture<'_, sqlx::Result<Vec<sqlx::Result<SignupDone>>>> {
        Box::pin(write_all(conn, items))
    }
}

async fn write_all(conn: &mut Conn, items: Vec<NewSignup>) -> sqlx::Result<Vec<sqlx::Result<SignupDone>>> {
    sqlx::query("SAVEPOINT signups").execute(&mut *conn).await?;
    match together(conn, &items).await {
        Ok(done) => {
            sqlx::query("RELEASE signups").execute(&mut *conn).await?;
            return Ok(done.into_iter().map(Ok).collect());
        }
        // The storage's fault is every signup's: none would go in alone either.
        Err(e) if crate::storage::Fault::of(&e).is_some() => return Err(e),
        Err(e) => {
            tracing::warn!(error = %e, signups = items.len(), "signups written together failed; each is written alone");
            sqlx::raw_sql("ROLLBACK TO signups; RELEASE signups").execute(&mut *conn).await?;
        }
    }
    let mut answers = Vec::with_capacity(items.len());
    for item in &items {
        sqlx::query("SAVEPOINT signup").execute(&mut *conn).await?;
        let answer = alone(conn, item).await;
        if answer.is_err() {
            sqlx::query("ROLLBACK TO signup").execute(&mut *conn).await?;
        }
        sqlx::query("RELEASE signup").execute(&mut *conn).await?;
        answers.push(answer);
    }
    Ok(answers)
}

/// One signup as `save_signup` wrote each before batches.
async fn alone(conn: &mut Conn, item: &NewSignup) -> sqlx::Result<SignupDone> {
    let (customer, claim) = super::db::store(conn, &item.pii, item.site, &item.signup, &item.page_url, None).await?;
    let visitor = identity::token_for(conn, item.site, customer, claim).await?;
    Ok(SignupDone { outcome: SignupOutcome::Stored, visitor })
}

/// Every signup with a few statements for all of them.
async fn together(conn: &mut Conn, items: &[NewSignup]) -> sqlx::Result<Vec<SignupDone>> {
    let claims = customers(conn, items).await?;
    // The browsers of new customers are linked; a known address gets a token that links nothing.
    let mut tokens = Vec::with_capacity(items.len());
    let mut links = Vec::new();
    for (item, (customer, claim)) in items.iter().zip(&claims) {
        let token = crate::tokens::new_token().map_err(|e| sqlx::Error::Protocol(format!("no randomness: {e}")))?;
        if *claim == Claim::New {
            links.push((crate::tokens::hash(&token), item.site, *customer));
        }
        tokens.push(token);
    }
    if !links.is_empty() {
        let sql = format!(
            "INSERT INTO visitor_links (token_hash, site_id, customer_id) VALUES {}",
            Dialect::of(conn).value_rows(links.len(), 3)
        );
        let mut insert = sqlx::query(AssertSqlSafe(sql));
        for (hash, site, customer) in links {
            insert = insert.bind(hash).bind(site).bind(customer);
        }
        insert.execute(&mut *conn).await?;
    }
    consents(conn, items, &claims).await?;
    for (item, (customer, claim)) in items.iter().zip(&claims) {
        if *claim == Claim::New && !item.signup.favourites.is_empty() {
            identity::attach_favourites(conn, item.site, *customer, &item.signup.favourites).await?;
        }
    }
    Ok(tokens
        .into_iter()
        .zip(&claims)
        .map(|(token, (_, claim))| SignupDone {
            outcome: SignupOutcome::Stored,
            visitor: if *claim == Claim::New { token } else { identity::decoy_token() },
        })
        .collect())
}

/// Each signup's customer: inserted when its site has no customer with the email (the
/// first of several signups with one email in the batch makes it), else the one it has.
async fn customers(conn: &mut Conn, items: &[NewSignup]) -> sqlx::Result<Vec<(CustomerId, Claim)>> {
    let columns = NEW_CUSTOMER_COLUMNS.len();
    let sql = format!(
        "INSERT INTO customers ({}) VALUES {} ON CONFLICT DO NOTHING RETURNING id, site_id, email_hash",
        NEW_CUSTOMER_COLUMNS.join(", "),
        Dialect::of(conn).value_rows(items.len(), columns)
    );
    let mut insert = sqlx::query(AssertSqlSafe(sql));
    for item in items {
        let phone: Option<Phone> = item.signup.phone.as_ref().map(|p| p.in_country(item.country.as_ref()));
        insert = identity::bind_new_customer(
            insert,
            &item.pii,
            item.site,
            &super::db::contact(&item.signup),
            phone.as_ref(),
        );
    }
    let mut made: HashMap<(i64, Option<Vec<u8>>), CustomerId> = HashMap::new();
    for row in insert.fetch_all(&mut *conn).await? {
        made.insert((row.try_get("site_id")?, row.try_get("email_hash")?), CustomerId(row.try_get("id")?));
    }
    let keys: Vec<_> = items.iter().map(NewSignup::key).collect();
    let mut claims: Vec<Option<(CustomerId, Claim)>> =
        keys.iter().map(|key| made.remove(key).map(|id| (id, Claim::New))).collect();
    // The addresses the sites had already.
    let known: Vec<&(i64, Option<Vec<u8>>)> =
        keys.iter().zip(&claims).filter(|(_, c)| c.is_none()).map(|(k, _)| k).collect();
    if !known.is_empty() {
        // By site and address, as the one-per-email index has them (no index of its own on
        // the address alone: one fewer for every new customer to write).
        let sites: std::collections::BTreeSet<i64> = known.iter().map(|(site, _)| *site).collect();
        let dialect = Dialect::of(conn);
        let sql = format!(
            "SELECT id, site_id, email_hash FROM customers WHERE site_id IN {} AND email_hash IN {}",
            dialect.value_rows(1, sites.len()),
            dialect.value_rows_from(sites.len() + 1, 1, known.len())
        );
        let mut select = sqlx::query(AssertSqlSafe(sql));
        for site in sites {
            select = select.bind(site);
        }
        for (_, hash) in &known {
            select = select.bind(hash.clone());
        }
        let mut had: HashMap<(i64, Option<Vec<u8>>), CustomerId> = HashMap::new();
        for row in select.fetch_all(&mut *conn).await? {
            had.insert((row.try_get("site_id")?, row.try_get("email_hash")?), CustomerId(row.try_get("id")?));
        }
        for (key, claim) in keys.iter().zip(claims.iter_mut()) {
            if claim.is_none() {
                *claim = had.get(key).map(|id| (*id, Claim::Known));
            }
        }
    }
    claims.into_iter().map(|c| c.ok_or(sqlx::Error::RowNotFound)).collect()
}

/// The consents of the signups whose box was ticked, each with a copy of the wording it
/// names; an error when a wording is no longer the site's.
async fn consents(conn: &mut Conn, items: &[NewSignup], claims: &[(CustomerId, Claim)]) -> sqlx::Result<()> {
    let given: Vec<(CustomerId, i64, &str, SiteId)> = items
        .iter()
        .zip(claims)
        .filter_map(|(item, (customer, _))| {
            Some((*customer, item.signup.consent_text_id?, item.page_url.as_str(), item.site))
        })
        .collect();
    if given.is_empty() {
        return Ok(());
    }
    // `(VALUES ...)` names its columns column1, column2, ... in SQLite and PostgreSQL alike.
    let sql = format!(
        "INSERT INTO consents
           (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url, source, policy_version)
         SELECT v.column1, t.purpose, 1, t.id, t.body, t.version, t.language, v.column3, 'widget:signup',
                (SELECT max(version) FROM privacy_policies WHERE site_id = t.site_id)
         FROM (VALUES {}) AS v
         JOIN consent_texts t ON t.id = v.column2 AND t.site_id = v.column4 AND t.purpose = 'newsletter'",
        Dialect::of(conn).value_rows(given.len(), 4)
    );
    let mut insert = sqlx::query(AssertSqlSafe(sql));
    for (customer, text, page, site) in &given {
        insert = insert.bind(*customer).bind(*text).bind(page.to_string()).bind(*site);
    }
    if insert.execute(&mut *conn).await?.rows_affected() != given.len() as u64 {
        // Checked before the batch; reaching this means a wording vanished meanwhile.
        return Err(sqlx::Error::RowNotFound);
    }
    Ok(())
}
