//! Rate limits on what can be reached without signing in: the sign-in
//! start, the callbacks and sign-out, every form post and server function,
//! and the ingestion API. Counted per client address (the one
//! [`ClientAddr`] worked out, so behind a trusted proxy each citizen has
//! their own count) with `tower_governor`'s token bucket: a burst of the
//! per-minute allowance, then one more request every `60 / allowance`
//! seconds. Past it the answer is 429 with `Retry-After`.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use super::client_addr::ClientAddr;

/// Requests per minute and client address each kind of endpoint allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// Sign-in start, callbacks and sign-out.
    pub sign_in_per_minute: u32,
    /// Form posts and server functions (POST).
    pub forms_per_minute: u32,
    /// Ingestion API requests.
    pub ingest_per_minute: u32,
}

/// How a refused request is answered: to a person, or to a machine.
#[derive(Clone, Copy, Debug)]
pub enum Audience {
    /// A short Danish sentence as plain text.
    Person,
    /// The ingestion API's JSON error object.
    Machine,
}

/// Which requests of the router count.
#[derive(Clone, Copy, Debug)]
pub enum Counted {
    /// Every request.
    All,
    /// Only POST requests (forms and server functions).
    Posts,
}

/// The rate-limiting key: the client's address.
#[derive(Clone, Copy, Debug)]
struct ClientKey;

impl KeyExtractor for ClientKey {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        request
            .extensions()
            .get::<ClientAddr>()
            .map(|ClientAddr(ip)| *ip)
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// `router` with at most `per_minute` requests per minute and client
/// address (of `counted`), the rest answered 429 for `audience`.
pub fn limit<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    per_minute: u32,
    counted: Counted,
    audience: Audience,
) -> Router<S> {
    let per_minute = per_minute.max(1);
    let mut builder = GovernorConfigBuilder::default().key_extractor(ClientKey);
    builder
        .period(Duration::from_secs(60) / per_minute)
        .burst_size(per_minute);
    if let Counted::Posts = counted {
        builder.methods(vec![Method::POST]);
    }
    // `finish` refuses only a zero period or burst, which `max(1)` rules out.
    let Some(config) = builder.finish() else {
        tracing::error!(
            per_minute,
            "cannot build a rate limit; requests are not limited"
        );
        return router;
    };
    let config = Arc::new(config);
    // Forget the counts of addresses that have been quiet, every minute,
    // for as long as the limiter exists.
    let weak = Arc::downgrade(&config);
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(config) = weak.upgrade() else { break };
                config.limiter().retain_recent();
            }
        });
    }
    router.layer(GovernorLayer::new(config).error_handler(move |error| refusal(error, audience)))
}

/// The answer to a request over the limit: 429 with `Retry-After`.
fn refusal(error: GovernorError, audience: Audience) -> Response {
    let GovernorError::TooManyRequests { wait_time, headers } = error else {
        tracing::error!(error = %error, "rate limiting failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let wait = i64::try_from(wait_time).unwrap_or(i64::MAX);
    let message = app::i18n::task_lang().text_with("refused-rate", &[("seconds", wait.into())]);
    let mut response = match audience {
        Audience::Person => (StatusCode::TOO_MANY_REQUESTS, message).into_response(),
        Audience::Machine => (
            StatusCode::TOO_MANY_REQUESTS,
            axum::Json(serde_json::json!({ "error": message })),
        )
            .into_response(),
    };
    if let Some(headers) = headers {
        response.headers_mut().extend(headers);
    }
    response
        .headers_mut()
        .entry(header::RETRY_AFTER)
        .or_insert_with(|| HeaderValue::from(wait_time));
    response
}
