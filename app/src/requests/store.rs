//! [ssr] Requests in PostgreSQL: filing, registering, reading (as the
//! citizen, a caseworker or the DPO) and every action, each in one
//! transaction that locks the request, checks the version the person acted
//! on (optimistic locking), checks the step against [`workflow`], updates the
//! row and appends to the history. An error rolls everything back, so a
//! failed action leaves the request as it was.
//!
//! Every time staff open a request or reveal its CPR number, the use is
//! recorded in the access log on the citizen (system `indblik`, the request's
//! unit), in the same transaction as what they saw.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::forms::{Refusal, RegisteredRequest, RequestText};
use super::kinds::{Channel, ExtensionReason, Kind, RefusalGround, Status, RIGHT_TO_COMPLAIN};
use super::mail::{enqueue, status_notice};
use super::request_number;
use super::views::{
    Attachment, CaseView, CitizenRequest, CitizenRequestRow, Colleague, Extension, HistoryEntry,
    QueueFilter, QueuePage, QueueRow, RequestFacts, QUEUE_PAGE_SIZE,
};
use super::workflow::{next_status, NotAllowed, Standing, Step};
use crate::access_log::coverage::local_date;
use crate::access_log::my_log::LogRow;
use crate::access_log::summary::{date_text, moment_text};
use crate::access_log::write::{record_portal_use, PortalUse, RecordError};
use crate::access_log::UseType;
use crate::caller::{Role, StaffMember};
use crate::deadline::{deadlines, Calendar};
use crate::identity::cpr::Cpr;
use crate::identity::sealed_cpr::{CprSealKey, SealedCpr};
use crate::identity::subject_key::{Pepper, SubjectKey};

/// What the request store needs besides the pool.
#[derive(Clone, Debug)]
pub struct RequestSettings {
    pub seal_key: CprSealKey,
    /// To key a citizen registered by CPR number.
    pub pepper: Pepper,
    /// Code of the unit that receives requests filed in the portal.
    pub intake_unit: String,
    /// Code of the purpose under which staff look-ups are logged.
    pub purpose: String,
    pub calendar: Calendar,
    /// The portal's public address, for links in e-mail.
    pub public_url: String,
}

/// Why a request action did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such request, or not one the caller may see.
    #[error("no such request")]
    NotFound,
    /// Someone else changed the request since the form was shown.
    #[error("the request changed since it was shown")]
    Conflict,
    /// The step is not allowed now; the text says why (Danish, for the user).
    #[error("{0}")]
    NotAllowed(String),
    /// The master data or settings lack something the action needs.
    #[error("misconfigured: {0}")]
    Misconfigured(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<NotAllowed> for StoreError {
    fn from(refused: NotAllowed) -> StoreError {
        StoreError::NotAllowed(refused.0)
    }
}

impl From<RecordError> for StoreError {
    fn from(error: RecordError) -> StoreError {
        match error {
            RecordError::MissingMasterData(_) => StoreError::Misconfigured(error.to_string()),
            RecordError::Database(error) => StoreError::Database(error),
        }
    }
}

/// The signed-in citizen as the session knows them.
#[derive(Clone, Debug)]
pub struct CitizenIdentity {
    pub key: SubjectKey,
    pub name: String,
    pub cpr: SealedCpr,
}

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

/// Who did something to a request.
#[derive(Clone, Copy)]
enum Actor<'a> {
    Citizen,
    Staff(&'a StaffMember),
}

/// One history entry to append.
struct Entry<'a> {
    request_id: i64,
    at: DateTime<Utc>,
    actor: Actor<'a>,
    action: &'a str,
    from: Option<Status>,
    to: Option<Status>,
    body: Option<&'a str>,
    ground: Option<RefusalGround>,
    internal: bool,
}

async fn append(db: &mut PgConnection, entry: Entry<'_>) -> Result<i64, StoreError> {
    let (kind, staff_id, staff_name) = match entry.actor {
        Actor::Citizen => ("citizen", None, None),
        Actor::Staff(member) => (
            "staff",
            Some(member.id.as_str()),
            Some(member.name.as_str()),
        ),
    };
    let id = sqlx::query_scalar!(
        "INSERT INTO data_request_events (request_id, occurred_at, actor_kind, staff_id, staff_name,
             action, from_status, to_status, body, ground, internal)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        entry.request_id,
        entry.at,
        kind,
        staff_id,
        staff_name,
        entry.action,
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

async fn unit_id(db: &mut PgConnection, code: &str) -> Result<i64, StoreError> {
    sqlx::query_scalar!("SELECT id FROM org_units WHERE code = $1", code)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| {
            StoreError::Misconfigured(format!("organisational unit '{code}' does not exist"))
        })
}

