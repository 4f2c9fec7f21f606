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
        &state.pool,
        &citizen,
        id,
        crate::clock::now(),
        state.site.log_retention_months,
    )
    .await
    .map_err(AppError::internal)
}

/// The signed-in citizen's requests, newest first.
#[server(endpoint = "my-requests")]
pub async fn load_my_requests() -> Result<Vec<CitizenRequestRow>, AppError> {
    let citizen = crate::caller::Caller::current().citizen()?;
    let state = crate::state::app_state()?;
    crate::requests::store::citizen::citizen_requests(&state.pool, &citizen)
        .await
        .map_err(AppError::internal)
}

/// The signed-in citizen's request `id`.
#[server(endpoint = "my-request")]
pub async fn load_my_request(id: i64) -> Result<CitizenRequest, AppError> {
    use crate::requests::store::StoreError;
    let citizen = crate::caller::Caller::current().citizen()?;
    let state = crate::state::app_state()?;
    match crate::requests::store::citizen::citizen_request(&state.pool, &citizen, id).await {
        Ok(request) => Ok(request),
        Err(StoreError::NotFound) => Err(AppError::NotFound(NOT_YOURS.to_owned())),
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
    view! {
        <Title text="Ny henvendelse"/>
        <h1>"Ny henvendelse"</h1>
        <p class="font-lead">
            "Du har en række rettigheder, når kommunen behandler oplysninger om dig. Vælg, hvad du vil bede om. "
            "Kommunen skal svare dig senest en måned efter, at de har modtaget din henvendelse. "
            "Er sagen kompliceret, kan fristen forlænges med to måneder; så får du besked inden for den første måned med en begrundelse."
        </p>
        <ul class="nobullet-list">
            {Kind::CHOOSABLE.into_iter().map(|kind| view! {
                <li class="mb-6">
                    <h2 class="h3"><a href=format!("/henvendelser/ny/{}", kind.slug())>{kind.title()}</a></h2>
                    <p class="mb-0">{kind.explanation()}</p>
                    <p class="text-small mt-2">{format!("Din ret efter {}.", kind.article())}</p>
                </li>
            }).collect_view()}
        </ul>
        <p>
            "Vil du spørge om et bestemt opslag i din log? Gå til "
            <a href="/min-log">"Hvem har set mine oplysninger?"</a>
            " og vælg \"Spørg om dette opslag\" ved linjen."
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
    view! {
        <Title text=kind.title()/>
        <h1>{kind.title()}</h1>
        <p class="font-lead">{kind.explanation()}</p>
        <p>{format!("Din ret efter {}. Kommunen svarer senest en måned efter modtagelsen; du kan følge henvendelsen under ", kind.article())}<a href="/henvendelser">"Mine henvendelser"</a>"."</p>
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
                    Err(error) => view! { <ErrorAlert text=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn RowNotFound() -> impl IntoView {
    view! {
        <div class="alert alert-warning" role="alert">
            <div class="alert-body">
                <p class="alert-text">
                    "Vi kan ikke finde opslaget i din log. Gå tilbage til "
                    <a href="/min-log">"din log"</a>
                    " og vælg \"Spørg om dette opslag\" ved den linje, du vil spørge om."
                </p>
            </div>
        </div>
    }
}

/// The form for `kind`; `row` is the log row a question is about.
#[component]
fn RequestForm(kind: Kind, state: FormState, row: Option<LogRow>) -> impl IntoView {
    let action = format!("/henvendelser/ny/{}", kind.slug());
    view! {
        <ErrorSummary state=state.clone()/>
        {row.clone().map(|row| view! {
            <h2 class="h3">"Opslaget, du spørger om"</h2>
            <dl>
                <dt>"Hvornår"</dt><dd>{format!("{}, {}", row.day_text, row.time_text)}</dd>
                <dt>"Hvem"</dt><dd>{format!("{}, {}", row.unit, row.authority)}</dd>
                <dt>"Hvad"</dt><dd>{format!("{} ({} gange)", row.action, row.count)}</dd>
                <dt>"System"</dt><dd>{row.system}</dd>
                <dt>"Formål"</dt><dd>{row.purpose}</dd>
            </dl>
        })}
        <form method="post" action=action>
            {row.map(|row| view! { <input type="hidden" name="opslag" value=row.id/> })}
            <TextArea name="about" label=kind.about_label() hint=kind.about_hint() state=state.clone()/>
            {(kind == Kind::Rectification).then(|| view! {
                <TextArea name="what_is_wrong" label="Hvad er forkert?" state=state.clone() rows=3/>
                <TextArea name="what_is_right" label="Hvad er det rigtige?" state=state.clone() rows=3/>
            })}
            {(kind == Kind::Objection).then(|| view! {
                <TextArea
                    name="situation"
                    label="Hvad er din særlige situation?"
                    hint="Fortæl, hvorfor behandlingen er et problem netop for dig."
                    state=state.clone()
                />
            })}
            <TextInput
                name="notify_email"
                label="Din e-mailadresse (frivillig)"
                hint="Vi skriver kun, at der er nyt i din henvendelse, aldrig hvad sagen handler om."
                state=state.clone()
                kind="email"
                autocomplete="email"
            />
            <button type="submit" class="button button-primary">"Send henvendelse"</button>
        </form>
    }
}

/// `/henvendelser/<id>/kvittering`.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let request = use_request_from_path();
    view! {
        <Title text="Kvittering"/>
        <h1>"Vi har modtaget din henvendelse"</h1>
        <Suspense>
            {move || Suspend::new(async move {
                match request.await {
                    Ok(request) => {
                        let facts = request.facts;
                        view! {
                            <Title text=format!("Kvittering for henvendelse {}", facts.number)/>
                            <div class="alert alert-success" role="status">
                                <div class="alert-body">
                                    <p class="alert-heading">{format!("Henvendelse {}", facts.number)}</p>
                                    <p class="alert-text">
                                        {format!("Modtaget {}. Kommunen svarer dig senest {}.", facts.received, facts.due)}
                                    </p>
                                </div>
                            </div>
                            <FactsList facts=facts.clone() for_citizen=true/>
                            <p>
                                "Fristen er en måned fra modtagelsen. Kan kommunen ikke nå det, fordi sagen er kompleks, "
                                "får du besked med en begrundelse inden fristen, og fristen kan så forlænges med højst to måneder."
                            </p>
                            <p>{match request.notify_email {
                                Some(email) => format!("Vi skriver til {email}, når kommunen har svaret, eller hvis kommunen har brug for noget fra dig. Selve svaret læser du her i portalen."),
                                None => "Du har ikke oplyst en e-mailadresse, så du får ikke besked, når der er nyt. Se selv efter under \"Mine henvendelser\".".to_owned(),
                            }}</p>
                            <PrintButton/>
                            <p><a href=format!("/henvendelser/{}", facts.id)>"Se og følg din henvendelse"</a></p>
                        }
                        .into_any()
                    }
                    Err(error) => {
                        crate::error::set_status(error.status());
                        view! { <ErrorAlert text=error.to_string()/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// "Udskriv kvittering": a button that opens the browser's print dialogue
/// (it needs JavaScript, so it appears only once the page is hydrated;
/// without it the sentence points to the browser's own menu).
#[component]
fn PrintButton() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! {
        <p class="d-print-none">
            "Du kan udskrive kvitteringen eller gemme den som PDF fra browserens menu. "
            {move || hydrated.get().then(|| view! {
                <button type="button" class="button button-secondary" on:click=|_| print_page()>"Udskriv kvittering"</button>
            })}
        </p>
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    if let Err(error) = window().print() {
        leptos::logging::error!("cannot print: {error:?}");
    }
}

const NOT_YOURS: &str = "Vi kan ikke finde henvendelsen blandt dine henvendelser.";

/// The citizen's request named by `:id` in the address.
fn use_request_from_path() -> Resource<Result<CitizenRequest, AppError>> {
    use_request_by_path(load_my_request, NOT_YOURS)
}

/// `/henvendelser`.
#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let requests = Resource::new_blocking(|| (), |_| load_my_requests());
    view! {
        <Title text="Mine henvendelser"/>
        <h1>"Mine henvendelser"</h1>
        <p class="font-lead">"Her kan du følge dine henvendelser om dine oplysninger og se kommunens svar."</p>
        <p><a class="button button-primary" href="/henvendelser/ny">"Ny henvendelse"</a></p>
        <Suspense>
            {move || Suspend::new(async move {
                match requests.await {
                    Ok(rows) if rows.is_empty() => view! { <p>"Du har ingen henvendelser."</p> }.into_any(),
                    Ok(rows) => view! { <RequestTable rows/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RequestTable(rows: Vec<CitizenRequestRow>) -> impl IntoView {
    view! {
        <ScrollingTable label="Dine henvendelser">
            <table class="table">
                <caption class="sr-only">"Dine henvendelser, nyeste først"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nummer"</th>
                        <th scope="col">"Drejer sig om"</th>
                        <th scope="col">"Modtaget"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Frist"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <td><a href=format!("/henvendelser/{}", row.id)>{row.number}</a></td>
                            <td>{row.kind.label()}</td>
                            <td>{row.received}</td>
                            <td>{if row.status == Status::AwaitingCitizen {
                                view! { <strong>{row.status.citizen_label()}</strong> }.into_any()
                            } else {
                                view! { {row.status.citizen_label()} }.into_any()
                            }}</td>
                            <td>{row.deadline}{row.extended.then_some(" (forlænget)")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
}

/// The heading of the citizen's form named `form` on their request's page.
fn citizen_form_heading(form: &str) -> Option<String> {
    match form {
        "message" => Some("Skriv til kommunen".to_owned()),
        "withdraw" => Some("Træk henvendelsen tilbage".to_owned()),
        _ => None,
    }
}

/// `/henvendelser/<id>`.
#[component]
pub fn MyRequestPage() -> impl IntoView {
    view! {
        <RequestFrame
            title="Min henvendelse"
            request=use_request_from_path()
            back=("/henvendelser", "Til mine henvendelser")
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
    let name = format!("{} {}", facts.kind.label(), facts.number);
    view! {
        <Title text=name.clone()/>
        <h1>{name}</h1>
        <Notice code=notice/>
        <ReturnedFormAlert reply=reply.clone() heading_of=citizen_form_heading/>
        {question.map(|question| view! {
            <div class="alert alert-warning" role="region" aria-labelledby="awaited-heading">
                <div class="alert-body">
                    <h2 class="alert-heading h3" id="awaited-heading">"Kommunen venter på dit svar"</h2>
                    <p class="alert-text">"Kommunen har spurgt dig om dette:"</p>
                    <blockquote class="pre-line">{question}</blockquote>
                    <p class="alert-text">"Fristen for kommunens svar løber videre, mens kommunen venter på dig. Svar herunder."</p>
                </div>
            </div>
        })}
        {(open && awaited).then(message_form.clone())}
        <FactsList facts=facts.clone() for_citizen=true/>
        {request.notify_email.map(|email| view! {
            <p class="text-small">{format!("Vi skriver til {email}, når der er nyt i henvendelsen.")}</p>
        })}
        <Attachments facts=facts.clone() base=base.clone()/>
        <History entries=facts.history.clone()/>
        {(open && !awaited).then(message_form)}
        {open.then(|| view! {
            <section id=withdraw_state.section_id() tabindex="-1" aria-labelledby="withdraw-heading">
                <h2 id="withdraw-heading">{citizen_form_heading("withdraw")}</h2>
                <ErrorSummary state=withdraw_state.clone() focus=false/>
                <p>"Har du ikke længere brug for svar, kan du trække henvendelsen tilbage. Det kan ikke fortrydes, men du kan altid sende en ny."</p>
                <form method="post" action=format!("{base}/tilbagetraek")>
                    <VersionField version=facts.version/>
                    <button type="submit" class="button button-secondary">"Træk henvendelsen tilbage"</button>
                </form>
            </section>
        }.into_any())}
        <p class="mt-6"><a href="/henvendelser">"Til mine henvendelser"</a></p>
    }
}

/// The citizen's form to write to the municipality: an answer to its
/// question when it `awaited` one, otherwise a message.
#[component]
fn MessageForm(state: FormState, base: String, version: i32, awaited: bool) -> impl IntoView {
    let (label, button) = if awaited {
        ("Dit svar", "Send svar")
    } else {
        ("Din besked", "Send besked")
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
