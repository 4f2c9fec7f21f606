//! The routes of usage statistics and the review of authorisations
//! (docs/rules.md §4.5–4.6): the statistics' CSV export (`GET
//! /kontrol/statistik.csv`, the page's filter in the address: it carries no
//! personal data); the DPO starting a unit's review (`POST
//! /kontrol/autorisationer`) and restoring a removed staff member (`POST
//! /kontrol/autorisationer/genaktiver`); the manager's decision on one
//! person (`POST /kontrol/autorisationer/<id>/personer/<item>`) and
//! completing the review (`POST /kontrol/autorisationer/<id>/afslut`),
//! which ends the sessions of the staff it removes.

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use app::access_log::UseType;
use app::capability::{AuthorisationReviewer, LogController, UsageReader};
use app::error::AppError;
use app::i18n::Lang;
use app::log_control::forms::parse_review_decision;
use app::log_control::review::store::{self as review_store, CompleteError, StartError};
use app::log_control::review::{
    COMPLETE_FORM, DECIDE_FORM, RESTORE_FORM, REVIEWS_PAGE, START_FORM,
};
use app::log_control::usage::store::{self as usage_store, Counted};
use app::log_control::usage::UsageQuery;
use app::requests::forms::FieldErrors;
use app::state::AppState;

use crate::auth::lockout::Identity;
use crate::clock;
use crate::http::download::{download, DanishCsv, CSV_CONTENT_TYPE};
use crate::http::route_list::Routes;
use crate::log_control::{not_found, unknown_unit};
use crate::requests::FormPage;

/// The statistics page.
pub const STATISTICS_PAGE: &str = "/kontrol/statistik";

pub fn routes() -> Routes<AppState> {
    Routes::new()
        .get("/kontrol/statistik.csv", export)
        .post(REVIEWS_PAGE, start)
        .post("/kontrol/autorisationer/genaktiver", restore)
        .post("/kontrol/autorisationer/{id}/personer/{item}", decide)
        .post("/kontrol/autorisationer/{id}/afslut", complete)
}

/// The statistics as CSV: one line per actor and system with each type of
/// use, then the directory's people without use, then the portal's staff.
async fn export(
    State(state): State<AppState>,
    reader: UsageReader,
    lang: axum::Extension<Lang>,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang.0;
    let query = query.unwrap_or_default();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let query = UsageQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let now = clock::now();
    let counted = async {
        let (units, systems) = usage_store::choices(&state.pool, &reader).await?;
        usage_store::count(
            &state.pool,
            &reader,
            &query,
            (&units, &systems),
            state.control.log_retention_months,
            lang,
            now,
        )
        .await
    };
    let counted = match counted.await {
        Ok(Ok(counted)) => counted,
        // The page shows the same filter's errors at its fields.
        Ok(Err(_)) => {
            let back = format!("{STATISTICS_PAGE}?{}", query.to_query_string());
            return Redirect::to(&back).into_response();
        }
        Err(error) => return AppError::internal(error).into_response(),
    };
    match usage_csv(&counted, lang) {
        Ok(body) => download(CSV_CONTENT_TYPE, "benyttelsesstatistik.csv", body),
        Err(error) => AppError::internal(error).into_response(),
    }
}

/// The statistics as one sheet: a "what" column tells the three parts apart.
fn usage_csv(counted: &Counted, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut header: Vec<String> = [
        "usage-col-part",
        "control-col-actor",
        "control-col-actor-name",
        "usage-col-home-unit",
        "control-col-system",
        "usage-col-look-ups",
    ]
    .iter()
    .map(|key| lang.text(key))
    .collect();
    header.extend(UseType::ALL.iter().map(|kind| kind.label(lang)));
    header.extend(
        [
            "usage-col-total",
            "usage-col-last-day",
            "usage-col-sign-ins",
            "usage-col-case-actions",
            "usage-col-portal-uses",
        ]
        .iter()
        .map(|key| lang.text(key)),
    );
    let mut file = DanishCsv::new(&header)?;
    let blank_counts = || vec![String::new(); UseType::ALL.len() + 1];
    for line in &counted.actors {
        let mut cells = vec![
            lang.text("usage-part-uses"),
            line.actor.clone(),
            line.name.clone().unwrap_or_default(),
            line.home_unit.clone().unwrap_or_default(),
            line.system.clone(),
            line.counts.look_ups().to_string(),
        ];
        cells.extend(line.counts.0.iter().map(i64::to_string));
        cells.push(line.counts.total().to_string());
        cells.push(line.last_day.to_string());
        cells.extend([String::new(), String::new(), String::new()]);
        file.row(cells)?;
    }
    for idle in &counted.idle {
        let mut cells = vec![
            lang.text("usage-part-idle"),
            idle.actor.clone(),
            idle.name.clone(),
            idle.unit.clone(),
            String::new(),
        ];
        cells.extend(blank_counts());
        cells.extend(["0".to_owned(), String::new()]);
        cells.extend([String::new(), String::new(), String::new()]);
        file.row(cells)?;
    }
    for staff in &counted.staff {
        let mut cells = vec![
            lang.text("usage-part-staff"),
            staff.id.clone(),
            staff.name.clone(),
            staff.unit.clone(),
            lang.text("usage-portal-system"),
        ];
        cells.extend(blank_counts());
        cells.extend([String::new(), String::new()]);
        cells.extend([
            staff.sign_ins.to_string(),
            staff.case_actions.to_string(),
            staff.portal_uses.to_string(),
        ]);
        file.row(cells)?;
    }
    file.finish()
}

