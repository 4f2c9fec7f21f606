//! [ssr] The investigator's search of the raw log in PostgreSQL: every
//! search is logged in the same transaction that reads (on the citizen when
//! it targets one, as a search by criterion otherwise), so nothing is read
//! without its trace; the trace is written after the reading, so a search
//! does not find itself.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Copenhagen;
use sqlx::{PgConnection, PgPool};

use super::search::{FoundEvent, FoundEvents, LogSearch, SearchChoices, COUNT_CAP, PAGE_SIZE};
use super::ControlSettings;
use crate::access_log::my_log::Choice;
use crate::access_log::write::{
    record_portal_search, record_portal_use, PortalSearch, PortalUse, RecordError,
};
use crate::access_log::UseType;
use crate::capability::LogInspector;
use crate::i18n::Lang;
use crate::identity::subject_key::SubjectKey;

/// The case reference under which the control's look-ups of a citizen are
/// logged (the citizen sees it as the reason's reference).
pub const CONTROL_REFERENCE: &str = "Logkontrol";

/// The units, systems and purposes of the master data, by name.
pub async fn search_choices(
    pool: &PgPool,
    _inspector: &LogInspector,
) -> sqlx::Result<SearchChoices> {
    let units = sqlx::query_as!(Choice, "SELECT code, name FROM org_units ORDER BY name")
        .fetch_all(pool)
        .await?;
    let systems = sqlx::query_as!(
        Choice,
        "SELECT code, name FROM source_systems ORDER BY name"
    )
    .fetch_all(pool)
    .await?;
    let purposes = sqlx::query_as!(
        Choice,
        "SELECT code, description AS name FROM purposes ORDER BY description"
    )
    .fetch_all(pool)
    .await?;
    Ok(SearchChoices {
        units,
        systems,
        purposes,
    })
}

/// One event as read for the inspector.
#[derive(Clone, Debug)]
pub struct RawEventRow {
    pub occurred_at: DateTime<Utc>,
    pub system: String,
    pub unit: String,
    pub actor: String,
    pub actor_name: Option<String>,
    pub use_type: String,
    pub purpose: String,
    pub subject_key: Option<Vec<u8>>,
    pub search_criterion: Option<String>,
    pub case_reference: Option<String>,
    pub hidden_until: Option<DateTime<Utc>>,
    pub hidden_reason: Option<String>,
    pub case_closed: bool,
    pub source_event_id: String,
}

impl RawEventRow {
    /// Whom the event concerned: the citizen's pseudonym, or the criterion.
    pub fn subject(&self, lang: Lang) -> String {
        match (&self.subject_key, &self.search_criterion) {
            (Some(key), _) => SubjectKey::from_slice(key)
                .map(|key| key.pseudonym())
                .unwrap_or_default(),
            (None, Some(criterion)) => lang.text_with(
                "control-searched-for",
                &[("criterion", criterion.clone().into())],
            ),
            (None, None) => String::new(),
        }
    }

    /// The hidden state in words, if the event is hidden from the citizen.
    pub fn hidden(&self, lang: Lang) -> Option<String> {
        let reason = self.hidden_reason.clone()?;
        Some(match self.hidden_until {
            Some(until) => lang.text_with(
                "control-hidden-until",
                &[
                    ("until", crate::dates::moment_text(lang, until).into()),
                    ("reason", reason.into()),
                ],
            ),
            None => lang.text_with("control-hidden-open", &[("reason", reason.into())]),
        })
    }

    /// The type of use in words.
    pub fn use_words(&self, lang: Lang) -> String {
        UseType::from_code(&self.use_type)
            .map(|use_type| use_type.label(lang))
            .unwrap_or_else(|| self.use_type.clone())
    }

    /// When, to the second, Europe/Copenhagen (`2026-11-30 14:05:09`).
    pub fn local_time(&self) -> String {
        self.occurred_at
            .with_timezone(&Copenhagen)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    }

    pub(crate) fn found(self, lang: Lang) -> FoundEvent {
        FoundEvent {
            at: self.local_time(),
            subject: self.subject(lang),
            hidden: self.hidden(lang),
            use_type: self.use_words(lang),
            system: self.system,
            unit: self.unit,
            actor: self.actor,
            actor_name: self.actor_name,
            purpose: self.purpose,
            case_reference: self.case_reference,
            case_closed: self.case_closed,
            event_id: self.source_event_id,
        }
    }
}

