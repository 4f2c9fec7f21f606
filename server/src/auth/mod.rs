//! Citizen sign-in with MitID through an OpenID Connect broker:
//! `GET /log-ind` starts it, `GET /auth/callback` finishes it, `POST /log-ud`
//! signs out. Every refused attempt is registered; the citizen is sent to
//! `/log-ind/afvist` with a reason code and a plain Danish explanation.

pub mod claims;
pub mod lockout;
pub mod oidc;
pub mod rejections;
pub mod session;
pub mod store;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use tower_sessions::Session;
use url::Url;

use app::identity::subject_key::{Pepper, SubjectKey};
use app::state::AppState;

use self::claims::{Assurance, CprClaim};
use self::lockout::{LockoutPolicy, Party};
use self::oidc::{OidcRelyingParty, OidcSettings, PendingAuthorization};
use self::rejections::Rejection;
use self::session::{SignedIn, SignedInAs, PENDING_KEY, USER_KEY};
use crate::clock;
use crate::config::Config;

/// Path of the callback registered at the broker.
pub const CALLBACK_PATH: &str = "/auth/callback";

/// Everything the citizen sign-in needs.
pub struct CitizenAuth {
    pub relying_party: OidcRelyingParty,
    pub pepper: Pepper,
    pub cpr_claim: CprClaim,
    pub min_assurance: Assurance,
    pub public_url: Url,
    pub lockout: LockoutPolicy,
}

impl CitizenAuth {
    /// Builds the sign-in from the validated configuration.
    pub fn from_config(config: &Config) -> anyhow::Result<CitizenAuth> {
        let min_assurance = config.min_assurance()?;
        let redirect_url = config.public_url.join(CALLBACK_PATH)?;
        let relying_party = OidcRelyingParty::new(OidcSettings {
            issuer: config.citizen_oidc_issuer.clone(),
            client_id: config.citizen_oidc_client_id.clone(),
            client_secret: config.citizen_oidc_client_secret.clone(),
            redirect_url,
            scopes: vec!["profile".to_owned(), "nin".to_owned()],
            acr_values: vec![min_assurance.acr()],
        })?;
        Ok(CitizenAuth {
            relying_party,
            pepper: config.pepper()?,
            cpr_claim: config.cpr_claim()?,
            min_assurance,
            public_url: config.public_url.clone(),
            lockout: config.lockout_policy(),
        })
    }
}

/// The sign-in routes, with their shared state as an extension.
pub fn routes(auth: Arc<CitizenAuth>) -> Router<AppState> {
    Router::new()
        .route("/log-ind", get(start_sign_in))
        .route(CALLBACK_PATH, get(finish_sign_in))
        .route("/log-ud", post(sign_out))
        .layer(Extension(auth))
}

/// Where a refused citizen is sent; `reason` is one of the codes
/// `app::pages::sign_in` explains.
fn refused(reason: &str) -> Response {
    Redirect::to(&format!("/log-ind/afvist?grund={reason}")).into_response()
}

async fn start_sign_in(
    State(pool): State<PgPool>,
    Extension(auth): Extension<Arc<CitizenAuth>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    session: Session,
) -> Response {
    let now = clock::now();
    match lockout::is_blocked(&pool, peer.ip(), None).await {
        Ok(false) => {}
        Ok(true) => {
            return refuse(&pool, &auth, now, peer, "/log-ind", Refusal::blocked(None)).await
        }
        Err(error) => {
            tracing::error!(error = ?error, "cannot check for blocks");
            return refused("fejl");
        }
    }
    let (url, pending) = match auth.relying_party.authorization_request().await {
        Ok(request) => request,
        Err(error) => {
            tracing::error!(error = ?error, "cannot start MitID sign-in");
            return refused("utilgaengelig");
        }
    };
    if let Err(error) = session.insert(PENDING_KEY, pending).await {
        tracing::error!(error = ?error, "cannot store the pending sign-in");
        return refused("fejl");
    }
    Redirect::to(url.as_str()).into_response()
}

/// A refused callback: what to register and what to tell the citizen.
struct Refusal {
    reason: &'static str,
    citizen_code: &'static str,
    subject_key: Option<SubjectKey>,
}

impl Refusal {
    fn new(reason: &'static str, citizen_code: &'static str) -> Refusal {
        Refusal {
            reason,
            citizen_code,
            subject_key: None,
        }
    }

    /// An attempt from a blocked address or by a blocked citizen.
    fn blocked(subject_key: Option<SubjectKey>) -> Refusal {
        Refusal {
            reason: BLOCKED_REASON,
            citizen_code: "blokeret",
            subject_key,
        }
    }
}

/// Reason code of attempts refused because of a block; they do not count
/// towards a new block.
const BLOCKED_REASON: &str = "blocked";