/// The DPO starts the review of a unit.
async fn start(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, REVIEWS_PAGE.to_owned(), START_FORM).await;
    let unit = page.fields.get("unit").map(|unit| unit.trim().to_owned());
    let Some(unit) = unit.filter(|unit| !unit.is_empty()) else {
        return unknown_unit(page).await;
    };
    let public_url = state.requests.public_url.clone();
    match review_store::start(&state.pool, &controller, &unit, &public_url, clock::now()).await {
        Ok(id) => Redirect::to(&format!("{REVIEWS_PAGE}/{id}")).into_response(),
        Err(StartError::UnknownUnit) => unknown_unit(page).await,
        Err(StartError::AlreadyOpen(id)) => {
            let message = page
                .lang()
                .text_with("review-already-open", &[("id", id.into())]);
            page.again(FieldErrors::default(), Some(message), StatusCode::CONFLICT)
                .await
        }
        Err(StartError::Database(error)) => page.internal_error(&error).await,
    }
}

/// The manager's (or the DPO's) decision on one person.
async fn decide(
    State(state): State<AppState>,
    reviewer: AuthorisationReviewer,
    Path((id, item)): Path<(i64, i64)>,
    request: Request,
) -> Response {
    let path = format!("{REVIEWS_PAGE}/{id}");
    let page = FormPage::read(&state, request, path.clone(), DECIDE_FORM).await;
    let (decision, note) = match parse_review_decision(&page.fields, page.lang()) {
        Ok(parsed) => parsed,
        Err(errors) => return page.field_errors(errors).await,
    };
    let decided = review_store::decide(
        &state.pool,
        &reviewer,
        id,
        item,
        decision,
        note.as_deref(),
        clock::now(),
    )
    .await;
    match decided {
        Ok(true) => Redirect::to(&format!("{path}?gemt={item}#person-{item}")).into_response(),
        Ok(false) => not_found(page, "review-not-found").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// Completes a review; the staff it removes are signed out everywhere.
async fn complete(
    State(state): State<AppState>,
    reviewer: AuthorisationReviewer,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let path = format!("{REVIEWS_PAGE}/{id}");
    let page = FormPage::read(&state, request, path.clone(), COMPLETE_FORM).await;
    match review_store::complete(&state.pool, &reviewer, id, clock::now()).await {
        Ok(removed) => {
            for staff in removed {
                let ended =
                    crate::auth::session::end_sessions_of(&state.pool, &Identity::Staff(staff))
                        .await;
                if let Err(error) = ended {
                    tracing::error!(error = %error, "cannot end a removed staff member's sessions");
                }
            }
            Redirect::to(&format!("{path}?afsluttet=1")).into_response()
        }
        Err(CompleteError::NotFound) => not_found(page, "review-not-found").await,
        Err(CompleteError::Undecided(count)) => {
            let message = page
                .lang()
                .text_with("review-undecided", &[("count", count.into())]);
            page.again(FieldErrors::default(), Some(message), StatusCode::CONFLICT)
                .await
        }
        Err(CompleteError::Database(error)) => page.internal_error(&error).await,
    }
}

/// The DPO gives a removed staff member their access to the portal back.
async fn restore(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, REVIEWS_PAGE.to_owned(), RESTORE_FORM).await;
    let staff = page.fields.get("staff").cloned().unwrap_or_default();
    match review_store::restore(&state.pool, &controller, staff.trim()).await {
        Ok(true) => {
            Redirect::to(&format!("{REVIEWS_PAGE}?genaktiveret=1#fjernede")).into_response()
        }
        Ok(false) => not_found(page, "review-restore-gone").await,
        Err(error) => page.internal_error(&error).await,
    }
}
