//! Double opt-in: a newsletter signup on a site that asks for it is held, not stored, and a
//! mail goes to the address with a link `/p/SITEKEY/newsletter/confirm/TOKEN`. TOKEN is
//! `ID-TAG`, TAG the first 16 bytes of an HMAC-SHA256 over site, held signup and the time
//! it came in, under a server secret kept in the database: a link cannot be forged or moved
//! to another signup, and it stops working when the held signup expires or is confirmed.
//! Opening the link shows a button (mail scanners open links; a scanner must not subscribe
//! anyone); pressing it stores the signup with the consent's two times and the keyed hash
//! of the address it was confirmed from.

use super::html::{broken, escape, html_page, site_or_404};
use crate::db::Db;
use crate::domain::SiteId;
use crate::error::AppError;
use crate::mail::db::Mail;
use crate::mail::templates::{self, MailKind};
use crate::sites::Site;
use crate::widgets::signup::db::{self, ConfirmError};
use crate::widgets::signup::{SignupDone, SignupForm, SignupOutcome, ValidSignup};
use crate::widgets::texts::Lang;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The name of the secret confirmation links are signed with.
const SECRET: &str = "newsletter_confirm";

pub fn routes(pool: Db) -> axum::Router {
    axum::Router::new()
        .route("/p/{key}/newsletter/confirm/{token}", axum::routing::get(confirm_page).post(confirmed))
        .with_state(pool)
}

fn mac(secret: &[u8], site: SiteId, id: i64, requested_at: &str) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key");
    mac.update(format!("confirm:{}:{id}:{requested_at}", site.0).as_bytes());
    mac
}

/// The token of a held signup's link.
fn token(secret: &[u8], site: SiteId, id: i64, requested_at: &str) -> String {
    let tag = mac(secret, site, id, requested_at).finalize().into_bytes();
    format!("{id}-{}", hex::encode(&tag[..16]))
}

/// The held signup a token names and its tag, before the tag is checked.
fn parse_token(token: &str) -> Option<(i64, Vec<u8>)> {
    let (id, tag) = token.split_once('-')?;
    let tag = hex::decode(tag).ok()?;
    (tag.len() == 16).then_some((id.parse().ok()?, tag))
}

/// Whether the site's secret signed `tag` for this held signup (in constant time).
fn verify(secret: &[u8], site: SiteId, id: i64, requested_at: &str, tag: &[u8]) -> bool {
    mac(secret, site, id, requested_at).verify_truncated_left(tag).is_ok()
}

/// Holds a valid signup and writes its confirmation mail in the language of the consent
/// wording the visitor saw. The browser gets its token now; it is linked to the customer
/// once the signup is confirmed.
pub async fn hold(
    pool: &Db,
    site: &Site,
    form: &SignupForm,
    signup: &ValidSignup,
    text_id: i64,
    hours: i64,
) -> Result<SignupDone, AppError> {
    let visitor = crate::tokens::new_token().map_err(|e| AppError::internal("signup: token", e))?;
    let language = db::text_language(pool, text_id).await?;
    let lang = Lang::from_code(&language).unwrap_or(Lang::En);
    let wording =
        crate::mail::db::wording(&mut *pool.acquire().await?, site.id, MailKind::ConfirmNewsletter, lang).await?;
    let secret = crate::tokens::secret(pool, SECRET).await?;
    let origin = crate::server_ctx::link_origin()?;
    let name = signup.first_name.as_ref().map_or(signup.email.as_str(), |n| n.as_str()).to_owned();
    let hours_text = hours.to_string();
    db::hold(pool, site.id, form, signup.email.as_str(), &crate::tokens::hash(&visitor), &language, hours, |held| {
        let link = format!(
            "{origin}/p/{}/newsletter/confirm/{}",
            site.key.as_str(),
            token(&secret, site.id, held.id, &held.requested_at)
        );
        let values = [("site", site.name.as_str()), ("name", &name), ("link", &link), ("hours", &hours_text)];
        Mail {
            subject: templates::fill(&wording.subject, &values),
            body: templates::fill(&wording.body, &values),
            unsubscribe: None,
        }
    })
    .await?;
    tracing::info!(site = site.key.as_str(), language, "signup held for double opt-in");
    Ok(SignupDone { outcome: SignupOutcome::Pending, visitor })
}

/// What a link names, once its tag is checked.
enum Link {
    Valid { id: i64, lang: Lang },
    Expired(Lang),
    Invalid,
}

