//! The monthly partitions of `access_events` (by time of use, on
//! Europe/Copenhagen month boundaries) and of `access_summary` (by the same
//! months' days): created together ahead of time (and on demand for
//! backfills), and dropped together once the month lies past the retention
//! period. A summary day never straddles two months, so dropping both
//! removes exactly one month of the log.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use sqlx::PgPool;

use app::access_log::coverage::{
    covers_from, local_date, local_midnight, month_start, next_month_start,
};
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
        // Names and bounds come from dates we computed, never from input.
        let next = next_month_start(*month);
        let events = format!(
            "CREATE TABLE IF NOT EXISTS {name} PARTITION OF access_events FOR VALUES FROM ('{from}') TO ('{to}')",
            name = partition_name(*month),
            from = local_midnight(*month).to_rfc3339(),
            to = local_midnight(next).to_rfc3339(),
        );
        let summary = format!(
            "CREATE TABLE IF NOT EXISTS {name} PARTITION OF access_summary FOR VALUES FROM ('{month}') TO ('{next}')",
            name = summary_partition_name(*month),
        );
        sqlx::query(&events).execute(&mut *tx).await?;
        sqlx::query(&summary).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    tracing::info!(created = missing.len(), "access log partitions created");
    Ok(missing.len())
}

/// What [`purge`] removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    /// The months whose partitions (events and summary) were dropped.
    pub months: Vec<NaiveDate>,
    /// Months past retention kept because an open access request needs them.
    pub held: Vec<NaiveDate>,
    /// The first day the log covers afterwards.
    pub covers_from: NaiveDate,
}

/// Drops the events and summary partitions of every month that lies wholly
/// before the retention period at `now`, in one transaction; with
/// `hold_for_open_access_requests`, not a month holding uses of a citizen
/// whose access request is still open (it goes once the request is answered).
pub async fn purge(
    pool: &PgPool,
    now: DateTime<Utc>,
    retention_months: u32,
    hold_for_open_access_requests: bool,
) -> sqlx::Result<Purged> {
    let keep_from = covers_from(now, retention_months);
    let expired: Vec<NaiveDate> = existing(pool)
        .await?
        .into_iter()
        .filter(|month| next_month_start(*month) <= keep_from)
        .collect();
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", PARTITION_LOCK)
        .execute(&mut *tx)
        .await?;
    let mut dropped = Vec::new();
    let mut held = Vec::new();
    for month in expired {
        // docs/rules.md §2.6: a month stays while a citizen with uses in it has
        // an access request that is not answered yet.
        if hold_for_open_access_requests {
            let open: Vec<&str> = Status::OPEN.iter().map(|status| status.code()).collect();
            let wanted: bool = sqlx::query_scalar(&format!(
                "SELECT EXISTS (SELECT 1 FROM data_requests r WHERE r.kind = $1
                     AND r.status = ANY($2)
                     AND EXISTS (SELECT 1 FROM {} s WHERE s.subject_key = r.subject_key))",
                summary_partition_name(month)
            ))
            .bind(Kind::Access.code())
            .bind(&open)
            .fetch_one(&mut *tx)
            .await?;
            if wanted {
                held.push(month);
                continue;
            }
        }
        for table in [partition_name(month), summary_partition_name(month)] {
            sqlx::query(&format!("DROP TABLE IF EXISTS {table}"))
                .execute(&mut *tx)
                .await?;
        }
        dropped.push(month);
    }
    tx.commit().await?;
    if !dropped.is_empty() {
        tracing::info!(months = dropped.len(), "access log purged past retention");
    }
    if !held.is_empty() {
        tracing::info!(
            months = held.len(),
            "access log months kept for open access requests"
        );
    }
    Ok(Purged {
        months: dropped,
        held,
        covers_from: keep_from,
    })
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
