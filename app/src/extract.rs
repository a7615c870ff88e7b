//! axum's `Form` and `Query` extractors for the public pages, refusing what they cannot
//! read with a 400 in our words. axum's own rejection names our fields and Rust types
//! (``Failed to deserialize form body: missing field `email` ``), which is ours to know.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

/// A posted form (`application/x-www-form-urlencoded`).
pub struct Form<T>(pub T);

/// The query string.
pub struct Query<T>(pub T);

fn unreadable(what: &str, cause: impl std::fmt::Display) -> Response {
    tracing::info!(%cause, "a public page's {what} could not be read");
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "This form could not be read. Please go back, reload the page and try again.",
    )
        .into_response()
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(e) => Err(unreadable("form", e.body_text())),
        }
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Query(value)),
            Err(e) => Err(unreadable("query", e.body_text())),
        }
    }
}
