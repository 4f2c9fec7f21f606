//! `POST /api/v1/access-events/hidden`: a source system allowed to hide
//! (databeskyttelsesloven § 22) changes a hide it set earlier: lifts it now
//! (`hidden_until: null`), or shortens or extends it, with a new reason
//! (shown to the citizen once the events are disclosed). All or nothing:
//! every id must be an event of the sending system that it hid; otherwise
//! nothing changes. Sending the same change again changes nothing more. The
//! citizen's summary follows in the same transaction (docs/rules.md §2.3).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{PgConnection, PgPool};
use utoipa::ToSchema;

use app::access_log::coverage::local_date;

use super::event::{free_text_problem, parse_time};

/// The path of the endpoint.
pub const HIDDEN_PATH: &str = "/api/v1/access-events/hidden";

/// At most this many events per change.
pub const MAX_IDS: usize = 1000;

/// A change of hiding, as sent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HidingChange {
    /// The sending system's own ids of the events (1–1000, each 1–200
    /// characters), events it sent earlier with `hidden_reason`.
    pub ids: Vec<String>,
    /// Hide until this time (RFC 3339 with an offset), or `null` to
    /// disclose the events now.
    #[schema(format = DateTime)]
    pub hidden_until: Option<String>,
    /// Why (1–500 characters, no CPR number, no control characters); shown
    /// to the citizen once the events are disclosed.
    pub reason: String,
}

/// A change that has been checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedChange {
    pub ids: Vec<String>,
    /// When the events become visible; `None`: now (an event already
    /// visible keeps the time it became so, so a repeat changes nothing).
    pub hidden_until: Option<DateTime<Utc>>,
    pub reason: String,
}

impl CheckedChange {
    /// The change as one new hiding per event.
    fn each(&self) -> Vec<NewHiding> {
        self.ids
            .iter()
            .map(|id| NewHiding {
                id: id.clone(),
                hidden_until: self.hidden_until,
                reason: self.reason.clone(),
            })
            .collect()
    }
}

/// One event's new hiding: its id, until when (`None`: visible from now)
/// and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewHiding {
    pub id: String,
    pub hidden_until: Option<DateTime<Utc>>,
    pub reason: String,
}

impl NewHiding {
    /// The time an event hidden until `old` is hidden until after the change.
    fn new_until(&self, old: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
        match (self.hidden_until, old) {
            (Some(until), _) => until,
            (None, Some(old)) if old <= now => old,
            (None, _) => now,
        }
    }
}

/// Checks `change`; every problem, each naming its field (never repeating
/// the value).
pub fn check(change: HidingChange) -> Result<CheckedChange, Vec<String>> {
    let mut problems = Vec::new();
    let ids: BTreeSet<String> = change.ids.iter().map(|id| id.trim().to_owned()).collect();
    if ids.is_empty() || change.ids.len() > MAX_IDS {
        problems.push(format!("ids: give 1 to {MAX_IDS} event ids"));
    }
    if ids
        .iter()
        .any(|id| id.is_empty() || id.chars().count() > 200)
    {
        problems.push("ids: each id is 1 to 200 characters".to_owned());
    }
    let hidden_until = match change.hidden_until.as_deref().map(str::trim) {
        None => None,
        Some(text) => parse_time(text).or_else(|| {
            problems.push("hidden_until: an RFC 3339 time with an offset, or null".to_owned());
            None
        }),
    };
    let reason = change.reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 500 {
        problems.push("reason: 1 to 500 characters".to_owned());
    } else if let Some(problem) = free_text_problem(&reason) {
        problems.push(format!("reason: {problem}"));
    }
    if problems.is_empty() {
        Ok(CheckedChange {
            ids: ids.into_iter().collect(),
            hidden_until,
            reason,
        })
    } else {
        Err(problems)
    }
}

/// What [`apply`] did.
#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
pub struct HidingChanged {
    /// Events whose hiding changed (0 when the same change is sent again).
    pub changed: usize,
}

