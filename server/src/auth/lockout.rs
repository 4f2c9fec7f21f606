//! Blocking after repeated rejected attempts (sikkerhedsbekendtgørelsen § 18):
//! after `threshold` consecutive rejections within `window` for one identity
//! (a citizen, a staff member), further sign-in attempts by it are refused
//! until an authorised person lifts the block; from one source address, the
//! address is throttled for `window` and then free again by itself. Only
//! rejections that are refused access count
//! ([`RejectionReason::counts_towards_block`]); a successful sign-in, or the
//! lifting of a block, starts the count again.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use sqlx::types::ipnetwork::IpNetwork;
use sqlx::{PgConnection, PgExecutor};

use app::caller::Caller;
use app::identity::subject_key::SubjectKey;
use app::requests::mail::{Mail, MailKind};

use super::rejections::{Rejection, RejectionReason};

/// When to block, and whom to tell.
#[derive(Clone, Debug)]
pub struct LockoutPolicy {
    /// Consecutive rejections that cause a block.
    pub threshold: u32,
    /// Only rejections this recent count.
    pub window: Duration,
    /// Who is mailed when an identity is blocked (the DPO).
    pub notify: String,
    /// The portal's address, for the link in that mail.
    pub public_url: String,
}

impl LockoutPolicy {
    /// The mail telling the DPO that block `block` of `identity` was made:
    /// what kind of user and the block's number, never who (the DPO page
    /// shows that to someone signed in).
    ///
    /// The notice goes to the municipality's own mailbox and is written in
    /// Danish, like the DPO's daily digest.
    pub fn block_notice(&self, identity: &Identity, block: NewBlock) -> Mail {
        let lang = app::i18n::Lang::Da;
        let who = lang.text(match identity {
            Identity::Staff(_) => "block-notice-staff",
            Identity::Citizen(_) | Identity::Unknown => "block-notice-citizen",
        });
        let NewBlock { id, rejections } = block;
        let page = format!("{}/dpo", self.public_url.trim_end_matches('/'));
        let args = [
            ("who", who.into()),
            ("id", id.into()),
            ("rejections", rejections.into()),
        ];
        Mail {
            kind: MailKind::BlockNotice,
            to: self.notify.clone(),
            subject: lang.text_with("block-notice-subject", &args),
            body: format!(
                "{}\n\n{}\n{page}\n",
                lang.text_with("block-notice-body", &args),
                lang.text("block-notice-what-to-do")
            ),
        }
    }
}

/// Who an attempt was made as, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Identity {
    Unknown,
    Citizen(SubjectKey),
    /// A staff member's id at the workforce identity provider.
    Staff(String),
}

impl Identity {
    /// Who `caller` is, as the registry records it.
    pub fn of(caller: &Caller) -> Identity {
        match caller {
            Caller::Anonymous => Identity::Unknown,
            Caller::Citizen(citizen) => Identity::Citizen(citizen.key),
            Caller::Staff(member) => Identity::Staff(member.id.clone()),
        }
    }

    /// The (subject_key, staff_id) columns of this identity.
    pub fn columns(&self) -> (Option<Vec<u8>>, Option<String>) {
        match self {
            Identity::Unknown => (None, None),
            Identity::Citizen(key) => (Some(key.as_bytes().to_vec()), None),
            Identity::Staff(id) => (None, Some(id.clone())),
        }
    }
}

/// What a block covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Party {
    /// Everything but ingestion from an address (sign-in, pages, forms).
    Address(IpAddr),
    Identity(Identity),
    /// Ingestion from an address for one source system (`None`: keys that
    /// name no system).
    Ingestion {
        address: IpAddr,
        system: Option<String>,
    },
}

/// The columns identifying a [`Party`] in `access_rejections` and
/// `access_blocks`.
struct PartyColumns {
    address: Option<IpNetwork>,
    key: Option<Vec<u8>>,
    staff: Option<String>,
    for_ingestion: bool,
    system: Option<String>,
}

impl Party {
    fn columns(&self) -> PartyColumns {
        let (address, key, staff) = match self {
            Party::Address(ip) | Party::Ingestion { address: ip, .. } => {
                (Some(IpNetwork::from(*ip)), None, None)
            }
            Party::Identity(identity) => {
                let (key, staff) = identity.columns();
                (None, key, staff)
            }
        };
        let (for_ingestion, system) = match self {
            Party::Ingestion { system, .. } => (true, system.clone()),
            _ => (false, None),
        };
        PartyColumns {
            address,
            key,
            staff,
            for_ingestion,
            system,
        }
    }

    /// The parties a rejection counts against: a refused API key only the
    /// ingestion of its address and system; anything else the address and
    /// the identity.
    pub fn of(rejection: &Rejection<'_>) -> Vec<Party> {
        if rejection.reason == RejectionReason::ApiKeyInvalid {
            vec![Party::Ingestion {
                address: rejection.source_ip,
                system: rejection.source_system.map(str::to_owned),
            }]
        } else {
            vec![
                Party::Address(rejection.source_ip),
                Party::Identity(rejection.identity.clone()),
            ]
        }
    }
}

/// Whether an active block covers `identity` (a citizen or a staff member;
/// never an unknown one). Such a block lasts until a person lifts it.
pub async fn identity_blocked(db: impl PgExecutor<'_>, identity: &Identity) -> sqlx::Result<bool> {
    let (key, staff) = identity.columns();
    if key.is_none() && staff.is_none() {
        return Ok(false);
    }
    sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM access_blocks
               WHERE lifted_at IS NULL AND (subject_key = $1 OR staff_id = $2)
           ) AS "blocked!""#,
        key,
        staff,
    )
    .fetch_one(db)
    .await
}

