//! The public privacy policy page, `/p/SITEKEY/privacy`: the version in force (published
//! again first if the site's settings changed since), or an earlier one with `?version=N`
//! — the one a consent record names. Plain HTML, no script.

use super::html::{escape, html_page};
use crate::domain::SiteKey;
use crate::extract::Query;
use crate::policy::text::Section;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use sqlx::SqlitePool;

pub fn routes(pool: SqlitePool) -> axum::Router {
    axum::Router::new().route("/p/{key}/privacy", axum::routing::get(policy_page)).with_state(pool)
}

#[derive(Deserialize)]
pub struct Which {
    version: Option<String>,
}

fn not_found() -> Response {
    html_page(StatusCode::NOT_FOUND, "Not found", "<h1>Not found</h1><p>There is no such privacy policy.</p>")
}

async fn policy_page(State(pool): State<SqlitePool>, Path(key): Path<String>, Query(which): Query<Which>) -> Response {
    let Ok(key) = SiteKey::parse(&key) else { return not_found() };
    let version = match which.version.as_deref().map(str::parse::<i64>) {
        None => None,
        Some(Ok(v)) => Some(v),
        Some(Err(_)) => return not_found(),
    };
    let site = match crate::sites::db::find_by_key(&pool, &key).await {
        Ok(Some(site)) => site,
        Ok(None) => return not_found(),
        Err(e) => return broken(e),
    };
    if version.is_none()
        && let Err(e) = crate::policy::db::refresh(&pool, site.id, None, None).await
    {
        return broken(e);
    }
    let current = match crate::policy::db::published(&pool, site.id, None).await {
        Ok(Some(p)) => p.version,
        Ok(None) => return not_found(),
        Err(e) => return broken(e),
    };
    let shown = match crate::policy::db::published(&pool, site.id, version).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(),
        Err(e) => return broken(e),
    };
    let status = if shown.version == current {
        format!("Version {}, in force since {}.", shown.version, day(&shown.published_at))
    } else {
        format!(
            "Version {} of {}, no longer in force: <a href=\"/p/{}/privacy\">read the version in force</a>.",
            shown.version,
            day(&shown.published_at),
            key.as_str()
        )
    };
    let body = format!(
        "<h1>Privacy at {}</h1><p class=\"version\" data-version=\"{}\">{status}</p>{}",
        escape(&site.name),
        shown.version,
        sections_html(&shown.sections)
    );
    html_page(StatusCode::OK, &format!("Privacy · {}", site.name), &body)
}

fn broken(e: sqlx::Error) -> Response {
    tracing::error!(error = %e, "privacy policy page");
    html_page(StatusCode::INTERNAL_SERVER_ERROR, "Sorry", "<h1>Sorry</h1><p>The policy cannot be shown just now.</p>")
}

/// `2026-11-26` of a stored time.
fn day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

fn sections_html(sections: &[Section]) -> String {
    sections
        .iter()
        .map(|s| {
            let paragraphs: String = s
                .paragraphs
                .iter()
                .map(|p| match &p.link {
                    Some(href) => format!("<p><a href=\"{}\">{}</a></p>", escape(href), escape(&p.text)),
                    None => format!("<p>{}</p>", escape(&p.text).replace('\n', "<br>")),
                })
                .collect();
            format!("<section><h2>{}</h2>{paragraphs}</section>", escape(&s.heading))
        })
        .collect()
}
