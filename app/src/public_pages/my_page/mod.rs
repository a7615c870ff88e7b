//! The customer's own page, `/p/SITEKEY/me`, without an account or password: they ask for a
//! link by email (one-time, expiring, in the outbox until a mail server is configured), and
//! opening it signs that browser in. The page shows their loyalty card and balance, their
//! saved items (they can remove them), their reservations, their consents (they can change
//! them), and the way to download or erase their data.
//!
//! Plain HTML forms and no script, so it works on any phone. The session cookie is
//! HttpOnly and SameSite=Strict, scoped to the page's path: a form on another site cannot
//! act for the customer, and the admin never sees the cookie.

pub mod db;
mod details;
mod html;

use crate::domain::{CustomerId, Email};
use crate::error::AppError;
use crate::extract::{Form, Query};
use crate::public_pages::SelfService;
use crate::public_pages::html::{Visit, visit};
use crate::public_pages::language::Asked;
use crate::segment_rules::filter::consent_purpose;
use crate::tokens::{token_cookie, token_set_cookie};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use html::{at, base};
use serde::Deserialize;

const COOKIE: &str = "patron_me";

pub fn routes(state: SelfService) -> axum::Router {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/p/{key}/me", get(show).post(ask_for_link))
        .route("/p/{key}/me/link/{token}", get(link_page).post(use_link))
        .route("/p/{key}/me/favourites", post(remove_favourite))
        .route("/p/{key}/me/consents", post(change_consent))
        .route("/p/{key}/me/card", post(take_card))
        .route("/p/{key}/me/rights", post(rights))
        .route("/p/{key}/me/sign-out", post(sign_out))
        .route("/p/{key}/me/details", post(details::save))
        .with_state(state)
}

fn secure(s: &SelfService) -> bool {
    s.public.is_https()
}

fn internal(v: &Visit, what: &'static str, e: sqlx::Error) -> Response {
    v.broken(&AppError::internal(what, e))
}

/// Back to the page (at `anchor`, such as `#card`), in its language.
fn back(v: &Visit, anchor: &str) -> Response {
    Redirect::to(&format!("{}{anchor}", at(v, ""))).into_response()
}

fn own_page_only(v: &Visit) -> Response {
    (StatusCode::FORBIDDEN, v.words().common.own_page_only).into_response()
}

/// The signed-in customer and their session's hash, or the page to show instead.
async fn signed_in(s: &SelfService, v: &Visit, headers: &HeaderMap) -> Result<Option<(CustomerId, String)>, Response> {
    let Some(token) = token_cookie(headers, COOKIE) else { return Ok(None) };
    let hash = crate::tokens::hash(&token);
    match db::session_customer(&s.pool, v.site.id, &hash).await {
        Ok(found) => Ok(found.map(|c| (c, hash))),
        Err(e) => Err(internal(v, "my page: session", e)),
    }
}

/// For the page's buttons: the visit and the signed-in customer, or a way back to sign in.
/// A form posted from another site's page is refused even when the browser sent the
/// cookie (SameSite alone is not all browsers' promise).
async fn acting(
    s: &SelfService,
    key: &str,
    asked: &Asked,
    headers: &HeaderMap,
) -> Result<(Visit, CustomerId, String), Response> {
    let v = visit(&s.pool, key, asked, headers).await?;
    if crate::server_ctx::is_cross_origin(headers, &s.public) {
        tracing::info!("refused a cross-origin post to a customer's page");
        return Err(own_page_only(&v));
    }
    match signed_in(s, &v, headers).await? {
        Some((customer, hash)) => Ok((v, customer, hash)),
        None => Err(back(&v, "")),
    }
}

