//! While the database is away or its disk is full: an answer that failed
//! (500) because of it becomes 503 with `Retry-After`, the DKFDS page
//! "Indblik is not available just now" for people, and JSON for the API
//! that says which, and the portal recovers by itself when the database is
//! back or has room again (the pool connects anew). Pages that need no
//! database (the information pages, a visitor's front page), and pages that
//! only read, keep working meanwhile.
//!
//! The check runs only after a 500: [`db::trouble`], one `SELECT 1` and a
//! write probe, each with a short timeout.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use sqlx::PgPool;

use super::error_page::{self, Frame};
use crate::db::{self, Trouble};

/// Seconds a client is asked to wait before trying again.
const RETRY_AFTER_SECONDS: &str = "30";

/// What the middleware needs: the pool to ask and the error page's frame.
#[derive(Clone)]
pub struct Unavailable {
    pub pool: PgPool,
    pub frame: Frame,
}

/// Middleware: a 500 while the database is in trouble is a 503.
pub async fn database_away(
    State(state): State<Unavailable>,
    request: Request,
    next: Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let lang = request
        .extensions()
        .get::<app::i18n::Lang>()
        .copied()
        .unwrap_or_default();
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let Some(trouble) = db::trouble(&state.pool).await else {
        return response;
    };
    tracing::warn!(reason = trouble.reason(), "503 until the database is well");
    let mut answer = if api {
        let message = match trouble {
            Trouble::Away => "the database is not available; try again later",
            Trouble::DiskFull => {
                "the database's disk is full and nothing was stored; try again later"
            }
        };
        (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({ "error": "unavailable", "message": message })),
        )
            .into_response()
    } else {
        let page = error_page::page(
            &state.frame,
            lang,
            "unavailable-title",
            lang.text("unavailable-text"),
        );
        (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response()
    };
    answer.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    answer
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    answer
}
