//! [ssr] The caseworker's side of the request store: registering a request
//! that came by letter, phone or e-mail, the queue, the case page, every
//! action, and the answers' attachments. Reads take a [`CaseReader`] and
//! see only its units' requests; actions take a [`CaseActor`] and touch only
//! its unit's. Every time staff open a request, reveal its CPR number or
//! register one, the use is recorded in the access log on the citizen
//! (system `indblik`, the request's unit), in the same transaction as what
//! they saw or did.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::answer_log;
use super::consultation;
use super::hidden::{hidden_assessed, hidden_in_answer};
use super::history::{append, facts, Actor, Entry};
use super::staff::colleagues;
use super::{
    attachment, decode, insert, load, release_held_log, unit_id, update_status, AnswerLog, Loaded,
    NewAttachment, NewRequest, RequestSettings, Scope, StaffFile, StoreError,
};
use crate::access_log::coverage::local_date;
use crate::access_log::write::{record_portal_use, PortalUse};
use crate::access_log::UseType;
use crate::caller::StaffMember;
use crate::capability::{AccessAnswer, CaseActor, CaseReader};
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::identity::cpr::Cpr;
use crate::identity::subject_key::SubjectKey;
use crate::requests::actions::{Audience, HistoryAction};
use crate::requests::deadline::RequestDeadline;
use crate::requests::forms::{
    AdviceOutcome, HiddenAssessment, Refusal, RegisteredRequest, Transfer,
};
use crate::requests::kinds::{right_to_complain, ExtensionReason, Kind, Status};
use crate::requests::mail::{enqueue, status_notice};
use crate::requests::request_number;
use crate::requests::views::{
    CaseView, DueWindow, QueueFilter, QueueListing, QueueRow, QUEUE_PAGE_SIZE,
};
use crate::requests::workflow::{next_status, Step};

/// Registers a request that came by letter, phone or e-mail, in the
/// caseworker's own unit; the registration is logged on the citizen.
pub async fn register(
    pool: &PgPool,
    settings: &RequestSettings,
    actor: &CaseActor,
    registered: &RegisteredRequest,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let member = actor.member();
    let mut tx = pool.begin().await?;
    let org_unit_id = unit_id(&mut tx, actor.unit()).await?;
    let key = SubjectKey::derive(&settings.pepper, &registered.cpr);
    let sealed = settings
        .seal_key
        .seal(&registered.cpr)
        .map_err(|error| StoreError::Misconfigured(error.to_string()))?;
    let id = insert(
        &mut tx,
        &settings.calendar,
        NewRequest {
            text: &registered.text,
            channel: registered.channel,
            received_at: registered.received_at,
            key: &key,
            citizen_name: &registered.citizen_name,
            cpr: &sealed,
            org_unit_id,
            log_row: None,
            registered_by: Some(&member.id),
            identity_check: Some(&registered.identity_check),
            postal_address: registered.postal_address.as_deref(),
            lang: Lang::Da,
        },
    )
    .await?;
    // Written in the request's language (Danish: registered by staff).
    let lang = Lang::Da;
    let body = lang.text_with(
        "registered-history",
        &[
            ("received", moment_text(lang, registered.received_at).into()),
            (
                "channel",
                registered.channel.label(lang).to_lowercase().into(),
            ),
            ("identity", registered.identity_check.clone().into()),
        ],
    );
    let mut entry = Entry::bare(id, now, Actor::Staff(member), HistoryAction::Registered);
    entry.to = Some(Status::Received);
    entry.body = Some(&body);
    append(&mut tx, entry).await?;
    let registration = StaffUse {
        member,
        key: &key,
        use_type: UseType::Create,
        request_id: id,
    };
    registration.record(&mut tx, settings, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A staff member's use of a citizen's data through a request.
pub(super) struct StaffUse<'a> {
    /// Who; the use is logged with their own unit, not the request's.
    pub member: &'a StaffMember,
    pub key: &'a SubjectKey,
    pub use_type: UseType,
    pub request_id: i64,
}

impl StaffUse<'_> {
    /// Records the use in the citizen's access log.
    pub(super) async fn record(
        &self,
        db: &mut PgConnection,
        settings: &RequestSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        record_portal_use(
            db,
            &PortalUse {
                at: now,
                subject: self.key,
                actor: &self.member.id,
                actor_unit: &self.member.unit,
                use_type: self.use_type,
                purpose_code: &settings.purpose,
                case_reference: &request_number(self.request_id),
            },
        )
        .await?;
        Ok(())
    }
}

