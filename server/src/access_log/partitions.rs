//! The monthly partitions of `access_events` (by time of use, on
//! Europe/Copenhagen month boundaries) and of `access_summary` (by the same
//! months' days): created together ahead of time (and on demand for
//! backfills), and dropped together once the month lies past the retention
//! period. A summary day never straddles two months, so dropping both
//! removes exactly one month of the log. What an open request needs of a
//! month is copied to the held tables first (`app::access_log::hold`).

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use app::access_log::coverage::{
    covers_from, local_date, local_midnight, month_start, next_month_start,
};
use app::access_log::hold::{Held, HoldingRequest};
use app::requests::deadline::RequestDeadline;
use app::requests::{Kind, Status};

/// Months created ahead of the current one.
pub const MONTHS_AHEAD: u32 = 2;

/// Advisory lock key serialising partition changes between server processes.
const PARTITION_LOCK: i64 = 0x1ad_b11c_0001;

/// The events partition's table name for the month starting `month`.
pub fn partition_name(month: NaiveDate) -> String {
    format!("access_events_y{:04}m{:02}", month.year(), month.month())
}

/// The summary partition's table name for the month starting `month`.
pub fn summary_partition_name(month: NaiveDate) -> String {
    format!("access_summary_y{:04}m{:02}", month.year(), month.month())
}

/// The month a partition name stands for, when it is one of ours.
pub fn partition_month(name: &str) -> Option<NaiveDate> {
    let rest = name.strip_prefix("access_events_y")?;
    let (year, month) = rest.split_once('m')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

/// The months (first days) that hold `times`.
pub fn months_of(times: impl IntoIterator<Item = DateTime<Utc>>) -> BTreeSet<NaiveDate> {
    times
        .into_iter()
        .map(|at| month_start(local_date(at)))
        .collect()
}

/// The months from the start of the retention period to `MONTHS_AHEAD` after now.
pub fn months_to_keep_ready(now: DateTime<Utc>, retention_months: u32) -> BTreeSet<NaiveDate> {
    let last = month_start(local_date(now))
        .checked_add_months(Months::new(MONTHS_AHEAD))
        .unwrap_or_else(|| month_start(local_date(now)));
    let mut months = BTreeSet::new();
    let mut month = covers_from(now, retention_months);
    while month <= last {
        months.insert(month);
        month = next_month_start(month);
    }
    months
}

/// Names of the existing partitions, oldest first.
pub async fn existing(pool: &PgPool) -> sqlx::Result<Vec<NaiveDate>> {
    let names = sqlx::query_scalar!(
        r#"SELECT child.relname AS "name!"
           FROM pg_inherits
           JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
           JOIN pg_class child ON child.oid = pg_inherits.inhrelid
           WHERE parent.relname = 'access_events'"#
    )
    .fetch_all(pool)
    .await?;
    let mut months: Vec<NaiveDate> = names
        .iter()
        .filter_map(|name| partition_month(name))
        .collect();
    months.sort();
    Ok(months)
}

/// Creates the partitions for `months` that do not exist yet. Returns how
/// many were created.
pub async fn ensure(pool: &PgPool, months: &BTreeSet<NaiveDate>) -> sqlx::Result<usize> {
    let present: BTreeSet<NaiveDate> = existing(pool).await?.into_iter().collect();
    let missing: Vec<NaiveDate> = months.difference(&present).copied().collect();
    if missing.is_empty() {
        return Ok(0);
    }
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", PARTITION_LOCK)
        .execute(&mut *tx)
        .await?;
    for month in &missing {
        // A function of the schema's owner: the runtime role creates no
        // tables itself (migrations/20261204000001_runtime_role.sql).
        sqlx::query!("SELECT access_log_create_partitions($1)", month)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    tracing::info!(created = missing.len(), "access log partitions created");
    Ok(missing.len())
}

/// What [`purge`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    /// The months whose partitions (events and summary) were dropped.
    pub months: Vec<NaiveDate>,
    /// Summary rows and events copied from those months for open requests
    /// (docs/rules.md §2.6).
    pub held_rows: u64,
    pub held_events: u64,
    /// Requests whose held copy was deleted because they no longer need it.
    pub released: Vec<i64>,
    /// The first day the log covers afterwards.
    pub covers_from: NaiveDate,
}

/// How long a copy may be held for a request past retention: at most this
/// many days after its deadline in force (`log_hold_days_after_deadline`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HoldPolicy {
    pub days_after_deadline: u32,
}

