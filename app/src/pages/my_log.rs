//! `/min-log` "Hvem har set mine oplysninger?": the signed-in citizen's
//! access log at unit level, with filters kept in the URL, a chart of uses per
//! month drawn on the server as SVG (with the same numbers as a table),
//! exports and a print view. `/min-log/udskriv` is the print view.
//!
//! The server function reads the citizen's subject key from the session and
//! from nowhere else; no parameter can select another citizen.

use leptos::prelude::*;

use crate::scrolling_table::ScrollingTable;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::access_log::my_log::{Choice, FilterError, LogQuery, LogRow, MonthCount, MyLog};
use crate::access_log::UseType;
use crate::chart::{capitalise, Bar, BarChart};
use crate::error::{AppError, ErrorAlert};
use crate::form::{described_by, ErrorSummary, FieldFrame, FormReply, FormState};
use crate::i18n::use_lang;

/// The signed-in citizen's log for `query`.
#[server(endpoint = "min-log")]
pub async fn load_my_log(query: LogQuery) -> Result<MyLog, AppError> {
    let citizen = crate::caller::Caller::current().citizen()?;
    let state = crate::state::app_state()?;
    crate::access_log::summary::my_log(
        state.summaries(),
        &citizen,
        &query,
        crate::clock::now(),
        state.site.log_retention_months,
        crate::i18n::request_lang(),
    )
    .await
    .map_err(AppError::internal)
}

/// The filter in the current URL.
fn use_log_query() -> Memo<LogQuery> {
    let params = use_query_map();
    Memo::new(move |_| {
        params.with(|params| {
            LogQuery::from_pairs(params.into_iter().map(|(key, value)| (key.as_ref(), value)))
        })
    })
}

/// `/min-log`.
#[component]
pub fn MyLogPage() -> impl IntoView {
    view! { <MyLogView print=false/> }
}

/// `/min-log/udskriv`: the same rows without filters and links, for printing.
#[component]
pub fn MyLogPrintPage() -> impl IntoView {
    view! { <MyLogView print=true/> }
}

