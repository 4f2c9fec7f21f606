//! The citizen's requests:
//! - `/henvendelser/ny`: choose what to ask for, with each right explained;
//!   with `?opslag=ID` (from "Spørg om dette opslag" in `/min-log`) the form
//!   for a question about that log row.
//! - `/henvendelser/ny/<kind>`: the form for one kind. It posts to the same
//!   address (the server's `requests::citizen` routes); on an error the page
//!   comes back with the text kept and a message at each wrong field.
//! - `/henvendelser/<id>/kvittering`: the receipt (number, time of receipt,
//!   the date by which the municipality answers).
//! - `/henvendelser` and `/henvendelser/<id>`: the citizen's requests, each
//!   with status, deadline, history, messages, answer and attachments, and
//!   forms to reply and to withdraw.
//!
//! Every server function takes the citizen from the session; a request id
//! that is not the citizen's own is "not found".

use leptos::prelude::*;

use crate::scrolling_table::ScrollingTable;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::access_log::my_log::LogRow;
use crate::error::{AppError, ErrorAlert};
use crate::form::{
    load_form_reply, ErrorSummary, FormReply, FormState, ReturnedFormAlert, TextArea, TextInput,
    VersionField,
};
use crate::i18n::use_lang;
use crate::pages::request_parts::{
    use_request_by_path, Attachments, FactsList, History, Notice, RequestFrame,
};
use crate::requests::views::{CitizenRequest, CitizenRequestRow};
use crate::requests::{Kind, Status};

