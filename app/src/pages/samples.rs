//! Random samples of look-ups: `/sagsbehandling/stikproever`, where every
//! staff member answers for their own sampled look-ups;
//! `/kontrol/stikproever`, where a unit's manager and the DPO review the
//! answers; `/kontrol/stikproeveplaner`, the DPO's plans (their dates seen
//! only by the DPO and investigators). Every form posts to a server route
//! and works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::error::shown_or_alert;
use crate::form::{
    use_form_reply, ErrorSummary, FormReply, FormState, RadioGroup, ReturnedFormAlert, Select,
    TextArea, TextInput,
};
use crate::i18n::use_lang;
use crate::log_control::samples::{
    load_my_samples, load_plans, load_samples_to_review, PlanRow, Review, SampleItem, SampleView,
    ANSWER_FORM, PLAN_FORM, REVIEW_FORM,
};
use crate::log_control::search::load_search_choices;
use crate::scrolling_table::ScrollingTable;
use crate::viewer::{use_viewer, Viewer};

/// What an item's form does on the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The employee answers.
    Answer,
    /// The manager or the DPO reviews.
    Review,
}

impl Mode {
    fn form(self) -> &'static str {
        match self {
            Mode::Answer => ANSWER_FORM,
            Mode::Review => REVIEW_FORM,
        }
    }

    fn action(self, item: i64) -> String {
        match self {
            Mode::Answer => format!("/sagsbehandling/stikproever/{item}"),
            Mode::Review => format!("/kontrol/stikproever/{item}"),
        }
    }
}

/// The heading a failed item form is named by at the top of the page (an
/// item's form is `<answer|review>-<item>`).
fn item_form_heading(form: &str) -> Option<String> {
    let key = if form.starts_with(ANSWER_FORM) {
        "sample-reason"
    } else if form.starts_with(REVIEW_FORM) {
        "sample-review"
    } else {
        return None;
    };
    Some(use_lang().text(key))
}

/// `/sagsbehandling/stikproever`.
#[component]
pub fn MySamplesPage() -> impl IntoView {
    let lang = use_lang();
    let samples = Resource::new_blocking(|| (), |_| load_my_samples());
    view! {
        <Title text=lang.text("my-samples-title")/>
        <h1>{lang.text("my-samples-heading")}</h1>
        <p class="font-lead">{lang.text("my-samples-lead")}</p>
        <crate::staff_notice::StaffLoggingNotice/>
        <SamplesOf samples mode=Mode::Answer none="my-samples-none"/>
    }
}

/// `/kontrol/stikproever`.
#[component]
pub fn SampleReviewPage() -> impl IntoView {
    let lang = use_lang();
    let samples = Resource::new_blocking(|| (), |_| load_samples_to_review());
    view! {
        <Title text=lang.text("review-samples-title")/>
        <h1>{lang.text("review-samples-heading")}</h1>
        <p class="font-lead">{lang.text("review-samples-lead")}</p>
        <SamplesOf samples mode=Mode::Review none="review-samples-none"/>
    }
}

#[component]
fn SamplesOf(
    samples: Resource<Result<Vec<SampleView>, crate::error::AppError>>,
    mode: Mode,
    none: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let reply = use_form_reply();
    let query = use_query_map();
    let done = move || {
        let query = query.read();
        query.get("besvaret").or_else(|| query.get("vurderet"))
    };
    view! {
        {move || done().map(|_| view! {
            <div class="alert alert-success" role="status">
                <div class="alert-body"><p class="alert-text">{lang.text("sample-saved")}</p></div>
            </div>
        })}
        <Suspense>
            {move || Suspend::new(async move {
                let reply = reply
                    .await
                    .ok()
                    .flatten()
                    .map(|reply| reply.named_per_item(mode.form()));
                let alert = view! { <ReturnedFormAlert reply=reply.clone() heading_of=item_form_heading/> };
                let samples = shown_or_alert(samples.await, move |samples| {
                    if samples.is_empty() {
                        return view! { <p>{lang.text(none)}</p> }.into_any();
                    }
                    samples
                        .into_iter()
                        .map(|sample| view! { <Sample sample mode reply=reply.clone()/> })
                        .collect_view()
                        .into_any()
                });
                view! { {alert} {samples} }
            })}
        </Suspense>
    }
}