#[component]
fn MyLogView(print: bool) -> impl IntoView {
    let query = use_log_query();
    // The print view shows every row of the filter on one page.
    let log = Resource::new_blocking(
        move || LogQuery {
            all_rows: print,
            ..query.get()
        },
        load_my_log,
    );
    let lang = use_lang();
    view! {
        <Title text=lang.text("my-log-title")/>
        <h1>{lang.text("my-log-title")}</h1>
        <Suspense>
            {move || Suspend::new(async move {
                match log.await {
                    Ok(log) => view! { <LogContent log print/> }.into_any(),
                    Err(error) => view! { <ErrorAlert text=error.text(crate::i18n::use_lang())/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LogContent(log: MyLog, print: bool) -> impl IntoView {
    let lang = use_lang();
    let municipality = crate::site::use_site().map_or_else(
        || lang.text("my-log-the-municipality"),
        |site| site.municipality_name,
    );
    let query_string = log.query.to_query_string(1);
    let suffix = if query_string.is_empty() {
        String::new()
    } else {
        format!("?{query_string}")
    };
    let lead = lang.text_with(
        "my-log-lead",
        &[
            ("municipality", municipality.into()),
            ("from", log.covers_from_text.clone().into()),
        ],
    );
    let summary = if log.total_rows == 0 {
        lang.text_with(
            "my-log-no-uses",
            &[("period", log.period_text.clone().into())],
        )
    } else {
        lang.text_with(
            "my-log-uses",
            &[
                ("count", log.total_uses.into()),
                ("period", log.period_text.clone().into()),
            ],
        )
    };
    let bulk_note = (log.bulk_rows_left_out > 0).then(|| {
        let note = lang.text_with(
            "my-log-bulk-left-out",
            &[("count", log.bulk_rows_left_out.into())],
        );
        if print {
            note
        } else {
            format!("{note} {}", lang.text("my-log-bulk-how"))
        }
    });
    let empty = log.total_rows == 0;
    let MyLog {
        query,
        errors,
        months,
        chart,
        page,
        pages,
        systems,
        units,
        from,
        to,
        period_text,
        ..
    } = log;
    // A filter with problems shows them and no rows: rows of another period
    // would look like the answer to what was asked.
    if !errors.is_empty() {
        let summary_state = filter_problems(&errors, &query);
        return view! {
            <p class="font-lead">{lead}</p>
            <ErrorSummary state=summary_state/>
            <FilterForm query errors from to systems units/>
            <p class="mt-6"><strong>{lang.text("my-log-correct-filter")}</strong></p>
            <WhatTheLogDoesNotShow/>
        }
        .into_any();
    }
    view! {
        <p class="font-lead">{lead}</p>
        {(!print).then(|| view! { <FilterForm query=query.clone() errors from to systems units/> })}
        <p class="mt-6"><strong>{summary}</strong></p>
        {bulk_note.map(|note| view! { <p>{note}</p> })}
        {(!print).then(|| view! {
            <ul class="nobullet-list" aria-label=lang.text("my-log-downloads")>
                <li><a href=format!("/min-log/eksport.csv{suffix}") download="min-log.csv">{lang.text("my-log-csv")}</a></li>
                <li><a href=format!("/min-log/eksport.json{suffix}") download="min-log.json">{lang.text("my-log-json")}</a></li>
                <li><a href=format!("/min-log/udskriv{suffix}")>{lang.text("my-log-print")}</a></li>
            </ul>
        })}
        {if empty {
            view! { <EmptyState/> }.into_any()
        } else {
            view! {
                <Chart chart period_text/>
                {months.into_iter().map(|group| view! {
                    <h2>{capitalise(&group.label)}</h2>
                    <LogTable rows=group.rows print/>
                }).collect_view()}
                {(!print && pages > 1).then(|| view! { <Pagination query page pages/> })}
            }
            .into_any()
        }}
        <WhatTheLogDoesNotShow/>
    }
    .into_any()
}

/// The filter's problems as an error summary (the fields' ids are their
/// query keys), in the fields' order on the page.
fn filter_problems(errors: &[FilterError], query: &LogQuery) -> FormState {
    let reply = FormReply {
        values: [("fra", &query.from), ("til", &query.to)]
            .into_iter()
            .map(|(field, value)| (field.to_owned(), value.clone()))
            .collect(),
        errors: errors
            .iter()
            .map(|error| (error.field.clone(), error.message.clone()))
            .collect(),
        field_order: ["fra", "til", "system", "enhed", "brug"]
            .into_iter()
            .map(str::to_owned)
            .collect(),
        ..FormReply::default()
    };
    FormState::of(&Some(reply), "")
}

fn error_for<'a>(errors: &'a [FilterError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|error| error.field == field)
        .map(|error| error.message.as_str())
}

#[component]
fn FilterForm(
    query: LogQuery,
    errors: Vec<FilterError>,
    from: String,
    to: String,
    systems: Vec<Choice>,
    units: Vec<Choice>,
) -> impl IntoView {
    let from_error = error_for(&errors, "fra").map(str::to_owned);
    let to_error = error_for(&errors, "til").map(str::to_owned);
    // A date with a problem keeps what was typed, so it can be corrected.
    let from = if from_error.is_some() {
        query.from.clone()
    } else {
        from
    };
    let to = if to_error.is_some() {
        query.to.clone()
    } else {
        to
    };
    let use_error = error_for(&errors, "brug").map(str::to_owned);
    let lang = use_lang();
    // The hint under the date fields (a text field: a browser's date picker
    // would throw away what it cannot read, instead of keeping it to correct).
    let date_hint = lang.text("my-log-date-hint");
    let described = |error: &Option<String>, id: &str| described_by(id, true, error.is_some());
    let use_choices = UseType::ALL
        .into_iter()
        .map(|kind| Choice {
            code: kind.code().to_owned(),
            name: kind.label(lang),
        })
        .collect();
    view! {
        <form method="get" action="/min-log" class="mt-6" aria-label=lang.text("my-log-filter-form")>
            <fieldset>
                <legend class="h3">{lang.text("my-log-filter-legend")}</legend>
                <div class="row">
                    <div class="col-12 col-md-6">
                        <FieldFrame id="fra" label=lang.text("my-log-from") hint=Some(date_hint.clone()) error=from_error.clone()>
                            <input class="form-input input-width-s" type="text" id="fra" name="fra" value=from
                                autocomplete="off" aria-describedby=described(&from_error, "fra")/>
                        </FieldFrame>
                    </div>
                    <div class="col-12 col-md-6">
                        <FieldFrame id="til" label=lang.text("my-log-to") hint=Some(date_hint) error=to_error.clone()>
                            <input class="form-input input-width-s" type="text" id="til" name="til" value=to
                                autocomplete="off" aria-describedby=described(&to_error, "til")/>
                        </FieldFrame>
                    </div>
                    <ChoiceField id="system" label=lang.text("my-log-system") all=lang.text("my-log-all-systems")
                        choices=systems selected=query.system.clone() error=None choices_lang=lang.of_danish_data()/>
                    <ChoiceField id="enhed" label=lang.text("my-log-unit") all=lang.text("my-log-all-units")
                        choices=units selected=query.unit.clone() error=None choices_lang=lang.of_danish_data()/>
                    <ChoiceField id="brug" label=lang.text("my-log-use") all=lang.text("my-log-all-uses")
                        choices=use_choices selected=query.use_type.clone() error=use_error/>
                </div>
                <div class="form-group">
                    <div class="form-group-checkbox">
                        <input class="form-checkbox" type="checkbox" id="masse" name="masse" value="1" checked=query.bulk/>
                        <label class="form-label" for="masse">{lang.text("my-log-show-bulk")}</label>
                    </div>
                </div>
                <button type="submit" class="button button-primary">{lang.text("my-log-show")}</button>
                " "
                <a href="/min-log" class="button button-secondary">{lang.text("my-log-reset")}</a>
            </fieldset>
        </form>
    }
    .into_any()
}

/// A select of `choices` (plus "all" first) in a third of the row.
#[component]
fn ChoiceField(
    id: &'static str,
    label: String,
    all: String,
    choices: Vec<Choice>,
    selected: String,
    error: Option<String>,
    /// The language of the choices' names when it is not the page's.
    #[prop(default = None)]
    choices_lang: Option<&'static str>,
) -> impl IntoView {
    let described = described_by(id, false, error.is_some());
    let options = choices
        .into_iter()
        .map(|choice| {
            let is_selected = choice.code == selected;
            view! { <option value=choice.code selected=is_selected lang=choices_lang>{choice.name}</option> }
        })
        .collect_view();
    view! {
        <div class="col-12 col-md-4">
            <FieldFrame id label hint=None error>
                <select class="form-select" id=id name=id aria-describedby=described>
                    <option value="">{all}</option>
                    {options}
                </select>
            </FieldFrame>
        </div>
    }
}

/// Bars per month, drawn as SVG on the server, with the numbers as a table.
#[component]
fn Chart(chart: Vec<MonthCount>, period_text: String) -> impl IntoView {
    let lang = use_lang();
    let bars = chart
        .into_iter()
        .map(|month| Bar {
            label: month.label,
            short_label: month.short_label,
            value: month.count,
            value_text: month.count.to_string(),
        })
        .collect();
    view! {
        <BarChart
            id="chart"
            caption=lang.text_with("my-log-chart-caption", &[("period", period_text.into())])
            title=lang.text("my-log-chart-title")
            label_heading=lang.text("my-log-chart-month")
            value_heading=lang.text("my-log-chart-count")
            bars
        />
    }
    .into_any()
}

#[component]
fn LogTable(rows: Vec<LogRow>, print: bool) -> impl IntoView {
    let lang = use_lang();
    let texts = RowTexts::new(lang);
    view! {
        <ScrollingTable label=lang.text("my-log-table")>
            <table class="table table--compact log-table">
                <thead>
                    <tr>
                        <th scope="col">{lang.text("my-log-col-when")}</th>
                        <th scope="col">{lang.text("my-log-col-who")}</th>
                        <th scope="col">{lang.text("my-log-col-what")}</th>
                        <th scope="col">{lang.text("my-log-col-system")}</th>
                        <th scope="col">{lang.text("my-log-col-purpose")}</th>
                        <th scope="col">{lang.text("my-log-col-count")}</th>
                        {(!print).then(|| view! { <th scope="col"><span class="sr-only">{lang.text("my-log-col-ask")}</span></th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| log_line(row, print, &texts)).collect_view()}
                </tbody>
            </table>
        </ScrollingTable>
    }
}

/// What every row of a table says the same way, looked up once per table.
struct RowTexts {
    ask_look_up: String,
    ask_use: String,
    bulk: String,
    was_hidden: String,
    legal_basis: String,
    /// The `lang` of the municipality's names (Danish) on this page.
    data: Option<&'static str>,
}

impl RowTexts {
    fn new(lang: crate::i18n::Lang) -> RowTexts {
        RowTexts {
            ask_look_up: lang.text("my-log-ask-look-up"),
            ask_use: lang.text("my-log-ask-use"),
            bulk: lang.text("my-log-bulk"),
            was_hidden: lang.text("my-log-was-hidden"),
            legal_basis: lang.text("my-log-legal-basis"),
            data: lang.of_danish_data(),
        }
    }
}

/// One row of the log. A plain function, not a component: a page has a
/// hundred rows, and a component's own reactive owner and context look-ups
/// per row were a measurable part of the page's cost (`docs/benchmarks.md`).
fn log_line(row: LogRow, print: bool, texts: &RowTexts) -> impl IntoView {
    let ask = format!("/henvendelser/ny?opslag={}", row.id);
    // The visible words first (WCAG 2.5.3), then what makes the row unique;
    // "opslag" only where the data were looked up, "brug" where they were
    // changed, printed or exported.
    let looked_up = matches!(
        crate::access_log::UseType::from_code(&row.use_type),
        Some(crate::access_log::UseType::Read | crate::access_log::UseType::Search)
    );
    let ask_text = if looked_up {
        texts.ask_look_up.clone()
    } else {
        texts.ask_use.clone()
    };
    let data = texts.data;
    // The rest of the link's name, for screen readers: the municipality's
    // names marked as Danish, which an aria-label could not do. It starts
    // with a space and a dash, as browsers differ in whether they put a
    // space before text that is out of view.
    let ask_link = (!print).then(|| {
        let details = format!(" – {}, {} {}, ", row.action, row.day_text, row.time_text);
        let (unit, system, purpose) = (row.unit.clone(), row.system.clone(), row.purpose.clone());
        view! {
            <td><a href=ask>{ask_text}<span class="sr-only">
                {details}
                <span lang=data>{unit}</span>", "
                <span lang=data>{system}</span>", "
                <span lang=data>{purpose}</span>
            </span></a></td>
        }
    });
    let bulk = row.bulk.then(|| texts.bulk.clone());
    let was_hidden = texts.was_hidden.clone();
    view! {
        <tr data-row-id=row.id>
            <td>{row.day_text}<br/><span class="text-small">{row.time_text}</span></td>
            <td lang=data>{row.unit}<br/><span class="text-small">{row.authority}</span></td>
            <td>
                {row.action}
                {bulk.map(|bulk| view! { <br/><span class="text-small">{bulk}</span> })}
                {row.disclosed_reason.map(|reason| view! {
                    <br/><span class="text-small">{was_hidden}" "<span lang=data>{reason}</span></span>
                })}
            </td>
            <td lang=data>{row.system}<br/><span class="text-small">{row.system_description}</span></td>
            <td>
                <span lang=data>{row.purpose}</span><br/>
                <span class="text-small">{texts.legal_basis.clone()}" "<span lang=data>{row.legal_basis}</span></span>
            </td>
            <td>{row.count}</td>
            {ask_link}
        </tr>
    }
}

#[component]
fn Pagination(query: LogQuery, page: usize, pages: usize) -> impl IntoView {
    let lang = use_lang();
    let link = move |target: usize| format!("/min-log?{}", query.to_query_string(target));
    view! {
        <nav class="pagination mt-6" aria-label=lang.text("my-log-pages")>
            <p>{lang.text_with("my-log-page-of", &[("page", page.into()), ("pages", pages.into())])}</p>
            <ul class="pagination__items">
                {(page > 1).then(|| view! {
                    <li class="pagination-item"><a class="button button-secondary" href=link(page - 1)>{lang.text("my-log-previous")}</a></li>
                })}
                {(page < pages).then(|| view! {
                    <li class="pagination-item"><a class="button button-secondary" href=link(page + 1)>{lang.text("my-log-next")}</a></li>
                })}
            </ul>
        </nav>
    }
    .into_any()
}

#[component]
fn EmptyState() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="alert alert-info mt-6" role="status">
            <div class="alert-body">
                <p class="alert-heading">{lang.text("my-log-empty-heading")}</p>
                <p class="alert-text">{lang.text("my-log-empty")}</p>
            </div>
        </div>
    }
}

/// What the access log leaves out, on `/min-log` and the landing page.
#[component]
pub fn WhatTheLogDoesNotShow() -> impl IntoView {
    let lang = crate::i18n::use_lang();
    view! {
        <h2 class="mt-8">{lang.text("log-not-shown-heading")}</h2>
        <ul>
            {["log-not-shown-searches", "log-not-shown-old", "log-not-shown-hidden", "log-not-shown-name"]
                .map(|key| view! { <li>{lang.text(key)}</li> })}
        </ul>
    }
}
