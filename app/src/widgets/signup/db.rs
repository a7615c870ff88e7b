//! SQL of the signup widget: signups stored at once, and signups held for double opt-in.

use super::api::{SignupDone, SignupOutcome};
use super::form::{SignupForm, ValidSignup};
use crate::db::Db;
use crate::db::{Conn, Flag};
use crate::domain::{CustomerId, SiteId};
use crate::mail::db::{About, Mail};
use crate::widgets::identity::{self, Contact};
use sqlx::Row;

/// The newest newsletter wording of a site in `lang`, else in the site's default language:
/// its id and body.
pub async fn newsletter_text(
    pool: &Db,
    site: SiteId,
    lang: &str,
    default_lang: &str,
) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as(
        "SELECT id, body FROM consent_texts
         WHERE site_id = $1 AND purpose = 'newsletter' AND language IN ($2, $3)
         ORDER BY version DESC, language = $4 DESC LIMIT 1",
    )
    .bind(site)
    .bind(lang)
    .bind(default_lang)
    .bind(lang)
    .fetch_optional(pool)
    .await
}

/// Whether a consent text id names a newsletter wording of this site (any version: a
/// visitor may have loaded the form just before the wording changed).
pub async fn is_newsletter_text_of(pool: &Db, text_id: i64, site: SiteId) -> sqlx::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM consent_texts WHERE id = $1 AND site_id = $2 AND purpose = 'newsletter'")
            .bind(text_id)
            .bind(site)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}

/// How a newsletter consent was confirmed by double opt-in: when the signup came in, and
/// the address the link was opened from (kept as a keyed hash).
pub struct Confirmed<'a> {
    pub requested_at: &'a str,
    pub ip: Option<String>,
}

/// Stores a signup: the customer (created, or matched by email and left unchanged: see
/// `identity`), the consent record with a copy of the exact wording when the box was ticked,
/// and for a new customer the favourites saved in the browser and the browser's link, all
/// in one transaction. The answer is the same for a known address as for a new one.
///
/// Written together with the other signups waiting (`writer::batched`, see `batch`), which
/// takes SQLite's write lock before the lookup, so two signups of the same email cannot
/// both make a customer; the UNIQUE index backs that up.
pub async fn save_signup(
    pool: &Db,
    site: &crate::sites::Site,
    signup: ValidSignup,
    page_url: String,
) -> sqlx::Result<SignupDone> {
    let item = super::batch::NewSignup {
        pii: pool.pii_shared(),
        site: site.id,
        country: site.country.clone(),
        signup,
        page_url,
    };
    crate::writer::batched(pool, item).await
}

/// The contact a signup typed.
pub(super) fn contact(s: &ValidSignup) -> Contact<'_> {
    Contact {
        first_name: s.first_name.as_ref(),
        last_name: s.last_name.as_ref(),
        email: &s.email,
        phone: s.phone.as_ref(),
        address: s.address.as_ref(),
        source: "signup",
    }
}

/// The customer, consent and favourites of a signup, inside the caller's transaction. A
/// confirmed signup (double opt-in) proved its email address, so its typed names, phone and
/// postal address fill in a known record's fields; an unconfirmed one changes no field of a
/// known record.
pub(super) async fn store(
    tx: &mut Conn,
    pii: &crate::pii::PiiKey,
    site: SiteId,
    s: &ValidSignup,
    page_url: &str,
    confirmed: Option<&Confirmed<'_>>,
) -> sqlx::Result<(CustomerId, identity::Claim)> {
    let contact = contact(s);
    let (customer_id, claim) = if confirmed.is_some() {
        let (id, created) = identity::upsert_customer(&mut *tx, pii, site, &contact).await?;
        (id, if created { identity::Claim::New } else { identity::Claim::Known })
    } else {
        identity::claim_customer(&mut *tx, pii, site, &contact).await?
    };
    if let Some(text_id) = s.consent_text_id {
        let inserted = sqlx::query(
            "INSERT INTO consents
               (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url, source,
                policy_version, requested_at, confirm_ip_hash)
             SELECT $1, purpose, 1, id, body, version, language, $2, 'widget:signup',
                    (SELECT max(version) FROM privacy_policies WHERE site_id = $4),
                    $5, $6
             FROM consent_texts WHERE id = $3 AND site_id = $4 AND purpose = 'newsletter'",
        )
        .bind(customer_id)
        .bind(page_url)
        .bind(text_id)
        .bind(site)
        .bind(confirmed.map(|c| c.requested_at))
        // The address it was confirmed from, as its keyed hash in upper-case hex.
        .bind(confirmed.and_then(|c| pii.hash_of("ip", c.ip.as_deref()?)).map(hex::encode_upper))
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() != 1 {
            // Checked before the transaction; reaching this means the text vanished meanwhile.
            return Err(sqlx::Error::RowNotFound);
        }
    }
    if claim == identity::Claim::New || confirmed.is_some() {
        identity::attach_favourites(&mut *tx, site, customer_id, &s.favourites).await?;
    }
    Ok((customer_id, claim))
}

