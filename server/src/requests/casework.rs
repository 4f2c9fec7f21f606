//! The caseworker's forms: every action on a request
//! (`POST /sagsbehandling/<id>/<action>`), showing the CPR number in full
//! (`POST /sagsbehandling/<id>/vis-cpr`, which sends the caseworker back to
//! the page with the number shown once; the page's loader logs it), the
//! DPO's advice on a request a caseworker asked about
//! (`POST /sagsbehandling/<id>/raad`), registering a request that came by
//! letter, phone or e-mail (`POST /sagsbehandling/registrer`), and
//! downloading an answer's attachment.
//!
//! An answer to an access request carries the citizen's whole access log as
//! a CSV file, generated here at the moment of answering.

use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::http::route_list::Routes;

use app::access_log::coverage::local_date;
use app::caller::StaffMember;
use app::capability::{CaseActor, CaseReader};
use app::error::AppError;
use app::requests::actions::{CaseAction, Notice};
use app::requests::documents;
use app::requests::forms::parse_sent_on;
use app::requests::forms::{
    parse_answer, parse_extension, parse_message, parse_refusal, parse_registration, FieldErrors,
    Fields,
};
use app::requests::forms::{with_advice_outcome, AdviceOutcome};
use app::requests::request_number;
use app::requests::store::casework::ActingOn;
use app::requests::store::{
    casework, AnswerLog, Enclosed, NewAttachment, StaffAction, StaffFile, StoreError,
};
use app::requests::store::{consultation, letters};
use app::state::AppState;

use super::{done, file, FormPage};
use crate::access_log::citizen_exports::{access_answer_log, to_csv};
use crate::clock;
use crate::http::download::CSV_CONTENT_TYPE;
use crate::http::error::HttpError;
use crate::http::flash::{self, Carried};

/// The case routes. An action's form may carry documents: its route lifts
/// axum's default body limit, and the form reader applies its own
/// (`super::form_limit`), which keeps what was typed when files are too large.
pub fn routes() -> Routes<AppState> {
    Routes::new()
        .post("/sagsbehandling/registrer", register)
        .post("/sagsbehandling/{id}/vis-cpr", reveal_cpr)
        .post(ADVICE_PATH, advise)
        .post("/sagsbehandling/{id}/brev/{entry}/sendt", letter_sent)
        .add(
            Method::POST,
            "/sagsbehandling/{id}/{action}",
            axum::routing::post(act).layer(DefaultBodyLimit::disable()),
        )
        .get("/sagsbehandling/{id}/bilag/{attachment}", attachment)
}

/// Shows the CPR number in full once: back to the case page, whose next
/// rendering reveals (and logs) it; a reload shows it masked again.
async fn reveal_cpr(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    actor: CaseActor,
    request: Request,
) -> Result<Response, HttpError> {
    casework::check_acts_on(&state.pool, &actor, id).await?;
    let (parts, _) = request.into_parts();
    let path = format!("/sagsbehandling/{id}");
    Ok(flash::redirect_with(&parts, &path, "#cpr", Carried::RevealCpr).await)
}

