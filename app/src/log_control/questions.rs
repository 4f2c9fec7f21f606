//! Citizens' questions about a row of their log, as the control of the log
//! sees them (`/kontrol/spoergsmaal`, docs/rules.md §4.2): each linked to
//! its request, with the raw events behind the row (the actor, the case,
//! the source system's id), and the investigator's finding. The answer to
//! the citizen goes through the request as usual; the caseworker sees the
//! finding on the case page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Lang;
use crate::log_control::search::FoundEvent;

/// The form recording a finding.
pub const FINDING_FORM: &str = "finding";

/// One question in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRow {
    pub id: i64,
    /// The request's number.
    pub number: String,
    pub received: String,
    /// The status of the request, in words.
    pub status: String,
    pub open: bool,
    /// What the row said when the citizen asked.
    pub row_text: String,
    /// The language the request was filed in: of the row's text and the
    /// question.
    pub written_in: Lang,
    /// Whether a finding is recorded.
    pub found: bool,
}

/// A finding: what was found, by whom ("name (id)"), when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub text: String,
    pub by: String,
    pub at: String,
}

/// One question with the events behind its row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDetail {
    pub row: QuestionRow,
    /// What the citizen asked.
    pub question: String,
    pub events: Vec<FoundEvent>,
    pub finding: Option<Finding>,
}

/// The citizens' questions, open ones first.
#[server(endpoint = "control/questions")]
pub async fn load_questions() -> Result<Vec<QuestionRow>, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    store::questions(&state.pool, &inspector, crate::i18n::request_lang())
        .await
        .map_err(AppError::internal)
}

/// One question; reading its events is logged on the citizen.
#[server(endpoint = "control/question")]
pub async fn load_question(id: i64) -> Result<QuestionDetail, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    let lang = crate::i18n::request_lang();
    store::question(
        &state.pool,
        &inspector,
        &state.control,
        id,
        lang,
        crate::clock::now(),
    )
    .await
    .map_err(AppError::internal)?
    .ok_or_else(|| AppError::NotFound(lang.text("question-not-found")))
}

#[cfg(feature = "ssr")]
pub mod store {
    //! [ssr] The questions in PostgreSQL.

    use chrono::{DateTime, Utc};
    use sqlx::PgPool;

    use super::{Finding, QuestionDetail, QuestionRow};
    use crate::access_log::write::{record_portal_use, PortalUse, RecordError};
    use crate::access_log::UseType;
    use crate::capability::{CaseReader, LogInspector};
    use crate::dates::moment_text;
    use crate::i18n::Lang;
    use crate::identity::subject_key::SubjectKey;
    use crate::log_control::store::RawEventRow;
    use crate::log_control::ControlSettings;
    use crate::requests::{request_number, Status};

    struct Record {
        id: i64,
        received_at: DateTime<Utc>,
        status: String,
        log_row_text: Option<String>,
        language: String,
        found: bool,
    }

    impl Record {
        fn row(self, lang: Lang) -> QuestionRow {
            let status = Status::from_code(&self.status);
            QuestionRow {
                id: self.id,
                number: request_number(self.id),
                received: moment_text(lang, self.received_at),
                status: status
                    .map(|status| status.label(lang))
                    .unwrap_or(self.status),
                open: status.is_some_and(Status::is_open),
                row_text: self.log_row_text.unwrap_or_default(),
                written_in: Lang::from_code(&self.language).unwrap_or_default(),
                found: self.found,
            }
        }
    }

    /// Every question about a log row, open ones first, then the newest.
    pub async fn questions(
        pool: &PgPool,
        _inspector: &LogInspector,
        lang: Lang,
    ) -> sqlx::Result<Vec<QuestionRow>> {
        let records = sqlx::query_as!(
            Record,
            r#"SELECT r.id, r.received_at, r.status, r.log_row_text, r.language,
                      EXISTS (SELECT 1 FROM log_question_findings f WHERE f.request_id = r.id) AS "found!"
               FROM data_requests r
               WHERE r.kind = 'log_question'
               ORDER BY r.status IN ('answered', 'partly_refused', 'refused', 'withdrawn', 'closed'),
                        r.received_at DESC
               LIMIT 500"#
        )
        .fetch_all(pool)
        .await?;
        Ok(records.into_iter().map(|record| record.row(lang)).collect())
    }

