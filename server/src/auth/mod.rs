//! Sign-in over OpenID Connect: citizens with MitID through a broker
//! (`GET /log-ind`, callback `/auth/callback`) and staff with the
//! municipality's workforce identity (`GET /medarbejder/log-ind`, callback
//! `/auth/medarbejder/callback`); `POST /log-ud` signs either out. Every
//! refused attempt is registered and may block the address or identity; the
//! user is sent to `/log-ind/afvist` with a reason code and a plain Danish
//! explanation.

pub mod claims;
pub mod guard;
pub mod lockout;
pub mod oidc;
pub mod rejections;
pub mod return_path;
pub mod session;
pub mod store;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::Method;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Extension;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tower_sessions::Session;
use url::Url;

use app::caller::{Role, StaffMember};
use app::identity::sealed_cpr::CprSealKey;
use app::identity::subject_key::{Pepper, SubjectKey};
use app::pages::sign_in::SignInRefusal;
use app::state::AppState;

use self::claims::{Assurance, CprClaim};
use self::lockout::{Identity, LockoutPolicy, Party};
use self::oidc::{OidcRelyingParty, OidcSettings, PendingAuthorization, VerifiedLogin};
use self::rejections::{Rejection, RejectionReason};
use self::return_path::ReturnPath;
use self::session::{SignedIn, SignedInAs, USER_KEY};
use crate::clock;
use crate::config::Config;
use crate::http::client_addr::ClientAddr;
use crate::http::route_list::Routes;

/// Callback registered at the MitID broker.
pub const CITIZEN_CALLBACK: &str = "/auth/callback";
/// The session key of the page to return to after the pending sign-in.
const RETURN_KEY: &str = "return_to";
/// Callback registered at the workforce identity provider.
pub const STAFF_CALLBACK: &str = "/auth/medarbejder/callback";

/// The citizen sign-in's settings.
pub struct CitizenSignIn {
    pub relying_party: OidcRelyingParty,
    pub pepper: Pepper,
    /// Seals the CPR number kept in the session for requests.
    pub seal_key: CprSealKey,
    pub cpr_claim: CprClaim,
    pub min_assurance: Assurance,
}

/// The staff sign-in's settings.
pub struct StaffSignIn {
    pub relying_party: OidcRelyingParty,
    pub roles_claim: String,
    pub unit_claim: String,
    /// An `amr` value that proves two-factor authentication.
    pub required_amr: String,
}

/// Everything sign-in needs.
pub struct Auth {
    pub citizen: CitizenSignIn,
    pub staff: StaffSignIn,
    pub public_url: Url,
    pub lockout: LockoutPolicy,
}

impl Auth {
    /// Builds sign-in from the validated configuration.
    pub fn from_config(config: &Config) -> anyhow::Result<Auth> {
        let min_assurance = config.citizen_min_assurance;
        let citizen = OidcRelyingParty::new(OidcSettings {
            issuer: config.citizen_oidc_issuer.clone(),
            client_id: config.citizen_oidc_client_id.clone(),
            client_secret: config.citizen_oidc_client_secret.clone(),
            redirect_url: config.public_url.join(CITIZEN_CALLBACK)?,
            scopes: vec!["profile".to_owned(), "nin".to_owned()],
            acr_values: vec![min_assurance.acr()],
        })?;
        let staff = OidcRelyingParty::new(OidcSettings {
            issuer: config.staff_oidc_issuer.clone(),
            client_id: config.staff_oidc_client_id.clone(),
            client_secret: config.staff_oidc_client_secret.clone(),
            redirect_url: config.public_url.join(STAFF_CALLBACK)?,
            scopes: config
                .staff_oidc_scopes
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            acr_values: Vec::new(),
        })?;
        Ok(Auth {
            citizen: CitizenSignIn {
                relying_party: citizen,
                pepper: config.subject_key_pepper.clone(),
                seal_key: config.cpr_encryption_key.clone(),
                cpr_claim: config.citizen_cpr_claim.clone(),
                min_assurance,
            },
            staff: StaffSignIn {
                relying_party: staff,
                roles_claim: config.staff_roles_claim.clone(),
                unit_claim: config.staff_unit_claim.clone(),
                required_amr: config.staff_required_amr.clone(),
            },
            public_url: config.public_url.clone(),
            lockout: config.lockout_policy(),
        })
    }
}

