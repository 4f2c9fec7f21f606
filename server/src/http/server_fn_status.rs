//! The status of a server function's refusal. Leptos answers every error of
//! a server function with 500; this middleware reads the [`AppError`] in
//! such an answer and gives it its own status (401 not signed in, 403
//! forbidden, 404 not found, 409 refused), so a refusal is never reported,
//! counted or alarmed on as a failure of the portal. Arguments the server
//! cannot read are the caller's fault: 400.

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use http_body_util::BodyExt;

use app::error::AppError;

/// Where the server functions are served (`#[server(endpoint = …)]` under
/// Leptos's default prefix); the ingestion API under `/api/v1` is not one.
fn is_server_function(path: &str) -> bool {
    path.starts_with("/api/") && !path.starts_with("/api/v1/")
}

/// The largest error answer read (an `AppError` is a few hundred bytes).
const MAX_ERROR_BYTES: usize = 64 * 1024;

/// The middleware.
pub async fn refusals_keep_their_status(request: Request, next: Next) -> Response {
    let server_function = is_server_function(request.uri().path());
    let response = next.run(request).await;
    if !server_function || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match http_body_util::Limited::new(body, MAX_ERROR_BYTES)
        .collect()
        .await
    {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Response::from_parts(parts, Body::empty()),
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = match error {
            AppError::Unreachable => StatusCode::BAD_REQUEST,
            other => other.status(),
        };
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::is_server_function;

    #[test]
    fn only_server_functions_are_rewritten() {
        assert!(is_server_function("/api/casework/case"));
        assert!(!is_server_function("/api/v1/access-events"));
        assert!(!is_server_function("/sagsbehandling"));
    }
}
