//! [ssr] When samples are drawn and from which look-ups, as pure
//! functions of a plan's stored seed: the dates fall at random between the
//! plan's bounds, and the same seed always gives the same dates (the draw
//! of the look-ups themselves orders them by a hash of the seed and the
//! event, in the store's one statement).

use chrono::{DateTime, Days, NaiveDate, Utc};
use sha2::{Digest, Sha256};

use crate::access_log::coverage::local_midnight;
use crate::deadline::add_months_clamped;

/// A fresh seed for a new plan, from the operating system's generator.
pub fn new_seed() -> [u8; 32] {
    let mut seed = [0; 32];
    // Two v4 UUIDs are 244 random bits from the operating system.
    seed[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    seed[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    seed
}

/// The date of the plan's sample number `n` (0 for the first), drawn after
/// `after`: uniformly between `min_months` and `max_months` months later,
/// both ends included.
pub fn sample_date(
    seed: &[u8],
    n: u32,
    after: NaiveDate,
    min_months: u32,
    max_months: u32,
) -> NaiveDate {
    let earliest = add_months_clamped(after, min_months);
    let latest = add_months_clamped(after, max_months.max(min_months));
    let span = u64::try_from((latest - earliest).num_days()).unwrap_or(0) + 1;
    let mut hash = Sha256::new();
    hash.update(seed);
    hash.update(b"sample date");
    hash.update(n.to_be_bytes());
    let digest = hash.finalize();
    let mut first = [0; 8];
    first.copy_from_slice(&digest[..8]);
    let pick = u64::from_be_bytes(first) % span;
    earliest
        .checked_add_days(Days::new(pick))
        .unwrap_or(earliest)
}

/// The look-ups a sample on `date` draws from: those made from the start of
/// the day `days_before_max` days before to the end of the day
/// `days_before_min` days before (Europe/Copenhagen).
pub fn window(
    date: NaiveDate,
    days_before_min: u32,
    days_before_max: u32,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = date
        .checked_sub_days(Days::new(u64::from(days_before_max)))
        .unwrap_or(date);
    let last = date
        .checked_sub_days(Days::new(u64::from(days_before_min)))
        .unwrap_or(date);
    let after_last = last.checked_add_days(Days::new(1)).unwrap_or(last);
    (local_midnight(first), local_midnight(after_last))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_window_is_whole_copenhagen_days() {
        // A sample on Tuesday 1 December 2026, one to three days before:
        // 28 November 00:00 to 1 December 00:00, Copenhagen (UTC+1).
        let (from, to) = window(day("2026-12-01"), 1, 3);
        assert_eq!(from.to_rfc3339(), "2026-11-27T23:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-11-30T23:00:00+00:00");
        // Across the change to summer time (29 March 2026).
        let (from, to) = window(day("2026-03-30"), 1, 1);
        assert_eq!(from.to_rfc3339(), "2026-03-28T23:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-03-29T22:00:00+00:00");
    }

    #[test]
    fn the_same_seed_gives_the_same_dates_and_another_seed_others() {
        let after = day("2026-12-01");
        let dates = |seed: &[u8]| {
            (0..20)
                .map(|n| sample_date(seed, n, after, 1, 6))
                .collect::<Vec<_>>()
        };
        assert_eq!(dates(&[1; 32]), dates(&[1; 32]));
        assert_ne!(dates(&[1; 32]), dates(&[2; 32]));
        assert_ne!(new_seed(), new_seed());
    }

    proptest! {
        #[test]
        fn sample_dates_stay_within_the_bounds(
            seed in prop::array::uniform32(any::<u8>()),
            n in 0u32..1000,
            offset in 0u32..3000,
            min in 1u32..=12,
            extra in 0u32..=12,
        ) {
            let after = day("2024-01-31") + Days::new(u64::from(offset));
            let max = min + extra;
            let date = sample_date(&seed, n, after, min, max);
            prop_assert!(date >= add_months_clamped(after, min));
            prop_assert!(date <= add_months_clamped(after, max));
        }
    }

    #[test]
    fn the_dates_spread_over_the_whole_interval() {
        let after = day("2026-12-01");
        let dates: Vec<NaiveDate> = (0..400)
            .map(|n| sample_date(&[9; 32], n, after, 1, 6))
            .collect();
        let first = dates.iter().min().unwrap();
        let last = dates.iter().max().unwrap();
        // 1 January to 1 June 2027: both ends are reached within a week.
        assert!(*first <= day("2027-01-08"), "{first}");
        assert!(*last >= day("2027-05-25"), "{last}");
    }
}
