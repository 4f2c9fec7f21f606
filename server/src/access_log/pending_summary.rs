//! The summary of events copied straight into the partitions (see
//! [`super::store::Writer`]): counted in memory per summary key, then added
//! to `access_summary` by one statement per flush, which locks the summary
//! rows in the same key order as the statement that moves staged events, so
//! concurrent writers cannot deadlock. The day is the event's
//! Europe/Copenhagen date, as in that statement; searches by criterion are
//! not summarised.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;

use app::access_log::coverage::local_date;
use app::identity::subject_key::SubjectKey;

use super::event::{Event, Subject};

/// The columns of `access_summary_key`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    subject_key: SubjectKey,
    day: NaiveDate,
    org_unit_id: i64,
    source_system_id: i64,
    use_type: &'static str,
    purpose_id: i64,
    bulk: bool,
    batch_run: Option<String>,
    hidden_until: Option<DateTime<Utc>>,
    hidden_reason: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Tally {
    events: i64,
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
}

/// Summary counts of stored events not yet added to `access_summary`.
#[derive(Debug, Default)]
pub struct PendingSummary {
    tallies: HashMap<Key, Tally>,
}

impl PendingSummary {
    /// Counts `events` of system `source_system_id`, which are stored.
    pub fn add(&mut self, source_system_id: i64, events: &[Event]) {
        for event in events {
            let Subject::Citizen(subject) = &event.subject else {
                continue;
            };
            let hidden = event.hidden.as_ref();
            let key = Key {
                subject_key: *subject,
                day: local_date(event.occurred_at),
                org_unit_id: event.org_unit_id,
                source_system_id,
                use_type: event.use_type.code(),
                purpose_id: event.purpose_id,
                bulk: event.bulk,
                batch_run: event.batch_run.clone(),
                hidden_until: hidden.and_then(|hidden| hidden.until),
                hidden_reason: hidden.map(|hidden| hidden.reason.clone()),
            };
            let at = event.occurred_at;
            self.tallies
                .entry(key)
                .and_modify(|tally| {
                    tally.events += 1;
                    tally.first_at = tally.first_at.min(at);
                    tally.last_at = tally.last_at.max(at);
                })
                .or_insert(Tally {
                    events: 1,
                    first_at: at,
                    last_at: at,
                });
        }
    }

    /// How many summary rows are pending.
    pub fn len(&self) -> usize {
        self.tallies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tallies.is_empty()
    }

    /// Adds the pending counts to `access_summary` (in the caller's
    /// transaction) and forgets them. The months' partitions must exist.
    pub async fn flush(&mut self, db: &mut PgConnection) -> sqlx::Result<()> {
        if self.tallies.is_empty() {
            return Ok(());
        }
        let rows = self.tallies.len();
        let mut columns = Columns::with_capacity(rows);
        for (key, tally) in self.tallies.drain() {
            columns.push(key, tally);
        }
        sqlx::query!(
            r#"
            INSERT INTO access_summary AS s (
                subject_key, day, org_unit_id, source_system_id, use_type, purpose_id, bulk,
                batch_run, hidden_until, hidden_reason, events, first_at, last_at)
            SELECT * FROM UNNEST($1::bytea[], $2::date[], $3::int8[], $4::int8[], $5::text[],
                                 $6::int8[], $7::bool[], $8::text[], $9::timestamptz[],
                                 $10::text[], $11::int8[], $12::timestamptz[], $13::timestamptz[])
                AS pending (subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                            bulk, batch_run, hidden_until, hidden_reason, events, first_at, last_at)
            -- The lock order of the statement that moves staged events.
            ORDER BY subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                     bulk, batch_run, hidden_until, hidden_reason
            ON CONFLICT ON CONSTRAINT access_summary_key DO UPDATE
            SET events = s.events + EXCLUDED.events,
                first_at = LEAST(s.first_at, EXCLUDED.first_at),
                last_at = GREATEST(s.last_at, EXCLUDED.last_at)
            "#,
            &columns.subject_key,
            &columns.day,
            &columns.org_unit_id,
            &columns.source_system_id,
            &columns.use_type as &[&str],
            &columns.purpose_id,
            &columns.bulk,
            &columns.batch_run as &[Option<String>],
            &columns.hidden_until as &[Option<DateTime<Utc>>],
            &columns.hidden_reason as &[Option<String>],
            &columns.events,
            &columns.first_at,
            &columns.last_at,
        )
        .execute(db)
        .await?;
        Ok(())
    }
}

