//! Server-side sessions in PostgreSQL (tower-sessions): the cookie holds only
//! a random id. What a signed-in user's session holds, the absolute limit of
//! 8 hours, and the middleware that tells the pages who is looking.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sqlx::PgExecutor;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

use app::caller::{Caller, SignedInCitizen, StaffMember};
use app::error::AppError;
use app::identity::sealed_cpr::SealedCpr;
use app::identity::subject_key::SubjectKey;
use app::idle::RENEWAL_STEP_SECONDS;
use app::viewer::Viewer;

use super::lockout::Identity;
use super::store::{PgSessionStore, ENDS_AT_KEY};
use crate::clock;
use crate::config::Config;

/// Session key of the signed-in user.
pub const USER_KEY: &str = "user";

/// A session ends this long after sign-in, however active the user is.
pub const ABSOLUTE_LIMIT: Duration = Duration::hours(8);

/// Cookie name in production: `__Host-` binds it to this host, path `/`, Secure.
pub const SECURE_COOKIE_NAME: &str = "__Host-indblik";
/// Cookie name with the development setting for plain http on loopback.
pub const INSECURE_COOKIE_NAME: &str = "indblik-dev-session";

/// The signed-in user as stored in the session.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SignedIn {
    pub who: SignedInAs,
    pub signed_in_at: DateTime<Utc>,
}

/// Who signed in.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum SignedInAs {
    /// A citizen: the subject key (hex), the name from MitID and the CPR
    /// number sealed with the portal's key (hex; for filing requests).
    Citizen {
        subject_key: String,
        name: String,
        #[serde(default)]
        cpr_sealed: String,
    },
    /// A staff member, with roles and unit from the workforce identity.
    Staff(StaffMember),
}

impl SignedIn {
    /// Whether the absolute limit has passed at `now`.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.signed_in_at + ABSOLUTE_LIMIT
    }

    fn viewer(&self) -> Viewer {
        match &self.who {
            SignedInAs::Citizen { name, .. } => Viewer::Citizen { name: name.clone() },
            SignedInAs::Staff(member) => Viewer::Staff {
                name: member.name.clone(),
                unit: member.unit.clone(),
                pages: app::viewer::StaffPages::of(&member.roles),
            },
        }
    }

    /// The caller: a citizen with their key, name and (for filing) sealed
    /// CPR number, or a staff member; anonymous if the session is unreadable.
    fn caller(&self) -> Caller {
        match &self.who {
            SignedInAs::Citizen {
                subject_key,
                name,
                cpr_sealed,
            } => {
                let mut bytes = [0_u8; 32];
                match hex::decode_to_slice(subject_key, &mut bytes) {
                    Ok(()) => Caller::Citizen(SignedInCitizen {
                        key: SubjectKey::from_bytes(bytes),
                        name: name.clone(),
                        cpr: hex::decode(cpr_sealed)
                            .ok()
                            .filter(|sealed| !sealed.is_empty())
                            .map(SealedCpr::from_bytes),
                    }),
                    Err(_) => Caller::Anonymous,
                }
            }
            SignedInAs::Staff(member) => Caller::Staff(member.clone()),
        }
    }
}

/// The session layer: random id in an `HttpOnly`, `SameSite=Lax` cookie,
/// `Secure` with the `__Host-` prefix unless the development setting says
/// otherwise. The cookie has no `Max-Age` (it ends with the browser); the
/// session ends after the configured idle time without requests, in the
/// store.
pub fn layer(store: PgSessionStore, config: &Config) -> SessionManagerLayer<PgSessionStore> {
    let insecure = config.insecure_http_session_cookie_on_loopback;
    SessionManagerLayer::new(
        store.ending_sessions_idle_for(idle_limit(config.session_idle_minutes)),
    )
    .with_name(if insecure {
        INSECURE_COOKIE_NAME
    } else {
        SECURE_COOKIE_NAME
    })
    .with_secure(!insecure)
    .with_http_only(true)
    .with_same_site(SameSite::Lax)
    .with_path("/")
    // Saved when its data change, and when `renew_when_due` moves its
    // end (idle means no requests at all).
    .with_expiry(Expiry::OnSessionEnd)
}

