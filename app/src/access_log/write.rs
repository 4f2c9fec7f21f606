//! [ssr] The statement that moves a staged batch of access events into the
//! partitions (storing only events that are new) and adds them to the
//! citizen's summary, and the portal's own use of
//! personal data (a caseworker opening a request or revealing a CPR number),
//! recorded through the same statement so it shows in the citizen's log like
//! any other system's events (docs/rules.md §3.1).

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::pending_summary::{PendingSummary, SummaryKey};
use super::UseType;
use crate::identity::subject_key::SubjectKey;

/// The source system code under which the portal logs its own uses.
pub const PORTAL_SYSTEM: &str = "indblik";

/// Moves staged `batch` of system `source_system_id` into the partitions and
/// the summary; returns how many events were new (a resent event is stored
/// once and counted once). The partitions for the events' months must exist
/// (see `partitions::ensure`).
pub async fn move_staged(
    db: &mut PgConnection,
    batch: Uuid,
    source_system_id: i64,
    received_at: DateTime<Utc>,
) -> sqlx::Result<u64> {
    // The new events, grouped as the summary counts them (searches by
    // criterion, without a subject, form groups of their own).
    let groups = sqlx::query!(
        r#"
        WITH staged AS (
            DELETE FROM access_event_staging WHERE batch = $1 RETURNING *
        ),
        inserted AS (
            INSERT INTO access_events (
                occurred_at, source_system_id, source_event_id, actor, org_unit_id, use_type,
                subject_key, search_criterion, purpose_id, case_reference, bulk, batch_run,
                hidden_until, hidden_reason, received_at, case_closed)
            SELECT occurred_at, $2, source_event_id, actor, org_unit_id, use_type,
                   subject_key, search_criterion, purpose_id, case_reference, bulk,
                   batch_run, hidden_until, hidden_reason, $3, case_closed
            FROM staged
            ON CONFLICT (source_system_id, source_event_id, occurred_at) DO NOTHING
            RETURNING occurred_at, org_unit_id, use_type, subject_key, purpose_id, bulk,
                      batch_run, hidden_until, hidden_reason
        )
        SELECT subject_key, (occurred_at AT TIME ZONE 'Europe/Copenhagen')::date AS "day!",
               org_unit_id, use_type, purpose_id, bulk, batch_run, hidden_until, hidden_reason,
               count(*) AS "events!", min(occurred_at) AS "first_at!",
               max(occurred_at) AS "last_at!"
        FROM inserted
        GROUP BY subject_key, 2, org_unit_id, use_type, purpose_id, bulk, batch_run,
                 hidden_until, hidden_reason
        "#,
        batch,
        source_system_id,
        received_at,
    )
    .fetch_all(&mut *db)
    .await?;
    let mut stored = 0;
    let mut summary = PendingSummary::default();
    let mut span: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    for group in groups {
        stored += u64::try_from(group.events).unwrap_or_default();
        span = Some(
            span.map_or((group.first_at, group.last_at), |(first, last)| {
                (first.min(group.first_at), last.max(group.last_at))
            }),
        );
        let Some(subject_key) = group.subject_key else {
            continue;
        };
        let subject_key = <[u8; 32]>::try_from(subject_key.as_slice())
            .map(SubjectKey::from_bytes)
            .map_err(|_| sqlx::Error::Decode("a subject key is not 32 bytes".into()))?;
        let use_type = UseType::from_code(&group.use_type)
            .ok_or_else(|| sqlx::Error::Decode("an unknown type of use".into()))?;
        let key = SummaryKey {
            subject_key,
            day: group.day,
            org_unit_id: group.org_unit_id,
            source_system_id,
            use_type,
            purpose_id: group.purpose_id,
            bulk: group.bulk,
            batch_run: group.batch_run,
            hidden_until: group.hidden_until,
            hidden_reason: group.hidden_reason,
        };
        summary.add(key, group.events, group.first_at, group.last_at);
    }
    summary.flush(&mut *db).await?;
    if let Some((first_at, last_at)) = span {
        awaits_flag_job(db, source_system_id, received_at, first_at, last_at).await?;
    }
    Ok(stored)
}

