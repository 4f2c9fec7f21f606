//! `GET /healthz` (the process answers) and `GET /readyz` (the database is
//! reachable, has exactly this build's migrations, and can store: its disk
//! is not full). For load balancers and monitoring; they reveal no
//! internals beyond a short reason.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use sqlx::PgPool;

use crate::db::{schema_state, trouble_storing, SchemaState};

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
    match readiness(&pool).await {
        Ok(()) => (
            StatusCode::OK,
            Json(Health {
                status: "ready",
                reason: None,
            }),
        ),
        Err(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health {
                status: "not ready",
                reason: Some(reason),
            }),
        ),
    }
}

/// Whether the database answers, has every migration applied and can
/// store; `Err` is the short reason it cannot serve (`/readyz`, and the
/// Data Tracker protocol's heartbeat).
pub async fn readiness(pool: &PgPool) -> Result<(), String> {
    match schema_state(pool).await {
        // The schema's state was the database's answer; what is left to
        // ask is whether it can store.
        Ok(SchemaState::Current) => match trouble_storing(pool).await {
            None => Ok(()),
            Some(trouble) => Err(trouble.reason().to_owned()),
        },
        Ok(SchemaState::Behind { problem }) => Err(problem),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check cannot reach the database");
            Err(crate::db::Trouble::Away.reason().to_owned())
        }
    }
}
