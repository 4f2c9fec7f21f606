//! [ssr] The flag job: takes the batches stored since its last round
//! (`flag_pending_batches`, written in the same transaction as their
//! events), reads their events and the look-ups around them, applies the
//! rules ([`super::rules::findings`]) and stores the findings, and counts
//! the events into each actor's usage statistics (`actor_usage_days`,
//! [`crate::log_control::usage`]), all in one transaction. Each event is
//! considered and counted once; a finding made again adds nothing (the
//! flag's key is unique, and so is each event behind it).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};

use super::rules::{findings, Burst, Circumstances, Finding, FlagEvent, OpeningHours, RuleSet};
use super::{Protection, Rule};
use crate::deadline::holidays::Calendar;
use crate::identity::subject_key::SubjectKey;

/// The most batches one round takes (the rest wait for the next round).
pub const BATCHES_PER_ROUND: i64 = 5_000;

/// The most new events the rules consider at a time: a round reads its
/// batches' events in slices of this many, so its memory stays bounded
/// however many events a batch holds (an import's file is one batch).
pub const EVENTS_PER_SLICE: usize = 20_000;

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub batches: usize,
    /// New events considered.
    pub events: usize,
    /// Flags raised (findings that were not flags already).
    pub raised: usize,
    /// Events added to flags, new ones and ones raised before.
    pub flagged_events: usize,
}

/// One round; `calendar` tells the public holidays.
pub async fn run_round(
    pool: &PgPool,
    calendar: Calendar,
    now: DateTime<Utc>,
) -> sqlx::Result<Round> {
    let mut tx = pool.begin().await?;
    let pending = sqlx::query!(
        "SELECT source_system_id, received_at, first_at, last_at FROM flag_pending_batches
         ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED",
        BATCHES_PER_ROUND
    )
    .fetch_all(&mut *tx)
    .await?;
    if pending.is_empty() {
        return Ok(Round::default());
    }
    let systems: Vec<i64> = pending.iter().map(|batch| batch.source_system_id).collect();
    let received: Vec<DateTime<Utc>> = pending.iter().map(|batch| batch.received_at).collect();
    let first_at = pending
        .iter()
        .map(|batch| batch.first_at)
        .min()
        .unwrap_or(now);
    let last_at = pending
        .iter()
        .map(|batch| batch.last_at)
        .max()
        .unwrap_or(now);
    count_usage(&mut tx, &systems, &received, first_at, last_at).await?;
    let rules = rule_set(&mut tx).await?;
    let mut round = Round {
        batches: pending.len(),
        ..Round::default()
    };
    if rules.any() {
        // The taken batches' events a slice at a time, in the order they
        // occurred, so that a large backlog (an import is one batch) is
        // never all in memory. A burst across two slices is found from
        // either, with the other's events as context; storing a finding
        // again adds nothing.
        open_taken_events(&mut tx, &systems, &received, first_at, last_at).await?;
        loop {
            let new = next_slice(&mut tx).await?;
            if new.is_empty() {
                break;
            }
            let whole_slice = new.len() == EVENTS_PER_SLICE;
            round.events += new.len();
            let events = with_context(&mut tx, new, rules.many_citizens).await?;
            let around = circumstances(&mut tx, &events, calendar).await?;
            for finding in findings(&events, &rules, &around) {
                let (raised, added) = store_finding(&mut tx, &finding, now).await?;
                round.raised += usize::from(raised);
                round.flagged_events += added;
            }
            if !whole_slice {
                break;
            }
        }
        sqlx::query!("CLOSE taken_events").execute(&mut *tx).await?;
    }
    sqlx::query!(
        "DELETE FROM flag_pending_batches p
         USING unnest($1::bigint[], $2::timestamptz[]) AS taken (system_id, received_at)
         WHERE p.source_system_id = taken.system_id AND p.received_at = taken.received_at",
        &systems,
        &received,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(round)
}

/// Adds the events of the taken batches to their actors' daily counts.
async fn count_usage(
    db: &mut PgConnection,
    systems: &[i64],
    received: &[DateTime<Utc>],
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    let (earliest, latest) = span(received, first_at, last_at);
    plan_for_these_batches(db, true).await?;
    sqlx::query!(
        "INSERT INTO actor_usage_days AS u (day, actor, org_unit_id, source_system_id, use_type, events)
         SELECT (e.occurred_at AT TIME ZONE 'Europe/Copenhagen')::date, e.actor, e.org_unit_id,
                e.source_system_id, e.use_type, count(*)
         FROM access_events e
         WHERE e.occurred_at BETWEEN $3 AND $4
           AND e.received_at BETWEEN $5 AND $6
           AND (e.source_system_id, e.received_at) IN
               (SELECT * FROM unnest($1::bigint[], $2::timestamptz[]))
         GROUP BY 1, 2, 3, 4, 5
         ORDER BY 1, 2, 3, 4, 5
         ON CONFLICT (day, actor, org_unit_id, source_system_id, use_type)
         DO UPDATE SET events = u.events + excluded.events",
        systems,
        received,
        first_at,
        last_at,
        earliest,
        latest,
    )
    .execute(&mut *db)
    .await?;
    plan_for_these_batches(db, false).await
}

/// With `true`, PostgreSQL plans the next statements for their parameters
/// each time; with `false`, it goes back to choosing for itself. The usage
/// count picks the taken batches' events out of the log by their arrays of
/// batches and needs a plan made for the arrays: a generic plan cannot see
/// how many batches there are and joined them event by event (8.4 s for
/// 20,000 events of 300 batches against 0.3 s, docs/benchmarks.md). The
/// round's other statements run thousands of times and keep the plans
/// PostgreSQL keeps; the cursor's query is planned when it is opened.
async fn plan_for_these_batches(db: &mut PgConnection, each_time: bool) -> sqlx::Result<()> {
    if each_time {
        sqlx::query!("SET LOCAL plan_cache_mode = force_custom_plan")
            .execute(db)
            .await?;
    } else {
        sqlx::query!("SET LOCAL plan_cache_mode = auto")
            .execute(db)
            .await?;
    }
    Ok(())
}

/// The earliest and latest receipt of the taken batches.
fn span(
    received: &[DateTime<Utc>],
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        received.iter().min().copied().unwrap_or(first_at),
        received.iter().max().copied().unwrap_or(last_at),
    )
}

