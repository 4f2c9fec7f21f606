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
use crate::i18n::use_lang;
use crate::requests::views::{HistoryEntry, RequestFacts};
use crate::requests::Kind;

/// The facts of a request as a description list.
/// `for_citizen`: the status as the citizen reads it about their own request.
#[component]
pub fn FactsList(facts: RequestFacts, #[prop(optional)] for_citizen: bool) -> impl IntoView {
    let kind = facts.kind;
    let lang = use_lang();
    let data = lang.of_danish_data();
    let written = lang.of_text_in(facts.written_in);
    let status = if for_citizen {
        facts.status.citizen_label(lang)
    } else {
        facts.status.label(lang)
    };
    view! {
        <dl class="mt-4">
            <dt>{lang.text("col-number")}</dt><dd>{facts.number.clone()}</dd>
            <dt>{lang.text("facts-about")}</dt><dd>{format!("{} ({})", kind.label(lang), kind.article(lang))}</dd>
            <dt>{lang.text("col-status")}</dt><dd><strong>{status}</strong></dd>
            <dt>{lang.text("col-received")}</dt><dd>{format!("{} ({})", facts.received, facts.channel.label(lang))}</dd>
            <dt>{lang.text("facts-deadline")}</dt>
            <dd>
                {match facts.extension.clone() {
                    None => view! { {facts.due.clone()} }.into_any(),
                    Some(extension) => view! {
                        <s>{facts.due.clone()}</s>" "<strong>{lang.text_with("facts-extended-to", &[("until", extension.until.into())])}</strong>
                        <br/>{lang.text_with("facts-extension-reason", &[("reason", extension.reason.into())])}" "
                        {extension.explanation}
                    }.into_any(),
                }}
            </dd>
            <dt>{lang.text("facts-unit")}</dt><dd lang=data>{facts.unit.clone()}</dd>
            {facts.log_row_text.clone().map(|text| view! { <dt>{lang.text("facts-log-row")}</dt><dd lang=written>{text}</dd> })}
            <dt>{kind.about_label(lang)}</dt><dd class="pre-line" lang=written>{facts.about.clone()}</dd>
            {facts.what_is_wrong.clone().map(|text| view! { <dt>{lang.text("facts-what-is-wrong")}</dt><dd class="pre-line" lang=written>{text}</dd> })}
            {facts.what_is_right.clone().map(|text| view! { <dt>{lang.text("facts-what-is-right")}</dt><dd class="pre-line" lang=written>{text}</dd> })}
            {facts.situation.clone().map(|text| view! { <dt>{lang.text("facts-situation")}</dt><dd class="pre-line" lang=written>{text}</dd> })}
        </dl>
        {(kind == Kind::LogQuestion).then(|| view! {
            <p class="text-small">{lang.text("facts-log-question")}</p>
        })}
    }
}

/// The history, oldest first.
#[component]
pub fn History(
    entries: Vec<HistoryEntry>,
    /// The language the request was filed in, which what people wrote in
    /// its history is in.
    written_in: crate::i18n::Lang,
) -> impl IntoView {
    let lang = use_lang();
    let written = lang.of_text_in(written_in);
    view! {
        <h2>{lang.text("history-heading")}</h2>
        <ol class="request-history">
            {entries.into_iter().map(|entry| view! {
                <li class=if entry.internal { "request-history-internal" } else { "" }>
                    <p class="mb-0">
                        <strong>{entry.what}</strong>
                        {entry.internal.then(|| format!(" ({})", lang.text("history-internal")))}
                        <br/>
                        <span class="text-small">{format!("{} · {}", entry.at, entry.who)}</span>
                        {entry.status_change.map(|change| view! { <br/><span class="text-small">{lang.text_with("history-status", &[("change", change.into())])}</span> })}
                    </p>
                    {entry.body.map(|body| view! { <p class="pre-line mt-2" lang=written>{body}</p> })}
                    {entry.letter.map(|letter| view! {
                        <p class="text-small mt-2">
                            <a href=letter.href>{lang.text("letter-link")}</a>" · "
                            {match letter.sent_on {
                                Some(date) => lang.text_with("letter-sent-on", &[("date", date.into())]),
                                None => lang.text("letter-not-sent"),
                            }}
                        </p>
                    })}
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
            <h2>{use_lang().text("attachments-heading")}</h2>
            <ul>
                {facts.attachments.into_iter().map(|attachment| view! {
                    <li><a href=format!("{base}/bilag/{}", attachment.id) download="">{attachment.file_name}</a></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// A green confirmation after an action (`?besked=<code>`), from a fixed list.
#[component]
pub fn Notice(code: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let text = code
        .as_deref()
        .and_then(crate::requests::actions::Notice::from_code)
        .map(|notice| notice.text(lang));
    text.map(|text| {
        view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{text}</p></div>
            </div>
        }
    })
}

/// The request named by `:id` in the address, loaded with `load`; an address
/// without a number reads as "not found" (`missing`, a text's key).
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
    let missing = use_lang().text(missing);
    Resource::new_blocking(
        move || params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok())),
        move |id| {
            let missing = missing.clone();
            async move {
                match id {
                    Some(id) => load(id).await,
                    None => Err(AppError::NotFound(missing)),
                }
            }
        },
    )
}

/// The frame of a request's page (the citizen's and the caseworker's): the
/// request, the reply of a failed form and the notice after an action, all
/// loaded before rendering; on an error the message and a way back.
#[component]
pub fn RequestFrame<T, V>(
    title: String,
    request: Resource<Result<T, AppError>>,
    /// (address, text) of the way back.
    back: (&'static str, String),
    render: V,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    V: Fn(T, Option<FormReply>, Option<String>) -> AnyView + Copy + Send + Sync + 'static,
{
    let reply = use_form_reply();
    let notice = use_query_map().with_untracked(|query| query.get("besked"));
    let lang = use_lang();
    view! {
        <Title text=title.clone()/>
        <Suspense>
            {move || {
                let (notice, title, back) = (notice.clone(), title.clone(), back.clone());
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
                                <ErrorAlert text=error.text(lang)/>
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
