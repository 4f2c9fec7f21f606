//! [ssr] Danish non-working days: weekends, the official holidays
//! (helligdage) computed from Easter, and — when the municipality chooses —
//! Grundlovsdag, juleaftensdag and nytårsaftensdag. Store bededag is not a
//! holiday from 2024 (lov nr. 124 af 28. februar 2023).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Which days the municipality's deadlines skip.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Also treat 5 June, 24 and 31 December as non-working days.
    pub half_holidays_closed: bool,
}

/// Easter Sunday of `year` (Gregorian calendar, the anonymous algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(
        year,
        u32::try_from(month).unwrap_or(4),
        u32::try_from(day).unwrap_or(1),
    )
    .unwrap_or_default()
}

/// The official holidays of `year` with their Danish names.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default();
    vec![
        (fixed(1, 1), "Nytårsdag"),
        (easter - Duration::days(3), "Skærtorsdag"),
        (easter - Duration::days(2), "Langfredag"),
        (easter, "Påskedag"),
        (easter + Duration::days(1), "2. påskedag"),
        (easter + Duration::days(39), "Kristi himmelfartsdag"),
        (easter + Duration::days(49), "Pinsedag"),
        (easter + Duration::days(50), "2. pinsedag"),
        (fixed(12, 25), "Juledag"),
        (fixed(12, 26), "2. juledag"),
    ]
}

impl Calendar {
    /// Whether the municipality's offices count `date` as a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
    }

    /// Whether `date` is a public holiday (or, with the setting, one of the
    /// half-holidays the offices close on), whatever its weekday.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        if self.half_holidays_closed
            && matches!((date.month(), date.day()), (6, 5) | (12, 24) | (12, 31))
        {
            return true;
        }
        holidays(date.year())
            .iter()
            .any(|(holiday, _)| *holiday == date)
    }

    /// `date` if it is a working day, else the next working day.
    pub fn on_or_after(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while !self.is_working_day(day) {
            day += Duration::days(1);
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn movable_holidays_match_the_domain_table() {
        // docs/rules.md §1.7: 2025–2028.
        let table = [
            (
                2025,
                [
                    "04-17", "04-18", "04-20", "04-21", "05-29", "06-08", "06-09",
                ],
            ),
            (
                2026,
                [
                    "04-02", "04-03", "04-05", "04-06", "05-14", "05-24", "05-25",
                ],
            ),
            (
                2027,
                [
                    "03-25", "03-26", "03-28", "03-29", "05-06", "05-16", "05-17",
                ],
            ),
            (
                2028,
                [
                    "04-13", "04-14", "04-16", "04-17", "05-25", "06-04", "06-05",
                ],
            ),
        ];
        for (year, days) in table {
            let movable: Vec<NaiveDate> =
                holidays(year)[1..8].iter().map(|(day, _)| *day).collect();
            let expected: Vec<NaiveDate> = days
                .iter()
                .map(|day| date(&format!("{year}-{day}")))
                .collect();
            assert_eq!(movable, expected, "{year}");
        }
    }

    #[test]
    fn store_bededag_is_a_working_day_and_half_holidays_follow_the_setting() {
        let open = Calendar::default();
        let closed = Calendar {
            half_holidays_closed: true,
        };
        assert!(
            open.is_working_day(date("2026-05-01")),
            "former Store bededag 2026"
        );
        assert!(open.is_working_day(date("2025-12-24")));
        assert!(!closed.is_working_day(date("2025-12-24")));
        assert!(open.is_working_day(date("2026-06-05")));
        assert!(!closed.is_working_day(date("2026-06-05")));
        assert!(!open.is_working_day(date("2026-12-25")));
        assert!(!open.is_working_day(date("2026-11-28")), "a Saturday");
    }
}