/// Drops the events and summary partitions of every month that lies wholly
/// before the retention period at `now`, in one transaction. With a `hold`
/// policy, first copies what open requests need of each such month
/// ([`app::access_log::hold`]) and deletes the copies requests no longer
/// need; without one, nothing is held.
pub async fn purge(
    pool: &PgPool,
    now: DateTime<Utc>,
    retention_months: u32,
    hold: Option<HoldPolicy>,
) -> sqlx::Result<Purged> {
    let keep_from = covers_from(now, retention_months);
    let today = local_date(now);
    let expired: Vec<NaiveDate> = existing(pool)
        .await?
        .into_iter()
        .filter(|month| next_month_start(*month) <= keep_from)
        .collect();
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", PARTITION_LOCK)
        .execute(&mut *tx)
        .await?;
    let mut purged = Purged {
        covers_from: keep_from,
        ..Purged::default()
    };
    if let Some(policy) = hold {
        purged.released = release_ended(&mut tx, today, policy).await?;
    }
    let holders = match hold {
        Some(_) if !expired.is_empty() => holding_requests(&mut tx).await?,
        _ => Vec::new(),
    };
    for month in expired {
        if let Some(policy) = hold {
            for (request, asked_row) in &holders {
                let held =
                    request.holds(month, today, retention_months, policy.days_after_deadline);
                let (rows, events) = match held {
                    Some(Held::CitizensUses) => {
                        copy_citizens_uses(&mut tx, month, request.id).await?
                    }
                    Some(Held::AskedRow) => match asked_row {
                        Some(row) => copy_asked_row(&mut tx, month, request.id, *row).await?,
                        None => (0, 0),
                    },
                    None => (0, 0),
                };
                purged.held_rows += rows;
                purged.held_events += events;
            }
        }
        // The owner's function drops the month's two partitions, and
        // refuses a month of the last six (by the database's clock).
        sqlx::query!("SELECT access_log_drop_partitions($1)", month)
            .execute(&mut *tx)
            .await?;
        purged.months.push(month);
    }
    tx.commit().await?;
    if !purged.months.is_empty() {
        tracing::info!(
            months = purged.months.len(),
            held_rows = purged.held_rows,
            held_events = purged.held_events,
            "access log purged past retention"
        );
    }
    if !purged.released.is_empty() {
        tracing::info!(
            requests = purged.released.len(),
            "held access log copies released"
        );
    }
    Ok(purged)
}

/// The access requests and questions about a look-up that may hold part of
/// the log, each with the summary row a question asks about.
async fn holding_requests(
    db: &mut PgConnection,
) -> sqlx::Result<Vec<(HoldingRequest, Option<i64>)>> {
    let rows = sqlx::query!(
        r#"SELECT id, kind, status, received_at, due_on, extendable_to,
                  extended_at IS NOT NULL AS "extended!", log_row_id
           FROM data_requests WHERE kind = ANY($1)"#,
        &[Kind::Access.code(), Kind::LogQuestion.code()] as &[&str]
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let deadline = RequestDeadline {
                due_on: row.due_on,
                extendable_to: row.extendable_to,
                extended: row.extended,
            };
            let request = HoldingRequest {
                id: row.id,
                kind: Kind::from_code(&row.kind)?,
                status: Status::from_code(&row.status)?,
                received_at: row.received_at,
                deadline_in_force: deadline.in_force(),
            };
            Some((request, row.log_row_id))
        })
        .collect())
}

/// The bounds of `month`: its days, and its times (from its first local
/// midnight to the next month's). The copies below read the month through
/// the parent tables (the runtime role may not read a partition by name;
/// the planner reads only the month's partition all the same).
fn month_bounds(month: NaiveDate) -> (NaiveDate, NaiveDate, DateTime<Utc>, DateTime<Utc>) {
    let next = next_month_start(month);
    (month, next, local_midnight(month), local_midnight(next))
}

/// Copies the citizen's summary rows and events of `month` for access
/// request `request`; returns how many of each.
async fn copy_citizens_uses(
    db: &mut PgConnection,
    month: NaiveDate,
    request: i64,
) -> sqlx::Result<(u64, u64)> {
    let (first_day, next_day, from, to) = month_bounds(month);
    let rows = sqlx::query(
        "INSERT INTO held_access_summary
         SELECT r.id, s.* FROM access_summary s JOIN data_requests r ON r.subject_key = s.subject_key
         WHERE r.id = $1 AND s.day >= $2 AND s.day < $3",
    )
    .bind(request)
    .bind(first_day)
    .bind(next_day)
    .execute(&mut *db)
    .await?
    .rows_affected();
    let events = sqlx::query(
        "INSERT INTO held_access_events
         SELECT r.id, e.* FROM access_events e JOIN data_requests r ON r.subject_key = e.subject_key
         WHERE r.id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3",
    )
    .bind(request)
    .bind(from)
    .bind(to)
    .execute(&mut *db)
    .await?
    .rows_affected();
    Ok((rows, events))
}

