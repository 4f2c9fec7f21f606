//! `/kontrol/flag`: the automatic flags by status, and the rules with their
//! thresholds (set by the DPO); `/kontrol/flag/<id>`: one flag with the
//! events behind it and the form to mark it justified, sent to the unit for
//! an explanation, or an incident. A flag is a reason to ask, not a
//! verdict; both pages say so.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::error::shown_or_alert;
use crate::form::{
    use_form_reply, ErrorSummary, FormReply, FormState, RadioGroup, Select, TextArea, TextInput,
};
use crate::i18n::use_lang;
use crate::log_control::flags::circumstances::{
    load_circumstances, Circumstances, HOURS_FORM, HOURS_PATH, PROTECT_FORM, PROTECT_PATH,
    STANDING_FORM, STANDING_PATH, UNPROTECT_PATH, UNSTAND_PATH,
};
use crate::log_control::flags::views::{
    load_flag, load_flags, load_rules, FlagDetail, FlagList, FlagRow, RuleRow,
};
use crate::log_control::flags::{FlagStatus, Protection, Rule};
use crate::scrolling_table::ScrollingTable;
use crate::viewer::{use_viewer, Viewer};

/// The form deciding a flag.
pub const DECIDE_FORM: &str = "decide-flag";
/// The form setting the rules, and where it posts.
pub const RULES_FORM: &str = "flag-rules";
pub const RULES_PATH: &str = "/kontrol/flag/regler";

/// `/kontrol/flag?status=<code>`.
#[component]
pub fn FlagsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let status = move || query.read().get("status");
    let saved = move || query.read().get("regler").is_some();
    let flags = Resource::new_blocking(status, load_flags);
    let rules = Resource::new_blocking(|| (), |_| load_rules());
    let circumstances = Resource::new_blocking(|| (), |_| load_circumstances());
    let reply = use_form_reply();
    view! {
        <Title text=lang.text("flags-title")/>
        <h1>{lang.text("flags-heading")}</h1>
        <p class="font-lead">{lang.text("flags-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(flags.await, |list| view! { <Flags list/> }.into_any())
            })}
        </Suspense>
        <h2 id="regler">{lang.text("flag-rules-heading")}</h2>
        {move || saved().then(|| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.text("flag-rules-saved")}</p></div>
            </div>
        })}
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                shown_or_alert(rules.await, move |rules| view! { <Rules rules reply=reply.clone()/> }.into_any())
            })}
        </Suspense>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                shown_or_alert(circumstances.await, move |known| view! { <Known known reply=reply.clone()/> }.into_any())
            })}
        </Suspense>
    }
}