#[component]
fn Sample(sample: SampleView, mode: Mode, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let heading_id = format!("sample-{}", sample.id);
    // The unit's and the system's names are the municipality's, in Danish.
    let danish = lang.of_danish_data();
    let system = match sample.system.clone() {
        Some(system) => (system, danish),
        None => (lang.text("sample-every-system"), None),
    };
    let heading = lang.text_with_parts_in(
        "sample-heading",
        &[("date", sample.drawn_on.clone().into())],
        vec![
            ("unit", sample.unit.clone(), danish),
            ("system", system.0, system.1),
        ],
    );
    view! {
        <section class="mt-6" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{heading}</h2>
            <p>
                {lang.text_with("sample-answer-by", &[("date", sample.answer_by.clone().into())])}
                {sample.late.then(|| view! { " " <strong>{lang.text("sample-late")}</strong> })}
            </p>
            {sample.items.into_iter().map(|item| view! { <Item item mode reply=reply.clone()/> }).collect_view()}
        </section>
    }
}

#[component]
fn Item(item: SampleItem, mode: Mode, reply: Option<FormReply>) -> impl IntoView {
    let lang = use_lang();
    let id = item.id;
    // The page holds one form per item: the reply belongs to the item it names.
    let form = format!("{}-{id}", mode.form());
    let state = FormState::of(&reply, &form);
    let reviewed = item.review.is_some();
    // Names of systems, and what staff write in the municipality's control
    // of its log, are in Danish (as on the flags page).
    let danish = lang.of_danish_data();
    let open_for_answer = mode == Mode::Answer && !reviewed;
    let reviews = Review::ALL
        .iter()
        .map(|review| (review.code().to_owned(), review.label(lang)))
        .collect::<Vec<_>>();
    view! {
        <article class="card mb-5" id=format!("item-{id}")>
            <div class="card-content">
                <dl>
                    <dt>{lang.text("sample-when")}</dt><dd>{item.at.clone()}</dd>
                    {(mode == Mode::Review).then(|| view! {
                        <dt>{lang.text("control-col-actor")}</dt>
                        <dd>{item.actor.clone()}{item.actor_name.clone().map(|name| format!(" ({name})"))}</dd>
                    })}
                    <dt>{lang.text("control-col-system")}</dt><dd lang=danish>{item.system.clone()}</dd>
                    <dt>{lang.text("control-col-use")}</dt><dd>{item.use_type.clone()}</dd>
                    <dt>{lang.text("sample-citizen")}</dt><dd>{item.subject.clone()}</dd>
                    {item.case_reference.clone().map(|case| view! { <dt>{lang.text("control-col-case")}</dt><dd>{case}</dd> })}
                    <dt>{lang.text("sample-reason")}</dt>
                    {match item.reason.clone() {
                        Some(reason) => view! { <dd class="preserve-lines" lang=danish>{reason}</dd> }.into_any(),
                        None => view! { <dd>{lang.text("sample-no-reason")}</dd> }.into_any(),
                    }}
                    {item.answered.clone().map(|answered| view! { <dt>{lang.text("sample-answered")}</dt><dd>{answered}</dd> })}
                    {item.review.map(|review| view! { <dt>{lang.text("sample-review")}</dt><dd>{review.label(lang)}</dd> })}
                    {item.review_note.clone().map(|note| view! { <dt>{lang.text("sample-review-note")}</dt><dd class="preserve-lines" lang=danish>{note}</dd> })}
                    {item.reviewed.clone().map(|reviewed| view! { <dt>{lang.text("sample-reviewed")}</dt><dd>{reviewed}</dd> })}
                </dl>
                {(open_for_answer || mode == Mode::Review).then(|| view! {
                    <div id=state.section_id() tabindex="-1">
                    <ErrorSummary state=state.clone() focus=false/>
                    <form method="post" action=mode.action(id)>
                        <input type="hidden" name="item" value=id.to_string()/>
                        {if mode == Mode::Answer {
                            view! {
                                <TextArea name="reason" label=lang.text("sample-reason-label") hint=lang.text("sample-reason-hint") state=state.clone() rows=3/>
                                <button type="submit" class="button button-primary">{lang.text("sample-answer-button")}</button>
                            }
                            .into_any()
                        } else {
                            view! {
                                <RadioGroup name="review" legend=lang.text("sample-review-legend") state=state.clone() choices=reviews/>
                                <TextArea name="note" label=lang.text("sample-review-note") hint=lang.text("sample-review-note-hint") state=state.clone() rows=3/>
                                <button type="submit" class="button button-primary">{lang.text("sample-review-button")}</button>
                            }
                            .into_any()
                        }}
                    </form>
                    </div>
                })}
            </div>
        </article>
    }
}

