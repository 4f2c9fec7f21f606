//! [ssr] How dates and times read on the portal's pages, files and mail, in
//! the reader's language and always in Europe/Copenhagen: "23. november 2026
//! kl. 10.05" in Danish, "23 November 2026 at 10:05" in English. Month names
//! come from chrono's locale data (CLDR), not from a table of our own.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Locale, NaiveDate, Timelike, Utc};
use chrono_tz::Europe::Copenhagen;

use crate::access_log::coverage::local_date;
use crate::i18n::Lang;

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Da => Locale::da_DK,
        Lang::En => Locale::en_GB,
    }
}

/// The months' names per language (in the order of [`Lang::ALL`]), from
/// chrono's locale data once: a page writes a hundred dates, and parsing a
/// format string for each was a measurable part of its cost.
static MONTH_NAMES: LazyLock<[[String; 12]; 2]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        std::array::from_fn(|index| {
            let month = u32::try_from(index + 1).unwrap_or(1);
            NaiveDate::from_ymd_opt(2000, month, 1)
                .unwrap_or_default()
                .format_localized("%B", locale(lang))
                .to_string()
        })
    })
});

fn month_name(lang: Lang, date: NaiveDate) -> &'static str {
    &MONTH_NAMES[lang as usize][date.month0() as usize]
}

/// "23. november 2026" / "23 November 2026".
pub fn date_text(lang: Lang, date: NaiveDate) -> String {
    let (day, month, year) = (date.day(), month_name(lang, date), date.year());
    match lang {
        Lang::Da => format!("{day}. {month} {year}"),
        Lang::En => format!("{day} {month} {year}"),
    }
}

/// The time of day: "10.05" / "10:05".
fn clock_text(lang: Lang, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Copenhagen);
    let separator = match lang {
        Lang::Da => '.',
        Lang::En => ':',
    };
    format!("{:02}{separator}{:02}", local.hour(), local.minute())
}

/// "at" before a time of day: "kl." / "at".
pub fn at_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "kl.",
        Lang::En => "at",
    }
}

/// "23. november 2026 kl. 10.05" / "23 November 2026 at 10:05".
pub fn moment_text(lang: Lang, at: DateTime<Utc>) -> String {
    format!(
        "{} {} {}",
        date_text(lang, local_date(at)),
        at_word(lang),
        clock_text(lang, at)
    )
}

/// "november 2026" / "November 2026".
pub fn month_text(lang: Lang, month: NaiveDate) -> String {
    format!("{} {}", month_name(lang, month), month.year())
}

/// A month under a chart's bar: the short month name and the year on two
/// lines ("nov.\n2026" / "Nov\n2026"), so that months of two years are
/// never confused.
pub fn month_and_year(lang: Lang, month: NaiveDate) -> String {
    let short = month.format_localized("%b", locale(lang)).to_string();
    let full = month.format_localized("%B", locale(lang)).to_string();
    // Danish writes a shortened month with a full stop ("nov.", but "maj").
    let mark = if lang == Lang::Da && short != full {
        "."
    } else {
        ""
    };
    format!("{short}{mark}\n{}", month.year())
}

/// "kl. 10.05" or "kl. 10.05–14.30" / "at 10:05" or "at 10:05–14:30".
pub fn time_range_text(lang: Lang, first: DateTime<Utc>, last: DateTime<Utc>) -> String {
    let (a, b) = (clock_text(lang, first), clock_text(lang, last));
    let at = at_word(lang);
    if a == b || local_date(first) != local_date(last) {
        format!("{at} {a}")
    } else {
        format!("{at} {a}–{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_read_naturally_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        assert_eq!(date_text(Lang::Da, day), "3. november 2026");
        assert_eq!(date_text(Lang::En, day), "3 November 2026");
        assert_eq!(month_text(Lang::Da, day), "november 2026");
        assert_eq!(month_text(Lang::En, day), "November 2026");
        assert_eq!(month_and_year(Lang::Da, day), "nov.\n2026");
        assert_eq!(month_and_year(Lang::En, day), "Nov\n2026");
        let may = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert_eq!(month_and_year(Lang::Da, may), "maj\n2026");
    }

    #[test]
    fn the_kept_month_names_are_chronos_locale_data() {
        for lang in Lang::ALL {
            for month in 1..=12 {
                let day = NaiveDate::from_ymd_opt(2026, month, 9).unwrap();
                let pattern = match lang {
                    Lang::Da => "%-d. %B %Y",
                    Lang::En => "%-d %B %Y",
                };
                let expected = day.format_localized(pattern, locale(lang)).to_string();
                assert_eq!(date_text(lang, day), expected);
            }
        }
    }

    #[test]
    fn times_are_copenhagen_time() {
        // 09:05 UTC in winter is 10:05 in Copenhagen.
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 5, 0).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 23, 13, 30, 0).unwrap();
        assert_eq!(moment_text(Lang::Da, at), "23. november 2026 kl. 10.05");
        assert_eq!(moment_text(Lang::En, at), "23 November 2026 at 10:05");
        assert_eq!(time_range_text(Lang::Da, at, later), "kl. 10.05–14.30");
        assert_eq!(time_range_text(Lang::En, at, at), "at 10:05");
        // Past midnight Copenhagen time: 23:30 UTC on 31 March is 1 April.
        let night = Utc.with_ymd_and_hms(2026, 3, 31, 23, 30, 0).unwrap();
        assert_eq!(moment_text(Lang::En, night), "1 April 2026 at 01:30");
    }
}
