//! [ssr] The DPO's overview of request deadlines, computed from one row per
//! request by a pure function ([`overview`]), so the numbers can be tested
//! for a fixed "today". A municipality has thousands of requests a year, not
//! millions: reading them all is cheaper than keeping counters right.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use super::deadline::RequestDeadline;
use super::kinds::{Kind, Status};
use super::request_number;
use super::views::{Count, DeadlineOverview, MonthOnTime, QueueRow, UnitLine};
use crate::access_log::coverage::{local_date, month_start};
use crate::capability::Overseer;
use crate::dates::{date_text, moment_text, month_and_year, month_text};
use crate::deadline::add_months_clamped;
use crate::i18n::Lang;

/// What the overview needs of one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestLine {
    pub id: i64,
    pub kind: Kind,
    pub status: Status,
    pub unit: String,
    pub citizen_name: String,
    pub assignee: Option<String>,
    /// Where the assignee's digest goes, if the identity provider gave an address.
    pub assignee_email: Option<String>,
    /// The language the assignee last used the portal in.
    pub assignee_lang: Lang,
    pub received_at: DateTime<Utc>,
    pub deadline: RequestDeadline,
    pub decided_at: Option<DateTime<Utc>>,
}

impl RequestLine {
    /// When the municipality decided it (answered or refused). A withdrawn
    /// request was never decided (docs/rules.md §1): not counted as decided
    /// nor as in time.
    pub fn decision(&self) -> Option<DateTime<Utc>> {
        self.decided_at.filter(|_| self.status != Status::Withdrawn)
    }

    /// Calendar days from receipt to decision, when decided.
    pub fn days_to_decision(&self) -> Option<i64> {
        self.decision()
            .map(|decided| (local_date(decided) - local_date(self.received_at)).num_days())
    }

    /// Whether a decided request met its deadline; `None` when not decided.
    pub fn on_time(&self) -> Option<bool> {
        self.decision()
            .map(|decided| self.deadline.met_by(local_date(decided)))
    }

    fn decided(&self) -> bool {
        self.decision().is_some()
    }

    pub fn days_left(&self, today: NaiveDate) -> i64 {
        self.deadline.days_left(today)
    }

    /// Open and past its deadline in force on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.days_left(today) < 0
    }

    pub fn queue_row(&self, today: NaiveDate, lang: Lang) -> QueueRow {
        QueueRow {
            id: self.id,
            number: request_number(self.id),
            kind: self.kind,
            status: self.status,
            citizen_name: self.citizen_name.clone(),
            unit: self.unit.clone(),
            received: moment_text(lang, self.received_at),
            deadline: date_text(lang, self.deadline.in_force()),
            days_left: self.days_left(today),
            extended: self.deadline.extended,
            assignee: self.assignee.clone(),
        }
    }
}

fn median(mut values: Vec<i64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    #[allow(clippy::cast_precision_loss)] // days: far below 2^52
    Some(if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) as f64 / 2.0
    } else {
        values[middle] as f64
    })
}