/// Which sign-in a request belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Citizen,
    Staff,
}

impl Kind {
    fn pending_key(self) -> &'static str {
        match self {
            Kind::Citizen => "oidc.pending.citizen",
            Kind::Staff => "oidc.pending.staff",
        }
    }

    fn start_path(self) -> &'static str {
        match self {
            Kind::Citizen => "/log-ind",
            Kind::Staff => "/medarbejder/log-ind",
        }
    }

    fn callback_path(self) -> &'static str {
        match self {
            Kind::Citizen => CITIZEN_CALLBACK,
            Kind::Staff => STAFF_CALLBACK,
        }
    }

    fn relying_party(self, auth: &Auth) -> &OidcRelyingParty {
        match self {
            Kind::Citizen => &auth.citizen.relying_party,
            Kind::Staff => &auth.staff.relying_party,
        }
    }
}

/// The sign-in routes, with their shared state as an extension.
pub fn routes(auth: Arc<Auth>) -> Routes<AppState> {
    let mut routes = Routes::new().post("/log-ud", sign_out);
    for kind in [Kind::Citizen, Kind::Staff] {
        routes = routes
            .add(
                Method::GET,
                kind.start_path(),
                get(start_sign_in).layer(Extension(kind)),
            )
            .add(
                Method::GET,
                kind.callback_path(),
                get(finish_sign_in).layer(Extension(kind)),
            );
    }
    routes.map(|router| router.layer(Extension(auth)))
}

/// Where a refused user is sent; `reason` is one of the codes
/// `app::pages::sign_in` explains.
fn refused(told: SignInRefusal) -> Response {
    Redirect::to(&told.path()).into_response()
}

/// A refused sign-in: what to register and what to tell the user.
struct Refusal {
    reason: RejectionReason,
    identity: Identity,
}

impl Refusal {
    fn new(reason: RejectionReason) -> Refusal {
        Refusal {
            reason,
            identity: Identity::Unknown,
        }
    }

    fn as_(self, identity: Identity) -> Refusal {
        Refusal { identity, ..self }
    }

    /// An attempt from a blocked address or by a blocked identity.
    fn blocked(identity: Identity) -> Refusal {
        Refusal::new(RejectionReason::Blocked).as_(identity)
    }
}

/// Registers a rejected attempt (`rejection.reason`, by `rejection.identity`
/// from `rejection.source_ip`) and blocks the address or identity when it
/// completes a run. Failures are logged: a broken registry must not turn a
/// refusal into an acceptance.
pub async fn register_rejection(pool: &PgPool, policy: &LockoutPolicy, rejection: &Rejection<'_>) {
    let registered = async {
        let mut tx = pool.begin().await?;
        rejections::register(&mut *tx, rejection).await?;
        if rejection.reason.counts_towards_block() {
            for party in Party::of(rejection) {
                let Some(block) =
                    lockout::block_if_due(&mut tx, policy, &party, rejection.at).await?
                else {
                    continue;
                };
                match &party {
                    Party::Address(_) | Party::Ingestion { .. } => {
                        tracing::warn!(
                            block = block.id,
                            "address throttled after repeated rejected attempts"
                        );
                    }
                    Party::Identity(identity) => {
                        let ended = session::end_sessions_of(&mut *tx, identity).await?;
                        let notice = policy.block_notice(identity, block);
                        app::requests::mail::enqueue(&mut tx, &notice, rejection.at).await?;
                        tracing::warn!(
                            block = block.id,
                            ended,
                            "identity blocked after repeated rejected attempts; its sessions ended, the DPO is mailed"
                        );
                    }
                }
            }
        }
        tx.commit().await
    };
    if let Err(error) = registered.await {
        tracing::error!(error = %app::error::redacted(&error), "cannot register a rejected attempt");
    }
    tracing::warn!(
        reason = rejection.reason.code(),
        path = rejection.path,
        "access refused"
    );
}