/// Why [`apply`] changed nothing.
#[derive(Debug)]
pub enum NotChanged {
    /// Ids that are not events of the system, or that it never hid.
    Unknown(Vec<String>),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for NotChanged {
    fn from(error: sqlx::Error) -> NotChanged {
        NotChanged::Database(error)
    }
}

/// One event as the summary counts it.
struct Counted {
    source_event_id: String,
    subject_key: Option<Vec<u8>>,
    occurred_at: DateTime<Utc>,
    org_unit_id: i64,
    use_type: String,
    purpose_id: i64,
    bulk: bool,
    batch_run: Option<String>,
    hidden_until: Option<DateTime<Utc>>,
    hidden_reason: Option<String>,
}

/// Applies `change` to system `system`'s events at `now`, all or nothing,
/// and brings the citizens' summary rows along.
pub async fn apply(
    pool: &PgPool,
    system: i64,
    change: &CheckedChange,
    now: DateTime<Utc>,
) -> Result<HidingChanged, NotChanged> {
    apply_each(pool, system, &change.each(), now).await
}

/// Gives each of system `system`'s events in `hidings` (one per id) its new
/// hiding at `now`, all or nothing, and brings the citizens' summary rows
/// along.
pub async fn apply_each(
    pool: &PgPool,
    system: i64,
    hidings: &[NewHiding],
    now: DateTime<Utc>,
) -> Result<HidingChanged, NotChanged> {
    let by_id: std::collections::BTreeMap<&str, &NewHiding> = hidings
        .iter()
        .map(|hiding| (hiding.id.as_str(), hiding))
        .collect();
    let ids: Vec<String> = by_id.keys().map(|id| (*id).to_owned()).collect();
    let mut tx = pool.begin().await?;
    let events = sqlx::query_as!(
        Counted,
        "SELECT source_event_id, subject_key, occurred_at, org_unit_id, use_type, purpose_id,
                bulk, batch_run, hidden_until, hidden_reason
         FROM access_events
         WHERE source_system_id = $1 AND source_event_id = ANY($2) AND hidden_reason IS NOT NULL
         ORDER BY occurred_at, source_event_id
         FOR UPDATE",
        system,
        &ids
    )
    .fetch_all(&mut *tx)
    .await?;
    let found: BTreeSet<&str> = events
        .iter()
        .map(|event| event.source_event_id.as_str())
        .collect();
    let unknown: Vec<String> = ids
        .iter()
        .filter(|id| !found.contains(id.as_str()))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(NotChanged::Unknown(unknown));
    }
    // Each event that changes, and the summary rows it was counted in and
    // is counted in now (recounted from the events afterwards).
    let mut changed = 0;
    let mut keys = BTreeSet::new();
    for event in &events {
        let Some(change) = by_id.get(event.source_event_id.as_str()) else {
            continue;
        };
        let until = change.new_until(event.hidden_until, now);
        if event.hidden_until == Some(until)
            && event.hidden_reason.as_deref() == Some(change.reason.as_str())
        {
            continue;
        }
        sqlx::query!(
            "UPDATE access_events SET hidden_until = $4, hidden_reason = $5
             WHERE source_system_id = $1 AND source_event_id = $2 AND occurred_at = $3",
            system,
            event.source_event_id,
            event.occurred_at,
            until,
            change.reason
        )
        .execute(&mut *tx)
        .await?;
        changed += 1;
        if event.subject_key.is_none() {
            continue;
        }
        let key = |hidden_until, hidden_reason| SummaryRow {
            subject_key: event.subject_key.clone().unwrap_or_default(),
            day: local_date(event.occurred_at),
            org_unit_id: event.org_unit_id,
            use_type: event.use_type.clone(),
            purpose_id: event.purpose_id,
            bulk: event.bulk,
            batch_run: event.batch_run.clone(),
            hidden_until,
            hidden_reason,
        };
        keys.insert(key(event.hidden_until, event.hidden_reason.clone()));
        keys.insert(key(Some(until), Some(change.reason.clone())));
    }
    for key in &keys {
        recount(&mut tx, system, key).await?;
    }
    tx.commit().await?;
    Ok(HidingChanged { changed })
}

/// One summary row's key (with its system, fixed by the caller).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SummaryRow {
    subject_key: Vec<u8>,
    day: NaiveDate,
    org_unit_id: i64,
    use_type: String,
    purpose_id: i64,
    bulk: bool,
    batch_run: Option<String>,
    hidden_until: Option<DateTime<Utc>>,
    hidden_reason: Option<String>,
}

