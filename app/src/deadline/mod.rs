//! [ssr] When the municipality must answer a data-subject request (GDPR art.
//! 12(3)), by Regulation 1182/71 as `docs/rules.md` §1 states it: the
//! receipt date in Europe/Copenhagen; one month later on the same date, or
//! the month's last day when there is no such date (the *clamped date*); a
//! clamped date on a non-working day moves to the next working day. An
//! extension adds two months to the unrolled clamped date, clamped and moved
//! the same way. Pure functions: the time of receipt is a parameter.

pub mod holidays;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use chrono_tz::Europe::Copenhagen;

pub use holidays::Calendar;

/// The dates of one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadlines {
    /// The calendar date of receipt in Europe/Copenhagen.
    pub received: NaiveDate,
    /// The one-month deadline.
    pub due: NaiveDate,
    /// The deadline if extended by two further months.
    pub extended: NaiveDate,
}

/// `date` plus `months` calendar months; the month's last day when the
/// target month is shorter (31 January + 1 month = 28/29 February).
pub fn add_months_clamped(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the last day of the target month.
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

/// The deadlines of a request received at `received_at`.
pub fn deadlines(received_at: DateTime<Utc>, calendar: &Calendar) -> Deadlines {
    let received = received_at.with_timezone(&Copenhagen).date_naive();
    let clamped = add_months_clamped(received, 1);
    Deadlines {
        received,
        due: calendar.on_or_after(clamped),
        extended: calendar.on_or_after(add_months_clamped(clamped, 2)),
    }
}

/// `YYYY-MM-DD`.
fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

impl Deadlines {
    /// The one line `server deadline` prints.
    pub fn line(&self) -> String {
        format!(
            "received={} due={} extended={}",
            iso(self.received),
            iso(self.due),
            iso(self.extended)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    /// A receipt time as docs/rules.md writes it: local Europe/Copenhagen unless it ends in `Z`.
    fn received(text: &str) -> DateTime<Utc> {
        if let Some(utc) = text.strip_suffix('Z') {
            let naive = chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M").unwrap();
            return naive.and_utc();
        }
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        Copenhagen
            .from_local_datetime(&naive)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// docs/rules.md §1, "Worked vectors": (received, due, extended).
    const VECTORS: [(&str, &str, &str); 34] = [
        ("2026-01-31 10:00", "2026-03-02", "2026-04-28"),
        ("2028-01-31 09:00", "2028-02-29", "2028-05-01"),
        ("2027-01-29 14:00", "2027-03-01", "2027-04-28"),
        ("2025-01-30 12:00", "2025-02-28", "2025-04-28"),
        ("2028-02-29 10:00", "2028-03-29", "2028-05-29"),
        ("2025-08-31 10:00", "2025-09-30", "2025-12-01"),
        ("2025-03-05 10:00", "2025-04-07", "2025-06-05"),
        ("2026-03-05 11:00", "2026-04-07", "2026-06-05"),
        ("2026-03-02 09:00", "2026-04-07", "2026-06-02"),
        ("2025-03-18 09:00", "2025-04-22", "2025-06-18"),
        ("2027-02-25 10:00", "2027-03-30", "2027-05-25"),
        ("2026-04-14 10:00", "2026-05-15", "2026-07-14"),
        ("2025-04-29 10:00", "2025-05-30", "2025-07-29"),
        ("2027-04-06 10:00", "2027-05-07", "2027-07-06"),
        ("2026-04-25 10:00", "2026-05-26", "2026-07-27"),
        ("2025-05-09 10:00", "2025-06-10", "2025-08-11"),
        ("2028-05-05 10:00", "2028-06-06", "2028-08-07"),
        ("2025-11-25 10:00", "2025-12-29", "2026-02-25"),
        ("2027-11-25 10:00", "2027-12-27", "2028-02-25"),
        ("2025-12-01 10:00", "2026-01-02", "2026-03-02"),
        ("2027-12-01 10:00", "2028-01-03", "2028-03-01"),
        ("2026-12-31 10:00", "2027-02-01", "2027-03-31"),
        ("2025-11-24 10:00", "2025-12-24", "2026-02-24"),
        ("2026-05-05 10:00", "2026-06-05", "2026-08-05"),
        ("2026-04-01 10:00", "2026-05-01", "2026-07-01"),
        ("2025-03-01 10:00", "2025-04-01", "2025-06-02"),
        ("2026-04-03 10:00", "2026-05-04", "2026-07-03"),
        ("2025-12-25 10:00", "2026-01-26", "2026-03-25"),
        ("2026-03-31T22:30Z", "2026-05-01", "2026-07-01"),
        ("2025-10-25T22:30Z", "2025-11-26", "2026-01-26"),
        ("2026-01-31T23:30Z", "2026-03-02", "2026-05-01"),
        ("2027-10-31 10:00", "2027-11-30", "2028-01-31"),
        ("2026-09-26 10:00", "2026-10-26", "2026-12-28"),
        ("2029-11-30 10:00", "2029-12-31", "2030-02-28"),
    ];

    #[test]
    fn every_domain_vector_holds() {
        for (number, (at, due, extended)) in VECTORS.iter().enumerate() {
            let got = deadlines(received(at), &Calendar::default());
            assert_eq!(
                (got.due, got.extended),
                (date(due), date(extended)),
                "vector {} ({at})",
                number + 1
            );
        }
    }

    #[test]
    fn the_half_holiday_setting_changes_exactly_the_listed_rows() {
        // docs/rules.md: with the setting on, rows 7, 8, 23, 24 and 34 change.
        let closed = Calendar {
            half_holidays_closed: true,
        };
        let changed = [
            (7, None, Some("2025-06-06")),
            (8, None, Some("2026-06-08")),
            (23, Some("2025-12-29"), None),
            (24, Some("2026-06-08"), None),
            (34, Some("2030-01-02"), None),
        ];
        for (number, (at, due, extended)) in VECTORS.iter().enumerate() {
            let row = number + 1;
            let (new_due, new_extended) = changed
                .iter()
                .find(|(changed_row, _, _)| *changed_row == row)
                .map_or((None, None), |(_, d, e)| (*d, *e));
            let got = deadlines(received(at), &closed);
            assert_eq!(got.due, date(new_due.unwrap_or(due)), "row {row} due");
            assert_eq!(
                got.extended,
                date(new_extended.unwrap_or(extended)),
                "row {row} extended"
            );
        }
    }

    #[test]
    fn the_line_for_operators() {
        let got = deadlines(received("2026-03-31T22:30Z"), &Calendar::default());
        assert_eq!(
            got.line(),
            "received=2026-04-01 due=2026-05-01 extended=2026-07-01"
        );
    }

    fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
        // 2000-01-01 to 2099-12-31.
        (946_684_800_i64..4_102_444_800)
            .prop_map(|seconds| DateTime::from_timestamp(seconds, 0).unwrap())
    }

    proptest! {
        #[test]
        fn deadlines_are_working_days_within_bounds(at in any_instant(), closed in any::<bool>()) {
            let calendar = Calendar { half_holidays_closed: closed };
            let got = deadlines(at, &calendar);
            let clamped = add_months_clamped(got.received, 1);
            prop_assert!(calendar.is_working_day(got.due));
            prop_assert!(calendar.is_working_day(got.extended));
            prop_assert!(got.due >= got.received + Duration::days(28));
            prop_assert!(got.due >= clamped && got.due <= clamped + Duration::days(5));
            let extended_clamped = add_months_clamped(clamped, 2);
            prop_assert!(got.extended >= extended_clamped && got.extended <= extended_clamped + Duration::days(5));
            prop_assert!(got.extended <= calendar.on_or_after(add_months_clamped(got.received, 3)));
        }

        #[test]
        fn later_receipt_never_gives_an_earlier_deadline(at in any_instant(), later in 0_i64..5_000_000, closed in any::<bool>()) {
            let calendar = Calendar { half_holidays_closed: closed };
            let first = deadlines(at, &calendar);
            let second = deadlines(at + Duration::seconds(later), &calendar);
            prop_assert!(second.due >= first.due);
            prop_assert!(second.extended >= first.extended);
        }
    }
}