/// The overview of `lines` on `today`: open work now, and decisions and
/// receipts of the last 12 months (this month and the 11 before).
pub fn overview(
    lines: &[RequestLine],
    today: NaiveDate,
    due_soon_days: u32,
    lang: Lang,
) -> DeadlineOverview {
    let due_soon =
        |line: &RequestLine| (0..=i64::from(due_soon_days)).contains(&line.days_left(today));
    let first_month = month_start(today)
        .checked_sub_months(chrono::Months::new(11))
        .unwrap_or(today);
    let recent = |at: DateTime<Utc>| local_date(at) >= first_month;
    let open: Vec<&RequestLine> = lines.iter().filter(|line| line.status.is_open()).collect();
    let urgent_line = |line: &&RequestLine| line.days_left(today) <= i64::from(due_soon_days);
    let mut urgent: Vec<&RequestLine> = open.iter().copied().filter(urgent_line).collect();
    urgent.sort_by_key(|line| (line.deadline.in_force(), line.received_at, line.id));

    let open_by_status = Status::OPEN
        .iter()
        .map(|status| Count {
            label: status.label(lang),
            count: open.iter().filter(|line| line.status == *status).count(),
        })
        .collect();
    let open_by_kind = Kind::ALL
        .iter()
        .map(|kind| Count {
            label: kind.label(lang),
            count: open.iter().filter(|line| line.kind == *kind).count(),
        })
        .collect();

    let mut months = Vec::new();
    let mut month = first_month;
    while month <= today {
        let next = add_months_clamped(month, 1);
        let decided: Vec<&RequestLine> = lines
            .iter()
            .filter(|line| line.decided())
            .filter(|line| {
                line.decided_at
                    .is_some_and(|at| (month..next).contains(&local_date(at)))
            })
            .collect();
        months.push(MonthOnTime {
            month: month_text(lang, month),
            short_label: month_and_year(lang, month),
            decided: decided.len(),
            on_time: decided
                .iter()
                .filter(|line| line.on_time() == Some(true))
                .count(),
        });
        month = next;
    }

    let recent_decided =
        |line: &&RequestLine| line.decided() && line.decided_at.is_some_and(recent);
    let mut by_unit: BTreeMap<&str, Vec<&RequestLine>> = BTreeMap::new();
    for line in lines {
        by_unit.entry(line.unit.as_str()).or_default().push(line);
    }
    let units = by_unit
        .into_iter()
        .map(|(unit, lines)| {
            let decided: Vec<&&RequestLine> =
                lines.iter().filter(|line| recent_decided(line)).collect();
            let received: Vec<&&RequestLine> = lines
                .iter()
                .filter(|line| recent(line.received_at))
                .collect();
            UnitLine {
                unit: unit.to_owned(),
                open: lines.iter().filter(|line| line.status.is_open()).count(),
                overdue: lines.iter().filter(|line| line.overdue(today)).count(),
                due_soon: lines
                    .iter()
                    .filter(|line| line.status.is_open() && due_soon(line))
                    .count(),
                decided: decided.len(),
                on_time: decided
                    .iter()
                    .filter(|line| line.on_time() == Some(true))
                    .count(),
                median_days: median(
                    decided
                        .iter()
                        .filter_map(|line| line.days_to_decision())
                        .collect(),
                ),
                extended: received
                    .iter()
                    .filter(|line| line.deadline.extended)
                    .count(),
                received: received.len(),
            }
        })
        .collect();

    let received: Vec<&RequestLine> = lines
        .iter()
        .filter(|line| recent(line.received_at))
        .collect();
    DeadlineOverview {
        open_by_status,
        open_by_kind,
        overdue: open.iter().filter(|line| line.overdue(today)).count(),
        due_soon: open.iter().filter(|line| due_soon(line)).count(),
        due_soon_days,
        median_days: median(
            lines
                .iter()
                .filter(recent_decided)
                .filter_map(RequestLine::days_to_decision)
                .collect(),
        ),
        extended: received
            .iter()
            .filter(|line| line.deadline.extended)
            .count(),
        received: received.len(),
        months,
        units,
        urgent: urgent
            .into_iter()
            .map(|line| line.queue_row(today, lang))
            .collect(),
    }
}

/// Every request, for the DPO's overview and its CSV export.
pub async fn lines(pool: &PgPool, _overseer: &Overseer) -> sqlx::Result<Vec<RequestLine>> {
    every_line(pool).await
}

/// How many requests are open on `today`, and how many of those are past
/// their deadline in force (the operator's metrics; the same counting as
/// the DPO's overview).
pub async fn open_and_overdue(pool: &PgPool, today: NaiveDate) -> sqlx::Result<(usize, usize)> {
    let lines = every_line(pool).await?;
    let open = lines.iter().filter(|line| line.status.is_open()).count();
    let overdue = lines.iter().filter(|line| line.overdue(today)).count();
    Ok((open, overdue))
}

