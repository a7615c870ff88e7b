//! The one error type every server function returns.

use crate::domain::FieldErrors;
use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// What a caller of a server function may learn when it fails. Internal causes are logged
/// on the server (see [`AppError::internal`]) and never sent: the caller sees one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please correct the highlighted fields.")]
    Invalid(FieldErrors),
    #[error("Please correct the marked lines.")]
    InvalidRows(Vec<crate::domain::RowProblem>),
    #[error("Please sign in.")]
    Unauthenticated,
    #[error("You are not allowed to do this.")]
    Forbidden,
    #[error("That email and password do not match a staff account.")]
    WrongCredentials,
    #[error("Too many failed sign-ins. Please wait a quarter of an hour and try again.")]
    TooManyAttempts,
    #[error("Patron is busy. Please try again in a moment.")]
    Busy,
    #[error("Patron is already set up; please sign in.")]
    AlreadySetUp,
    #[error(
        "This set-up code is not valid. Use the link Patron printed when it started, or run `patron admin create`."
    )]
    SetupCode,
    #[error("This site is not registered with Patron, or not allowed to use it from here.")]
    UnknownSite,
    #[error("This site has switched this widget off.")]
    WidgetOff,
    #[error("Patron needs at least one owner: make someone else owner first.")]
    LastOwner,
    #[error("This does not exist, or no longer exists.")]
    NotFound,
    /// A request that cannot be done in the data's present state, with the reason for staff.
    #[error("{0}")]
    Conflict(String),
    /// The storage refused the write (disk full, read-only, lock held past the wait):
    /// answered 503 with `Retry-After`, see `crate::storage`.
    #[error("Patron cannot save anything just now, so nothing was saved. Please try again in a few minutes.")]
    Unavailable,
    /// A request Patron could not read (wrong content type, broken encoding, a missing or
    /// malformed argument), with a sentence of ours: the decoder's own message stays in the
    /// log, since it names our types.
    #[error("{0}")]
    BadRequest(String),
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    /// Failures of the transport itself (network down, malformed request), from Leptos.
    #[error("The request could not be completed: {0}")]
    Transport(String),
}

impl AppError {
    /// Logs an internal failure with its context and returns the opaque error for the caller.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> AppError {
        tracing::error!(%cause, "{context}");
        AppError::Internal
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Invalid(e)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // On the server these are the request's arguments failing to decode: the
            // caller's mistake (400), told in a sentence without the decoder's words.
            // (In the browser the same kinds mean a response it could not read.)
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => {
                #[cfg(feature = "ssr")]
                {
                    tracing::info!(cause = %value, "a server function's request could not be decoded");
                    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                        res.set_status(axum::http::StatusCode::BAD_REQUEST);
                    }
                }
                AppError::BadRequest(
                    if matches!(value, ServerFnErrorErr::UnsupportedRequestMethod(_)) {
                        "This address answers POST requests only."
                    } else {
                        "This request could not be read: its body is not the URL-encoded form of UTF-8 text this \
                         address expects. Please reload the page and try again."
                    }
                    .into(),
                )
            }
            other => AppError::Transport(other.to_string()),
        }
    }

    /// In a widget bundle, read without serde's derived decoders (`widgets::errors`).
    #[cfg(all(feature = "widgets", not(feature = "ssr"), not(feature = "hydrate")))]
    fn de(data: leptos::server_fn::Bytes) -> Self {
        crate::widgets::errors::decode(&data)
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status a response carrying this error gets (see `server_ctx::answer`).
    pub fn status_code(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AppError::Invalid(_) | AppError::InvalidRows(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthenticated | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::UnknownSite | AppError::WidgetOff | AppError::SetupCode => {
                StatusCode::FORBIDDEN
            }
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::AlreadySetUp | AppError::LastOwner | AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::Busy | AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Transport(_) => StatusCode::BAD_REQUEST,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match crate::storage::note(&e) {
            Some(_) => AppError::Unavailable,
            None => AppError::internal("database error", e),
        }
    }
}