/// Whether `address` is throttled at `now` for sign-in and the pages:
/// blocked, and the block has not expired (an address block ends by itself
/// after the window).
pub async fn address_throttled(
    db: impl PgExecutor<'_>,
    address: IpAddr,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    throttled(db, address, false, None, now).await
}

/// Whether ingestion from `address` for `system` (the system its key names)
/// is throttled at `now`.
pub async fn ingestion_throttled(
    db: impl PgExecutor<'_>,
    address: IpAddr,
    system: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    throttled(db, address, true, system, now).await
}

async fn throttled(
    db: impl PgExecutor<'_>,
    address: IpAddr,
    for_ingestion: bool,
    system: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (
               SELECT 1 FROM access_blocks
               WHERE lifted_at IS NULL AND source_ip = $1
                 AND for_ingestion = $3 AND source_system IS NOT DISTINCT FROM $4
                 AND (expires_at IS NULL OR expires_at > $2)
           ) AS "throttled!""#,
        IpNetwork::from(address),
        now,
        for_ingestion,
        system,
    )
    .fetch_one(db)
    .await
}

/// A block just made: its number and how many rejections made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewBlock {
    pub id: i64,
    pub rejections: i32,
}

/// Counts `party`'s consecutive rejections in the window ending at `now` and
/// blocks it when they reach the threshold. Returns the block when one was
/// made.
pub async fn block_if_due(
    db: &mut PgConnection,
    policy: &LockoutPolicy,
    party: &Party,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<NewBlock>> {
    if party == &Party::Identity(Identity::Unknown) {
        return Ok(None);
    }
    let PartyColumns {
        address,
        key,
        staff,
        for_ingestion,
        system,
    } = party.columns();
    let since = now - policy.window;
    let counted: Vec<&str> = RejectionReason::ALL
        .into_iter()
        .filter(|reason| reason.counts_towards_block())
        .map(RejectionReason::code)
        .collect();
    let count = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM access_rejections r
           WHERE ($1::inet IS NULL OR r.source_ip = $1)
             AND ($2::bytea IS NULL OR r.subject_key = $2)
             AND ($3::text IS NULL OR r.staff_id = $3)
             AND r.occurred_at > $4
             AND r.reason = ANY($5)
             AND (r.reason = $7) = $6
             AND (NOT $6 OR r.source_system IS NOT DISTINCT FROM $8)
             AND ($6 OR r.occurred_at > COALESCE((
                 SELECT max(s.occurred_at) FROM sign_ins s
                 WHERE ($1::inet IS NULL OR s.source_ip = $1) AND ($2::bytea IS NULL OR s.subject_key = $2)
                   AND ($3::text IS NULL OR s.staff_id = $3)
             ), '-infinity'))
             AND r.occurred_at > COALESCE((
                 SELECT max(b.lifted_at) FROM access_blocks b
                 WHERE ($1::inet IS NULL OR b.source_ip = $1) AND ($2::bytea IS NULL OR b.subject_key = $2)
                   AND ($3::text IS NULL OR b.staff_id = $3)
                   AND b.for_ingestion = $6 AND b.source_system IS NOT DISTINCT FROM $8
             ), '-infinity')"#,
        address,
        key,
        staff,
        since,
        &counted as &[&str],
        for_ingestion,
        RejectionReason::ApiKeyInvalid.code(),
        system,
    )
    .fetch_one(&mut *db)
    .await?;
    if count < i64::from(policy.threshold) {
        return Ok(None);
    }
    // An address is throttled for the window; an expired throttle of it
    // ends here, so the new one can be made.
    let expires_at = address.map(|_| now + policy.window);
    if address.is_some() {
        sqlx::query!(
            "UPDATE access_blocks SET lifted_at = expires_at, lifted_by = $3, lift_cause = $4
             WHERE source_ip = $1 AND lifted_at IS NULL AND expires_at <= $2
               AND for_ingestion = $5 AND source_system IS NOT DISTINCT FROM $6",
            address,
            now,
            EXPIRED_BY,
            EXPIRED_CAUSE,
            for_ingestion,
            system,
        )
        .execute(&mut *db)
        .await?;
    }
    let rejections = i32::try_from(count).unwrap_or(i32::MAX);
    let made = sqlx::query_scalar!(
        "INSERT INTO access_blocks
             (blocked_at, source_ip, subject_key, staff_id, rejections, expires_at, for_ingestion, source_system)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING
         RETURNING id",
        now,
        address,
        key,
        staff,
        rejections,
        expires_at,
        for_ingestion,
        system,
    )
    .fetch_optional(&mut *db)
    .await?;
    Ok(made.map(|id| NewBlock { id, rejections }))
}

/// Recorded as who lifted an address throttle that expired.
pub const EXPIRED_BY: &str = "Indblik (udløbet af sig selv)";
/// Recorded as why.
const EXPIRED_CAUSE: &str = "Tidsbegrænset spærring af en adresse, udløbet";

/// Records a successful sign-in, which ends a run of rejections.
pub async fn record_sign_in(
    db: impl PgExecutor<'_>,
    now: DateTime<Utc>,
    address: IpAddr,
    identity: &Identity,
) -> sqlx::Result<()> {
    let (key, staff) = identity.columns();
    sqlx::query!(
        "INSERT INTO sign_ins (occurred_at, source_ip, subject_key, staff_id) VALUES ($1, $2, $3, $4)",
        now,
        IpNetwork::from(address),
        key,
        staff,
    )
    .execute(db)
    .await?;
    Ok(())
}
