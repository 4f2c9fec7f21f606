//! `/dpo`, the data protection officer's page (also for administrators):
//! every request's deadline across units (counts, shares answered in time per
//! month as a chart and a table, per unit, the overdue and soon-due requests
//! with links, a CSV export), then rejected access attempts and blocks. The
//! server's guard lets only those roles in; the server functions check the
//! role again, so a page and its data are both protected.

use leptos::prelude::*;

use crate::scrolling_table::ScrollingTable;
use crate::text::{count_of, singular_or_plural};
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
use crate::requests::views::{Count, DeadlineOverview, MailHealth, QueueRow};

/// The latest rejected attempts and the active blocks (DPO and admin only).
#[server(endpoint = "dpo/access-control")]
pub async fn load_access_control() -> Result<AccessControlOverview, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    let now = crate::clock::now();
    crate::access_control::store::access_control_overview(&state.pool, &overseer, 200, now)
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
    ))
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
    )
    .await
    .map_err(AppError::internal)
}

/// How the mail outbox stands (DPO and admin only).
#[server(endpoint = "dpo/mail")]
pub async fn load_mail_health() -> Result<MailHealth, AppError> {
    let overseer = crate::caller::Caller::current().overseer()?;
    let state = crate::state::app_state()?;
    crate::requests::mail::health(&state.pool, &overseer)
        .await
        .map_err(AppError::internal)
}

/// The heading of the lift form, the one form on `/dpo`.
const LIFT_HEADING: &str = "Ophæv en spærring";

fn lift_form_heading(form: &str) -> Option<String> {
    (form == LIFT_FORM).then(|| LIFT_HEADING.to_owned())
}