/// The page when signed in, else the form that asks for a link.
pub async fn show(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let v = match visit(&s.pool, &key, &asked, &headers).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let customer = match signed_in(&s, &v, &headers).await {
        Ok(Some((customer, _))) => customer,
        Ok(None) => return html::ask(StatusCode::OK, &v, "", None),
        Err(response) => return response,
    };
    let mine = match db::mine(&s.pool, customer, v.lang).await {
        Ok(Some(mine)) => mine,
        Ok(None) => return html::ask(StatusCode::OK, &v, "", None),
        Err(e) => return internal(&v, "my page", e),
    };
    let card = match crate::loyalty::db::printable(&s.pool, customer).await {
        Ok(card) => card,
        Err(e) => return internal(&v, "my page: card", e),
    };
    let balances = match crate::loyalty::db::cards(&s.pool, customer, Some(v.lang.code())).await {
        Ok(cards) => cards.unwrap_or_default(),
        Err(e) => return internal(&v, "my page: balances", e),
    };
    let details = match details::current(&s.pool, customer).await {
        Ok(values) => details::form(&v, &values, &std::collections::HashMap::new()),
        Err(e) => return internal(&v, "my page: details", e),
    };
    html::mine(&v, &mine, card.as_ref(), &balances, &details)
}

#[derive(Deserialize, Default)]
pub struct AskForm {
    #[serde(default)]
    email: String,
}

/// Mails a link to the address if it is a customer's, in the language of the page they
/// asked on; the answer is the same either way, so the form does not tell strangers who
/// shops here.
pub async fn ask_for_link(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<AskForm>,
) -> Response {
    let v = match visit(&s.pool, &key, &asked, &headers).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => {
            let message = v.lang.forms().problem(problem);
            return html::ask(StatusCode::UNPROCESSABLE_ENTITY, &v, &form.email, Some(message));
        }
    };
    let origin = s.public.as_str().to_owned();
    let sent = async {
        // An unknown address is looked up without the write lock.
        if db::recipient(&mut *s.pool.acquire().await?, s.pool.pii(), &v.site, &email).await?.is_none() {
            return Ok(false);
        }
        let (_turn, mut tx) = crate::writer::begin(&s.pool).await?;
        let Some(recipient) = db::recipient(&mut tx, s.pool.pii(), &v.site, &email).await? else { return Ok(false) };
        let recipient = db::Recipient { language: v.lang, ..recipient };
        let sent = db::send_link(&mut tx, s.pool.pii(), &v.site, &recipient, &email, &origin).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(sent)
    };
    match sent.await {
        Ok(sent) => tracing::info!(site = v.site.key.as_str(), sent, "my page link asked for"),
        Err(e) => return internal(&v, "my page: link", e),
    }
    html::asked(&v, email.as_str())
}

/// The link's page: one button that signs in. Opening the link alone does nothing, so a
/// mail scanner following links cannot use it up.
pub async fn link_page(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let v = match visit(&s.pool, &key, &asked, &headers).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    match db::link_works(&s.pool, v.site.id, &crate::tokens::hash(&token)).await {
        Ok(true) => html::open_link(&v),
        Ok(false) => html::dead_link(&v),
        Err(e) => internal(&v, "my page: link", e),
    }
}

pub async fn use_link(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let v = match visit(&s.pool, &key, &asked, &headers).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    // Another site's page cannot sign a browser in with a link it holds.
    if crate::server_ctx::is_cross_origin(&headers, &s.public) {
        return own_page_only(&v);
    }
    let session = match crate::tokens::new_token() {
        Ok(token) => token,
        Err(e) => return v.broken(&AppError::internal("my page: token", e)),
    };
    match db::sign_in(&s.pool, v.site.id, &crate::tokens::hash(&token), &crate::tokens::hash(&session)).await {
        Ok(Some(_)) => {
            tracing::info!(site = v.site.key.as_str(), "customer signed in to their page");
            let cookie = token_set_cookie(COOKIE, &base(&v), &session, db::SESSION_DAYS * 24 * 3600, secure(&s));
            ([(header::SET_COOKIE, cookie)], back(&v, "")).into_response()
        }
        Ok(None) => html::dead_link(&v),
        Err(e) => internal(&v, "my page: sign in", e),
    }
}

