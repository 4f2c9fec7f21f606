//! `GET /v3/findUsage`: a citizen's uses, event by event, in the protocol's
//! `FindUsageResponse`: every kind asked for in one list ordered by
//! `logTime` (newest first), paged by `limit` and `offset` across the kinds,
//! then split into the response's four arrays.

use std::collections::BTreeSet;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;

use app::access_log::coverage::{covers_from, local_midnight};
use app::capability::Citizen;
use app::identity::subject_key::SubjectKey;
use app::state::AppState;

use super::processing::ProcessingType;
use super::query::UsageQuery;
use crate::clock;
use crate::http::error::HttpError;

/// The protocol's `Organization`. Every authority Indblik knows is a Danish
/// public one: `GOV`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(rename = "type")]
    kind: &'static str,
    /// The CVR number, where the master data have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    system_name: Option<String>,
}

/// One use: the protocol's `UsageProcessing` (with `source`) or
/// `UsageTransfer` (with `target`).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    log_time: DateTime<Utc>,
    purpose: String,
    log_source_system: String,
    bulk_processing: bool,
    legal_basis: String,
    /// The source system's own id of the event (what `/v3/disclose` names).
    query_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_until: Option<DateTime<Utc>>,
    initiator_org: Organization,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Organization>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Organization>,
}

/// The protocol's `FindUsageResponse`: an array for each kind asked for.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindUsageResponse {
    total_usages: i64,
    returned_usages: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_requests: Option<Vec<Usage>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_responses: Option<Vec<Usage>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_processings: Option<Vec<Usage>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    internal_processings: Option<Vec<Usage>>,
}

impl FindUsageResponse {
    /// How many uses this answer holds.
    pub fn returned(&self) -> usize {
        self.returned_usages
    }

    /// An empty array for each kind in `kinds`.
    fn for_kinds(kinds: &BTreeSet<ProcessingType>) -> FindUsageResponse {
        let mut response = FindUsageResponse::default();
        for kind in kinds {
            *response.array(*kind) = Some(Vec::new());
        }
        response
    }

    fn array(&mut self, kind: ProcessingType) -> &mut Option<Vec<Usage>> {
        match kind {
            ProcessingType::DataRequest => &mut self.data_requests,
            ProcessingType::DataResponse => &mut self.data_responses,
            ProcessingType::DataProcessing => &mut self.data_processings,
            ProcessingType::InternalProcessing => &mut self.internal_processings,
        }
    }
}

/// The signed-in citizen's own call: the subject is the session's citizen,
/// whatever the query string says.
pub async fn citizens_own(
    State(state): State<AppState>,
    citizen: Citizen,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, HttpError> {
    let query = UsageQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|problems| HttpError::bad_parameter(problems.join("; ")))?;
    let response = usages(
        &state.pool,
        citizen.subject_key(),
        &query,
        clock::now(),
        state.site.log_retention_months,
    )
    .await
    .map_err(|error| HttpError::internal("find a citizen's uses", &error))?;
    Ok(Json(response).into_response())
}

/// One row of [`page`].
struct UsageRow {
    occurred_at: DateTime<Utc>,
    source_event_id: String,
    kind: String,
    purpose: String,
    legal_basis: String,
    system: String,
    bulk: bool,
    hidden_reason: Option<String>,
    hidden_until: Option<DateTime<Utc>>,
    unit: String,
    authority: String,
    authority_cvr: Option<String>,
    keeper: Option<String>,
    keeper_cvr: Option<String>,
    total: i64,
}

/// The visible uses of `subject` that `query` asks for, at `now`, in a log
/// kept `retention_months`. Paging raw events needs the visibility rule in
/// SQL: it is the rule of `app::access_log::summary::is_visible` (hidden
/// until a time that has passed).
pub async fn usages(
    pool: &PgPool,
    subject: &SubjectKey,
    query: &UsageQuery,
    now: DateTime<Utc>,
    retention_months: u32,
) -> sqlx::Result<FindUsageResponse> {
    let oldest = local_midnight(covers_from(now, retention_months));
    let start = query.period_start.map_or(oldest, |at| at.max(oldest));
    let end = query.period_end.unwrap_or(now);
    let mut rows = page(
        pool,
        subject,
        query,
        start,
        end,
        now,
        query.limit,
        query.offset,
    )
    .await?;
    let total_usages = match rows.first() {
        Some(row) => row.total,
        // Past the last use: the total from the first page.
        None if query.offset > 0 => page(pool, subject, query, start, end, now, 1, 0)
            .await?
            .first()
            .map_or(0, |row| row.total),
        None => 0,
    };
    let mut response = FindUsageResponse::for_kinds(&query.types);
    response.total_usages = total_usages;
    response.returned_usages = rows.len();
    for row in rows.drain(..) {
        let Some(kind) = ProcessingType::from_name(&row.kind) else {
            continue;
        };
        let usage = usage(row, kind);
        response
            .array(kind)
            .get_or_insert_with(Vec::new)
            .push(usage);
    }
    Ok(response)
}

