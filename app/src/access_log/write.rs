//! [ssr] The one statement that moves a staged batch of access events into
//! the partitions and the citizen's summary, and the portal's own use of
//! personal data (a caseworker opening a request or revealing a CPR number),
//! recorded through the same statement so it shows in the citizen's log like
//! any other system's events (DOMAIN.md §3.1).

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::identity::subject_key::SubjectKey;

/// The source system code under which the portal logs its own uses.
pub const PORTAL_SYSTEM: &str = "indblik";

/// Moves staged `batch` of system `source_system_id` into the partitions and
/// the summary; returns how many events were new. The partitions for the
/// events' months must exist (see `partitions::ensure`).
pub async fn move_staged(
    db: &mut PgConnection,
    batch: Uuid,
    source_system_id: i64,
    received_at: DateTime<Utc>,
) -> sqlx::Result<u64> {
    let stored = sqlx::query_scalar!(
        r#"
        WITH staged AS (
            DELETE FROM access_event_staging WHERE batch = $1 RETURNING *
        ),
        inserted AS (
            INSERT INTO access_events (
                occurred_at, source_system_id, source_event_id, actor, org_unit_id, use_type,
                subject_key, search_criterion, purpose_id, case_reference, bulk, batch_run,
                hidden_until, hidden_reason, received_at)
            SELECT occurred_at, $2, source_event_id, actor, org_unit_id, use_type,
                   subject_key, search_criterion, purpose_id, case_reference, bulk,
                   batch_run, hidden_until, hidden_reason, $3
            FROM staged
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
            -- server/src/access_log/pending_summary.rs adds summary rows with the
            -- same order and merge; change both together.
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
        batch,
        source_system_id,
        received_at,
    )
    .fetch_one(db)
    .await?;
    Ok(u64::try_from(stored).unwrap_or_default())
}

/// One use of a citizen's data by staff inside the portal.
pub struct PortalUse<'a> {
    pub at: DateTime<Utc>,
    pub subject: &'a SubjectKey,
    /// The staff member's id at the workforce identity provider.
    pub actor: &'a str,
    pub org_unit_id: i64,
    pub use_type: crate::access_log::UseType,
    /// Code of the purpose (processing activity) the use serves.
    pub purpose_code: &'a str,
    /// E.g. the request number.
    pub case_reference: &'a str,
}

/// Why a portal use could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("the portal's own source system '{PORTAL_SYSTEM}' or purpose '{0}' is missing from the master data")]
    MissingMasterData(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Records `used` in the access log inside the caller's transaction, so the
/// use and the action it belongs to are stored together or not at all. The
/// month's partition must exist (the server keeps months ahead ready).
pub async fn record_portal_use(
    db: &mut PgConnection,
    used: &PortalUse<'_>,
) -> Result<(), RecordError> {
    let batch = Uuid::new_v4();
    let system_id = sqlx::query_scalar!(
        r#"
        WITH staged AS (
            INSERT INTO access_event_staging (batch, occurred_at, source_event_id, actor, org_unit_id,
                use_type, subject_key, purpose_id, case_reference, bulk)
            SELECT $1, $2, $10, $3, $4, $5, $6, p.id, $7, false
            FROM purposes p WHERE p.code = $8
            RETURNING 1
        )
        SELECT s.id FROM source_systems s, staged WHERE s.code = $9
        "#,
        batch,
        used.at,
        used.actor,
        used.org_unit_id,
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
        return Err(RecordError::MissingMasterData(used.purpose_code.to_owned()));
    };
    move_staged(db, batch, system_id, used.at).await?;
    Ok(())
}
