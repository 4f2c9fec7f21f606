//! The citizen's request forms: file a request (`POST /henvendelser/ny/<kind>`),
//! write to the caseworker (`POST /henvendelser/<id>/besked`), withdraw
//! (`POST /henvendelser/<id>/tilbagetraek`), and download an answer's
//! attachment. The citizen is taken from the session only.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::http::route_list::Routes;

use app::access_log::summary;
use app::capability::{Citizen, SIGN_IN_AGAIN};
use app::requests::actions::Notice;
use app::requests::forms::{parse_citizen_request, parse_message, FieldErrors};
use app::requests::store::citizen as citizen_store;
use app::requests::store::{self, AskedRow, CitizenAction};
use app::requests::Kind;
use app::state::AppState;

use super::{done, file, FormPage};
use crate::clock;
use crate::http::error::HttpError;

pub fn routes() -> Routes<AppState> {
    Routes::new()
        .post("/henvendelser/ny/{kind}", file_request)
        .post("/henvendelser/{id}/besked", reply)
        .post("/henvendelser/{id}/tilbagetraek", withdraw)
        .get("/henvendelser/{id}/bilag/{attachment}", attachment)
}

async fn file_request(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: Request,
) -> Response {
    let Some(kind) = Kind::from_slug(&slug) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = format!("/henvendelser/ny/{slug}");
    let page = FormPage::read(&state, request, path, "request").await;
    let caller = page.caller();
    let lang = page.lang();
    let fields = page.fields.clone();
    let citizen = match caller.citizen() {
        Ok(citizen) => citizen,
        Err(error) => return error.into_response(),
    };
    let Ok(filing) = caller.filing_citizen() else {
        return page
            .again(
                FieldErrors::default(),
                Some(lang.text(SIGN_IN_AGAIN)),
                StatusCode::UNAUTHORIZED,
            )
            .await;
    };
    let now = clock::now();
    // A question must be about one of the citizen's own visible rows; the
    // copy kept with the request is in Danish, the municipality's record.
    let asked = if kind == Kind::LogQuestion {
        let id = fields
            .get("opslag")
            .and_then(|id| id.trim().parse::<i64>().ok());
        let row = match id {
            Some(id) => {
                summary::row(
                    state.summaries(),
                    &citizen,
                    id,
                    now,
                    state.site.log_retention_months,
                    app::i18n::Lang::Da,
                )
                .await
            }
            None => Ok(None),
        };
        match (id, row) {
            (Some(id), Ok(Some(row))) => Some((id, row)),
            (_, Ok(None)) | (None, _) => {
                let message = lang.text("asked-row-missing");
                return page
                    .again(
                        FieldErrors::default(),
                        Some(message),
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await;
            }
            (_, Err(error)) => return page.store_failed(error.into()).await,
        }
    } else {
        None
    };
    let text = match parse_citizen_request(kind, &fields, lang) {
        Ok(text) => text,
        Err(errors) => return page.field_errors(errors).await,
    };
    let asked_row = asked.as_ref().map(|(id, row)| AskedRow { id: *id, row });
    let filed = store::file(
        &state.pool,
        &state.requests,
        &filing,
        &text,
        asked_row,
        now,
        lang,
    );
    match filed.await {
        Ok(id) => Redirect::to(&format!("/henvendelser/{id}/kvittering")).into_response(),
        Err(error) => page.store_failed(error).await,
    }
}

/// What the citizen does on their request's page, with the form's name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CitizenForm {
    Reply,
    Withdraw,
}

impl CitizenForm {
    fn name(self) -> &'static str {
        match self {
            CitizenForm::Reply => "message",
            CitizenForm::Withdraw => "withdraw",
        }
    }

    fn notice(self) -> Notice {
        match self {
            CitizenForm::Reply => Notice::CitizenMessageSent,
            CitizenForm::Withdraw => Notice::Withdrawn,
        }
    }
}

async fn reply(
    state: State<AppState>,
    id: Path<i64>,
    citizen: Citizen,
    request: Request,
) -> Response {
    act(state, id, citizen, request, CitizenForm::Reply).await
}

async fn withdraw(
    state: State<AppState>,
    id: Path<i64>,
    citizen: Citizen,
    request: Request,
) -> Response {
    act(state, id, citizen, request, CitizenForm::Withdraw).await
}

/// A reply or a withdrawal on the citizen's own request `id`.
async fn act(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    citizen: Citizen,
    request: Request,
    form: CitizenForm,
) -> Response {
    let path = format!("/henvendelser/{id}");
    let page = FormPage::read(&state, request, path.clone(), form.name()).await;
    // Someone else's request is not found, before anything is read.
    if let Err(error) = citizen_store::check_owned(&state.pool, &citizen, id).await {
        return page.store_failed(error).await;
    }
    let fields = page.fields.clone();
    let lang = page.lang();
    let (page, version) = match page.with_version().await {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    let body;
    let action = if form == CitizenForm::Reply {
        body = match parse_message(&fields, lang) {
            Ok(body) => body,
            Err(errors) => return page.field_errors(errors).await,
        };
        CitizenAction::Reply(&body)
    } else {
        CitizenAction::Withdraw
    };
    match citizen_store::citizen_act(&state.pool, &citizen, id, version, action, clock::now()).await
    {
        Ok(_) => done(&path, form.notice()),
        Err(error) => page.store_failed(error).await,
    }
}

async fn attachment(
    State(state): State<AppState>,
    Path((id, attachment)): Path<(i64, i64)>,
    citizen: Citizen,
) -> Result<Response, HttpError> {
    Ok(file(
        citizen_store::citizen_attachment(&state.pool, &citizen, id, attachment).await?,
    ))
}
