//! The control of the log (docs/rules.md §4): `/kontrol`, where the DPO,
//! investigators and managers start, and `/kontrol/log`, the investigator's
//! search of the raw events. The server's guard lets only those roles in
//! (the raw log only the DPO and investigators); the server functions and
//! the search route check the capability again.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::shown_or_alert;
use crate::form::{use_form_reply, ErrorSummary, FormState, Select, TextInput};
use crate::i18n::use_lang;
use crate::log_control::search::{
    load_found_events, load_search_choices, FoundEvent, FoundEvents, SearchChoices, COUNT_CAP,
    FORM,
};
use crate::scrolling_table::ScrollingTable;
use crate::viewer::{use_viewer, Viewer};

/// `/kontrol`: what the control of the log is, and the ways into it the
/// reader's roles open.
#[component]
pub fn ControlPage() -> impl IntoView {
    let lang = use_lang();
    let inspection = matches!(use_viewer(), Viewer::Staff { pages, .. } if pages.inspection);
    view! {
        <Title text=lang.text("control-title")/>
        <h1>{lang.text("control-heading")}</h1>
        <p class="font-lead">{lang.text("control-lead")}</p>
        <crate::staff_notice::StaffLoggingNotice/>
        {inspection.then(|| view! {
            <ul class="nobullet-list">
                <li><a href="/kontrol/log">{lang.text("control-log-link")}</a> " – " {lang.text("control-log-what")}</li>
                <li><a href="/kontrol/flag">{lang.text("control-flags-link")}</a> " – " {lang.text("control-flags-what")}</li>
            </ul>
        })}
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
        .map(|choice| (choice.code.clone(), format!("{} ({})", choice.name, choice.code)))
        .collect()
}

/// The search form's `id`: the buttons to other pages of the results
/// below the table belong to it.
const SEARCH_FORM_ID: &str = "log-search-form";

/// The form: a CPR number (or the citizen of the previous search, sealed),
/// actor, unit, system, purpose, case reference and period.
#[component]
fn SearchForm(state: FormState, choices: SearchChoices, found: Option<FoundEvents>) -> impl IntoView {
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
            <Select name="unit" label=lang.text("control-col-unit") state=state.clone() choices=choice_list(&choices.units) placeholder=any.clone()/>
            <Select name="system" label=lang.text("control-col-system") state=state.clone() choices=choice_list(&choices.systems) placeholder=any.clone()/>
            <Select name="purpose" label=lang.text("control-col-purpose") state=state.clone() choices=choice_list(&choices.purposes) placeholder=any/>
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
    let FoundEvents { events, period, page, .. } = found;
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
            <td>{event.unit}</td>
            <td>{event.system}</td>
            <td>{event.use_type}</td>
            <td>{event.purpose}</td>
            <td class="nowrap">{event.subject}</td>
            <td>{event.case_reference.unwrap_or_default()}</td>
            <td>{state}</td>
            <td>{event.event_id}</td>
        </tr>
    }
}