/// Registers `refusal` of a sign-in at `path` and sends the user to the explanation.
async fn refuse(
    pool: &PgPool,
    auth: &Auth,
    now: DateTime<Utc>,
    client: IpAddr,
    path: &str,
    refusal: Refusal,
) -> Response {
    let rejection = Rejection {
        at: now,
        source_ip: client,
        identity: &refusal.identity,
        reason: refusal.reason,
        path,
        source_system: None,
    };
    register_rejection(pool, &auth.lockout, &rejection).await;
    refused(refusal.reason.told())
}

/// `GET /log-ind` and `GET /medarbejder/log-ind`.
async fn start_sign_in(
    State(pool): State<PgPool>,
    Extension(auth): Extension<Arc<Auth>>,
    Extension(kind): Extension<Kind>,
    ClientAddr(client): ClientAddr,
    session: Session,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (pool, auth) = (&pool, auth.as_ref());
    let now = clock::now();
    // A throttled address stops citizens here; staff are checked at the
    // callback, where it is known whether the DPO or an administrator signs in.
    let throttled = match kind {
        Kind::Citizen => lockout::address_throttled(pool, client, now).await,
        Kind::Staff => Ok(false),
    };
    match throttled {
        Ok(false) => {}
        Ok(true) => {
            let refusal = Refusal::blocked(Identity::Unknown);
            return refuse(pool, auth, now, client, kind.start_path(), refusal).await;
        }
        Err(error) => {
            tracing::error!(error = %app::error::redacted(&error), "cannot check for blocks");
            return refused(SignInRefusal::Interrupted);
        }
    }
    let (url, pending) = match kind.relying_party(auth).authorization_request().await {
        Ok(request) => request,
        Err(error) => {
            tracing::error!(error = %app::error::redacted(&error), ?kind, "cannot start sign-in");
            return refused(SignInRefusal::ProviderUnavailable);
        }
    };
    // Where to go afterwards: only a page behind this sign-in, or nowhere.
    let return_to = query
        .get(return_path::PARAMETER)
        .and_then(|text| ReturnPath::parse(text, kind == Kind::Citizen))
        .map(|path| path.as_str().to_owned());
    let stored = async {
        session.insert(kind.pending_key(), pending).await?;
        match return_to {
            Some(path) => session.insert(RETURN_KEY, path).await,
            None => session.remove::<String>(RETURN_KEY).await.map(|_| ()),
        }
    };
    if let Err(error) = stored.await {
        tracing::error!(error = %app::error::redacted(&error), "cannot store the pending sign-in");
        return refused(SignInRefusal::Interrupted);
    }
    Redirect::to(url.as_str()).into_response()
}

