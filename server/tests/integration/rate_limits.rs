//! Rate limits on what needs no sign-in: past the allowance a client
//! address gets 429 with `Retry-After`, and other addresses are not touched.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;

use server::config::Config;

use crate::support::{send, test_figment, via_proxy, Reply, PUBLIC_URL};

/// The router trusting the test peer and 10.0.0.1 as proxies, with every
/// limit at `allowance` per minute.
fn limited_router(pool: PgPool, allowance: u32) -> axum::Router {
    let config = Config::from_figment(
        test_figment()
            .merge(("trusted_proxies", "192.0.2.10, 10.0.0.1"))
            .merge(("rate_limit_sign_in_per_minute", allowance))
            .merge(("rate_limit_forms_per_minute", allowance))
            .merge(("rate_limit_ingest_per_minute", allowance)),
    )
    .unwrap();
    crate::support::router_with(&config, pool)
}

fn assert_refused(reply: &Reply) {
    assert_eq!(
        reply.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        reply.body
    );
    let wait: u64 = reply.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn sign_in_starts_past_the_allowance_are_refused_for_that_address_only(pool: PgPool) {
    let app = limited_router(pool, 3);
    for _ in 0..3 {
        let reply = via_proxy(&app, "/log-ind", "203.0.113.5", None).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let refused = via_proxy(&app, "/log-ind", "203.0.113.5", None).await;
    assert_refused(&refused);
    assert!(refused.body.contains("Prøv igen om"), "{}", refused.body);
    // The callback and the staff sign-in share the allowance.
    assert_refused(&via_proxy(&app, "/auth/callback?code=x&state=y", "203.0.113.5", None).await);
    assert_refused(&via_proxy(&app, "/medarbejder/log-ind", "203.0.113.5", None).await);
    // Another citizen behind the same proxy is not held back.
    let other = via_proxy(&app, "/log-ind", "198.51.100.7", None).await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
    // Pages are not sign-in requests.
    let page = via_proxy(&app, "/", "203.0.113.5", None).await;
    assert_eq!(page.status, StatusCode::OK);
}

/// A form post forwarded for `client`, from the portal's own page.
fn form_post(client: &str) -> Request<Body> {
    Request::post("/log-ud")
        .header("x-forwarded-for", format!("{client}, 10.0.0.1"))
        .header(header::ORIGIN, PUBLIC_URL)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn form_posts_past_the_allowance_are_refused_but_pages_are_not(pool: PgPool) {
    let app = limited_router(pool, 4);
    // Sign-out counts as a sign-in request too: two of its allowance.
    for _ in 0..2 {
        let reply = send(&app, form_post("203.0.113.5")).await;
        assert_ne!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    }
    // Server functions are posts.
    for _ in 0..2 {
        let request = Request::post("/api/fn/does_not_exist")
            .header("x-forwarded-for", "203.0.113.5, 10.0.0.1")
            .header(header::ORIGIN, PUBLIC_URL)
            .body(Body::empty())
            .unwrap();
        assert_ne!(
            send(&app, request).await.status,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_refused(&send(&app, form_post("203.0.113.5")).await);
    for _ in 0..6 {
        let page = via_proxy(&app, "/om-portalen", "203.0.113.5", None).await;
        assert_ne!(page.status, StatusCode::TOO_MANY_REQUESTS);
    }
    assert_ne!(
        send(&app, form_post("198.51.100.7")).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn ingestion_past_the_allowance_is_refused_as_json(pool: PgPool) {
    let app = limited_router(pool, 2);
    let ingest = |client: &str| {
        Request::post(server::access_log::api::EVENTS_PATH)
            .header("x-forwarded-for", format!("{client}, 10.0.0.1"))
            .header(header::AUTHORIZATION, "Bearer not-a-key")
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .body(Body::from("{}\n"))
            .unwrap()
    };
    for _ in 0..2 {
        assert_eq!(
            send(&app, ingest("203.0.113.5")).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let refused = send(&app, ingest("203.0.113.5")).await;
    assert_refused(&refused);
    let body: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
    assert!(body["error"].as_str().unwrap().contains("Prøv igen"));
    assert_eq!(
        send(&app, ingest("198.51.100.7")).await.status,
        StatusCode::UNAUTHORIZED
    );
}
