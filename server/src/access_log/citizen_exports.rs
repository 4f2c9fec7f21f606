//! The citizen's own log as files and as data: `GET /min-log/eksport.csv`,
//! `GET /min-log/eksport.json` (the rows of `/min-log` with the same filter)
//! and `GET /v3/findUsage` (event by event, in the shape of the Estonian Data
//! Tracker protocol v3, so national portals could aggregate it).
//!
//! Each handler takes the subject key from the session's caller and from
//! nowhere else; the query string can only narrow the citizen's own log.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use app::access_log::coverage::{covers_from, local_midnight};
use app::access_log::my_log::{LogQuery, LogRow};
use app::access_log::summary;
use app::capability::{AccessAnswer, Citizen};
use app::i18n::Lang;
use app::requests::answer_log::AnswerLogRow;
use app::state::AppState;

use crate::clock;
pub use crate::http::download::download;
use crate::http::download::{DanishCsv, CSV_CONTENT_TYPE};
use crate::http::error::HttpError;
use crate::http::route_list::Routes;

/// The routes, to be merged inside the session and guard layers.
pub fn routes() -> Routes<AppState> {
    Routes::new()
        .get("/min-log/eksport.csv", csv_export)
        .get("/min-log/eksport.json", json_export)
        .get("/v3/findUsage", find_usage)
}

async fn rows(
    state: &AppState,
    citizen: &Citizen,
    pairs: &[(String, String)],
    lang: Lang,
) -> Result<Vec<LogRow>, HttpError> {
    let query = LogQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    summary::all_rows(
        &state.pool,
        citizen,
        &query,
        clock::now(),
        state.site.log_retention_months,
        lang,
    )
    .await
    .map_err(|error| HttpError::internal("export the citizen's log", &error))?
    .map_err(|problems| {
        let messages: Vec<&str> = problems
            .iter()
            .map(|problem| problem.message.as_str())
            .collect();
        HttpError::bad_parameter(messages.join(" "))
    })
}

/// The citizen's whole visible log (bulk runs included) as CSV in `lang`
/// (the citizen's), as it covered when the access request was received at
/// `received_at`, with its rows for what staff may see of them: the
/// attachment of the answer.
pub async fn access_answer_log(
    state: &AppState,
    answer: &AccessAnswer,
    now: DateTime<Utc>,
    lang: Lang,
) -> anyhow::Result<(Vec<u8>, Vec<AnswerLogRow>)> {
    let rows = summary::rows_for_access_answer(
        &state.pool,
        answer,
        now,
        state.site.log_retention_months,
        lang,
    )
    .await?;
    let plain: Vec<LogRow> = rows.iter().map(|row| row.row.clone()).collect();
    Ok((to_csv(&plain, lang)?, rows))
}

/// The keys of the CSV export's column headings.
pub const CSV_HEADER: [&str; 11] = [
    "csv-date",
    "csv-time",
    "csv-unit",
    "csv-authority",
    "csv-action",
    "csv-system",
    "csv-purpose",
    "csv-legal-basis",
    "csv-count",
    "csv-bulk",
    "csv-hidden",
];

/// Writes `rows` as a CSV file with headings and words in `lang`.
pub fn to_csv(rows: &[LogRow], lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let header = CSV_HEADER.map(|key| lang.text(key));
    let mut file = DanishCsv::new(&header)?;
    let at = format!("{} ", app::dates::at_word(lang));
    let (yes, no) = (lang.text("csv-yes"), lang.text("csv-no"));
    for row in rows {
        file.row([
            row.day.as_str(),
            row.time_text.trim_start_matches(at.as_str()),
            &row.unit,
            &row.authority,
            &row.action,
            &row.system,
            &row.purpose,
            &row.legal_basis,
            &row.count.to_string(),
            if row.bulk { yes.as_str() } else { no.as_str() },
            row.disclosed_reason.as_deref().unwrap_or(""),
        ])?;
    }
    file.finish()
}

