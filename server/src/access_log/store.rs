//! Storing validated events and keeping the citizen's summary up to date, in
//! the same statement: only events that were new (not a resend of a stored
//! event) are added to the summary, so a retried batch changes nothing.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::event::{Event, Subject};

/// Events per statement; bounded so one statement's arrays stay small.
pub const CHUNK: usize = 5_000;

/// Stores `events` from system `source_system_id` on `db` (run it inside a
/// transaction for all-or-nothing) and returns how many were new. The
/// partitions for the events' months must exist (see `partitions::ensure`).
pub async fn store(
    db: &mut PgConnection,
    source_system_id: i64,
    events: &[Event],
    received_at: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let mut stored = 0;
    for chunk in events.chunks(CHUNK) {
        stored += store_chunk(db, source_system_id, chunk, received_at).await?;
    }
    Ok(stored)
}

async fn store_chunk(
    db: &mut PgConnection,
    source_system_id: i64,
    events: &[Event],
    received_at: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let columns = Columns::of(events);
    let stored = sqlx::query_scalar!(
        r#"
        WITH inserted AS (
            INSERT INTO access_events (
                occurred_at, source_system_id, source_event_id, actor, org_unit_id, use_type,
                subject_key, search_criterion, purpose_id, case_reference, bulk, batch_run,
                hidden_until, hidden_reason, received_at)
            SELECT e.occurred_at, $1, e.source_event_id, e.actor, e.org_unit_id, e.use_type,
                   e.subject_key, e.search_criterion, e.purpose_id, e.case_reference, e.bulk,
                   e.batch_run, e.hidden_until, e.hidden_reason, $2
            FROM UNNEST($3::timestamptz[], $4::text[], $5::text[], $6::int8[], $7::text[],
                        $8::bytea[], $9::text[], $10::int8[], $11::text[], $12::bool[],
                        $13::text[], $14::timestamptz[], $15::text[])
                 AS e(occurred_at, source_event_id, actor, org_unit_id, use_type,
                      subject_key, search_criterion, purpose_id, case_reference, bulk,
                      batch_run, hidden_until, hidden_reason)
            ON CONFLICT (source_system_id, source_event_id, occurred_at) DO NOTHING
            RETURNING occurred_at, source_system_id, org_unit_id, use_type, subject_key,
                      purpose_id, bulk, batch_run, hidden_until, hidden_reason
        ),
        summarised AS (
            INSERT INTO access_summary AS s (
                subject_key, day, org_unit_id, source_system_id, use_type, purpose_id, bulk,
                batch_run, hidden_until, hidden_reason, events, first_at, last_at)
            SELECT subject_key, (occurred_at AT TIME ZONE 'Europe/Copenhagen')::date AS day,
                   org_unit_id, source_system_id, use_type, purpose_id, bulk, batch_run,
                   hidden_until, hidden_reason, count(*), min(occurred_at), max(occurred_at)
            FROM inserted
            WHERE subject_key IS NOT NULL
            GROUP BY subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                     bulk, batch_run, hidden_until, hidden_reason
            -- A fixed order of row locks, so concurrent batches cannot deadlock.
            ORDER BY subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                     bulk, batch_run, hidden_until, hidden_reason
            ON CONFLICT ON CONSTRAINT access_summary_key DO UPDATE
            SET events = s.events + EXCLUDED.events,
                first_at = LEAST(s.first_at, EXCLUDED.first_at),
                last_at = GREATEST(s.last_at, EXCLUDED.last_at)
            RETURNING 1
        )
        SELECT count(*) AS "stored!" FROM inserted
        "#,
        source_system_id,
        received_at,
        &columns.occurred_at,
        &columns.source_event_id,
        &columns.actor,
        &columns.org_unit_id,
        &columns.use_type,
        &columns.subject_key as &[Option<Vec<u8>>],
        &columns.search_criterion as &[Option<String>],
        &columns.purpose_id,
        &columns.case_reference as &[Option<String>],
        &columns.bulk,
        &columns.batch_run as &[Option<String>],
        &columns.hidden_until as &[Option<DateTime<Utc>>],
        &columns.hidden_reason as &[Option<String>],
    )
    .fetch_one(db)
    .await?;
    Ok(u64::try_from(stored).unwrap_or_default())
}

/// Events turned column-wise for `UNNEST`.
#[derive(Default)]
struct Columns {
    occurred_at: Vec<DateTime<Utc>>,
    source_event_id: Vec<String>,
    actor: Vec<String>,
    org_unit_id: Vec<i64>,
    use_type: Vec<String>,
    subject_key: Vec<Option<Vec<u8>>>,
    search_criterion: Vec<Option<String>>,
    purpose_id: Vec<i64>,
    case_reference: Vec<Option<String>>,
    bulk: Vec<bool>,
    batch_run: Vec<Option<String>>,
    hidden_until: Vec<Option<DateTime<Utc>>>,
    hidden_reason: Vec<Option<String>>,
}

impl Columns {
    fn of(events: &[Event]) -> Columns {
        let mut columns = Columns::default();
        for event in events {
            columns.occurred_at.push(event.occurred_at);
            columns.source_event_id.push(event.source_event_id.clone());
            columns.actor.push(event.actor.clone());
            columns.org_unit_id.push(event.org_unit_id);
            columns.use_type.push(event.use_type.code().to_owned());
            let (key, criterion) = match &event.subject {
                Subject::Citizen(key) => (Some(key.as_bytes().to_vec()), None),
                Subject::SearchCriterion(criterion) => (None, Some(criterion.clone())),
            };
            columns.subject_key.push(key);
            columns.search_criterion.push(criterion);
            columns.purpose_id.push(event.purpose_id);
            columns.case_reference.push(event.case_reference.clone());
            columns.bulk.push(event.bulk);
            columns.batch_run.push(event.batch_run.clone());
            columns
                .hidden_until
                .push(event.hidden.as_ref().and_then(|hidden| hidden.until));
            columns
                .hidden_reason
                .push(event.hidden.as_ref().map(|hidden| hidden.reason.clone()));
        }
        columns
    }
}