    /// One question, with the events behind its row (the live log, or
    /// what is held of it for the request); the reading is logged on the
    /// citizen.
    pub async fn question(
        pool: &PgPool,
        inspector: &LogInspector,
        settings: &ControlSettings,
        id: i64,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<Option<QuestionDetail>, RecordError> {
        let mut tx = pool.begin().await?;
        let request = sqlx::query!(
            r#"SELECT r.id, r.received_at, r.status, r.log_row_text, r.log_row_id, r.about, r.language,
                      r.subject_key,
                      EXISTS (SELECT 1 FROM log_question_findings f WHERE f.request_id = r.id) AS "found!"
               FROM data_requests r WHERE r.id = $1 AND r.kind = 'log_question'"#,
            id
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(request) = request else {
            return Ok(None);
        };
        let events = sqlx::query_as!(
            RawEventRow,
            r#"WITH row AS (
                   SELECT * FROM access_summary WHERE id = $2
                   UNION ALL
                   SELECT id, subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                          bulk, batch_run, hidden_until, hidden_reason, events, first_at, last_at
                   FROM held_access_summary WHERE request_id = $1 AND id = $2
               ),
               events AS (
                   SELECT e.* FROM access_events e JOIN row s
                     ON e.subject_key = s.subject_key AND e.org_unit_id = s.org_unit_id
                    AND e.source_system_id = s.source_system_id AND e.use_type = s.use_type
                    AND e.purpose_id = s.purpose_id AND e.bulk = s.bulk
                    AND e.batch_run IS NOT DISTINCT FROM s.batch_run
                    AND e.hidden_until IS NOT DISTINCT FROM s.hidden_until
                    AND e.hidden_reason IS NOT DISTINCT FROM s.hidden_reason
                    AND e.occurred_at BETWEEN s.first_at AND s.last_at
                   UNION
                   SELECT e.occurred_at, e.source_system_id, e.source_event_id, e.actor,
                          e.org_unit_id, e.use_type, e.subject_key, e.search_criterion,
                          e.purpose_id, e.case_reference, e.bulk, e.batch_run, e.hidden_until,
                          e.hidden_reason, e.received_at, e.case_closed
                   FROM held_access_events e JOIN row s
                     ON e.subject_key = s.subject_key AND e.org_unit_id = s.org_unit_id
                    AND e.source_system_id = s.source_system_id AND e.use_type = s.use_type
                    AND e.purpose_id = s.purpose_id AND e.bulk = s.bulk
                    AND e.batch_run IS NOT DISTINCT FROM s.batch_run
                    AND e.hidden_until IS NOT DISTINCT FROM s.hidden_until
                    AND e.hidden_reason IS NOT DISTINCT FROM s.hidden_reason
                    AND e.occurred_at BETWEEN s.first_at AND s.last_at
                   WHERE e.request_id = $1
               )
               SELECT e.occurred_at AS "occurred_at!", s.name AS system, u.name AS unit,
                      e.actor AS "actor!", d.name AS "actor_name?", e.use_type AS "use_type!",
                      p.description AS purpose, e.subject_key, e.search_criterion,
                      e.case_reference, e.hidden_until, e.hidden_reason,
                      e.case_closed AS "case_closed!", e.source_event_id AS "source_event_id!"
               FROM events e
               JOIN source_systems s ON s.id = e.source_system_id
               JOIN org_units u ON u.id = e.org_unit_id
               JOIN purposes p ON p.id = e.purpose_id
               LEFT JOIN staff_directory d ON d.actor = e.actor
               ORDER BY e.occurred_at"#,
            id,
            request.log_row_id,
        )
        .fetch_all(&mut *tx)
        .await?;
        let finding = sqlx::query!(
            "SELECT finding, found_by, found_at FROM log_question_findings WHERE request_id = $1",
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|found| Finding {
            text: found.finding,
            by: found.found_by,
            at: moment_text(lang, found.found_at),
        });
        if let Some(key) = SubjectKey::from_slice(&request.subject_key) {
            let member = inspector.member();
            record_portal_use(
                &mut tx,
                &PortalUse {
                    at: now,
                    subject: &key,
                    actor: &member.id,
                    actor_unit: &member.unit,
                    use_type: UseType::Read,
                    purpose_code: &settings.purpose,
                    case_reference: &request_number(id),
                },
            )
            .await?;
        }
        tx.commit().await?;
        let row = Record {
            id: request.id,
            received_at: request.received_at,
            status: request.status,
            log_row_text: request.log_row_text,
            language: request.language,
            found: request.found,
        }
        .row(lang);
        Ok(Some(QuestionDetail {
            row,
            question: request.about,
            events: events.into_iter().map(|event| event.found(lang)).collect(),
            finding,
        }))
    }

    /// Records (or corrects) the finding on question `id`; `false` when
    /// there is no such question.
    pub async fn record_finding(
        pool: &PgPool,
        inspector: &LogInspector,
        id: i64,
        finding: &str,
        now: DateTime<Utc>,
    ) -> sqlx::Result<bool> {
        let stored = sqlx::query!(
            "INSERT INTO log_question_findings (request_id, finding, found_by, found_at)
             SELECT id, $2, $3, $4 FROM data_requests WHERE id = $1 AND kind = 'log_question'
             ON CONFLICT (request_id) DO UPDATE
             SET finding = excluded.finding, found_by = excluded.found_by, found_at = excluded.found_at",
            id,
            finding,
            inspector.signature(),
            now,
        )
        .execute(pool)
        .await?
        .rows_affected();
        Ok(stored == 1)
    }

    /// The finding on question `id`, for a reader of the request.
    pub async fn finding_for_case(
        db: &mut sqlx::PgConnection,
        _reader: &CaseReader,
        id: i64,
        lang: Lang,
    ) -> sqlx::Result<Option<Finding>> {
        Ok(sqlx::query!(
            "SELECT finding, found_by, found_at FROM log_question_findings WHERE request_id = $1",
            id
        )
        .fetch_optional(db)
        .await?
        .map(|found| Finding {
            text: found.finding,
            by: found.found_by,
            at: moment_text(lang, found.found_at),
        }))
    }
}
