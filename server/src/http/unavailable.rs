//! While the database is away: an answer that failed (500) because the
//! database did not answer becomes 503 with `Retry-After`, the DKFDS page
//! "Indblik is not available just now" for people, and JSON for the API,
//! and the portal recovers by itself when the database is back (the pool
//! connects anew). Pages that need no database (the information pages, a
//! visitor's front page) keep working meanwhile.
//!
//! The check runs only after a 500: one `SELECT 1` with a short timeout.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use sqlx::PgPool;

use super::error_page::{self, Frame};

/// Seconds a client is asked to wait before trying again.
const RETRY_AFTER_SECONDS: &str = "30";

/// How long the check waits for the database.
const CHECK_TIMEOUT: Duration = Duration::from_secs(2);

/// What the middleware needs: the pool to ask and the error page's frame.
#[derive(Clone)]
pub struct Unavailable {
    pub pool: PgPool,
    pub frame: Frame,
}

/// Middleware: a 500 while the database does not answer is a 503.
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
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || database_answers(&state.pool).await
    {
        return response;
    }
    tracing::warn!("the database does not answer: 503 until it is back");
    let mut answer = if api {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({
                "error": "unavailable",
                "message": "the database is not available; try again later",
            })),
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

/// Whether the database answers a trivial query within [`CHECK_TIMEOUT`].
pub async fn database_answers(pool: &PgPool) -> bool {
    matches!(
        tokio::time::timeout(CHECK_TIMEOUT, sqlx::query("SELECT 1").execute(pool)).await,
        Ok(Ok(_))
    )
}