/// `/dpo`: deadlines, then rejected access attempts and blocks.
#[component]
pub fn DpoPage() -> impl IntoView {
    let overview = Resource::new_blocking(|| (), |_| load_access_control());
    let reply = use_form_reply();
    let query = use_query_map();
    let lifted = move || query.read().get("ophaevet");
    let deadlines = Resource::new_blocking(|| (), |_| load_deadline_overview());
    let mail = Resource::new_blocking(|| (), |_| load_mail_health());
    let sources = Resource::new_blocking(|| (), |_| load_source_deliveries());
    view! {
        <Title text="Databeskyttelsesrådgiver"/>
        <h1>"Overblik for databeskyttelsesrådgiveren"</h1>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                view! { <ReturnedFormAlert reply heading_of=lift_form_heading/> }
            })}
        </Suspense>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(deadlines.await, |deadlines| view! { <Deadlines deadlines/> }.into_any())
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
        <h2 id="adgangskontrol">"Adgangskontrol"</h2>
        {move || lifted().map(|id| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{format!("Spærring nr. {id} er ophævet, og årsagen er registreret.")}</p></div>
            </div>
        })}
        <p class="font-lead">
            "Afviste adgangsforsøg og spærringer efter gentagne afviste forsøg (sikkerhedsbekendtgørelsens § 18)."
        </p>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                match overview.await {
                    Ok(overview) => view! { <Overview overview reply/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.to_string()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(overview: AccessControlOverview, reply: Option<FormReply>) -> impl IntoView {
    let AccessControlOverview { rejections, blocks } = overview;
    let state = FormState::of(&reply, LIFT_FORM);
    let choices: Vec<(String, String)> = blocks
        .iter()
        .map(|block| {
            (
                block.id.to_string(),
                format!("Nr. {}: {}", block.id, block.what),
            )
        })
        .collect();
    view! {
        <h3>"Aktive spærringer"</h3>
        {if blocks.is_empty() {
            view! { <p>"Ingen aktive spærringer."</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label="Aktive spærringer">
                    <table class="table">
                        <thead><tr><th scope="col">"Nr."</th><th scope="col">"Spærret"</th><th scope="col">"Hvad"</th><th scope="col">"Afviste forsøg"</th></tr></thead>
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
        <h3>"Seneste afviste adgangsforsøg"</h3>
        {if rejections.is_empty() {
            view! { <p>"Ingen afviste adgangsforsøg."</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label="Seneste afviste adgangsforsøg">
                    <table class="table">
                        <thead><tr><th scope="col">"Tidspunkt"</th><th scope="col">"IP-adresse"</th><th scope="col">"Hvem"</th><th scope="col">"Årsag"</th><th scope="col">"Side"</th></tr></thead>
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
    view! {
        <section id=state.section_id() tabindex="-1" aria-labelledby="ophaev">
            <h3 id="ophaev">{LIFT_HEADING}</h3>
            <p>"Ophæv en spærring, når årsagen er undersøgt. Det bliver registreret, hvem der ophævede den, og hvorfor."</p>
            <form method="post" action=LIFT_PATH>
                <ErrorSummary state=state.clone() focus=false/>
                <Select name="block" label="Spærring" state=state.clone() choices placeholder="Vælg spærring"/>
                <TextArea name="cause" label="Årsag til ophævelsen" hint="Fx hvad undersøgelsen af forsøgene viste. Højst 500 tegn, ingen CPR-numre." state=state.clone() rows=3/>
                <button type="submit" class="button button-primary">"Ophæv spærringen"</button>
            </form>
        </section>
    }
    .into_any()
}

fn days_text(days: Option<f64>) -> String {
    days.map_or_else(
        || "–".to_owned(),
        |days| format!("{days:.1}").replace('.', ","),
    )
}

fn share_text(part: usize, whole: usize) -> String {
    (part * 100)
        .checked_div(whole)
        .map_or_else(|| "–".to_owned(), |percent| format!("{percent} %"))
}

#[component]
fn CountTable(caption: &'static str, heading: &'static str, counts: Vec<Count>) -> impl IntoView {
    view! {
        <table class="table table--compact">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">{heading}</th><th scope="col">"Antal"</th></tr></thead>
            <tbody>
                {counts.into_iter().map(|count| view! { <tr><th scope="row">{count.label}</th><td>{count.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Deadlines(deadlines: DeadlineOverview) -> impl IntoView {
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
        <h2>"Henvendelser og frister"</h2>
        <ul class="nobullet-list dpo-figures">
            <li>
                <a href="/sagsbehandling?frist=overskredet">
                    <strong class=(deadlines.overdue > 0).then_some("badge badge-error")>{deadlines.overdue}</strong>
                    {format!(" {} overskredet fristen", singular_or_plural(deadlines.overdue, "åben henvendelse har", "åbne henvendelser har"))}
                </a>
            </li>
            <li>
                <a href="/sagsbehandling?frist=snart">
                    <strong>{deadlines.due_soon}</strong>
                    {format!(" {} frist inden for {} dage", singular_or_plural(deadlines.due_soon, "åben henvendelse har", "åbne henvendelser har"), deadlines.due_soon_days)}
                </a>
            </li>
            <li>"Median for dage fra modtagelse til svar (12 måneder): "<strong>{days_text(deadlines.median_days)}</strong></li>
            <li>"Andel med forlænget frist (modtaget de seneste 12 måneder): "<strong>{share_text(deadlines.extended, deadlines.received)}</strong></li>
        </ul>
        <p><a href="/dpo/henvendelser.csv" rel="external" download="">"Hent alle henvendelser som CSV"</a>" (uden navne og CPR-numre)"</p>
        <h3>"Overskredne og snart udløbne frister"</h3>
        <UrgentTable rows=deadlines.urgent.clone() due_soon_days=deadlines.due_soon_days/>
        <div class="dpo-counts">
            <CountTable caption="Åbne henvendelser efter status" heading="Status" counts=deadlines.open_by_status.clone()/>
            <CountTable caption="Åbne henvendelser efter type" heading="Type" counts=deadlines.open_by_kind.clone()/>
        </div>
        <BarChart
            id="on-time-chart"
            caption="Andel besvaret inden for fristen, pr. måned for afgørelsen".to_owned()
            title="Andel besvaret inden for fristen pr. måned"
            label_heading="Måned"
            value_heading="Andel inden for fristen"
            bars
        />
        <table class="table table--compact">
            <caption>"Afgjorte henvendelser pr. måned"</caption>
            <thead><tr><th scope="col">"Måned"</th><th scope="col">"Afgjort"</th><th scope="col">"Inden for fristen"</th></tr></thead>
            <tbody>
                {months.into_iter().map(|month| view! {
                    <tr><th scope="row">{month.month}</th><td>{month.decided}</td><td>{month.on_time}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <h3>"Pr. enhed"</h3>
        <ScrollingTable label="Henvendelser pr. enhed">
            <table class="table table--compact">
                <caption class="sr-only">"Henvendelser pr. enhed; afgjorte og modtagne gælder de seneste 12 måneder"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Enhed"</th><th scope="col">"Åbne"</th><th scope="col">"Overskredet"</th>
                        <th scope="col">{format!("Frist inden {} dage", deadlines.due_soon_days)}</th><th scope="col">"Afgjort"</th><th scope="col">"Inden for fristen"</th>
                        <th scope="col">"Median dage"</th><th scope="col">"Forlænget"</th>
                    </tr>
                </thead>
                <tbody>
                    {deadlines.units.into_iter().map(|unit| view! {
                        <tr>
                            <th scope="row">{unit.unit}</th><td>{unit.open}</td><td>{unit.overdue}</td><td>{unit.due_soon}</td>
                            <td>{unit.decided}</td><td>{share_text(unit.on_time, unit.decided)}</td>
                            <td>{days_text(unit.median_days)}</td><td>{share_text(unit.extended, unit.received)}</td>
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
    view! {
        <h2 id="kildesystemer">"Kildesystemer"</h2>
        <p>
            {if silent == 0 {
                "Alle kildesystemer har leveret hændelser til loggen for nylig.".to_owned()
            } else {
                format!(
                    "{} ikke leveret hændelser længe. Loggen kan mangle brug af borgernes oplysninger: undersøg leverancen.",
                    count_of(silent, "kildesystem har", "kildesystemer har")
                )
            }}
        </p>
        <ScrollingTable label="Kildesystemer">
            <table class="table table--compact">
                <caption class="sr-only">"Kildesystemer og deres seneste levering, de længst tavse først"</caption>
                <thead><tr><th scope="col">"System"</th><th scope="col">"Senest leveret"</th><th scope="col">"Hændelser i alt"</th></tr></thead>
                <tbody>
                    {sources.into_iter().map(|source| view! {
                        <tr>
                            <th scope="row">{source.system}</th>
                            <td>
                                {source.silent.then(|| view! { <span class="badge badge-warning">"Tavs"</span>" " })}
                                {source.last_delivery.unwrap_or_else(|| "Aldrig".to_owned())}
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
        view! { <p>{format!("Ingen åbne henvendelser har frist inden for {due_soon_days} dage.")}</p> }.into_any()
    } else {
        view! { <crate::pages::casework::QueueTable rows due_soon_days/> }.into_any()
    }
}

#[component]
fn Mail(health: MailHealth) -> impl IntoView {
    let digest = health.last_digest.map_or_else(
        || "Den daglige oversigt over frister er ikke sendt endnu.".to_owned(),
        |day| format!("Seneste daglige oversigt over frister: {day}."),
    );
    let waiting = if health.waiting == 0 {
        "Al e-mail er sendt.".to_owned()
    } else {
        format!(
            "{} e-mails venter på at blive sendt (den ældste fra {}).",
            health.waiting,
            health.oldest_waiting.unwrap_or_default()
        )
    };
    view! {
        <h3>"E-mail"</h3>
        <p>{digest}" "{waiting}</p>
        {(health.failing > 0).then(|| view! {
            <div class="alert alert-warning" role="alert">
                <div class="alert-body">
                    <p class="alert-text">
                        {format!("{} e-mails kunne ikke afleveres til mailserveren og forsøges igen. Årsagen står i serverens log.", health.failing)}
                    </p>
                </div>
            </div>
        })}
    }
}