/// The callbacks, `/auth/callback` and `/auth/medarbejder/callback`.
async fn finish_sign_in(
    State(pool): State<PgPool>,
    Extension(auth): Extension<Arc<Auth>>,
    Extension(kind): Extension<Kind>,
    ClientAddr(client): ClientAddr,
    Extension(lang): Extension<app::i18n::Lang>,
    session: Session,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (pool, auth, session, query) = (&pool, auth.as_ref(), &session, &query);
    let now = clock::now();
    let verified = async {
        let throttled = lockout::address_throttled(pool, client, now)
            .await
            .map_err(internal)?;
        if throttled && kind == Kind::Citizen {
            return Err(Refusal::blocked(Identity::Unknown));
        }
        let login = verify_callback(kind, auth, session, query, now).await?;
        let (who, identity) = match kind {
            Kind::Citizen => citizen_from(&auth.citizen, &login).await?,
            Kind::Staff => staff_from(&auth.staff, &login)?,
        };
        if lockout::identity_blocked(pool, &identity)
            .await
            .map_err(internal)?
        {
            return Err(Refusal::blocked(identity));
        }
        // An authorisation review removed them from the portal.
        if let SignedInAs::Staff(member) = &who {
            let removed = app::log_control::review::store::is_deactivated(pool, &member.id)
                .await
                .map_err(internal)?;
            if removed {
                return Err(Refusal::new(RejectionReason::StaffDeactivated).as_(identity));
            }
        }
        // The DPO and administrators lift blocks: a throttled address never
        // keeps them out (their own identity's block does).
        let overseer = matches!(&who, SignedInAs::Staff(member) if member.has_any(Role::OVERSEERS));
        if throttled && !overseer {
            return Err(Refusal::blocked(identity));
        }
        Ok((login, who, identity))
    };
    let (login, who, identity) = match verified.await {
        Ok(signed_in) => signed_in,
        Err(refusal) => {
            return refuse(pool, auth, now, client, kind.callback_path(), refusal).await
        }
    };
    let usual = match &who {
        SignedInAs::Citizen { .. } => "/min-log",
        SignedInAs::Staff(member) if member.has_any(Role::OVERSEERS) => "/dpo",
        SignedInAs::Staff(member) if member.has_any(Role::CASE_READERS) => "/sagsbehandling",
        SignedInAs::Staff(member) if member.has_any(Role::CONTROLLERS) => "/kontrol",
        SignedInAs::Staff(_) => "/sagsbehandling/stikproever",
    };
    // The page that asked for the sign-in, checked again for who signed in.
    let asked_for = session
        .remove::<String>(RETURN_KEY)
        .await
        .ok()
        .flatten()
        .and_then(|text| ReturnPath::parse(&text, kind == Kind::Citizen))
        .filter(|path| match &who {
            SignedInAs::Citizen { .. } => true,
            SignedInAs::Staff(member) => path.opens_for(member),
        });
    let landing = asked_for
        .as_ref()
        .map_or(usual, |path| path.as_str())
        .to_owned();
    // Where the DPO's and caseworkers' daily digest goes.
    let login_email = login.email.clone();
    let user = SignedIn {
        who,
        signed_in_at: now,
    };
    // A new session id at sign-in, so an id seen before cannot be used.
    let stored = async {
        lockout::record_sign_in(pool, now, client, &identity).await?;
        if let SignedInAs::Staff(member) = &user.who {
            let email = login_email.as_deref();
            app::requests::store::staff::remember_staff(pool, member, email, lang, now).await?;
        }
        session.cycle_id().await?;
        session.insert(USER_KEY, user).await?;
        anyhow::Ok(())
    };
    match stored.await {
        Ok(()) => Redirect::to(&landing).into_response(),
        Err(error) => {
            tracing::error!(error = %app::error::redacted(&error), "cannot complete the sign-in");
            refused(SignInRefusal::Interrupted)
        }
    }
}

fn internal(error: impl std::fmt::Debug) -> Refusal {
    tracing::error!(error = %app::error::redacted(&error), "sign-in failed inside the portal");
    Refusal::new(RejectionReason::InternalError)
}

