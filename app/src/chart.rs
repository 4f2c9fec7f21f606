//! A bar chart drawn on the server as SVG, with a title and a text
//! description for screen readers, and the same numbers as a table beside
//! it. Used for the citizen's uses per month and the DPO's deadline shares.

use leptos::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Full label, for the table and the description ("november 2026").
    pub label: String,
    /// Label under the bar ("nov.").
    pub short_label: String,
    /// The bar's height, relative to the others.
    pub value: i64,
    /// The value as read ("12", "75 %").
    pub value_text: String,
}

/// "november" → "November".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The chart in a `<figure>` with `caption`; `id` keeps the title and
/// description ids unique on the page; the table has the columns `label_heading`
/// and `value_heading`.
#[component]
pub fn BarChart(
    id: &'static str,
    caption: String,
    title: String,
    label_heading: String,
    value_heading: String,
    bars: Vec<Bar>,
) -> impl IntoView {
    const WIDTH: i64 = 640;
    const HEIGHT: i64 = 216;
    const BASE: i64 = 170;
    let max = bars.iter().map(|bar| bar.value).max().unwrap_or(0).max(1);
    let slots = i64::try_from(bars.len()).unwrap_or(1).max(1);
    let slot = WIDTH / slots;
    let bar_width = (slot * 3 / 5).max(4);
    let description = bars
        .iter()
        .map(|bar| format!("{}: {}", bar.label, bar.value_text))
        .collect::<Vec<_>>()
        .join(", ");
    let shapes = bars
        .iter()
        .enumerate()
        .map(|(index, bar)| {
            let index = i64::try_from(index).unwrap_or(0);
            let height = (bar.value.max(0) * 140) / max;
            let x = index * slot + (slot - bar_width) / 2;
            let centre = index * slot + slot / 2;
            view! {
                <g>
                    <rect x=x y=BASE - height width=bar_width height=height class="chart-bar"/>
                    <text x=centre y=BASE - height - 6 text-anchor="middle" class="chart-value">{bar.value_text.clone()}</text>
                    <text x=centre y=BASE + 20 text-anchor="middle" class="chart-label">
                        {bar.short_label.split('\n').enumerate().map(|(line, text)| view! {
                            <tspan x=centre dy=if line == 0 { "0" } else { "1.2em" }>{text.to_owned()}</tspan>
                        }).collect_view()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let (caption_text, headings) = (title.clone(), (label_heading, value_heading));
    let table = move || {
        let rows = bars
            .iter()
            .map(|bar| view! { <tr><th scope="row">{capitalise(&bar.label)}</th><td>{bar.value_text.clone()}</td></tr> })
            .collect_view();
        view! {
            <table class="table table--compact">
                <caption class="sr-only">{caption_text.clone()}</caption>
                <thead><tr><th scope="col">{headings.0.clone()}</th><th scope="col">{headings.1.clone()}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    // On a narrow screen the bars' labels would shrink below reading size:
    // there the numbers are shown as the table only (CSS picks one).
    let svg = view! {
    <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled_by class="chart">
        <title id=title_id>{title}</title>
        <desc id=desc_id>{description}</desc>
        <line x1="0" y1=BASE x2=WIDTH y2=BASE class="chart-axis"/>
        {shapes}
    </svg>
    }
    .into_any();
    view! {
        <figure class="access-chart mt-6">
            <figcaption class="h3">{caption}</figcaption>
            <div class="chart-wide">
                {svg}
                <details class="mt-4">
                    <summary>{crate::i18n::use_lang().text("chart-as-table")}</summary>
                    {table.clone()()}
                </details>
            </div>
            <div class="chart-narrow">{table()}</div>
        </figure>
    }
    .into_any()
}
