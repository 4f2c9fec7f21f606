//! The routes of the control of the log (docs/rules.md §4): the
//! investigator's search of the raw log (`POST /kontrol/log`, shown on its
//! own page with what was typed) and its CSV export (`POST
//! /kontrol/log.csv`), both forms that post, so a CPR number typed in never
//! reaches an address, a proxy's log or the browser's history; a decision
//! on a flag (`POST /kontrol/flag/<id>`) and the flags' rules (`POST
//! /kontrol/flag/regler`, the DPO only); a finding on a citizen's question
//! (`POST /kontrol/spoergsmaal/<id>`); random samples: an employee's
//! reason (`POST /sagsbehandling/stikproever/<item>`), a review (`POST
//! /kontrol/stikproever/<item>`), the DPO's plans (`POST
//! /kontrol/stikproeveplaner`, `…/<id>/aktiv`).

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use app::capability::{LogController, LogInspector, SampleReviewer, SampledEmployee};
use app::i18n::Lang;
use app::identity::subject_key::SubjectKey;
use app::log_control::flags::circumstances::{
    self, HOURS_FORM, HOURS_PATH, PROTECT_FORM, PROTECT_PATH, STANDING_FORM, STANDING_PATH,
    UNPROTECT_PATH, UNSTAND_PATH,
};
use app::log_control::flags::store as flag_store;
use app::log_control::flags::Protection;
use app::log_control::forms::{
    parse_decision, parse_finding, parse_opening_hours, parse_plan, parse_protection, parse_rules,
    parse_sample_reason, parse_sample_review, parse_standing,
};
use app::log_control::questions::{self, FINDING_FORM};
use app::log_control::samples::store::PlanError;
use app::log_control::samples::{self, ANSWER_FORM, PLAN_FORM, REVIEW_FORM};
use app::log_control::search::{parse_log_search, EXPORT_MAX, FORM};
use app::log_control::store::{self, RawEventRow};
use app::pages::control_flags::{DECIDE_FORM, RULES_FORM, RULES_PATH};
use app::requests::forms::FieldErrors;
use app::state::AppState;

use crate::clock;
use crate::http::download::{download, DanishCsv, CSV_CONTENT_TYPE};
use crate::http::route_list::Routes;
use crate::requests::FormPage;

/// The page the search is shown on.
pub const SEARCH_PAGE: &str = "/kontrol/log";

pub fn routes() -> Routes<AppState> {
    Routes::new()
        .post(SEARCH_PAGE, search)
        .post("/kontrol/log.csv", export)
        .post(RULES_PATH, set_rules)
        .post(HOURS_PATH, set_hours)
        .post(PROTECT_PATH, protect)
        .post(UNPROTECT_PATH, unprotect)
        .post(STANDING_PATH, add_standing)
        .post(UNSTAND_PATH, remove_standing)
        .post("/kontrol/flag/{id}", decide)
        .post("/kontrol/spoergsmaal/{id}", record_finding)
        .post(MY_SAMPLES_ITEM, answer_sample)
        .post("/kontrol/stikproever/{item}", review_sample)
        .post(PLANS_PAGE, create_plan)
        .post("/kontrol/stikproeveplaner/{id}/aktiv", set_plan_active)
}

/// An employee's own samples.
const MY_SAMPLES: &str = "/sagsbehandling/stikproever";
const MY_SAMPLES_ITEM: &str = "/sagsbehandling/stikproever/{item}";
/// The samples to review, and the plans.
const REVIEW_PAGE: &str = "/kontrol/stikproever";
const PLANS_PAGE: &str = "/kontrol/stikproeveplaner";

