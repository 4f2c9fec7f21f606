//! The DPO's routes: lifting a block with its cause
//! (`POST /dpo/ophaev-spaerring`, the form on `/dpo`), and
//! `GET /dpo/henvendelser.csv`: every request as one CSV line for the DPO's
//! own analysis: number, kind, status, unit, channel-free dates, deadline,
//! whether extended, when decided and whether in time. No names and no CPR
//! numbers (the DPO needs the deadlines, not the people), and no cell a
//! spreadsheet would run as a formula (unit names come from master data).

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::http::route_list::Routes;

use app::access_control::parse_lift_form;
use app::pages::dpo::{LIFT_FORM, LIFT_PATH};
use app::requests::forms::FieldErrors;

use app::access_log::coverage::local_date;
use app::capability::Overseer;
use app::requests::overview::{lines, RequestLine};
use app::requests::request_number;
use app::state::AppState;

use super::FormPage;
use crate::clock;
use crate::http::download::{download, DanishCsv, CSV_CONTENT_TYPE};
use crate::http::error::HttpError;

pub fn routes() -> Routes<AppState> {
    Routes::new()
        .get("/dpo/henvendelser.csv", csv_export)
        .post(LIFT_PATH, lift_block)
}

/// Lifts the chosen block, recording who and why, and goes back to `/dpo`;
/// a missing cause or an unknown block comes back on the page.
async fn lift_block(
    State(state): State<AppState>,
    overseer: Overseer,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, "/dpo".to_owned(), LIFT_FORM).await;
    let (id, cause) = match parse_lift_form(&page.fields) {
        Ok(parsed) => parsed,
        Err(errors) => return page.again(errors, None, StatusCode::BAD_REQUEST).await,
    };
    match app::access_control::store::lift_block(&state.pool, &overseer, id, &cause, clock::now())
        .await
    {
        Ok(true) => Redirect::to(&format!("/dpo?ophaevet={id}#adgangskontrol")).into_response(),
        Ok(false) => {
            let message = "Spærringen findes ikke eller er allerede ophævet.".to_owned();
            page.again(FieldErrors::default(), Some(message), StatusCode::CONFLICT)
                .await
        }
        Err(error) => page.internal_error(&error).await,
    }
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
    let mut file = DanishCsv::new(&HEADER)?;
    for line in lines {
        let decided = line
            .decided_at
            .map(|at| local_date(at).to_string())
            .unwrap_or_default();
        file.row([
            request_number(line.id),
            line.kind.label().to_owned(),
            line.status.label().to_owned(),
            line.unit.clone(),
            local_date(line.received_at).to_string(),
            line.deadline.in_force().to_string(),
            if line.deadline.extended { "ja" } else { "nej" }.to_owned(),
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
    file.finish()
}

async fn csv_export(
    State(state): State<AppState>,
    overseer: Overseer,
) -> Result<Response, HttpError> {
    const WHAT: &str = "export the requests";
    let lines = lines(&state.pool, &overseer)
        .await
        .map_err(|error| HttpError::internal(WHAT, &error))?;
    let body = to_csv(&lines).map_err(|error| HttpError::internal(WHAT, &error))?;
    Ok(download(CSV_CONTENT_TYPE, "henvendelser.csv", body))
}

#[cfg(test)]
mod tests {
    use app::requests::deadline::RequestDeadline;
    use app::requests::{Kind, Status};

    use super::*;

    #[test]
    fn a_unit_name_cannot_become_a_formula_in_the_dpos_export() {
        let day = |text: &str| text.parse::<chrono::NaiveDate>().unwrap();
        let line = RequestLine {
            id: 7,
            kind: Kind::Access,
            status: Status::Received,
            unit: "=HYPERLINK(\"http://x\";\"Borgerservice\")".to_owned(),
            citizen_name: "Anna".to_owned(),
            assignee: None,
            assignee_email: None,
            received_at: "2026-11-20T09:00:00Z".parse().unwrap(),
            deadline: RequestDeadline {
                due_on: day("2026-12-21"),
                extendable_to: day("2027-02-22"),
                extended: false,
            },
            decided_at: None,
        };
        let csv = String::from_utf8(to_csv(&[line]).unwrap()).unwrap();
        let row = csv.lines().nth(1).unwrap();
        assert!(
            row.starts_with("H-000007;Indsigt;Modtaget;\"'=HYPERLINK("),
            "{row}"
        );
        assert!(!csv.contains("Anna"));
    }
}