async fn csv_export(
    State(state): State<AppState>,
    citizen: Citizen,
    Extension(lang): Extension<Lang>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, HttpError> {
    let rows = rows(&state, &citizen, &pairs, lang).await?;
    let body = to_csv(&rows, lang)
        .map_err(|error| HttpError::internal("export the citizen's log", &error))?;
    Ok(download(CSV_CONTENT_TYPE, "min-log.csv", body))
}

/// The JSON export (field names in English, values in the reader's
/// language).
#[derive(Serialize)]
struct JsonExport {
    /// Always the signed-in citizen's own log.
    description: String,
    rows: Vec<LogRow>,
}

async fn json_export(
    State(state): State<AppState>,
    citizen: Citizen,
    Extension(lang): Extension<Lang>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, HttpError> {
    let rows = rows(&state, &citizen, &pairs, lang).await?;
    let export = JsonExport {
        description: lang.text("json-description"),
        rows,
    };
    let body = serde_json::to_vec_pretty(&export)
        .map_err(|error| HttpError::internal("export the citizen's log", &error))?;
    Ok(download("application/json", "min-log.json", body))
}

/// The query parameters of `findUsage` (Data Tracker v3).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FindUsageQuery {
    period_start: Option<String>,
    period_end: Option<String>,
    include_bulk_processing: Option<bool>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// One use, Data Tracker v3 `UsageProcessing`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    log_time: DateTime<Utc>,
    purpose: String,
    log_source_system: String,
    bulk_processing: bool,
    legal_basis: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_until: Option<DateTime<Utc>>,
    initiator_org: Organization,
    source: Organization,
}

/// Data Tracker v3 `Organization`: our unit, its authority and the system.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
    system_name: String,
}

/// Data Tracker v3 `FindUsageResponse`; every use is internal processing.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindUsageResponse {
    total_usages: i64,
    returned_usages: usize,
    internal_processings: Vec<Usage>,
}

fn bad_parameter(message: &str) -> HttpError {
    HttpError::bad_parameter(message)
}

fn parse_instant(text: Option<&str>, name: &str) -> Result<Option<DateTime<Utc>>, HttpError> {
    match text.map(str::trim).filter(|text| !text.is_empty()) {
        None => Ok(None),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|at| Some(at.with_timezone(&Utc)))
            .map_err(|_| bad_parameter(&format!("{name} must be an RFC 3339 date-time"))),
    }
}