/// Checks the callback against the pending authorization, which is removed
/// from the session whatever the outcome (state and nonce are usable once).
async fn verify_callback(
    kind: Kind,
    auth: &Auth,
    session: &Session,
    query: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<VerifiedLogin, Refusal> {
    let pending: Option<PendingAuthorization> =
        session.remove(kind.pending_key()).await.ok().flatten();
    let pending = pending.ok_or(Refusal::new(RejectionReason::StateMissing))?;
    if query.get("state") != Some(&pending.state) {
        return Err(Refusal::new(RejectionReason::StateMismatch));
    }
    if query.contains_key("error") {
        return Err(Refusal::new(RejectionReason::ProviderError));
    }
    let code = query
        .get("code")
        .cloned()
        .ok_or(Refusal::new(RejectionReason::CodeMissing))?;
    kind.relying_party(auth)
        .finish(code, pending, now)
        .await
        .map_err(|error| {
            tracing::warn!(error = %app::error::redacted(&error), "ID token or code refused");
            Refusal::new(error.rejection_reason())
        })
}

/// The citizen behind a verified MitID login: CPR from the token or
/// userinfo, subject key, and an assurance level at least the minimum.
async fn citizen_from(
    sign_in: &CitizenSignIn,
    login: &VerifiedLogin,
) -> Result<(SignedInAs, Identity), Refusal> {
    let cpr = match sign_in.cpr_claim.find(&login.claims) {
        Ok(Some(cpr)) => Some(cpr),
        Ok(None) => {
            let user_info = sign_in
                .relying_party
                .user_info(login)
                .await
                .map_err(|error| {
                    tracing::warn!(error = %app::error::redacted(&error), "userinfo refused");
                    Refusal::new(error.rejection_reason())
                })?;
            sign_in
                .cpr_claim
                .find(&user_info)
                .map_err(|_| Refusal::new(RejectionReason::CprMalformed))?
        }
        Err(_) => return Err(Refusal::new(RejectionReason::CprMalformed)),
    };
    let cpr = cpr.ok_or(Refusal::new(RejectionReason::CprMissing))?;
    let subject_key = SubjectKey::derive(&sign_in.pepper, &cpr);
    let identity = Identity::Citizen(subject_key);

    let assurance = login.acr.as_deref().and_then(Assurance::from_acr);
    if assurance.is_none_or(|level| level < sign_in.min_assurance) {
        return Err(Refusal::new(RejectionReason::AssuranceTooLow).as_(identity));
    }
    let who = SignedInAs::Citizen {
        subject_key: hex::encode(subject_key.as_bytes()),
        name: login.name.clone().unwrap_or_else(|| "Borger".to_owned()),
        cpr_sealed: hex::encode(sign_in.seal_key.seal(&cpr).map_err(internal)?.as_bytes()),
    };
    Ok((who, identity))
}

/// The staff member behind a verified workforce login: two-factor
/// authentication, at least one known role, and a unit.
fn staff_from(
    sign_in: &StaffSignIn,
    login: &VerifiedLogin,
) -> Result<(SignedInAs, Identity), Refusal> {
    let identity = Identity::Staff(login.subject.clone());
    if !login
        .amr
        .iter()
        .any(|method| method == &sign_in.required_amr)
    {
        return Err(Refusal::new(RejectionReason::StaffWithoutTwoFactor).as_(identity));
    }
    let roles: Vec<Role> = match login.claims.get(&sign_in.roles_claim) {
        Some(serde_json::Value::Array(names)) => names
            .iter()
            .filter_map(|name| name.as_str().and_then(Role::parse))
            .collect(),
        Some(serde_json::Value::String(names)) => {
            names.split_whitespace().filter_map(Role::parse).collect()
        }
        _ => Vec::new(),
    };
    if roles.is_empty() {
        return Err(Refusal::new(RejectionReason::StaffRoleUnknown).as_(identity));
    }
    let unit = login
        .claims
        .get(&sign_in.unit_claim)
        .and_then(|unit| unit.as_str())
        .filter(|unit| !unit.trim().is_empty())
        .ok_or(Refusal::new(RejectionReason::StaffUnitMissing).as_(identity.clone()))?;
    let member = StaffMember {
        id: login.subject.clone(),
        name: login.name.clone().unwrap_or_else(|| login.subject.clone()),
        roles,
        unit: unit.to_owned(),
    };
    Ok((SignedInAs::Staff(member), identity))
}

async fn sign_out(Extension(auth): Extension<Arc<Auth>>, session: Session) -> Response {
    let user: Option<SignedIn> = session.get(USER_KEY).await.ok().flatten();
    if let Err(error) = session.flush().await {
        tracing::error!(error = %app::error::redacted(&error), "cannot end the session");
    }
    let after = auth.public_url.clone();
    let mut next = "/".to_owned();
    if let Some(user) = user {
        let relying_party = match user.who {
            SignedInAs::Citizen { .. } => &auth.citizen.relying_party,
            SignedInAs::Staff(_) => &auth.staff.relying_party,
        };
        if let Some(url) = relying_party.end_session_url(&after).await {
            next = url.to_string();
        }
    }
    // The browser forgets what it kept of the signed-in pages.
    (
        [(
            axum::http::HeaderName::from_static("clear-site-data"),
            axum::http::HeaderValue::from_static("\"cache\", \"storage\""),
        )],
        Redirect::to(&next),
    )
        .into_response()
}
