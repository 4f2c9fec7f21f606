//! The caseworker's pages:
//! - `/sagsbehandling`: the queue of requests in the caseworker's unit (the
//!   DPO: every unit), by deadline: the open ones unless a status is chosen,
//!   days left, overdue and due soon (`digest_due_within_days`) marked, a
//!   search by number or name, filters in the address and pagination.
//! - `/sagsbehandling/<id>`: one request with the citizen's name, the CPR
//!   number masked (shown in full only by a deliberate, logged click), the
//!   history with internal notes beside the facts, and a folded form for
//!   each action.
//!   A caseworker may ask the DPO for advice; the DPO, who reads every
//!   request, answers a waiting question here (the DPO's one form).
//! - `/sagsbehandling/registrer`: register a request that came by letter,
//!   phone or e-mail.
//!
//! Forms post to the server's `requests::casework` routes; opening a request
//! is logged on the citizen by the server function that loads it.

use leptos::prelude::*;

use crate::scrolling_table::ScrollingTable;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::error::{AppError, ErrorAlert};
use crate::form::{
    use_form_reply, ErrorSummary, FileInput, FormReply, FormState, RadioGroup, ReturnedFormAlert,
    Select, TextArea, TextInput, VersionField,
};
use crate::i18n::{use_lang, Lang};
use crate::pages::request_parts::{
    use_request_by_path, Attachments, FactsList, History, Notice, RequestFrame,
};
use crate::requests::actions::CaseAction;
use crate::requests::views::{
    CaseView, DueWindow, QueueFilter, QueueListing, QueueRow, QUEUE_PAGE_SIZE,
};
use crate::requests::{Channel, ExtensionReason, Kind, RefusalGround, Status};

/// The DPO's advice form's name (it posts to `/sagsbehandling/<id>/raad`).
pub const ADVICE_FORM: &str = "raad";

/// Put in context by the server for the one rendering of the case page
/// after a caseworker asked to see the CPR number in full (a POST that
/// redirects to the page), so [`load_case`] reveals and logs it.
#[derive(Clone, Copy, Debug)]
pub struct RevealCpr;

#[cfg(feature = "ssr")]
pub fn store_error(error: crate::requests::store::StoreError) -> AppError {
    use crate::requests::store::StoreError;
    let lang = crate::i18n::request_lang();
    match error {
        StoreError::NotFound => AppError::NotFound(lang.text("case-not-found-or-other-unit")),
        StoreError::NotAllowed(key) => AppError::Refused(lang.text(key)),
        other => AppError::internal(other),
    }
}