fn usage(row: UsageRow, kind: ProcessingType) -> Usage {
    let initiator = Organization {
        kind: "GOV",
        code: row.authority_cvr.clone(),
        name: format!("{}, {}", row.unit, row.authority),
        // The initiator worked in its own system only when it keeps it.
        system_name: (!kind.is_transfer()).then(|| row.system.clone()),
    };
    let keeper = Organization {
        kind: "GOV",
        code: if kind.is_transfer() {
            row.keeper_cvr
        } else {
            row.authority_cvr
        },
        name: if kind.is_transfer() {
            row.keeper.unwrap_or_default()
        } else {
            row.authority
        },
        system_name: Some(row.system.clone()),
    };
    let (source, target) = if kind.is_transfer() {
        (None, Some(keeper))
    } else {
        (Some(keeper), None)
    };
    Usage {
        log_time: row.occurred_at,
        purpose: row.purpose,
        log_source_system: row.system,
        bulk_processing: row.bulk,
        legal_basis: row.legal_basis,
        query_id: row.source_event_id,
        hidden_reason: row.hidden_reason,
        hidden_until: row.hidden_until,
        initiator_org: initiator,
        source,
        target,
    }
}

/// One page of the matching uses, newest first, each with the number of
/// all matching uses. The kind of a use is decided here (see
/// [`super::processing`]): a system kept by another authority than the
/// unit's answered that authority (`DATA_RESPONSE`); any other use is
/// internal.
#[allow(clippy::too_many_arguments)]
async fn page(
    pool: &PgPool,
    subject: &SubjectKey,
    query: &UsageQuery,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<UsageRow>> {
    let kinds: Vec<String> = query
        .types
        .iter()
        .map(|kind| kind.name().to_owned())
        .collect();
    sqlx::query_as!(
        UsageRow,
        r#"SELECT e.occurred_at, e.source_event_id, kind.name AS "kind!",
                  p.description AS purpose, p.legal_basis, sys.name AS system,
                  e.bulk, e.hidden_reason, e.hidden_until, u.name AS unit,
                  a.name AS authority, a.cvr AS authority_cvr,
                  k.name AS "keeper?", k.cvr AS "keeper_cvr?",
                  count(*) OVER () AS "total!"
           FROM access_events e
           JOIN purposes p ON p.id = e.purpose_id
           JOIN source_systems sys ON sys.id = e.source_system_id
           JOIN org_units u ON u.id = e.org_unit_id
           JOIN authorities a ON a.id = u.authority_id
           LEFT JOIN authorities k ON k.id = sys.keeper_authority_id
           CROSS JOIN LATERAL (SELECT CASE
               WHEN sys.keeper_authority_id IS NOT NULL
                    AND sys.keeper_authority_id <> u.authority_id THEN 'DATA_RESPONSE'
               ELSE 'INTERNAL_PROCESSING' END AS name) kind
           WHERE e.subject_key = $1 AND e.occurred_at BETWEEN $2 AND $3
             AND ($4 OR NOT e.bulk)
             AND (e.hidden_reason IS NULL OR e.hidden_until <= $5)
             AND kind.name = ANY($8)
             AND (cardinality($9::text[]) = 0 OR sys.name = ANY($9) OR sys.code = ANY($9))
           ORDER BY e.occurred_at DESC, e.source_event_id DESC
           LIMIT $6 OFFSET $7"#,
        subject.as_bytes().as_slice(),
        start,
        end,
        query.include_bulk,
        now,
        limit,
        offset,
        &kinds,
        &query.systems
    )
    .fetch_all(pool)
    .await
}