/// Sets summary row `key` of `system` to what its events say now, in one
/// statement: updated in place (keeping its id), created, or deleted when
/// no event is left. (New events are added to the summary by
/// `app::access_log::pending_summary`; this recounts after a change of
/// hiding moved events from one row to another.)
async fn recount(db: &mut PgConnection, system: i64, key: &SummaryRow) -> sqlx::Result<()> {
    sqlx::query!(
        r#"WITH counted AS (
               SELECT count(*) AS events, min(occurred_at) AS first_at, max(occurred_at) AS last_at
               FROM access_events
               WHERE subject_key = $1 AND (occurred_at AT TIME ZONE 'Europe/Copenhagen')::date = $2
                 AND org_unit_id = $3 AND source_system_id = $4 AND use_type = $5
                 AND purpose_id = $6 AND bulk = $7 AND batch_run IS NOT DISTINCT FROM $8
                 AND hidden_until IS NOT DISTINCT FROM $9 AND hidden_reason IS NOT DISTINCT FROM $10),
           emptied AS (
               DELETE FROM access_summary
               WHERE (SELECT events FROM counted) = 0
                 AND subject_key = $1 AND day = $2 AND org_unit_id = $3 AND source_system_id = $4
                 AND use_type = $5 AND purpose_id = $6 AND bulk = $7
                 AND batch_run IS NOT DISTINCT FROM $8 AND hidden_until IS NOT DISTINCT FROM $9
                 AND hidden_reason IS NOT DISTINCT FROM $10)
           INSERT INTO access_summary AS s (subject_key, day, org_unit_id, source_system_id,
               use_type, purpose_id, bulk, batch_run, hidden_until, hidden_reason, events,
               first_at, last_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, events, first_at, last_at
           FROM counted WHERE events > 0
           ON CONFLICT ON CONSTRAINT access_summary_key DO UPDATE
           SET events = EXCLUDED.events, first_at = EXCLUDED.first_at, last_at = EXCLUDED.last_at"#,
        key.subject_key,
        key.day,
        key.org_unit_id,
        system,
        key.use_type,
        key.purpose_id,
        key.bulk,
        key.batch_run,
        key.hidden_until,
        key.hidden_reason
    )
    .execute(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn change(ids: &[&str], until: Option<&str>, reason: &str) -> HidingChange {
        HidingChange {
            ids: ids.iter().map(|id| (*id).to_owned()).collect(),
            hidden_until: until.map(str::to_owned),
            reason: reason.to_owned(),
        }
    }

    #[test]
    fn a_change_names_events_a_time_or_now_and_a_reason() {
        let lifted = check(change(
            &["e1", " e1 ", "e2"],
            None,
            "Efterforskningen er slut",
        ))
        .unwrap();
        assert_eq!(lifted.ids, ["e1", "e2"]);
        let each = lifted.each();
        assert_eq!(each.len(), 2);
        let lifted = &each[0];
        // Disclosed now; an event already disclosed keeps its time.
        assert_eq!(lifted.new_until(None, now()), now());
        let earlier = now() - chrono::Duration::days(3);
        assert_eq!(lifted.new_until(Some(earlier), now()), earlier);
        assert_eq!(
            lifted.new_until(Some(now() + chrono::Duration::days(3)), now()),
            now()
        );
        let extended = check(change(
            &["e1"],
            Some("2027-03-01T00:00:00+01:00"),
            "Forlænget",
        ))
        .unwrap();
        assert_eq!(
            extended.each()[0]
                .new_until(Some(earlier), now())
                .to_rfc3339(),
            "2027-02-28T23:00:00+00:00"
        );
        // To the microsecond PostgreSQL keeps, so that sending a change
        // again compares equal to what was stored.
        let fine = check(change(
            &["e1"],
            Some("2027-03-01T00:00:00.123456789+01:00"),
            "x",
        ))
        .unwrap();
        assert_eq!(
            fine.hidden_until.unwrap().timestamp_subsec_nanos(),
            123_456_000
        );
        let bad = check(change(&[], Some("i morgen"), "sag om 010190-1234")).unwrap_err();
        assert_eq!(bad.len(), 3, "{bad:?}");
        assert!(bad.iter().all(|problem| !problem.contains("010190")));
        assert!(check(change(&["e1"], None, " ")).is_err());
    }
}
