//! Storing validated events inside the caller's transaction (so a batch is
//! stored all or nothing), two ways:
//!
//! - straight in: one `COPY` into the partitions, with the citizen's summary
//!   counted in memory ([`PendingSummary`]) and added when the writer
//!   finishes. This is the way of new events and the fast one;
//! - the careful way, when a `COPY` meets an event stored before (a resend,
//!   refused by the unique key): its savepoint is rolled back, the events are
//!   copied into the unlogged staging table and moved into the partitions by
//!   one statement that skips stored events and adds only the new ones to
//!   the summary.
//!
//! Either way a retried batch changes nothing.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use app::access_log::coverage::local_date;
use app::access_log::pending_summary::{PendingSummary, SummaryKey};

use super::event::{Event, Subject};

/// Pending summary rows that make the writer add them before taking more.
const FLUSH_AT: usize = 100_000;

/// Bytes per `COPY` data message.
const COPY_MESSAGE: usize = 1 << 20;

/// Validated events of one source system received at one time, with the
/// text of their `COPY` into the partitions already written, so that a
/// reading thread can prepare the next rows while the database stores these.
pub struct Rows {
    source_system_id: i64,
    received_at: DateTime<Utc>,
    events: Vec<Event>,
    copy_text: Vec<u8>,
}

