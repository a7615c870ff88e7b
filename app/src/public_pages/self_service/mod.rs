//! The customer's own way to their rights, without an account: `/p/SITEKEY/privacy/request`
//! asks for an email address and what they want (see and download their data, stop its
//! sale or sharing, erase it); a one-time link goes to that address (to the outbox while
//! no mail server is configured), and opening it proves the address is theirs. The link's
//! page does nothing until its button is pressed, so a mail scanner opening links cannot
//! erase anyone. Plain HTML forms: they work without JavaScript, on any phone.

pub mod db;

use super::SelfService;
use super::html::{Visit, escape, visit};
use super::language::Asked;
use crate::domain::Email;
use crate::error::AppError;
use crate::extract::{Form, Query};
use crate::mail::db::Mail;
use crate::rights::db::By;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
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

/// A whole page of the customer's data requests.
fn page(v: &Visit, status: StatusCode, body: &str) -> Response {
    v.page(status, v.words().common.your_data, body)
}

fn kind_words(v: &Visit, kind: Kind) -> &'static str {
    let t = &v.words().common;
    match kind {
        Kind::Access => t.access,
        Kind::DoNotSell => t.do_not_sell,
        Kind::Erasure => t.erase,
    }
}

fn form_html(v: &Visit, form: &RequestForm, error: Option<&str>) -> String {
    let t = v.words();
    let choices: String = Kind::ALL
        .into_iter()
        .map(|k| {
            let checked =
                if form.kind == k.code() || (form.kind.is_empty() && k == Kind::Access) { " checked" } else { "" };
            format!(
                "<label><input type=\"radio\" name=\"kind\" value=\"{}\"{checked}> {}</label>",
                k.code(),
                escape(kind_words(v, k))
            )
        })
        .collect();
    let error = error
        .map_or(String::new(), |e| format!("<p class=\"error\" id=\"email-error\" role=\"alert\">{}</p>", escape(e)));
    let described = if error.is_empty() { "" } else { " aria-invalid=\"true\" aria-describedby=\"email-error\"" };
    format!(
        "<h1>{heading}</h1><p>{intro}</p>\
         <form method=\"post\" action=\"/p/{key}/privacy/request{query}\"><label for=\"email\">{label}</label>\
         <input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required value=\"{email}\"{described}>{error}\
         <fieldset><legend>{what}</legend>{choices}</fieldset>\
         <button type=\"submit\">{send}</button></form>",
        heading = escape(&(t.request.heading)(&v.site.name)),
        intro = escape(&(t.request.intro)(&v.site.name)),
        key = v.site.key.as_str(),
        query = v.query(),
        label = escape(t.common.email),
        email = escape(&form.email),
        what = escape(t.request.what),
        send = escape(t.request.send),
    )
}

pub async fn request_form(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    match visit(&s.pool, &key, &asked, &headers).await {
        Ok(v) => page(&v, StatusCode::OK, &form_html(&v, &RequestForm::default(), None)),
        Err(response) => response,
    }
}

pub async fn request_sent(
    State(s): State<SelfService>,
    Path(key): Path<String>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<RequestForm>,
) -> Response {
    let v = match visit(&s.pool, &key, &asked, &headers).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let t = v.words();
    let invalid = |error: &str| page(&v, StatusCode::UNPROCESSABLE_ENTITY, &form_html(&v, &form, Some(error)));
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => return invalid(v.lang.forms().problem(problem)),
    };
    let Some(kind) = Kind::parse(&form.kind) else { return invalid(t.common.choose_what) };
    let token = match crate::tokens::new_token() {
        Ok(token) => token,
        Err(e) => return v.broken(&AppError::internal("privacy request: token", e)),
    };
    let origin = s.public.as_str().to_owned();
    // The mail, and the page its link opens, in the language of the page the request came from.
    let link = format!("{origin}/p/{}/privacy/confirm/{token}{}", v.site.key.as_str(), v.query());
    let mail = Mail {
        unsubscribe: None,
        subject: (t.request.mail_subject)(&v.site.name),
        body: (t.request.mail_body)(&v.site.name, kind_words(&v, kind), LINK_HOURS, &link),
    };
    match db::open(&s.pool, v.site.id, &email, kind, &crate::tokens::hash(&token), &mail).await {
        Ok(opened) => tracing::info!(site = v.site.key.as_str(), kind = kind.code(), opened, "privacy request"),
        Err(e) => return v.broken(&AppError::internal("privacy request", e)),
    }
    let body = format!(
        "<h1>{}</h1><p data-sent>{}</p>",
        escape(t.common.check_inbox),
        escape(&(t.request.sent)(&v.site.name, email.as_str(), LINK_HOURS)),
    );
    page(&v, StatusCode::OK, &body)
}