/// The columns every new request has.
struct NewRequest<'a> {
    text: &'a RequestText,
    channel: Channel,
    received_at: DateTime<Utc>,
    key: &'a SubjectKey,
    citizen_name: &'a str,
    cpr: &'a SealedCpr,
    org_unit_id: i64,
    log_row: Option<(i64, String)>,
    registered_by: Option<&'a StaffMember>,
    identity_check: Option<&'a str>,
}

async fn insert(
    db: &mut PgConnection,
    calendar: &Calendar,
    new: NewRequest<'_>,
) -> Result<i64, StoreError> {
    let dates = deadlines(new.received_at, calendar);
    let (log_row_id, log_row_text) = new.log_row.unzip();
    let id = sqlx::query_scalar!(
        "INSERT INTO data_requests (kind, status, channel, received_at, due_on, extendable_to,
             subject_key, citizen_name, cpr_sealed, org_unit_id, about, what_is_wrong, what_is_right,
             situation, log_row_id, log_row_text, notify_email, registered_by, identity_check)
         VALUES ($1, 'received', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         RETURNING id",
        new.text.kind.code(),
        new.channel.code(),
        new.received_at,
        dates.due,
        dates.extended,
        new.key.as_bytes().as_slice(),
        new.citizen_name,
        new.cpr.as_bytes(),
        new.org_unit_id,
        new.text.about,
        new.text.what_is_wrong,
        new.text.what_is_right,
        new.text.situation,
        log_row_id,
        log_row_text,
        new.text.notify_email,
        new.registered_by.map(|member| member.id.as_str()),
        new.identity_check,
    )
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// Files a citizen's request received `now` through the portal; returns its id.
/// A question about a log row goes to the unit the row names.
pub async fn file(
    pool: &PgPool,
    settings: &RequestSettings,
    citizen: &CitizenIdentity,
    text: &RequestText,
    asked: Option<AskedRow<'_>>,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let mut tx = pool.begin().await?;
    let org_unit_id = match &asked {
        Some(asked) => sqlx::query_scalar!(
            "SELECT org_unit_id FROM access_summary WHERE id = $1 AND subject_key = $2",
            asked.id,
            citizen.key.as_bytes().as_slice(),
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?,
        None => unit_id(&mut tx, &settings.intake_unit).await?,
    };
    let id = insert(
        &mut tx,
        &settings.calendar,
        NewRequest {
            text,
            channel: Channel::Portal,
            received_at: now,
            key: &citizen.key,
            citizen_name: &citizen.name,
            cpr: &citizen.cpr,
            org_unit_id,
            log_row: asked.map(|asked| (asked.id, asked.text())),
            registered_by: None,
            identity_check: None,
        },
    )
    .await?;
    append(
        &mut tx,
        Entry {
            request_id: id,
            at: now,
            actor: Actor::Citizen,
            action: "received",
            from: None,
            to: Some(Status::Received),
            body: None,
            ground: None,
            internal: false,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Registers a request that came by letter, phone or e-mail, in the
/// caseworker's own unit; the registration is logged on the citizen.
pub async fn register(
    pool: &PgPool,
    settings: &RequestSettings,
    member: &StaffMember,
    registered: &RegisteredRequest,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    require_caseworker(member)?;
    let mut tx = pool.begin().await?;
    let org_unit_id = unit_id(&mut tx, &member.unit).await?;
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
            registered_by: Some(member),
            identity_check: Some(&registered.identity_check),
        },
    )
    .await?;
    let body = format!(
        "Modtaget {} pr. {}. Identitet kontrolleret: {}",
        moment_text(registered.received_at),
        registered.channel.label().to_lowercase(),
        registered.identity_check
    );
    append(
        &mut tx,
        Entry {
            request_id: id,
            at: now,
            actor: Actor::Staff(member),
            action: "registered",
            from: None,
            to: Some(Status::Received),
            body: Some(&body),
            ground: None,
            internal: false,
        },
    )
    .await?;
    log_staff_use(
        &mut tx,
        settings,
        member,
        &key,
        org_unit_id,
        UseType::Create,
        id,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
async fn log_staff_use(
    db: &mut PgConnection,
    settings: &RequestSettings,
    member: &StaffMember,
    key: &SubjectKey,
    org_unit_id: i64,
    use_type: UseType,
    request_id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    record_portal_use(
        db,
        &PortalUse {
            at: now,
            subject: key,
            actor: &member.id,
            org_unit_id,
            use_type,
            purpose_code: &settings.purpose,
            case_reference: &request_number(request_id),
        },
    )
    .await?;
    Ok(())
}

/// A request row with its unit and assignee.
struct Loaded {
    id: i64,
    kind: Kind,
    status: Status,
    channel: Channel,
    received_at: DateTime<Utc>,
    due_on: NaiveDate,
    extendable_to: NaiveDate,
    extended: Option<(ExtensionReason, String)>,
    subject_key: SubjectKey,
    citizen_name: String,
    cpr: SealedCpr,
    org_unit_id: i64,
    unit_code: String,
    unit_name: String,
    assignee: Option<Colleague>,
    about: String,
    what_is_wrong: Option<String>,
    what_is_right: Option<String>,
    situation: Option<String>,
    log_row_text: Option<String>,
    notify_email: Option<String>,
    registered: Option<String>,
    version: i32,
}

impl Loaded {
    fn standing(&self) -> Standing {
        Standing {
            status: self.status,
            due_on: self.due_on,
            extended: self.extended.is_some(),
        }
    }

    /// The deadline in force.
    fn deadline(&self) -> NaiveDate {
        if self.extended.is_some() {
            self.extendable_to
        } else {
            self.due_on
        }
    }
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Protocol(format!("unexpected value in {what}")))
}

/// Reads request `id`; `lock` takes the row lock for an action.
async fn load(db: &mut PgConnection, id: i64, lock: bool) -> Result<Loaded, StoreError> {
    if lock {
        sqlx::query!("SELECT id FROM data_requests WHERE id = $1 FOR UPDATE", id)
            .fetch_optional(&mut *db)
            .await?
            .ok_or(StoreError::NotFound)?;
    }
    let row = sqlx::query!(
        r#"SELECT r.id, r.kind, r.status, r.channel, r.received_at, r.due_on, r.extendable_to,
                  r.extension_reason, r.extension_text, r.subject_key, r.citizen_name, r.cpr_sealed,
                  r.org_unit_id, u.code AS unit_code, u.name AS unit_name,
                  r.assignee_id, a.name AS "assignee_name?", r.about, r.what_is_wrong, r.what_is_right,
                  r.situation, r.log_row_text, r.notify_email, g.name AS "registered_by?",
                  r.identity_check, r.version
           FROM data_requests r
           JOIN org_units u ON u.id = r.org_unit_id
           LEFT JOIN staff_members a ON a.id = r.assignee_id
           LEFT JOIN staff_members g ON g.id = r.registered_by
           WHERE r.id = $1"#,
        id
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(StoreError::NotFound)?;
    let key: [u8; 32] = row
        .subject_key
        .try_into()
        .map_err(|_| corrupt("subject_key"))?;
    let extended = match (row.extension_reason, row.extension_text) {
        (Some(reason), text) => Some((
            ExtensionReason::from_code(&reason).ok_or_else(|| corrupt("extension_reason"))?,
            text.unwrap_or_default(),
        )),
        (None, _) => None,
    };
    Ok(Loaded {
        id: row.id,
        kind: Kind::from_code(&row.kind).ok_or_else(|| corrupt("kind"))?,
        status: Status::from_code(&row.status).ok_or_else(|| corrupt("status"))?,
        channel: Channel::from_code(&row.channel).ok_or_else(|| corrupt("channel"))?,
        received_at: row.received_at,
        due_on: row.due_on,
        extendable_to: row.extendable_to,
        extended,
        subject_key: SubjectKey::from_bytes(key),
        citizen_name: row.citizen_name,
        cpr: SealedCpr::from_bytes(row.cpr_sealed),
        org_unit_id: row.org_unit_id,
        unit_code: row.unit_code,
        unit_name: row.unit_name,
        assignee: row.assignee_id.map(|id| Colleague {
            name: row.assignee_name.unwrap_or_else(|| id.clone()),
            id,
        }),
        about: row.about,
        what_is_wrong: row.what_is_wrong,
        what_is_right: row.what_is_right,
        situation: row.situation,
        log_row_text: row.log_row_text,
        notify_email: row.notify_email,
        registered: row.registered_by.map(|name| {
            format!(
                "Registreret af {name}. Identitet kontrolleret: {}",
                row.identity_check.unwrap_or_default()
            )
        }),
        version: row.version,
    })
}

/// Whose eyes a history is written for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Audience {
    Citizen,
    Staff,
}

async fn facts(
    db: &mut PgConnection,
    request: &Loaded,
    audience: Audience,
) -> Result<RequestFacts, StoreError> {
    let events = sqlx::query!(
        "SELECT occurred_at, actor_kind, staff_name, action, from_status, to_status, body, internal
         FROM data_request_events WHERE request_id = $1 ORDER BY id",
        request.id
    )
    .fetch_all(&mut *db)
    .await?;
    let history = events
        .into_iter()
        .filter(|event| audience == Audience::Staff || !event.internal)
        .map(|event| {
            let who = match (event.actor_kind.as_str(), audience) {
                ("citizen", Audience::Citizen) => "Du".to_owned(),
                ("citizen", Audience::Staff) => "Borgeren".to_owned(),
                (_, Audience::Citizen) => format!("Kommunen ({})", request.unit_name),
                (_, Audience::Staff) => event
                    .staff_name
                    .clone()
                    .unwrap_or_else(|| "Indblik".to_owned()),
            };
            let label = |code: &Option<String>| {
                code.as_deref()
                    .and_then(Status::from_code)
                    .map(Status::label)
            };
            let status_change = match (label(&event.from_status), label(&event.to_status)) {
                (Some(from), Some(to)) if from != to => Some(format!("{from} → {to}")),
                _ => None,
            };
            // The assignee's name is for colleagues only.
            let body = if event.action == "assigned" && audience == Audience::Citizen {
                None
            } else {
                event.body
            };
            HistoryEntry {
                at: moment_text(event.occurred_at),
                who,
                what: action_label(&event.action, audience).to_owned(),
                body,
                status_change,
                internal: event.internal,
            }
        })
        .collect();
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
        received: moment_text(request.received_at),
        due: date_text(request.due_on),
        extension: request
            .extended
            .as_ref()
            .map(|(reason, explanation)| Extension {
                until: date_text(request.extendable_to),
                reason: reason.label().to_owned(),
                explanation: explanation.clone(),
            }),
        about: request.about.clone(),
        what_is_wrong: request.what_is_wrong.clone(),
        what_is_right: request.what_is_right.clone(),
        situation: request.situation.clone(),
        log_row_text: request.log_row_text.clone(),
        unit: request.unit_name.clone(),
        history,
        attachments,
        version: request.version,
    })
}

fn action_label(action: &str, audience: Audience) -> &'static str {
    match (action, audience) {
        ("received", _) => "Henvendelsen er modtaget via Indblik",
        ("registered", _) => "Henvendelsen er registreret",
        ("assigned", Audience::Citizen) => "Henvendelsen er under behandling",
        ("assigned", Audience::Staff) => "Tildelt",
        ("clarification_asked", _) => "Spørgsmål om uddybning",
        ("message_to_citizen", _) => "Besked fra kommunen",
        ("message_from_citizen", Audience::Citizen) => "Besked fra dig",
        ("message_from_citizen", Audience::Staff) => "Besked fra borgeren",
        ("note", _) => "Intern note",
        ("extended", _) => "Fristen er forlænget",
        ("answered", _) => "Svar",
        ("partly_refused", _) => "Delvist afslag og svar",
        ("refused", _) => "Afslag",
        ("withdrawn", _) => "Trukket tilbage",
        ("closed", _) => "Lukket",
        ("cpr_revealed", _) => "CPR-nummer vist",
        _ => "Hændelse",
    }
}

// ---------------------------------------------------------------------------
// The citizen's side

/// The citizen's own requests, newest first.
pub async fn citizen_requests(
    pool: &PgPool,
    key: &SubjectKey,
) -> Result<Vec<CitizenRequestRow>, StoreError> {
    let rows = sqlx::query!(
        "SELECT id, kind, status, received_at, due_on, extendable_to, extended_at IS NOT NULL AS \"extended!\"
         FROM data_requests WHERE subject_key = $1 ORDER BY received_at DESC, id DESC",
        key.as_bytes().as_slice()
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(CitizenRequestRow {
                id: row.id,
                number: request_number(row.id),
                kind: Kind::from_code(&row.kind).ok_or_else(|| corrupt("kind"))?,
                status: Status::from_code(&row.status).ok_or_else(|| corrupt("status"))?,
                received: moment_text(row.received_at),
                deadline: date_text(if row.extended {
                    row.extendable_to
                } else {
                    row.due_on
                }),
                extended: row.extended,
            })
        })
        .collect()
}

