//! A batch of events from one source system: read line by line, validated as
//! a whole (every bad line reported, nothing stored if any is bad), and
//! stored in one transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::PgPool;

use super::event::{Event, LineError, RawEvent, Rules};
use super::{partitions, store};

/// At most this many problems are listed in a report; `error_count` has them all.
pub const MAX_LISTED_ERRORS: usize = 1_000;

/// Why a batch was refused: its problems, line by line.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Refusal {
    /// How many problems were found in all.
    pub error_count: usize,
    /// The first problems, in line order.
    pub errors: Vec<LineError>,
}

impl Refusal {
    /// A refusal of the whole body, not of one line.
    pub fn of_body(message: impl Into<String>) -> Refusal {
        let mut refusal = Refusal::default();
        refusal.add(LineError {
            line: 0,
            field: None,
            message: message.into(),
        });
        refusal
    }

    pub fn add(&mut self, error: LineError) {
        self.error_count += 1;
        if self.errors.len() < MAX_LISTED_ERRORS {
            self.errors.push(error);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.error_count == 0
    }
}

/// Collects valid events and the problems of invalid ones, and notices an
/// event id reused with another time within the batch.
#[derive(Debug, Default)]
pub struct Collector {
    events: Vec<Event>,
    refusal: Refusal,
    first_line_of_id: HashMap<String, (usize, DateTime<Utc>)>,
}

impl Collector {
    /// Validates `raw`, read from `line`.
    pub fn push(&mut self, line: usize, raw: Result<RawEvent, Vec<LineError>>, rules: &Rules<'_>) {
        match raw.and_then(|raw| raw.validate(line, rules)) {
            Ok(event) => {
                if let Some((first, at)) = self.first_line_of_id.get(&event.source_event_id) {
                    if *at != event.occurred_at {
                        self.refusal.add(LineError {
                            line,
                            field: Some("id"),
                            message: format!(
                                "the same id is used on line {first} with another time"
                            ),
                        });
                        return;
                    }
                } else {
                    self.first_line_of_id
                        .insert(event.source_event_id.clone(), (line, event.occurred_at));
                }
                self.events.push(event);
            }
            Err(errors) => {
                for error in errors {
                    self.refusal.add(error);
                }
            }
        }
    }

    /// Hands over the valid events collected so far (for streaming into the
    /// staging table); the id check still covers them.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// Whether no problem was found so far.
    pub fn is_clean(&self) -> bool {
        self.refusal.is_empty()
    }

    /// Like [`Collector::finish`] after the events were taken along the way:
    /// `taken` events in all.
    pub fn finish_streamed(self, taken: usize) -> Result<(), Refusal> {
        self.verdict(taken, "the file holds no events")
    }

    /// The refusal when a line was bad or there were no events at all.
    fn verdict(self, events: usize, when_empty: &str) -> Result<(), Refusal> {
        if !self.refusal.is_empty() {
            Err(self.refusal)
        } else if events == 0 {
            Err(Refusal::of_body(when_empty))
        } else {
            Ok(())
        }
    }

    /// Records a problem that is not about one event's fields.
    pub fn refuse(&mut self, error: LineError) {
        self.refusal.add(error);
    }

    /// The events when every line was good.
    pub fn finish(mut self) -> Result<Vec<Event>, Refusal> {
        let events = self.take_events();
        self.verdict(events.len(), "the batch holds no events")
            .map(|()| events)
    }
}

/// Reads an NDJSON body: one JSON object per line, blank lines skipped.
pub fn parse_ndjson(body: &[u8], rules: &Rules<'_>) -> Result<Vec<Event>, Refusal> {
    let mut collector = Collector::default();
    for (index, line) in body.split(|byte| *byte == b'\n').enumerate() {
        let number = index + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match std::str::from_utf8(line) {
            Ok(text) => collector.push(number, RawEvent::from_json(number, text), rules),
            Err(_) => collector.refuse(LineError {
                line: number,
                field: None,
                message: "is not valid UTF-8".to_owned(),
            }),
        }
    }
    collector.finish()
}

/// What storing a batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Stored {
    /// Events in the batch.
    pub received: usize,
    /// Events stored now; the rest were stored before (a resend).
    pub stored: u64,
}

/// Stores valid `events` of system `source_system_id`, all or nothing,
/// creating missing month partitions first.
pub async fn store_all(
    pool: &PgPool,
    source_system_id: i64,
    events: Vec<Event>,
    now: DateTime<Utc>,
) -> sqlx::Result<Stored> {
    partitions::ensure(
        pool,
        &partitions::months_of(events.iter().map(|event| event.occurred_at)),
    )
    .await?;
    let rows = store::Rows::new(source_system_id, now, events);
    let mut tx = pool.begin().await?;
    let mut writer = store::Writer::default();
    let stored = writer.write(&mut tx, &rows).await?;
    writer.finish(&mut tx).await?;
    tx.commit().await?;
    Ok(Stored {
        received: rows.len(),
        stored,
    })
}
