//! `GET /healthz` (the process answers) and `GET /readyz` (the database is
//! reachable, has exactly this build's migrations, and can store: its disk
//! is not full). For load balancers and monitoring; they reveal no
//! internals beyond a short reason.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use sqlx::PgPool;

use crate::db::{schema_state, trouble, SchemaState};

/// Body of both health endpoints.
#[derive(Debug, Serialize)]
pub struct Health {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Liveness: the process is running and answering.
pub async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok",
        reason: None,
    })
}

/// Readiness: 200 when the database answers, every migration is applied
/// and it can store, otherwise 503 with the reason.
pub async fn readyz(State(pool): State<PgPool>) -> (StatusCode, Json<Health>) {
    let not_ready = |reason: String| {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health {
                status: "not ready",
                reason: Some(reason),
            }),
        )
    };
    match schema_state(&pool).await {
        Ok(SchemaState::Current) => match trouble(&pool).await {
            None => (
                StatusCode::OK,
                Json(Health {
                    status: "ready",
                    reason: None,
                }),
            ),
            Some(trouble) => not_ready(trouble.reason().to_owned()),
        },
        Ok(SchemaState::Behind { problem }) => not_ready(problem),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check cannot reach the database");
            not_ready(crate::db::Trouble::Away.reason().to_owned())
        }
    }
}