impl Rows {
    /// Times are cut to the microsecond PostgreSQL keeps, so that the
    /// summary counted here and the events PostgreSQL stores agree.
    pub fn new(source_system_id: i64, received_at: DateTime<Utc>, mut events: Vec<Event>) -> Rows {
        for event in &mut events {
            event.occurred_at = event.occurred_at.trunc_subsecs(6);
            if let Some(hidden) = &mut event.hidden {
                hidden.until = hidden.until.map(|until| until.trunc_subsecs(6));
            }
        }
        let received_at = received_at.trunc_subsecs(6);
        let prefix = format!(
            "{source_system_id}\t{}\t",
            received_at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
        );
        let copy_text = copy_text(&prefix, &events);
        Rows {
            source_system_id,
            received_at,
            events,
            copy_text,
        }
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// The first and last time of use among events.
type Span = (DateTime<Utc>, DateTime<Utc>);

/// Stores rows in one transaction: [`Writer::write`] as often as needed,
/// then [`Writer::finish`] before the transaction commits (it adds the
/// summary of the events stored straight in).
#[derive(Default)]
#[must_use = "finish the writer, or the summary misses the events it stored"]
pub struct Writer {
    pending: PendingSummary,
    /// Per source system: the latest delivery written, and its new events.
    deliveries: BTreeMap<i64, (DateTime<Utc>, u64)>,
    /// Per system and moment of receipt, the span of the events stored
    /// straight in, for the flag job.
    for_flags: BTreeMap<(i64, DateTime<Utc>), Span>,
}

impl Writer {
    /// Stores `rows` and returns how many of their events were new. The
    /// partitions for their months must exist (see `partitions::ensure`).
    pub async fn write(&mut self, db: &mut PgConnection, rows: &Rows) -> sqlx::Result<u64> {
        let stored = self.store(db, rows).await?;
        let delivery = self
            .deliveries
            .entry(rows.source_system_id)
            .or_insert((rows.received_at, 0));
        delivery.0 = delivery.0.max(rows.received_at);
        delivery.1 += stored;
        Ok(stored)
    }

    async fn store(&mut self, db: &mut PgConnection, rows: &Rows) -> sqlx::Result<u64> {
        let mut attempt = db.begin().await?;
        let copied = copy(
            &mut attempt,
            "COPY access_events (source_system_id, received_at, occurred_at, source_event_id, \
             actor, org_unit_id, use_type, subject_key, search_criterion, purpose_id, case_reference, \
             bulk, batch_run, hidden_until, hidden_reason, case_closed) FROM STDIN (FORMAT text)",
            &rows.copy_text,
        )
        .await;
        match copied {
            Ok(()) => {
                attempt.commit().await?;
                let times = rows.events.iter().map(|event| event.occurred_at);
                if let (Some(first), Some(last)) = (times.clone().min(), times.max()) {
                    let span = self
                        .for_flags
                        .entry((rows.source_system_id, rows.received_at))
                        .or_insert((first, last));
                    *span = (span.0.min(first), span.1.max(last));
                }
                for event in &rows.events {
                    if let Some(key) = summary_key(rows.source_system_id, event) {
                        self.pending
                            .add(key, 1, event.occurred_at, event.occurred_at);
                    }
                }
                if self.pending.len() >= FLUSH_AT {
                    self.pending.flush(db).await?;
                }
                Ok(rows.len() as u64)
            }
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                attempt.rollback().await?;
                let batch = Uuid::new_v4();
                stage(db, batch, &rows.events).await?;
                move_staged(db, batch, rows.source_system_id, rows.received_at).await
            }
            Err(error) => Err(error),
        }
    }

    /// Adds the summary of the events stored straight in, and notes each
    /// system's delivery (last, so the row it locks is held only while the
    /// transaction commits).
    pub async fn finish(mut self, db: &mut PgConnection) -> sqlx::Result<()> {
        self.pending.flush(db).await?;
        for ((source_system_id, received_at), (first, last)) in self.for_flags {
            app::access_log::write::awaits_flag_job(db, source_system_id, received_at, first, last)
                .await?;
        }
        for (source_system_id, (at, stored)) in self.deliveries {
            record_delivery(db, source_system_id, at, stored).await?;
        }
        Ok(())
    }
}

/// Notes that system `source_system_id` delivered at `at`, `stored` of
/// whose events were new (the DPO's overview of silent systems).
async fn record_delivery(
    db: &mut PgConnection,
    source_system_id: i64,
    at: DateTime<Utc>,
    stored: u64,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO source_system_deliveries (source_system_id, last_delivery_at, events_stored)
         VALUES ($1, $2, $3)
         ON CONFLICT (source_system_id) DO UPDATE SET
             last_delivery_at = GREATEST(source_system_deliveries.last_delivery_at,
                                         EXCLUDED.last_delivery_at),
             events_stored = source_system_deliveries.events_stored + EXCLUDED.events_stored",
        source_system_id,
        at,
        i64::try_from(stored).unwrap_or(i64::MAX),
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The summary row `event` of system `source_system_id` counts in (its
/// Europe/Copenhagen day, as the move statement computes it); none for a
/// search by criterion.
fn summary_key(source_system_id: i64, event: &Event) -> Option<SummaryKey> {
    let Subject::Citizen(subject_key) = &event.subject else {
        return None;
    };
    let hidden = event.hidden.as_ref();
    Some(SummaryKey {
        subject_key: *subject_key,
        day: local_date(event.occurred_at),
        org_unit_id: event.org_unit_id,
        source_system_id,
        use_type: event.use_type,
        purpose_id: event.purpose_id,
        bulk: event.bulk,
        batch_run: event.batch_run.clone(),
        hidden_until: hidden.and_then(|hidden| hidden.until),
        hidden_reason: hidden.map(|hidden| hidden.reason.clone()),
    })
}

/// Copies `events` into the staging table under `batch`.
pub async fn stage(db: &mut PgConnection, batch: Uuid, events: &[Event]) -> sqlx::Result<()> {
    copy(
        db,
        "COPY access_event_staging (batch, occurred_at, source_event_id, actor, org_unit_id, \
         use_type, subject_key, search_criterion, purpose_id, case_reference, bulk, batch_run, \
         hidden_until, hidden_reason, case_closed) FROM STDIN (FORMAT text)",
        &copy_text(&format!("{batch}\t"), events),
    )
    .await
}

pub use app::access_log::write::move_staged;

/// Runs the `COPY … FROM STDIN` `statement` with `text`.
async fn copy(db: &mut PgConnection, statement: &str, text: &[u8]) -> sqlx::Result<()> {
    let mut copy = db.copy_in_raw(statement).await?;
    for message in text.chunks(COPY_MESSAGE) {
        copy.send(message).await?;
    }
    copy.finish().await?;
    Ok(())
}

/// `COPY` text of `events`, each row `prefix` (the leading columns, already
/// in COPY text form) and then the event's own columns.
fn copy_text(prefix: &str, events: &[Event]) -> Vec<u8> {
    let mut text = Vec::with_capacity(events.len() * 256);
    for event in events {
        text.extend_from_slice(prefix.as_bytes());
        write_row(&mut text, event);
    }
    text
}

/// An event's columns (from `occurred_at` on) as one row of `COPY … (FORMAT
/// text)`: tab-separated, `\N` for NULL.
fn write_row(buffer: &mut Vec<u8>, event: &Event) {
    let (key, criterion) = match &event.subject {
        Subject::Citizen(key) => (Some(key.as_bytes().as_slice()), None),
        Subject::SearchCriterion(criterion) => (None, Some(criterion.as_str())),
    };
    let hidden_until = event.hidden.as_ref().and_then(|hidden| hidden.until);
    let hidden_reason = event.hidden.as_ref().map(|hidden| hidden.reason.as_str());
    push_time(buffer, Some(event.occurred_at));
    tab(buffer);
    push_text(buffer, Some(&event.source_event_id));
    tab(buffer);
    push_text(buffer, Some(&event.actor));
    tab(buffer);
    push_text(buffer, Some(&event.org_unit_id.to_string()));
    tab(buffer);
    push_text(buffer, Some(event.use_type.code()));
    tab(buffer);
    match key {
        Some(bytes) => {
            buffer.extend_from_slice(b"\\\\x");
            buffer.extend_from_slice(hex::encode(bytes).as_bytes());
        }
        None => buffer.extend_from_slice(b"\\N"),
    }
    tab(buffer);
    push_text(buffer, criterion);
    tab(buffer);
    push_text(buffer, Some(&event.purpose_id.to_string()));
    tab(buffer);
    push_text(buffer, event.case_reference.as_deref());
    tab(buffer);
    push_text(buffer, Some(if event.bulk { "t" } else { "f" }));
    tab(buffer);
    push_text(buffer, event.batch_run.as_deref());
    tab(buffer);
    push_time(buffer, hidden_until);
    tab(buffer);
    push_text(buffer, hidden_reason);
    tab(buffer);
    push_text(buffer, Some(if event.case_closed { "t" } else { "f" }));
    buffer.push(b'\n');
}

fn tab(buffer: &mut Vec<u8>) {
    buffer.push(b'\t');
}

fn push_time(buffer: &mut Vec<u8>, at: Option<DateTime<Utc>>) {
    let text = at.map(|at| at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    push_text(buffer, text.as_deref());
}

/// A text value with the characters `COPY` text format treats specially escaped.
fn push_text(buffer: &mut Vec<u8>, value: Option<&str>) {
    let Some(value) = value else {
        buffer.extend_from_slice(b"\\N");
        return;
    };
    for byte in value.bytes() {
        match byte {
            b'\\' => buffer.extend_from_slice(b"\\\\"),
            b'\t' => buffer.extend_from_slice(b"\\t"),
            b'\n' => buffer.extend_from_slice(b"\\n"),
            b'\r' => buffer.extend_from_slice(b"\\r"),
            other => buffer.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use app::access_log::UseType;
    use app::identity::subject_key::SubjectKey;

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
            case_closed: false,
        }
    }

    #[test]
    fn a_summary_row_per_citizen_local_day_and_visibility_but_none_for_searches() {
        let citizen = Subject::Citizen(SubjectKey::from_bytes([7; 32]));
        // 22:30 UTC on 1 June is 00:30 on 2 June in Copenhagen (summer time).
        let late = Utc.with_ymd_and_hms(2026, 6, 1, 22, 30, 0).unwrap();
        let evening = Utc.with_ymd_and_hms(2026, 6, 1, 20, 0, 0).unwrap();
        let june = |day| chrono::NaiveDate::from_ymd_opt(2026, 6, day).unwrap();
        let hidden = Hidden {
            until: None,
            reason: "efterforskning".to_owned(),
        };
        let key = |at, hidden| summary_key(5, &event(at, citizen.clone(), hidden)).unwrap();
        assert_eq!(key(late, None).day, june(2));
        assert_eq!(key(evening, None).day, june(1));
        assert_eq!(key(evening, None).source_system_id, 5);
        assert_ne!(key(evening, None), key(evening, Some(hidden.clone())));
        assert_eq!(
            key(evening, Some(hidden)).hidden_reason.as_deref(),
            Some("efterforskning")
        );
        let search = event(
            evening,
            Subject::SearchCriterion("født 1990".to_owned()),
            None,
        );
        assert_eq!(summary_key(5, &search), None);
    }

    #[test]
    fn copy_text_escapes_separators_and_null() {
        let mut buffer = Vec::new();
        push_text(&mut buffer, Some("a\tb\\c\nd\re"));
        tab(&mut buffer);
        push_text(&mut buffer, None);
        assert_eq!(buffer, b"a\\tb\\\\c\\nd\\re\t\\N");
    }
}
