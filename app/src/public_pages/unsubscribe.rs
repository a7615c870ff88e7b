//! One-click unsubscribe: `/p/SITEKEY/unsubscribe/TOKEN`, a link per customer and purpose
//! that needs no sign-in. TOKEN is `CUSTOMER-PURPOSE-TAG`, TAG the first 16 bytes of an
//! HMAC-SHA256 over site, customer and purpose under a server secret kept in the database:
//! links are made without storing anything (the CSV export adds one per row), cannot be
//! forged or moved to another customer, and do not expire — an unsubscribe link in an old
//! mail must still work. Opening it shows a button (mail scanners open links); a POST to it
//! unsubscribes at once, which is also what RFC 8058's one-click `List-Unsubscribe-Post`
//! sends.

use super::SelfService;
use super::html::{Visit, broken, escape, visit};
use super::language::Asked;
use super::self_service::db;
use crate::domain::{CustomerId, SiteId};
use crate::error::AppError;
use crate::extract::Query;
use crate::segment_rules::filter::consent_purpose;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The one-click way out of a mail, `/p/SITEKEY/unsubscribe/TOKEN`.
pub fn routes(state: SelfService) -> axum::Router {
    axum::Router::new()
        .route("/p/{key}/unsubscribe/{token}", axum::routing::get(confirm).post(unsubscribe))
        .with_state(state)
}

/// The name of the secret unsubscribe links are signed with.
pub const SECRET: &str = "unsubscribe";

fn mac(secret: &[u8], site: SiteId, customer: CustomerId, purpose: &str) -> Hmac<Sha256> {
    // Any key length is valid for HMAC.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key");
    mac.update(format!("unsubscribe:{}:{}:{purpose}", site.0, customer.0).as_bytes());
    mac
}

/// The token of a customer's unsubscribe link for `purpose`.
pub fn token(secret: &[u8], site: SiteId, customer: CustomerId, purpose: &str) -> String {
    let tag = mac(secret, site, customer, purpose).finalize().into_bytes();
    format!("{}-{purpose}-{}", customer.0, hex::encode(&tag[..16]))
}

/// The customer and purpose a token names, if the site's secret signed it.
fn verify(secret: &[u8], site: SiteId, token: &str) -> Option<(CustomerId, &'static str)> {
    let mut parts = token.splitn(3, '-');
    let customer = CustomerId(parts.next()?.parse().ok()?);
    let purpose = consent_purpose(parts.next()?)?;
    let tag = hex::decode(parts.next()?).ok()?;
    // Constant time: a guess learns nothing from how long the comparison took.
    mac(secret, site, customer, purpose).verify_truncated_left(&tag).ok()?;
    (tag.len() == 16).then_some((customer, purpose))
}

/// The words for a purpose, in the visit's language.
fn words(v: &Visit, purpose: &str) -> &'static str {
    v.words().common.purpose(purpose).unwrap_or_default()
}

fn page(v: &Visit, status: StatusCode, body: &str) -> Response {
    v.page(status, v.words().unsubscribe.title, body)
}

/// The visit, customer and purpose of a link, or the page saying it is not valid.
async fn resolve(
    s: &SelfService,
    key: &str,
    token: &str,
    asked: &Asked,
    headers: &HeaderMap,
) -> Result<(Visit, CustomerId, &'static str), Response> {
    let v = visit(&s.pool, key, asked, headers).await?;
    let secret = crate::tokens::secret(&s.pool, SECRET)
        .await
        .map_err(|e| broken(v.lang, &AppError::internal("unsubscribe", e)))?;
    let Some((customer, purpose)) = verify(&secret, v.site.id, token) else {
        let t = &v.words().unsubscribe;
        let body = format!("<h1>{}</h1><p>{}</p>", escape(t.not_valid), escape(t.whole_link));
        return Err(page(&v, StatusCode::NOT_FOUND, &body));
    };
    Ok((v, customer, purpose))
}

fn unsubscribed(v: &Visit, purpose: &str) -> Response {
    let t = &v.words().unsubscribe;
    let body = format!(
        "<h1>{}</h1><p data-unsubscribed>{}</p>",
        escape(t.done_title),
        escape(&(t.done)(&v.site.name, words(v, purpose)))
    );
    page(v, StatusCode::OK, &body)
}

pub async fn confirm(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let (v, customer, purpose) = match resolve(&s, &key, &token, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match db::consent_state(&s.pool, customer, purpose).await {
        Ok(Some((owner, Some(false)))) if owner == v.site.id => unsubscribed(&v, purpose),
        Ok(Some((owner, _))) if owner == v.site.id => {
            let t = &v.words().unsubscribe;
            let body = format!(
                "<h1>{}</h1><p>{}</p><form method=\"post\"><button type=\"submit\">{}</button></form>",
                escape(t.title),
                escape(&(t.ask)(&v.site.name, words(&v, purpose))),
                escape(t.button)
            );
            page(&v, StatusCode::OK, &body)
        }
        // An erased customer has nothing left to unsubscribe from.
        Ok(_) => unsubscribed(&v, purpose),
        Err(e) => v.broken(&AppError::internal("unsubscribe", e)),
    }
}

/// Unsubscribes at once (the page's button, or a mail program's one-click POST).
pub async fn unsubscribe(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let (v, customer, purpose) = match resolve(&s, &key, &token, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let done = async {
        if let Some((owner, state)) = db::consent_state(&s.pool, customer, purpose).await?
            && owner == v.site.id
            && state != Some(false)
        {
            db::withdraw(&s.pool, customer, purpose, &db::UNSUBSCRIBE_LINK).await?;
            tracing::info!(site = v.site.key.as_str(), purpose, "unsubscribed by link");
        }
        Ok::<_, sqlx::Error>(())
    };
    match done.await {
        Ok(()) => unsubscribed(&v, purpose),
        Err(e) => v.broken(&AppError::internal("unsubscribe", e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_opens_only_its_own_customer_purpose_and_site() {
        let secret = b"0123456789abcdef0123456789abcdef";
        let t = token(secret, SiteId(1), CustomerId(42), "newsletter");
        assert_eq!(verify(secret, SiteId(1), &t), Some((CustomerId(42), "newsletter")));
        // Every purpose, not only the first of the list.
        let sms = token(secret, SiteId(1), CustomerId(42), "sms");
        assert_eq!(verify(secret, SiteId(1), &sms), Some((CustomerId(42), "sms")));
        assert_eq!(verify(secret, SiteId(2), &t), None, "another site");
        assert_eq!(verify(b"another secret", SiteId(1), &t), None);
        assert_eq!(verify(secret, SiteId(1), &t.replacen("42-", "43-", 1)), None, "another customer");
        assert_eq!(verify(secret, SiteId(1), &t.replace("newsletter", "post")), None, "another purpose");
        let short = &t[..t.len() - 2];
        assert_eq!(verify(secret, SiteId(1), short), None, "a cut tag");
        assert_eq!(verify(secret, SiteId(1), "42-newsletter-"), None);
        assert_eq!(verify(secret, SiteId(1), "x"), None);
    }
}
