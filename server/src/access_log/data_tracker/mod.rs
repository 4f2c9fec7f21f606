//! The Estonian Data Tracker protocol v3 (e-gov/AJ,
//! `dumonitor-openapi-v3.yaml`, 3.0.0-rc.3), so that a national portal can
//! show a citizen the municipality's uses beside other authorities'
//! (docs/interop.md):
//!
//! * `GET /v3/findUsage`: the signed-in citizen's own uses, filtered as the
//!   protocol says ([`query`]), each of the protocol's kinds
//!   ([`processing`]);
//! * `GET /v3/heartbeat`: whether the service can answer;
//! * `POST /v3/disclose`: a source system allowed to hide discloses events
//!   it hid ([`disclose`]);
//! * `GET /aggregator/v3/findUsage` and `GET /aggregator/v3/heartbeat`: a
//!   national portal asks for any citizen's uses, server to server
//!   ([`aggregator`]).
//!
//! Errors are the protocol's `Error` object (`code`, `message`).

pub mod aggregator;
pub mod disclose;
pub mod find_usage;
pub mod processing;
pub mod query;

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use self::aggregator::{Aggregator, AggregatorState};
use super::api::IngestState;
use crate::http::route_list::Routes;
use app::state::AppState;

/// The citizen's routes, inside the session and guard layers.
pub fn citizen_routes() -> Routes<AppState> {
    Routes::new().get("/v3/findUsage", find_usage::citizens_own)
}

/// The machines' routes, outside the session layer: the heartbeat, the
/// disclosure with a source system's API key, and the aggregators' calls.
pub fn machine_routes<S: Clone + Send + Sync + 'static>(
    state: IngestState,
    aggregators: Arc<[Aggregator]>,
) -> Routes<S> {
    let for_aggregators = AggregatorState {
        ingest: state.clone(),
        aggregators,
    };
    Routes::new()
        .get("/v3/heartbeat", heartbeat)
        .post(disclose::PATH, disclose::post)
        .map(|router| router.with_state(state.clone()))
        .merge(
            Routes::new()
                .get(aggregator::PATH, aggregator::find_usage)
                .map(|router| router.with_state(for_aggregators)),
        )
        .merge(
            Routes::new()
                .get("/aggregator/v3/heartbeat", heartbeat)
                .map(|router| router.with_state(state)),
        )
}

/// The protocol's `HeartbeatResponse`.
#[derive(Debug, Serialize)]
pub struct Heartbeat {
    /// `OK` or `FAIL`.
    status: &'static str,
    message: String,
}

/// `GET /v3/heartbeat`: `OK` when the database answers, has this build's
/// schema and can store; `FAIL` with the reason otherwise. Always 200: the
/// protocol's 500 is for a heartbeat that could not be computed, and this
/// one always can.
async fn heartbeat(State(state): State<IngestState>) -> Json<Heartbeat> {
    Json(match crate::http::health::readiness(&state.pool).await {
        Ok(()) => Heartbeat {
            status: "OK",
            message: "findUsage can answer".to_owned(),
        },
        Err(reason) => Heartbeat {
            status: "FAIL",
            message: reason,
        },
    })
}