/// `/kontrol/stikproeveplaner`: the plans, and the DPO's form for a new one.
#[component]
pub fn PlansPage() -> impl IntoView {
    let lang = use_lang();
    let plans = Resource::new_blocking(|| (), |_| load_plans());
    let choices = Resource::new_blocking(|| (), |_| load_search_choices());
    let reply = use_form_reply();
    let controller = matches!(use_viewer(), Viewer::Staff { pages, .. } if pages.control_settings);
    view! {
        <Title text=lang.text("plans-title")/>
        <h1>{lang.text("plans-heading")}</h1>
        <p class="font-lead">{lang.text("plans-lead")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                shown_or_alert(plans.await, move |plans| view! { <Plans plans controller/> }.into_any())
            })}
        </Suspense>
        {controller.then(|| view! {
            <h2 id="ny-plan">{lang.text("plans-new")}</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let reply = reply.await.ok().flatten();
                    shown_or_alert(choices.await, move |choices| {
                        let state = FormState::of(&reply, PLAN_FORM);
                        let units = choices.units.iter().map(|unit| (unit.code.clone(), unit.name.clone())).collect::<Vec<_>>();
                        let systems = choices.systems.iter().map(|system| (system.code.clone(), system.name.clone())).collect::<Vec<_>>();
                        view! {
                            <ErrorSummary state=state.clone()/>
                            <form method="post" action="/kontrol/stikproeveplaner">
                                <Select name="unit" label=lang.text("control-col-unit") state=state.clone() choices=units placeholder=lang.text("plans-choose-unit") choices_lang=lang.of_danish_data()/>
                                <Select name="system" label=lang.text("control-col-system") state=state.clone() choices=systems placeholder=lang.text("sample-every-system") choices_lang=lang.of_danish_data()/>
                                <TextInput name="min_months" label=lang.text("plans-min-months") state=state.clone() kind="number" default="1"/>
                                <TextInput name="max_months" label=lang.text("plans-max-months") state=state.clone() kind="number" default="6"/>
                                <TextInput name="per_employee" label=lang.text("plans-per-employee") state=state.clone() kind="number" default="5"/>
                                <TextInput name="days_before_min" label=lang.text("plans-days-before-min") state=state.clone() kind="number" default="1"/>
                                <TextInput name="days_before_max" label=lang.text("plans-days-before-max") state=state.clone() kind="number" default="3"/>
                                <TextInput name="answer_days" label=lang.text("plans-answer-days") state=state.clone() kind="number" default="10"/>
                                <button type="submit" class="button button-primary">{lang.text("plans-create")}</button>
                            </form>
                        }
                        .into_any()
                    })
                })}
            </Suspense>
        })}
    }
}

#[component]
fn Plans(plans: Vec<PlanRow>, controller: bool) -> impl IntoView {
    let lang = use_lang();
    if plans.is_empty() {
        return view! { <p>{lang.text("plans-none")}</p> }.into_any();
    }
    view! {
        <ScrollingTable label=lang.text("plans-heading")>
            <table class="table">
                <thead><tr>
                    <th scope="col">{lang.text("control-col-unit")}</th>
                    <th scope="col">{lang.text("control-col-system")}</th>
                    <th scope="col">{lang.text("plans-interval")}</th>
                    <th scope="col">{lang.text("plans-draw")}</th>
                    <th scope="col">{lang.text("plans-next")}</th>
                    <th scope="col">{lang.text("plans-drawn")}</th>
                    <th scope="col">{lang.text("col-status")}</th>
                </tr></thead>
                <tbody>
                    {plans.into_iter().map(|plan| view! {
                        <tr>
                            <td lang=lang.of_danish_data()>{plan.unit.clone()}</td>
                            <td lang=plan.system.is_some().then_some(()).and(lang.of_danish_data())>{plan.system.clone().unwrap_or_else(|| lang.text("sample-every-system"))}</td>
                            <td>{lang.text_with("plans-interval-value", &[("min", plan.min_months.into()), ("max", plan.max_months.into())])}</td>
                            <td>{lang.text_with("plans-draw-value", &[
                                ("count", plan.per_employee.into()),
                                ("from", plan.days_before_max.into()),
                                ("to", plan.days_before_min.into()),
                                ("answer", plan.answer_days.into()),
                            ])}</td>
                            <td>{if plan.active { plan.next_sample_on.clone() } else { lang.text("plans-stopped") }}</td>
                            <td>{plan.samples_drawn}</td>
                            <td>
                                {if controller {
                                    view! {
                                        <form method="post" action=format!("/kontrol/stikproeveplaner/{}/aktiv", plan.id)>
                                            {(!plan.active).then(|| view! { <input type="hidden" name="active" value="ja"/> })}
                                            <button type="submit" class="button button-secondary">
                                                {lang.text(if plan.active { "plans-stop" } else { "plans-resume" })}
                                            </button>
                                        </form>
                                    }
                                    .into_any()
                                } else {
                                    lang.text(if plan.active { "plans-active" } else { "plans-stopped" }).into_any()
                                }}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
    .into_any()
}
