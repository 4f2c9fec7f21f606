//! `/kontrol/statistik`: usage statistics for a chosen period (a form that
//! gets, so the address can be bookmarked and carries no personal data):
//! each actor's uses per system, the staff directory's people without use,
//! and the portal's own staff with their sign-ins and actions; with a CSV
//! export of the same.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::access_log::UseType;
use crate::error::shown_or_alert;
use crate::form::{ErrorSummary, FormState, Select, TextInput};
use crate::i18n::use_lang;
use crate::log_control::usage::{
    load_usage, ActorUsage, IdleActor, StaffUsage, UsageQuery, UsageReport, FORM, PAGE_LINES,
};
use crate::scrolling_table::ScrollingTable;

/// `/kontrol/statistik`.
#[component]
pub fn UsagePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let asked = move || {
        query.with(|query| {
            let pairs: Vec<(String, String)> = ["from", "to", "unit", "system"]
                .into_iter()
                .filter_map(|key| query.get(key).map(|value| (key.to_owned(), value)))
                .collect();
            UsageQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    };
    let report = Resource::new_blocking(asked, load_usage);
    view! {
        <Title text=lang.text("usage-title")/>
        <h1>{lang.text("usage-heading")}</h1>
        <p class="font-lead">{lang.text("usage-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                let asked = asked();
                shown_or_alert(report.await, move |report| view! { <Report report asked/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Report(report: UsageReport, asked: UsageQuery) -> impl IntoView {
    let lang = use_lang();
    // The filter as asked, with what is wrong with it (nothing is counted then).
    let state = FormState::of(&Some(report.reply.clone()), FORM);
    let one_unit = report.units.len() == 1;
    let units = report
        .units
        .iter()
        .map(|unit| (unit.code.clone(), unit.name.clone()))
        .collect::<Vec<_>>();
    let systems = report
        .systems
        .iter()
        .map(|system| (system.code.clone(), system.name.clone()))
        .collect::<Vec<_>>();
    let export = format!("/kontrol/statistik.csv?{}", asked.to_query_string());
    view! {
        <ErrorSummary state=state.clone()/>
        <form method="get" action="/kontrol/statistik">
            <TextInput name="from" label=lang.text("control-from") hint=lang.text("usage-date-hint") state=state.clone() kind="date"/>
            <TextInput name="to" label=lang.text("control-to") hint=lang.text("usage-date-hint") state=state.clone() kind="date"/>
            {if one_unit {
                view! { <Select name="unit" label=lang.text("control-col-unit") state=state.clone() choices=units choices_lang=lang.of_danish_data()/> }.into_any()
            } else {
                view! { <Select name="unit" label=lang.text("control-col-unit") state=state.clone() choices=units placeholder=lang.text("usage-every-unit") choices_lang=lang.of_danish_data()/> }.into_any()
            }}
            <Select name="system" label=lang.text("control-col-system") state=state.clone() choices=systems placeholder=lang.text("sample-every-system") choices_lang=lang.of_danish_data()/>
            <button type="submit" class="button button-primary">{lang.text("usage-show")}</button>
        </form>
        {report.counted.then(|| view! {
            <p class="mt-6">
                {lang.text_with("usage-period", &[("period", report.period.clone().into())])} " "
                <a href=export.clone() class="function-link" download>{lang.text("usage-export")}</a>
            </p>
            <p>{lang.text("usage-counted-when")}</p>
            <h2 id="brug">{lang.text("usage-actors-heading")}</h2>
            <ActorTable lines=report.actors.clone()/>
            {(report.more_lines > 0).then(|| view! {
                <p>{lang.text_with("usage-more-lines", &[("shown", PAGE_LINES.into()), ("more", report.more_lines.into())])}</p>
            })}
            <h2 id="uden-brug">{lang.text("usage-idle-heading")}</h2>
            <IdleList idle=report.idle.clone()/>
            <h2 id="personale">{lang.text("usage-staff-heading")}</h2>
            <p>{lang.text("usage-staff-lead")}</p>
            <StaffTable staff=report.staff.clone()/>
        })}
    }
}

#[component]
fn ActorTable(lines: Vec<ActorUsage>) -> impl IntoView {
    let lang = use_lang();
    if lines.is_empty() {
        return view! { <p>{lang.text("usage-no-uses")}</p> }.into_any();
    }
    view! {
        <ScrollingTable label=lang.text("usage-actors-heading")>
            <table class="table table--compact">
                <thead><tr>
                    <th scope="col">{lang.text("control-col-actor")}</th>
                    <th scope="col">{lang.text("usage-col-home-unit")}</th>
                    <th scope="col">{lang.text("control-col-system")}</th>
                    <th scope="col" class="text-align-right">{lang.text("usage-col-look-ups")}</th>
                    {UseType::ALL.iter().map(|kind| view! { <th scope="col" class="text-align-right">{kind.label(lang)}</th> }).collect_view()}
                    <th scope="col" class="text-align-right">{lang.text("usage-col-total")}</th>
                    <th scope="col">{lang.text("usage-col-last-day")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| view! {
                        <tr>
                            <th scope="row">{line.actor.clone()}{line.name.clone().map(|name| format!(" ({name})"))}</th>
                            <td lang=line.home_unit.is_some().then_some(()).and(lang.of_danish_data())>{line.home_unit.clone().unwrap_or_else(|| lang.text("usage-not-in-directory"))}</td>
                            <td lang=lang.of_danish_data()>{line.system.clone()}</td>
                            <td class="text-align-right">{line.counts.look_ups()}</td>
                            {line.counts.0.iter().map(|count| view! { <td class="text-align-right">{*count}</td> }).collect_view()}
                            <td class="text-align-right">{line.counts.total()}</td>
                            <td>{line.last_day.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
    .into_any()
}

#[component]
fn IdleList(idle: Vec<IdleActor>) -> impl IntoView {
    let lang = use_lang();
    if idle.is_empty() {
        return view! { <p>{lang.text("usage-no-idle")}</p> }.into_any();
    }
    view! {
        <p>{lang.text("usage-idle-lead")}</p>
        <ScrollingTable label=lang.text("usage-idle-heading")>
            <table class="table table--compact">
                <thead><tr>
                    <th scope="col">{lang.text("control-col-actor")}</th>
                    <th scope="col">{lang.text("control-col-actor-name")}</th>
                    <th scope="col">{lang.text("usage-col-home-unit")}</th>
                </tr></thead>
                <tbody>
                    {idle.into_iter().map(|person| view! {
                        <tr><td>{person.actor}</td><td>{person.name}</td><td lang=lang.of_danish_data()>{person.unit}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
    .into_any()
}

#[component]
fn StaffTable(staff: Vec<StaffUsage>) -> impl IntoView {
    let lang = use_lang();
    if staff.is_empty() {
        return view! { <p>{lang.text("usage-no-staff")}</p> }.into_any();
    }
    view! {
        <ScrollingTable label=lang.text("usage-staff-heading")>
            <table class="table table--compact">
                <thead><tr>
                    <th scope="col">{lang.text("control-col-actor-name")}</th>
                    <th scope="col">{lang.text("control-col-unit")}</th>
                    <th scope="col">{lang.text("usage-col-roles")}</th>
                    <th scope="col" class="text-align-right">{lang.text("usage-col-sign-ins")}</th>
                    <th scope="col">{lang.text("usage-col-last-sign-in")}</th>
                    <th scope="col" class="text-align-right">{lang.text("usage-col-case-actions")}</th>
                    <th scope="col" class="text-align-right">{lang.text("usage-col-portal-uses")}</th>
                    <th scope="col">{lang.text("col-status")}</th>
                </tr></thead>
                <tbody>
                    {staff.into_iter().map(|member| {
                        let status = if member.deactivated {
                            lang.text("usage-staff-removed")
                        } else if member.idle() {
                            lang.text("usage-staff-idle")
                        } else {
                            String::new()
                        };
                        view! {
                            <tr>
                                <th scope="row">{member.name.clone()}" ("{member.id.clone()}")"</th>
                                <td lang=lang.of_danish_data()>{member.unit.clone()}</td>
                                <td>{member.roles.clone()}</td>
                                <td class="text-align-right">{member.sign_ins}</td>
                                <td>{member.last_sign_in.clone()}</td>
                                <td class="text-align-right">{member.case_actions}</td>
                                <td class="text-align-right">{member.portal_uses}</td>
                                <td>{status}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
    .into_any()
}