/// Tells the flag job that events of `source_system_id` received at
/// `received_at` (occurring between `first_at` and `last_at`) were stored:
/// written in the same transaction as the events, so the job considers each
/// event once (`log_control::flags::job`).
pub async fn awaits_flag_job(
    db: &mut PgConnection,
    source_system_id: i64,
    received_at: DateTime<Utc>,
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO flag_pending_batches (source_system_id, received_at, first_at, last_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (source_system_id, received_at) DO UPDATE
         SET first_at = least(flag_pending_batches.first_at, excluded.first_at),
             last_at = greatest(flag_pending_batches.last_at, excluded.last_at)",
        source_system_id,
        received_at,
        first_at,
        last_at,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// One use of a citizen's data by staff inside the portal.
pub struct PortalUse<'a> {
    pub at: DateTime<Utc>,
    pub subject: &'a SubjectKey,
    /// The staff member's id at the workforce identity provider.
    pub actor: &'a str,
    /// Code of the staff member's own unit (from their sign-in), which the
    /// citizen sees as the unit that used their data.
    pub actor_unit: &'a str,
    pub use_type: crate::access_log::UseType,
    /// Code of the purpose (processing activity) the use serves.
    pub purpose_code: &'a str,
    /// E.g. the request number.
    pub case_reference: &'a str,
}

/// Why a portal use could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("the master data lack the portal's own source system '{PORTAL_SYSTEM}', its purpose '{purpose}' or the staff member's unit '{unit}'")]
    MissingMasterData { purpose: String, unit: String },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl RecordError {
    /// The master data `used` names are missing.
    fn missing_for(used: &PortalUse<'_>) -> RecordError {
        RecordError::MissingMasterData {
            purpose: used.purpose_code.to_owned(),
            unit: used.actor_unit.to_owned(),
        }
    }
}

/// Records `used` in the access log inside the caller's transaction, so the
/// use and the action it belongs to are stored together or not at all. The
/// month's partition must exist (the server keeps months ahead ready).
///
/// The same use repeated (the same staff member, citizen, request and type
/// of use on the same Copenhagen day, e.g. opening a request again) is
/// stored, since every look-up is on record for the municipality's own
/// control, but not counted again in the citizen's summary: to the citizen
/// it is one use (docs/rules.md §3.1).
pub async fn record_portal_use(
    db: &mut PgConnection,
    used: &PortalUse<'_>,
) -> Result<(), RecordError> {
    if is_repeated_today(db, used).await? {
        return record_without_summary(db, used).await;
    }
    let batch = Uuid::new_v4();
    let system_id = sqlx::query_scalar!(
        r#"
        WITH staged AS (
            INSERT INTO access_event_staging (batch, occurred_at, source_event_id, actor, org_unit_id,
                use_type, subject_key, purpose_id, case_reference, bulk)
            SELECT $1, $2, $10, $3, u.id, $5, $6, p.id, $7, false
            FROM purposes p, org_units u WHERE p.code = $8 AND u.code = $4
            RETURNING 1
        )
        SELECT s.id FROM source_systems s, staged WHERE s.code = $9
        "#,
        batch,
        used.at,
        used.actor,
        used.actor_unit,
        used.use_type.code(),
        used.subject.as_bytes().as_slice(),
        used.case_reference,
        used.purpose_code,
        PORTAL_SYSTEM,
        batch.to_string(),
    )
    .fetch_optional(&mut *db)
    .await?;
    let Some(system_id) = system_id else {
        return Err(RecordError::missing_for(used));
    };
    move_staged(db, batch, system_id, used.at).await?;
    Ok(())
}

/// Whether `used` was recorded before on the same Copenhagen day.
async fn is_repeated_today(db: &mut PgConnection, used: &PortalUse<'_>) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM access_events e
               JOIN source_systems s ON s.id = e.source_system_id
               WHERE e.subject_key = $1
                 AND e.occurred_at > $2::timestamptz - interval '1 day' AND e.occurred_at <= $2
                 AND (e.occurred_at AT TIME ZONE 'Europe/Copenhagen')::date
                     = ($2::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date
                 AND s.code = $3 AND e.actor = $4 AND e.case_reference = $5
                 AND e.use_type = $6
           ) AS "repeated!""#,
        used.subject.as_bytes().as_slice(),
        used.at,
        PORTAL_SYSTEM,
        used.actor,
        used.case_reference,
        used.use_type.code(),
    )
    .fetch_one(db)
    .await
}

