//! Cross-site request refusal: a form post, a server function, a sign-out
//! or any other unsafe method is carried out only when the browser says it
//! comes from the portal's own pages: `Origin` is the portal's origin, or,
//! when a browser sends no `Origin`, `Sec-Fetch-Site` is `same-origin` (or
//! `none`, typed by the user). Anything else is refused with 403 and
//! registered for the DPO; it does not count towards a block, since a
//! foreign page can make a victim's browser send it. The ingestion API
//! authenticates with a bearer key, not a cookie, and is not checked here.
//!
//! No link from another site makes the portal write either: a request
//! opened from one (`/sagsbehandling/<id>`, its files) is not opened, which
//! would log a look-up of the citizen, but sent to a page that asks the
//! caseworker to open it (`/sagsbehandling/<id>/aabn`).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use sqlx::PgPool;

use app::caller::Caller;

use super::client_addr::ClientAddr;
use crate::auth::lockout::{Identity, LockoutPolicy};
use crate::auth::register_rejection;
use crate::auth::rejections::{Rejection, RejectionReason};
use crate::clock;

/// What the check needs.
#[derive(Clone)]
pub struct SameOrigin {
    /// `scheme://host[:port]` of `public_url`.
    pub origin: Arc<str>,
    pub pool: PgPool,
    pub lockout: LockoutPolicy,
}

impl SameOrigin {
    /// The origin of `public_url` as browsers write it in `Origin`.
    pub fn origin_of(public_url: &url::Url) -> String {
        public_url.origin().ascii_serialization()
    }
}

/// Whether a request with `headers` comes from a page of `origin`.
pub fn from_own_pages(origin: &str, headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    match header("origin") {
        Some(sent) => sent == origin,
        None => matches!(header("sec-fetch-site"), Some("same-origin" | "none")),
    }
}

/// Whether the browser says it came here from another site (a link or a
/// form on a page that is not the portal's). `none` (typed, a bookmark) and
/// no header at all (not a browser, or a very old one) are not.
pub fn arrived_from_another_site(headers: &HeaderMap) -> bool {
    matches!(
        headers
            .get("sec-fetch-site")
            .and_then(|value| value.to_str().ok()),
        Some("cross-site" | "same-site")
    )
}

/// The request a link from another site would open, for
/// `/sagsbehandling/<id>` and everything under it but the opening page
/// itself: opening a request is a logged look-up of a citizen, which only
/// the caseworker's own click on the portal may cause.
fn case_behind_foreign_link(path: &str) -> Option<i64> {
    let rest = path.strip_prefix("/sagsbehandling/")?;
    let (id, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let id = id.parse().ok()?;
    (tail != OPEN_CASE_SEGMENT).then_some(id)
}

/// The last part of `/sagsbehandling/<id>/aabn`, the page asking to open a
/// request reached from another site.
const OPEN_CASE_SEGMENT: &str = "aabn";

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The middleware; runs after the session middleware attached the caller.
pub async fn refuse_cross_site(
    State(check): State<SameOrigin>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe(request.method()) {
        if arrived_from_another_site(request.headers()) {
            if let Some(id) = case_behind_foreign_link(request.uri().path()) {
                return Redirect::to(&format!("/sagsbehandling/{id}/{OPEN_CASE_SEGMENT}"))
                    .into_response();
            }
        }
        return next.run(request).await;
    }
    if from_own_pages(&check.origin, request.headers()) {
        return next.run(request).await;
    }
    let identity = request
        .extensions()
        .get::<Caller>()
        .map_or(Identity::Unknown, Identity::of);
    if let Some(ClientAddr(client)) = request.extensions().get::<ClientAddr>().copied() {
        let rejection = Rejection {
            at: clock::now(),
            source_ip: client,
            identity: &identity,
            reason: RejectionReason::CrossSiteRequest,
            path: request.uri().path(),
            source_system: None,
        };
        register_rejection(&check.pool, &check.lockout, &rejection).await;
    }
    (
        StatusCode::FORBIDDEN,
        app::i18n::task_lang().text("refused-cross-site"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn links_from_other_sites_to_a_request_stop_at_the_opening_page() {
        for (path, held) in [
            ("/sagsbehandling/12", Some(12)),
            ("/sagsbehandling/12/bilag/3", Some(12)),
            ("/sagsbehandling/12/aabn", None),
            ("/sagsbehandling", None),
            ("/sagsbehandling/registrer", None),
            ("/min-log", None),
        ] {
            assert_eq!(case_behind_foreign_link(path), held, "{path}");
        }
        assert!(arrived_from_another_site(&headers(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(arrived_from_another_site(&headers(&[(
            "sec-fetch-site",
            "same-site"
        )])));
        for own in ["same-origin", "none"] {
            assert!(!arrived_from_another_site(&headers(&[(
                "sec-fetch-site",
                own
            )])));
        }
        assert!(!arrived_from_another_site(&HeaderMap::new()));
    }

    #[test]
    fn only_the_portals_own_pages_may_post() {
        let origin = "https://indblik.kommune.dk";
        assert!(from_own_pages(origin, &headers(&[("origin", origin)])));
        assert!(from_own_pages(
            origin,
            &headers(&[("sec-fetch-site", "same-origin")])
        ));
        for refused in [
            headers(&[("origin", "https://evil.example")]),
            headers(&[("origin", "https://indblik.kommune.dk.evil.example")]),
            headers(&[("origin", "null")]),
            headers(&[
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "same-origin"),
            ]),
            headers(&[("sec-fetch-site", "cross-site")]),
            headers(&[("sec-fetch-site", "same-site")]),
            HeaderMap::new(),
        ] {
            assert!(!from_own_pages(origin, &refused), "{refused:?}");
        }
        let url = url::Url::parse("http://127.0.0.1:3000/").unwrap();
        assert_eq!(SameOrigin::origin_of(&url), "http://127.0.0.1:3000");
    }
}
