//! The customer's own way to their rights, without an account: `/p/SITEKEY/privacy/request`
//! asks for an email address and what they want (see and download their data, stop its
//! sale or sharing, erase it); a one-time link goes to that address (to the outbox while
//! no mail server is configured), and opening it proves the address is theirs. The link's
//! page does nothing until its button is pressed, so a mail scanner opening links cannot
//! erase anyone. Plain HTML forms: they work without JavaScript, on any phone.

pub mod db;
pub mod unsubscribe;

use super::db::By;
use crate::domain::{Email, SiteKey};
use crate::error::AppError;
use crate::extract::Form;
use crate::mail::db::Mail;
use crate::sites::Site;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use db::{Kind, LINK_HOURS};
use serde::Deserialize;
use sqlx::SqlitePool;

/// What the pages need: the database, and the address links in mails start with.
#[derive(Clone)]
pub struct SelfService {
    pub pool: SqlitePool,
    /// Patron's public address: links in mails start with it, never with the request's Host.
    pub public: crate::server_ctx::PublicOrigin,
}

pub fn routes(state: SelfService) -> axum::Router {
    use axum::routing::get;
    axum::Router::new()
        .route("/p/{key}/privacy/request", get(request_form).post(request_sent))
        .route("/p/{key}/privacy/confirm/{token}", get(confirm_page).post(confirmed))
        .route("/p/{key}/unsubscribe/{token}", get(unsubscribe::confirm).post(unsubscribe::unsubscribe))
        .with_state(state)
}

#[derive(Deserialize, Default)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    kind: String,
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    format: String,
}

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A whole page: no script at all, so the policy allows none.
pub(crate) fn page(status: StatusCode, site: &str, body: &str) -> Response {
    html_page(status, &format!("Your data · {site}"), body)
}

/// A whole page of Patron's own for customers (`title` is escaped here, `body` must be
/// HTML already): no script, so its content security policy allows none.
pub(crate) fn html_page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body><main>{body}</main></body></html>",
        title = escape(title)
    );
    let mut response = (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

const CSS: &str = "body{margin:0;font:17px/1.5 system-ui,sans-serif;color:#1d1d1d;background:#f6f7f6}\
main{max-width:34rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:10px}\
label{display:block;margin:.4rem 0}input[type=email],input[type=text],input[type=tel],select{font:inherit;width:100%;\
box-sizing:border-box;padding:.5em;border:1px solid #999;border-radius:6px;background:#fff}\
input[aria-invalid=true]{border-color:#b3261e}form.details button{margin-top:.8rem}\
fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:600}.error{color:#b3261e;margin:.2rem 0}\
button{font:inherit;border:0;border-radius:6px;background:#2f6f4f;color:#fff;padding:.55em 1.1em;margin:.3rem .3rem 0 0;cursor:pointer}\
button.danger{background:#b3261e}\
button.quiet{background:#e7ece9;color:#1d1d1d;padding:.3em .8em}.muted{color:#555}\
ul.plain{list-style:none;padding:0}ul.plain li{display:flex;justify-content:space-between;align-items:center;gap:.5rem;\
padding:.4rem 0;border-bottom:1px solid #eee}ul.plain form{margin:0}section{margin:1.5rem 0}h2{font-size:1.15rem}\
.card{display:flex;gap:1rem;align-items:center;border:1px solid #ccc;border-radius:10px;padding:.8rem}\
.card .qr svg{width:7rem;height:7rem;display:block}.card .number{font:1.3rem monospace;letter-spacing:.08em;margin:0}";

pub(crate) async fn site_or_404(pool: &SqlitePool, key: &str) -> Result<Site, Response> {
    let missing = || page(StatusCode::NOT_FOUND, "Patron", "<h1>Not found</h1><p>There is no such site.</p>");
    let Ok(key) = SiteKey::parse(key) else { return Err(missing()) };
    match crate::sites::db::find_by_key(pool, &key).await {
        Ok(Some(site)) => Ok(site),
        Ok(None) => Err(missing()),
        Err(e) => Err(broken(&AppError::internal("privacy page: site", e))),
    }
}

pub(crate) fn broken(error: &AppError) -> Response {
    let res = page(error.status_code(), "Patron", &format!("<h1>Sorry</h1><p>{}</p>", escape(&error.to_string())));
    if res.status() == StatusCode::SERVICE_UNAVAILABLE { crate::storage::retry_later(res) } else { res }
}

fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Access => "See and download my data",
        Kind::DoNotSell => "Do not sell or share my data",
        Kind::Erasure => "Erase my data",
    }
}

fn form_html(site: &Site, form: &RequestForm, error: Option<&str>) -> String {
    let choices: String = Kind::ALL
        .into_iter()
        .map(|k| {
            let checked =
                if form.kind == k.code() || (form.kind.is_empty() && k == Kind::Access) { " checked" } else { "" };
            format!(
                "<label><input type=\"radio\" name=\"kind\" value=\"{}\"{checked}> {}</label>",
                k.code(),
                kind_words(k)
            )
        })
        .collect();
    let error = error
        .map_or(String::new(), |e| format!("<p class=\"error\" id=\"email-error\" role=\"alert\">{}</p>", escape(e)));
    let described = if error.is_empty() { "" } else { " aria-invalid=\"true\" aria-describedby=\"email-error\"" };
    format!(
        "<h1>Your data at {name}</h1>\
         <p>Ask to see and take what {name} holds about you, to stop its sale or sharing, or to erase it. \
         We send a link to your email address; opening it shows the address is yours.</p>\
         <form method=\"post\"><label for=\"email\">Your email address</label>\
         <input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required value=\"{email}\"{described}>{error}\
         <fieldset><legend>What would you like?</legend>{choices}</fieldset>\
         <button type=\"submit\">Send me the link</button></form>",
        name = escape(&site.name),
        email = escape(&form.email),
    )
}