/// Request `id` if it is the citizen's own.
pub async fn citizen_request(
    pool: &PgPool,
    key: &SubjectKey,
    id: i64,
) -> Result<CitizenRequest, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, id, false).await?;
    if request.subject_key != *key {
        return Err(StoreError::NotFound);
    }
    Ok(CitizenRequest {
        facts: facts(&mut db, &request, Audience::Citizen).await?,
        notify_email: request.notify_email.clone(),
    })
}

/// What a citizen does to their own request.
pub enum CitizenAction<'a> {
    Reply(&'a str),
    Withdraw,
}

/// Applies the citizen's `action` to their request `id`, seen at `version`.
pub async fn citizen_act(
    pool: &PgPool,
    key: &SubjectKey,
    id: i64,
    version: i32,
    action: CitizenAction<'_>,
    now: DateTime<Utc>,
) -> Result<Status, StoreError> {
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, id, true).await?;
    if request.subject_key != *key {
        return Err(StoreError::NotFound);
    }
    if request.version != version {
        return Err(StoreError::Conflict);
    }
    let (step, action_code, body) = match action {
        CitizenAction::Reply(body) => (Step::CitizenMessage, "message_from_citizen", Some(body)),
        CitizenAction::Withdraw => (Step::Withdraw, "withdrawn", None),
    };
    let to = next_status(step, request.standing(), local_date(now))?;
    update_status(&mut tx, id, to, step == Step::Withdraw, now).await?;
    append(
        &mut tx,
        Entry {
            request_id: id,
            at: now,
            actor: Actor::Citizen,
            action: action_code,
            from: Some(request.status),
            to: Some(to),
            body,
            ground: None,
            internal: false,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(to)
}

/// Sets the status, bumps the version and, for a decision, the time.
async fn update_status(
    db: &mut PgConnection,
    id: i64,
    to: Status,
    decides: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query!(
        "UPDATE data_requests SET status = $2, version = version + 1,
             decided_at = CASE WHEN $3 THEN $4 ELSE decided_at END
         WHERE id = $1",
        id,
        to.code(),
        decides,
        now
    )
    .execute(db)
    .await?;
    Ok(())
}

/// An attachment of an answer, generated by the portal.
pub struct NewAttachment {
    pub file_name: String,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// Attachment `attachment_id` of request `request_id` if the request is the
/// citizen's own (`citizen` set) or in a unit the staff member may see.
pub async fn attachment(
    pool: &PgPool,
    request_id: i64,
    attachment_id: i64,
    citizen: Option<&SubjectKey>,
    member: Option<&StaffMember>,
) -> Result<NewAttachment, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, request_id, false).await?;
    let allowed = match (citizen, member) {
        (Some(key), _) => request.subject_key == *key,
        (None, Some(member)) => may_see(member, &request.unit_code),
        (None, None) => false,
    };
    if !allowed {
        return Err(StoreError::NotFound);
    }
    let row = sqlx::query!(
        "SELECT file_name, content_type, body FROM data_request_attachments WHERE id = $1 AND request_id = $2",
        attachment_id,
        request_id
    )
    .fetch_optional(&mut *db)
    .await?
    .ok_or(StoreError::NotFound)?;
    Ok(NewAttachment {
        file_name: row.file_name,
        content_type: row.content_type,
        body: row.body,
    })
}

