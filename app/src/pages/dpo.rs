//! `/dpo`, the data protection officer's page (also for administrators):
//! every request's deadline across units (counts, shares answered in time per
//! month as a chart and a table, per unit, the overdue and soon-due requests
//! with links, a CSV export), the caseworkers' questions waiting for the
//! DPO's advice, then rejected access attempts and blocks. The
//! server's guard lets only those roles in; the server functions check the
//! role again, so a page and its data are both protected.

use leptos::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::scrolling_table::ScrollingTable;
use leptos_meta::Title;

use crate::access_control::AccessControlOverview;
use crate::access_log::deliveries::SourceDelivery;
use crate::chart::{Bar, BarChart};
use crate::error::{shown_or_alert, AppError, ErrorAlert};
use crate::form::{
    use_form_reply, ErrorSummary, FormReply, FormState, ReturnedFormAlert, Select, TextArea,
};
use leptos_router::hooks::use_query_map;

/// Where the form lifting a block posts to (a server route).
pub const LIFT_PATH: &str = "/dpo/ophaev-spaerring";
/// The form's name in its [`FormReply`].
pub const LIFT_FORM: &str = "lift-block";
use crate::requests::views::{
    ConsultationRow, Count, DeadlineOverview, DueWindow, MailHealth, QueueRow,
};

/// The latest rejected attempts and the active blocks (DPO and admin only).
#[server(endpoint = "dpo/access-control")]
pub async fn load_access_control() -> Result<AccessControlOverview, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    let now = crate::clock::now();
    crate::access_control::store::access_control_overview(
        &state.pool,
        &overseer,
        200,
        now,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(AppError::internal)
}

/// Every request's deadline across units (DPO and admin only).
#[server(endpoint = "dpo/deadlines")]
pub async fn load_deadline_overview() -> Result<DeadlineOverview, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    let lines = crate::requests::overview::lines(&state.pool, &overseer)
        .await
        .map_err(AppError::internal)?;
    let today = crate::access_log::coverage::local_date(crate::clock::now());
    Ok(crate::requests::overview::overview(
        &lines,
        today,
        state.requests.due_soon_days,
        crate::i18n::request_lang(),
    ))
}

/// The open requests whose caseworker waits for the DPO's advice (DPO and
/// admin only).
#[server(endpoint = "dpo/consultations")]
pub async fn load_consultations() -> Result<Vec<ConsultationRow>, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    let today = crate::access_log::coverage::local_date(crate::clock::now());
    crate::requests::store::consultation::waiting_for_advice(
        &state.pool,
        &overseer,
        today,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(AppError::internal)
}

/// When each source system last delivered events (DPO and admin only).
#[server(endpoint = "dpo/source-systems")]
pub async fn load_source_deliveries() -> Result<Vec<SourceDelivery>, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    let silent_after = chrono::Duration::hours(i64::from(state.oversight.source_silence_hours));
    crate::access_log::deliveries::deliveries(
        &state.pool,
        &overseer,
        crate::clock::now(),
        silent_after,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(AppError::internal)
}

/// How the mail outbox stands (DPO and admin only).
#[server(endpoint = "dpo/mail")]
pub async fn load_mail_health() -> Result<MailHealth, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    crate::requests::mail::health(&state.pool, &overseer, crate::i18n::request_lang())
        .await
        .map_err(AppError::internal)
}

/// The heading of the lift form, the one form on `/dpo`.
fn lift_form_heading(form: &str) -> Option<String> {
    (form == LIFT_FORM).then(|| use_lang().text("lift-heading"))
}

