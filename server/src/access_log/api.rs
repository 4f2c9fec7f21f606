//! `POST /api/v1/access-events`: source systems report uses of personal data
//! as NDJSON, authenticated with their own API key; and
//! `GET /api/v1/openapi.json`, the API's OpenAPI document generated from this
//! code. Wrong keys are registered as rejected access (and count towards a
//! block of the sending address), like failed sign-ins.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::Serialize;
use sqlx::PgPool;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use app::identity::subject_key::Pepper;

use super::batch::{self, Refusal, Stored};
use super::event::{LineError, Rules};
use super::hiding::{self, HidingChange, HidingChanged, NotChanged, HIDDEN_PATH};
use super::{api_keys, master_data};
use crate::auth::lockout::{self, Identity, LockoutPolicy};
use crate::auth::register_rejection;
use crate::auth::rejections::Rejection;
use crate::auth::rejections::RejectionReason;
use crate::clock;
use crate::http::client_addr::ClientAddr;
use crate::http::route_list::Routes;

/// The path events are posted to.
pub const EVENTS_PATH: &str = "/api/v1/access-events";

/// What the ingestion API needs.
#[derive(Clone)]
pub struct IngestState {
    pub pool: PgPool,
    pub pepper: Arc<Pepper>,
    pub retention_months: u32,
    pub max_body_bytes: usize,
    pub lockout: LockoutPolicy,
}

/// The API's routes, to be merged outside the session layer.
pub fn routes<S: Clone + Send + Sync + 'static>(state: IngestState) -> Routes<S> {
    Routes::new()
        .post(EVENTS_PATH, post_events)
        .post(HIDDEN_PATH, post_hidden)
        .get("/api/v1/openapi.json", openapi_json)
        .map(|router| router.with_state(state))
}

/// A problem that is not about single lines.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    pub error: String,
}

fn api_error(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        Json(ApiError {
            error: message.into(),
        }),
    )
        .into_response()
}

/// One line of the body: one use of personal data. A citizen's CPR number
/// belongs in `cpr` and nowhere else: a text field holding anything shaped
/// like a CPR number (ten digits, or six, a hyphen and four, whose first six
/// are a date) is refused, as is any control character other than tab and
/// line breaks; the error names the line and the field, never the value.
#[allow(dead_code)] // documentation of the wire format; lines are read by `event::RawEvent`
#[derive(ToSchema)]
pub struct AccessEventLine {
    /// The sending system's own id of the event (1–200 characters). Sending
    /// the same id and time again stores nothing new; the same id with
    /// another time is another event.
    id: String,
    /// Time of use, RFC 3339 with an offset, e.g. `2026-11-23T14:05:00+01:00`.
    /// Not before the retention period, at most 5 minutes in the future.
    #[schema(format = DateTime)]
    time: String,
    /// The system's pseudonymous employee id (1–200 characters). Never shown to citizens.
    actor: String,
    /// Code of the employee's organisational unit, as in the master data.
    unit: String,
    /// Type of use.
    #[schema(
        rename = "use",
        pattern = "^(read|search|create|update|delete|print|export|batch)$"
    )]
    use_type: String,
    /// The CPR number of the person concerned (`DDMMYYSSSS` or `DDMMYY-SSSS`).
    /// Turned into a pseudonymous key at once; never stored. Give either this
    /// or `search_criterion`.
    cpr: Option<String>,
    /// For a search not tied to one person: the criterion searched for. Not
    /// shown to citizens.
    search_criterion: Option<String>,
    /// Code of the purpose (processing activity), as in the master data.
    purpose: String,
    /// The case the use belongs to, if any.
    case_reference: Option<String>,
    /// True for events of a batch run (shown to citizens only on request). Default false.
    bulk: Option<bool>,
    /// Id of the batch run; events of one run are shown as one line. Only with `bulk`.
    batch_run: Option<String>,
    /// Hide the event from the citizen until this time (RFC 3339); without
    /// it, with `hidden_reason`, hidden until further notice. Only for
    /// systems allowed to hide.
    #[schema(format = DateTime)]
    hidden_until: Option<String>,
    /// Why the event is hidden; shown to the citizen once it is disclosed.
    hidden_reason: Option<String>,
    /// True when the use concerns a case the system has closed in a
    /// sensitive area; such a look-up is flagged for the DPO. Default false.
    case_closed: Option<bool>,
}