/// Stores `used` as an event only, leaving the citizen's summary as it is.
async fn record_without_summary(
    db: &mut PgConnection,
    used: &PortalUse<'_>,
) -> Result<(), RecordError> {
    let system_id = sqlx::query_scalar!(
        r#"INSERT INTO access_events (occurred_at, source_system_id, source_event_id, actor,
               org_unit_id, use_type, subject_key, purpose_id, case_reference, bulk, received_at)
           SELECT $1, s.id, $2, $3, u.id, $5, $6, p.id, $7, false, $1
           FROM source_systems s, purposes p, org_units u
           WHERE s.code = $9 AND p.code = $8 AND u.code = $4
           RETURNING source_system_id"#,
        used.at,
        Uuid::new_v4().to_string(),
        used.actor,
        used.actor_unit,
        used.use_type.code(),
        used.subject.as_bytes().as_slice(),
        used.case_reference,
        used.purpose_code,
        PORTAL_SYSTEM,
    )
    .fetch_optional(&mut *db)
    .await?;
    let Some(system_id) = system_id else {
        return Err(RecordError::missing_for(used));
    };
    awaits_flag_job(db, system_id, used.at, used.at, used.at).await?;
    Ok(())
}

/// A search by staff inside the portal that targets no one citizen (an
/// investigator's search of the raw log by actor or unit, for example):
/// logged as a search by criterion, as the source systems log theirs.
pub struct PortalSearch<'a> {
    pub at: DateTime<Utc>,
    /// The staff member's id at the workforce identity provider.
    pub actor: &'a str,
    /// Code of the staff member's own unit.
    pub actor_unit: &'a str,
    pub use_type: crate::access_log::UseType,
    /// Code of the purpose (processing activity) the search serves.
    pub purpose_code: &'a str,
    /// What was searched for, in words; never a CPR number.
    pub criterion: &'a str,
}

/// Records `search` in the access log inside the caller's transaction.
pub async fn record_portal_search(
    db: &mut PgConnection,
    search: &PortalSearch<'_>,
) -> Result<(), RecordError> {
    let batch = Uuid::new_v4();
    let system_id = sqlx::query_scalar!(
        r#"
        WITH staged AS (
            INSERT INTO access_event_staging (batch, occurred_at, source_event_id, actor, org_unit_id,
                use_type, search_criterion, purpose_id, bulk)
            SELECT $1, $2, $9, $3, u.id, $5, $6, p.id, false
            FROM purposes p, org_units u WHERE p.code = $7 AND u.code = $4
            RETURNING 1
        )
        SELECT s.id FROM source_systems s, staged WHERE s.code = $8
        "#,
        batch,
        search.at,
        search.actor,
        search.actor_unit,
        search.use_type.code(),
        search.criterion,
        search.purpose_code,
        PORTAL_SYSTEM,
        batch.to_string(),
    )
    .fetch_optional(&mut *db)
    .await?;
    let Some(system_id) = system_id else {
        return Err(RecordError::MissingMasterData {
            purpose: search.purpose_code.to_owned(),
            unit: search.actor_unit.to_owned(),
        });
    };
    move_staged(db, batch, system_id, search.at).await?;
    Ok(())
}