async fn find_usage(
    State(state): State<AppState>,
    citizen: Citizen,
    query: Result<Query<FindUsageQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, HttpError> {
    let Ok(Query(query)) = query else {
        return Err(bad_parameter("the query parameters could not be read"));
    };
    let now = clock::now();
    let oldest = local_midnight(covers_from(now, state.site.log_retention_months));
    let start = parse_instant(query.period_start.as_deref(), "periodStart")?
        .map_or(oldest, |at| at.max(oldest));
    let end = parse_instant(query.period_end.as_deref(), "periodEnd")?.unwrap_or(now);
    let limit = query.limit.unwrap_or(1000);
    let offset = query.offset.unwrap_or(0);
    if !(1..=10_000).contains(&limit) {
        return Err(bad_parameter("limit must be between 1 and 10000"));
    }
    if offset < 0 {
        return Err(bad_parameter("offset must be 0 or more"));
    }
    let bulk = query.include_bulk_processing.unwrap_or(false);
    let response = usages(&state.pool, &citizen, start, end, bulk, limit, offset, now)
        .await
        .map_err(|error| HttpError::internal("export the citizen's log", &error))?;
    Ok(Json(response).into_response())
}

/// The citizen's visible uses from `start` to `end`, newest first. Paging
/// raw events needs the visibility rule in SQL: it is the rule of
/// `app::access_log::summary::is_visible` (hidden until a time that has passed).
#[allow(clippy::too_many_arguments)]
async fn usages(
    pool: &PgPool,
    citizen: &Citizen,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    bulk: bool,
    limit: i64,
    offset: i64,
    now: DateTime<Utc>,
) -> sqlx::Result<FindUsageResponse> {
    let rows = sqlx::query!(
        r#"SELECT e.occurred_at, p.description AS purpose, p.legal_basis, sys.name AS system,
                  e.bulk, e.hidden_reason, e.hidden_until, u.name AS unit, a.name AS authority,
                  count(*) OVER () AS "total!"
           FROM access_events e
           JOIN purposes p ON p.id = e.purpose_id
           JOIN source_systems sys ON sys.id = e.source_system_id
           JOIN org_units u ON u.id = e.org_unit_id
           JOIN authorities a ON a.id = u.authority_id
           WHERE e.subject_key = $1 AND e.occurred_at BETWEEN $2 AND $3
             AND ($4 OR NOT e.bulk)
             AND (e.hidden_reason IS NULL OR e.hidden_until <= $5)
           ORDER BY e.occurred_at DESC, e.source_event_id DESC
           LIMIT $6 OFFSET $7"#,
        citizen.subject_key().as_bytes().as_slice(),
        start,
        end,
        bulk,
        now,
        limit,
        offset
    )
    .fetch_all(pool)
    .await?;
    let total_usages = match rows.first() {
        Some(row) => row.total,
        None if offset > 0 => count_usages(pool, citizen, start, end, bulk, now).await?,
        None => 0,
    };
    let internal_processings: Vec<Usage> = rows
        .into_iter()
        .map(|row| {
            let organization = Organization {
                kind: "GOV",
                name: format!("{}, {}", row.unit, row.authority),
                system_name: row.system.clone(),
            };
            Usage {
                log_time: row.occurred_at,
                purpose: row.purpose,
                log_source_system: row.system.clone(),
                bulk_processing: row.bulk,
                legal_basis: row.legal_basis,
                hidden_reason: row.hidden_reason,
                hidden_until: row.hidden_until,
                source: Organization {
                    kind: "GOV",
                    name: row.authority,
                    system_name: row.system,
                },
                initiator_org: organization,
            }
        })
        .collect();
    Ok(FindUsageResponse {
        total_usages,
        returned_usages: internal_processings.len(),
        internal_processings,
    })
}

async fn count_usages(
    pool: &PgPool,
    citizen: &Citizen,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    bulk: bool,
    now: DateTime<Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "total!" FROM access_events e
           WHERE e.subject_key = $1 AND e.occurred_at BETWEEN $2 AND $3
             AND ($4 OR NOT e.bulk)
             AND (e.hidden_reason IS NULL OR e.hidden_until <= $5)"#,
        citizen.subject_key().as_bytes().as_slice(),
        start,
        end,
        bulk,
        now
    )
    .fetch_one(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_cannot_become_formulas() {
        let row = LogRow {
            day: "2026-11-20".to_owned(),
            time_text: "kl. 10.05".to_owned(),
            unit: "=HYPERLINK(\"http://x\")".to_owned(),
            disclosed_reason: Some("-1+1".to_owned()),
            count: 2,
            ..LogRow::default()
        };
        let csv = String::from_utf8(to_csv(std::slice::from_ref(&row), Lang::Da).unwrap()).unwrap();
        let line = csv.lines().nth(1).unwrap();
        assert!(
            line.starts_with("2026-11-20;10.05;\"'=HYPERLINK("),
            "{line}"
        );
        assert!(line.ends_with(";2;nej;'-1+1"), "{line}");
        let english = LogRow {
            time_text: "at 10:05".to_owned(),
            ..row
        };
        let csv = String::from_utf8(to_csv(&[english], Lang::En).unwrap()).unwrap();
        assert!(csv.contains("Date;Time;Unit;"), "{csv}");
        assert!(
            csv.lines().nth(1).unwrap().starts_with("2026-11-20;10:05;"),
            "{csv}"
        );
        assert!(
            csv.lines().nth(1).unwrap().ends_with(";2;no;'-1+1"),
            "{csv}"
        );
    }
}