pub async fn sign_out(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let (v, _, hash) = match acting(&s, &key, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if let Err(e) = db::sign_out(&s.pool, &hash).await {
        return internal(&v, "my page: sign out", e);
    }
    let cookie = token_set_cookie(COOKIE, &base(&v), "", 0, secure(&s));
    ([(header::SET_COOKIE, cookie)], back(&v, "")).into_response()
}

#[derive(Deserialize, Default)]
pub struct ItemForm {
    #[serde(default)]
    item: i64,
}

pub async fn remove_favourite(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<ItemForm>,
) -> Response {
    let (v, customer, _) = match acting(&s, &key, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match db::remove_favourite(&s.pool, customer, form.item).await {
        Ok(()) => back(&v, "#favourites"),
        Err(e) => internal(&v, "my page: favourite", e),
    }
}

#[derive(Deserialize, Default)]
pub struct ConsentForm {
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    granted: String,
}

pub async fn change_consent(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<ConsentForm>,
) -> Response {
    let (v, customer, _) = match acting(&s, &key, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let t = v.words();
    let Some(purpose) = consent_purpose(&form.purpose) else {
        return html::refused(&v, t.me.no_such_consent);
    };
    let page = format!("{}{}", s.public.as_str(), base(&v));
    let done = if form.granted == "1" {
        // The wording in the page's language, which the site writes in (else its default's).
        db::give_consent(&s.pool, customer, purpose, v.lang, &page).await
    } else {
        let how = crate::public_pages::self_service::db::Withdrawal {
            body: "Withdrawn on their own page",
            source: "my_page",
            page: &page,
        };
        crate::public_pages::self_service::db::withdraw(&s.pool, customer, purpose, &how).await.map(|()| true)
    };
    match done {
        Ok(true) => back(&v, "#consents"),
        Ok(false) => html::refused(&v, t.me.no_wording),
        Err(e) => internal(&v, "my page: consent", e),
    }
}

#[derive(Deserialize, Default)]
pub struct CardForm {
    #[serde(default)]
    agree: String,
}

/// A customer without a card takes one, agreeing to the programme's words as the page
/// showed them.
pub async fn take_card(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<CardForm>,
) -> Response {
    let (v, customer, _) = match acting(&s, &key, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if form.agree != "yes" {
        return html::refused(&v, v.words().me.tick_to_join);
    }
    let page = format!("{}{}", s.public.as_str(), base(&v));
    let joined = crate::loyalty::db::Joined::Themselves {
        via: "my_page",
        text: v.lang.loyalty().loyalty_agree,
        language: v.lang.code(),
        page: &page,
    };
    let taken = async {
        let mut conn = s.pool.acquire().await?;
        crate::loyalty::db::issue_card_in(&mut conn, customer, &joined).await
    };
    match taken.await {
        Ok(_) => back(&v, "#card"),
        Err(e) => internal(&v, "my page: card", e),
    }
}

#[derive(Deserialize, Default)]
pub struct RightsForm {
    #[serde(default)]
    kind: String,
}

/// Download, do-not-sell or erasure: the same request and confirmation page as the privacy
/// form's, without the mail (being signed in proves the address already).
pub async fn rights(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<RightsForm>,
) -> Response {
    use crate::public_pages::self_service::db::{Kind, open_signed_in};
    let (v, customer, _) = match acting(&s, &key, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(kind) = Kind::parse(&form.kind) else { return html::refused(&v, v.words().common.choose_what) };
    let token = match crate::tokens::new_token() {
        Ok(token) => token,
        Err(e) => return v.broken(&AppError::internal("my page: rights token", e)),
    };
    match open_signed_in(&s.pool, v.site.id, customer, kind, &crate::tokens::hash(&token)).await {
        Ok(()) => {
            Redirect::to(&format!("/p/{}/privacy/confirm/{token}{}", v.site.key.as_str(), v.query())).into_response()
        }
        Err(e) => internal(&v, "my page: rights", e),
    }
}
