//! One-click unsubscribe: `/p/SITEKEY/unsubscribe/TOKEN`, a link per customer and purpose
//! that needs no sign-in. TOKEN is `CUSTOMER-PURPOSE-TAG`, TAG the first 16 bytes of an
//! HMAC-SHA256 over site, customer and purpose under a server secret kept in the database:
//! links are made without storing anything (the CSV export adds one per row), cannot be
//! forged or moved to another customer, and do not expire — an unsubscribe link in an old
//! mail must still work. Opening it shows a button (mail scanners open links); a POST to it
//! unsubscribes at once, which is also what RFC 8058's one-click `List-Unsubscribe-Post`
//! sends.

use super::SelfService;
use super::html::{broken, escape, site_or_404};
use super::self_service::{db, page};
use crate::domain::{CustomerId, SiteId};
use crate::error::AppError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The name of the secret unsubscribe links are signed with.
/// The one-click way out of a mail, `/p/SITEKEY/unsubscribe/TOKEN`.
pub fn routes(state: SelfService) -> axum::Router {
    axum::Router::new()
        .route("/p/{key}/unsubscribe/{token}", axum::routing::get(confirm).post(unsubscribe))
        .with_state(state)
}

pub const SECRET: &str = "unsubscribe";

/// Purposes a customer can unsubscribe from, with the words the page uses.
pub(crate) const PURPOSES: [(&str, &str); 5] = [
    ("newsletter", "news and offers by email"),
    ("post", "mail by post"),
    ("sms", "text messages"),
    ("phone", "phone calls"),
    ("profiling", "profiling of your purchases and visits"),
];

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
    let purpose = PURPOSES.iter().find(|(p, _)| Some(*p) == parts.next())?.0;
    let tag = hex::decode(parts.next()?).ok()?;
    // Constant time: a guess learns nothing from how long the comparison took.
    mac(secret, site, customer, purpose).verify_truncated_left(&tag).ok()?;
    (tag.len() == 16).then_some((customer, purpose))
}

fn words(purpose: &str) -> &'static str {
    PURPOSES.iter().find(|(p, _)| *p == purpose).map_or("", |(_, w)| w)
}

/// The customer and purpose of a link, or the page saying it is not valid.
async fn resolve(
    s: &SelfService,
    key: &str,
    token: &str,
) -> Result<(crate::sites::Site, CustomerId, &'static str), Response> {
    let site = site_or_404(&s.pool, key).await?;
    let secret =
        crate::tokens::secret(&s.pool, SECRET).await.map_err(|e| broken(&AppError::internal("unsubscribe", e)))?;
    let Some((customer, purpose)) = verify(&secret, site.id, token) else {
        let body = "<h1>This link is not valid</h1><p>Please use the whole link from the mail.</p>";
        return Err(page(StatusCode::NOT_FOUND, &site.name, body));
    };
    Ok((site, customer, purpose))
}

fn unsubscribed(site: &crate::sites::Site, purpose: &str) -> Response {
    let body = format!(
        "<h1>You are unsubscribed</h1><p data-unsubscribed>{} will not contact you with {} any more.</p>",
        escape(&site.name),
        words(purpose)
    );
    page(StatusCode::OK, &site.name, &body)
}

pub async fn confirm(State(s): State<SelfService>, Path((key, token)): Path<(String, String)>) -> Response {
    let (site, customer, purpose) = match resolve(&s, &key, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match db::consent_state(&s.pool, customer, purpose).await {
        Ok(Some((owner, Some(false)))) if owner == site.id => unsubscribed(&site, purpose),
        Ok(Some((owner, _))) if owner == site.id => {
            let body = format!(
                "<h1>Unsubscribe</h1><p>Stop {} from contacting you with {}?</p>\
                 <form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>",
                escape(&site.name),
                words(purpose)
            );
            page(StatusCode::OK, &site.name, &body)
        }
        // An erased customer has nothing left to unsubscribe from.
        Ok(_) => unsubscribed(&site, purpose),
        Err(e) => broken(&AppError::internal("unsubscribe", e)),
    }
}

pub async fn unsubscribe(State(s): State<SelfService>, Path((key, token)): Path<(String, String)>) -> Response {
    let (site, customer, purpose) = match resolve(&s, &key, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let done = async {
        if let Some((owner, state)) = db::consent_state(&s.pool, customer, purpose).await?
            && owner == site.id
            && state != Some(false)
        {
            db::withdraw(&s.pool, customer, purpose, &db::UNSUBSCRIBE_LINK).await?;
            tracing::info!(site = site.key.as_str(), purpose, "unsubscribed by link");
        }
        Ok::<_, sqlx::Error>(())
    };
    match done.await {
        Ok(()) => unsubscribed(&site, purpose),
        Err(e) => broken(&AppError::internal("unsubscribe", e)),
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