/// The open requests the reader may see, by deadline, and the units it
/// may filter by.
pub async fn queue(
    pool: &PgPool,
    settings: &RequestSettings,
    reader: &CaseReader,
    filter: &QueueFilter,
    today: NaiveDate,
    lang: Lang,
) -> Result<QueueListing, StoreError> {
    let codes = reader.unit_codes();
    let units: Vec<(String, String)> = sqlx::query!(
        "SELECT code, name FROM org_units WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY name",
        codes
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|unit| (unit.code, unit.name))
    .collect();
    let statuses: Vec<String> = match filter.status {
        Some(status) => vec![status.code().to_owned()],
        None => Status::OPEN
            .iter()
            .map(|status| status.code().to_owned())
            .collect(),
    };
    let kind = filter.kind.map(Kind::code);
    let mine = filter.mine.then_some(reader.member().id.as_str());
    // A search is a request number or part of the citizen's name (the
    // reader's own requests only: the units filter below still applies).
    let search = filter.search.as_deref();
    let number = search.and_then(crate::requests::parse_request_number);
    let name_pattern = search
        .filter(|_| number.is_none())
        .map(|text| format!("%{}%", like_escaped(text)));
    // The deadlines in force a due window takes, both ends included (and
    // open-ended below for the overdue).
    let (due_from, due_to) = match filter.due {
        None => (None, None),
        Some(DueWindow::Overdue) => (None, today.pred_opt()),
        Some(DueWindow::Soon) => (
            Some(today),
            today.checked_add_days(chrono::Days::new(u64::from(settings.due_soon_days))),
        ),
    };
    let offset = i64::try_from((filter.page.max(1) - 1) * QUEUE_PAGE_SIZE).unwrap_or(i64::MAX);
    let limit = i64::try_from(QUEUE_PAGE_SIZE).unwrap_or(50);
    let rows = sqlx::query!(
        r#"SELECT r.id, r.kind, r.status, r.citizen_name, u.name AS unit, r.received_at,
                  r.due_on, r.extendable_to, r.extended_at IS NOT NULL AS "extended!",
                  a.name AS "assignee?", count(*) OVER () AS "total!"
           FROM data_requests r
           JOIN org_units u ON u.id = r.org_unit_id
           LEFT JOIN staff_members a ON a.id = r.assignee_id
           WHERE r.status = ANY($1)
             AND ($2::text[] IS NULL OR u.code = ANY($2))
             AND ($3::text IS NULL OR u.code = $3)
             AND ($4::text IS NULL OR r.kind = $4)
             AND ($5::text IS NULL OR r.assignee_id = $5)
             AND ($8::bigint IS NULL OR r.id = $8)
             AND ($9::text IS NULL OR r.citizen_name ILIKE $9)
             AND ($10::date IS NULL
                  OR (CASE WHEN r.extended_at IS NULL THEN r.due_on ELSE r.extendable_to END) >= $10)
             AND ($11::date IS NULL
                  OR (CASE WHEN r.extended_at IS NULL THEN r.due_on ELSE r.extendable_to END) <= $11)
           ORDER BY CASE WHEN r.extended_at IS NULL THEN r.due_on ELSE r.extendable_to END,
                    r.received_at, r.id
           LIMIT $6 OFFSET $7"#,
        &statuses,
        codes,
        filter.unit.as_deref(),
        kind,
        mine,
        limit,
        offset,
        number,
        name_pattern,
        due_from,
        due_to
    )
    .fetch_all(pool)
    .await?;
    let total = rows
        .first()
        .map_or(0, |row| usize::try_from(row.total).unwrap_or(0));
    let rows = rows
        .into_iter()
        .map(|row| {
            let deadline = RequestDeadline {
                due_on: row.due_on,
                extendable_to: row.extendable_to,
                extended: row.extended,
            };
            Ok(QueueRow {
                id: row.id,
                number: request_number(row.id),
                kind: decode(Kind::from_code(&row.kind), "kind")?,
                status: decode(Status::from_code(&row.status), "status")?,
                citizen_name: row.citizen_name,
                unit: row.unit,
                received: moment_text(lang, row.received_at),
                deadline: date_text(lang, deadline.in_force()),
                days_left: deadline.days_left(today),
                extended: deadline.extended,
                assignee: row.assignee,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(QueueListing {
        rows,
        total,
        filter: filter.clone(),
        units,
        due_soon_days: settings.due_soon_days,
    })
}

/// `text` with the wildcards of `LIKE` (and its escape character) escaped.
fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Request `id` as the reader sees it. Opening it is logged on the
/// citizen; with `reveal_cpr` (only for a caseworker of its unit) the CPR
/// number is shown in full and that is logged too (in the history and in
/// the citizen's access log).
pub async fn case(
    pool: &PgPool,
    settings: &RequestSettings,
    reader: &CaseReader,
    id: i64,
    reveal_cpr: bool,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<CaseView, StoreError> {
    let (codes, member) = (reader.unit_codes(), reader.member());
    let mut db = pool.acquire().await?;
    let request = load(&mut db, Scope::Units(codes), id, false).await?;
    let acting = reader.actor_in(&request.unit_code).is_some();
    if reveal_cpr && !acting {
        // The DPO reads; revealing a CPR number is for the caseworkers who act.
        return Err(StoreError::NotAllowed("not-allowed-reveal-cpr"));
    }
    let cpr = settings.seal_key.open(&request.cpr).map_err(|_| {
        StoreError::Misconfigured(
            "the CPR number cannot be opened with cpr_encryption_key".to_owned(),
        )
    })?;
    // Logged first, in a short transaction of its own: what is shown below
    // is only shown once the look-up is on record.
    let mut tx = sqlx::Connection::begin(&mut *db).await?;
    let look_up = StaffUse {
        member,
        key: &request.subject_key,
        use_type: UseType::Read,
        request_id: id,
    };
    look_up.record(&mut tx, settings, now).await?;
    if reveal_cpr {
        let mut entry = Entry::bare(id, now, Actor::Staff(member), HistoryAction::CprRevealed);
        entry.internal = true;
        append(&mut tx, entry).await?;
    }
    tx.commit().await?;
    let facts = facts(&mut db, &request, Audience::Staff, lang).await?;
    let colleagues = colleagues(&mut db, &request.unit_code).await?;
    let today = local_date(now);
    let hidden = hidden_in_answer(&mut db, &request, settings, now)
        .await?
        .into_iter()
        .map(|group| group.shown(lang))
        .collect();
    let hidden_assessed = hidden_assessed(&mut db, id).await?;
    let waiting = consultation::waiting_question(&mut db, id, lang).await?;
    let advised = consultation::advised(&mut db, id).await?;
    let answer_log = answer_log::view_of_request(&mut db, reader, id).await?;
    let log_finding =
        crate::log_control::questions::store::finding_for_case(&mut db, reader, id, lang).await?;
    let may_advise =
        waiting.is_some() && request.status.is_open() && member.has(crate::caller::Role::Dpo);
    let other_units = sqlx::query!(
        "SELECT code, name FROM org_units WHERE code <> $1 ORDER BY name",
        request.unit_code
    )
    .fetch_all(&mut *db)
    .await?
    .into_iter()
    .map(|unit| (unit.code, unit.name))
    .collect();
    Ok(CaseView {
        log_finding,
        consultation: waiting,
        answer_log,
        advised,
        may_advise,
        document_max_mb: settings.document_max_bytes / (1024 * 1024),
        other_units,
        hidden,
        hidden_assessed,
        citizen_name: request.citizen_name.clone(),
        cpr_masked: cpr.masked(),
        cpr_revealed: reveal_cpr.then(|| formatted(&cpr)),
        assignee: request.assignee.clone(),
        colleagues,
        registered: request.registered.as_ref().map(|(name, identity)| {
            lang.text_with(
                "registered-by",
                &[
                    ("name", name.clone().into()),
                    ("identity", identity.clone().into()),
                ],
            )
        }),
        days_left: request.deadline.days_left(today),
        may_act: acting,
        may_extend: acting && next_status(Step::Extend, request.standing(), today).is_ok(),
        facts,
    })
}

/// `DDMMYY-XXXX`.
fn formatted(cpr: &Cpr) -> String {
    let digits = cpr.expose_digits();
    format!("{}-{}", &digits[..6], &digits[6..])
}

/// What a caseworker does to a request.
pub enum StaffAction<'a> {
    /// Assign to this staff member (a caseworker of the request's unit).
    Assign(&'a str),
    AskClarification(&'a str),
    Message(&'a str),
    Note(&'a str),
    Extend(ExtensionReason, &'a str),
    /// The answer; for an access request with the citizen's log attached.
    Answer(&'a str, Enclosed<'a>),
    Refuse(&'a Refusal, Enclosed<'a>),
    Close,
    AssessHidden(&'a HiddenAssessment),
    Transfer(&'a Transfer),
    /// Ask the DPO for advice (the question).
    AskDpo(&'a str),
}

impl StaffAction<'_> {
    fn step(&self) -> Step {
        match self {
            StaffAction::Assign(_) => Step::Assign,
            StaffAction::AskClarification(_) => Step::AskClarification,
            StaffAction::Message(_) => Step::MessageToCitizen,
            StaffAction::Note(_) => Step::Note,
            StaffAction::Extend(..) => Step::Extend,
            StaffAction::Answer(..) => Step::Answer,
            StaffAction::Refuse(refusal, ..) if refusal.partly => Step::RefusePartly,
            StaffAction::Refuse(..) => Step::Refuse,
            StaffAction::Close => Step::Close,
            StaffAction::AssessHidden(_) => Step::AssessHidden,
            StaffAction::Transfer(_) => Step::Transfer,
            StaffAction::AskDpo(_) => Step::AskDpo,
        }
    }

    /// For a decision: whether it follows the DPO's advice, as the form said.
    fn advice_outcome(&self) -> Option<&AdviceOutcome> {
        match self {
            StaffAction::Answer(_, enclosed) | StaffAction::Refuse(_, enclosed) => enclosed.advice,
            _ => None,
        }
    }
}

/// What goes with a decision besides its text.
#[derive(Debug, Default)]
pub struct Enclosed<'a> {
    /// The citizen's access log, generated by the portal for an answer (in
    /// full or in part) to an access request.
    pub log: Option<AnswerLog>,
    /// The documents the caseworker attached (`requests::documents`).
    pub documents: Vec<NewAttachment>,
    /// Whether the decision follows the DPO's advice (asked once the DPO
    /// has advised).
    pub advice: Option<&'a AdviceOutcome>,
}

/// What an action writes into the history besides its status change.
struct Recorded {
    body: Option<String>,
    internal: bool,
    ground: Option<crate::requests::kinds::RefusalGround>,
    /// `Some` for an answer (in full or in part), which may carry the log.
    log: Option<Option<AnswerLog>>,
    /// The caseworker's documents, with a decision.
    documents: Vec<NewAttachment>,
}

impl Recorded {
    fn text(body: &str) -> Recorded {
        Recorded {
            body: Some(body.to_owned()),
            internal: false,
            ground: None,
            log: None,
            documents: Vec::new(),
        }
    }
}

/// Applies a caseworker's `action` to request `id` of their unit, seen at
/// `version`.
pub async fn staff_act(
    pool: &PgPool,
    settings: &RequestSettings,
    actor: &CaseActor,
    id: i64,
    version: i32,
    action: StaffAction<'_>,
    now: DateTime<Utc>,
) -> Result<Status, StoreError> {
    let member = actor.member();
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, Scope::Units(Some(actor.unit_codes())), id, true).await?;
    if request.version != version {
        return Err(StoreError::Conflict);
    }
    // § 22 limits the right of access only (docs/rules.md §2.2), whatever
    // a crafted form says.
    if let StaffAction::Refuse(refusal, ..) = &action {
        if !refusal.ground.applies_to(request.kind) {
            return Err(StoreError::NotAllowed("not-allowed-ground-for-kind"));
        }
    }
    // An access answer with hidden entries in its period waits for their
    // assessment (docs/rules.md §2.3); the assessment needs some to assess.
    // Counted only for those two: every other action passes without.
    let answers = matches!(
        &action,
        StaffAction::Answer(..) | StaffAction::Refuse(Refusal { partly: true, .. }, ..)
    );
    let hidden: i64 = if answers || matches!(action, StaffAction::AssessHidden(_)) {
        hidden_in_answer(&mut tx, &request, settings, now)
            .await?
            .iter()
            .map(|group| group.events)
            .sum()
    } else {
        0
    };
    if answers && hidden > 0 && !hidden_assessed(&mut tx, id).await? {
        return Err(StoreError::NotAllowed("not-allowed-hidden-unassessed"));
    }
    if matches!(action, StaffAction::AssessHidden(_)) && hidden == 0 {
        return Err(StoreError::NotAllowed("not-allowed-hidden-none"));
    }
    if matches!(action, StaffAction::AskDpo(_)) {
        consultation::check_none_waiting(&mut tx, id).await?;
    }
    let step = action.step();
    let advice_outcome = action.advice_outcome().cloned();
    let to = next_status(step, request.standing(), local_date(now))?;
    update_status(&mut tx, id, to, step.decides(), now).await?;
    release_held_log(&mut tx, &request, to).await?;
    // A § 22 restriction's written assessment, kept as an internal note.
    let assessment_note = match &action {
        StaffAction::Refuse(refusal, ..) => refusal
            .assessment
            .as_ref()
            .map(|assessment| format!("Vurdering efter databeskyttelseslovens § 22: {assessment}")),
        _ => None,
    };
    let recorded = apply(&mut tx, &request, action, to, hidden, now).await?;
    let citizen_sees = !recorded.internal;
    let mut entry = Entry::bare(id, now, Actor::Staff(member), step.history_action());
    entry.from = Some(request.status);
    entry.to = Some(to);
    entry.body = recorded.body.as_deref();
    entry.ground = recorded.ground;
    entry.internal = recorded.internal;
    let event = append(&mut tx, entry).await?;
    if step == Step::AskDpo {
        consultation::open(&mut tx, settings, id, event, member, now).await?;
    }
    if step.decides() {
        consultation::record_outcome(&mut tx, id, member, advice_outcome.as_ref(), now).await?;
    }
    // An answer (in full or the answered part) may carry the citizen's log;
    // generating it is a use of the citizen's data, logged on them.
    for document in &recorded.documents {
        store_attachment(&mut tx, request.id, event, document, now).await?;
    }
    if let Some(log) = recorded.log {
        if attach_log(&mut tx, &request, event, log, now).await? {
            let export = StaffUse {
                member,
                key: &request.subject_key,
                use_type: UseType::Export,
                request_id: id,
            };
            export.record(&mut tx, settings, now).await?;
        }
    }
    if let Some(note) = assessment_note {
        let mut entry = Entry::bare(id, now, Actor::Staff(member), HistoryAction::Note);
        entry.body = Some(&note);
        entry.internal = true;
        append(&mut tx, entry).await?;
    }
    // The citizen hears that something changed, unless it was internal.
    if let Some(email) = request.notify_email.as_deref().filter(|_| citizen_sees) {
        enqueue(
            &mut tx,
            &status_notice(email, &settings.public_url, id, request.lang),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// The action's own changes to the request row, and what the history records.
async fn apply(
    tx: &mut PgConnection,
    request: &Loaded,
    action: StaffAction<'_>,
    to: Status,
    hidden: i64,
    now: DateTime<Utc>,
) -> Result<Recorded, StoreError> {
    Ok(match action {
        StaffAction::Assign(assignee) => {
            let colleague = colleagues(&mut *tx, &request.unit_code)
                .await?
                .into_iter()
                .find(|colleague| colleague.id == assignee)
                .ok_or_else(|| StoreError::NotAllowed("not-allowed-assignee"))?;
            sqlx::query!(
                "UPDATE data_requests SET assignee_id = $2 WHERE id = $1",
                request.id,
                colleague.id
            )
            .execute(&mut *tx)
            .await?;
            // The citizen sees that work has started, not who does it.
            Recorded {
                internal: request.status == to,
                ..Recorded::text(&colleague.name)
            }
        }
        StaffAction::AskClarification(body) | StaffAction::Message(body) => Recorded::text(body),
        StaffAction::Note(body) | StaffAction::AskDpo(body) => Recorded {
            internal: true,
            ..Recorded::text(body)
        },
        StaffAction::Extend(reason, explanation) => {
            sqlx::query!(
                "UPDATE data_requests SET extended_at = $2, extension_reason = $3, extension_text = $4
                 WHERE id = $1",
                request.id,
                now,
                reason.code(),
                explanation
            )
            .execute(&mut *tx)
            .await?;
            // What the portal adds is in the citizen's language.
            let lang = request.lang;
            Recorded::text(&lang.text_with(
                "extension-history",
                &[
                    (
                        "until",
                        date_text(lang, request.deadline.extendable_to).into(),
                    ),
                    ("reason", reason.label(lang).to_lowercase().into()),
                    ("explanation", explanation.into()),
                ],
            ))
        }
        StaffAction::Answer(body, enclosed) => Recorded {
            log: Some(enclosed.log),
            documents: enclosed.documents,
            ..Recorded::text(body)
        },
        StaffAction::Refuse(refusal, enclosed) => Recorded {
            ground: Some(refusal.ground),
            log: refusal.partly.then_some(enclosed.log),
            documents: enclosed.documents,
            ..Recorded::text(&format!(
                "{}\n\n{}\n\n{}",
                refusal.body,
                request.lang.text_with(
                    "refusal-ground",
                    &[("ground", refusal.ground.label(request.lang).into())]
                ),
                right_to_complain(request.lang)
            ))
        },
        StaffAction::Close => Recorded {
            body: None,
            ..Recorded::text("")
        },
        StaffAction::Transfer(transfer) => {
            let to_unit = sqlx::query!(
                "SELECT id, name FROM org_units WHERE code = $1",
                transfer.unit
            )
            .fetch_optional(&mut *tx)
            .await?
            .filter(|_| transfer.unit != request.unit_code)
            .ok_or(StoreError::NotAllowed("not-allowed-transfer-unit"))?;
            // The new unit's caseworkers take it from their queue.
            sqlx::query!(
                "UPDATE data_requests SET org_unit_id = $2, assignee_id = NULL WHERE id = $1",
                request.id,
                to_unit.id
            )
            .execute(&mut *tx)
            .await?;
            Recorded::text(&request.lang.text_with(
                "transfer-history",
                &[
                    ("from", request.unit_name.clone().into()),
                    ("to", to_unit.name.into()),
                    ("reason", transfer.reason.clone().into()),
                ],
            ))
        }
        // The municipality's own record, in Danish; never the citizen's.
        StaffAction::AssessHidden(assessment) => Recorded {
            internal: true,
            ..Recorded::text(&Lang::Da.text_with(
                if assessment.keep {
                    "hidden-history-keep"
                } else {
                    "hidden-history-disclose"
                },
                &[
                    ("count", hidden.into()),
                    ("text", assessment.text.clone().into()),
                ],
            ))
        },
    })
}

/// Stores the answer's log, if any (`true` when one was stored); an
/// answer to an access request must have one (the citizen's access log,
/// generated by the portal).
async fn attach_log(
    db: &mut PgConnection,
    request: &Loaded,
    event_id: i64,
    log: Option<AnswerLog>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let Some(log) = log else {
        if request.kind == Kind::Access {
            return Err(StoreError::Misconfigured(
                "an answer to an access request must carry the citizen's access log".to_owned(),
            ));
        }
        return Ok(false);
    };
    let attachment_id = store_attachment(&mut *db, request.id, event_id, &log.file, now).await?;
    answer_log::store_rows(db, attachment_id, &log.rows).await?;
    Ok(true)
}

/// Stores `file` with history entry `event_id` of request `request_id`;
/// its id.
async fn store_attachment(
    db: &mut PgConnection,
    request_id: i64,
    event_id: i64,
    file: &NewAttachment,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar!(
        "INSERT INTO data_request_attachments (request_id, event_id, file_name, content_type, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        request_id,
        event_id,
        file.file_name,
        file.content_type,
        file.body,
        now
    )
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// What a caseworker's form needs to know of the request it acts on.
#[derive(Clone, Copy, Debug)]
pub struct ActingOn {
    pub kind: Kind,
    /// Whether the DPO has advised on it (a decision says whether it
    /// follows the advice).
    pub advised: bool,
}

/// Request `id` when it is one `actor` acts on (their unit's), otherwise
/// [`StoreError::NotFound`].
pub async fn check_acts_on(
    pool: &PgPool,
    actor: &CaseActor,
    id: i64,
) -> Result<ActingOn, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, Scope::Units(Some(actor.unit_codes())), id, false).await?;
    Ok(ActingOn {
        kind: request.kind,
        advised: consultation::advised(&mut db, id).await?,
    })
}

/// What an answer's export needs: the request's kind, and for an access
/// request the citizen whose log goes with the answer.
pub struct AnswerSubject {
    pub kind: Kind,
    /// The citizen's language: the attached log is written in it.
    pub lang: Lang,
    /// `Some` for an access request.
    pub access: Option<AccessAnswer>,
}

/// The citizen request `id` is about and when it came, for the log an
/// answer to an access request carries; only for a caseworker of its unit.
pub async fn answer_subject(
    pool: &PgPool,
    actor: &CaseActor,
    id: i64,
) -> Result<AnswerSubject, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, Scope::Units(Some(actor.unit_codes())), id, false).await?;
    Ok(AnswerSubject {
        kind: request.kind,
        lang: request.lang,
        access: (request.kind == Kind::Access)
            .then(|| AccessAnswer::new(request.id, request.subject_key, request.received_at)),
    })
}

/// Attachment `attachment_id` of request `request_id` in the reader's
/// units; an answer's log with only the rows the reader may see. Staff
/// downloading a file with a citizen's data is a use of it, logged on the
/// citizen before the file is handed out.
pub async fn case_attachment(
    pool: &PgPool,
    settings: &RequestSettings,
    reader: &CaseReader,
    request_id: i64,
    attachment_id: i64,
    now: DateTime<Utc>,
) -> Result<StaffFile, StoreError> {
    let scope = Scope::Units(reader.unit_codes());
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, scope, request_id, false).await?;
    let file = attachment(&mut tx, scope, request_id, attachment_id).await?;
    let download = StaffUse {
        member: reader.member(),
        key: &request.subject_key,
        use_type: UseType::Export,
        request_id,
    };
    download.record(&mut tx, settings, now).await?;
    let log = answer_log::view_of_attachment(&mut tx, reader, attachment_id).await?;
    tx.commit().await?;
    Ok(match log {
        Some(view) => StaffFile::AnswerLog {
            file_name: file.file_name,
            rows: view.rows,
            lang: request.lang,
        },
        None => StaffFile::Stored(file),
    })
}
