//! [ssr] The citizen's side of the request store: filing, their own
//! requests, replying and withdrawing, and their answers' attachments. Every
//! function takes the [`Citizen`] capability (or [`FilingCitizen`]) and reads
//! only rows with the citizen's subject key.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::history::{append, facts, Actor, Entry};
use super::{
    attachment, decode, insert, load, release_held_log, unit_id, update_status, NewAttachment,
    NewRequest, RequestSettings, Scope, StoreError,
};
use crate::access_log::coverage::local_date;
use crate::access_log::my_log::LogRow;
use crate::capability::{Citizen, FilingCitizen};
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::requests::actions::{Audience, HistoryAction};
use crate::requests::deadline::RequestDeadline;
use crate::requests::forms::RequestText;
use crate::requests::kinds::{Channel, Kind, Status};
use crate::requests::request_number;
use crate::requests::views::{CitizenRequest, CitizenRequestRow};
use crate::requests::workflow::{next_status, Step};

/// A log row a question is about: its id and what it said.
pub struct AskedRow<'a> {
    pub id: i64,
    pub row: &'a LogRow,
}

impl AskedRow<'_> {
    /// The copy kept with the request (the row is purged with its month).
    fn text(&self) -> String {
        let row = self.row;
        format!(
            "{}, {}: {}, {} {} i {} ({} gange). Formål: {}. Opslag nr. {}.",
            row.day_text,
            row.time_text,
            row.unit,
            row.authority,
            row.action,
            row.system,
            row.count,
            row.purpose,
            self.id
        )
    }
}

/// Files a citizen's request received `now` through the portal; returns its id.
/// A question about a log row goes to `log_question_unit` (not to the unit
/// the row names: its own look-up is what is asked about), and the row must
/// be the citizen's own.
pub async fn file(
    pool: &PgPool,
    settings: &RequestSettings,
    citizen: &FilingCitizen,
    text: &RequestText,
    asked: Option<AskedRow<'_>>,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<i64, StoreError> {
    let key = citizen.citizen().subject_key();
    let mut tx = pool.begin().await?;
    let org_unit_id = match &asked {
        Some(asked) => {
            sqlx::query_scalar!(
                "SELECT id FROM access_summary WHERE id = $1 AND subject_key = $2",
                asked.id,
                key.as_bytes().as_slice(),
            )
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            unit_id(&mut tx, &settings.log_question_unit).await?
        }
        None => unit_id(&mut tx, &settings.intake_unit).await?,
    };
    let id = insert(
        &mut tx,
        &settings.calendar,
        NewRequest {
            text,
            channel: Channel::Portal,
            received_at: now,
            key,
            citizen_name: citizen.name(),
            cpr: citizen.sealed_cpr(),
            org_unit_id,
            log_row: asked.map(|asked| (asked.id, asked.text())),
            registered_by: None,
            identity_check: None,
            postal_address: None,
            lang,
        },
    )
    .await?;
    let mut entry = Entry::bare(id, now, Actor::Citizen, HistoryAction::Received);
    entry.to = Some(Status::Received);
    append(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// The citizen's own requests, newest first.
pub async fn citizen_requests(
    pool: &PgPool,
    citizen: &Citizen,
    lang: Lang,
) -> Result<Vec<CitizenRequestRow>, StoreError> {
    let rows = sqlx::query!(
        r#"SELECT id, kind, status, received_at, due_on, extendable_to,
                  extended_at IS NOT NULL AS "extended!"
           FROM data_requests WHERE subject_key = $1 ORDER BY received_at DESC, id DESC"#,
        citizen.subject_key().as_bytes().as_slice()
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
            Ok(CitizenRequestRow {
                id: row.id,
                number: request_number(row.id),
                kind: decode(Kind::from_code(&row.kind), "kind")?,
                status: decode(Status::from_code(&row.status), "status")?,
                received: moment_text(lang, row.received_at),
                deadline: date_text(lang, deadline.in_force()),
                extended: deadline.extended,
            })
        })
        .collect()
}

/// Request `id` if it is the citizen's own.
pub async fn citizen_request(
    pool: &PgPool,
    citizen: &Citizen,
    id: i64,
    lang: Lang,
) -> Result<CitizenRequest, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, Scope::Citizen(citizen.subject_key()), id, false).await?;
    Ok(CitizenRequest {
        facts: facts(&mut db, &request, Audience::Citizen, lang).await?,
        notify_email: request.notify_email.clone(),
    })
}

/// `Ok` when request `id` is the citizen's own, otherwise
/// [`StoreError::NotFound`].
pub async fn check_owned(pool: &PgPool, citizen: &Citizen, id: i64) -> Result<(), StoreError> {
    let mut db = pool.acquire().await?;
    load(&mut db, Scope::Citizen(citizen.subject_key()), id, false)
        .await
        .map(|_| ())
}

/// What a citizen does to their own request.
pub enum CitizenAction<'a> {
    Reply(&'a str),
    Withdraw,
}

/// Applies the citizen's `action` to their request `id`, seen at `version`.
pub async fn citizen_act(
    pool: &PgPool,
    citizen: &Citizen,
    id: i64,
    version: i32,
    action: CitizenAction<'_>,
    now: DateTime<Utc>,
) -> Result<Status, StoreError> {
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, Scope::Citizen(citizen.subject_key()), id, true).await?;
    if request.version != version {
        return Err(StoreError::Conflict);
    }
    let (step, body) = match action {
        CitizenAction::Reply(body) => (Step::CitizenMessage, Some(body)),
        CitizenAction::Withdraw => (Step::Withdraw, None),
    };
    let to = next_status(step, request.standing(), local_date(now))?;
    // A withdrawal decides nothing: `decided_at` stays empty.
    update_status(&mut tx, id, to, false, now).await?;
    release_held_log(&mut tx, &request, to).await?;
    let mut entry = Entry::bare(id, now, Actor::Citizen, step.history_action());
    entry.from = Some(request.status);
    entry.to = Some(to);
    entry.body = body;
    append(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(to)
}

/// Attachment `attachment_id` of the citizen's own request `request_id`.
pub async fn citizen_attachment(
    pool: &PgPool,
    citizen: &Citizen,
    request_id: i64,
    attachment_id: i64,
) -> Result<NewAttachment, StoreError> {
    let mut db = pool.acquire().await?;
    let scope = Scope::Citizen(citizen.subject_key());
    attachment(&mut db, scope, request_id, attachment_id).await
}
