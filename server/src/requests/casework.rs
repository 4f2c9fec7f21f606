//! The caseworker's forms: every action on a request
//! (`POST /sagsbehandling/<id>/<action>`), showing the CPR number in full
//! (`POST /sagsbehandling/<id>/vis-cpr`, which renders the page with the
//! number; the page's loader logs it), registering a request that came by
//! letter, phone or e-mail (`POST /sagsbehandling/registrer`), and
//! downloading an answer's attachment.
//!
//! An answer to an access request carries the citizen's whole access log as
//! a CSV file, generated here at the moment of answering.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;

use app::caller::{Caller, StaffMember};
use app::pages::casework::RevealCpr;
use app::requests::forms::{
    parse_answer, parse_extension, parse_message, parse_refusal, parse_registration, FieldErrors,
    Fields,
};
use app::requests::store::{self, NewAttachment, StaffAction};
use app::requests::{request_number, Kind};
use app::state::AppState;

use super::{done, file, missing_file, FormPage};
use crate::clock;
use crate::http::render;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sagsbehandling/registrer", post(register))
        .route("/sagsbehandling/{id}/vis-cpr", post(reveal_cpr))
        .route("/sagsbehandling/{id}/{action}", post(act))
        .route("/sagsbehandling/{id}/bilag/{attachment}", get(attachment))
}

fn staff(parts: &axum::http::request::Parts) -> Option<StaffMember> {
    match parts.extensions.get::<Caller>() {
        Some(Caller::Staff(member)) => Some(member.clone()),
        _ => None,
    }
}

async fn reveal_cpr(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    if staff(&parts).is_none() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let path = format!("/sagsbehandling/{id}");
    render::page(
        &state,
        parts,
        &path,
        || leptos::prelude::provide_context(RevealCpr),
        StatusCode::OK,
    )
    .await
}

/// Each action's address part (also the form's name on the page) and the
/// notice shown after it.
const ACTIONS: [(&str, &str); 8] = [
    ("tildel", "tildelt"),
    ("uddybning", "uddybning"),
    ("besked", "besked"),
    ("note", "note"),
    ("forlaeng", "forlaenget"),
    ("svar", "besvaret"),
    ("afvis", "afvist"),
    ("luk", "lukket"),
];

