//! [ssr] Asking the DPO (docs/rules.md §1.11): a caseworker's question on a
//! request of their unit (one waiting at a time), the DPO's one answer to it
//! (the DPO's only write on a request), whether the decision followed the
//! advice, and the questions the DPO's page lists. The texts are internal
//! entries of the request's history; `dpo_consultations` and `dpo_advice`
//! tie question and advice together, append-only, and an advice's key is
//! its consultation, so a question is answered once.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::history::{append, Actor, Entry};
use super::{load, update_status, RequestSettings, Scope, StoreError};
use crate::access_log::coverage::local_date;
use crate::caller::StaffMember;
use crate::capability::{DpoAdviser, Overseer};
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::requests::actions::HistoryAction;
use crate::requests::deadline::RequestDeadline;
use crate::requests::forms::AdviceOutcome;
use crate::requests::kinds::{Kind, Status};
use crate::requests::mail::{consultation_notice, enqueue, Consulted};
use crate::requests::request_number;
use crate::requests::views::{ConsultationRow, OpenConsultation};
use crate::requests::workflow::{next_status, Step};

/// Whether request `request_id` has a question to the DPO still waiting.
async fn waiting(db: &mut PgConnection, request_id: i64) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM dpo_consultations c
               WHERE c.request_id = $1
                 AND NOT EXISTS (SELECT 1 FROM dpo_advice a WHERE a.consultation_id = c.id)
           ) AS "waiting!""#,
        request_id
    )
    .fetch_one(db)
    .await?)
}

/// Whether the DPO has advised on request `request_id`.
pub(super) async fn advised(db: &mut PgConnection, request_id: i64) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM dpo_advice a
               JOIN dpo_consultations c ON c.id = a.consultation_id
               WHERE c.request_id = $1
           ) AS "advised!""#,
        request_id
    )
    .fetch_one(db)
    .await?)
}

/// Refuses a second question while one waits.
pub(super) async fn check_none_waiting(
    db: &mut PgConnection,
    request_id: i64,
) -> Result<(), StoreError> {
    if waiting(db, request_id).await? {
        return Err(StoreError::NotAllowed("not-allowed-consultation-waiting"));
    }
    Ok(())
}

/// Ties the question in history entry `question_event` to the request and
/// tells the DPO (in Danish, the municipality's language).
pub(super) async fn open(
    db: &mut PgConnection,
    settings: &RequestSettings,
    request_id: i64,
    question_event: i64,
    member: &StaffMember,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query!(
        "INSERT INTO dpo_consultations (request_id, question_event_id, asked_by, asked_at)
         VALUES ($1, $2, $3, $4)",
        request_id,
        question_event,
        member.id,
        now
    )
    .execute(&mut *db)
    .await?;
    let mail = consultation_notice(
        &settings.dpo_email,
        &settings.public_url,
        request_id,
        Consulted::Dpo,
        Lang::Da,
    );
    enqueue(db, &mail, now).await?;
    Ok(())
}

/// A decision on an advised request says whether it follows the advice
/// (an internal history entry); one without advice records nothing.
pub(super) async fn record_outcome(
    db: &mut PgConnection,
    request_id: i64,
    member: &StaffMember,
    outcome: Option<&AdviceOutcome>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if !advised(db, request_id).await? {
        return Ok(());
    }
    let (action, body) = match outcome {
        None => return Err(StoreError::NotAllowed("not-allowed-advice-unstated")),
        Some(AdviceOutcome::Followed) => (HistoryAction::AdviceFollowed, None),
        Some(AdviceOutcome::NotFollowed(why)) => {
            (HistoryAction::AdviceNotFollowed, Some(why.as_str()))
        }
    };
    let mut entry = Entry::bare(request_id, now, Actor::Staff(member), action);
    entry.body = body;
    entry.internal = true;
    append(db, entry).await?;
    Ok(())
}

