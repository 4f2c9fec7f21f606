//! The control of the log (docs/rules.md §4): `/kontrol`, where the DPO,
//! investigators and managers start; `/kontrol/log`, the investigator's
//! search of the raw events; `/kontrol/spoergsmaal`, citizens' questions
//! about a row of their log, with the events behind it and the finding. The server's guard lets only those roles in
//! (the raw log only the DPO and investigators); the server functions and
//! the search route check the capability again.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::shown_or_alert;
use crate::form::{use_form_reply, ErrorSummary, FormState, Select, TextInput};
use crate::i18n::use_lang;
use crate::log_control::questions::{load_question, load_questions, QuestionDetail, FINDING_FORM};
use crate::log_control::search::{
    load_found_events, load_search_choices, FoundEvent, FoundEvents, SearchChoices, COUNT_CAP, FORM,
};
use crate::scrolling_table::ScrollingTable;
use crate::viewer::{use_viewer, Viewer};

/// `/kontrol`: what the control of the log is, and the ways into it the
/// reader's roles open.
#[component]
pub fn ControlPage() -> impl IntoView {
    let lang = use_lang();
    let (inspection, review) = match use_viewer() {
        Viewer::Staff { pages, .. } => (pages.inspection, pages.unit_review),
        _ => (false, false),
    };
    view! {
        <Title text=lang.text("control-title")/>
        <h1>{lang.text("control-heading")}</h1>
        <p class="font-lead">{lang.text("control-lead")}</p>
        <crate::staff_notice::StaffLoggingNotice/>
        <ul class="nobullet-list">
            {review.then(|| view! {
                <li><a href="/kontrol/stikproever">{lang.text("control-samples-link")}</a> " – " {lang.text("control-samples-what")}</li>
                <li><a href="/kontrol/autorisationer">{lang.text("control-reviews-link")}</a> " – " {lang.text("control-reviews-what")}</li>
            })}
            <li><a href="/kontrol/statistik">{lang.text("control-usage-link")}</a> " – " {lang.text("control-usage-what")}</li>
            {inspection.then(|| view! {
                <li><a href="/kontrol/log">{lang.text("control-log-link")}</a> " – " {lang.text("control-log-what")}</li>
                <li><a href="/kontrol/flag">{lang.text("control-flags-link")}</a> " – " {lang.text("control-flags-what")}</li>
                <li><a href="/kontrol/spoergsmaal">{lang.text("control-questions-link")}</a> " – " {lang.text("control-questions-what")}</li>
                <li><a href="/kontrol/stikproeveplaner">{lang.text("control-plans-link")}</a> " – " {lang.text("control-plans-what")}</li>
            })}
        </ul>
    }
}

/// `/kontrol/log`: the search form, and after a search what it found.
#[component]
pub fn LogSearchPage() -> impl IntoView {
    let lang = use_lang();
    let reply = use_form_reply();
    let found = Resource::new_blocking(|| (), |_| load_found_events());
    let choices = Resource::new_blocking(|| (), |_| load_search_choices());
    view! {
        <Title text=lang.text("control-log-title")/>
        <h1>{lang.text("control-log-heading")}</h1>
        <p class="font-lead">{lang.text("control-log-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                let found = found.await.ok().flatten();
                shown_or_alert(choices.await, move |choices| {
                    let state = FormState::of(&reply, FORM);
                    view! {
                        <SearchForm state choices found=found.clone()/>
                        {found.map(|found| view! { <Found found/> })}
                    }
                    .into_any()
                })
            })}
        </Suspense>
    }
}

fn choice_list(choices: &[crate::access_log::my_log::Choice]) -> Vec<(String, String)> {
    choices
        .iter()
        .map(|choice| {
            (
                choice.code.clone(),
                format!("{} ({})", choice.name, choice.code),
            )
        })
        .collect()
}

/// The search form's `id`: the buttons to other pages of the results
/// below the table belong to it.
const SEARCH_FORM_ID: &str = "log-search-form";