async fn check(pool: &Db, site: &Site, token: &str) -> Result<Link, AppError> {
    let Some((id, tag)) = parse_token(token) else { return Ok(Link::Invalid) };
    let Some(pending) = db::pending(pool, site.id, id).await? else { return Ok(Link::Invalid) };
    let secret = crate::tokens::secret(pool, SECRET).await?;
    if !verify(&secret, site.id, id, &pending.requested_at, &tag) {
        return Ok(Link::Invalid);
    }
    let lang = Lang::from_code(&pending.language).unwrap_or(Lang::En);
    Ok(if pending.expired { Link::Expired(lang) } else { Link::Valid { id, lang } })
}

fn site_lang(site: &Site) -> Lang {
    Lang::from_code(&site.default_language).unwrap_or(Lang::En)
}

fn answer(site: &Site, status: StatusCode, lang: Lang, body: &str) -> Response {
    let words = templates::confirm_page(lang);
    html_page(status, lang, &format!("{} · {}", words.title, site.name), body)
}

fn dead(site: &Site, link: &Link) -> Response {
    let (status, lang, expired) = match link {
        Link::Expired(lang) => (StatusCode::GONE, *lang, true),
        _ => (StatusCode::NOT_FOUND, site_lang(site), false),
    };
    let words = templates::confirm_page(lang);
    let text = if expired { words.expired } else { words.invalid };
    answer(site, status, lang, &format!("<h1>{}</h1><p data-dead-link>{}</p>", escape(words.title), escape(text)))
}

/// The link's page: the question and the button that answers it.
pub async fn confirm_page(
    State(pool): State<Db>,
    Path((key, token)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let site = match site_or_404(&pool, &key, &headers).await {
        Ok(site) => site,
        Err(response) => return response,
    };
    match check(&pool, &site, &token).await {
        Ok(Link::Valid { lang, .. }) => {
            let words = templates::confirm_page(lang);
            let question = templates::fill(words.question, &[("site", &site.name)]);
            let body = format!(
                "<h1>{}</h1><p>{}</p><form method=\"post\"><button type=\"submit\">{}</button></form>",
                escape(words.title),
                escape(&question),
                escape(words.button)
            );
            answer(&site, StatusCode::OK, lang, &body)
        }
        Ok(link) => dead(&site, &link),
        Err(e) => broken(site_lang(&site), &e),
    }
}

/// The button: stores the held signup as confirmed.
pub async fn confirmed(
    State(pool): State<Db>,
    Path((key, token)): Path<(String, String)>,
    ip: Option<axum::Extension<crate::server_ctx::ClientIp>>,
    headers: HeaderMap,
) -> Response {
    let site = match site_or_404(&pool, &key, &headers).await {
        Ok(site) => site,
        Err(response) => return response,
    };
    let (id, lang) = match check(&pool, &site, &token).await {
        Ok(Link::Valid { id, lang }) => (id, lang),
        Ok(link) => return dead(&site, &link),
        Err(e) => return broken(site_lang(&site), &e),
    };
    let ip = ip.map(|axum::Extension(ip)| ip.0.to_string());
    match db::confirm(&pool, site.id, id, ip).await {
        Ok(outcome) => {
            tracing::info!(site = site.key.as_str(), ?outcome, "signup confirmed by its address");
            let words = templates::confirm_page(lang);
            let done = templates::fill(words.done, &[("site", &site.name)]);
            answer(
                &site,
                StatusCode::OK,
                lang,
                &format!("<h1>{}</h1><p data-confirmed>{}</p>", escape(words.title), escape(&done)),
            )
        }
        // Confirmed by another click a moment ago, or expired meanwhile.
        Err(ConfirmError::Gone) => dead(&site, &Link::Invalid),
        Err(ConfirmError::Invalid(errors)) => {
            // Held under rules that changed since; nothing is stored, the visitor signs up again.
            tracing::warn!(site = site.key.as_str(), ?errors, "a held signup no longer parses");
            dead(&site, &Link::Invalid)
        }
        Err(ConfirmError::Database(e)) => broken(lang, &AppError::internal("newsletter confirmation", e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_opens_only_its_own_held_signup_on_its_own_site() {
        let secret = b"0123456789abcdef0123456789abcdef";
        let at = "2026-11-27T10:00:00.000Z";
        let t = token(secret, SiteId(1), 7, at);
        let (id, tag) = parse_token(&t).unwrap();
        assert_eq!(id, 7);
        assert!(verify(secret, SiteId(1), 7, at, &tag));
        assert!(!verify(secret, SiteId(2), 7, at, &tag), "another site");
        assert!(!verify(secret, SiteId(1), 8, at, &tag), "another signup");
        assert!(!verify(secret, SiteId(1), 7, "2026-11-27T10:00:00.001Z", &tag), "another time");
        assert!(!verify(b"another secret", SiteId(1), 7, at, &tag));
        assert!(parse_token(&t[..t.len() - 2]).is_none(), "a cut tag");
        assert!(parse_token("7-").is_none());
        assert!(parse_token("x-00").is_none());
    }
}
