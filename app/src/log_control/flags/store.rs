//! [ssr] The flags in PostgreSQL as the DPO and investigators read and
//! decide them, and the rules as the DPO sets them. Opening a flag shows
//! the events behind it and is logged as a search by criterion (the flag),
//! like a search of the raw log that targets no one citizen.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::views::{FlagDetail, FlagList, FlagRow, RuleRow};
use super::{FlagStatus, Protection, Rule};
use crate::access_log::write::{record_portal_search, PortalSearch, RecordError};
use crate::access_log::UseType;
use crate::capability::{LogController, LogInspector};
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::identity::subject_key::SubjectKey;
use crate::log_control::store::RawEventRow;
use crate::log_control::ControlSettings;

/// The most flags one list shows.
const LIST_MAX: i64 = 500;

struct FlagRecord {
    id: i64,
    rule: String,
    day: chrono::NaiveDate,
    unit: String,
    actor: String,
    actor_name: Option<String>,
    system: Option<String>,
    subject_key: Option<Vec<u8>>,
    category: Option<String>,
    events: i64,
    status: String,
}

impl FlagRecord {
    fn row(self, lang: Lang) -> Option<FlagRow> {
        Some(FlagRow {
            id: self.id,
            rule: Rule::from_code(&self.rule)?,
            day: date_text(lang, self.day),
            unit: self.unit,
            actor: self.actor,
            actor_name: self.actor_name,
            system: self.system,
            subject: self
                .subject_key
                .as_deref()
                .and_then(SubjectKey::from_slice)
                .map(|key| key.pseudonym()),
            protection: self
                .category
                .as_deref()
                .and_then(Protection::from_code)
                .map(|protection| protection.label(lang)),
            events: self.events,
            status: FlagStatus::from_code(&self.status)?,
        })
    }
}

