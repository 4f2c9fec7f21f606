//! Pieces the citizen's and the caseworker's request pages share: the page
//! frame (loading the request named in the address, the failed form's reply
//! and the notice), the request's facts, its deadline, its history and its
//! attachments, and the short notices shown after an action (`?besked=…`).

use std::future::Future;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{AppError, ErrorAlert};
use crate::form::{use_form_reply, FormReply};
use crate::requests::views::{HistoryEntry, RequestFacts};
use crate::requests::Kind;

/// The facts of a request as a description list.
/// `for_citizen`: the status as the citizen reads it about their own request.
#[component]
pub fn FactsList(facts: RequestFacts, #[prop(optional)] for_citizen: bool) -> impl IntoView {
    let kind = facts.kind;
    let status = if for_citizen {
        facts.status.citizen_label()
    } else {
        facts.status.label()
    };
    view! {
        <dl class="mt-4">
            <dt>"Nummer"</dt><dd>{facts.number.clone()}</dd>
            <dt>"Henvendelsen drejer sig om"</dt><dd>{format!("{} ({})", kind.label(), kind.article())}</dd>
            <dt>"Status"</dt><dd><strong>{status}</strong></dd>
            <dt>"Modtaget"</dt><dd>{format!("{} ({})", facts.received, facts.channel.label())}</dd>
            <dt>"Frist for svar"</dt>
            <dd>
                {match facts.extension.clone() {
                    None => view! { {facts.due.clone()} }.into_any(),
                    Some(extension) => view! {
                        <s>{facts.due.clone()}</s>" "<strong>{format!("forlænget til {}", extension.until)}</strong>
                        <br/>{format!("Begrundelse: {}. {}", extension.reason, extension.explanation)}
                    }.into_any(),
                }}
            </dd>
            <dt>"Behandles af"</dt><dd>{facts.unit.clone()}</dd>
            {facts.log_row_text.clone().map(|text| view! { <dt>"Opslaget i loggen"</dt><dd>{text}</dd> })}
            <dt>{kind.about_label()}</dt><dd class="pre-line">{facts.about.clone()}</dd>
            {facts.what_is_wrong.clone().map(|text| view! { <dt>"Det er forkert"</dt><dd class="pre-line">{text}</dd> })}
            {facts.what_is_right.clone().map(|text| view! { <dt>"Det rigtige er"</dt><dd class="pre-line">{text}</dd> })}
            {facts.situation.clone().map(|text| view! { <dt>"Den særlige situation"</dt><dd class="pre-line">{text}</dd> })}
        </dl>
        {(kind == Kind::LogQuestion).then(|| view! {
            <p class="text-small">"Et spørgsmål til et opslag behandles som en indsigelse."</p>
        })}
    }
}

/// The history, oldest first.
#[component]
pub fn History(entries: Vec<HistoryEntry>) -> impl IntoView {
    view! {
        <h2>"Forløb"</h2>
        <ol class="request-history">
            {entries.into_iter().map(|entry| view! {
                <li class=if entry.internal { "request-history-internal" } else { "" }>
                    <p class="mb-0">
                        <strong>{entry.what}</strong>
                        {entry.internal.then_some(" (intern, vises ikke for borgeren)")}
                        <br/>
                        <span class="text-small">{format!("{} · {}", entry.at, entry.who)}</span>
                        {entry.status_change.map(|change| view! { <br/><span class="text-small">{format!("Status: {change}")}</span> })}
                    </p>
                    {entry.body.map(|body| view! { <p class="pre-line mt-2">{body}</p> })}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// Links to the files sent with the answer; `base` is the request's address.
#[component]
pub fn Attachments(facts: RequestFacts, base: String) -> impl IntoView {
    (!facts.attachments.is_empty()).then(|| {
        view! {
            <h2>"Bilag"</h2>
            <ul>
                {facts.attachments.into_iter().map(|attachment| view! {
                    <li><a href=format!("{base}/bilag/{}", attachment.id) rel="external" download="">{attachment.file_name}</a></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// A green confirmation after an action (`?besked=<code>`), from a fixed list.
#[component]
pub fn Notice(code: Option<String>) -> impl IntoView {
    let text = code
        .as_deref()
        .and_then(crate::requests::actions::Notice::from_code)
        .map(crate::requests::actions::Notice::text);
    text.map(|text| {
        view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{text}</p></div>
            </div>
        }
    })
}

/// The request named by `:id` in the address, loaded with `load`; an address
/// without a number reads as "not found" (`missing`).
pub fn use_request_by_path<T, F, Fut>(
    load: F,
    missing: &'static str,
) -> Resource<Result<T, AppError>>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Fn(i64) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let params = use_params_map();
    Resource::new_blocking(
        move || params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok())),
        move |id| async move {
            match id {
                Some(id) => load(id).await,
                None => Err(AppError::NotFound(missing.to_owned())),
            }
        },
    )
}

/// The frame of a request's page (the citizen's and the caseworker's): the
/// request, the reply of a failed form and the notice after an action, all
/// loaded before rendering; on an error the message and a way back.
#[component]
pub fn RequestFrame<T, V>(
    title: &'static str,
    request: Resource<Result<T, AppError>>,
    /// (address, text) of the way back.
    back: (&'static str, &'static str),
    render: V,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    V: Fn(T, Option<FormReply>, Option<String>) -> AnyView + Copy + Send + Sync + 'static,
{
    let reply = use_form_reply();
    let notice = use_query_map().with_untracked(|query| query.get("besked"));
    view! {
        <Title text=title/>
        <Suspense>
            {move || {
                let notice = notice.clone();
                Suspend::new(async move {
                    let reply = reply.await.ok().flatten();
                    match request.await {
                        Ok(request) => render(request, reply, notice),
                        Err(error) => {
                            // Someone else's request, or none: 404 like any
                            // page that does not exist.
                            if matches!(error, AppError::NotFound(_) | AppError::Internal { .. }) {
                                crate::error::set_status(error.status());
                            }
                            view! {
                                <h1>{title}</h1>
                                <ErrorAlert text=error.to_string()/>
                                <p><a href=back.0>{back.1}</a></p>
                            }
                            .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
