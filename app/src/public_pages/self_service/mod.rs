//! The customer's own way to their rights, without an account: `/p/SITEKEY/privacy/request`
//! asks for an email address and what they want (see and download their data, stop its
//! sale or sharing, erase it); a one-time link goes to that address (to the outbox while
//! no mail server is configured), and opening it proves the address is theirs. The link's
//! page does nothing until its button is pressed, so a mail scanner opening links cannot
//! erase anyone. Plain HTML forms: they work without JavaScript, on any phone.

pub mod db;

use super::SelfService;
use super::html::{broken, escape, html_page, site_or_404};
use crate::domain::Email;
use crate::error::AppError;
use crate::extract::Form;
use crate::mail::db::Mail;
use crate::rights::db::By;
use crate::sites::Site;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use db::{Kind, LINK_HOURS};
use serde::Deserialize;

pub fn routes(state: SelfService) -> axum::Router {
    use axum::routing::get;
    axum::Router::new()
        .route("/p/{key}/privacy/request", get(request_form).post(request_sent))
        .route("/p/{key}/privacy/confirm/{token}", get(confirm_page).post(confirmed))
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

/// A whole page of the customer's data requests (and unsubscribing).
pub(crate) fn page(status: StatusCode, site: &str, body: &str) -> Response {
    html_page(status, &format!("Your data · {site}"), body)
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
            return crate::rights::download::bundle_response(&s.pool, linked.customer, by, format).await;
        }
        Kind::DoNotSell => crate::rights::db::set_do_not_sell(&s.pool, linked.customer, by, true).await.map(|site| {
            site.map(|_| "<h1>Done</h1><p data-done>Your data will not be sold or shared.</p>".to_owned())
        }),
        Kind::Erasure => crate::rights::db::erase(&s.pool, linked.customer, by).await.map(|erased| {
            erased.map(|_| "<h1>Done</h1><p data-done>Your data has been erased. Only a note that an erasure happened is kept.</p>".to_owned())
        }),
    };
    match done {
        Ok(Some(body)) => {
            if linked.kind == Kind::Erasure {
                let _ = crate::rights::db::sweep_log(&s.pool).await;
            }
            tracing::info!(site = site.key.as_str(), kind = linked.kind.code(), "privacy request carried out");
            page(StatusCode::OK, &site.name, &body)
        }
        Ok(None) => dead_link(&site),
        Err(e) => broken(&AppError::internal("privacy request", e)),
    }
}
