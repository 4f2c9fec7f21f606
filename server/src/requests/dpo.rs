//! `GET /dpo/henvendelser.csv`: every request as one CSV line for the DPO's
//! own analysis: number, kind, status, unit, channel-free dates, deadline,
//! whether extended, when decided and whether in time. No names and no CPR
//! numbers (the DPO needs the deadlines, not the people).

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use app::access_log::coverage::local_date;
use app::caller::{Caller, Role};
use app::requests::overview::{lines, RequestLine};
use app::requests::request_number;
use app::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/dpo/henvendelser.csv", get(csv_export))
}

const HEADER: [&str; 10] = [
    "Nummer",
    "Type",
    "Status",
    "Enhed",
    "Modtaget",
    "Frist",
    "Forlænget",
    "Afgjort",
    "Dage til afgørelse",
    "Inden for fristen",
];

fn to_csv(lines: &[RequestLine]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(HEADER)?;
    for line in lines {
        let decided = line
            .decided_at
            .map(|at| local_date(at).to_string())
            .unwrap_or_default();
        writer.write_record([
            request_number(line.id),
            line.kind.label().to_owned(),
            line.status.label().to_owned(),
            line.unit.clone(),
            local_date(line.received_at).to_string(),
            line.deadline().to_string(),
            if line.extended { "ja" } else { "nej" }.to_owned(),
            decided,
            line.days_to_decision()
                .map(|days| days.to_string())
                .unwrap_or_default(),
            match line.on_time() {
                Some(true) => "ja",
                Some(false) => "nej",
                None => "",
            }
            .to_owned(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

async fn csv_export(State(state): State<AppState>, request: Request) -> Response {
    let allowed = matches!(
        request.extensions().get::<Caller>(),
        Some(Caller::Staff(member)) if member.has(Role::Dpo) || member.has(Role::Admin)
    );
    if !allowed {
        return StatusCode::FORBIDDEN.into_response();
    }
    let body = match lines(&state.pool).await.map(|lines| to_csv(&lines)) {
        Ok(Ok(body)) => body,
        Ok(Err(error)) => return internal(&error),
        Err(error) => return internal(&error),
    };
    crate::access_log::citizen_exports::download(
        "text/csv; charset=utf-8",
        "henvendelser.csv",
        body,
    )
}

fn internal(error: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %error, "cannot export the requests");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