#[component]
fn Flags(list: FlagList) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let shown = query
        .read_untracked()
        .get("status")
        .as_deref()
        .and_then(FlagStatus::from_code)
        .unwrap_or(FlagStatus::Open);
    let heading = lang.text_with("flags-with-status", &[("status", shown.label(lang).into())]);
    view! {
        <nav aria-label=lang.text("flags-by-status")>
            <ul class="nobullet-list">
                {list.counts.into_iter().map(|(status, count)| {
                    let current = (status == shown).then_some("page");
                    view! {
                        <li>
                            <a href=format!("/kontrol/flag?status={}", status.code()) aria-current=current>
                                {format!("{} ({count})", status.label(lang))}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <h2>{heading.clone()}</h2>
        {if list.rows.is_empty() {
            view! { <p>{lang.text("flags-none")}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label=heading>
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{lang.text("flag-col-flag")}</th>
                            <th scope="col">{lang.text("flag-col-day")}</th>
                            <th scope="col">{lang.text("control-col-actor")}</th>
                            <th scope="col">{lang.text("control-col-unit")}</th>
                            <th scope="col">{lang.text("flag-col-about")}</th>
                            <th scope="col">{lang.text("flag-col-events")}</th>
                        </tr></thead>
                        <tbody>
                            {list.rows.into_iter().map(|row| view! { <FlagLine row/> }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
            }
            .into_any()
        }}
    }
}

/// What a flag is about besides the actor: the system, the citizen, why
/// they are protected.
fn about(row: &FlagRow) -> String {
    [
        row.system.clone(),
        row.subject.clone(),
        row.protection.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

#[component]
fn FlagLine(row: FlagRow) -> impl IntoView {
    let lang = use_lang();
    view! {
        <tr>
            <th scope="row"><a href=format!("/kontrol/flag/{}", row.id)>{format!("{} {}", row.rule.label(lang), row.id)}</a></th>
            <td>{row.day.clone()}</td>
            <td>{row.actor.clone()}{row.actor_name.clone().map(|name| view! { <br/><span class="form-hint">{name}</span> })}</td>
            <td lang=lang.of_danish_data()>{row.unit.clone()}</td>
            <td>{about(&row)}</td>
            <td>{row.events}</td>
        </tr>
    }
}

/// The rules: who may change them sees a form, everyone else a list.
#[component]
fn Rules(rules: Vec<RuleRow>, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let controller = matches!(use_viewer(), Viewer::Staff { pages, .. } if pages.control_settings);
    let state = FormState::of(&reply, RULES_FORM);
    let burst = rules
        .iter()
        .find(|row| row.rule == Rule::ManyCitizens)
        .cloned();
    let describe = move |row: &RuleRow| {
        let mut text = lang.text(&format!("flag-rule-{}-what", row.rule.code()));
        if let (Some(max), Some(within)) = (row.max_citizens, row.within_minutes) {
            text = format!(
                "{text} {}",
                lang.text_with(
                    "flag-burst-now",
                    &[("max", max.into()), ("within", within.into())]
                )
            );
        }
        text
    };
    if !controller {
        return view! {
            <ul>
                {rules.iter().map(|row| view! {
                    <li>
                        <strong>{row.rule.label(lang)}</strong>
                        {format!(" ({}): ", if row.enabled { lang.text("flag-rule-on") } else { lang.text("flag-rule-off") })}
                        {describe(row)}
                    </li>
                }).collect_view()}
            </ul>
            <p class="form-hint">{lang.text("flag-rules-dpo-only")}</p>
        }
        .into_any();
    }
    let max = burst
        .as_ref()
        .and_then(|row| row.max_citizens)
        .unwrap_or(20)
        .to_string();
    let within = burst
        .as_ref()
        .and_then(|row| row.within_minutes)
        .unwrap_or(10)
        .to_string();
    view! {
        <ErrorSummary state=state.clone()/>
        <form method="post" action=RULES_PATH id=state.section_id()>
            <fieldset class="form-group">
                <legend class="form-label">{lang.text("flag-rules-legend")}</legend>
                <ul class="nobullet-list">
                    {rules.iter().map(|row| {
                        let id = format!("rule-{}", row.rule.code());
                        let hint_id = format!("{id}-hint");
                        view! {
                            <li>
                                <input type="checkbox" class="form-checkbox" id=id.clone() name=row.rule.code() value="ja" checked=row.enabled aria-describedby=hint_id.clone()/>
                                <label for=id>{row.rule.label(lang)}</label>
                                <span class="form-hint" id=hint_id>{describe(row)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
            <TextInput name="max_citizens" label=lang.text("flag-burst-max") hint=lang.text("flag-burst-max-hint") state=state.clone() kind="number" default=max/>
            <TextInput name="within_minutes" label=lang.text("flag-burst-within") hint=lang.text("flag-burst-within-hint") state=state.clone() kind="number" default=within/>
            <button type="submit" class="button button-primary">{lang.text("flag-rules-save")}</button>
        </form>
    }
    .into_any()
}

/// `/kontrol/flag/<id>`.
#[component]
pub fn FlagPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = move || params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()));
    let flag = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => load_flag(id).await,
            None => Err(crate::error::AppError::NotFound(
                crate::i18n::use_lang().text("flag-not-found"),
            )),
        }
    });
    let reply = use_form_reply();
    view! {
        <Title text=lang.text("flag-title")/>
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                shown_or_alert(flag.await, move |flag| view! { <Flag flag reply=reply.clone()/> }.into_any())
            })}
        </Suspense>
        <p><a href="/kontrol/flag">{lang.text("flag-back")}</a></p>
    }
}

#[component]
fn Flag(flag: FlagDetail, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let row = flag.row.clone();
    let state = FormState::of(&reply, DECIDE_FORM);
    let decisions = FlagStatus::DECISIONS
        .iter()
        .map(|status| (status.code().to_owned(), status.label(lang)))
        .collect::<Vec<_>>();
    let query = use_query_map();
    let decided_now = query.read_untracked().get("afgjort").is_some();
    view! {
        <h1>{format!("{} {}", row.rule.label(lang), row.id)}</h1>
        <p class="font-lead">{lang.text("flag-not-a-verdict")}</p>
        {decided_now.then(|| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.text("flag-decided-now")}</p></div>
            </div>
        })}
        <dl>
            <dt>{lang.text("flag-col-flag")}</dt><dd>{lang.text(&format!("flag-rule-{}-what", row.rule.code()))}</dd>
            <dt>{lang.text("flag-col-day")}</dt><dd>{row.day.clone()}</dd>
            <dt>{lang.text("control-col-actor")}</dt><dd>{row.actor.clone()}{row.actor_name.clone().map(|name| format!(" ({name})"))}</dd>
            <dt>{lang.text("control-col-unit")}</dt><dd>{row.unit.clone()}</dd>
            {(!about(&row).is_empty()).then(|| view! { <dt>{lang.text("flag-col-about")}</dt><dd>{about(&row)}</dd> })}
            <dt>{lang.text("flag-raised")}</dt><dd>{flag.raised_at.clone()}</dd>
            <dt>{lang.text("flag-status")}</dt><dd>{row.status.label(lang)}</dd>
            {flag.decided.clone().map(|(by, at)| view! {
                <dt>{lang.text("flag-decided-by")}</dt><dd>{format!("{by}, {at}")}</dd>
            })}
            {flag.note.clone().map(|note| view! { <dt>{lang.text("flag-note")}</dt><dd class="preserve-lines">{note}</dd> })}
        </dl>
        <h2>{lang.text("flag-events-heading")}</h2>
        <ScrollingTable label=lang.text("flag-events-heading")>
            <table class="table table--compact">
                <thead><tr>
                    <th scope="col">{lang.text("control-col-time")}</th>
                    <th scope="col">{lang.text("control-col-system")}</th>
                    <th scope="col">{lang.text("control-col-use")}</th>
                    <th scope="col">{lang.text("control-col-purpose")}</th>
                    <th scope="col">{lang.text("control-col-subject")}</th>
                    <th scope="col">{lang.text("control-col-case")}</th>
                    <th scope="col">{lang.text("control-col-event-id")}</th>
                </tr></thead>
                <tbody>
                    {flag.events.into_iter().map(|event| view! {
                        <tr>
                            <td class="nowrap">{event.at}</td>
                            <td lang=lang.of_danish_data()>{event.system}</td>
                            <td>{event.use_type}</td>
                            <td lang=lang.of_danish_data()>{event.purpose}</td>
                            <td class="nowrap">{event.subject}</td>
                            <td>{event.case_reference.unwrap_or_default()}</td>
                            <td>{event.event_id}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
        <h2 id=state.section_id()>{lang.text("flag-decide-heading")}</h2>
        <ErrorSummary state=state.clone()/>
        <form method="post" action=format!("/kontrol/flag/{}", row.id)>
            <RadioGroup name="status" legend=lang.text("flag-decide-legend") state=state.clone() choices=decisions/>
            <TextArea name="note" label=lang.text("flag-note") hint=lang.text("flag-note-hint") state=state.clone() rows=4/>
            <button type="submit" class="button button-primary">{lang.text("flag-decide-button")}</button>
        </form>
    }
}

/// What the rules know: the units' opening hours, the protected citizens
/// and the standing reasons; the DPO's forms to change them.
#[component]
fn Known(known: Circumstances, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let controller = matches!(use_viewer(), Viewer::Staff { pages, .. } if pages.control_settings);
    let saved = use_query_map().read_untracked().get("gemt");
    let saved_in = move |anchor: &str| {
        (saved.as_deref() == Some(anchor)).then(|| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.text("flag-rules-saved")}</p></div>
            </div>
        })
    };
    let units: Vec<(String, String)> = known
        .hours
        .iter()
        .map(|unit| (unit.code.clone(), unit.name.clone()))
        .collect();
    let kinds = |with_employees: bool| {
        Protection::ALL
            .iter()
            .filter(|protection| with_employees || **protection != Protection::Employee)
            .map(|protection| (protection.code().to_owned(), protection.label(lang)))
            .collect::<Vec<_>>()
    };
    let hours_state = FormState::of(&reply, HOURS_FORM);
    let protect_state = FormState::of(&reply, PROTECT_FORM);
    let standing_state = FormState::of(&reply, STANDING_FORM);
    let days = (1..=7u32)
        .map(|day| {
            let name = format!("day{day}");
            let id = hours_state.field_id(&name);
            let checked = hours_state.value(&name) == "ja";
            view! {
                <li>
                    <input type="checkbox" class="form-checkbox" id=id.clone() name=name value="ja" checked=checked/>
                    <label for=id>{lang.text(&format!("weekday-{day}"))}</label>
                </li>
            }
        })
        .collect_view();
    let holidays_id = hours_state.field_id("holidays");
    let holidays_checked = hours_state.value("holidays") == "ja";
    view! {
        <h2 id="aabningstider">{lang.text("hours-heading")}</h2>
        {saved_in("aabningstider")}
        <p>{lang.text("hours-lead")}</p>
        <ScrollingTable label=lang.text("hours-heading")>
            <table class="table table--compact">
                <thead><tr><th scope="col">{lang.text("control-col-unit")}</th><th scope="col">{lang.text("hours-col")}</th></tr></thead>
                <tbody>
                    {known.hours.iter().map(|unit| view! {
                        <tr>
                            <td lang=lang.of_danish_data()>{format!("{} ({})", unit.name, unit.code)}</td>
                            <td>{unit.own.clone().unwrap_or_else(|| lang.text("hours-standard"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
        {controller.then(|| view! {
            <ErrorSummary state=hours_state.clone() focus=false/>
            <form method="post" action=HOURS_PATH id=hours_state.section_id()>
                <Select name="unit" label=lang.text("control-col-unit") state=hours_state.clone() choices=units.clone() placeholder=lang.text("plans-choose-unit") choices_lang=lang.of_danish_data()/>
                <fieldset class="form-group">
                    <legend class="form-label">{lang.text("hours-days")}</legend>
                    {hours_state.error("day1").map(|error| view! { <span class="form-error-message">{error}</span> })}
                    <ul class="nobullet-list">{days}</ul>
                </fieldset>
                <TextInput name="opens" label=lang.text("hours-opens") hint=lang.text("hours-time-hint") state=hours_state.clone() default="07:00"/>
                <TextInput name="closes" label=lang.text("hours-closes") hint=lang.text("hours-time-hint") state=hours_state.clone() default="18:00"/>
                <ul class="nobullet-list">
                    <li>
                        <input type="checkbox" class="form-checkbox" id=holidays_id.clone() name="holidays" value="ja" checked=holidays_checked/>
                        <label for=holidays_id>{lang.text("hours-holidays")}</label>
                    </li>
                </ul>
                <button type="submit" class="button button-primary">{lang.text("hours-save")}</button>
                " "
                <button type="submit" class="button button-secondary" name="standard" value="ja">{lang.text("hours-reset")}</button>
            </form>
        })}

        <h2 id="beskyttede">{lang.text("protected-heading")}</h2>
        {saved_in("beskyttede")}
        <p>{lang.text_with("protected-lead", &[("employees", known.employees.into())])}</p>
        {if known.protected.is_empty() {
            view! { <p>{lang.text("protected-none")}</p> }.into_any()
        } else {
            view! {
                <ScrollingTable label=lang.text("protected-heading")>
                    <table class="table table--compact">
                        <thead><tr>
                            <th scope="col">{lang.text("control-col-subject")}</th>
                            <th scope="col">{lang.text("protected-why")}</th>
                            <th scope="col">{lang.text("flag-note")}</th>
                            <th scope="col">{lang.text("protected-added")}</th>
                            {controller.then(|| view! { <th scope="col"><span class="sr-only">{lang.text("protected-remove")}</span></th> })}
                        </tr></thead>
                        <tbody>
                            {known.protected.iter().map(|row| view! {
                                <tr>
                                    <td class="nowrap">{row.pseudonym.clone()}</td>
                                    <td>{row.category.clone()}</td>
                                    <td>{row.note.clone().unwrap_or_default()}</td>
                                    <td>{row.added.clone()}</td>
                                    {controller.then(|| view! {
                                        <td>
                                            <form method="post" action=UNPROTECT_PATH>
                                                <input type="hidden" name="key" value=row.key.clone()/>
                                                <button type="submit" class="button button-secondary">
                                                    {lang.text_with("protected-remove-one", &[("who", row.pseudonym.clone().into())])}
                                                </button>
                                            </form>
                                        </td>
                                    })}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </ScrollingTable>
            }
            .into_any()
        }}
        {controller.then(|| view! {
            <ErrorSummary state=protect_state.clone() focus=false/>
            <form method="post" action=PROTECT_PATH id=protect_state.section_id()>
                <TextInput name="cpr" label=lang.text("control-cpr") hint=lang.text("protected-cpr-hint") state=protect_state.clone() autocomplete="off"/>
                <Select name="category" label=lang.text("protected-why") state=protect_state.clone() choices=kinds(false) placeholder=lang.text("protected-choose")/>
                <TextInput name="note" label=lang.text("flag-note") hint=lang.text("protected-note-hint") state=protect_state.clone()/>
                <button type="submit" class="button button-primary">{lang.text("protected-add")}</button>
            </form>
        })}

        <h2 id="faste-grunde">{lang.text("standing-heading")}</h2>
        {saved_in("faste-grunde")}
        <p>{lang.text("standing-lead")}</p>
        {if known.standing.is_empty() {
            view! { <p>{lang.text("standing-none")}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {known.standing.iter().map(|row| view! {
                        <li>
                            <span lang=lang.of_danish_data()>{row.unit.clone()}</span>{format!(": {} – ", row.category)}<span lang=lang.of_danish_data()>{row.reason.clone()}</span>
                            {controller.then(|| view! {
                                <form method="post" action=UNSTAND_PATH class="d-inline ml-3">
                                    <input type="hidden" name="unit" value=row.unit_code.clone()/>
                                    <input type="hidden" name="category" value=row.category_code.clone()/>
                                    <button type="submit" class="button button-secondary">
                                        {lang.text_with_danish("standing-remove", &[("category", row.category.clone().into())], "unit", row.unit.clone())}
                                    </button>
                                </form>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        {controller.then(|| view! {
            <ErrorSummary state=standing_state.clone() focus=false/>
            <form method="post" action=STANDING_PATH id=standing_state.section_id()>
                <Select name="unit" label=lang.text("control-col-unit") state=standing_state.clone() choices=units placeholder=lang.text("plans-choose-unit") choices_lang=lang.of_danish_data()/>
                <Select name="category" label=lang.text("protected-why") state=standing_state.clone() choices=kinds(true) placeholder=lang.text("protected-choose")/>
                <TextInput name="reason" label=lang.text("standing-reason") state=standing_state.clone()/>
                <button type="submit" class="button button-primary">{lang.text("standing-add")}</button>
            </form>
        })}
    }
}