/// Report access events.
///
/// The body is NDJSON: one JSON object per line (see `AccessEventLine`),
/// UTF-8. The batch is stored all or nothing; when any line is bad, nothing is
/// stored and the report lists every bad line.
#[utoipa::path(
    post,
    path = "/api/v1/access-events",
    request_body(content = AccessEventLine, content_type = "application/x-ndjson",
                 description = "One `AccessEventLine` per line."),
    responses(
        (status = 200, description = "Every event stored (or stored before).", body = Stored),
        (status = 400, description = "The body as a whole is unusable (empty, not NDJSON).", body = Refusal),
        (status = 401, description = "Missing, unknown or revoked API key.", body = ApiError),
        (status = 403, description = "Ingestion from the sending address for the system the key names is blocked after repeated wrong keys.", body = ApiError),
        (status = 413, description = "The body is larger than the configured limit.", body = ApiError),
        (status = 415, description = "The body is not declared as NDJSON.", body = ApiError),
        (status = 422, description = "One or more lines are invalid (including a CPR number or a control character in a text field); nothing was stored.", body = Refusal),
    ),
    security(("api_key" = []))
)]
async fn post_events(
    State(state): State<IngestState>,
    ClientAddr(client): ClientAddr,
    request: Request,
) -> Response {
    let started = std::time::Instant::now();
    let response = take_events(state, client, request).await;
    crate::metrics::ingested_batch(response.status(), started);
    response
}

/// [`post_events`]' work: authenticate, parse the whole batch, store it.
async fn take_events(state: IngestState, client: IpAddr, request: Request) -> Response {
    let now = clock::now();
    let system = match authenticate(&state, client, request.headers(), EVENTS_PATH, now).await {
        Ok(system) => system,
        Err(refused) => return refused,
    };
    if !is_ndjson(request.headers()) {
        return api_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the events as `Content-Type: application/x-ndjson`",
        );
    }
    let body = match body_bytes(&state, request).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let codes = match master_data::Codes::load(&state.pool).await {
        Ok(codes) => codes,
        Err(error) => return internal(&error),
    };
    let rules = Rules::for_system(&state.pepper, &system, &codes, now, state.retention_months);
    let events = match batch::parse_ndjson(&body, &rules) {
        Ok(events) => events,
        Err(refusal) => return refused(refusal),
    };
    match batch::store_all(&state.pool, system.id, events, now).await {
        Ok(stored) => {
            tracing::info!(system = %system.code, received = stored.received, stored = stored.stored, "access events ingested");
            crate::metrics::ingested_events(stored.received, stored.stored);
            Json(stored).into_response()
        }
        Err(error) => internal(&error),
    }
}

/// Change the hiding of events the system hid.
///
/// Lifts (`hidden_until: null`), shortens or extends the hiding of events
/// the sending system reported with `hidden_reason`, with a new reason,
/// shown to the citizen once the events are disclosed. Only for systems
/// allowed to hide. All or nothing; sending the same change again changes
/// nothing more.
#[utoipa::path(
    post,
    path = "/api/v1/access-events/hidden",
    request_body(content = HidingChange, content_type = "application/json"),
    responses(
        (status = 200, description = "The events' hiding is as asked.", body = HidingChanged),
        (status = 400, description = "The body is not a change (not JSON, or a bad field); nothing changed.", body = ApiError),
        (status = 401, description = "Missing, unknown or revoked API key.", body = ApiError),
        (status = 403, description = "The system may not hide events, or ingestion from the address is blocked.", body = ApiError),
        (status = 413, description = "The body is larger than the configured limit.", body = ApiError),
        (status = 422, description = "An id is not an event the system hid; nothing changed.", body = ApiError),
    ),
    security(("api_key" = []))
)]
async fn post_hidden(
    State(state): State<IngestState>,
    ClientAddr(client): ClientAddr,
    request: Request,
) -> Response {
    let now = clock::now();
    let system = match authenticate(&state, client, request.headers(), HIDDEN_PATH, now).await {
        Ok(system) => system,
        Err(refused) => return refused,
    };
    if !system.may_hide {
        return api_error(
            StatusCode::FORBIDDEN,
            "this source system may not hide events (databeskyttelsesloven § 22); ask the municipality to allow it in the master data",
        );
    }
    let body = match body_bytes(&state, request).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let change = match serde_json::from_slice::<HidingChange>(&body) {
        Ok(change) => change,
        Err(error) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                format!("the body is not a change of hiding: {error}"),
            )
        }
    };
    let change = match hiding::check(change) {
        Ok(change) => change,
        Err(problems) => return api_error(StatusCode::BAD_REQUEST, problems.join("; ")),
    };
    match hiding::apply(&state.pool, system.id, &change, now).await {
        Ok(changed) => {
            tracing::info!(system = %system.code, events = change.ids.len(), changed = changed.changed, "hiding of access events changed");
            Json(changed).into_response()
        }
        Err(NotChanged::Unknown(ids)) => api_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "not events this system hid (nothing changed): {}",
                ids.join(", ")
            ),
        ),
        Err(NotChanged::Database(error)) => internal(&error),
    }
}

