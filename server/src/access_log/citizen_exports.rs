//! The citizen's own log as files: `GET /min-log/eksport.csv` and
//! `GET /min-log/eksport.json` (the rows of `/min-log` with the same
//! filter). (Event by event, in the Data Tracker protocol, is
//! [`super::data_tracker`].)
//!
//! Each handler takes the subject key from the session's caller and from
//! nowhere else; the query string can only narrow the citizen's own log.

use axum::extract::{Query, State};
use axum::response::Response;
use axum::Extension;
use chrono::{DateTime, Utc};
use serde::Serialize;

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
}

async fn rows(
    state: &AppState,
    citizen: &Citizen,
    pairs: &[(String, String)],
    lang: Lang,
) -> Result<Vec<LogRow>, HttpError> {
    let query = LogQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    summary::all_rows(
        state.summaries(),
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
        state.summaries(),
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