/// The open requests the caller may see, filtered.
#[server(endpoint = "casework/queue")]
pub async fn load_queue(filter: QueueFilter) -> Result<QueueListing, AppError> {
    let reader = crate::caller::Caller::current().case_reader()?;
    let state = crate::state::app_state()?;
    let today = crate::access_log::coverage::local_date(crate::clock::now());
    crate::requests::store::casework::queue(
        &state.pool,
        &state.requests,
        &reader,
        &filter,
        today,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(store_error)
}

/// Request `id` for the caller; opening it is logged on the citizen.
#[server(endpoint = "casework/case")]
pub async fn load_case(id: i64) -> Result<CaseView, AppError> {
    let reader = crate::caller::Caller::current().case_reader()?;
    let state = crate::state::app_state()?;
    let reveal = use_context::<RevealCpr>().is_some();
    crate::requests::store::casework::case(
        &state.pool,
        &state.requests,
        &reader,
        id,
        reveal,
        crate::clock::now(),
        crate::i18n::request_lang(),
    )
    .await
    .map_err(store_error)
}

/// `/sagsbehandling`.
#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|query| {
            QueueFilter::from_pairs(query.into_iter().map(|(key, value)| (key.as_ref(), value)))
        })
    });
    let page = Resource::new_blocking(move || filter.get(), load_queue);
    // The DPO follows the queue; registering is for caseworkers.
    let is_caseworker = matches!(
        crate::viewer::use_viewer(),
        crate::viewer::Viewer::Staff { pages, .. } if pages.casework
    );
    let lang = use_lang();
    // After a transfer the caseworker lands here with its notice.
    let notice = query.with_untracked(|query| query.get("besked"));
    view! {
        <Title text=lang.text("queue-title")/>
        <h1>{lang.text("menu-requests")}</h1>
        <Notice code=notice/>
        <p class="font-lead">{lang.text("queue-lead")}</p>
        <crate::staff_notice::StaffLoggingNotice/>
        {is_caseworker.then(|| view! {
            <p><a class="button button-secondary" href="/sagsbehandling/registrer">{lang.text("queue-register")}</a></p>
        })}
        <Suspense>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Queue page/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.text(lang)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Queue(page: QueueListing) -> impl IntoView {
    let lang = use_lang();
    let QueueListing {
        rows,
        total,
        filter,
        units,
        due_soon_days,
    } = page;
    let state = FormState::of(
        &Some(FormReply {
            form: "filter".to_owned(),
            values: [
                (
                    "status",
                    filter.status.map(Status::code).unwrap_or_default(),
                ),
                ("type", filter.kind.map(Kind::code).unwrap_or_default()),
                ("enhed", filter.unit.as_deref().unwrap_or_default()),
                ("mine", if filter.mine { "ja" } else { "" }),
                ("q", filter.search.as_deref().unwrap_or_default()),
                ("frist", filter.due.map(DueWindow::code).unwrap_or_default()),
            ]
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect(),
            ..FormReply::default()
        }),
        "filter",
    );
    let pages = total.div_ceil(QUEUE_PAGE_SIZE).max(1);
    let current = filter.page.min(pages);
    let status_choices = Status::ALL
        .iter()
        .map(|status| (status.code().to_owned(), status.label(lang)))
        .collect();
    let kind_choices = Kind::ALL
        .iter()
        .map(|kind| (kind.code().to_owned(), kind.label(lang)))
        .collect();
    let due_choices = DueWindow::ALL
        .iter()
        .map(|window| (window.code().to_owned(), window.label(lang)))
        .collect();
    let mine = filter.mine;
    view! {
        <form method="get" action="/sagsbehandling" class="queue-filter">
            <TextInput name="q" label=lang.text("queue-search") hint=lang.text("queue-search-hint") state=state.clone() kind="search"/>
            <div class="queue-filter-fields">
                <Select name="status" label=lang.text("col-status") state=state.clone() choices=status_choices placeholder=lang.text("queue-all-open")/>
                <Select name="type" label=lang.text("col-kind") state=state.clone() choices=kind_choices placeholder=lang.text("queue-all-kinds")/>
                <Select name="enhed" label=lang.text("my-log-unit") state=state.clone() choices=units placeholder=lang.text("queue-all-my-units") choices_lang=lang.of_danish_data()/>
                <Select name="frist" label=lang.text("col-deadline") state=state.clone() choices=due_choices placeholder=lang.text("queue-all-deadlines")/>
            </div>
            <div class="form-group form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id="mine" name="mine" value="ja" checked=mine/>
                <label for="mine">{lang.text("queue-only-mine")}</label>
            </div>
            <button type="submit" class="button button-secondary">{lang.text("my-log-show")}</button>
        </form>
        <p role="status">{listed_text(lang, total, &filter)}</p>
        {(!rows.is_empty()).then(|| view! { <QueueTable rows due_soon_days/> })}
        {(pages > 1).then(|| view! {
            <nav aria-label=lang.text("my-log-pages") class="pagination">
                <p>{lang.text_with("my-log-page-of", &[("page", current.into()), ("pages", pages.into())])}</p>
                {(current > 1).then(|| view! { <a href=format!("/sagsbehandling?{}", filter.query(current - 1))>{lang.text("my-log-previous")}</a> })}
                " "
                {(current < pages).then(|| view! { <a href=format!("/sagsbehandling?{}", filter.query(current + 1))>{lang.text("my-log-next")}</a> })}
            </nav>
        })}
    }
}

/// How many requests the filter found: "1 åben henvendelse", "12
/// henvendelser" (a chosen status), "… der passer på søgningen".
fn listed_text(lang: Lang, total: usize, filter: &QueueFilter) -> String {
    let key = match (filter.status.is_none(), filter.search.is_some()) {
        (true, false) => "queue-listed-open",
        (true, true) => "queue-listed-open-search",
        (false, false) => "queue-listed",
        (false, true) => "queue-listed-search",
    };
    lang.text_with(key, &[("count", total.into())])
}

/// Requests as a table with their deadline, days left and, while open,
/// marks for overdue and due within `due_soon_days` (the queue, and the
/// DPO's urgent list).
#[component]
pub fn QueueTable(rows: Vec<QueueRow>, due_soon_days: u32) -> impl IntoView {
    let lang = use_lang();
    let data = lang.of_danish_data();
    view! {
        <ScrollingTable label=lang.text("menu-requests")>
            <table class="table">
                <caption class="sr-only">{lang.text("queue-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.text("col-number")}</th>
                        <th scope="col">{lang.text("col-deadline")}</th>
                        <th scope="col">{lang.text("col-left")}</th>
                        <th scope="col">{lang.text("col-kind")}</th>
                        <th scope="col">{lang.text("col-citizen")}</th>
                        <th scope="col">{lang.text("col-status")}</th>
                        <th scope="col">{lang.text("my-log-unit")}</th>
                        <th scope="col">{lang.text("col-caseworker")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        // Only what is still to be answered has a deadline to meet.
                        let open = row.status.is_open();
                        let marker = if open && row.overdue() {
                            Some(("badge badge-error", DueWindow::Overdue.label(lang)))
                        } else if open && row.due_soon(due_soon_days) {
                            Some(("badge badge-warning", DueWindow::Soon.label(lang)))
                        } else {
                            None
                        };
                        view! {
                            <tr>
                                <th scope="row" class="request-number"><a href=format!("/sagsbehandling/{}", row.id)>{row.number.clone()}</a></th>
                                <td>{row.deadline.clone()}{row.extended.then(|| format!(" ({})", lang.text("deadline-extended")))}</td>
                                <td>
                                    {marker.map(|(class, text)| view! { <span class=class>{text}</span>" " })}
                                    {if open { row.days_text(lang) } else { String::new() }}
                                </td>
                                <td>{row.kind.label(lang)}</td>
                                <td>{row.citizen_name.clone()}</td>
                                <td>{row.status.label(lang)}</td>
                                <td lang=data>{row.unit.clone()}</td>
                                <td>{row.assignee.clone().unwrap_or_else(|| lang.text("not-assigned"))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
}

/// `/sagsbehandling/<id>`.
#[component]
pub fn CasePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <RequestFrame
            title=lang.text("case-title")
            request=use_request_by_path(load_case, "case-not-found")
            back=("/sagsbehandling", lang.text("back-to-queue"))
            render=|case, reply, notice| view! { <Case case reply notice/> }.into_any()
        />
    }
}

/// `/sagsbehandling/<id>/aabn`: where a link to a request from another site
/// (a mail, a chat, a page) lands instead of the request itself. Opening a
/// request is a logged look-up of the citizen, so it happens only when the
/// caseworker asks for it here; this page reads and logs nothing.
#[component]
pub fn OpenCasePage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()));
    let lang = use_lang();
    move || {
        match id() {
        Some(id) => view! {
            <Title text=lang.text("open-case-title")/>
            <h1>{lang.text("open-case-title")}</h1>
            <p class="font-lead">{lang.text("open-case-lead")}</p>
            <p>
                <a class="button button-primary" href=format!("/sagsbehandling/{id}")>
                    {lang.text_with("open-case-button", &[("number", crate::requests::request_number(id).into())])}
                </a>
            </p>
            <p><a href="/sagsbehandling">{lang.text("back-to-queue")}</a></p>
        }
        .into_any(),
        None => view! { <crate::error::NotFoundPage/> }.into_any(),
    }
    }
}

#[component]
fn Case(case: CaseView, reply: Option<FormReply>, notice: Option<String>) -> impl IntoView {
    let facts = case.facts.clone();
    let base = format!("/sagsbehandling/{}", facts.id);
    let lang = use_lang();
    let days = crate::requests::views::days_left_sentence(lang, case.days_left);
    let open = facts.status.is_open();
    let conflict = reply
        .as_ref()
        .and_then(|reply| reply.message.clone())
        .filter(|_| reply.as_ref().is_some_and(|reply| reply.form == "conflict"));
    let name = format!("{} {}", facts.kind.label(lang), facts.number);
    view! {
        <Title text=name.clone()/>
        <h1>{name}</h1>
        <Notice code=notice/>
        {conflict.map(|text| view! { <ErrorAlert text/> })}
        <ReturnedFormAlert reply=reply.clone() heading_of=action_heading/>
        <p class="font-lead">{if open { days } else { String::new() }}</p>
        // The facts and the history side by side on a wide screen, so the
        // caseworker reads what happened next to what was asked.
        <div class="row">
        <div class="col-12 col-lg-7">
        <dl>
            <dt>{lang.text("col-citizen")}</dt><dd>{case.citizen_name.clone()}</dd>
            <dt>{lang.text("case-cpr")}</dt>
            <dd id="cpr" tabindex="-1">
                {match case.cpr_revealed.clone() {
                    Some(cpr) => view! { <strong>{cpr}</strong>{format!(" ({})", lang.text("case-cpr-logged"))} }.into_any(),
                    None if case.may_act => view! {
                        {case.cpr_masked.clone()}
                        <form method="post" action=format!("{base}/vis-cpr") class="inline-form">
                            <button type="submit" class="button button-tertiary">{lang.text("case-cpr-reveal")}</button>
                        </form>
                        <span class="text-small">{lang.text("case-cpr-reveal-logged")}</span>
                    }.into_any(),
                    None => view! { {case.cpr_masked.clone()} }.into_any(),
                }}
            </dd>
            <dt>{lang.text("col-caseworker")}</dt>
            <dd>{case.assignee.clone().map(|colleague| colleague.name).unwrap_or_else(|| lang.text("not-assigned"))}</dd>
            {case.registered.clone().map(|text| view! { <dt>{lang.text("case-registration")}</dt><dd>{text}</dd> })}
        </dl>
        <FactsList facts=facts.clone()/>
        <HiddenEntries case=case.clone()/>
        <WaitingForAdvice case=case.clone()/>
        <LogFinding case=case.clone()/>
        <Attachments facts=facts.clone() base=base.clone()/>
        <AnswerLogRows case=case.clone()/>
        </div>
        <div class="col-12 col-lg-5">
            <History entries=facts.history.clone() written_in=facts.written_in/>
        </div>
        </div>
        {case.may_act.then(|| view! { <Actions case=case.clone() reply=reply.clone()/> })}
        {case.may_advise.then(|| view! { <AdviceForm case=case.clone() reply=reply.clone()/> })}
        {(!case.may_act && !case.may_advise).then(|| view! {
            <p class="text-small">{lang.text("case-read-only")}</p>
        })}
        <p class="mt-6"><a href="/sagsbehandling">{lang.text("back-to-queue")}</a></p>
    }
}

/// An access request's hidden entries in the period of its answer: how
/// many, from which system, until when and why, never what they are
/// (docs/rules.md §2.3), and whether they have been assessed.
#[component]
fn HiddenEntries(case: CaseView) -> impl IntoView {
    let lang = use_lang();
    (!case.hidden.is_empty()).then(|| {
        let data = lang.of_danish_data();
        view! {
            <section class="alert alert-warning mt-6" aria-labelledby="hidden-heading" id="skjulte">
                <div class="alert-body">
                    <h2 class="alert-heading h3" id="hidden-heading">{lang.text("hidden-heading")}</h2>
                    <p class="alert-text">{lang.text("hidden-lead")}</p>
                    <ul class="alert-text">
                        {case.hidden.iter().map(|group| {
                            let until = match &group.until {
                                Some(date) => lang.text_with("hidden-until-date", &[("date", date.clone().into())]),
                                None => lang.text("hidden-until-further"),
                            };
                            view! {
                                <li lang=data>{lang.text_with("hidden-group", &[
                                    ("count", group.events.into()),
                                    ("system", group.system.clone().into()),
                                    ("until", until.into()),
                                    ("reason", group.reason.clone().into()),
                                ])}</li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="alert-text"><strong>{lang.text(if case.hidden_assessed { "hidden-assessed" } else { "hidden-must-assess" })}</strong></p>
                </div>
            </section>
        }
    })
}

/// What the reader sees of the log the answer carried: their unit's rows
/// (the DPO every row), and what is withheld, naming no sensitive source.
#[component]
fn AnswerLogRows(case: CaseView) -> impl IntoView {
    let lang = use_lang();
    // The rows are kept as the citizen's file was written: in the
    // request's language.
    let written = lang.of_text_in(case.facts.written_in);
    case.answer_log.map(|view| {
        let data = lang.of_danish_data();
        let lead = if view.withheld() == 0 {
            lang.text_with("answer-log-lead-all", &[("total", view.total.into())])
        } else {
            lang.text_with(
                "answer-log-lead-part",
                &[
                    ("shown", view.rows.len().into()),
                    ("total", view.total.into()),
                ],
            )
        };
        let units = (!view.withheld_units.is_empty()).then(|| {
            lang.text_with(
                "answer-log-withheld-units",
                &[("units", view.withheld_units.join(", ").into())],
            )
        });
        let sensitive = (view.withheld_sensitive > 0).then(|| {
            lang.text_with(
                "answer-log-withheld-sensitive",
                &[("count", view.withheld_sensitive.into())],
            )
        });
        view! {
            <section aria-labelledby="answer-log-heading" class="mt-6">
                <h2 id="answer-log-heading">{lang.text("answer-log-heading")}</h2>
                <p>{lead}</p>
                {units.map(|text| view! { <p lang=data>{text}</p> })}
                {sensitive.map(|text| view! { <p>{text}</p> })}
                {(!view.rows.is_empty()).then(|| view! {
                    <ScrollingTable label=lang.text("answer-log-heading")>
                        <table class="table table--compact">
                            <thead><tr>
                                <th scope="col">{lang.text("csv-date")}</th>
                                <th scope="col">{lang.text("csv-unit")}</th>
                                <th scope="col">{lang.text("csv-system")}</th>
                                <th scope="col">{lang.text("csv-action")}</th>
                                <th scope="col">{lang.text("csv-count")}</th>
                            </tr></thead>
                            <tbody>
                                {view.rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td lang=written>{row.day_text}" "{row.time_text}</td>
                                        <td lang=data>{row.unit}</td>
                                        <td lang=data>{row.system}</td>
                                        <td lang=written>{row.action}</td>
                                        <td>{row.count}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </ScrollingTable>
                })}
            </section>
        }
    })
}

/// For a question about a log row: what the control of the log found in
/// the raw events (the answer to the citizen is the caseworker's).
#[component]
fn LogFinding(case: CaseView) -> impl IntoView {
    let lang = use_lang();
    case.log_finding.map(|finding| view! {
        <section class="alert alert-info mt-6" aria-labelledby="log-finding-heading">
            <div class="alert-body">
                <h2 class="alert-heading h3" id="log-finding-heading">{lang.text("log-finding-heading")}</h2>
                <p class="alert-text">{lang.text_with("log-finding-lead", &[("by", finding.by.into()), ("at", finding.at.into())])}</p>
                <blockquote class="alert-text preserve-lines">{finding.text}</blockquote>
            </div>
        </section>
    })
}

/// The question to the DPO that waits for advice: who asked, when, what.
#[component]
fn WaitingForAdvice(case: CaseView) -> impl IntoView {
    let lang = use_lang();
    case.consultation.map(|waiting| view! {
        <section class="alert alert-info mt-6" aria-labelledby="consultation-heading" id="dpo-spoergsmaal">
            <div class="alert-body">
                <h2 class="alert-heading h3" id="consultation-heading">{lang.text("consultation-waiting-heading")}</h2>
                <p class="alert-text">{lang.text_with("consultation-waiting-lead", &[
                    ("name", waiting.asked_by.into()),
                    ("at", waiting.asked_at.into()),
                ])}</p>
                <blockquote class="alert-text consultation-question">{waiting.question}</blockquote>
            </div>
        </section>
    })
}

/// The DPO's answer to the question waiting on the request.
#[component]
fn AdviceForm(case: CaseView, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let state = FormState::of(&reply, ADVICE_FORM);
    view! {
        <section class="mt-6" id=state.section_id() tabindex="-1" aria-labelledby="advice-heading">
            <h2 id="advice-heading">{lang.text("advice-heading")}</h2>
            <p>{lang.text("advice-lead")}</p>
            <ErrorSummary state=state.clone() focus=false/>
            <form method="post" action=format!("/sagsbehandling/{}/raad", case.facts.id)>
                <VersionField version=case.facts.version/>
                <TextArea name="body" label=lang.text("advice-body") hint=lang.text("advice-body-hint") state=state.clone() rows=6/>
                <button type="submit" class="button button-primary">{lang.text("advice-button")}</button>
            </form>
        </section>
    }
}

/// The documents a caseworker attaches to a decision.
#[component]
fn DocumentsField(state: FormState, max_mb: usize) -> impl IntoView {
    let lang = use_lang();
    view! {
        <FileInput name="documents" label=lang.text("answer-documents")
            hint=lang.text_with("answer-documents-hint", &[("max", max_mb.into()), ("count", crate::requests::views::MAX_DOCUMENTS.into())])
            state accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" multiple=true/>
    }
}

/// Whether the DPO advised on the answer or refusal (asked on those forms
/// once there is advice).
#[component]
fn AdviceOutcomeFields(state: FormState) -> impl IntoView {
    let lang = use_lang();
    view! {
        <RadioGroup name="advice_followed" legend=lang.text("advice-followed") state=state.clone() choices=vec![
            ("ja".to_owned(), lang.text("advice-followed-yes")),
            ("nej".to_owned(), lang.text("advice-followed-no")),
        ]/>
        <TextArea name="advice_deviation" label=lang.text("advice-deviation") hint=lang.text("advice-deviation-hint") state=state rows=3/>
    }
}

/// The heading of the case page's form named `form`.
fn action_heading(form: &str) -> Option<String> {
    let lang = use_lang();
    if form == ADVICE_FORM {
        return Some(lang.text("advice-heading"));
    }
    CaseAction::from_slug(form).map(|action| action.heading(lang))
}

/// One action's form, folded away until the caseworker opens it (one at a
/// time: the actions share a `details` name, so opening one closes the
/// other, with or without JavaScript, and one primary button shows at a
/// time); the one that came back with errors is open. Inside: the error
/// summary, the fields `children` renders with the form's reply state, and
/// the submit button.
#[component]
fn ActionForm<F, IV>(
    base: String,
    action: CaseAction,
    reply: Option<FormReply>,
    version: i32,
    /// The form carries files (posted as `multipart/form-data`).
    #[prop(optional)]
    files: bool,
    children: F,
) -> impl IntoView
where
    F: FnOnce(FormState) -> IV + Send + 'static,
    IV: IntoView + 'static,
{
    let slug = action.slug();
    let state = FormState::of(&reply, slug);
    let section = state.section_id();
    let failed = state.message().is_some() || !state.errors().is_empty();
    let lang = use_lang();
    view! {
        <details class="case-action" name="case-actions" id=section tabindex="-1" open=failed>
            <summary class="h3">{action.heading(lang)}</summary>
            <ErrorSummary state=state.clone() focus=false/>
            <form method="post" action=format!("{base}/{slug}") enctype=files.then_some("multipart/form-data")>
                <VersionField version/>
                {children(state)}
                <button type="submit" class="button button-primary">{action.button(lang)}</button>
            </form>
        </details>
    }
}

#[component]
fn Actions(case: CaseView, reply: Option<FormReply>) -> impl IntoView {
    let facts = case.facts.clone();
    let base = format!("/sagsbehandling/{}", facts.id);
    let version = facts.version;
    let open = facts.status.is_open();
    let colleagues: Vec<(String, String)> = case
        .colleagues
        .iter()
        .map(|colleague| (colleague.id.clone(), colleague.name.clone()))
        .collect();
    let lang = use_lang();
    let reasons = ExtensionReason::ALL
        .iter()
        .map(|reason| (reason.code().to_owned(), reason.label(lang)))
        .collect::<Vec<_>>();
    // Only the grounds that can refuse this kind (§ 22: access only).
    let grounds = RefusalGround::for_kind(facts.kind)
        .into_iter()
        .map(|ground| (ground.code().to_owned(), ground.label(lang)))
        .collect::<Vec<_>>();
    let section_22 = RefusalGround::Section22.applies_to(facts.kind);
    let scopes = vec![
        ("fully".to_owned(), lang.text("refuse-fully")),
        ("partly".to_owned(), lang.text("refuse-partly")),
    ];
    let access = facts.kind == Kind::Access;
    let advised = case.advised;
    let max_mb = case.document_max_mb;
    let may_consult = open && case.consultation.is_none();
    let closable = facts.status.is_decided() || facts.status == Status::Withdrawn;
    view! {
        <h2>{lang.text("case-actions")}</h2>
        {open.then(|| view! {
            <ActionForm base=base.clone() action=CaseAction::Assign reply=reply.clone() version let:state>
                <p><button type="submit" class="button button-secondary" name="to_me" value="ja">{lang.text("assign-to-me")}</button></p>
                <Select name="assignee" label=lang.text("assign-colleague") state=state.clone() choices=colleagues.clone()/>
            </ActionForm>
            <ActionForm base=base.clone() action=CaseAction::Answer reply=reply.clone() version files=true let:state>
                <TextArea name="body" label=lang.text("answer-body") state=state.clone() rows=8/>
                <DocumentsField state=state.clone() max_mb=max_mb/>
                {access.then(|| view! {
                    <p class="text-small">{lang.text("answer-log-attached")}</p>
                })}
                {advised.then(|| view! { <AdviceOutcomeFields state=state.clone()/> })}
            </ActionForm>
            <ActionForm base=base.clone() action=CaseAction::AskClarification reply=reply.clone() version let:state>
                <p class="text-small">{lang.text("clarification-deadline")}</p>
                <TextArea name="body" label=lang.text("clarification-body") state=state.clone()/>
            </ActionForm>
            <ActionForm base=base.clone() action=CaseAction::Message reply=reply.clone() version let:state>
                <TextArea name="body" label=lang.text("message-body") state=state.clone()/>
            </ActionForm>
            {case.may_extend.then(|| view! {
                <ActionForm base=base.clone() action=CaseAction::Extend reply=reply.clone() version let:state>
                    <p class="text-small">{lang.text("extend-once")}</p>
                    <Select name="reason" label=lang.text("extend-reason") state=state.clone() choices=reasons.clone() placeholder=lang.text("choose")/>
                    <TextArea name="explanation" label=lang.text("extend-explanation") state=state.clone()/>
                </ActionForm>
            })}
            <ActionForm base=base.clone() action=CaseAction::Refuse reply=reply.clone() version files=true let:state>
                <RadioGroup name="scope" legend=lang.text("refuse-scope") state=state.clone() choices=scopes.clone()/>
                <RadioGroup name="ground" legend=lang.text("refuse-ground") state=state.clone() choices=grounds.clone()/>
                <TextArea name="body" label=lang.text("refuse-body") hint=lang.text("refuse-body-hint") state=state.clone() rows=6/>
                <DocumentsField state=state.clone() max_mb=max_mb/>
                {section_22.then(|| view! {
                    <TextArea name="assessment" label=lang.text("refuse-assessment") hint=lang.text("refuse-assessment-hint") state=state.clone()/>
                })}
                {advised.then(|| view! { <AdviceOutcomeFields state=state.clone()/> })}
            </ActionForm>
        })}
        {closable.then(|| view! {
            <ActionForm base=base.clone() action=CaseAction::Close reply=reply.clone() version let:_state>
                <p class="text-small">{lang.text("close-when-done")}</p>
            </ActionForm>
        })}
        {open.then(|| view! {
            <ActionForm base=base.clone() action=CaseAction::Transfer reply=reply.clone() version let:state>
                <Select name="unit" label=lang.text("transfer-unit") state=state.clone() choices=case.other_units.clone() placeholder=lang.text("choose") choices_lang=lang.of_danish_data()/>
                <TextArea name="reason" label=lang.text("transfer-reason") hint=lang.text("transfer-reason-hint") state=state.clone() rows=3/>
            </ActionForm>
        })}
        {(open && !case.hidden.is_empty()).then(|| view! {
            <ActionForm base=base.clone() action=CaseAction::AssessHidden reply=reply.clone() version let:state>
                <RadioGroup name="decision" legend=lang.text("hidden-decision") state=state.clone() choices=vec![
                    ("keep".to_owned(), lang.text("hidden-keep")),
                    ("disclose".to_owned(), lang.text("hidden-disclose")),
                ]/>
                <TextArea name="text" label=lang.text("hidden-text") hint=lang.text("hidden-text-hint") state=state.clone()/>
            </ActionForm>
        })}
        {may_consult.then(|| view! {
            <ActionForm base=base.clone() action=CaseAction::AskDpo reply=reply.clone() version let:state>
                <p class="text-small">{lang.text("consultation-lead")}</p>
                <TextArea name="body" label=lang.text("consultation-body") state=state.clone() rows=4/>
            </ActionForm>
        })}
        <ActionForm base=base.clone() action=CaseAction::Note reply=reply.clone() version let:state>
            <TextArea name="body" label=lang.text("note-body") state=state.clone()/>
        </ActionForm>
    }
}

/// `/sagsbehandling/registrer`.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let reply = use_form_reply();
    let lang = use_lang();
    view! {
        <Title text=lang.text("register-title")/>
        <h1>{lang.text("register-heading")}</h1>
        <p class="font-lead">{lang.text("register-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                let state = FormState::of(&reply, "register");
                let kinds = Kind::CHOOSABLE.iter().map(|kind| (kind.code().to_owned(), kind.label(lang))).collect::<Vec<_>>();
                let channels = Channel::REGISTERED.iter().map(|channel| (channel.code().to_owned(), channel.label(lang))).collect::<Vec<_>>();
                view! {
                    <ErrorSummary state=state.clone()/>
                    <form method="post" action="/sagsbehandling/registrer">
                        <RadioGroup name="kind" legend=lang.text("register-kind") state=state.clone() choices=kinds/>
                        <RadioGroup name="channel" legend=lang.text("register-channel") state=state.clone() choices=channels/>
                        <TextInput name="received_date" label=lang.text("register-date") hint=lang.text("register-date-hint") state=state.clone() kind="date"/>
                        <TextInput name="received_time" label=lang.text("register-time") hint=lang.text("register-time-hint") state=state.clone() kind="time"/>
                        <TextInput name="citizen_name" label=lang.text("register-name") state=state.clone() autocomplete="off"/>
                        <TextInput name="cpr" label=lang.text("register-cpr") hint=lang.text("register-cpr-hint") state=state.clone() autocomplete="off"/>
                        <TextInput name="identity_check" label=lang.text("register-identity") hint=lang.text("register-identity-hint") state=state.clone()/>
                        <TextArea name="about" label=lang.text("register-about") state=state.clone()/>
                        <TextArea name="what_is_wrong" label=lang.text("register-what-is-wrong") state=state.clone() rows=3/>
                        <TextArea name="what_is_right" label=lang.text("register-what-is-right") state=state.clone() rows=3/>
                        <TextArea name="situation" label=lang.text("register-situation") state=state.clone() rows=3/>
                        <TextArea name="postal_address" label=lang.text("register-postal-address") hint=lang.text("register-postal-address-hint") state=state.clone() rows=4/>
                        <TextInput name="notify_email" label=lang.text("register-email") state=state.clone() kind="email"/>
                        <button type="submit" class="button button-primary">{lang.text("register-button")}</button>
                    </form>
                }
                .into_any()
            })}
        </Suspense>
    }
}
