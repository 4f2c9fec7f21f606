//! The operator's metrics: Prometheus scrapes `/metrics` and finds the
//! portal's requests by route pattern (never a raw path), ingestion, job
//! rounds, and what the database holds, counted independently here.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{Duration, SecondsFormat};
use serde_json::json;
use sqlx::PgPool;

use server::access_log::{api_keys, partitions};
use server::{clock, demo_data, demo_requests, jobs};

use crate::support::{free_port, get, router, send, test_config, Reply};

/// The value of the series `series` (name and labels, as Prometheus writes
/// them) in a scrape, 0 when it is not there yet.
pub fn sample(scrape: &str, series: &str) -> f64 {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .map_or(0.0, |value| value.trim().parse().unwrap())
}

pub async fn scrape(metrics: &axum::Router) -> Reply {
    get(metrics, "/metrics").await
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_scrape_counts_requests_by_route_ingestion_jobs_and_what_the_database_holds(
    pool: PgPool,
) {
    let metrics = server::metrics::router(server::metrics::install().unwrap(), pool.clone());
    demo_data::load(&pool).await.unwrap();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(clock::now(), 6))
        .await
        .unwrap();
    // Requests received two months ago: the open ones are overdue now.
    let config = test_config();
    demo_requests::load(
        &pool,
        &config.request_settings(),
        clock::now() - Duration::days(60),
    )
    .await
    .unwrap();
    let before = scrape(&metrics).await.body;

    let app = router(pool.clone());
    assert_eq!(get(&app, "/om-portalen").await.status, StatusCode::OK);
    let page = get(&app, "/henvendelser/4711").await;
    assert!(page.status.is_redirection(), "{}", page.status);
    let key = api_keys::create(&pool, "social", "metrics", clock::now())
        .await
        .unwrap()
        .secret;
    let events: String = ["metrics-1", "metrics-2"]
        .iter()
        .map(|id| {
            let event = json!({
                "id": id,
                "time": (clock::now() - Duration::hours(1)).to_rfc3339_opts(SecondsFormat::Secs, false),
                "actor": "m12345",
                "unit": "BS",
                "use": "read",
                "cpr": "0101901234",
                "purpose": "flytning",
            });
            format!("{event}\n")
        })
        .collect();
    let batch = |key: String| {
        Request::post("/api/v1/access-events")
            .header(header::AUTHORIZATION, format!("Bearer {key}"))
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .body(Body::from(events.clone()))
            .unwrap()
    };
    assert_eq!(send(&app, batch(key.clone())).await.status, StatusCode::OK);
    let wrong = send(&app, batch(format!("{key}x"))).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    jobs::flag_round(&pool, config.deadline_calendar(), clock::now()).await;

    let reply = scrape(&metrics).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4"),
        "{:?}",
        reply.headers
    );
    let after = reply.body;
    let grew = |series: &str| sample(&after, series) - sample(&before, series);

    // Requests by route pattern; the request number is in no series.
    assert!(
        grew(r#"indblik_http_requests_total{method="GET",route="/om-portalen",status="200"}"#)
            >= 1.0,
        "{after}"
    );
    assert!(
        after.contains(r#"route="/henvendelser/{id}""#),
        "the pattern, not the path: {after}"
    );
    assert!(!after.contains("4711"), "a raw path in a label: {after}");
    assert!(
        after.contains(r#"indblik_http_request_duration_seconds_bucket{method="GET",route="/om-portalen",le="0.05"}"#),
        "latency as a histogram: {after}"
    );
    // Ingestion: one batch stored with two new events, one refused key.
    assert!(grew(r#"indblik_ingest_batches_total{outcome="stored"}"#) >= 1.0);
    assert!(grew(r#"indblik_ingest_batches_total{outcome="unauthorised"}"#) >= 1.0);
    assert!(grew(r#"indblik_ingest_events_total{outcome="stored"}"#) >= 2.0);
    assert!(grew(r#"indblik_job_runs_total{job="flags"}"#) >= 1.0);

    // What the database holds, counted here on our own.
    let (open, overdue): (i64, i64) = sqlx::query_as(
        "SELECT count(*),
                count(*) FILTER (WHERE CASE WHEN extended_at IS NOT NULL THEN extendable_to
                                            ELSE due_on END
                                       < (now() AT TIME ZONE 'Europe/Copenhagen')::date)
         FROM data_requests WHERE status IN ('received', 'in_progress', 'awaiting_citizen')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        open > 0 && overdue > 0,
        "the demo requests are open and late"
    );
    assert_eq!(sample(&after, "indblik_requests_open"), open as f64);
    assert_eq!(sample(&after, "indblik_requests_overdue"), overdue as f64);
    let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        sample(&after, "indblik_mail_outbox_waiting"),
        waiting as f64
    );
    assert_eq!(sample(&after, "indblik_database_up"), 1.0);
    assert!(sample(&after, "indblik_db_pool_max_connections") >= 1.0);
    assert_eq!(sample(&after, "indblik_imports_running"), 0.0);

    // Imports run in processes of their own and record their progress: an
    // import reading its file now, one that stopped moving an hour ago
    // (killed), and one that finished.
    sqlx::query(
        "INSERT INTO import_runs (source_system_id, file_name, bytes_total, bytes_read,
             events_read, started_at, updated_at, finished_at, outcome, events_stored)
         SELECT id, f, t, r, e, now() - interval '2 hours', u, fin, o, s
         FROM source_systems,
             (VALUES ('running.ndjson', 1000, 400, 4, now(), NULL::timestamptz, NULL, NULL::bigint),
                     ('killed.ndjson', 900, 300, 3, now() - interval '1 hour', NULL, NULL, NULL),
                     ('done.ndjson', 800, 800, 8, now() - interval '1 hour', now() - interval '1 hour', 'done', 8))
             AS runs (f, t, r, e, u, fin, o, s)
         WHERE code = 'esdh'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let body = scrape(&metrics).await.body;
    assert_eq!(sample(&body, "indblik_imports_running"), 1.0, "{body}");
    assert_eq!(sample(&body, "indblik_imports_interrupted"), 1.0);
    assert_eq!(sample(&body, "indblik_import_bytes_read"), 400.0);
    assert_eq!(sample(&body, "indblik_import_bytes_total"), 1000.0);
    assert_eq!(sample(&body, "indblik_import_events_read"), 4.0);
}

/// The address `GET` answers on, polled until the server is up (30 s).
async fn when_up(url: &str) -> reqwest::Response {
    for _ in 0..300 {
        if let Ok(response) = reqwest::get(url).await {
            return response;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{url} never answered");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_server_serves_metrics_on_their_own_address_only(pool: PgPool) {
    // The `server` binary itself, on this test's database.
    let url = crate::support::database_url_of(&pool);
    let (portal, metrics) = (free_port(), free_port());
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/development.toml");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["--config", config, "serve"])
        .env("INDBLIK_DATABASE_URL", url)
        .env("INDBLIK_LISTEN_ADDR", format!("127.0.0.1:{portal}"))
        .env(
            "INDBLIK_METRICS_LISTEN_ADDR",
            format!("127.0.0.1:{metrics}"),
        )
        .env("INDBLIK_LOG_FILTER", "warn")
        .kill_on_drop(true)
        .spawn()
        .unwrap();

    let scrape = when_up(&format!("http://127.0.0.1:{metrics}/metrics")).await;
    assert_eq!(scrape.status(), reqwest::StatusCode::OK);
    let body = scrape.text().await.unwrap();
    assert!(body.contains("indblik_database_up 1"), "{body}");
    assert!(body.contains("# HELP indblik_requests_open"), "{body}");
    // The portal's own address does not serve them.
    let public = when_up(&format!("http://127.0.0.1:{portal}/metrics")).await;
    assert_eq!(public.status(), reqwest::StatusCode::NOT_FOUND);
    let healthz = when_up(&format!("http://127.0.0.1:{portal}/healthz")).await;
    assert_eq!(healthz.status(), reqwest::StatusCode::OK);
    child.kill().await.unwrap();
}