/// A caseworker's action on request `id`; the action is named by the last
/// part of the address ([`CaseAction::from_slug`]), anything else is 404.
async fn act(
    State(state): State<AppState>,
    Path((id, slug)): Path<(i64, String)>,
    request: Request,
) -> Response {
    let Some(action) = CaseAction::from_slug(&slug) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = format!("/sagsbehandling/{id}");
    // Who may post here, and on which request, is settled before the body
    // (which may carry files) is read. The DPO has no action forms: a post
    // of one is refused outright, and another unit's request is not found.
    let (parts, body) = request.into_parts();
    let actor = match acting_caseworker(&app::caller::Caller::of(&parts), ONLY_CASEWORKERS) {
        Ok(actor) => actor,
        Err(refused) => return refused.at_once(super::lang_of(&parts)),
    };
    let acting_on = match casework::check_acts_on(&state.pool, &actor, id).await {
        Ok(acting_on) => acting_on,
        Err(error) => {
            let unread = Request::from_parts(parts, axum::body::Body::empty());
            let page = FormPage::read(&state, unread, path, action.slug()).await;
            return page.store_failed(error).await;
        }
    };
    let request = Request::from_parts(parts, body);
    let page = FormPage::read(&state, request, path.clone(), action.slug()).await;
    let fields = page.fields.clone();
    let lang = page.lang();
    // Files beyond the route's limit: what was typed comes back, the
    // files must be chosen again.
    let max_bytes = state.requests.document_max_bytes;
    if page.too_large {
        let errors = documents::too_large_in_all(max_bytes, lang);
        return page
            .again(errors, None, StatusCode::PAYLOAD_TOO_LARGE)
            .await;
    }
    let (mut page, version) = match page.with_version().await {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    let now = clock::now();
    let uploads = std::mem::take(&mut page.uploads);
    let parsed =
        parse_action(action, &fields, actor.member(), acting_on, lang).and_then(|parsed| {
            // Only a decision carries documents; any other form sends none.
            let attached = if parsed.decides() {
                documents::check_documents(uploads, max_bytes, lang)?
            } else {
                Vec::new()
            };
            Ok((parsed, attached))
        });
    let (parsed, attached) = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => return page.field_errors(errors).await,
    };
    let log = match parsed.log_for_answer(&state, &actor, id, now).await {
        Ok(log) => log,
        Err(error) => return page.store_failed(error).await,
    };
    let outcome = casework::staff_act(
        &state.pool,
        &state.requests,
        &actor,
        id,
        version,
        parsed.action(log, attached),
        now,
    )
    .await;
    match outcome {
        // The request has left the unit: back to the queue.
        Ok(_) if action == CaseAction::Transfer => done("/sagsbehandling", action.notice()),
        Ok(_) => done(&path, action.notice()),
        Err(error) => page.store_failed(error).await,
    }
}