/// The form: a CPR number (or the citizen of the previous search, sealed),
/// actor, unit, system, purpose, case reference and period.
#[component]
fn SearchForm(
    state: FormState,
    choices: SearchChoices,
    found: Option<FoundEvents>,
) -> impl IntoView {
    let lang = use_lang();
    let citizen = found.as_ref().and_then(|found| found.citizen_token.clone());
    let any = lang.text("control-any");
    view! {
        <ErrorSummary state=state.clone()/>
        <form method="post" action="/kontrol/log" class="mb-6" id=SEARCH_FORM_ID>
            {citizen.map(|token| view! {
                <input type="hidden" name="borger" value=token/>
                <div class="form-group">
                    <fieldset>
                        <legend class="form-label">{lang.text("control-citizen-kept-legend")}</legend>
                        <ul class="nobullet-list">
                            <li>
                                <input id="behold-borger" type="checkbox" name="behold_borger" value="ja" class="form-checkbox" checked/>
                                <label for="behold-borger">{lang.text("control-citizen-kept")}</label>
                            </li>
                        </ul>
                    </fieldset>
                </div>
            })}
            <TextInput name="cpr" label=lang.text("control-cpr") hint=lang.text("control-cpr-hint") state=state.clone() autocomplete="off"/>
            <TextInput name="actor" label=lang.text("control-actor") hint=lang.text("control-actor-hint") state=state.clone() autocomplete="off"/>
            <Select name="unit" label=lang.text("control-col-unit") state=state.clone() choices=choice_list(&choices.units) placeholder=any.clone() choices_lang=lang.of_danish_data()/>
            <Select name="system" label=lang.text("control-col-system") state=state.clone() choices=choice_list(&choices.systems) placeholder=any.clone() choices_lang=lang.of_danish_data()/>
            <Select name="purpose" label=lang.text("control-col-purpose") state=state.clone() choices=choice_list(&choices.purposes) placeholder=any choices_lang=lang.of_danish_data()/>
            <TextInput name="case_reference" label=lang.text("control-col-case") state=state.clone() autocomplete="off"/>
            <TextInput name="from" label=lang.text("control-from") hint=lang.text("control-from-hint") state=state.clone() kind="date"/>
            <TextInput name="to" label=lang.text("control-to") hint=lang.text("control-to-hint") state=state.clone() kind="date"/>
            <button type="submit" class="button button-primary">{lang.text("control-search-button")}</button>
            " "
            <button type="submit" class="button button-secondary" formaction="/kontrol/log.csv">{lang.text("control-export-button")}</button>
            <p class="form-hint mt-3">{lang.text("control-search-logged")}</p>
        </form>
    }
}

/// What the search found: the count, the events, and the next page.
#[component]
fn Found(found: FoundEvents) -> impl IntoView {
    let lang = use_lang();
    let count = if found.more_than_counted() {
        lang.text_with("control-found-more", &[("count", COUNT_CAP.into())])
    } else {
        lang.text_with("control-found", &[("count", found.total.into())])
    };
    let next = found.has_next().then(|| found.page + 1);
    let previous = (found.page > 1).then(|| found.page - 1);
    let FoundEvents {
        events,
        period,
        page,
        ..
    } = found;
    view! {
        <h2 id="fundet">{lang.text("control-found-heading")}</h2>
        <p role="status">{count} " " {lang.text_with("control-found-period", &[("period", period.into())])}</p>
        {(!events.is_empty()).then(|| view! {
            <ScrollingTable label=lang.text("control-found-heading")>
                <table class="table table--compact">
                    <thead><tr>
                        <th scope="col">{lang.text("control-col-time")}</th>
                        <th scope="col">{lang.text("control-col-actor")}</th>
                        <th scope="col">{lang.text("control-col-unit")}</th>
                        <th scope="col">{lang.text("control-col-system")}</th>
                        <th scope="col">{lang.text("control-col-use")}</th>
                        <th scope="col">{lang.text("control-col-purpose")}</th>
                        <th scope="col">{lang.text("control-col-subject")}</th>
                        <th scope="col">{lang.text("control-col-case")}</th>
                        <th scope="col">{lang.text("control-col-state")}</th>
                        <th scope="col">{lang.text("control-col-event-id")}</th>
                    </tr></thead>
                    <tbody>
                        {events.into_iter().map(|event| view! { <FoundRow event/> }).collect_view()}
                    </tbody>
                </table>
            </ScrollingTable>
        })}
        {(next.is_some() || previous.is_some()).then(|| view! {
            <nav aria-label=lang.text("control-pages")>
                <p>{lang.text_with("control-page", &[("page", page.into())])}</p>
                {previous.map(|page| view! {
                    <button type="submit" form=SEARCH_FORM_ID name="page" value=page.to_string() class="button button-secondary">{lang.text("control-previous")}</button>
                })}
                " "
                {next.map(|page| view! {
                    <button type="submit" form=SEARCH_FORM_ID name="page" value=page.to_string() class="button button-secondary">{lang.text("control-next")}</button>
                })}
            </nav>
        })}
    }
}

