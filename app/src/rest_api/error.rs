//! The one shape every API error has: `{"error": {"code", "message", "fields"}}`, with the
//! HTTP status that fits. Internal causes go to the log, never to the caller.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("Send a key in force as `Authorization: Bearer KEY`.")]
    Unauthorized,
    #[error("This key lacks the scope {0}.")]
    Forbidden(&'static str),
    #[error("There is no such {0} on this site.")]
    NotFound(&'static str),
    #[error("The request is not valid: see `fields`.")]
    Invalid(Vec<FieldProblem>),
    /// Valid, but at odds with what is stored: a SKU taken, a purchase voided already, more
    /// of a line returned than is left.
    #[error("The request conflicts with what is stored: see `fields`.")]
    Conflict(Vec<FieldProblem>),
    #[error("The request could not be read. {0}")]
    Malformed(&'static str),
    #[error(
        "Patron cannot save anything just now (see `crate::storage`); nothing was saved. Try again after `Retry-After` seconds."
    )]
    Unavailable,
    #[error("Something went wrong on our side; it has been logged.")]
    Internal(String),
}

/// One field's problem: where (`email`, `lines[2].quantity`) and what.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    /// A stable code (`Required`, `NotAnEmail`, `UnknownOption`…).
    pub problem: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, problem: crate::domain::Problem) -> Self {
        FieldProblem { field: field.into(), problem: format!("{problem:?}"), message: problem.to_string() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// `unauthorized`, `forbidden`, `not_found`, `invalid`, `malformed`, `unavailable` or `internal`.
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<FieldProblem>,
}

/// The domain parsers' problems, each under the field's name as the JSON bodies spell it
/// (`Field` serialises in snake_case: `first_name`).
impl From<crate::domain::FieldErrors> for ApiError {
    fn from(errors: crate::domain::FieldErrors) -> Self {
        let name = |f: crate::domain::Field| match (f, serde_json::to_value(f)) {
            // The API writes a customer field only as a part of `address`.
            (crate::domain::Field::Customer(c), _) => format!("address.{}", c.column()),
            (_, Ok(serde_json::Value::String(name))) => name,
            _ => format!("{f:?}"),
        };
        ApiError::Invalid(errors.iter().map(|(f, p)| FieldProblem::new(name(*f), *p)).collect())
    }
}

impl ApiError {
    /// The field problems of an `Invalid`, to add more to (none for any other error).
    pub fn into_problems(self) -> Vec<FieldProblem> {
        match self {
            ApiError::Invalid(problems) => problems,
            _ => Vec::new(),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        match crate::storage::note(&e) {
            Some(_) => ApiError::Unavailable,
            None => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            ApiError::Malformed(_) => (StatusCode::BAD_REQUEST, "malformed"),
            ApiError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Internal(cause) => {
                tracing::error!(cause, "API request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        };
        let fields = match &self {
            ApiError::Invalid(fields) | ApiError::Conflict(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let body = ErrorBody { error: ErrorDetail { code, message: self.to_string(), fields } };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response = crate::storage::retry_later(response);
        }
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(axum::http::header::WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}
