//! Guarded pages: `/sagsbehandling` for caseworkers, `/dpo` for the DPO and
//! administrators, `/kontrol` for the control of the log (its raw log and
//! flags for the DPO and investigators, the rest for managers too), and the citizen's own pages (`/min-log`, `/henvendelser`,
//! `/v3/findUsage`) for signed-in citizens. Anonymous visitors are sent to
//! the right sign-in; anyone else gets 403 with the DKFDS error page, and the
//! attempt is registered as a rejected access (which counts towards a block,
//! unless the browser came from a link on another site).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use sqlx::PgPool;

use app::caller::{Caller, Role};
use app::error::AppError;

use super::lockout::Identity;
use super::rejections::{Rejection, RejectionReason};
use super::{register_rejection, Auth};
use crate::clock;
use crate::http::client_addr::ClientAddr;
use crate::http::error_page;

/// What the guard needs.
#[derive(Clone)]
pub struct GuardState {
    pub pool: PgPool,
    pub auth: Arc<Auth>,
    /// The frame of the refusal page.
    pub frame: crate::http::error_page::Frame,
}

/// Who may open pages under a guarded path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Signed-in citizens only (their own log, exports, requests).
    Citizen,
    /// Staff holding one of these roles.
    Staff(&'static [Role]),
}

/// Who may open `path`, if the path is guarded.
pub fn required_access(path: &str) -> Option<Access> {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    if under("/sagsbehandling/stikproever") {
        // Every staff member answers their own random samples.
        Some(Access::Staff(&Role::ALL))
    } else if under("/sagsbehandling") {
        // The DPO follows requests across units (read only; acting is for caseworkers).
        Some(Access::Staff(Role::CASE_READERS))
    } else if under("/dpo") {
        Some(Access::Staff(Role::OVERSEERS))
    } else if path == "/kontrol" {
        Some(Access::Staff(Role::CONTROLLERS))
    } else if under("/kontrol/stikproever") || under("/kontrol/autorisationer") {
        // A unit's people are reviewed by its manager and the DPO.
        Some(Access::Staff(Role::UNIT_REVIEWERS))
    } else if under("/kontrol/statistik") || path == "/kontrol/statistik.csv" {
        // Usage statistics: the DPO and investigators, managers their unit's.
        Some(Access::Staff(Role::CONTROLLERS))
    } else if under("/kontrol") || path == "/kontrol/log.csv" {
        // The raw log, its flags and the citizens' questions about it.
        Some(Access::Staff(Role::LOG_INSPECTORS))
    } else if under("/min-log") || under("/henvendelser") || under("/v3") {
        Some(Access::Citizen)
    } else {
        None
    }
}

/// An anonymous visitor of a guarded page goes to the sign-in, which
/// returns to the page (a GET only: a form posted without a session has
/// nothing to return to).
fn to_sign_in(access: Access, request: &Request) -> Response {
    let (start, citizen) = match access {
        Access::Citizen => ("/log-ind", true),
        Access::Staff(_) => ("/medarbejder/log-ind", false),
    };
    let asked_for = request
        .uri()
        .path_and_query()
        .map(|path| path.as_str())
        .filter(|_| request.method() == axum::http::Method::GET)
        .and_then(|path| super::return_path::ReturnPath::parse(path, citizen));
    let target = asked_for.map_or_else(|| start.to_owned(), |path| path.sign_in_at(start));
    Redirect::to(&target).into_response()
}

/// The middleware; runs after the session middleware attached the caller.
pub async fn guard_pages(
    State(guard): State<GuardState>,
    ClientAddr(client): ClientAddr,
    request: Request,
    next: Next,
) -> Response {
    let Some(access) = required_access(request.uri().path()) else {
        return next.run(request).await;
    };
    let caller = request
        .extensions()
        .get::<Caller>()
        .cloned()
        .unwrap_or_default();
    match (access, &caller) {
        (Access::Citizen, Caller::Citizen(_)) => return next.run(request).await,
        (Access::Staff(roles), Caller::Staff(member)) if member.has_any(roles) => {
            return next.run(request).await
        }
        (access, Caller::Anonymous) => return to_sign_in(access, &request),
        _ => {}
    }
    let identity = Identity::of(&caller);
    let rejection = Rejection {
        at: clock::now(),
        source_ip: client,
        identity: &identity,
        reason: if crate::http::same_origin::arrived_from_another_site(request.headers()) {
            RejectionReason::PageForbiddenCrossSite
        } else {
            RejectionReason::PageForbidden
        },
        path: request.uri().path(),
        source_system: None,
    };
    register_rejection(&guard.pool, &guard.auth.lockout, &rejection).await;
    let lang = request
        .extensions()
        .get::<app::i18n::Lang>()
        .copied()
        .unwrap_or_default();
    let page = error_page::page(
        &guard.frame,
        lang,
        "forbidden-title",
        AppError::Forbidden.text(lang),
    );
    (StatusCode::FORBIDDEN, Html(page)).into_response()
}
