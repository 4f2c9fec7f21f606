//! The one error of the server's own HTTP handlers: the exports (CSV, JSON,
//! `findUsage`, the DPO's CSV), file downloads and the capability refusals
//! of the extractors. Each variant's answer is safe to show; an internal
//! cause is logged (the request's tracing span carries its id) and never
//! sent. The form routes answer with their page instead
//! (`requests::FormPage`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use app::error::AppError;
use app::requests::store::StoreError;

/// Why a handler did not answer with what was asked for.
#[derive(Debug)]
pub enum HttpError {
    /// Not signed in, or without the capability: its status and text.
    Refused(AppError),
    /// A parameter of a JSON API is wrong; the text says which (400 with
    /// the Data Tracker protocol's `Error` object).
    BadParameter(String),
    /// No valid key: 401 with `WWW-Authenticate: Bearer` and the protocol's
    /// `Error` object saying what to send.
    Unauthenticated(String),
    /// Not allowed, for a reason the text gives (403 with the protocol's
    /// `Error` object).
    Forbidden(String),
    /// No such thing, or not one the caller may see.
    NotFound,
    /// Named things that do not exist; the text says which (404 with the
    /// protocol's `Error` object).
    NoSuch(String),
    /// Something failed inside the server; the cause is in the log.
    Internal,
}

impl HttpError {
    /// Logs `cause` while doing `what` and answers 500.
    pub fn internal(what: &'static str, cause: &dyn std::fmt::Debug) -> HttpError {
        tracing::error!(error = %app::error::redacted(cause), "cannot {what}");
        HttpError::Internal
    }

    pub fn bad_parameter(message: impl Into<String>) -> HttpError {
        HttpError::BadParameter(message.into())
    }
}

impl From<AppError> for HttpError {
    fn from(error: AppError) -> HttpError {
        HttpError::Refused(error)
    }
}

impl From<StoreError> for HttpError {
    fn from(error: StoreError) -> HttpError {
        match error {
            StoreError::NotFound => HttpError::NotFound,
            other => HttpError::internal("read a request", &other),
        }
    }
}

/// The `Error` object of the Data Tracker protocol v3: a code a program
/// can branch on, and a message a person can act on.
#[derive(Serialize)]
struct ErrorObject {
    code: &'static str,
    message: String,
}

fn error_object(status: StatusCode, code: &'static str, message: String) -> Response {
    (status, Json(ErrorObject { code, message })).into_response()
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        match self {
            HttpError::Refused(error) => error.into_response(),
            HttpError::BadParameter(message) => {
                error_object(StatusCode::BAD_REQUEST, "BAD_REQUEST", message)
            }
            HttpError::Unauthenticated(message) => {
                let mut response = error_object(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", message);
                response.headers_mut().insert(
                    axum::http::header::WWW_AUTHENTICATE,
                    axum::http::HeaderValue::from_static("Bearer"),
                );
                response
            }
            HttpError::Forbidden(message) => {
                error_object(StatusCode::FORBIDDEN, "FORBIDDEN", message)
            }
            HttpError::NotFound => StatusCode::NOT_FOUND.into_response(),
            HttpError::NoSuch(message) => error_object(StatusCode::NOT_FOUND, "NOT_FOUND", message),
            HttpError::Internal => error_object(
                StatusCode::INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "the server could not answer; the cause is in its log".to_owned(),
            ),
        }
    }
}
