//! [ssr] Summary rows waiting to be added to `access_summary`: counted in
//! memory per summary key, then added by one statement per flush. This is
//! the only statement that adds new events to summary counts (a change of
//! hiding recounts rows instead, `server/src/access_log/hiding.rs`), for
//! both ways events are stored (straight in, counted here from the events; or moved from staging,
//! counted by PostgreSQL and added here), so the merge rule and the order in
//! which summary rows are locked (which keeps concurrent writers from
//! deadlocking) are written once.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;

use super::UseType;
use crate::identity::subject_key::SubjectKey;

/// The columns of `access_summary_key`: one summary row. `day` is the
/// Europe/Copenhagen date of the uses.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SummaryKey {
    pub subject_key: SubjectKey,
    pub day: NaiveDate,
    pub org_unit_id: i64,
    pub source_system_id: i64,
    pub use_type: UseType,
    pub purpose_id: i64,
    pub bulk: bool,
    pub batch_run: Option<String>,
    pub hidden_until: Option<DateTime<Utc>>,
    pub hidden_reason: Option<String>,
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
    tallies: HashMap<SummaryKey, Tally>,
}

impl PendingSummary {
    /// Counts `events` uses under `key`, the first at `first_at` and the
    /// last at `last_at`.
    pub fn add(
        &mut self,
        key: SummaryKey,
        events: i64,
        first_at: DateTime<Utc>,
        last_at: DateTime<Utc>,
    ) {
        self.tallies
            .entry(key)
            .and_modify(|tally| {
                tally.events += events;
                tally.first_at = tally.first_at.min(first_at);
                tally.last_at = tally.last_at.max(last_at);
            })
            .or_insert(Tally {
                events,
                first_at,
                last_at,
            });
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
            -- One order of row locks for every writer, so none can deadlock.
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

    fn push(&mut self, key: SummaryKey, tally: Tally) {
        self.subject_key.push(key.subject_key.as_bytes().to_vec());
        self.day.push(key.day);
        self.org_unit_id.push(key.org_unit_id);
        self.source_system_id.push(key.source_system_id);
        self.use_type.push(key.use_type.code());
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