/// Records the day the letter about entry `entry` of request `id` was
/// sent; back to the case page, or to the letter with what is wrong.
async fn letter_sent(
    State(state): State<AppState>,
    Path((id, entry)): Path<(i64, i64)>,
    request: Request,
) -> Response {
    let letter_page = format!("/sagsbehandling/{id}/brev/{entry}");
    let page = FormPage::read(&state, request, letter_page, LETTER_SENT_FORM).await;
    let actor = match acting_caseworker(&page.caller(), ONLY_CASEWORKERS) {
        Ok(actor) => actor,
        Err(refused) => return refused.at_once(page.lang()),
    };
    let earliest = match letters::letter_day(&state.pool, &actor, id, entry).await {
        Ok(day) => day,
        Err(error) => return page.store_failed(error).await,
    };
    let now = clock::now();
    let lang = page.lang();
    let sent_on = match parse_sent_on(&page.fields, earliest, local_date(now), lang) {
        Ok(day) => day,
        Err(errors) => return page.field_errors(errors).await,
    };
    let (page, version) = match page.with_version().await {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    match letters::record_sent(&state.pool, &actor, id, version, entry, sent_on, now).await {
        Ok(()) => done(&format!("/sagsbehandling/{id}"), Notice::LetterSent),
        Err(error) => page.store_failed(error).await,
    }
}

/// The letter page's form.
const LETTER_SENT_FORM: &str = app::pages::letter::SENT_FORM;

/// Where the DPO's advice on request `{id}` is posted.
const ADVICE_PATH: &str = "/sagsbehandling/{id}/raad";

/// The DPO's advice on request `id`, which a caseworker asked for; the one
/// form the DPO posts on a request. Anyone else is refused before the form
/// is read; a second advice finds no question waiting and is refused.
async fn advise(State(state): State<AppState>, Path(id): Path<i64>, request: Request) -> Response {
    let path = format!("/sagsbehandling/{id}");
    let page = FormPage::read(&state, request, path.clone(), ADVICE_FORM).await;
    let adviser = match page.caller().dpo_adviser() {
        Ok(adviser) => adviser,
        Err(refused) => return refused.into_response(),
    };
    let lang = page.lang();
    let advice = match app::requests::forms::parse_message(&page.fields, lang) {
        Ok(advice) => advice,
        Err(errors) => return page.field_errors(errors).await,
    };
    let (page, version) = match page.with_version().await {
        Ok(checked) => checked,
        Err(response) => return response,
    };
    let now = clock::now();
    match consultation::advise(
        &state.pool,
        &state.requests,
        &adviser,
        id,
        version,
        &advice,
        now,
    )
    .await
    {
        Ok(()) => done(&path, Notice::DpoAdvised),
        Err(error) => page.store_failed(error).await,
    }
}

/// The advice form's name on the case page.
const ADVICE_FORM: &str = app::pages::casework::ADVICE_FORM;

/// Told a reader who is not a caseworker of the request's unit (a key).
const ONLY_CASEWORKERS: &str = "only-caseworkers";

/// Told a reader who is not a caseworker when registering a request.
const ONLY_CASEWORKERS_REGISTER: &str = "only-caseworkers-register";

/// Why a form's sender may not act.
enum NotActing {
    /// A reader who does not act (the DPO): the page again with the text
    /// of key `0`.
    Reader(&'static str),
    /// Anyone else: the capability's refusal.
    Denied(AppError),
}

impl NotActing {
    /// The refusal answered at once (409 for the DPO, the capability's
    /// status for anyone else): a form a reader cannot post has no page to
    /// go back to.
    fn at_once(self, lang: app::i18n::Lang) -> Response {
        match self {
            NotActing::Reader(key) => AppError::Refused(lang.text(key)).into_response(),
            NotActing::Denied(error) => error.into_response(),
        }
    }

    async fn answer(self, page: FormPage<'_>) -> Response {
        match self {
            NotActing::Reader(key) => page.store_failed(StoreError::NotAllowed(key)).await,
            NotActing::Denied(error) => error.into_response(),
        }
    }
}

/// `caller` as a caseworker who acts; the DPO reads every unit's requests
/// but does not act on them and is told `refusal`.
fn acting_caseworker(
    caller: &app::caller::Caller,
    refusal: &'static str,
) -> Result<CaseActor, NotActing> {
    caller.case_actor().map_err(|error| {
        if caller.case_reader().is_ok() {
            NotActing::Reader(refusal)
        } else {
            NotActing::Denied(error)
        }
    })
}

/// A caseworker's form, read.
enum Parsed {
    Assign(String),
    Clarify(String),
    Message(String),
    Note(String),
    Extend(app::requests::ExtensionReason, String),
    Answer(String, Option<AdviceOutcome>),
    Refuse(app::requests::forms::Refusal, Option<AdviceOutcome>),
    Close,
    AssessHidden(app::requests::forms::HiddenAssessment),
    Transfer(app::requests::forms::Transfer),
    AskDpo(String),
}

fn parse_action(
    action: CaseAction,
    fields: &Fields,
    member: &StaffMember,
    acting_on: ActingOn,
    lang: app::i18n::Lang,
) -> Result<Parsed, FieldErrors> {
    let ActingOn { kind, advised } = acting_on;
    Ok(match action {
        CaseAction::Assign => {
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
                let mut errors = FieldErrors::new(lang);
                errors
                    .0
                    .insert("assignee".to_owned(), lang.text("form-assignee-missing"));
                return Err(errors);
            }
            Parsed::Assign(assignee.to_owned())
        }
        CaseAction::AskClarification => Parsed::Clarify(parse_message(fields, lang)?),
        CaseAction::Message => Parsed::Message(parse_message(fields, lang)?),
        CaseAction::Note => Parsed::Note(parse_message(fields, lang)?),
        CaseAction::Extend => {
            let (reason, text) = parse_extension(fields, lang)?;
            Parsed::Extend(reason, text)
        }
        CaseAction::Answer => {
            let (answer, outcome) =
                with_advice_outcome(parse_answer(fields, lang), fields, advised, lang)?;
            Parsed::Answer(answer, outcome)
        }
        CaseAction::Refuse => {
            let (refusal, outcome) =
                with_advice_outcome(parse_refusal(fields, kind, lang), fields, advised, lang)?;
            Parsed::Refuse(refusal, outcome)
        }
        CaseAction::AskDpo => Parsed::AskDpo(parse_message(fields, lang)?),
        CaseAction::Close => Parsed::Close,
        CaseAction::Transfer => {
            Parsed::Transfer(app::requests::forms::parse_transfer(fields, lang)?)
        }
        CaseAction::AssessHidden => {
            Parsed::AssessHidden(app::requests::forms::parse_hidden_assessment(fields, lang)?)
        }
    })
}

impl Parsed {
    /// The citizen's access log as the attachment of this action, when it
    /// answers (in full or in part) an access request.
    async fn log_for_answer(
        &self,
        state: &AppState,
        actor: &CaseActor,
        id: i64,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<AnswerLog>, StoreError> {
        let answers = match self {
            Parsed::Answer(..) => true,
            Parsed::Refuse(refusal, _) => refusal.partly,
            _ => false,
        };
        if !answers {
            return Ok(None);
        }
        let subject = casework::answer_subject(&state.pool, actor, id).await?;
        let Some(access) = subject.access else {
            return Ok(None);
        };
        let (body, rows) = access_answer_log(state, &access, now, subject.lang)
            .await
            .map_err(|error| {
                StoreError::Misconfigured(format!("cannot export the log: {error:#}"))
            })?;
        Ok(Some(AnswerLog {
            file: NewAttachment {
                file_name: format!("log-{}.csv", request_number(id)),
                content_type: CSV_CONTENT_TYPE.to_owned(),
                body,
            },
            rows,
        }))
    }

    /// Whether the action decides the request (and may carry documents).
    fn decides(&self) -> bool {
        matches!(self, Parsed::Answer(..) | Parsed::Refuse(..))
    }

    fn action(&self, log: Option<AnswerLog>, documents: Vec<NewAttachment>) -> StaffAction<'_> {
        match self {
            Parsed::Assign(assignee) => StaffAction::Assign(assignee),
            Parsed::Clarify(body) => StaffAction::AskClarification(body),
            Parsed::Message(body) => StaffAction::Message(body),
            Parsed::Note(body) => StaffAction::Note(body),
            Parsed::Extend(reason, text) => StaffAction::Extend(*reason, text),
            Parsed::Answer(body, advice) => StaffAction::Answer(
                body,
                Enclosed {
                    log,
                    documents,
                    advice: advice.as_ref(),
                },
            ),
            Parsed::Refuse(refusal, advice) => StaffAction::Refuse(
                refusal,
                Enclosed {
                    log,
                    documents,
                    advice: advice.as_ref(),
                },
            ),
            Parsed::Close => StaffAction::Close,
            Parsed::AssessHidden(assessment) => StaffAction::AssessHidden(assessment),
            Parsed::Transfer(transfer) => StaffAction::Transfer(transfer),
            Parsed::AskDpo(question) => StaffAction::AskDpo(question),
        }
    }
}

async fn register(State(state): State<AppState>, request: Request) -> Response {
    let path = "/sagsbehandling/registrer".to_owned();
    let page = FormPage::read(&state, request, path, "register").await;
    let actor = match acting_caseworker(&page.caller(), ONLY_CASEWORKERS_REGISTER) {
        Ok(actor) => actor,
        Err(refused) => return refused.answer(page).await,
    };
    let fields = page.fields.clone();
    let now = clock::now();
    let registered = match parse_registration(&fields, now, page.lang()) {
        Ok(registered) => registered,
        Err(errors) => return page.field_errors(errors).await,
    };
    match casework::register(&state.pool, &state.requests, &actor, &registered, now).await {
        Ok(id) => done(&format!("/sagsbehandling/{id}"), Notice::Registered),
        Err(error) => page.store_failed(error).await,
    }
}

async fn attachment(
    State(state): State<AppState>,
    Path((id, attachment)): Path<(i64, i64)>,
    reader: CaseReader,
) -> Result<Response, HttpError> {
    let now = clock::now();
    let settings = &state.requests;
    let staff_file =
        casework::case_attachment(&state.pool, settings, &reader, id, attachment, now).await?;
    Ok(match staff_file {
        StaffFile::Stored(stored) => file(stored),
        // The log with only the rows this reader may see, written as the
        // citizen's file was.
        StaffFile::AnswerLog {
            file_name,
            rows,
            lang,
        } => {
            let body = to_csv(&rows, lang)
                .map_err(|error| HttpError::internal("write the answer's log", &error))?;
            crate::http::download::download(CSV_CONTENT_TYPE, &file_name, body)
        }
    })
}