/// The idle limit of the setting `session_idle_minutes`: the store's and
/// [`attach_caller`]'s.
pub fn idle_limit(minutes: u32) -> Duration {
    Duration::minutes(i64::from(minutes))
}

/// Moves the end of `session` to the idle limit from `now` (by marking it
/// changed, so that the layer saves it and the store writes the new end)
/// when its stored end lies more than [`RENEWAL_STEP_SECONDS`] before that.
/// Idle means no requests at all, so every request counts; writing the
/// session on every one of them cost a database write per page, and the
/// step saves nearly all of those for someone browsing, at the price of a
/// session ending at most that many seconds before the idle limit (the
/// page's idle warning counts with that). A session that is not stored yet
/// has no end to move; it is created when something is put in it.
pub async fn renew_when_due(
    session: &Session,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<(), tower_sessions::session::Error> {
    let Some(stored_end) = session.get::<DateTime<Utc>>(ENDS_AT_KEY).await? else {
        return Ok(());
    };
    let end = now + idle;
    if stored_end < end - Duration::seconds(i64::from(RENEWAL_STEP_SECONDS)) {
        session.insert(ENDS_AT_KEY, end).await?;
    }
    Ok(())
}

/// The signed-in user of `session`, ending the session when its absolute
/// limit has passed. A session whose data this version cannot read is no
/// user; a session store that does not answer is the error.
pub async fn signed_in(
    session: &Session,
    now: DateTime<Utc>,
) -> Result<Option<SignedIn>, tower_sessions::session_store::Error> {
    use tower_sessions::session::Error;
    use tower_sessions::session_store::Error as StoreError;
    let user = match session.get::<SignedIn>(USER_KEY).await {
        Ok(user) => user,
        Err(Error::Store(error @ StoreError::Backend(_))) => return Err(error),
        Err(_) => None,
    };
    let Some(user) = user else {
        return Ok(None);
    };
    if user.expired(now) {
        let _ = session.flush().await;
        return Ok(None);
    }
    Ok(Some(user))
}

/// Attaches the [`Caller`] (for guards and server functions) and the
/// [`Viewer`] (for the header) to the request.
/// A session that cannot be read (the database is away) is an error, never
/// a visitor: the page must not look as if the user had been signed out
/// (`http::unavailable` answers 503 while the database is away).
///
/// Moves the session's end when it is due ([`renew_when_due`], with the
/// idle limit as the middleware's state).
pub async fn attach_caller(
    State(idle): State<Duration>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let now = clock::now();
    let user = match signed_in(&session, now).await {
        Ok(user) => user,
        Err(error) => return AppError::internal(error).into_response(),
    };
    if let Err(error) = renew_when_due(&session, now, idle).await {
        return AppError::internal(error).into_response();
    }
    let (caller, viewer) = match &user {
        Some(user) => (user.caller(), user.viewer()),
        None => (Caller::Anonymous, Viewer::Anonymous),
    };
    request.extensions_mut().insert(caller);
    request.extensions_mut().insert(viewer);
    next.run(request).await
}

/// Ends every session of `identity`: a block of a citizen or a staff member
/// also signs them out wherever they are signed in. Reads the stored
/// [`SignedIn`] (`{"user": {"who": {"Citizen": {"subject_key": …}}}}` or
/// `{"Staff": {"id": …}}`); returns how many sessions ended.
pub async fn end_sessions_of(db: impl PgExecutor<'_>, identity: &Identity) -> sqlx::Result<u64> {
    let (key, staff) = identity.columns();
    if key.is_none() && staff.is_none() {
        return Ok(0);
    }
    let done = sqlx::query!(
        "DELETE FROM sessions
         WHERE data -> $3::text -> 'who' -> 'Citizen' ->> 'subject_key' = $1
            OR data -> $3::text -> 'who' -> 'Staff' ->> 'id' = $2",
        key.map(hex::encode),
        staff,
        USER_KEY,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
