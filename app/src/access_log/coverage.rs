//! [ssr] Which months the access log covers. Events are kept in monthly
//! partitions on Europe/Copenhagen month boundaries; a month is dropped once
//! all of it lies further back than the retention period, so the log always
//! covers at least the retention period and at most one month more.

use chrono::{DateTime, Datelike, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;

/// The first day of `date`'s month.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month after `date`'s.
pub fn next_month_start(date: NaiveDate) -> NaiveDate {
    let start = month_start(date);
    start.checked_add_months(Months::new(1)).unwrap_or(start)
}

/// The calendar date of `at` in Europe/Copenhagen.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Copenhagen).date_naive()
}

/// The instant Europe/Copenhagen's `date` begins. Danish clocks change at
/// 02:00/03:00, so midnight always exists and is unambiguous.
pub fn local_midnight(date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    Copenhagen
        .from_local_datetime(&midnight)
        .earliest()
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// The whole days `from` to `to` (inclusive) as instants: from `from`'s
/// midnight to the midnight after `to`.
pub fn days_span(from: NaiveDate, to: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let after = to.checked_add_days(chrono::Days::new(1)).unwrap_or(to);
    (local_midnight(from), local_midnight(after))
}

/// The first day the log covers at `now` when events are kept
/// `retention_months`: the first day of the month that contains the date
/// `retention_months` before today.
pub fn covers_from(now: DateTime<Utc>, retention_months: u32) -> NaiveDate {
    let today = local_date(now);
    let back = today
        .checked_sub_months(Months::new(retention_months))
        .unwrap_or(today);
    month_start(back)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn coverage_starts_at_the_month_retention_months_back() {
        assert_eq!(
            covers_from(utc("2026-11-23T12:00:00Z"), 6),
            date("2026-05-01")
        );
        assert_eq!(
            covers_from(utc("2026-08-31T12:00:00Z"), 6),
            date("2026-02-01")
        );
        assert_eq!(
            covers_from(utc("2026-11-23T12:00:00Z"), 60),
            date("2021-11-01")
        );
        // 23:30 UTC on 30 November is already 1 December in Copenhagen.
        assert_eq!(
            covers_from(utc("2026-11-30T23:30:00Z"), 6),
            date("2026-06-01")
        );
    }

    #[test]
    fn local_midnight_follows_daylight_saving() {
        assert_eq!(
            local_midnight(date("2026-01-01")),
            utc("2025-12-31T23:00:00Z")
        );
        assert_eq!(
            local_midnight(date("2026-07-01")),
            utc("2026-06-30T22:00:00Z")
        );
        assert_eq!(next_month_start(date("2026-12-17")), date("2027-01-01"));
        assert_eq!(local_date(utc("2026-03-31T22:30:00Z")), date("2026-04-01"));
    }
}
