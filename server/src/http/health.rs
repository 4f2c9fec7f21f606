//! `GET /healthz` (the process answers) and `GET /readyz` (the database is
//! reachable and has exactly this build's migrations). For load balancers and
//! monitoring; they reveal no internals beyond a short reason.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use sqlx::PgPool;

use crate::db::{schema_state, SchemaState};

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

/// Readiness: 200 when the database answers and every migration is applied,
/// otherwise 503 with the reason.
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
        Ok(SchemaState::Current) => (
            StatusCode::OK,
            Json(Health {
                status: "ready",
                reason: None,
            }),
        ),
        Ok(SchemaState::Behind { problem }) => not_ready(problem),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check cannot reach the database");
            not_ready("database unreachable".to_owned())
        }
    }
}