/// The signed-in citizen's visible log row `id`, if it is theirs.
#[server(endpoint = "log-row")]
pub async fn load_log_row(id: i64) -> Result<Option<LogRow>, AppError> {
    let citizen = crate::caller::Caller::current().citizen()?;
    let state = crate::state::app_state()?;
    crate::access_log::summary::row(
        state.summaries(),
        &citizen,
        id,
        crate::clock::now(),
        state.site.log_retention_months,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(AppError::internal)
}

/// The signed-in citizen's requests, newest first.
#[server(endpoint = "my-requests")]
pub async fn load_my_requests() -> Result<Vec<CitizenRequestRow>, AppError> {
    let citizen = crate::caller::Caller::current().citizen()?;
    let state = crate::state::app_state()?;
    crate::requests::store::citizen::citizen_requests(
        &state.pool,
        &citizen,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(AppError::internal)
}

/// The signed-in citizen's request `id`.
#[server(endpoint = "my-request")]
pub async fn load_my_request(id: i64) -> Result<CitizenRequest, AppError> {
    use crate::requests::store::StoreError;
    let citizen = crate::caller::Caller::current().citizen()?;
    let state = crate::state::app_state()?;
    let lang = crate::i18n::request_lang();
    match crate::requests::store::citizen::citizen_request(&state.pool, &citizen, id, lang).await {
        Ok(request) => Ok(request),
        Err(StoreError::NotFound) => Err(AppError::NotFound(lang.text(NOT_YOURS))),
        Err(error) => Err(AppError::internal(error)),
    }
}

/// `/henvendelser/ny`.
#[component]
pub fn NewRequestPage() -> impl IntoView {
    let query = use_query_map();
    let asks_about_row = query.with_untracked(|query| query.get("opslag").is_some());
    if asks_about_row {
        return view! { <RequestFormPage fixed_kind=Kind::LogQuestion/> }.into_any();
    }
    let lang = use_lang();
    view! {
        <Title text=lang.text("new-request-title")/>
        <h1>{lang.text("new-request-title")}</h1>
        <p class="font-lead">{lang.text("new-request-lead")}</p>
        <ul class="nobullet-list">
            {Kind::CHOOSABLE.into_iter().map(|kind| view! {
                <li class="mb-6">
                    <h2 class="h3"><a href=format!("/henvendelser/ny/{}", kind.slug())>{kind.title(lang)}</a></h2>
                    <p class="mb-0">{kind.explanation(lang)}</p>
                    <p class="text-small mt-2">{lang.text_with("new-request-your-right", &[("article", kind.article(lang).into())])}</p>
                </li>
            }).collect_view()}
        </ul>
        <p>
            {lang.text("new-request-ask-look-up-before")}
            <a href="/min-log">{lang.text("my-log-title")}</a>
            {lang.text("new-request-ask-look-up-after")}
        </p>
    }
    .into_any()
}

/// `/henvendelser/ny/<kind>` (or `fixed_kind` for `/henvendelser/ny?opslag=ID`).
#[component]
pub fn RequestFormPage(#[prop(optional)] fixed_kind: Option<Kind>) -> impl IntoView {
    let params = use_params_map();
    let kind = fixed_kind.or_else(|| {
        params.with_untracked(|params| params.get("kind").and_then(|slug| Kind::from_slug(&slug)))
    });
    let Some(kind) = kind else {
        return view! { <crate::error::NotFoundPage/> }.into_any();
    };
    let query = use_query_map();
    let row_in_address = query.with_untracked(|query| query.get("opslag"));
    // The form's reply and, for a question, the row: one resource, so the
    // row can also come from the reply (after a failed submission).
    let loaded = Resource::new_blocking(
        move || row_in_address.clone(),
        move |row_in_address| async move {
            let reply = load_form_reply().await?;
            if kind != Kind::LogQuestion {
                return Ok((reply, None));
            }
            let row_id = row_in_address
                .or_else(|| {
                    reply
                        .as_ref()
                        .and_then(|reply| reply.values.get("opslag").cloned())
                })
                .and_then(|id| id.trim().parse::<i64>().ok());
            let row = match row_id {
                Some(id) => load_log_row(id).await?,
                None => None,
            };
            Ok::<_, AppError>((reply, row))
        },
    );
    let lang = use_lang();
    view! {
        <Title text=kind.title(lang)/>
        <h1>{kind.title(lang)}</h1>
        <p class="font-lead">{kind.explanation(lang)}</p>
        <p>
            {lang.text_with("request-form-right", &[("article", kind.article(lang).into())])}" "
            <a href="/henvendelser">{lang.text("menu-my-requests")}</a>"."
        </p>
        <Suspense>
            {move || Suspend::new(async move {
                match loaded.await {
                    Ok((reply, row)) => {
                        let state = FormState::of(&reply, "request");
                        match (kind, row) {
                            (Kind::LogQuestion, None) => view! { <RowNotFound/> }.into_any(),
                            (_, row) => view! { <RequestForm kind state row/> }.into_any(),
                        }
                    }
                    Err(error) => view! { <ErrorAlert text=error.text(lang)/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn RowNotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="alert alert-warning" role="alert">
            <div class="alert-body">
                <p class="alert-text">
                    {lang.text("row-not-found-before")}
                    <a href="/min-log">{lang.text("row-not-found-link")}</a>
                    {lang.text("row-not-found-after")}
                </p>
            </div>
        </div>
    }
}

/// The form for `kind`; `row` is the log row a question is about.
#[component]
fn RequestForm(kind: Kind, state: FormState, row: Option<LogRow>) -> impl IntoView {
    let action = format!("/henvendelser/ny/{}", kind.slug());
    let lang = use_lang();
    let data = lang.of_danish_data();
    view! {
        <ErrorSummary state=state.clone()/>
        {row.clone().map(|row| view! {
            <h2 class="h3">{lang.text("asked-row-heading")}</h2>
            <dl>
                <dt>{lang.text("my-log-col-when")}</dt><dd>{format!("{}, {}", row.day_text, row.time_text)}</dd>
                <dt>{lang.text("my-log-col-who")}</dt><dd lang=data>{format!("{}, {}", row.unit, row.authority)}</dd>
                <dt>{lang.text("my-log-col-what")}</dt><dd>{lang.text_with("asked-row-what", &[("action", row.action.into()), ("count", row.count.into())])}</dd>
                <dt>{lang.text("my-log-col-system")}</dt><dd lang=data>{row.system}</dd>
                <dt>{lang.text("my-log-col-purpose")}</dt><dd lang=data>{row.purpose}</dd>
            </dl>
        })}
        <form method="post" action=action>
            {row.map(|row| view! { <input type="hidden" name="opslag" value=row.id/> })}
            <TextArea name="about" label=kind.about_label(lang) hint=kind.about_hint(lang) state=state.clone()/>
            {(kind == Kind::Rectification).then(|| view! {
                <TextArea name="what_is_wrong" label=lang.text("field-what-is-wrong") state=state.clone() rows=3/>
                <TextArea name="what_is_right" label=lang.text("field-what-is-right") state=state.clone() rows=3/>
            })}
            {(kind == Kind::Objection).then(|| view! {
                <TextArea
                    name="situation"
                    label=lang.text("field-situation")
                    hint=lang.text("field-situation-hint")
                    state=state.clone()
                />
            })}
            <TextInput
                name="notify_email"
                label=lang.text("field-notify-email")
                hint=lang.text("field-notify-email-hint")
                state=state.clone()
                kind="email"
                autocomplete="email"
            />
            <button type="submit" class="button button-primary">{lang.text("request-send")}</button>
        </form>
    }
}

/// `/henvendelser/<id>/kvittering`.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let request = use_request_from_path();
    let lang = use_lang();
    view! {
        <Title text=lang.text("receipt-title")/>
        <h1>{lang.text("receipt-heading")}</h1>
        <Suspense>
            {move || Suspend::new(async move {
                match request.await {
                    Ok(request) => {
                        let facts = request.facts;
                        view! {
                            <Title text=lang.text_with("receipt-title-of", &[("number", facts.number.clone().into())])/>
                            <div class="alert alert-success" role="status">
                                <div class="alert-body">
                                    <p class="alert-heading">{lang.text_with("request-number", &[("number", facts.number.clone().into())])}</p>
                                    <p class="alert-text">
                                        {lang.text_with("receipt-received", &[("received", facts.received.clone().into()), ("due", facts.due.clone().into())])}
                                    </p>
                                </div>
                            </div>
                            <FactsList facts=facts.clone() for_citizen=true/>
                            <p>{lang.text("receipt-deadline")}</p>
                            <p>{match request.notify_email {
                                Some(email) => lang.text_with("receipt-mail", &[("email", email.into())]),
                                None => lang.text("receipt-no-mail"),
                            }}</p>
                            <PrintButton/>
                            <p><a href=format!("/henvendelser/{}", facts.id)>{lang.text("receipt-follow")}</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => {
                        crate::error::set_status(error.status());
                        view! { <ErrorAlert text=error.text(lang)/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// "Udskriv kvittering": the sentence pointing to the browser's own print
/// menu, and a button that opens the print dialogue where JavaScript runs.
#[component]
fn PrintButton() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="d-print-none">
            {lang.text("receipt-print-how")}" "
            <PrintDialogueButton label=lang.text("receipt-print")/>
        </p>
    }
}

/// The button itself: an island, shown only once it runs in the browser
/// (without JavaScript it could do nothing).
#[island]
fn PrintDialogueButton(label: String) -> impl IntoView {
    let running = RwSignal::new(false);
    Effect::new(move |_| running.set(true));
    move || {
        running.get().then(|| {
            view! {
                <button type="button" class="button button-secondary" on:click=|_| print_page()>{label.clone()}</button>
            }
        })
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    if let Err(error) = window().print() {
        leptos::logging::error!("cannot print: {error:?}");
    }
}

/// The key of "not among your requests".
const NOT_YOURS: &str = "request-not-yours";

/// The citizen's request named by `:id` in the address.
fn use_request_from_path() -> Resource<Result<CitizenRequest, AppError>> {
    use_request_by_path(load_my_request, NOT_YOURS)
}

/// `/henvendelser`.
#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let requests = Resource::new_blocking(|| (), |_| load_my_requests());
    let lang = use_lang();
    view! {
        <Title text=lang.text("menu-my-requests")/>
        <h1>{lang.text("menu-my-requests")}</h1>
        <p class="font-lead">{lang.text("my-requests-lead")}</p>
        <p><a class="button button-primary" href="/henvendelser/ny">{lang.text("new-request-title")}</a></p>
        <Suspense>
            {move || Suspend::new(async move {
                match requests.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{lang.text("my-requests-none")}</p> }.into_any(),
                    Ok(rows) => view! { <RequestTable rows/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.text(lang)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RequestTable(rows: Vec<CitizenRequestRow>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ScrollingTable label=lang.text("my-requests-table")>
            <table class="table">
                <caption class="sr-only">{lang.text("my-requests-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.text("col-number")}</th>
                        <th scope="col">{lang.text("col-about")}</th>
                        <th scope="col">{lang.text("col-received")}</th>
                        <th scope="col">{lang.text("col-status")}</th>
                        <th scope="col">{lang.text("col-deadline")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <td><a href=format!("/henvendelser/{}", row.id)>{row.number}</a></td>
                            <td>{row.kind.label(lang)}</td>
                            <td>{row.received}</td>
                            <td>{if row.status == Status::AwaitingCitizen {
                                view! { <strong>{row.status.citizen_label(lang)}</strong> }.into_any()
                            } else {
                                view! { {row.status.citizen_label(lang)} }.into_any()
                            }}</td>
                            <td>{row.deadline}{row.extended.then(|| format!(" ({})", lang.text("deadline-extended")))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
}

/// The heading of the citizen's form named `form` on their request's page.
fn citizen_form_heading(form: &str) -> Option<String> {
    let lang = use_lang();
    match form {
        "message" => Some(lang.text("citizen-form-message")),
        "withdraw" => Some(lang.text("citizen-form-withdraw")),
        _ => None,
    }
}

/// `/henvendelser/<id>`.
#[component]
pub fn MyRequestPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <RequestFrame
            title=lang.text("my-request-title")
            request=use_request_from_path()
            back=("/henvendelser", lang.text("back-to-my-requests"))
            render=|request, reply, notice| view! { <MyRequest request reply notice/> }.into_any()
        />
    }
}

#[component]
fn MyRequest(
    request: CitizenRequest,
    reply: Option<FormReply>,
    notice: Option<String>,
) -> impl IntoView {
    let facts = request.facts;
    let base = format!("/henvendelser/{}", facts.id);
    let open = facts.status.is_open();
    let withdraw_state = FormState::of(&reply, "withdraw");
    // While the municipality waits for the citizen, the question and the
    // reply form come first; otherwise the form to write follows the history.
    let question = facts.pending_question.clone();
    let awaited = question.is_some();
    let message_form = {
        let state = FormState::of(&reply, "message");
        let base = base.clone();
        let version = facts.version;
        move || view! { <MessageForm state base version awaited/> }
    };
    let lang = use_lang();
    let name = format!("{} {}", facts.kind.label(lang), facts.number);
    view! {
        <Title text=name.clone()/>
        <h1>{name}</h1>
        <Notice code=notice/>
        <ReturnedFormAlert reply=reply.clone() heading_of=citizen_form_heading/>
        {question.map(|question| view! {
            <div class="alert alert-warning" role="region" aria-labelledby="awaited-heading">
                <div class="alert-body">
                    <h2 class="alert-heading h3" id="awaited-heading">{lang.text("status-awaiting_citizen-to-citizen")}</h2>
                    <p class="alert-text">{lang.text("awaited-asked")}</p>
                    <blockquote class="pre-line">{question}</blockquote>
                    <p class="alert-text">{lang.text("awaited-deadline")}</p>
                </div>
            </div>
        })}
        {(open && awaited).then(message_form.clone())}
        <FactsList facts=facts.clone() for_citizen=true/>
        {request.notify_email.map(|email| view! {
            <p class="text-small">{lang.text_with("my-request-mail", &[("email", email.into())])}</p>
        })}
        <Attachments facts=facts.clone() base=base.clone()/>
        <History entries=facts.history.clone() written_in=facts.written_in/>
        {(open && !awaited).then(message_form)}
        {open.then(|| view! {
            <section id=withdraw_state.section_id() tabindex="-1" aria-labelledby="withdraw-heading">
                <h2 id="withdraw-heading">{citizen_form_heading("withdraw")}</h2>
                <ErrorSummary state=withdraw_state.clone() focus=false/>
                <p>{lang.text("withdraw-explained")}</p>
                <form method="post" action=format!("{base}/tilbagetraek")>
                    <VersionField version=facts.version/>
                    <button type="submit" class="button button-secondary">{lang.text("citizen-form-withdraw")}</button>
                </form>
            </section>
        }.into_any())}
        <p class="mt-6"><a href="/henvendelser">{lang.text("back-to-my-requests")}</a></p>
    }
}

/// The citizen's form to write to the municipality: an answer to its
/// question when it `awaited` one, otherwise a message.
#[component]
fn MessageForm(state: FormState, base: String, version: i32, awaited: bool) -> impl IntoView {
    let lang = use_lang();
    let (label, button) = if awaited {
        (
            lang.text("field-your-reply"),
            lang.text("citizen-send-reply"),
        )
    } else {
        (
            lang.text("field-your-message"),
            lang.text("citizen-send-message"),
        )
    };
    view! {
        <section id=state.section_id() tabindex="-1" aria-labelledby="message-heading">
            <h2 id="message-heading">{citizen_form_heading("message")}</h2>
            <ErrorSummary state=state.clone() focus=false/>
            <form method="post" action=format!("{base}/besked")>
                <VersionField version/>
                <TextArea name="body" label=label state=state.clone()/>
                <button type="submit" class="button button-primary">{button}</button>
            </form>
        </section>
    }
}