/// Copies summary row `row`, if it lies in `month`, and the events behind it
/// (the same citizen, day, unit, system, use, purpose, bulk run and hiding)
/// for question `request`; returns how many of each.
async fn copy_asked_row(
    db: &mut PgConnection,
    month: NaiveDate,
    request: i64,
    row: i64,
) -> sqlx::Result<(u64, u64)> {
    let (first_day, next_day, from, to) = month_bounds(month);
    let rows = sqlx::query(
        "INSERT INTO held_access_summary SELECT $1, s.* FROM access_summary s
         WHERE s.id = $2 AND s.day >= $3 AND s.day < $4",
    )
    .bind(request)
    .bind(row)
    .bind(first_day)
    .bind(next_day)
    .execute(&mut *db)
    .await?
    .rows_affected();
    let events = sqlx::query(
        "INSERT INTO held_access_events
         SELECT $1, e.* FROM access_events e JOIN access_summary s ON s.id = $2
           AND s.day >= $3 AND s.day < $4
           AND e.subject_key = s.subject_key AND e.org_unit_id = s.org_unit_id
           AND e.source_system_id = s.source_system_id AND e.use_type = s.use_type
           AND e.purpose_id = s.purpose_id AND e.bulk = s.bulk
           AND e.batch_run IS NOT DISTINCT FROM s.batch_run
           AND e.hidden_until IS NOT DISTINCT FROM s.hidden_until
           AND e.hidden_reason IS NOT DISTINCT FROM s.hidden_reason
           AND (e.occurred_at AT TIME ZONE 'Europe/Copenhagen')::date = s.day
         WHERE e.occurred_at >= $5 AND e.occurred_at < $6",
    )
    .bind(request)
    .bind(row)
    .bind(first_day)
    .bind(next_day)
    .bind(from)
    .bind(to)
    .execute(&mut *db)
    .await?
    .rows_affected();
    Ok((rows, events))
}

/// Deletes the held copies of requests whose hold has ended on `today`;
/// returns their ids.
async fn release_ended(
    db: &mut PgConnection,
    today: NaiveDate,
    policy: HoldPolicy,
) -> sqlx::Result<Vec<i64>> {
    let held = sqlx::query!(
        r#"SELECT r.id, r.kind, r.status, r.received_at, r.due_on, r.extendable_to,
                  r.extended_at IS NOT NULL AS "extended!"
           FROM data_requests r
           WHERE r.id IN (SELECT request_id FROM held_access_summary
                          UNION SELECT request_id FROM held_access_events)"#
    )
    .fetch_all(&mut *db)
    .await?;
    let ended: Vec<i64> = held
        .into_iter()
        .filter(|row| {
            let deadline = RequestDeadline {
                due_on: row.due_on,
                extendable_to: row.extendable_to,
                extended: row.extended,
            };
            match (Kind::from_code(&row.kind), Status::from_code(&row.status)) {
                (Some(kind), Some(status)) => HoldingRequest {
                    id: row.id,
                    kind,
                    status,
                    received_at: row.received_at,
                    deadline_in_force: deadline.in_force(),
                }
                .hold_ended(today, policy.days_after_deadline),
                // Unreadable: nothing to keep it for.
                _ => true,
            }
        })
        .map(|row| row.id)
        .collect();
    if !ended.is_empty() {
        sqlx::query!(
            "DELETE FROM held_access_summary WHERE request_id = ANY($1)",
            &ended
        )
        .execute(&mut *db)
        .await?;
        sqlx::query!(
            "DELETE FROM held_access_events WHERE request_id = ANY($1)",
            &ended
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(ended)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_round_trip() {
        assert_eq!(partition_name(date("2026-03-01")), "access_events_y2026m03");
        assert_eq!(
            partition_month("access_events_y2026m03"),
            Some(date("2026-03-01"))
        );
        assert_eq!(partition_month("access_events_y2026m13"), None);
        assert_eq!(partition_month("access_summary"), None);
    }

    #[test]
    fn keeps_retention_months_and_two_ahead_ready() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let months: Vec<NaiveDate> = months_to_keep_ready(now, 6).into_iter().collect();
        assert_eq!(months.first(), Some(&date("2026-05-01")));
        assert_eq!(months.last(), Some(&date("2027-01-01")));
        assert_eq!(months.len(), 9);
    }
}
