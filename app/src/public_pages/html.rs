//! The one way Patron writes a page of its own for customers: a whole HTML document with no
//! script (so its content security policy allows none), every value escaped here.

use super::language;
use super::texts::{self, Lang, PageTexts};
use crate::db::Db;
use crate::domain::SiteKey;
use crate::error::AppError;
use crate::sites::Site;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A whole page of Patron's own for customers in `lang` (`title` is escaped here, `body`
/// must be HTML already): no script, so its content security policy allows none.
pub(crate) fn html_page(status: StatusCode, lang: Lang, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body><main>{body}</main></body></html>",
        lang = lang.code(),
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

/// A customer page's site and the language it is written in (see [`super::language`]).
pub(crate) struct Visit {
    pub site: Site,
    pub lang: Lang,
}

impl Visit {
    pub fn words(&self) -> &'static PageTexts {
        texts::of(self.lang)
    }

    /// `?lang=nl`, for the page's links and forms.
    pub fn query(&self) -> String {
        language::query(self.lang)
    }

    /// A page of the site's: "{title} · {site}".
    pub fn page(&self, status: StatusCode, title: &str, body: &str) -> Response {
        html_page(status, self.lang, &format!("{title} · {}", self.site.name), body)
    }

    /// The day of a stored moment as the page's language writes it ("4 dec 2026"), on the
    /// site's clock (`sites::clock`).
    pub fn day(&self, at: &str) -> String {
        use crate::sites::clock;
        let zone = clock::zone(&self.site.time_zone, self.site.country.as_ref().map(|c| c.as_str()));
        let day = clock::day_of(&zone, at).unwrap_or_else(|| at.get(..10).unwrap_or(at).to_owned());
        crate::sites::date_style::style(self.lang).write(&day)
    }

    /// The page for an error, in the visit's language.
    pub fn broken(&self, error: &AppError) -> Response {
        broken(self.lang, error)
    }
}

/// The site a customer page names and its language, or the page saying there is none (in
/// the browser's language, as no site says which it writes).
pub(crate) async fn visit(
    pool: &Db,
    key: &str,
    asked: &language::Asked,
    headers: &HeaderMap,
) -> Result<Visit, Response> {
    let site = site_or_404(pool, key, headers).await?;
    let lang = language::chosen(&site, asked, headers);
    Ok(Visit { site, lang })
}

pub(crate) async fn site_or_404(pool: &Db, key: &str, headers: &HeaderMap) -> Result<Site, Response> {
    // Only for the pages saying there is no site: no site says which languages it writes.
    let lang = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::staff::texts::choice::from_accept_language)
            .unwrap_or(Lang::En)
    };
    let missing = || {
        let lang = lang();
        let t = &texts::of(lang).common;
        let body = format!("<h1>{}</h1><p>{}</p>", escape(t.not_found), escape(t.no_such_site));
        html_page(StatusCode::NOT_FOUND, lang, t.not_found, &body)
    };
    let Ok(key) = SiteKey::parse(key) else { return Err(missing()) };
    match crate::sites::db::find_by_key(pool, &key).await {
        Ok(Some(site)) => Ok(site),
        Ok(None) => Err(missing()),
        Err(e) => Err(broken(lang(), &AppError::internal("customer page: site", e))),
    }
}

/// The page for an error: not found, or "try again in a few minutes" (the details are in
/// the log, never on the page).
pub(crate) fn broken(lang: Lang, error: &AppError) -> Response {
    let t = &texts::of(lang).common;
    let status = error.status_code();
    let (title, text) =
        if status == StatusCode::NOT_FOUND { (t.not_found, t.not_found) } else { (t.sorry, t.try_later) };
    let res = html_page(status, lang, title, &format!("<h1>{}</h1><p>{}</p>", escape(title), escape(text)));
    if res.status() == StatusCode::SERVICE_UNAVAILABLE { crate::storage::retry_later(res) } else { res }
}
