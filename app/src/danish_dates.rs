//! [ssr] How dates and times read in Danish on the portal's pages, files and
//! mail ("23. november 2026 kl. 10.05"), always in Europe/Copenhagen.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use chrono_tz::Europe::Copenhagen;

use crate::access_log::coverage::local_date;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

pub fn month_name(month: u32) -> &'static str {
    MONTHS[usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0)]
}

pub fn short_month(month: u32) -> &'static str {
    [
        "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ][usize::try_from(month.clamp(1, 12) - 1).unwrap_or(0)]
}

/// "23. november 2026".
pub fn date_text(date: NaiveDate) -> String {
    format!(
        "{}. {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// "23. november 2026 kl. 10.05" in Europe/Copenhagen.
pub fn moment_text(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Copenhagen);
    format!(
        "{} kl. {:02}.{:02}",
        date_text(local.date_naive()),
        local.hour(),
        local.minute()
    )
}

/// "november 2026".
pub fn month_text(month: NaiveDate) -> String {
    format!("{} {}", month_name(month.month()), month.year())
}

/// A month under a chart's bar: the short month name and the year on two
/// lines ("nov.\n2026"), so that months of two years are never confused.
pub fn month_and_year(month: NaiveDate) -> String {
    format!("{}\n{}", short_month(month.month()), month.year())
}

/// "kl. 10.05" or "kl. 10.05–14.30" in Europe/Copenhagen.
pub fn time_range_text(first: DateTime<Utc>, last: DateTime<Utc>) -> String {
    let clock = |at: DateTime<Utc>| {
        let local = at.with_timezone(&Copenhagen);
        format!("{:02}.{:02}", local.hour(), local.minute())
    };
    let (a, b) = (clock(first), clock(last));
    if a == b || local_date(first) != local_date(last) {
        format!("kl. {a}")
    } else {
        format!("kl. {a}–{b}")
    }
}