/// The link's page: what it will do, and the button that does it.
pub async fn confirm_page(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
) -> Response {
    let (v, linked) = match open_link(&s, &key, &token, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let t = &v.words().request;
    let buttons = match linked.kind {
        Kind::Access => format!(
            "<p>{}</p><button type=\"submit\" name=\"format\" value=\"json\">{}</button>\
             <button type=\"submit\" name=\"format\" value=\"csv\">{}</button>",
            escape(t.access_intro),
            escape(t.as_json),
            escape(t.as_csv)
        ),
        Kind::DoNotSell => format!(
            "<p>{}</p><button type=\"submit\">{}</button>",
            escape(t.do_not_sell_intro),
            escape(kind_words(&v, Kind::DoNotSell))
        ),
        Kind::Erasure => format!(
            "<p>{}</p><button type=\"submit\" class=\"danger\">{}</button>",
            escape(t.erase_intro),
            escape(kind_words(&v, Kind::Erasure))
        ),
    };
    let body = format!("<h1>{}</h1><form method=\"post\">{buttons}</form>", escape(kind_words(&v, linked.kind)));
    page(&v, StatusCode::OK, &body)
}

/// The visit and the open request a link names, or the page saying it does not work.
async fn open_link(
    s: &SelfService,
    key: &str,
    token: &str,
    asked: &Asked,
    headers: &HeaderMap,
) -> Result<(Visit, db::Linked), Response> {
    let v = visit(&s.pool, key, asked, headers).await?;
    match db::find(&s.pool, v.site.id, &crate::tokens::hash(token)).await {
        Ok(Some(linked)) => Ok((v, linked)),
        Ok(None) => Err(dead_link(&v)),
        Err(e) => Err(v.broken(&AppError::internal("privacy link", e))),
    }
}

fn dead_link(v: &Visit) -> Response {
    let t = v.words();
    let body = format!(
        "<h1>{}</h1><p>{} <a href=\"/p/{}/privacy/request{}\">{}</a>.</p>",
        escape(t.common.link_dead),
        escape(&(t.common.link_used)(LINK_HOURS)),
        v.site.key.as_str(),
        v.query(),
        escape(t.request.ask_again)
    );
    page(v, StatusCode::GONE, &body)
}

/// The button on the link's page: carries the request out and closes it.
pub async fn confirmed(
    State(s): State<SelfService>,
    Path((key, token)): Path<(String, String)>,
    Query(asked): Query<Asked>,
    headers: HeaderMap,
    Form(form): Form<ConfirmForm>,
) -> Response {
    let (v, linked) = match open_link(&s, &key, &token, &asked, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let t = v.words();
    let done_page = |text: &str| format!("<h1>{}</h1><p data-done>{}</p>", escape(t.common.done), escape(text));
    let by = By::Customer { request: linked.request };
    let done = match linked.kind {
        Kind::Access => {
            let format = if form.format == "csv" { "csv" } else { "json" };
            return crate::rights::download::bundle_response(&s.pool, linked.customer, by, format).await;
        }
        Kind::DoNotSell => crate::rights::db::set_do_not_sell(&s.pool, linked.customer, by, true)
            .await
            .map(|site| site.map(|_| done_page(t.request.not_sold))),
        Kind::Erasure => crate::rights::db::erase(&s.pool, linked.customer, by)
            .await
            .map(|erased| erased.map(|_| done_page(t.request.erased))),
    };
    match done {
        Ok(Some(body)) => {
            if linked.kind == Kind::Erasure {
                let _ = crate::rights::db::sweep_log(&s.pool).await;
            }
            tracing::info!(site = v.site.key.as_str(), kind = linked.kind.code(), "privacy request carried out");
            page(&v, StatusCode::OK, &body)
        }
        Ok(None) => dead_link(&v),
        Err(e) => v.broken(&AppError::internal("privacy request", e)),
    }
}