/// Deletes the flags and the usage counts of days before `oldest` (the
/// first day the log still covers): the events behind them are gone.
pub async fn forget_before(pool: &PgPool, oldest: chrono::NaiveDate) -> sqlx::Result<u64> {
    let flags = sqlx::query!("DELETE FROM log_flags WHERE day < $1", oldest)
        .execute(pool)
        .await?
        .rows_affected();
    sqlx::query!("DELETE FROM actor_usage_days WHERE day < $1", oldest)
        .execute(pool)
        .await?;
    Ok(flags)
}

/// The rules as the DPO set them.
pub async fn rule_set(db: &mut PgConnection) -> sqlx::Result<RuleSet> {
    let rows = sqlx::query!("SELECT code, enabled, max_citizens, within_minutes FROM flag_rules")
        .fetch_all(db)
        .await?;
    let on = |rule: Rule| {
        rows.iter()
            .find(|row| row.code == rule.code())
            .filter(|row| row.enabled)
    };
    Ok(RuleSet {
        outside_hours: on(Rule::OutsideHours).is_some(),
        many_citizens: on(Rule::ManyCitizens).and_then(|row| {
            Some(Burst {
                max_citizens: u32::try_from(row.max_citizens?).ok()?,
                within: Duration::minutes(i64::from(row.within_minutes?)),
            })
        }),
        protected_citizen: on(Rule::ProtectedCitizen).is_some(),
        closed_case: on(Rule::ClosedCase).is_some(),
        own_record: on(Rule::OwnRecord).is_some(),
    })
}

/// A row of `access_events` as the rules read it.
#[derive(sqlx::FromRow)]
struct EventRow {
    occurred_at: DateTime<Utc>,
    source_system_id: i64,
    source_event_id: String,
    actor: String,
    org_unit_id: i64,
    subject_key: Option<Vec<u8>>,
    bulk: bool,
    case_closed: bool,
}

impl EventRow {
    fn flag_event(self, new: bool) -> FlagEvent {
        FlagEvent {
            occurred_at: self.occurred_at,
            source_system_id: self.source_system_id,
            source_event_id: self.source_event_id,
            actor: self.actor,
            org_unit_id: self.org_unit_id,
            subject: self.subject_key.as_deref().and_then(SubjectKey::from_slice),
            bulk: self.bulk,
            case_closed: self.case_closed,
            new,
        }
    }
}