#[component]
fn FoundRow(event: FoundEvent) -> impl IntoView {
    let lang = use_lang();
    let state = [
        event.hidden.clone(),
        event.case_closed.then(|| lang.text("control-case-closed")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <tr>
            <td class="nowrap">{event.at}</td>
            <td>{event.actor}{event.actor_name.map(|name| view! { <br/><span class="form-hint">{name}</span> })}</td>
            <td lang=lang.of_danish_data()>{event.unit}</td>
            <td lang=lang.of_danish_data()>{event.system}</td>
            <td>{event.use_type}</td>
            <td lang=lang.of_danish_data()>{event.purpose}</td>
            <td class="nowrap">{event.subject}</td>
            <td>{event.case_reference.unwrap_or_default()}</td>
            <td>{state}</td>
            <td>{event.event_id}</td>
        </tr>
    }
}

/// `/kontrol/spoergsmaal`: citizens' questions about a row of their log.
#[component]
pub fn QuestionsPage() -> impl IntoView {
    let lang = use_lang();
    let questions = Resource::new_blocking(|| (), |_| load_questions());
    view! {
        <Title text=lang.text("questions-title")/>
        <h1>{lang.text("questions-heading")}</h1>
        <p class="font-lead">{lang.text("questions-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(questions.await, |rows| {
                    if rows.is_empty() {
                        return view! { <p>{lang.text("questions-none")}</p> }.into_any();
                    }
                    view! {
                        <ScrollingTable label=lang.text("questions-heading")>
                            <table class="table">
                                <thead><tr>
                                    <th scope="col">{lang.text("col-number")}</th>
                                    <th scope="col">{lang.text("col-received")}</th>
                                    <th scope="col">{lang.text("questions-row")}</th>
                                    <th scope="col">{lang.text("col-status")}</th>
                                    <th scope="col">{lang.text("questions-finding")}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| view! {
                                        <tr>
                                            <th scope="row"><a href=format!("/kontrol/spoergsmaal/{}", row.id)>{row.number}</a></th>
                                            <td>{row.received}</td>
                                            <td lang=lang.of_text_in(row.written_in)>{row.row_text}</td>
                                            <td>{row.status}</td>
                                            <td>{lang.text(if row.found { "questions-found" } else { "questions-not-found-yet" })}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ScrollingTable>
                    }
                    .into_any()
                })
            })}
        </Suspense>
    }
}

/// `/kontrol/spoergsmaal/<id>`: the question, the raw events behind its
/// row, and the finding.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let lang = use_lang();
    let params = leptos_router::hooks::use_params_map();
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()));
    let question = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => load_question(id).await,
            None => Err(crate::error::AppError::NotFound(
                use_lang().text("question-not-found"),
            )),
        }
    });
    let reply = use_form_reply();
    view! {
        <Title text=lang.text("question-title")/>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                shown_or_alert(question.await, move |question| view! { <Question question reply=reply.clone()/> }.into_any())
            })}
        </Suspense>
        <p><a href="/kontrol/spoergsmaal">{lang.text("questions-back")}</a></p>
    }
}

#[component]
fn Question(question: QuestionDetail, reply: Option<crate::form::FormReply>) -> impl IntoView {
    let lang = use_lang();
    let state = FormState::of(&reply, FINDING_FORM);
    let row = question.row.clone();
    let saved = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("gemt")
        .is_some();
    view! {
        <h1>{lang.text_with("question-heading", &[("number", row.number.clone().into())])}</h1>
        {saved.then(|| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.text("question-finding-saved")}</p></div>
            </div>
        })}
        <dl>
            <dt>{lang.text("col-received")}</dt><dd>{row.received.clone()}</dd>
            <dt>{lang.text("col-status")}</dt><dd>{row.status.clone()}</dd>
            <dt>{lang.text("questions-row")}</dt><dd lang=lang.of_text_in(row.written_in)>{row.row_text.clone()}</dd>
            <dt>{lang.text("question-asked")}</dt><dd class="preserve-lines" lang=lang.of_text_in(row.written_in)>{question.question.clone()}</dd>
        </dl>
        <p>{lang.text("question-answer-through-request")}</p>
        <h2>{lang.text("question-events")}</h2>
        {if question.events.is_empty() {
            view! { <p>{lang.text("question-events-gone")}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label=lang.text("question-events")>
                    <table class="table table--compact">
                        <thead><tr>
                            <th scope="col">{lang.text("control-col-time")}</th>
                            <th scope="col">{lang.text("control-col-actor")}</th>
                            <th scope="col">{lang.text("control-col-unit")}</th>
                            <th scope="col">{lang.text("control-col-system")}</th>
                            <th scope="col">{lang.text("control-col-use")}</th>
                            <th scope="col">{lang.text("control-col-purpose")}</th>
                            <th scope="col">{lang.text("control-col-subject")}</th>
                            <th scope="col">{lang.text("control-col-case")}</th>
                            <th scope="col">{lang.text("control-col-state")}</th>
                            <th scope="col">{lang.text("control-col-event-id")}</th>
                        </tr></thead>
                        <tbody>
                            {question.events.into_iter().map(|event| view! { <FoundRow event/> }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
            }
            .into_any()
        }}
        <h2 id=state.section_id()>{lang.text("question-finding-heading")}</h2>
        {question.finding.clone().map(|finding| view! {
            <p>{lang.text_with("log-finding-lead", &[("by", finding.by.into()), ("at", finding.at.into())])}</p>
            <blockquote class="preserve-lines">{finding.text}</blockquote>
        })}
        <ErrorSummary state=state.clone()/>
        <form method="post" action=format!("/kontrol/spoergsmaal/{}", row.id)>
            <crate::form::TextArea name="finding" label=lang.text("question-finding-label") hint=lang.text("question-finding-hint") state=state.clone() rows=5/>
            <button type="submit" class="button button-primary">{lang.text("question-finding-save")}</button>
        </form>
    }
}