/// `/dpo`: deadlines, then rejected access attempts and blocks.
#[component]
pub fn DpoPage() -> impl IntoView {
    let overview = Resource::new_blocking(|| (), |_| load_access_control());
    let reply = use_form_reply();
    let query = use_query_map();
    let lifted = move || query.read().get("ophaevet");
    let deadlines = Resource::new_blocking(|| (), |_| load_deadline_overview());
    let consultations = Resource::new_blocking(|| (), |_| load_consultations());
    let mail = Resource::new_blocking(|| (), |_| load_mail_health());
    let sources = Resource::new_blocking(|| (), |_| load_source_deliveries());
    let lang = use_lang();
    view! {
        <Title text=lang.text("dpo-title")/>
        <h1>{lang.text("dpo-heading")}</h1>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                view! { <ReturnedFormAlert reply heading_of=lift_form_heading/> }
            })}
        </Suspense>
        <crate::staff_notice::StaffLoggingNotice/>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(deadlines.await, |deadlines| view! { <Deadlines deadlines/> }.into_any())
            })}
        </Suspense>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(consultations.await, |rows| view! { <Consultations rows/> }.into_any())
            })}
        </Suspense>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(mail.await, |health| view! { <Mail health/> }.into_any())
            })}
        </Suspense>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(sources.await, |sources| view! { <Sources sources/> }.into_any())
            })}
        </Suspense>
        <h2 id="adgangskontrol">{lang.text("access-control")}</h2>
        {move || lifted().map(|id| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.text_with("lifted", &[("id", id.into())])}</p></div>
            </div>
        })}
        <p class="font-lead">{lang.text("access-control-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                match overview.await {
                    Ok(overview) => view! { <Overview overview reply/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.text(lang)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The questions waiting for the DPO's advice, oldest first.
#[component]
fn Consultations(rows: Vec<ConsultationRow>) -> impl IntoView {
    let lang = use_lang();
    let data = lang.of_danish_data();
    view! {
        <h2 id="spoergsmaal">{lang.text("consultations-heading")}</h2>
        {if rows.is_empty() {
            view! { <p>{lang.text("consultations-none")}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label=lang.text("consultations-heading")>
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{lang.text("col-number")}</th>
                            <th scope="col">{lang.text("consultations-asked")}</th>
                            <th scope="col">{lang.text("consultations-asked-by")}</th>
                            <th scope="col">{lang.text("col-kind")}</th>
                            <th scope="col">{lang.text("my-log-unit")}</th>
                            <th scope="col">{lang.text("col-deadline")}</th>
                            <th scope="col">{lang.text("col-left")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! {
                                <tr>
                                    <th scope="row" class="request-number"><a href=format!("/sagsbehandling/{}", row.request_id)>{row.number.clone()}</a></th>
                                    <td>{row.asked_at.clone()}</td>
                                    <td>{row.asked_by.clone()}</td>
                                    <td>{row.kind.label(lang)}</td>
                                    <td lang=data>{row.unit.clone()}</td>
                                    <td>{row.deadline.clone()}</td>
                                    <td>{crate::requests::views::days_left_cell(lang, row.days_left)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
            }
            .into_any()
        }}
    }
}

#[component]
fn Overview(overview: AccessControlOverview, reply: Option<FormReply>) -> impl IntoView {
    let AccessControlOverview { rejections, blocks } = overview;
    let state = FormState::of(&reply, LIFT_FORM);
    let lang = use_lang();
    let choices: Vec<(String, String)> = blocks
        .iter()
        .map(|block| {
            (
                block.id.to_string(),
                lang.text_with(
                    "block-choice",
                    &[("id", block.id.into()), ("what", block.what.clone().into())],
                ),
            )
        })
        .collect();
    view! {
        <h3>{lang.text("blocks-active")}</h3>
        {if blocks.is_empty() {
            view! { <p>{lang.text("blocks-none")}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label=lang.text("blocks-active")>
                    <table class="table">
                        <thead><tr><th scope="col">{lang.text("col-no")}</th><th scope="col">{lang.text("col-blocked")}</th><th scope="col">{lang.text("my-log-col-what")}</th><th scope="col">{lang.text("col-rejections")}</th></tr></thead>
                        <tbody>
                            {blocks.into_iter().map(|block| view! {
                                <tr>
                                    <td>{block.id}</td><td>{block.at}</td><td>{block.what}</td><td>{block.rejections}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
                <LiftForm state=state.clone() choices/>
            }
            .into_any()
        }}
        <h3>{lang.text("rejections-latest")}</h3>
        {if rejections.is_empty() {
            view! { <p>{lang.text("rejections-none")}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label=lang.text("rejections-latest")>
                    <table class="table">
                        <thead><tr><th scope="col">{lang.text("col-time")}</th><th scope="col">{lang.text("col-ip")}</th><th scope="col">{lang.text("my-log-col-who")}</th><th scope="col">{lang.text("col-reason")}</th><th scope="col">{lang.text("col-page")}</th></tr></thead>
                        <tbody>
                            {rejections.into_iter().map(|row| view! {
                                <tr><td>{row.at}</td><td>{row.source_ip}</td><td>{row.who}</td><td>{row.reason}</td><td>{row.path}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
            }
            .into_any()
        }}
    }
}

/// The form that lifts a block, with its cause.
#[component]
fn LiftForm(state: FormState, choices: Vec<(String, String)>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id=state.section_id() tabindex="-1" aria-labelledby="ophaev">
            <h3 id="ophaev">{lang.text("lift-heading")}</h3>
            <p>{lang.text("lift-lead")}</p>
            <form method="post" action=LIFT_PATH>
                <ErrorSummary state=state.clone() focus=false/>
                <Select name="block" label=lang.text("lift-block") state=state.clone() choices placeholder=lang.text("lift-choose")/>
                <TextArea name="cause" label=lang.text("lift-cause") hint=lang.text("lift-cause-hint") state=state.clone() rows=3/>
                <button type="submit" class="button button-primary">{lang.text("lift-button")}</button>
            </form>
        </section>
    }
    .into_any()
}

/// Days with one decimal, with the language's decimal mark ("4,5" / "4.5").
fn days_text(lang: Lang, days: Option<f64>) -> String {
    days.map_or_else(
        || "–".to_owned(),
        |days| {
            let text = format!("{days:.1}");
            match lang {
                Lang::Da => text.replace('.', ","),
                Lang::En => text,
            }
        },
    )
}

fn share_text(part: usize, whole: usize) -> String {
    (part * 100)
        .checked_div(whole)
        .map_or_else(|| "–".to_owned(), |percent| format!("{percent} %"))
}

#[component]
fn CountTable(caption: String, heading: String, counts: Vec<Count>) -> impl IntoView {
    view! {
        <table class="table table--compact">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">{heading}</th><th scope="col">{use_lang().text("my-log-col-count")}</th></tr></thead>
            <tbody>
                {counts.into_iter().map(|count| view! { <tr><th scope="row">{count.label}</th><td>{count.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Deadlines(deadlines: DeadlineOverview) -> impl IntoView {
    let lang = use_lang();
    let bars = deadlines
        .months
        .iter()
        .map(|month| Bar {
            label: month.month.clone(),
            short_label: month.short_label.clone(),
            value: i64::try_from(month.percent().unwrap_or(0)).unwrap_or(0),
            value_text: month
                .percent()
                .map_or_else(|| "–".to_owned(), |percent| format!("{percent} %")),
        })
        .collect();
    let months = deadlines.months.clone();
    view! {
        <h2>{lang.text("dpo-deadlines")}</h2>
        <ul class="nobullet-list dpo-figures">
            <li>
                <a href="/sagsbehandling?frist=overskredet">
                    <strong class=(deadlines.overdue > 0).then_some("badge badge-error")>{deadlines.overdue}</strong>
                    {format!(" {}", lang.text_with("dpo-overdue", &[("count", deadlines.overdue.into())]))}
                </a>
            </li>
            <li>
                <a href="/sagsbehandling?frist=snart">
                    <strong>{deadlines.due_soon}</strong>
                    {format!(" {}", lang.text_with("dpo-due-soon", &[("count", deadlines.due_soon.into()), ("days", deadlines.due_soon_days.into())]))}
                </a>
            </li>
            <li>{lang.text("dpo-median")}" "<strong>{days_text(lang, deadlines.median_days)}</strong></li>
            <li>{lang.text("dpo-extended-share")}" "<strong>{share_text(deadlines.extended, deadlines.received)}</strong></li>
        </ul>
        <p><a href="/dpo/henvendelser.csv" download="">{lang.text("dpo-csv")}</a>" "{lang.text("dpo-csv-note")}</p>
        <h3>{lang.text("dpo-urgent")}</h3>
        <UrgentTable rows=deadlines.urgent.clone() due_soon_days=deadlines.due_soon_days/>
        <div class="dpo-counts">
            <CountTable caption=lang.text("dpo-by-status") heading=lang.text("col-status") counts=deadlines.open_by_status.clone()/>
            <CountTable caption=lang.text("dpo-by-kind") heading=lang.text("col-kind") counts=deadlines.open_by_kind.clone()/>
        </div>
        <BarChart
            id="on-time-chart"
            caption=lang.text("dpo-chart-caption")
            title=lang.text("dpo-chart-title")
            label_heading=lang.text("my-log-chart-month")
            value_heading=lang.text("dpo-chart-value")
            bars
        />
        <table class="table table--compact">
            <caption>{lang.text("dpo-decided-per-month")}</caption>
            <thead><tr><th scope="col">{lang.text("my-log-chart-month")}</th><th scope="col">{lang.text("col-decided")}</th><th scope="col">{lang.text("col-on-time")}</th></tr></thead>
            <tbody>
                {months.into_iter().map(|month| view! {
                    <tr><th scope="row">{month.month}</th><td>{month.decided}</td><td>{month.on_time}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <h3>{lang.text("dpo-per-unit")}</h3>
        <ScrollingTable label=lang.text("dpo-per-unit-label")>
            <table class="table table--compact">
                <caption class="sr-only">{lang.text("dpo-per-unit-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.text("my-log-unit")}</th><th scope="col">{lang.text("col-open")}</th><th scope="col">{DueWindow::Overdue.label(lang)}</th>
                        <th scope="col">{lang.text_with("col-due-within", &[("days", deadlines.due_soon_days.into())])}</th><th scope="col">{lang.text("col-decided")}</th><th scope="col">{lang.text("col-on-time")}</th>
                        <th scope="col">{lang.text("col-median-days")}</th><th scope="col">{lang.text("deadline-extended-column")}</th>
                    </tr>
                </thead>
                <tbody>
                    {deadlines.units.into_iter().map(|unit| view! {
                        <tr>
                            <th scope="row" lang=lang.of_danish_data()>{unit.unit}</th><td>{unit.open}</td><td>{unit.overdue}</td><td>{unit.due_soon}</td>
                            <td>{unit.decided}</td><td>{share_text(unit.on_time, unit.decided)}</td>
                            <td>{days_text(lang, unit.median_days)}</td><td>{share_text(unit.extended, unit.received)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
}

/// The source systems and when each last delivered events; the silent ones
/// first and marked.
#[component]
fn Sources(sources: Vec<SourceDelivery>) -> impl IntoView {
    let silent = sources.iter().filter(|source| source.silent).count();
    let lang = use_lang();
    view! {
        <h2 id="kildesystemer">{lang.text("sources")}</h2>
        <p>
            {if silent == 0 {
                lang.text("sources-all-recent")
            } else {
                lang.text_with("sources-silent", &[("count", silent.into())])
            }}
        </p>
        <ScrollingTable label=lang.text("sources")>
            <table class="table table--compact">
                <caption class="sr-only">{lang.text("sources-caption")}</caption>
                <thead><tr><th scope="col">{lang.text("my-log-system")}</th><th scope="col">{lang.text("col-last-delivery")}</th><th scope="col">{lang.text("col-events")}</th></tr></thead>
                <tbody>
                    {sources.into_iter().map(|source| view! {
                        <tr>
                            <th scope="row" lang=lang.of_danish_data()>{source.system}</th>
                            <td>
                                {source.silent.then(|| view! { <span class="badge badge-warning">{lang.text("source-silent")}</span>" " })}
                                {source.last_delivery.unwrap_or_else(|| lang.text("never"))}
                            </td>
                            <td>{source.events_stored}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
}

#[component]
fn UrgentTable(rows: Vec<QueueRow>, due_soon_days: u32) -> impl IntoView {
    if rows.is_empty() {
        view! { <p>{use_lang().text_with("dpo-urgent-none", &[("days", due_soon_days.into())])}</p> }.into_any()
    } else {
        view! { <crate::pages::casework::QueueTable rows due_soon_days/> }.into_any()
    }
}

#[component]
fn Mail(health: MailHealth) -> impl IntoView {
    let lang = use_lang();
    let digest = health.last_digest.map_or_else(
        || lang.text("mail-digest-not-yet"),
        |day| lang.text_with("mail-digest-last", &[("day", day.into())]),
    );
    let waiting = if health.waiting == 0 {
        lang.text("mail-all-sent")
    } else {
        lang.text_with(
            "mail-waiting",
            &[
                ("count", health.waiting.into()),
                ("oldest", health.oldest_waiting.unwrap_or_default().into()),
            ],
        )
    };
    view! {
        <h3>{lang.text("mail-heading")}</h3>
        <p>{digest}" "{waiting}</p>
        {(health.failing > 0).then(|| view! {
            <div class="alert alert-warning" role="alert">
                <div class="alert-body">
                    <p class="alert-text">
                        {lang.text_with("mail-failing", &[("count", health.failing.into())])}
                    </p>
                </div>
            </div>
        })}
    }
}