/// The question on `request_id` waiting for the DPO, as the case page
/// shows it.
pub(super) async fn waiting_question(
    db: &mut PgConnection,
    request_id: i64,
    lang: Lang,
) -> Result<Option<OpenConsultation>, StoreError> {
    let row = sqlx::query!(
        r#"SELECT c.asked_at, s.name AS asked_by, e.body AS "question!"
           FROM dpo_consultations c
           JOIN staff_members s ON s.id = c.asked_by
           JOIN data_request_events e ON e.id = c.question_event_id
           WHERE c.request_id = $1
             AND NOT EXISTS (SELECT 1 FROM dpo_advice a WHERE a.consultation_id = c.id)"#,
        request_id
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|row| OpenConsultation {
        asked_by: row.asked_by,
        asked_at: moment_text(lang, row.asked_at),
        question: row.question,
    }))
}

/// The DPO's advice on request `id`, seen at `version`: answers the
/// question waiting on it (a second answer finds none and is refused),
/// appends the advice to the history (internal) and tells the caseworker
/// who asked.
pub async fn advise(
    pool: &PgPool,
    settings: &RequestSettings,
    adviser: &DpoAdviser,
    id: i64,
    version: i32,
    advice: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let member = adviser.member();
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, Scope::Units(None), id, true).await?;
    if request.version != version {
        return Err(StoreError::Conflict);
    }
    let to = next_status(Step::Advise, request.standing(), local_date(now))?;
    let waiting = sqlx::query!(
        r#"SELECT c.id, s.email, s.language
           FROM dpo_consultations c
           JOIN staff_members s ON s.id = c.asked_by
           WHERE c.request_id = $1
             AND NOT EXISTS (SELECT 1 FROM dpo_advice a WHERE a.consultation_id = c.id)"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotAllowed("not-allowed-no-consultation"))?;
    // The version moves on, so a caseworker's form from before the advice
    // comes back as a conflict and they read it first.
    update_status(&mut tx, id, to, false, now).await?;
    let mut entry = Entry::bare(id, now, Actor::Staff(member), HistoryAction::DpoAdvised);
    entry.body = Some(advice);
    entry.internal = true;
    let event = append(&mut tx, entry).await?;
    sqlx::query!(
        "INSERT INTO dpo_advice (consultation_id, advice_event_id, given_by, given_at)
         VALUES ($1, $2, $3, $4)",
        waiting.id,
        event,
        member.id,
        now
    )
    .execute(&mut *tx)
    .await?;
    if let Some(email) = waiting.email {
        let lang = Lang::from_code(&waiting.language).unwrap_or_default();
        let mail = consultation_notice(
            &email,
            &settings.public_url,
            id,
            Consulted::Caseworker,
            lang,
        );
        enqueue(&mut tx, &mail, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The open requests whose caseworker waits for the DPO's advice, oldest
/// question first (the DPO's page).
pub async fn waiting_for_advice(
    pool: &PgPool,
    _overseer: &Overseer,
    today: NaiveDate,
    lang: Lang,
) -> Result<Vec<ConsultationRow>, StoreError> {
    let open: Vec<String> = Status::OPEN
        .iter()
        .map(|status| status.code().to_owned())
        .collect();
    let rows = sqlx::query!(
        r#"SELECT r.id, r.kind, u.name AS unit, s.name AS asked_by, c.asked_at,
                  r.due_on, r.extendable_to, r.extended_at IS NOT NULL AS "extended!"
           FROM dpo_consultations c
           JOIN data_requests r ON r.id = c.request_id
           JOIN org_units u ON u.id = r.org_unit_id
           JOIN staff_members s ON s.id = c.asked_by
           WHERE r.status = ANY($1)
             AND NOT EXISTS (SELECT 1 FROM dpo_advice a WHERE a.consultation_id = c.id)
           ORDER BY c.asked_at, c.id"#,
        &open
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let deadline = RequestDeadline {
                due_on: row.due_on,
                extendable_to: row.extendable_to,
                extended: row.extended,
            };
            Ok(ConsultationRow {
                request_id: row.id,
                number: request_number(row.id),
                kind: super::decode(Kind::from_code(&row.kind), "kind")?,
                unit: row.unit,
                asked_by: row.asked_by,
                asked_at: moment_text(lang, row.asked_at),
                deadline: date_text(lang, deadline.in_force()),
                days_left: deadline.days_left(today),
            })
        })
        .collect()
}