/// The source system whose API key the request carries, unless the sending
/// address is throttled for it or the key is wrong (registered as a
/// rejected attempt, as failed sign-ins are); `Err` is the answer.
pub(super) async fn authenticate(
    state: &IngestState,
    client: std::net::IpAddr,
    headers: &HeaderMap,
    path: &'static str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<master_data::SourceSystem, Response> {
    let secret = bearer(headers);
    let named = secret.and_then(api_keys::named_system);
    let refuse = |reason: RejectionReason| {
        let pool = state.pool.clone();
        let lockout = state.lockout.clone();
        async move {
            let rejection = Rejection {
                at: now,
                source_ip: client,
                identity: &Identity::Unknown,
                reason,
                path,
                source_system: named,
            };
            register_rejection(&pool, &lockout, &rejection).await;
        }
    };
    match lockout::ingestion_throttled(&state.pool, client, named, now).await {
        Ok(false) => {}
        Ok(true) => {
            // A refused attempt like any other (sikkerhedsbekendtgørelsen § 18),
            // registered as sign-in registers attempts made while blocked.
            refuse(RejectionReason::Blocked).await;
            return Err(api_error(
                StatusCode::FORBIDDEN,
                "ingestion from this address for this source system is blocked after repeated wrong API keys; it ends by itself after lockout_window_hours, or ask the municipality's DPO to lift it",
            ));
        }
        Err(error) => return Err(internal(&error)),
    }
    let system = match secret {
        Some(secret) => match api_keys::authenticate(&state.pool, secret, now).await {
            Ok(system) => system,
            Err(error) => return Err(internal(&error)),
        },
        None => None,
    };
    let Some(system) = system else {
        refuse(RejectionReason::ApiKeyInvalid).await;
        let mut response = api_error(
            StatusCode::UNAUTHORIZED,
            "send a valid API key as `Authorization: Bearer indblik_…`",
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
        return Err(response);
    };
    Ok(system)
}

/// The request's body, within the configured size.
pub(super) async fn body_bytes(
    state: &IngestState,
    request: Request,
) -> Result<axum::body::Bytes, Response> {
    let too_large = || {
        api_error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the body is larger than {} bytes; send the events in smaller batches",
                state.max_body_bytes
            ),
        )
    };
    match Limited::new(request.into_body(), state.max_body_bytes)
        .collect()
        .await
    {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.is::<LengthLimitError>() => Err(too_large()),
        Err(_) => Err(api_error(
            StatusCode::BAD_REQUEST,
            "the body could not be read",
        )),
    }
}

/// 422 for bad lines, 400 when the body as a whole is unusable.
fn refused(refusal: Refusal) -> Response {
    let whole_body = refusal
        .errors
        .iter()
        .all(|LineError { line, .. }| *line == 0);
    let status = if whole_body {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, Json(refusal)).into_response()
}

fn internal(error: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %error, "access event ingestion failed");
    api_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the events could not be stored; nothing was stored, please send the batch again later",
    )
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn is_ndjson(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(
        essence.as_str(),
        "application/x-ndjson" | "application/ndjson" | "application/jsonl"
    )
}

/// The OpenAPI document of the ingestion API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Indblik ingestion API",
        description = "Source systems report every use of personal data (sikkerhedsbekendtgørelsen § 19) to Indblik's access log."
    ),
    paths(post_events, post_hidden),
    components(schemas(AccessEventLine, Stored, Refusal, LineError, ApiError, HidingChange, HidingChanged)),
    modifiers(&BearerKey)
)]
pub struct IngestionApi;

struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

async fn openapi_json() -> Response {
    Json(IngestionApi::openapi()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access_log::event::FIELDS;

    #[test]
    fn the_documented_schema_lists_exactly_the_fields_read() {
        let openapi = IngestionApi::openapi();
        let schema =
            serde_json::to_value(&openapi.components.unwrap().schemas["AccessEventLine"]).unwrap();
        let mut documented: Vec<String> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        documented.sort();
        let mut read: Vec<String> = FIELDS.iter().map(|field| (*field).to_owned()).collect();
        read.sort();
        assert_eq!(documented, read);
    }
}