/// The language of a consent wording.
pub async fn text_language(pool: &Db, text_id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT language FROM consent_texts WHERE id = $1").bind(text_id).fetch_one(pool).await
}

/// A signup held until its address confirms it: its id and when it came in.
pub struct Held {
    pub id: i64,
    pub requested_at: String,
}

/// Holds a signup for double opt-in and writes its confirmation mail, in one transaction:
/// `mail` makes the mail from the held signup (its link names it).
// Eight plain parts of one held signup, each named at the one call site: a struct made
// only to carry them would be read once.
#[allow(clippy::too_many_arguments)]
pub async fn hold(
    pool: &Db,
    site: SiteId,
    form: &SignupForm,
    email: &str,
    visitor_hash: &str,
    language: &str,
    hours: i64,
    mail: impl FnOnce(&Held) -> Mail,
) -> sqlx::Result<()> {
    let form = serde_json::to_string(form).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    if !crate::mail::db::may_mail_publicly(&mut tx, pool.pii(), email).await? {
        // The visitor is told to look for the mail, as always: the page tells nothing.
        return Ok(());
    }
    let (id, requested_at): (i64, String) = sqlx::query_as(
        "INSERT INTO pending_signups (site_id, form, visitor_hash, language, expires_at)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id, requested_at",
    )
    .bind(site)
    .bind(pool.pii().seal(&form))
    .bind(visitor_hash)
    .bind(language)
    .bind(crate::db::now_plus(hours * 3600))
    .fetch_one(&mut *tx)
    .await?;
    let held = Held { id, requested_at };
    let about = About { pending_signup: Some(held.id), ..About::default() };
    crate::mail::db::enqueue(&mut tx, pool.pii(), site, about, "confirm_newsletter", email, &mail(&held)).await?;
    tx.commit().await
}

/// A held signup as its link finds it.
pub struct Pending {
    pub requested_at: String,
    pub language: String,
    pub expired: bool,
}

/// The held signup `id` of the site, expired or not.
pub async fn pending(pool: &Db, site: SiteId, id: i64) -> sqlx::Result<Option<Pending>> {
    let row = sqlx::query(
        "SELECT requested_at, language, expires_at <= $3 AS expired
         FROM pending_signups WHERE id = $1 AND site_id = $2",
    )
    .bind(id)
    .bind(site)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Pending {
            requested_at: r.try_get("requested_at")?,
            language: r.try_get("language")?,
            expired: r.try_get::<Flag, _>("expired")?.0,
        })
    })
    .transpose()
}

/// Why a held signup could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum ConfirmError {
    #[error("the signup is no longer held (confirmed already, or expired and removed)")]
    Gone,
    #[error("the held form no longer parses: {0:?}")]
    Invalid(crate::domain::FieldErrors),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Stores a held signup as confirmed from `ip`, links the browser that signed up, and
/// removes the held row with its mail, in one transaction. The row is taken by its
/// DELETE, so two clicks at once store it once.
pub async fn confirm(pool: &Db, site: SiteId, id: i64, ip: Option<String>) -> Result<SignupOutcome, ConfirmError> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let row = sqlx::query(
        "DELETE FROM pending_signups
         WHERE id = $1 AND site_id = $2 AND expires_at > $3
         RETURNING form, visitor_hash, requested_at",
    )
    .bind(id)
    .bind(site)
    .bind(crate::db::now())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(ConfirmError::Gone)?;
    let form = pool.pii().open(&row.try_get::<String, _>("form")?).map_err(sqlx::Error::from)?;
    let form: SignupForm = serde_json::from_str(&form).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    // The address was held only where the site asked for one (see `signup`); read it as
    // optional, so a site that asks for more since then does not lose the signup.
    let signup = ValidSignup::parse(&form, crate::domain::AddressMode::Optional).map_err(ConfirmError::Invalid)?;
    let requested_at: String = row.try_get("requested_at")?;
    let page_url = form.page_url.clone();
    let confirmed = Confirmed { requested_at: &requested_at, ip };
    let (customer, claim) = store(&mut tx, pool.pii(), site, &signup, &page_url, Some(&confirmed)).await?;
    sqlx::query(
        "INSERT INTO visitor_links (token_hash, site_id, customer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(row.try_get::<String, _>("visitor_hash")?)
    .bind(site)
    .bind(customer)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(if claim == identity::Claim::New { SignupOutcome::Created } else { SignupOutcome::Updated })
}

/// Removes the held signups whose link expired, with their mails. How many went.
pub async fn forget_expired(pool: &Db) -> sqlx::Result<i64> {
    let gone =
        sqlx::query("DELETE FROM pending_signups WHERE expires_at <= $1").bind(crate::db::now()).execute(pool).await?;
    Ok(gone.rows_affected() as i64)
}
