//! [ssr] Keeping part of a month of the access log past retention for one
//! open request (docs/rules.md §2.6), decided here without a database:
//! - an open access request holds the citizen's part of every month its
//!   answer covers (the months the log covered when the request was
//!   received), so the answer shows what the citizen asked about;
//! - an open question about a look-up holds the events behind that row of
//!   the log (they are the evidence) until the question is closed;
//! - no hold outlives its request's deadline in force by more than
//!   `log_hold_days_after_deadline` days.
//!
//! The month's partitions are dropped on time all the same: what is held is
//! a copy, per request, in `held_access_summary` and `held_access_events`
//! (`server/src/access_log/partitions.rs` copies and releases it).

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::coverage::covers_from;
use crate::requests::{Kind, Status};

/// What the hold rules look at of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoldingRequest {
    pub id: i64,
    pub kind: Kind,
    pub status: Status,
    pub received_at: DateTime<Utc>,
    pub deadline_in_force: NaiveDate,
}

/// What of a month is held for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// Every use of the citizen in the month (an access request's answer).
    CitizensUses,
    /// The one row asked about, and its events (a question about a look-up).
    AskedRow,
}

impl HoldingRequest {
    /// Whether the request still needs the log: an access request until it
    /// is decided or withdrawn, a question about a look-up until it is
    /// closed or withdrawn; no other kind.
    pub fn needs_the_log(&self) -> bool {
        match self.kind {
            Kind::Access => self.status.is_open(),
            Kind::LogQuestion => !matches!(self.status, Status::Closed | Status::Withdrawn),
            _ => false,
        }
    }

    /// Whether the hold has ended on `today`: the request no longer needs
    /// the log, or `days_after_deadline` days have passed since its
    /// deadline in force.
    pub fn hold_ended(&self, today: NaiveDate, days_after_deadline: u32) -> bool {
        let last_day = self
            .deadline_in_force
            .checked_add_days(Days::new(u64::from(days_after_deadline)))
            .unwrap_or(NaiveDate::MAX);
        !self.needs_the_log() || today > last_day
    }

    /// What of `month` (its first day), which is dropped on `today`, is
    /// held for this request; `None` when nothing. An access request holds
    /// only the months its answer covers: a month that had already gone
    /// past retention when the request was received is not in the answer.
    pub fn holds(
        &self,
        month: NaiveDate,
        today: NaiveDate,
        retention_months: u32,
        days_after_deadline: u32,
    ) -> Option<Held> {
        if self.hold_ended(today, days_after_deadline) {
            return None;
        }
        match self.kind {
            Kind::Access => (month >= covers_from(self.received_at, retention_months))
                .then_some(Held::CitizensUses),
            Kind::LogQuestion => Some(Held::AskedRow),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn access(received: &str, deadline: &str, status: Status) -> HoldingRequest {
        HoldingRequest {
            id: 1,
            kind: Kind::Access,
            status,
            received_at: at(received),
            deadline_in_force: day(deadline),
        }
    }

    #[test]
    fn an_access_request_holds_only_the_months_its_answer_covers() {
        // Received 20 November: the log then covered May to November (6 months).
        let request = access("2026-11-20T10:00:00Z", "2026-12-21", Status::InProgress);
        let today = day("2026-12-01");
        assert_eq!(
            request.holds(day("2026-05-01"), today, 6, 30),
            Some(Held::CitizensUses)
        );
        // April had already gone when it was received: not in the answer.
        assert_eq!(request.holds(day("2026-04-01"), today, 6, 30), None);
    }

    #[test]
    fn the_coverage_at_receipt_is_read_in_copenhagen_time() {
        // 23:30 UTC on 31 October is 1 November in Copenhagen: the log then
        // covered from 1 May, not from 1 April.
        let request = access("2026-10-31T23:30:00Z", "2026-12-01", Status::Received);
        let today = day("2026-11-02");
        assert_eq!(request.holds(day("2026-04-01"), today, 6, 30), None);
        assert_eq!(
            request.holds(day("2026-05-01"), today, 6, 30),
            Some(Held::CitizensUses)
        );
        let the_day_before = access("2026-10-31T21:30:00Z", "2026-11-30", Status::Received);
        assert_eq!(
            the_day_before.holds(day("2026-04-01"), today, 6, 30),
            Some(Held::CitizensUses)
        );
    }

    #[test]
    fn a_hold_ends_with_the_answer_or_a_set_number_of_days_after_the_deadline() {
        let month = day("2026-05-01");
        let open = access(
            "2026-11-20T10:00:00Z",
            "2026-12-21",
            Status::AwaitingCitizen,
        );
        // The bound: the deadline plus 30 days is 20 January; held on that
        // day, not the day after.
        assert!(open.holds(month, day("2027-01-20"), 6, 30).is_some());
        assert!(open.hold_ended(day("2027-01-21"), 30));
        assert!(open.holds(month, day("2027-01-21"), 6, 30).is_none());
        assert!(open.hold_ended(day("2026-12-22"), 0));
        for status in [
            Status::Answered,
            Status::PartlyRefused,
            Status::Refused,
            Status::Withdrawn,
            Status::Closed,
        ] {
            let done = access("2026-11-20T10:00:00Z", "2026-12-21", status);
            assert!(done.hold_ended(day("2026-12-01"), 30), "{status:?}");
        }
    }

    #[test]
    fn a_question_about_a_look_up_holds_its_row_until_it_is_closed() {
        let question = |status| HoldingRequest {
            kind: Kind::LogQuestion,
            ..access("2026-11-20T10:00:00Z", "2026-12-21", status)
        };
        let today = day("2026-12-01");
        // Any month: the asked row's month, wherever it lies.
        assert_eq!(
            question(Status::Answered).holds(day("2026-03-01"), today, 6, 30),
            Some(Held::AskedRow)
        );
        assert!(question(Status::Closed).hold_ended(today, 30));
        assert!(question(Status::Withdrawn).hold_ended(today, 30));
        // Other kinds hold nothing.
        let objection = HoldingRequest {
            kind: Kind::Objection,
            ..access("2026-11-20T10:00:00Z", "2026-12-21", Status::Received)
        };
        assert_eq!(objection.holds(day("2026-06-01"), today, 6, 30), None);
    }
}
