//! [ssr] A request's deadline in force: the one-month deadline, the date it
//! can be extended to (both computed at receipt by [`crate::deadline`]), and
//! whether it was extended. Every place that shows, sorts or counts a
//! request's deadline reads it from here.

use chrono::NaiveDate;

/// The deadlines of one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestDeadline {
    /// One month from receipt, on a working day.
    pub due_on: NaiveDate,
    /// Where an extension by two further months leads.
    pub extendable_to: NaiveDate,
    /// Whether the deadline was extended (in time).
    pub extended: bool,
}

impl RequestDeadline {
    /// The date by which the municipality must answer.
    pub fn in_force(&self) -> NaiveDate {
        if self.extended {
            self.extendable_to
        } else {
            self.due_on
        }
    }

    /// Days from `today` to the deadline in force; negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.in_force() - today).num_days()
    }

    /// Whether a decision made on `decided_on` met the deadline in force.
    pub fn met_by(&self, decided_on: NaiveDate) -> bool {
        decided_on <= self.in_force()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_extended_date_is_in_force_only_once_extended() {
        let mut deadline = RequestDeadline {
            due_on: day("2026-12-23"),
            extendable_to: day("2027-02-23"),
            extended: false,
        };
        assert_eq!(deadline.in_force(), day("2026-12-23"));
        assert_eq!(deadline.days_left(day("2026-12-20")), 3);
        assert_eq!(deadline.days_left(day("2026-12-24")), -1);
        assert!(deadline.met_by(day("2026-12-23")));
        assert!(!deadline.met_by(day("2026-12-24")));
        deadline.extended = true;
        assert_eq!(deadline.in_force(), day("2027-02-23"));
        assert!(deadline.met_by(day("2027-02-01")));
        assert!(!deadline.met_by(day("2027-02-24")));
    }
}