// ---------------------------------------------------------------------------
// The caseworker's side

fn is_dpo(member: &StaffMember) -> bool {
    member.has(Role::Dpo)
}

/// A caseworker sees their own unit's requests; the DPO sees all.
fn may_see(member: &StaffMember, unit_code: &str) -> bool {
    is_dpo(member) || (member.has(Role::Caseworker) && member.unit == unit_code)
}

/// Only a caseworker of the request's unit acts on it.
fn may_act(member: &StaffMember, unit_code: &str) -> bool {
    member.has(Role::Caseworker) && member.unit == unit_code
}

fn require_caseworker(member: &StaffMember) -> Result<(), StoreError> {
    if member.has(Role::Caseworker) {
        Ok(())
    } else {
        Err(StoreError::NotAllowed(
            "Kun sagsbehandlere kan behandle henvendelser.".to_owned(),
        ))
    }
}

/// The open requests the staff member may see, by deadline.
pub async fn queue(
    pool: &PgPool,
    member: &StaffMember,
    filter: &QueueFilter,
    today: NaiveDate,
) -> Result<QueuePage, StoreError> {
    let units: Vec<(String, String)> =
        sqlx::query!("SELECT code, name FROM org_units ORDER BY name")
            .fetch_all(pool)
            .await?
            .into_iter()
            .filter(|unit| may_see(member, &unit.code))
            .map(|unit| (unit.code, unit.name))
            .collect();
    let mut visible: Vec<String> = units.iter().map(|(code, _)| code.clone()).collect();
    if let Some(unit) = &filter.unit {
        visible.retain(|code| code == unit);
    }
    let statuses: Vec<String> = match filter.status {
        Some(status) => vec![status.code().to_owned()],
        None => Status::OPEN
            .iter()
            .map(|status| status.code().to_owned())
            .collect(),
    };
    let kind = filter.kind.map(Kind::code);
    let mine = filter.mine.then_some(member.id.as_str());
    let offset = i64::try_from((filter.page.max(1) - 1) * QUEUE_PAGE_SIZE).unwrap_or(i64::MAX);
    let limit = i64::try_from(QUEUE_PAGE_SIZE).unwrap_or(50);
    let rows = sqlx::query!(
        r#"SELECT r.id, r.kind, r.status, r.citizen_name, u.name AS unit, r.received_at,
                  CASE WHEN r.extended_at IS NULL THEN r.due_on ELSE r.extendable_to END AS "deadline!",
                  r.extended_at IS NOT NULL AS "extended!", a.name AS "assignee?",
                  count(*) OVER () AS "total!"
           FROM data_requests r
           JOIN org_units u ON u.id = r.org_unit_id
           LEFT JOIN staff_members a ON a.id = r.assignee_id
           WHERE r.status = ANY($1) AND u.code = ANY($2)
             AND ($3::text IS NULL OR r.kind = $3)
             AND ($4::text IS NULL OR r.assignee_id = $4)
           ORDER BY 7, r.received_at, r.id
           LIMIT $5 OFFSET $6"#,
        &statuses,
        &visible,
        kind,
        mine,
        limit,
        offset
    )
    .fetch_all(pool)
    .await?;
    let total = rows
        .first()
        .map_or(0, |row| usize::try_from(row.total).unwrap_or(0));
    let rows = rows
        .into_iter()
        .map(|row| {
            Ok(QueueRow {
                id: row.id,
                number: request_number(row.id),
                kind: Kind::from_code(&row.kind).ok_or_else(|| corrupt("kind"))?,
                status: Status::from_code(&row.status).ok_or_else(|| corrupt("status"))?,
                citizen_name: row.citizen_name,
                unit: row.unit,
                received: moment_text(row.received_at),
                deadline: date_text(row.deadline),
                days_left: (row.deadline - today).num_days(),
                extended: row.extended,
                assignee: row.assignee,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(QueuePage {
        rows,
        total,
        filter: filter.clone(),
        units,
    })
}

/// Request `id` as the staff member sees it. Opening it is logged on the
/// citizen; with `reveal_cpr` the CPR number is shown in full and that is
/// logged too (in the history and in the citizen's access log).
pub async fn case(
    pool: &PgPool,
    settings: &RequestSettings,
    member: &StaffMember,
    id: i64,
    reveal_cpr: bool,
    now: DateTime<Utc>,
) -> Result<CaseView, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, id, false).await?;
    if !may_see(member, &request.unit_code) {
        return Err(StoreError::NotFound);
    }
    let cpr = settings.seal_key.open(&request.cpr).map_err(|_| {
        StoreError::Misconfigured(
            "the CPR number cannot be opened with cpr_encryption_key".to_owned(),
        )
    })?;
    // Logged first, in a short transaction of its own: what is shown below
    // is only shown once the look-up is on record.
    let mut tx = sqlx::Connection::begin(&mut *db).await?;
    log_staff_use(
        &mut tx,
        settings,
        member,
        &request.subject_key,
        request.org_unit_id,
        UseType::Read,
        id,
        now,
    )
    .await?;
    if reveal_cpr {
        append(
            &mut tx,
            Entry {
                request_id: id,
                at: now,
                actor: Actor::Staff(member),
                action: "cpr_revealed",
                from: None,
                to: None,
                body: None,
                ground: None,
                internal: true,
            },
        )
        .await?;
    }
    tx.commit().await?;
    let facts = facts(&mut db, &request, Audience::Staff).await?;
    let colleagues = colleagues(&mut db, &request.unit_code).await?;
    let today = local_date(now);
    let acting = may_act(member, &request.unit_code);
    Ok(CaseView {
        citizen_name: request.citizen_name.clone(),
        cpr_masked: cpr.masked(),
        cpr_revealed: reveal_cpr.then(|| formatted(&cpr)),
        assignee: request.assignee.clone(),
        colleagues,
        registered: request.registered.clone(),
        days_left: (request.deadline() - today).num_days(),
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

async fn colleagues(db: &mut PgConnection, unit_code: &str) -> Result<Vec<Colleague>, StoreError> {
    Ok(sqlx::query_as!(
        Colleague,
        "SELECT id, name FROM staff_members WHERE unit_code = $1 AND 'caseworker' = ANY(roles) ORDER BY name, id",
        unit_code
    )
    .fetch_all(db)
    .await?)
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
    Answer(&'a str, Option<NewAttachment>),
    Refuse(&'a Refusal, Option<NewAttachment>),
    Close,
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
            StaffAction::Refuse(refusal, _) if refusal.partly => Step::RefusePartly,
            StaffAction::Refuse(..) => Step::Refuse,
            StaffAction::Close => Step::Close,
        }
    }
}

/// Applies a caseworker's `action` to request `id`, seen at `version`.
pub async fn staff_act(
    pool: &PgPool,
    settings: &RequestSettings,
    member: &StaffMember,
    id: i64,
    version: i32,
    action: StaffAction<'_>,
    now: DateTime<Utc>,
) -> Result<Status, StoreError> {
    let mut tx = pool.begin().await?;
    let request = load(&mut tx, id, true).await?;
    if !may_see(member, &request.unit_code) {
        return Err(StoreError::NotFound);
    }
    if !may_act(member, &request.unit_code) {
        return Err(StoreError::NotAllowed(
            "Kun sagsbehandlere i enheden, der behandler henvendelsen, kan gøre dette.".to_owned(),
        ));
    }
    if request.version != version {
        return Err(StoreError::Conflict);
    }
    let step = action.step();
    let to = next_status(step, request.standing(), local_date(now))?;
    let decides = matches!(step, Step::Answer | Step::Refuse | Step::RefusePartly);
    update_status(&mut tx, id, to, decides, now).await?;
    // A § 22 restriction's written assessment, kept as an internal note.
    let assessment_note = match &action {
        StaffAction::Refuse(refusal, _) => refusal
            .assessment
            .as_ref()
            .map(|assessment| format!("Vurdering efter databeskyttelseslovens § 22: {assessment}")),
        _ => None,
    };
    // Side effects of the action on the request itself, then what goes into
    // the history: (action, text, internal, legal ground, attachment).
    let (code, body, internal, ground, attachment): (&str, Option<String>, bool, _, _) =
        match action {
            StaffAction::Assign(assignee) => {
                let colleague = colleagues(&mut tx, &request.unit_code)
                    .await?
                    .into_iter()
                    .find(|colleague| colleague.id == assignee)
                    .ok_or_else(|| {
                        StoreError::NotAllowed("Vælg en sagsbehandler i enheden.".to_owned())
                    })?;
                sqlx::query!(
                    "UPDATE data_requests SET assignee_id = $2 WHERE id = $1",
                    id,
                    colleague.id
                )
                .execute(&mut *tx)
                .await?;
                // The citizen sees that work has started, not who does it.
                (
                    "assigned",
                    Some(colleague.name),
                    request.status == to,
                    None,
                    None,
                )
            }
            StaffAction::AskClarification(body) => (
                "clarification_asked",
                Some(body.to_owned()),
                false,
                None,
                None,
            ),
            StaffAction::Message(body) => (
                "message_to_citizen",
                Some(body.to_owned()),
                false,
                None,
                None,
            ),
            StaffAction::Note(body) => ("note", Some(body.to_owned()), true, None, None),
            StaffAction::Extend(reason, explanation) => {
                sqlx::query!(
                "UPDATE data_requests SET extended_at = $2, extension_reason = $3, extension_text = $4 WHERE id = $1",
                id,
                now,
                reason.code(),
                explanation
            )
            .execute(&mut *tx)
            .await?;
                let body = format!(
                    "Den nye frist er {}. Begrundelse: {}. {}",
                    date_text(request.extendable_to),
                    reason.label().to_lowercase(),
                    explanation
                );
                ("extended", Some(body), false, None, None)
            }
            StaffAction::Answer(body, attachment) => (
                "answered",
                Some(body.to_owned()),
                false,
                None,
                Some(attachment),
            ),
            StaffAction::Refuse(refusal, attachment) => {
                let body = format!(
                    "{}\n\nGrundlag: {}.\n\n{RIGHT_TO_COMPLAIN}",
                    refusal.body,
                    refusal.ground.label()
                );
                let (code, attachment) = if refusal.partly {
                    ("partly_refused", Some(attachment))
                } else {
                    ("refused", None)
                };
                (code, Some(body), false, Some(refusal.ground), attachment)
            }
            StaffAction::Close => ("closed", None, false, None, None),
        };
    let event = append(
        &mut tx,
        Entry {
            request_id: id,
            at: now,
            actor: Actor::Staff(member),
            action: code,
            from: Some(request.status),
            to: Some(to),
            body: body.as_deref(),
            ground,
            internal,
        },
    )
    .await?;
    // An answer (in full or the answered part) may carry the citizen's log.
    if let Some(attachment) = attachment {
        attach(&mut tx, &request, event, attachment, now).await?;
    }
    if let Some(note) = assessment_note {
        let entry = Entry {
            request_id: id,
            at: now,
            actor: Actor::Staff(member),
            action: "note",
            from: None,
            to: None,
            body: Some(&note),
            ground: None,
            internal: true,
        };
        append(&mut tx, entry).await?;
    }
    // The citizen hears that something changed, unless it was internal.
    let citizen_sees = step != Step::Note && (step != Step::Assign || request.status != to);
    if let Some(email) = request.notify_email.as_deref().filter(|_| citizen_sees) {
        enqueue(
            &mut tx,
            &status_notice(email, &settings.public_url, id),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// Stores the answer's attachment; an answer to an access request must have
/// one (the citizen's access log, generated by the portal).
async fn attach(
    db: &mut PgConnection,
    request: &Loaded,
    event_id: i64,
    attachment: Option<NewAttachment>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(attachment) = attachment else {
        if request.kind == Kind::Access {
            return Err(StoreError::Misconfigured(
                "an answer to an access request must carry the citizen's access log".to_owned(),
            ));
        }
        return Ok(());
    };
    sqlx::query!(
        "INSERT INTO data_request_attachments (request_id, event_id, file_name, content_type, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        request.id,
        event_id,
        attachment.file_name,
        attachment.content_type,
        attachment.body,
        now
    )
    .execute(db)
    .await?;
    Ok(())
}

/// What an answer's export needs to know about request `id`.
pub struct AnswerSubject {
    pub kind: Kind,
    pub subject: SubjectKey,
    pub received_at: DateTime<Utc>,
}

/// The citizen a request is about and when it came (to build an access
/// answer's export).
pub async fn subject_of(
    pool: &PgPool,
    member: &StaffMember,
    id: i64,
) -> Result<AnswerSubject, StoreError> {
    let mut db = pool.acquire().await?;
    let request = load(&mut db, id, false).await?;
    if !may_see(member, &request.unit_code) {
        return Err(StoreError::NotFound);
    }
    Ok(AnswerSubject {
        kind: request.kind,
        subject: request.subject_key,
        received_at: request.received_at,
    })
}

/// Refreshes what the portal knows about a staff member at sign-in.
pub async fn remember_staff(
    pool: &PgPool,
    member: &StaffMember,
    email: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let roles: Vec<String> = member
        .roles
        .iter()
        .map(|role| match role {
            Role::Caseworker => "caseworker",
            Role::Dpo => "dpo",
            Role::Admin => "admin",
        })
        .map(str::to_owned)
        .collect();
    sqlx::query!(
        "INSERT INTO staff_members (id, name, unit_code, roles, email, last_sign_in_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, unit_code = EXCLUDED.unit_code,
             roles = EXCLUDED.roles, email = COALESCE(EXCLUDED.email, staff_members.email),
             last_sign_in_at = EXCLUDED.last_sign_in_at",
        member.id,
        member.name,
        member.unit,
        &roles,
        email,
        now
    )
    .execute(pool)
    .await?;
    Ok(())
}
