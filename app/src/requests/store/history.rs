//! [ssr] A request's history: appending an entry (append-only in the
//! database, by trigger) and reading the history with the request's facts
//! for the citizen (internal entries left out, staff unnamed) or for staff.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::{corrupt, Loaded, StoreError};
use crate::caller::StaffMember;
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::requests::actions::{Audience, HistoryAction};
use crate::requests::kinds::{Channel, RefusalGround, Status};
use crate::requests::request_number;
use crate::requests::views::{Attachment, Extension, HistoryEntry, LetterLink, RequestFacts};

/// Who did something to a request.
#[derive(Clone, Copy)]
pub(super) enum Actor<'a> {
    Citizen,
    Staff(&'a StaffMember),
}

impl Actor<'_> {
    /// The stored `actor_kind`.
    fn code(self) -> &'static str {
        match self {
            Actor::Citizen => "citizen",
            Actor::Staff(_) => "staff",
        }
    }
}

/// One history entry to append.
pub(super) struct Entry<'a> {
    pub request_id: i64,
    pub at: DateTime<Utc>,
    pub actor: Actor<'a>,
    pub action: HistoryAction,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub body: Option<&'a str>,
    pub ground: Option<RefusalGround>,
    pub internal: bool,
}

impl<'a> Entry<'a> {
    /// An entry that changes nothing but the history (no status change, no
    /// text, no ground).
    pub fn bare(
        request_id: i64,
        at: DateTime<Utc>,
        actor: Actor<'a>,
        action: HistoryAction,
    ) -> Entry<'a> {
        Entry {
            request_id,
            at,
            actor,
            action,
            from: None,
            to: None,
            body: None,
            ground: None,
            internal: false,
        }
    }
}

pub(super) async fn append(db: &mut PgConnection, entry: Entry<'_>) -> Result<i64, StoreError> {
    let (staff_id, staff_name) = match entry.actor {
        Actor::Citizen => (None, None),
        Actor::Staff(member) => (Some(member.id.as_str()), Some(member.name.as_str())),
    };
    let id = sqlx::query_scalar!(
        "INSERT INTO data_request_events (request_id, occurred_at, actor_kind, staff_id, staff_name,
             action, from_status, to_status, body, ground, internal)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        entry.request_id,
        entry.at,
        entry.actor.code(),
        staff_id,
        staff_name,
        entry.action.code(),
        entry.from.map(Status::code),
        entry.to.map(Status::code),
        entry.body,
        entry.ground.map(RefusalGround::code),
        entry.internal,
    )
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// The facts of `request` with its history and attachments, for `audience`.
pub(super) async fn facts(
    db: &mut PgConnection,
    request: &Loaded,
    audience: Audience,
    lang: Lang,
) -> Result<RequestFacts, StoreError> {
    let events = sqlx::query!(
        "SELECT e.id, e.occurred_at, e.actor_kind, e.staff_name, e.action, e.from_status,
                e.to_status, e.body, e.internal, l.sent_on AS \"sent_on?\"
         FROM data_request_events e
         LEFT JOIN request_letters l ON l.event_id = e.id
         WHERE e.request_id = $1 ORDER BY e.id",
        request.id
    )
    .fetch_all(&mut *db)
    .await?;
    // Letters are offered where the citizen is not in the portal: a request
    // registered from a letter, a call or an e-mail.
    let letters = audience == Audience::Staff && request.channel != Channel::Portal;
    let mut history = Vec::with_capacity(events.len());
    let mut pending_question = None;
    for event in events {
        if audience == Audience::Citizen && event.internal {
            continue;
        }
        let action = HistoryAction::from_code(&event.action).ok_or_else(|| corrupt("action"))?;
        let by_citizen = event.actor_kind == Actor::Citizen.code();
        let who = match (by_citizen, audience) {
            (true, Audience::Citizen) => lang.text("history-by-you"),
            (true, Audience::Staff) => lang.text("history-by-citizen"),
            (false, Audience::Citizen) => lang.text_with(
                "history-by-municipality",
                &[("unit", request.unit_name.clone().into())],
            ),
            (false, Audience::Staff) => event
                .staff_name
                .clone()
                .unwrap_or_else(|| "Indblik".to_owned()),
        };
        let label = |code: &Option<String>| {
            code.as_deref()
                .and_then(Status::from_code)
                .map(|status| match audience {
                    Audience::Citizen => status.citizen_label(lang),
                    Audience::Staff => status.label(lang),
                })
        };
        let status_change = match (label(&event.from_status), label(&event.to_status)) {
            (Some(from), Some(to)) if from != to => Some(format!("{from} → {to}")),
            _ => None,
        };
        if action == HistoryAction::ClarificationAsked {
            pending_question = event.body.clone();
        }
        // The assignee's name is for colleagues only.
        let body = if action == HistoryAction::Assigned && audience == Audience::Citizen {
            None
        } else {
            event.body
        };
        let letter = (letters && action.is_letter()).then(|| LetterLink {
            href: format!("/sagsbehandling/{}/brev/{}", request.id, event.id),
            sent_on: event.sent_on.map(|day| date_text(lang, day)),
        });
        history.push(HistoryEntry {
            at: moment_text(lang, event.occurred_at),
            who,
            what: action.label(audience, lang),
            body,
            status_change,
            internal: event.internal,
            letter,
        });
    }
    let attachments = sqlx::query_as!(
        Attachment,
        "SELECT id, file_name FROM data_request_attachments WHERE request_id = $1 ORDER BY id",
        request.id
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(RequestFacts {
        id: request.id,
        number: request_number(request.id),
        kind: request.kind,
        status: request.status,
        channel: request.channel,
        received: moment_text(lang, request.received_at),
        due: date_text(lang, request.deadline.due_on),
        extension: request
            .extension
            .as_ref()
            .map(|(reason, explanation)| Extension {
                until: date_text(lang, request.deadline.extendable_to),
                reason: reason.label(lang),
                explanation: explanation.clone(),
            }),
        about: request.about.clone(),
        what_is_wrong: request.what_is_wrong.clone(),
        what_is_right: request.what_is_right.clone(),
        situation: request.situation.clone(),
        log_row_text: request.log_row_text.clone(),
        written_in: request.lang,
        unit: request.unit_name.clone(),
        history,
        attachments,
        pending_question: pending_question.filter(|_| request.status == Status::AwaitingCitizen),
        version: request.version,
    })
}