/// Registers `refusal`, blocks the address or citizen when this rejection
/// completes a run, and sends the citizen to the explanation.
async fn refuse(
    pool: &PgPool,
    auth: &CitizenAuth,
    now: DateTime<Utc>,
    peer: SocketAddr,
    path: &str,
    refusal: Refusal,
) -> Response {
    let rejection = Rejection {
        at: now,
        source_ip: peer.ip(),
        subject_key: refusal.subject_key,
        staff_id: None,
        reason: refusal.reason,
        path,
    };
    let registered = async {
        let mut tx = pool.begin().await?;
        rejections::register(&mut *tx, &rejection).await?;
        if refusal.reason != BLOCKED_REASON {
            let mut parties = vec![Party::Address(peer.ip())];
            parties.extend(refusal.subject_key.map(Party::Citizen));
            for party in parties {
                if lockout::block_if_due(&mut tx, auth.lockout, party, now).await? {
                    tracing::warn!(?party, "blocked after repeated rejected attempts");
                }
            }
        }
        tx.commit().await
    };
    if let Err(error) = registered.await {
        tracing::error!(error = ?error, "cannot register a rejected attempt");
    }
    tracing::warn!(reason = refusal.reason, "citizen sign-in refused");
    refused(refusal.citizen_code)
}

async fn finish_sign_in(
    State(pool): State<PgPool>,
    Extension(auth): Extension<Arc<CitizenAuth>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    session: Session,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let now = clock::now();
    let outcome = match lockout::is_blocked(&pool, peer.ip(), None).await {
        Ok(true) => Err(Refusal::blocked(None)),
        Ok(false) => verify_callback(&auth, &session, &query, now).await,
        Err(error) => {
            tracing::error!(error = ?error, "cannot check for blocks");
            return refused("fejl");
        }
    };
    let (user, subject_key) = match outcome {
        Ok(signed_in) => signed_in,
        Err(refusal) => return refuse(&pool, &auth, now, peer, CALLBACK_PATH, refusal).await,
    };
    match lockout::is_blocked(&pool, peer.ip(), Some(subject_key)).await {
        Ok(false) => {}
        Ok(true) => {
            let refusal = Refusal::blocked(Some(subject_key));
            return refuse(&pool, &auth, now, peer, CALLBACK_PATH, refusal).await;
        }
        Err(error) => {
            tracing::error!(error = ?error, "cannot check for blocks");
            return refused("fejl");
        }
    }
    // A new session id at sign-in, so an id seen before cannot be used.
    let stored = async {
        lockout::record_sign_in(&pool, now, peer.ip(), subject_key).await?;
        session.cycle_id().await?;
        session.insert(USER_KEY, user).await?;
        anyhow::Ok(())
    };
    match stored.await {
        Ok(()) => Redirect::to("/").into_response(),
        Err(error) => {
            tracing::error!(error = ?error, "cannot complete the sign-in");
            refused("fejl")
        }
    }
}

/// Checks the callback against the pending authorization, which is removed
/// from the session whatever the outcome (state and nonce are usable once).
async fn verify_callback(
    auth: &CitizenAuth,
    session: &Session,
    query: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<(SignedIn, SubjectKey), Refusal> {
    let pending: Option<PendingAuthorization> = session.remove(PENDING_KEY).await.ok().flatten();
    let pending = pending.ok_or(Refusal::new("state_missing", "fejl"))?;
    if query.get("state") != Some(&pending.state) {
        return Err(Refusal::new("state_mismatch", "fejl"));
    }
    if query.contains_key("error") {
        return Err(Refusal::new("provider_error", "fejl"));
    }
    let code = query
        .get("code")
        .cloned()
        .ok_or(Refusal::new("code_missing", "fejl"))?;
    let login = auth
        .relying_party
        .finish(code, pending, now)
        .await
        .map_err(|error| {
            tracing::warn!(error = ?error, "ID token or code refused");
            Refusal::new(error.reason_code(), "fejl")
        })?;

    let cpr = match auth.cpr_claim.find(&login.claims) {
        Ok(Some(cpr)) => Some(cpr),
        Ok(None) => {
            let user_info = auth
                .relying_party
                .user_info(&login)
                .await
                .map_err(|error| {
                    tracing::warn!(error = ?error, "userinfo refused");
                    Refusal::new(error.reason_code(), "fejl")
                })?;
            auth.cpr_claim
                .find(&user_info)
                .map_err(|_| Refusal::new("cpr_malformed", "cpr"))?
        }
        Err(_) => return Err(Refusal::new("cpr_malformed", "cpr")),
    };
    let cpr = cpr.ok_or(Refusal::new("cpr_missing", "cpr"))?;
    let subject_key = SubjectKey::derive(&auth.pepper, &cpr);

    let assurance = login.acr.as_deref().and_then(Assurance::from_acr);
    if assurance.is_none_or(|level| level < auth.min_assurance) {
        return Err(Refusal {
            reason: "assurance_too_low",
            citizen_code: "sikringsniveau",
            subject_key: Some(subject_key),
        });
    }
    let name = login.name.unwrap_or_else(|| "Borger".to_owned());
    let user = SignedIn {
        who: SignedInAs::Citizen {
            subject_key: hex::encode(subject_key.as_bytes()),
            name,
        },
        signed_in_at: now,
        id_token: login.id_token,
    };
    Ok((user, subject_key))
}

async fn sign_out(Extension(auth): Extension<Arc<CitizenAuth>>, session: Session) -> Response {
    let user: Option<SignedIn> = session.get(USER_KEY).await.ok().flatten();
    if let Err(error) = session.flush().await {
        tracing::error!(error = ?error, "cannot end the session");
    }
    let after = auth.public_url.clone();
    if let Some(user) = user {
        if let Some(url) = auth
            .relying_party
            .end_session_url(&user.id_token, &after)
            .await
        {
            return Redirect::to(url.as_str()).into_response();
        }
    }
    Redirect::to("/").into_response()
}