/// The flags with `status`, newest day first, and the count of each status.
pub async fn flags(
    pool: &PgPool,
    _inspector: &LogInspector,
    status: FlagStatus,
    lang: Lang,
) -> sqlx::Result<FlagList> {
    let records = sqlx::query_as!(
        FlagRecord,
        r#"SELECT f.id, f.rule, f.day, u.name AS unit, f.actor, d.name AS "actor_name?",
                  s.name AS "system?", f.subject_key, f.category,
                  (SELECT count(*) FROM log_flag_events fe WHERE fe.flag_id = f.id) AS "events!",
                  f.status
           FROM log_flags f
           JOIN org_units u ON u.id = f.org_unit_id
           LEFT JOIN source_systems s ON s.id = f.source_system_id
           LEFT JOIN staff_directory d ON d.actor = f.actor
           WHERE f.status = $1
           ORDER BY f.day DESC, f.id DESC
           LIMIT $2"#,
        status.code(),
        LIST_MAX,
    )
    .fetch_all(pool)
    .await?;
    let counts =
        sqlx::query!(r#"SELECT status, count(*) AS "count!" FROM log_flags GROUP BY status"#)
            .fetch_all(pool)
            .await?;
    Ok(FlagList {
        rows: records
            .into_iter()
            .filter_map(|record| record.row(lang))
            .collect(),
        counts: FlagStatus::ALL
            .into_iter()
            .map(|status| {
                let count = counts
                    .iter()
                    .find(|row| row.status == status.code())
                    .map_or(0, |row| row.count);
                (status, count)
            })
            .collect(),
    })
}

/// One flag with its events; the reading is logged.
pub async fn flag(
    pool: &PgPool,
    inspector: &LogInspector,
    settings: &ControlSettings,
    id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Option<FlagDetail>, RecordError> {
    let mut tx = pool.begin().await?;
    let record = sqlx::query!(
        r#"SELECT f.id, f.rule, f.day, u.name AS unit, f.actor, d.name AS "actor_name?",
                  s.name AS "system?", f.subject_key, f.category,
                  (SELECT count(*) FROM log_flag_events fe WHERE fe.flag_id = f.id) AS "events!",
                  f.status, f.raised_at, f.note, f.decided_by, f.decided_at
           FROM log_flags f
           JOIN org_units u ON u.id = f.org_unit_id
           LEFT JOIN source_systems s ON s.id = f.source_system_id
           LEFT JOIN staff_directory d ON d.actor = f.actor
           WHERE f.id = $1"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(record) = record else {
        return Ok(None);
    };
    let member = inspector.member();
    record_portal_search(
        &mut tx,
        &PortalSearch {
            at: now,
            actor: &member.id,
            actor_unit: &member.unit,
            use_type: UseType::Read,
            purpose_code: &settings.purpose,
            criterion: &format!("Logkontrol: flag nr. {id}"),
        },
    )
    .await?;
    let events = sqlx::query_as!(
        RawEventRow,
        r#"SELECT e.occurred_at, s.name AS system, u.name AS unit, e.actor,
                  d.name AS "actor_name?", e.use_type, p.description AS purpose,
                  e.subject_key, e.search_criterion, e.case_reference, e.hidden_until,
                  e.hidden_reason, e.case_closed, e.source_event_id
           FROM log_flag_events fe
           JOIN access_events e ON e.occurred_at = fe.occurred_at
                AND e.source_system_id = fe.source_system_id
                AND e.source_event_id = fe.source_event_id
           JOIN source_systems s ON s.id = e.source_system_id
           JOIN org_units u ON u.id = e.org_unit_id
           JOIN purposes p ON p.id = e.purpose_id
           LEFT JOIN staff_directory d ON d.actor = e.actor
           WHERE fe.flag_id = $1
           ORDER BY e.occurred_at, e.source_event_id"#,
        id
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let decided = match (record.decided_by, record.decided_at) {
        (Some(by), Some(at)) => Some((by, moment_text(lang, at))),
        _ => None,
    };
    let row = FlagRecord {
        id: record.id,
        rule: record.rule,
        day: record.day,
        unit: record.unit,
        actor: record.actor,
        actor_name: record.actor_name,
        system: record.system,
        subject_key: record.subject_key,
        category: record.category,
        events: record.events,
        status: record.status,
    }
    .row(lang);
    Ok(row.map(|row| FlagDetail {
        row,
        raised_at: moment_text(lang, record.raised_at),
        events: events.into_iter().map(|event| event.found(lang)).collect(),
        note: record.note,
        decided,
    }))
}

/// Records what `inspector` decided about flag `id`; `false` when there is
/// no such flag.
pub async fn decide(
    pool: &PgPool,
    inspector: &LogInspector,
    id: i64,
    status: FlagStatus,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let updated = sqlx::query!(
        "UPDATE log_flags SET status = $2, note = $3, decided_by = $4, decided_at = $5
         WHERE id = $1",
        id,
        status.code(),
        note,
        inspector.signature(),
        now,
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(updated == 1)
}

/// The rules with their thresholds.
pub async fn rules(
    pool: &PgPool,
    _inspector: &LogInspector,
    lang: Lang,
) -> sqlx::Result<Vec<RuleRow>> {
    let rows = sqlx::query!(
        "SELECT code, enabled, max_citizens, within_minutes, changed_by, changed_at FROM flag_rules"
    )
    .fetch_all(pool)
    .await?;
    Ok(Rule::ALL
        .into_iter()
        .filter_map(|rule| {
            let row = rows.iter().find(|row| row.code == rule.code())?;
            Some(RuleRow {
                rule,
                enabled: row.enabled,
                max_citizens: row.max_citizens,
                within_minutes: row.within_minutes,
                changed: match (&row.changed_by, row.changed_at) {
                    (Some(by), Some(at)) => Some((by.clone(), moment_text(lang, at))),
                    _ => None,
                },
            })
        })
        .collect())
}

/// The rules as the DPO set them: which are on, and the burst's threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleChoice {
    pub enabled: [bool; 5],
    pub max_citizens: i32,
    pub within_minutes: i32,
}

/// Saves `choice` for every rule.
pub async fn set_rules(
    pool: &PgPool,
    controller: &LogController,
    choice: &RuleChoice,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for (rule, enabled) in Rule::ALL.into_iter().zip(choice.enabled) {
        let burst = rule == Rule::ManyCitizens;
        sqlx::query!(
            "UPDATE flag_rules SET enabled = $2, max_citizens = $3, within_minutes = $4,
                                   changed_by = $5, changed_at = $6
             WHERE code = $1",
            rule.code(),
            enabled,
            burst.then_some(choice.max_citizens),
            burst.then_some(choice.within_minutes),
            controller.inspector().signature(),
            now,
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
