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
use axum::Extension;

use crate::http::route_list::Routes;

use app::access_control::parse_lift_form;
use app::pages::dpo::{LIFT_FORM, LIFT_PATH};
use app::requests::forms::FieldErrors;

use app::access_log::coverage::local_date;
use app::capability::Overseer;
use app::i18n::Lang;
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
    let (id, cause) = match parse_lift_form(&page.fields, page.lang()) {
        Ok(parsed) => parsed,
        Err(errors) => return page.again(errors, None, StatusCode::BAD_REQUEST).await,
    };
    match app::access_control::store::lift_block(&state.pool, &overseer, id, &cause, clock::now())
        .await
    {
        Ok(true) => Redirect::to(&format!("/dpo?ophaevet={id}#adgangskontrol")).into_response(),
        Ok(false) => {
            let message = page.lang().text("lift-block-gone");
            page.again(FieldErrors::default(), Some(message), StatusCode::CONFLICT)
                .await
        }
        Err(error) => page.internal_error(&error).await,
    }
}

/// The keys of the column headings.
const HEADER: [&str; 10] = [
    "col-number",
    "col-kind",
    "col-status",
    "my-log-unit",
    "col-received",
    "col-deadline",
    "deadline-extended-column",
    "col-decided",
    "csv-days-to-decision",
    "col-on-time",
];

/// The requests as CSV with headings and words in `lang`.
fn to_csv(lines: &[RequestLine], lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut file = DanishCsv::new(&HEADER.map(|key| lang.text(key)))?;
    let (yes, no) = (lang.text("csv-yes"), lang.text("csv-no"));
    for line in lines {
        let decided = line
            .decided_at
            .map(|at| local_date(at).to_string())
            .unwrap_or_default();
        file.row([
            request_number(line.id),
            line.kind.label(lang),
            line.status.label(lang),
            line.unit.clone(),
            local_date(line.received_at).to_string(),
            line.deadline.in_force().to_string(),
            if line.deadline.extended { &yes } else { &no }.clone(),
            decided,
            line.days_to_decision()
                .map(|days| days.to_string())
                .unwrap_or_default(),
            match line.on_time() {
                Some(true) => yes.clone(),
                Some(false) => no.clone(),
                None => String::new(),
            },
        ])?;
    }
    file.finish()
}

async fn csv_export(
    State(state): State<AppState>,
    overseer: Overseer,
    Extension(lang): Extension<Lang>,
) -> Result<Response, HttpError> {
    const WHAT: &str = "export the requests";
    let lines = lines(&state.pool, &overseer)
        .await
        .map_err(|error| HttpError::internal(WHAT, &error))?;
    let body = to_csv(&lines, lang).map_err(|error| HttpError::internal(WHAT, &error))?;
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
            assignee_lang: Lang::Da,
            received_at: "2026-11-20T09:00:00Z".parse().unwrap(),
            deadline: RequestDeadline {
                due_on: day("2026-12-21"),
                extendable_to: day("2027-02-22"),
                extended: false,
            },
            decided_at: None,
        };
        let csv =
            String::from_utf8(to_csv(std::slice::from_ref(&line), Lang::Da).unwrap()).unwrap();
        let row = csv.lines().nth(1).unwrap();
        assert!(
            row.starts_with("H-000007;Indsigt;Modtaget;\"'=HYPERLINK("),
            "{row}"
        );
        assert!(row.contains(";nej;"), "{row}");
        assert!(!csv.contains("Anna"));
        let english = String::from_utf8(to_csv(&[line], Lang::En).unwrap()).unwrap();
        assert!(english.contains("Number;Kind;Status;Unit;Received;Deadline;Extended;"));
        assert!(
            english.contains("H-000007;Access (indsigt);Received;"),
            "{english}"
        );
        assert!(english.contains(";no;"), "{english}");
    }
}