/// The employee's reason for one of their sampled look-ups; back to their
/// samples, at the look-up.
async fn answer_sample(
    State(state): State<AppState>,
    employee: SampledEmployee,
    Path(item): Path<i64>,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, MY_SAMPLES.to_owned(), ANSWER_FORM).await;
    let reason = match parse_sample_reason(&page.fields, page.lang()) {
        Ok(reason) => reason,
        Err(errors) => return page.field_errors(errors).await,
    };
    match samples::store::answer(&state.pool, &employee, item, &reason, clock::now()).await {
        Ok(true) => {
            Redirect::to(&format!("{MY_SAMPLES}?besvaret={item}#item-{item}")).into_response()
        }
        Ok(false) => not_found(page, "sample-not-yours").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// The manager's or the DPO's review of one answer.
async fn review_sample(
    State(state): State<AppState>,
    reviewer: SampleReviewer,
    Path(item): Path<i64>,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, REVIEW_PAGE.to_owned(), REVIEW_FORM).await;
    let (verdict, note) = match parse_sample_review(&page.fields, page.lang()) {
        Ok(review) => review,
        Err(errors) => return page.field_errors(errors).await,
    };
    match samples::store::review(&state.pool, &reviewer, item, verdict, &note, clock::now()).await {
        Ok(true) => {
            Redirect::to(&format!("{REVIEW_PAGE}?vurderet={item}#item-{item}")).into_response()
        }
        Ok(false) => not_found(page, "sample-not-yours").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// A new sampling plan (the DPO).
async fn create_plan(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, PLANS_PAGE.to_owned(), PLAN_FORM).await;
    let plan = match parse_plan(&page.fields, page.lang()) {
        Ok(plan) => plan,
        Err(errors) => return page.field_errors(errors).await,
    };
    match samples::store::create_plan(&state.pool, &controller, &plan, clock::now()).await {
        Ok(_) => Redirect::to(&format!("{PLANS_PAGE}?oprettet=1")).into_response(),
        Err(PlanError::Exists) => {
            let message = page.lang().text("plan-exists");
            page.again(FieldErrors::default(), Some(message), StatusCode::CONFLICT)
                .await
        }
        Err(PlanError::Unknown) => {
            let mut errors = FieldErrors::new(page.lang());
            errors
                .0
                .insert("unit".to_owned(), page.lang().text("plan-unknown"));
            page.field_errors(errors).await
        }
        Err(PlanError::Database(error)) => page.internal_error(&error).await,
    }
}

/// Stops or resumes a plan (the DPO): `active=ja` resumes.
async fn set_plan_active(
    State(state): State<AppState>,
    controller: LogController,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, PLANS_PAGE.to_owned(), PLAN_FORM).await;
    let active = page.fields.get("active").map(String::as_str) == Some("ja");
    match samples::store::set_plan_active(&state.pool, &controller, id, active).await {
        Ok(true) => Redirect::to(PLANS_PAGE).into_response(),
        Ok(false) => not_found(page, "plan-not-found").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// Records the finding on a citizen's question about a log row.
async fn record_finding(
    State(state): State<AppState>,
    inspector: LogInspector,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let path = format!("/kontrol/spoergsmaal/{id}");
    let page = FormPage::read(&state, request, path.clone(), FINDING_FORM).await;
    let finding = match parse_finding(&page.fields, page.lang()) {
        Ok(finding) => finding,
        Err(errors) => return page.field_errors(errors).await,
    };
    match questions::store::record_finding(&state.pool, &inspector, id, &finding, clock::now())
        .await
    {
        Ok(true) => Redirect::to(&format!("{path}?gemt=1")).into_response(),
        Ok(false) => not_found(page, "question-not-found").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// Records the decision on a flag and shows it again; a form with errors
/// comes back with them.
async fn decide(
    State(state): State<AppState>,
    inspector: LogInspector,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let path = format!("/kontrol/flag/{id}");
    let page = FormPage::read(&state, request, path.clone(), DECIDE_FORM).await;
    let (status, note) = match parse_decision(&page.fields, page.lang()) {
        Ok(decision) => decision,
        Err(errors) => return page.field_errors(errors).await,
    };
    match flag_store::decide(&state.pool, &inspector, id, status, &note, clock::now()).await {
        Ok(true) => Redirect::to(&format!("{path}?afgjort=1")).into_response(),
        Ok(false) => not_found(page, "flag-not-found").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// Saves the rules (the DPO only) and goes back to them.
async fn set_rules(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, "/kontrol/flag".to_owned(), RULES_FORM).await;
    let choice = match parse_rules(&page.fields, page.lang()) {
        Ok(choice) => choice,
        Err(errors) => return page.field_errors(errors).await,
    };
    match flag_store::set_rules(&state.pool, &controller, &choice, clock::now()).await {
        Ok(()) => Redirect::to("/kontrol/flag?regler=gemt#regler").into_response(),
        Err(error) => page.internal_error(&error).await,
    }
}

/// Searches and shows the page with the first (or the asked-for) page of
/// events; a form with errors comes back with them.
async fn search(
    State(state): State<AppState>,
    inspector: LogInspector,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, SEARCH_PAGE.to_owned(), FORM).await;
    let now = clock::now();
    let search = match parse_log_search(&page.fields, &state.control, now, page.lang()) {
        Ok(search) => search,
        Err(errors) => return page.field_errors(errors).await,
    };
    match store::search(
        &state.pool,
        &inspector,
        &state.control,
        &search,
        page.lang(),
        now,
    )
    .await
    {
        Ok(found) => {
            page.shown_with(move || leptos::prelude::provide_context(found.clone()))
                .await
        }
        Err(error) => page.internal_error(&error).await,
    }
}

/// Every matching event (up to [`EXPORT_MAX`]) as CSV.
async fn export(
    State(state): State<AppState>,
    inspector: LogInspector,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, SEARCH_PAGE.to_owned(), FORM).await;
    let now = clock::now();
    let lang = page.lang();
    let search = match parse_log_search(&page.fields, &state.control, now, lang) {
        Ok(search) => search,
        Err(errors) => return page.field_errors(errors).await,
    };
    let rows = match store::export(
        &state.pool,
        &inspector,
        &state.control,
        &search,
        EXPORT_MAX,
        now,
    )
    .await
    {
        Ok(rows) => rows,
        Err(error) => return page.internal_error(&error).await,
    };
    match to_csv(&rows, lang) {
        Ok(body) => download(CSV_CONTENT_TYPE, "logkontrol.csv", body).into_response(),
        Err(error) => page.internal_error(&error).await,
    }
}

/// The keys of the column headings.
const HEADER: [&str; 12] = [
    "control-col-time",
    "control-col-system",
    "control-col-unit",
    "control-col-actor",
    "control-col-actor-name",
    "control-col-use",
    "control-col-purpose",
    "control-col-subject",
    "control-col-case",
    "control-col-hidden",
    "control-col-closed",
    "control-col-event-id",
];

/// The events as CSV, headings and words in `lang`; times to the second,
/// Europe/Copenhagen.
fn to_csv(rows: &[RawEventRow], lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut file = DanishCsv::new(&HEADER.map(|key| lang.text(key)))?;
    let (yes, no) = (lang.text("csv-yes"), lang.text("csv-no"));
    for row in rows {
        file.row([
            row.local_time(),
            row.system.clone(),
            row.unit.clone(),
            row.actor.clone(),
            row.actor_name.clone().unwrap_or_default(),
            row.use_words(lang),
            row.purpose.clone(),
            row.subject(lang),
            row.case_reference.clone().unwrap_or_default(),
            row.hidden(lang).unwrap_or_default(),
            if row.case_closed { &yes } else { &no }.clone(),
            row.source_event_id.clone(),
        ])?;
    }
    file.finish()
}

/// Where the flags page keeps what the rules know.
const FLAGS_PAGE: &str = "/kontrol/flag";

/// Back to the part of the flags page that was changed.
fn back_to(anchor: &str) -> Response {
    Redirect::to(&format!("{FLAGS_PAGE}?gemt={anchor}#{anchor}")).into_response()
}

/// The unit field's error for a unit the master data lacks.
pub(crate) async fn unknown_unit(page: FormPage<'_>) -> Response {
    let mut errors = FieldErrors::new(page.lang());
    errors
        .0
        .insert("unit".to_owned(), page.lang().text("plan-unknown"));
    page.field_errors(errors).await
}

/// A unit's opening hours, or the standard ones again (the DPO).
async fn set_hours(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, FLAGS_PAGE.to_owned(), HOURS_FORM).await;
    let (unit, hours) = match parse_opening_hours(&page.fields, page.lang()) {
        Ok(parsed) => parsed,
        Err(errors) => return page.field_errors(errors).await,
    };
    match circumstances::store::set_hours(
        &state.pool,
        &controller,
        &unit,
        hours.as_ref(),
        clock::now(),
    )
    .await
    {
        Ok(true) => back_to("aabningstider"),
        Ok(false) => unknown_unit(page).await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// A citizen onto the protected list (the DPO); the CPR number becomes the
/// key at once.
async fn protect(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, FLAGS_PAGE.to_owned(), PROTECT_FORM).await;
    let (key, protection, note) =
        match parse_protection(&page.fields, &state.control.pepper, page.lang()) {
            Ok(parsed) => parsed,
            Err(errors) => return page.field_errors(errors).await,
        };
    match circumstances::store::protect(
        &state.pool,
        &controller,
        &key,
        protection,
        note.as_deref(),
        clock::now(),
    )
    .await
    {
        Ok(()) => back_to("beskyttede"),
        Err(error) => page.internal_error(&error).await,
    }
}

/// Answers a form whose subject is not there (no such item, plan,
/// question, flag or list entry, or not one the sender may act on): the
/// page again with `key`'s message, 404.
pub(crate) async fn not_found(page: FormPage<'_>, key: &str) -> Response {
    let message = page.lang().text(key);
    page.again(FieldErrors::default(), Some(message), StatusCode::NOT_FOUND)
        .await
}

/// A citizen off the protected list (the DPO), by the key the list shows.
async fn unprotect(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, FLAGS_PAGE.to_owned(), PROTECT_FORM).await;
    let key = page
        .fields
        .get("key")
        .and_then(|key| hex::decode(key.trim()).ok())
        .and_then(|bytes| SubjectKey::from_slice(&bytes));
    let removed = match key {
        Some(key) => circumstances::store::unprotect(&state.pool, &controller, &key).await,
        None => Ok(false),
    };
    match removed {
        Ok(true) => back_to("beskyttede"),
        Ok(false) => not_found(page, "protect-gone").await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// A unit's standing reason to look up a kind of protected citizen (the DPO).
async fn add_standing(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, FLAGS_PAGE.to_owned(), STANDING_FORM).await;
    let (unit, protection, reason) = match parse_standing(&page.fields, page.lang()) {
        Ok(parsed) => parsed,
        Err(errors) => return page.field_errors(errors).await,
    };
    match circumstances::store::add_standing(
        &state.pool,
        &controller,
        &unit,
        protection,
        &reason,
        clock::now(),
    )
    .await
    {
        Ok(true) => back_to("faste-grunde"),
        Ok(false) => unknown_unit(page).await,
        Err(error) => page.internal_error(&error).await,
    }
}

/// Removes a unit's standing reason (the DPO).
async fn remove_standing(
    State(state): State<AppState>,
    controller: LogController,
    request: Request,
) -> Response {
    let page = FormPage::read(&state, request, FLAGS_PAGE.to_owned(), STANDING_FORM).await;
    let unit = page.fields.get("unit").cloned().unwrap_or_default();
    let protection = page
        .fields
        .get("category")
        .and_then(|code| Protection::from_code(code));
    let removed = match protection {
        Some(protection) => {
            circumstances::store::remove_standing(&state.pool, &controller, &unit, protection).await
        }
        None => Ok(false),
    };
    match removed {
        Ok(true) => back_to("faste-grunde"),
        Ok(false) => not_found(page, "standing-gone").await,
        Err(error) => page.internal_error(&error).await,
    }
}
