//! [ssr] Letters to the citizen (docs/rules.md §1.13): a notice in the
//! request's history as a printable letter (opening it is a use of the
//! citizen's data, logged as a print), and the day it was sent, recorded
//! once. For a request that came by letter the citizen hears of an
//! extension by that letter: one sent after the one-month deadline lets
//! the extension lapse, and the deadline in force is the first one again.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::casework::StaffUse;
use super::history::{append, Actor, Entry};
use super::{corrupt, load, update_status, Loaded, RequestSettings, Scope, StoreError};
use crate::access_log::coverage::local_date;
use crate::access_log::UseType;
use crate::capability::{CaseActor, CaseReader};
use crate::dates::{date_text, moment_text};
use crate::requests::actions::{Audience, HistoryAction};
use crate::requests::kinds::Channel;
use crate::requests::letters::{letter_text, LetterFacts};
use crate::requests::request_number;
use crate::requests::views::LetterView;

/// A history entry a letter can tell of.
struct LetterEntry {
    action: HistoryAction,
    body: Option<String>,
    at: DateTime<Utc>,
    sent_on: Option<NaiveDate>,
}

/// Entry `entry_id` of `request` when it is a notice the citizen is owed;
/// otherwise not found.
async fn letter_entry(
    db: &mut PgConnection,
    request: &Loaded,
    entry_id: i64,
) -> Result<LetterEntry, StoreError> {
    let row = sqlx::query!(
        r#"SELECT e.action, e.body, e.occurred_at, l.sent_on AS "sent_on?"
           FROM data_request_events e
           LEFT JOIN request_letters l ON l.event_id = e.id
           WHERE e.id = $1 AND e.request_id = $2 AND NOT e.internal"#,
        entry_id,
        request.id
    )
    .fetch_optional(db)
    .await?
    .ok_or(StoreError::NotFound)?;
    let action = HistoryAction::from_code(&row.action).ok_or_else(|| corrupt("action"))?;
    if !action.is_letter() {
        return Err(StoreError::NotFound);
    }
    Ok(LetterEntry {
        action,
        body: row.body,
        at: row.occurred_at,
        sent_on: row.sent_on,
    })
}

/// The letter about entry `entry_id` of request `id`, for a reader of its
/// unit (the DPO reads every unit's); logged on the citizen as a print.
pub async fn letter(
    pool: &PgPool,
    settings: &RequestSettings,
    reader: &CaseReader,
    id: i64,
    entry_id: i64,
    now: DateTime<Utc>,
) -> Result<LetterView, StoreError> {
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, Scope::Units(reader.unit_codes()), id, false).await?;
    let entry = letter_entry(&mut tx, &request, entry_id).await?;
    let attachments = sqlx::query_scalar!(
        "SELECT file_name FROM data_request_attachments WHERE event_id = $1 ORDER BY id",
        entry_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let print = StaffUse {
        member: reader.member(),
        key: &request.subject_key,
        use_type: UseType::Print,
        request_id: id,
    };
    print.record(&mut tx, settings, now).await?;
    tx.commit().await?;
    let lang = request.lang;
    let number = request_number(id);
    let (subject, paragraphs) = letter_text(
        &LetterFacts {
            action: entry.action,
            body: entry.body.as_deref(),
            number: &number,
            kind: request.kind,
            received: &date_text(lang, local_date(request.received_at)),
            deadline: &date_text(lang, request.deadline.in_force()),
        },
        lang,
    );
    let letterhead = &settings.letterhead;
    let mut sender = vec![letterhead.name.clone()];
    if letterhead.address.is_empty() {
        sender.push(lang.text("municipality-address-missing"));
    }
    sender.extend(letterhead.address.iter().cloned());
    let mut recipient = vec![request.citizen_name.clone()];
    recipient.extend(
        request
            .postal_address
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned),
    );
    let today = local_date(now);
    Ok(LetterView {
        request_id: id,
        entry_id,
        number,
        sender,
        recipient,
        date: date_text(lang, entry.sent_on.unwrap_or(today)),
        subject,
        paragraphs,
        attachments,
        sent_on: entry.sent_on.map(|day| date_text(lang, day)),
        earliest: local_date(entry.at).to_string(),
        today: today.to_string(),
        may_record: entry.sent_on.is_none() && reader.actor_in(&request.unit_code).is_some(),
        version: request.version,
        lang,
    })
}

/// The day of entry `entry_id` of request `id` (the earliest a letter
/// about it can have been sent), when it is a notice the caseworker's unit
/// owes the citizen.
pub async fn letter_day(
    pool: &PgPool,
    actor: &CaseActor,
    id: i64,
    entry_id: i64,
) -> Result<NaiveDate, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, Scope::Units(Some(actor.unit_codes())), id, false).await?;
    Ok(local_date(
        letter_entry(&mut db, &request, entry_id).await?.at,
    ))
}

/// Records that the letter about entry `entry_id` of request `id` (seen
/// at `version`) was sent on `sent_on`, once. For a request that came by
/// letter, an extension's letter sent after the one-month deadline lets
/// the extension lapse (a history entry tells the citizen).
pub async fn record_sent(
    pool: &PgPool,
    actor: &CaseActor,
    id: i64,
    version: i32,
    entry_id: i64,
    sent_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let member = actor.member();
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, Scope::Units(Some(actor.unit_codes())), id, true).await?;
    if request.version != version {
        return Err(StoreError::Conflict);
    }
    let entry = letter_entry(&mut tx, &request, entry_id)
        .await
        .map_err(|error| match error {
            StoreError::NotFound => StoreError::NotAllowed("not-allowed-letter-entry"),
            other => other,
        })?;
    if entry.sent_on.is_some() {
        return Err(StoreError::NotAllowed("not-allowed-letter-recorded"));
    }
    sqlx::query!(
        "INSERT INTO request_letters (event_id, request_id, sent_on, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5)",
        entry_id,
        id,
        sent_on,
        member.id,
        now
    )
    .execute(&mut *tx)
    .await?;
    update_status(&mut tx, id, request.status, false, now).await?;
    // Staff records are Danish (the municipality's).
    let lang = crate::i18n::Lang::Da;
    let body = format!(
        "{} ({}): {}",
        entry.action.label(Audience::Staff, lang),
        moment_text(lang, entry.at),
        date_text(lang, sent_on)
    );
    let mut sent = Entry::bare(id, now, Actor::Staff(member), HistoryAction::LetterSent);
    sent.body = Some(&body);
    sent.internal = true;
    append(&mut tx, sent).await?;
    let too_late = entry.action == HistoryAction::Extended
        && request.channel == Channel::Letter
        && request.deadline.extended
        && sent_on > request.deadline.due_on;
    if too_late {
        sqlx::query!(
            "UPDATE data_requests
             SET extended_at = NULL, extension_reason = NULL, extension_text = NULL
             WHERE id = $1",
            id
        )
        .execute(&mut *tx)
        .await?;
        let lang = request.lang;
        let due = date_text(lang, request.deadline.due_on);
        let body = lang.text_with(
            "extension-lapsed-history",
            &[
                ("sent", date_text(lang, sent_on).into()),
                ("due", due.into()),
            ],
        );
        let mut lapsed = Entry::bare(
            id,
            now,
            Actor::Staff(member),
            HistoryAction::ExtensionLapsed,
        );
        lapsed.body = Some(&body);
        append(&mut tx, lapsed).await?;
    }
    tx.commit().await?;
    Ok(())
}