pub async fn request_form(State(s): State<SelfService>, Path(key): Path<String>) -> Response {
    match site_or_404(&s.pool, &key).await {
        Ok(site) => page(StatusCode::OK, &site.name, &form_html(&site, &RequestForm::default(), None)),
        Err(response) => response,
    }
}

pub async fn request_sent(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Form(form): Form<RequestForm>,
) -> Response {
    let site = match site_or_404(&s.pool, &key).await {
        Ok(site) => site,
        Err(response) => return response,
    };
    let invalid =
        |error: &str| page(StatusCode::UNPROCESSABLE_ENTITY, &site.name, &form_html(&site, &form, Some(error)));
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => return invalid(&problem.to_string()),
    };
    let Some(kind) = Kind::parse(&form.kind) else { return invalid("Please choose what you would like.") };
    let token = match crate::tokens::new_token() {
        Ok(token) => token,
        Err(e) => return broken(&AppError::internal("privacy request: token", e)),
    };
    let origin = s.public.as_str().to_owned();
    let link = format!("{origin}/p/{}/privacy/confirm/{token}", site.key.as_str());
    let mail = Mail {
        unsubscribe: None,
        subject: format!("Your request to {}", site.name),
        body: format!(
            "You asked {name}: {what}.\n\nOpen this link to carry it out (it works once, for {LINK_HOURS} hours):\n{link}\n\n\
             If you did not ask, ignore this mail: nothing happens without the link.",
            name = site.name,
            what = kind_words(kind).to_lowercase(),
        ),
    };
    match db::open(&s.pool, site.id, &email, kind, &crate::tokens::hash(&token), &mail).await {
        Ok(opened) => tracing::info!(site = site.key.as_str(), kind = kind.code(), opened, "privacy request"),
        Err(e) => return broken(&AppError::internal("privacy request", e)),
    }
    let body = format!(
        "<h1>Check your inbox</h1><p data-sent>If {name} holds data under <strong>{email}</strong>, a link is on its way \
         there. It works once, for {LINK_HOURS} hours.</p>",
        name = escape(&site.name),
        email = escape(email.as_str()),
    );
    page(StatusCode::OK, &site.name, &body)
}

/// The link's page: what it will do, and the button that does it.
pub async fn confirm_page(State(s): State<SelfService>, Path((key, token)): Path<(String, String)>) -> Response {
    let (site, linked) = match open_link(&s, &key, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let buttons = match linked.kind {
        Kind::Access => {
            "<p>Download everything we hold about you: your details, consents, purchases, reservations, \
             favourites, answers and visits.</p>\
             <button type=\"submit\" name=\"format\" value=\"json\">Download (JSON)</button>\
             <button type=\"submit\" name=\"format\" value=\"csv\">Download (CSV, for a spreadsheet)</button>"
        }
        Kind::DoNotSell => {
            "<p>We will not sell or share your data from now on.</p>\
             <button type=\"submit\">Do not sell or share my data</button>"
        }
        Kind::Erasure => {
            "<p>This erases you and everything about you — purchases, answers, favourites, visits and \
             consents — for good. It cannot be undone.</p>\
             <button type=\"submit\" class=\"danger\">Erase my data</button>"
        }
    };
    let body = format!("<h1>{}</h1><form method=\"post\">{buttons}</form>", kind_words(linked.kind));
    page(StatusCode::OK, &site.name, &body)
}

/// The site and the open request a link names, or the page saying it does not work.
async fn open_link(s: &SelfService, key: &str, token: &str) -> Result<(Site, db::Linked), Response> {
    let site = site_or_404(&s.pool, key).await?;
    match db::find(&s.pool, site.id, &crate::tokens::hash(token)).await {
        Ok(Some(linked)) => Ok((site, linked)),
        Ok(None) => Err(dead_link(&site)),
        Err(e) => Err(broken(&AppError::internal("privacy link", e))),
    }
}

fn dead_link(site: &Site) -> Response {
    let body = format!(
        "<h1>This link no longer works</h1><p>It was used already or is more than {LINK_HOURS} hours old. \
         <a href=\"/p/{}/privacy/request\">Ask again</a>.</p>",
        site.key.as_str()
    );
    page(StatusCode::GONE, &site.name, &body)
}

/// The button on the link's page: carries the request out and closes it.
pub async fn confirmed(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Form(form): Form<ConfirmForm>,
) -> Response {
    let (site, linked) = match open_link(&s, &key, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let by = By::Customer { request: linked.request };
    let done = match linked.kind {
        Kind::Access => {
            let format = if form.format == "csv" { "csv" } else { "json" };
            return super::download::bundle_response(&s.pool, linked.customer, by, format).await;
        }
        Kind::DoNotSell => super::db::set_do_not_sell(&s.pool, linked.customer, by, true).await.map(|site| {
            site.map(|_| "<h1>Done</h1><p data-done>Your data will not be sold or shared.</p>".to_owned())
        }),
        Kind::Erasure => super::db::erase(&s.pool, linked.customer, by).await.map(|erased| {
            erased.map(|_| "<h1>Done</h1><p data-done>Your data has been erased. Only a note that an erasure happened is kept.</p>".to_owned())
        }),
    };
    match done {
        Ok(Some(body)) => {
            if linked.kind == Kind::Erasure {
                let _ = super::db::sweep_log(&s.pool).await;
            }
            tracing::info!(site = site.key.as_str(), kind = linked.kind.code(), "privacy request carried out");
            page(StatusCode::OK, &site.name, &body)
        }
        Ok(None) => dead_link(&site),
        Err(e) => broken(&AppError::internal("privacy request", e)),
    }
}
