//! Storing validated events. A batch is copied (PostgreSQL `COPY`, the
//! fastest way in) into the unlogged staging table, then moved into the
//! partitions by one statement that also keeps the citizen's summary up to
//! date: only events that were new (not a resend of a stored event) are added
//! to the summary, so a retried batch changes nothing. Callers run both steps
//! in one transaction, so a batch is stored all or nothing.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::event::{Event, Subject};

/// Events per `COPY` statement; bounds the buffer held in memory.
pub const COPY_CHUNK: usize = 10_000;

/// Copies `events` into the staging table under `batch`.
pub async fn stage(db: &mut PgConnection, batch: Uuid, events: &[Event]) -> sqlx::Result<()> {
    for chunk in events.chunks(COPY_CHUNK) {
        let mut buffer = Vec::with_capacity(chunk.len() * 256);
        for event in chunk {
            write_row(&mut buffer, batch, event);
        }
        let mut copy = db
            .copy_in_raw(
                "COPY access_event_staging (batch, occurred_at, source_event_id, actor, org_unit_id, \
                 use_type, subject_key, search_criterion, purpose_id, case_reference, bulk, batch_run, \
                 hidden_until, hidden_reason) FROM STDIN (FORMAT text)",
            )
            .await?;
        copy.send(buffer).await?;
        copy.finish().await?;
    }
    Ok(())
}

pub use app::access_log::write::move_staged;

/// One row of `COPY … (FORMAT text)`: tab-separated, `\N` for NULL.
fn write_row(buffer: &mut Vec<u8>, batch: Uuid, event: &Event) {
    let (key, criterion) = match &event.subject {
        Subject::Citizen(key) => (Some(key.as_bytes().as_slice()), None),
        Subject::SearchCriterion(criterion) => (None, Some(criterion.as_str())),
    };
    let hidden_until = event.hidden.as_ref().and_then(|hidden| hidden.until);
    let hidden_reason = event.hidden.as_ref().map(|hidden| hidden.reason.as_str());
    push_text(buffer, Some(&batch.to_string()));
    tab(buffer);
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
    use super::*;

    #[test]
    fn copy_text_escapes_separators_and_null() {
        let mut buffer = Vec::new();
        push_text(&mut buffer, Some("a\tb\\c\nd\re"));
        tab(&mut buffer);
        push_text(&mut buffer, None);
        assert_eq!(buffer, b"a\\tb\\\\c\\nd\\re\t\\N");
    }
}
