//! Middleware on every request: a fresh request id (the reference users quote),
//! the tracing span that carries it, security headers, and the refusal of
//! paths that are not canonical.

use axum::extract::Request;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::Span;
use uuid::Uuid;

use app::error::REQUEST_ID_HEADER;

tokio::task_local! {
    /// The id of the request handled by the current task, for code that has
    /// no access to the request (the panic handler).
    pub static REQUEST_ID: String;
}

/// Gives every request a new id, replacing any id a client sent, and returns
/// it in the `x-request-id` response header.
pub async fn request_id(mut request: Request, next: Next) -> Response {
    let id = Uuid::new_v4().to_string();
    let header = HeaderName::from_static(REQUEST_ID_HEADER);
    let value = HeaderValue::try_from(id.as_str()).ok();
    if let Some(value) = &value {
        request.headers_mut().insert(header.clone(), value.clone());
    }
    let mut response = REQUEST_ID.scope(id, next.run(request)).await;
    if let Some(value) = value {
        response.headers_mut().insert(header, value);
    }
    response
}

/// The tracing span of one request: method, path (never the query string,
/// which may carry search terms) and request id.
pub fn request_span(request: &Request) -> Span {
    let request_id = request
        .headers()
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %request.method(),
        path = %request.uri().path(),
    )
}

/// Content security policy for responses that did not set their own. Pages
/// rendered by Leptos set a stricter one carrying the script nonce.
const DEFAULT_CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; \
                           base-uri 'none'; frame-ancestors 'none'";

/// Adds the security headers every response carries.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let defaults = [
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        (REFERRER_POLICY, "same-origin"),
        (CONTENT_SECURITY_POLICY, DEFAULT_CSP),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in defaults {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    response
}

/// Tells browsers to reach the portal over https only, for a year, when
/// `public_url` is https (`true` as the state).
pub async fn strict_transport(
    axum::extract::State(https): axum::extract::State<bool>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// Whether `path` (as received, still percent-encoded) is in the one form
/// the guard and the router both read the same way: no empty, `.` or `..`
/// segment, and no encoded dot, slash or backslash that a later decoding
/// could turn into one.
pub fn is_canonical_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    let lower = rest.to_ascii_lowercase();
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    !rest.contains('\\')
        && !["%2e", "%2f", "%5c"]
            .iter()
            .any(|encoded| lower.contains(encoded))
        && segments.iter().enumerate().all(|(index, segment)| {
            // Only the last segment may be empty (a trailing slash).
            !matches!(*segment, "." | "..") && (index == last || !segment.is_empty())
        })
}

/// The longest path (with its query) the portal sends anyone back to.
const MAX_RETURN_LENGTH: usize = 512;

/// Whether `text` is a path (and query) on this portal that it may send a
/// browser back to: canonical, not protocol-relative (`//host`), without a
/// fragment, a control character or a space, and not overlong. The return
/// after sign-in and the language switch both go back only to such a path.
pub fn is_local_page(text: &str) -> bool {
    let path = text.split('?').next().unwrap_or_default();
    text.len() <= MAX_RETURN_LENGTH
        && !text.chars().any(|c| c.is_control() || c.is_whitespace())
        && !text.contains('#')
        && !path.starts_with("//")
        && is_canonical_path(path)
}

/// Refuses a request whose path is not canonical ([`is_canonical_path`])
/// with 400, before anything routes or guards it.
pub async fn canonical_paths(request: Request, next: Next) -> Response {
    if is_canonical_path(request.uri().path()) {
        next.run(request).await
    } else {
        (
            axum::http::StatusCode::BAD_REQUEST,
            app::i18n::task_lang().text("refused-address"),
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_paths_pass() {
        for path in [
            "/",
            "/min-log",
            "/min-log/",
            "/sagsbehandling/12/svar",
            "/pkg/indblik.wasm",
            "/a%20b",
        ] {
            assert!(is_canonical_path(path), "{path}");
        }
        for path in [
            "",
            "//dpo",
            "/dpo//",
            "/sagsbehandling/../dpo",
            "/sagsbehandling/./12",
            "/..",
            "/%2e%2e/dpo",
            "/sagsbehandling/%2E%2E/dpo",
            "/dpo%2fhenvendelser.csv",
            "/dpo%5c",
            "/dpo\\x",
        ] {
            assert!(!is_canonical_path(path), "{path}");
        }
    }
}