/// Opens the cursor `taken_events` over the taken batches' events, in the
/// order they occurred. PostgreSQL sorts them once, when the first slice
/// is asked for, and each slice goes on where the last ended: reading a
/// slice by a key after the previous one sorted the batches' events again
/// for every slice (there is no index in that order), which for an import
/// of millions of events was minutes a slice. The cursor's query is
/// planned with its arrays of batches each time it is opened.
async fn open_taken_events(
    db: &mut PgConnection,
    systems: &[i64],
    received: &[DateTime<Utc>],
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    let (earliest, latest) = span(received, first_at, last_at);
    sqlx::query!(
        "DECLARE taken_events NO SCROLL CURSOR FOR
         SELECT e.occurred_at, e.source_system_id, e.source_event_id, e.actor, e.org_unit_id,
                e.subject_key, e.bulk, e.case_closed
         FROM access_events e
         WHERE e.occurred_at BETWEEN $3 AND $4
           AND e.received_at BETWEEN $5 AND $6
           AND (e.source_system_id, e.received_at) IN
               (SELECT * FROM unnest($1::bigint[], $2::timestamptz[]))
         ORDER BY e.occurred_at, e.source_system_id, e.source_event_id",
        systems,
        received,
        first_at,
        last_at,
        earliest,
        latest,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// The next slice of `taken_events` (at most [`EVENTS_PER_SLICE`]); empty
/// when none are left. (Not checked at compile time: a `FETCH` can only be
/// described while its cursor is open.)
async fn next_slice(db: &mut PgConnection) -> sqlx::Result<Vec<FlagEvent>> {
    let fetch = format!("FETCH FORWARD {EVENTS_PER_SLICE} FROM taken_events");
    let rows: Vec<EventRow> = sqlx::query_as(&fetch)
        .persistent(false)
        .fetch_all(db)
        .await?;
    Ok(rows.into_iter().map(|row| row.flag_event(true)).collect())
}

/// `new` and, when bursts are looked for, the same actors' other look-ups
/// within a window's length of them.
async fn with_context(
    db: &mut PgConnection,
    new: Vec<FlagEvent>,
    burst: Option<Burst>,
) -> sqlx::Result<Vec<FlagEvent>> {
    let Some(burst) = burst else {
        return Ok(new);
    };
    let (Some(first), Some(last)) = (
        new.iter().map(|event| event.occurred_at).min(),
        new.iter().map(|event| event.occurred_at).max(),
    ) else {
        return Ok(new);
    };
    let actors: Vec<String> = new
        .iter()
        .filter(|event| !event.bulk && event.subject.is_some())
        .map(|event| event.actor.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let known: HashSet<(i64, String, DateTime<Utc>)> = new
        .iter()
        .map(|event| {
            (
                event.source_system_id,
                event.source_event_id.clone(),
                event.occurred_at,
            )
        })
        .collect();
    let around = sqlx::query_as!(
        EventRow,
        "SELECT e.occurred_at, e.source_system_id, e.source_event_id, e.actor, e.org_unit_id,
                e.subject_key, e.bulk, e.case_closed
         FROM access_events e
         WHERE e.actor = ANY($1) AND e.occurred_at BETWEEN $2 AND $3
           AND NOT e.bulk AND e.subject_key IS NOT NULL",
        &actors,
        first - burst.within,
        last + burst.within,
    )
    .fetch_all(db)
    .await?;
    let mut events = new;
    events.extend(
        around
            .into_iter()
            .filter(|row| {
                !known.contains(&(
                    row.source_system_id,
                    row.source_event_id.clone(),
                    row.occurred_at,
                ))
            })
            .map(|row| row.flag_event(false)),
    );
    Ok(events)
}

/// Opening hours, protected citizens among `events`' and the actors' own keys.
async fn circumstances(
    db: &mut PgConnection,
    events: &[FlagEvent],
    calendar: Calendar,
) -> sqlx::Result<Circumstances> {
    let hours = sqlx::query!(
        "SELECT org_unit_id, weekdays, opens_minute, closes_minute, open_on_holidays
         FROM unit_opening_hours"
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|row| {
        let minutes = |minute: i16| u32::try_from(minute).unwrap_or_default();
        (
            row.org_unit_id,
            OpeningHours {
                weekdays: row
                    .weekdays
                    .into_iter()
                    .filter_map(|day| u32::try_from(day).ok())
                    .collect(),
                opens_minute: minutes(row.opens_minute),
                closes_minute: minutes(row.closes_minute),
                open_on_holidays: row.open_on_holidays,
            },
        )
    })
    .collect();
    let subjects: Vec<Vec<u8>> = events
        .iter()
        .filter(|event| event.new)
        .filter_map(|event| event.subject.map(|key| key.as_bytes().to_vec()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let actors: Vec<String> = events
        .iter()
        .filter(|event| event.new)
        .map(|event| event.actor.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut protected: HashMap<SubjectKey, Protection> = HashMap::new();
    let listed = sqlx::query!(
        r#"SELECT subject_key AS "subject_key!", category FROM protected_citizens WHERE subject_key = ANY($1)
           UNION ALL
           SELECT subject_key AS "subject_key!", 'employee' FROM staff_directory
           WHERE subject_key = ANY($1)"#,
        &subjects,
    )
    .fetch_all(&mut *db)
    .await?;
    for row in listed {
        let (Some(key), Some(protection)) = (
            SubjectKey::from_slice(&row.subject_key),
            row.category.as_deref().and_then(Protection::from_code),
        ) else {
            continue;
        };
        // A citizen on the list keeps the list's reason over being an employee.
        protected.entry(key).or_insert(protection);
    }
    let standing = sqlx::query!("SELECT org_unit_id, category FROM protected_standing_reasons")
        .fetch_all(&mut *db)
        .await?
        .into_iter()
        .filter_map(|row| Some((row.org_unit_id, Protection::from_code(&row.category)?)))
        .collect();
    let own_keys = sqlx::query!(
        r#"SELECT actor, subject_key AS "subject_key!" FROM staff_directory
           WHERE actor = ANY($1) AND subject_key IS NOT NULL"#,
        &actors,
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .filter_map(|row| Some((row.actor, SubjectKey::from_slice(&row.subject_key)?)))
    .collect();
    Ok(Circumstances {
        hours,
        calendar,
        protected,
        standing,
        own_keys,
    })
}

/// Stores `finding`: the flag if it is new, and its events not stored
/// with it before. Whether the flag is new, and how many events were added.
async fn store_finding(
    db: &mut PgConnection,
    finding: &Finding,
    now: DateTime<Utc>,
) -> sqlx::Result<(bool, usize)> {
    let key = &finding.key;
    let flag = sqlx::query!(
        r#"INSERT INTO log_flags (rule, actor, org_unit_id, day, source_system_id, subject_key,
                                  category, raised_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT ON CONSTRAINT log_flags_finding DO UPDATE SET raised_at = log_flags.raised_at
           RETURNING id, (xmax = 0) AS "raised!""#,
        key.rule.code(),
        key.actor,
        key.org_unit_id,
        key.day,
        key.source_system_id,
        key.subject.map(|subject| subject.to_vec()),
        finding.protection.map(Protection::code),
        now,
    )
    .fetch_one(&mut *db)
    .await?;
    let (times, systems, ids): (Vec<DateTime<Utc>>, Vec<i64>, Vec<String>) = finding
        .events
        .iter()
        .map(|event| {
            (
                event.occurred_at,
                event.source_system_id,
                event.source_event_id.clone(),
            )
        })
        .fold(
            (Vec::new(), Vec::new(), Vec::new()),
            |(mut times, mut systems, mut ids), (at, system, id)| {
                times.push(at);
                systems.push(system);
                ids.push(id);
                (times, systems, ids)
            },
        );
    let added = sqlx::query!(
        "INSERT INTO log_flag_events (flag_id, occurred_at, source_system_id, source_event_id)
         SELECT $1, * FROM unnest($2::timestamptz[], $3::bigint[], $4::text[])
         ON CONFLICT DO NOTHING",
        flag.id,
        &times,
        &systems,
        &ids,
    )
    .execute(&mut *db)
    .await?
    .rows_affected();
    Ok((flag.raised, usize::try_from(added).unwrap_or(usize::MAX)))
}