/// Every request, for [`lines`] and the daily digest the portal itself
/// writes (never to an assignee an authorisation review removed).
pub(crate) async fn every_line(pool: &PgPool) -> sqlx::Result<Vec<RequestLine>> {
    let rows = sqlx::query!(
        r#"SELECT r.id, r.kind, r.status, u.name AS unit, r.citizen_name, a.name AS "assignee?",
                  CASE WHEN a.deactivated_at IS NULL THEN a.email END AS "assignee_email?",
                  a.language AS "assignee_language?",
                  r.received_at, r.due_on, r.extendable_to, r.extended_at IS NOT NULL AS "extended!",
                  r.decided_at
           FROM data_requests r
           JOIN org_units u ON u.id = r.org_unit_id
           LEFT JOIN staff_members a ON a.id = r.assignee_id
           ORDER BY r.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(RequestLine {
                id: row.id,
                kind: Kind::from_code(&row.kind)?,
                status: Status::from_code(&row.status)?,
                unit: row.unit,
                citizen_name: row.citizen_name,
                assignee: row.assignee,
                assignee_email: row.assignee_email,
                assignee_lang: row
                    .assignee_language
                    .as_deref()
                    .and_then(Lang::from_code)
                    .unwrap_or_default(),
                received_at: row.received_at,
                deadline: RequestDeadline {
                    due_on: row.due_on,
                    extendable_to: row.extendable_to,
                    extended: row.extended,
                },
                decided_at: row.decided_at,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        Utc.from_utc_datetime(&day(text).and_hms_opt(10, 0, 0).unwrap())
    }

    fn line(
        id: i64,
        unit: &str,
        status: Status,
        received: &str,
        due: &str,
        decided: Option<&str>,
    ) -> RequestLine {
        RequestLine {
            id,
            kind: Kind::Access,
            status,
            unit: unit.to_owned(),
            citizen_name: "Anna".to_owned(),
            assignee: None,
            assignee_email: None,
            assignee_lang: Lang::Da,
            received_at: at(received),
            deadline: RequestDeadline {
                due_on: day(due),
                extendable_to: add_months_clamped(day(due), 2),
                extended: false,
            },
            decided_at: decided.map(at),
        }
    }

    #[test]
    fn counts_deadlines_shares_and_medians_for_a_fixed_day() {
        let today = day("2026-11-23");
        let lines = vec![
            // Open: overdue, due in 3 days, due in 20 days.
            line(
                1,
                "Borgerservice",
                Status::Received,
                "2026-10-20",
                "2026-11-20",
                None,
            ),
            line(
                2,
                "Borgerservice",
                Status::InProgress,
                "2026-10-26",
                "2026-11-26",
                None,
            ),
            line(
                3,
                "Jobcenter",
                Status::AwaitingCitizen,
                "2026-11-12",
                "2026-12-14",
                None,
            ),
            // Decided in November: one on time (10 days), one late (40 days).
            line(
                4,
                "Borgerservice",
                Status::Answered,
                "2026-11-01",
                "2026-12-01",
                Some("2026-11-11"),
            ),
            line(
                5,
                "Jobcenter",
                Status::Refused,
                "2026-10-01",
                "2026-11-02",
                Some("2026-11-10"),
            ),
            // Decided in October, closed afterwards: on time (4 days).
            line(
                6,
                "Jobcenter",
                Status::Closed,
                "2026-10-01",
                "2026-11-02",
                Some("2026-10-05"),
            ),
            // Withdrawn: not a decision.
            line(
                7,
                "Jobcenter",
                Status::Withdrawn,
                "2026-11-01",
                "2026-12-01",
                Some("2026-11-02"),
            ),
        ];
        let result = overview(&lines, today, 7, Lang::Da);
        assert_eq!(result.overdue, 1);
        assert_eq!(result.due_soon, 1);
        assert_eq!(
            result.urgent.iter().map(|row| row.id).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(
            result
                .open_by_status
                .iter()
                .map(|count| count.count)
                .collect::<Vec<_>>(),
            [1, 1, 1]
        );
        assert_eq!(result.months.len(), 12);
        let november = result.months.last().unwrap();
        assert_eq!(
            (november.month.as_str(), november.decided, november.on_time),
            ("november 2026", 2, 1)
        );
        assert_eq!(november.percent(), Some(50));
        let october = &result.months[10];
        assert_eq!((october.decided, october.on_time), (1, 1));
        // Days to decision: 10, 40, 4 → median 10.
        assert_eq!(result.median_days, Some(10.0));
        let jobcenter = result
            .units
            .iter()
            .find(|unit| unit.unit == "Jobcenter")
            .unwrap();
        assert_eq!(
            (
                jobcenter.open,
                jobcenter.decided,
                jobcenter.on_time,
                jobcenter.received
            ),
            (1, 2, 1, 4)
        );
        assert_eq!(jobcenter.median_days, Some(22.0));
        assert_eq!(result.received, 7);
        assert_eq!(result.extended, 0);
    }

    #[test]
    fn an_extended_request_is_on_time_until_the_extended_deadline() {
        let mut late = line(
            1,
            "B",
            Status::Answered,
            "2026-09-01",
            "2026-10-01",
            Some("2026-11-20"),
        );
        assert_eq!(late.on_time(), Some(false));
        late.deadline.extended = true;
        assert_eq!(late.on_time(), Some(true));
        assert_eq!(late.deadline.in_force(), day("2026-12-01"));
    }

    #[test]
    fn a_withdrawn_request_is_neither_decided_nor_in_time() {
        // Withdrawn before the portal stopped stamping withdrawals as
        // decisions, and withdrawn since (no decision time).
        let stamped = line(
            1,
            "B",
            Status::Withdrawn,
            "2026-10-01",
            "2026-11-01",
            Some("2026-10-05"),
        );
        let plain = line(2, "B", Status::Closed, "2026-10-01", "2026-11-01", None);
        for withdrawn in [&stamped, &plain] {
            assert_eq!(withdrawn.on_time(), None);
            assert_eq!(withdrawn.days_to_decision(), None);
        }
        let today = day("2026-11-23");
        let result = overview(&[stamped, plain], today, 7, Lang::Da);
        assert!(result.months.iter().all(|month| month.decided == 0));
        assert_eq!(result.median_days, None);
        assert_eq!(result.units[0].decided, 0);
    }
}
