//! Shared helpers: a test configuration, the router over a test database, and
//! one-shot requests.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use sqlx::PgPool;
use tower::ServiceExt;

use server::config::Config;

/// A valid configuration for the fictitious test municipality.
pub fn test_config() -> Config {
    Config::from_figment(
        Config::defaults()
            .merge(("database_url", "postgres://unused@127.0.0.1/unused"))
            .merge(("municipality_name", "Testkommune"))
            .merge(("municipality_url", "https://www.test.dk"))
            .merge(("contact_email", "kontakt@test.dk"))
            .merge(("dpo_email", "dpo@test.dk")),
    )
    .expect("the test configuration is valid")
}

/// The complete router over `pool`.
pub fn router(pool: PgPool) -> Router {
    server::http::router(server::app_state(&test_config(), pool))
}

/// What a request returned.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

/// Sends one GET request through `router`.
pub async fn get(router: &Router, path: &str) -> Reply {
    send(
        router,
        Request::get(path)
            .body(Body::empty())
            .expect("valid request"),
    )
    .await
}

/// Sends `request` through `router` and collects the reply.
pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("the body can be read")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}
