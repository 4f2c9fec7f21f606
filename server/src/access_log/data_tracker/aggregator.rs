//! `GET /aggregator/v3/findUsage`: a national portal (borger.dk, as
//! eesti.ee is in Estonia) asks for any citizen's uses, server to server,
//! to show them beside other authorities'. The aggregator's base URL is
//! `https://<portal>/aggregator`, so it calls the protocol's own paths.
//!
//! * It is allow-listed in the configuration (`[[data_tracker_aggregators]]`):
//!   its name, the SHA-256 of its key (`server aggregator-key` makes a key;
//!   the key itself is never stored), and the unit and purpose its calls are
//!   logged under.
//! * It sends its key as `Authorization: Bearer indblikdt_…`. A wrong key is
//!   registered as rejected access and counts towards a block of the
//!   address, as a source system's wrong key does.
//! * The citizen's CPR number travels in the `Data-Subject-CPR` header, never
//!   in the URL (so it never reaches an access log), and is turned into the
//!   subject key at once.
//! * Each call is logged as a use of the citizen's data by the aggregator's
//!   unit before the answer is read (in this month's partition, which the
//!   server's job keeps ready): the citizen's log says that borger.dk
//!   fetched it (docs/interop.md).

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use app::access_log::write::{record_portal_use, PortalUse, RecordError};
use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::SubjectKey;

use super::super::api::IngestState;
use super::find_usage::usages;
use super::query::UsageQuery;
use crate::auth::lockout::{self, Identity};
use crate::auth::register_rejection;
use crate::auth::rejections::{Rejection, RejectionReason};
use crate::clock;
use crate::http::client_addr::ClientAddr;
use crate::http::error::HttpError;

/// The path, under the aggregator's base URL.
pub const PATH: &str = "/aggregator/v3/findUsage";

/// The header that carries the citizen's CPR number.
pub const CPR_HEADER: &str = "data-subject-cpr";

/// Every aggregator key starts with this (and differs from a source
/// system's `indblik_…`, so neither is mistaken for the other).
pub const KEY_PREFIX: &str = "indblikdt_";

/// One allow-listed aggregator, as configured.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Aggregator {
    /// Its name, e.g. `borger.dk`; in the log's actor and the server's log.
    pub name: String,
    /// The SHA-256 of its key, 64 hexadecimal digits.
    pub key_sha256: String,
    /// Code of the organisational unit its calls are logged under (the
    /// citizen sees the unit's name), in the master data.
    pub unit: String,
    /// Code of the purpose its calls are logged under, in the master data.
    pub purpose: String,
}

impl Aggregator {
    /// What is wrong with this entry, if anything.
    pub fn problem(&self) -> Option<String> {
        if self.name.trim().is_empty() || self.name.chars().count() > 100 {
            return Some("name must be 1 to 100 characters".to_owned());
        }
        let hex = self.key_sha256.trim();
        if hex.len() != 64 || !hex.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return Some(format!(
                "key_sha256 of {} must be 64 hexadecimal digits (server aggregator-key prints it)",
                self.name
            ));
        }
        if self.unit.trim().is_empty() || self.purpose.trim().is_empty() {
            return Some(format!(
                "unit and purpose of {} must name a unit and a purpose of the master data",
                self.name
            ));
        }
        None
    }
}

/// A new key: (the key, to hand to the aggregator; its SHA-256, for the
/// configuration).
pub fn new_key() -> (String, String) {
    let mut bytes = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let key = format!("{KEY_PREFIX}{}", hex::encode(bytes));
    let hash = key_hash(&key);
    (key, hash)
}

fn key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// What the aggregator's route needs.
#[derive(Clone)]
pub struct AggregatorState {
    pub ingest: IngestState,
    pub aggregators: Arc<[Aggregator]>,
}

/// The aggregator whose key `headers` carry.
fn caller<'a>(aggregators: &'a [Aggregator], headers: &HeaderMap) -> Option<&'a Aggregator> {
    let key = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?
        .trim();
    if !key.starts_with(KEY_PREFIX) {
        return None;
    }
    let hash = key_hash(key);
    aggregators
        .iter()
        .find(|aggregator| aggregator.key_sha256.trim().eq_ignore_ascii_case(&hash))
}

