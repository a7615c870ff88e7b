//! The public privacy policy page, `/p/SITEKEY/privacy`: the version in force (published
//! again first if the site's settings changed since), or an earlier one with `?version=N`
//! — the one a consent record names — in the reader's language (`?lang=`, else the
//! browser's, else the site's default; see `super::language`). Plain HTML, no script.

use super::html::{Visit, escape, visit};
use super::language::Asked;
use crate::db::Db;
use crate::error::AppError;
use crate::extract::Query;
use crate::policy::text::Section;
use crate::policy::words::{self, PolicyWords};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;

pub fn routes(pool: Db) -> axum::Router {
    axum::Router::new().route("/p/{key}/privacy", axum::routing::get(policy_page)).with_state(pool)
}

#[derive(Deserialize)]
pub struct Which {
    version: Option<String>,
    lang: Option<String>,
}

fn not_found(v: &Visit, w: &PolicyWords) -> Response {
    let t = &v.words().common;
    v.page(
        StatusCode::NOT_FOUND,
        t.not_found,
        &format!("<h1>{}</h1><p>{}</p>", escape(t.not_found), escape(w.no_such_policy)),
    )
}

async fn policy_page(
    State(pool): State<Db>,
    Path(key): Path<String>,
    Query(which): Query<Which>,
    headers: HeaderMap,
) -> Response {
    let v = match visit(&pool, &key, &Asked { lang: which.lang }, &headers).await {
        Ok(v) => v,
        Err(response) => return response,
    };
    let w = words::of(v.lang);
    let version = match which.version.as_deref().map(str::parse::<i64>) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => return not_found(&v, w),
    };
    let broken = |e: sqlx::Error| v.broken(&AppError::internal("privacy policy page", e));
    if version.is_none()
        && let Err(e) = crate::policy::db::refresh(&pool, v.site.id, None, None).await
    {
        return broken(e);
    }
    let current = match crate::policy::db::published(&pool, v.site.id, None, None).await {
        Ok(Some(p)) => p.version,
        Ok(None) => return not_found(&v, w),
        Err(e) => return broken(e),
    };
    let shown = match crate::policy::db::published(&pool, v.site.id, version, Some(v.lang)).await {
        Ok(Some(p)) => p,
        Ok(None) => return not_found(&v, w),
        Err(e) => return broken(e),
    };
    let status = if shown.version == current {
        escape(&(w.in_force)(shown.version, &v.day(&shown.published_at)))
    } else {
        format!(
            "{} <a href=\"/p/{}/privacy{}\">{}</a>.",
            escape(&(w.no_longer)(shown.version, &v.day(&shown.published_at))),
            v.site.key.as_str(),
            v.query(),
            escape(w.read_current)
        )
    };
    let body = format!(
        "<h1>{}</h1><p class=\"version\" data-version=\"{}\">{status}</p>{}",
        escape(&(w.title)(&v.site.name)),
        shown.version,
        sections_html(&shown.sections)
    );
    v.page(StatusCode::OK, w.privacy, &body)
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