/// The pending rows as one array per column, for `UNNEST`.
struct Columns {
    subject_key: Vec<Vec<u8>>,
    day: Vec<NaiveDate>,
    org_unit_id: Vec<i64>,
    source_system_id: Vec<i64>,
    use_type: Vec<&'static str>,
    purpose_id: Vec<i64>,
    bulk: Vec<bool>,
    batch_run: Vec<Option<String>>,
    hidden_until: Vec<Option<DateTime<Utc>>>,
    hidden_reason: Vec<Option<String>>,
    events: Vec<i64>,
    first_at: Vec<DateTime<Utc>>,
    last_at: Vec<DateTime<Utc>>,
}

impl Columns {
    fn with_capacity(rows: usize) -> Columns {
        Columns {
            subject_key: Vec::with_capacity(rows),
            day: Vec::with_capacity(rows),
            org_unit_id: Vec::with_capacity(rows),
            source_system_id: Vec::with_capacity(rows),
            use_type: Vec::with_capacity(rows),
            purpose_id: Vec::with_capacity(rows),
            bulk: Vec::with_capacity(rows),
            batch_run: Vec::with_capacity(rows),
            hidden_until: Vec::with_capacity(rows),
            hidden_reason: Vec::with_capacity(rows),
            events: Vec::with_capacity(rows),
            first_at: Vec::with_capacity(rows),
            last_at: Vec::with_capacity(rows),
        }
    }

    fn push(&mut self, key: Key, tally: Tally) {
        self.subject_key.push(key.subject_key.as_bytes().to_vec());
        self.day.push(key.day);
        self.org_unit_id.push(key.org_unit_id);
        self.source_system_id.push(key.source_system_id);
        self.use_type.push(key.use_type);
        self.purpose_id.push(key.purpose_id);
        self.bulk.push(key.bulk);
        self.batch_run.push(key.batch_run);
        self.hidden_until.push(key.hidden_until);
        self.hidden_reason.push(key.hidden_reason);
        self.events.push(tally.events);
        self.first_at.push(tally.first_at);
        self.last_at.push(tally.last_at);
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use app::access_log::UseType;

    use super::*;
    use crate::access_log::event::Hidden;

    fn event(at: DateTime<Utc>, subject: Subject, hidden: Option<Hidden>) -> Event {
        Event {
            occurred_at: at,
            source_event_id: at.to_rfc3339(),
            actor: "m1".to_owned(),
            org_unit_id: 1,
            use_type: UseType::Read,
            subject,
            purpose_id: 2,
            case_reference: None,
            bulk: false,
            batch_run: None,
            hidden,
        }
    }

    #[test]
    fn counts_per_citizen_and_local_day_and_skips_searches() {
        let citizen = Subject::Citizen(SubjectKey::from_bytes([7; 32]));
        // 22:30 UTC on 1 June is 00:30 on 2 June in Copenhagen (summer time).
        let late = Utc.with_ymd_and_hms(2026, 6, 1, 22, 30, 0).unwrap();
        let evening = Utc.with_ymd_and_hms(2026, 6, 1, 20, 0, 0).unwrap();
        let next_morning = Utc.with_ymd_and_hms(2026, 6, 2, 6, 0, 0).unwrap();
        let hidden = Hidden {
            until: None,
            reason: "efterforskning".to_owned(),
        };
        let mut pending = PendingSummary::default();
        pending.add(
            5,
            &[
                event(late, citizen.clone(), None),
                event(next_morning, citizen.clone(), None),
                event(evening, citizen.clone(), None),
                event(evening, citizen.clone(), Some(hidden)),
                event(
                    evening,
                    Subject::SearchCriterion("født 1990".to_owned()),
                    None,
                ),
            ],
        );
        // Per row: day, hidden, events, first and last time.
        type Row = (NaiveDate, bool, i64, DateTime<Utc>, DateTime<Utc>);
        let mut rows: Vec<Row> = pending
            .tallies
            .iter()
            .map(|(key, tally)| {
                (
                    key.day,
                    key.hidden_reason.is_some(),
                    tally.events,
                    tally.first_at,
                    tally.last_at,
                )
            })
            .collect();
        rows.sort();
        let june = |day| NaiveDate::from_ymd_opt(2026, 6, day).unwrap();
        assert_eq!(
            rows,
            vec![
                (june(1), false, 1, evening, evening),
                (june(1), true, 1, evening, evening),
                (june(2), false, 2, late, next_morning),
            ]
        );
    }
}