async fn act(
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, String)>,
    request: Request,
) -> Response {
    let Some((form, notice)) = ACTIONS.into_iter().find(|(form, _)| *form == action) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = format!("/sagsbehandling/{id}");
    let page = FormPage::read(&state, request, path.clone(), form).await;
    let Caller::Staff(member) = page.caller() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let fields = page.fields.clone();
    let (page, version) = match page.with_version().await {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    let now = clock::now();
    let outcome = match parse_action(form, &fields, &member) {
        Err(errors) => {
            return page
                .again(errors, None, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Ok(parsed) => {
            let log = match parsed.needs_log(&state, &member, id).await {
                Ok(log) => log,
                Err(error) => return page.store_failed(error).await,
            };
            let log = match log {
                Some(asked) => {
                    match crate::access_log::citizen_exports::access_answer_csv(
                        &state,
                        &asked.subject,
                        asked.received_at,
                        now,
                    )
                    .await
                    {
                        Ok(body) => Some(NewAttachment {
                            file_name: format!("log-{}.csv", request_number(id)),
                            content_type: "text/csv; charset=utf-8".to_owned(),
                            body,
                        }),
                        Err(error) => {
                            return page
                                .store_failed(store::StoreError::Misconfigured(format!(
                                    "cannot export the log: {error:#}"
                                )))
                                .await
                        }
                    }
                }
                None => None,
            };
            store::staff_act(
                &state.pool,
                &state.requests,
                &member,
                id,
                version,
                parsed.action(log),
                now,
            )
            .await
        }
    };
    match outcome {
        Ok(_) => done(&path, notice),
        Err(error) => page.store_failed(error).await,
    }
}

/// A caseworker's form, read.
enum Parsed {
    Assign(String),
    Clarify(String),
    Message(String),
    Note(String),
    Extend(app::requests::ExtensionReason, String),
    Answer(String),
    Refuse(app::requests::forms::Refusal),
    Close,
}

fn parse_action(form: &str, fields: &Fields, member: &StaffMember) -> Result<Parsed, FieldErrors> {
    Ok(match form {
        "tildel" => {
            // "Tildel mig" names the caller; otherwise the chosen colleague.
            let assignee = if fields.get("to_me").is_some_and(|value| value == "ja") {
                member.id.as_str()
            } else {
                fields
                    .get("assignee")
                    .map(|id| id.trim())
                    .unwrap_or_default()
            };
            if assignee.is_empty() {
                let mut errors = FieldErrors::default();
                errors
                    .0
                    .insert("assignee".to_owned(), "Vælg en sagsbehandler.".to_owned());
                return Err(errors);
            }
            Parsed::Assign(assignee.to_owned())
        }
        "uddybning" => Parsed::Clarify(parse_message(fields)?),
        "besked" => Parsed::Message(parse_message(fields)?),
        "note" => Parsed::Note(parse_message(fields)?),
        "forlaeng" => {
            let (reason, text) = parse_extension(fields)?;
            Parsed::Extend(reason, text)
        }
        "svar" => Parsed::Answer(parse_answer(fields)?),
        "afvis" => Parsed::Refuse(parse_refusal(fields)?),
        _ => Parsed::Close,
    })
}

impl Parsed {
    /// The citizen whose log must go with this answer: an answer, or a
    /// partial refusal, of an access request.
    async fn needs_log(
        &self,
        state: &AppState,
        member: &StaffMember,
        id: i64,
    ) -> Result<Option<store::AnswerSubject>, store::StoreError> {
        let answers = match self {
            Parsed::Answer(_) => true,
            Parsed::Refuse(refusal) => refusal.partly,
            _ => false,
        };
        if !answers {
            return Ok(None);
        }
        let asked = store::subject_of(&state.pool, member, id).await?;
        Ok((asked.kind == Kind::Access).then_some(asked))
    }

    fn action(&self, log: Option<NewAttachment>) -> StaffAction<'_> {
        match self {
            Parsed::Assign(assignee) => StaffAction::Assign(assignee),
            Parsed::Clarify(body) => StaffAction::AskClarification(body),
            Parsed::Message(body) => StaffAction::Message(body),
            Parsed::Note(body) => StaffAction::Note(body),
            Parsed::Extend(reason, text) => StaffAction::Extend(*reason, text),
            Parsed::Answer(body) => StaffAction::Answer(body, log),
            Parsed::Refuse(refusal) => StaffAction::Refuse(refusal, log),
            Parsed::Close => StaffAction::Close,
        }
    }
}

async fn register(State(state): State<AppState>, request: Request) -> Response {
    let path = "/sagsbehandling/registrer".to_owned();
    let page = FormPage::read(&state, request, path, "register").await;
    let Caller::Staff(member) = page.caller() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let fields = page.fields.clone();
    let now = clock::now();
    let registered = match parse_registration(&fields, now) {
        Ok(registered) => registered,
        Err(errors) => {
            return page
                .again(errors, None, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    };
    match store::register(&state.pool, &state.requests, &member, &registered, now).await {
        Ok(id) => Redirect::to(&format!("/sagsbehandling/{id}?besked=registreret")).into_response(),
        Err(error) => page.store_failed(error).await,
    }
}

async fn attachment(
    State(state): State<AppState>,
    Path((id, attachment)): Path<(i64, i64)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let Some(member) = staff(&parts) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    match store::attachment(&state.pool, id, attachment, None, Some(&member)).await {
        Ok(attachment) => file(attachment),
        Err(error) => missing_file(error),
    }
}