/// `GET /aggregator/v3/findUsage`.
pub async fn find_usage(
    State(state): State<AggregatorState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let now = clock::now();
    let aggregator = match authenticate(&state, client, &headers, now).await {
        Ok(aggregator) => aggregator,
        Err(refused) => return refused,
    };
    match answer(&state, aggregator, &headers, &pairs, now).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

/// The aggregator, unless the address is blocked or the key is wrong
/// (registered as a rejected attempt); `Err` is the answer.
async fn authenticate<'a>(
    state: &'a AggregatorState,
    client: IpAddr,
    headers: &HeaderMap,
    now: DateTime<Utc>,
) -> Result<&'a Aggregator, Response> {
    let pool = &state.ingest.pool;
    let refuse = |reason| async move {
        let rejection = Rejection {
            at: now,
            source_ip: client,
            identity: &Identity::Unknown,
            reason,
            path: PATH,
            source_system: None,
        };
        register_rejection(pool, &state.ingest.lockout, &rejection).await;
    };
    match lockout::ingestion_throttled(pool, client, None, now).await {
        Ok(false) => {}
        Ok(true) => {
            refuse(RejectionReason::Blocked).await;
            return Err(HttpError::Forbidden(
                "calls from this address are blocked after repeated wrong keys; the block ends by itself after lockout_window_hours, or the municipality's DPO can lift it".to_owned(),
            )
            .into_response());
        }
        Err(error) => {
            return Err(HttpError::internal("check an aggregator's address", &error).into_response())
        }
    }
    match caller(&state.aggregators, headers) {
        Some(aggregator) => Ok(aggregator),
        None => {
            refuse(RejectionReason::ApiKeyInvalid).await;
            Err(HttpError::Unauthenticated(
                "send an allow-listed aggregator's key as `Authorization: Bearer indblikdt_…`"
                    .to_owned(),
            )
            .into_response())
        }
    }
}

/// Reads the citizen and the query, logs the call on the citizen, answers.
async fn answer(
    state: &AggregatorState,
    aggregator: &Aggregator,
    headers: &HeaderMap,
    pairs: &[(String, String)],
    now: DateTime<Utc>,
) -> Result<Response, HttpError> {
    let cpr = headers
        .get(CPR_HEADER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| Cpr::parse(text).ok())
        .ok_or_else(|| {
            HttpError::bad_parameter(
                "send the citizen's CPR number (DDMMYYSSSS) in the Data-Subject-CPR header",
            )
        })?;
    let subject = SubjectKey::derive(&state.ingest.pepper, &cpr);
    let query = UsageQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|problems| HttpError::bad_parameter(problems.join("; ")))?;
    log_call(state, aggregator, &subject, now).await?;
    let response = usages(
        &state.ingest.pool,
        &subject,
        &query,
        now,
        state.ingest.retention_months,
    )
    .await
    .map_err(|error| HttpError::internal("find a citizen's uses for an aggregator", &error))?;
    tracing::info!(aggregator = %aggregator.name, returned = response.returned(), "findUsage for an aggregator");
    Ok(Json(response).into_response())
}

/// Logs the aggregator's call as a use of the citizen's data.
async fn log_call(
    state: &AggregatorState,
    aggregator: &Aggregator,
    subject: &SubjectKey,
    now: DateTime<Utc>,
) -> Result<(), HttpError> {
    let failed =
        |error: &dyn std::fmt::Debug| HttpError::internal("log an aggregator's call", error);
    let mut tx = state.ingest.pool.begin().await.map_err(|e| failed(&e))?;
    let actor = format!("aggregator:{}", aggregator.name);
    let used = PortalUse {
        at: now,
        subject,
        actor: &actor,
        actor_unit: &aggregator.unit,
        use_type: UseType::Export,
        purpose_code: &aggregator.purpose,
        case_reference: "findUsage",
    };
    // Missing master data (the configured unit or purpose) is the
    // operator's to fix: the server's log names what is missing.
    record_portal_use(&mut tx, &used)
        .await
        .map_err(|error: RecordError| failed(&error))?;
    tx.commit().await.map_err(|e| failed(&e))
}