/// Searches the raw log for `inspector` (one page), logging the search.
pub async fn search(
    pool: &PgPool,
    inspector: &LogInspector,
    settings: &ControlSettings,
    search: &LogSearch,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<FoundEvents, RecordError> {
    let mut tx = pool.begin().await?;
    let offset = (search.page - 1) * PAGE_SIZE;
    let rows = matching(&mut tx, search, PAGE_SIZE, offset).await?;
    let total = count(&mut tx, search).await?;
    log_search(&mut tx, inspector, settings, search, UseType::Search, now).await?;
    tx.commit().await?;
    Ok(FoundEvents {
        events: rows.into_iter().map(|row| row.found(lang)).collect(),
        total,
        page: search.page,
        period: format!(
            "{} – {}",
            crate::dates::date_text(lang, search.from),
            crate::dates::date_text(lang, search.to)
        ),
        citizen_token: search
            .citizen
            .as_ref()
            .map(|(_, sealed)| hex::encode(sealed.as_bytes())),
    })
}

/// Every event `search` matches, up to `max`, for a CSV export, logging
/// the export.
pub async fn export(
    pool: &PgPool,
    inspector: &LogInspector,
    settings: &ControlSettings,
    search: &LogSearch,
    max: i64,
    now: DateTime<Utc>,
) -> Result<Vec<RawEventRow>, RecordError> {
    let mut tx = pool.begin().await?;
    let rows = matching(&mut tx, search, max, 0).await?;
    log_search(&mut tx, inspector, settings, search, UseType::Export, now).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Logs the search: on the citizen when it targets one, as a search by
/// criterion otherwise.
async fn log_search(
    db: &mut PgConnection,
    inspector: &LogInspector,
    settings: &ControlSettings,
    search: &LogSearch,
    use_type: UseType,
    now: DateTime<Utc>,
) -> Result<(), RecordError> {
    let member = inspector.member();
    match &search.citizen {
        Some((key, _)) => {
            record_portal_use(
                db,
                &PortalUse {
                    at: now,
                    subject: key,
                    actor: &member.id,
                    actor_unit: &member.unit,
                    use_type,
                    purpose_code: &settings.purpose,
                    case_reference: CONTROL_REFERENCE,
                },
            )
            .await
        }
        None => {
            record_portal_search(
                db,
                &PortalSearch {
                    at: now,
                    actor: &member.id,
                    actor_unit: &member.unit,
                    use_type,
                    purpose_code: &settings.purpose,
                    criterion: &search.criterion(),
                },
            )
            .await
        }
    }
}

/// The events `search` matches, newest first, `limit` from `offset`.
async fn matching(
    db: &mut PgConnection,
    search: &LogSearch,
    limit: i64,
    offset: i64,
) -> sqlx::Result<Vec<RawEventRow>> {
    // Each search has its own filters: a plan made for them, not a generic one.
    sqlx::query!("SET LOCAL plan_cache_mode = force_custom_plan")
        .execute(&mut *db)
        .await?;
    let (start, end) = search.span();
    let key = search
        .citizen
        .as_ref()
        .map(|(key, _)| key.as_bytes().to_vec());
    sqlx::query_as!(
        RawEventRow,
        r#"SELECT e.occurred_at, s.name AS system, u.name AS unit, e.actor,
                  d.name AS "actor_name?", e.use_type, p.description AS purpose,
                  e.subject_key, e.search_criterion, e.case_reference, e.hidden_until,
                  e.hidden_reason, e.case_closed, e.source_event_id
           FROM access_events e
           JOIN source_systems s ON s.id = e.source_system_id
           JOIN org_units u ON u.id = e.org_unit_id
           JOIN purposes p ON p.id = e.purpose_id
           LEFT JOIN staff_directory d ON d.actor = e.actor
           WHERE e.occurred_at >= $1 AND e.occurred_at < $2
             AND ($3::bytea IS NULL OR e.subject_key = $3)
             AND ($4::text IS NULL OR e.actor = $4)
             AND ($5::text IS NULL OR u.code = $5)
             AND ($6::text IS NULL OR s.code = $6)
             AND ($7::text IS NULL OR p.code = $7)
             AND ($8::text IS NULL OR e.case_reference = $8)
           ORDER BY e.occurred_at DESC, e.source_system_id, e.source_event_id
           LIMIT $9 OFFSET $10"#,
        start,
        end,
        key,
        search.actor,
        search.unit,
        search.system,
        search.purpose,
        search.case_reference,
        limit,
        offset,
    )
    .fetch_all(db)
    .await
}

/// How many events `search` matches, counted up to [`COUNT_CAP`] + 1.
async fn count(db: &mut PgConnection, search: &LogSearch) -> sqlx::Result<i64> {
    let (start, end) = search.span();
    let key = search
        .citizen
        .as_ref()
        .map(|(key, _)| key.as_bytes().to_vec());
    sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM (
               SELECT 1 FROM access_events e
               JOIN source_systems s ON s.id = e.source_system_id
               JOIN org_units u ON u.id = e.org_unit_id
               JOIN purposes p ON p.id = e.purpose_id
               WHERE e.occurred_at >= $1 AND e.occurred_at < $2
                 AND ($3::bytea IS NULL OR e.subject_key = $3)
                 AND ($4::text IS NULL OR e.actor = $4)
                 AND ($5::text IS NULL OR u.code = $5)
                 AND ($6::text IS NULL OR s.code = $6)
                 AND ($7::text IS NULL OR p.code = $7)
                 AND ($8::text IS NULL OR e.case_reference = $8)
               LIMIT $9) AS matches"#,
        start,
        end,
        key,
        search.actor,
        search.unit,
        search.system,
        search.purpose,
        search.case_reference,
        COUNT_CAP + 1,
    )
    .fetch_one(db)
    .await
}
