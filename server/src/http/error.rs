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
    /// No such thing, or not one the caller may see.
    NotFound,
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

/// The `Error` object of the Data Tracker protocol v3.
#[derive(Serialize)]
struct ErrorObject {
    message: String,
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        match self {
            HttpError::Refused(error) => error.into_response(),
            HttpError::BadParameter(message) => {
                (StatusCode::BAD_REQUEST, Json(ErrorObject { message })).into_response()
            }
            HttpError::NotFound => StatusCode::NOT_FOUND.into_response(),
            HttpError::Internal => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    }
}
