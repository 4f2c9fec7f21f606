//! Prometheus metrics, for the operator who watches Indblik: served at
//! `/metrics` on an address of their own (setting `metrics_listen_addr`, off
//! by default), never on the portal's public one.
//!
//! Counts and latencies are recorded where things happen, through the
//! `metrics` facade: HTTP requests by route pattern (never the raw path, which
//! would hold request numbers), ingested batches and events, background job
//! runs and errors, mail sent and failed. Until [`install`] has run they cost
//! nothing and go nowhere. What the database holds (open and overdue
//! requests, the mail outbox, blocks, the connection pool) is read when
//! Prometheus scrapes, so it is never stale and nothing keeps it in step.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sqlx::PgPool;

use crate::clock;

/// The upper bounds, in seconds, of the latency histograms' buckets.
const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Installs the process's recorder (once; later calls return the same) and
/// returns the handle that renders what it recorded.
pub fn install() -> anyhow::Result<PrometheusHandle> {
    // One initialiser even when two callers race (the tests run in
    // parallel in one process).
    static HANDLE: OnceLock<Result<PrometheusHandle, String>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY_BUCKETS)
                .map_err(|error| error.to_string())?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder)
                .map_err(|_| "another metrics recorder was installed first".to_owned())?;
            describe();
            Ok(handle)
        })
        .clone()
        .map_err(anyhow::Error::msg)
}

/// The help texts Prometheus shows beside each metric.
fn describe() {
    describe_counter!(
        "indblik_http_requests_total",
        "HTTP requests answered, by method, route pattern and status."
    );
    describe_histogram!(
        "indblik_http_request_duration_seconds",
        "Time to answer an HTTP request, by method and route pattern."
    );
    describe_counter!(
        "indblik_ingest_batches_total",
        "Batches sent to the ingestion API, by outcome (stored, refused, unauthorised, failed)."
    );
    describe_histogram!(
        "indblik_ingest_batch_duration_seconds",
        "Time to take a batch at the ingestion API, by outcome."
    );
    describe_counter!(
        "indblik_ingest_events_total",
        "Events in stored batches: received, and stored (not sent before)."
    );
    describe_counter!("indblik_job_runs_total", "Rounds of a background job.");
    describe_counter!(
        "indblik_job_errors_total",
        "Errors met by a background job (each step of a round that failed, logged where it happened)."
    );
    describe_counter!(
        "indblik_mail_sent_total",
        "E-mails handed to the SMTP server."
    );
    describe_counter!(
        "indblik_mail_failures_total",
        "Attempts to send an e-mail that failed (it stays in the outbox)."
    );
    describe_gauge!("indblik_requests_open", "Data-subject requests open now.");
    describe_gauge!(
        "indblik_requests_overdue",
        "Open requests past their deadline in force."
    );
    describe_gauge!("indblik_mail_outbox_waiting", "E-mails not yet sent.");
    describe_gauge!(
        "indblik_mail_outbox_failing",
        "E-mails not yet sent whose last attempt failed."
    );
    describe_gauge!(
        "indblik_access_blocks_active",
        "Addresses and people blocked after refused attempts, now."
    );
    describe_gauge!(
        "indblik_db_pool_connections",
        "Database connections of the server's pool, by state (idle, in_use)."
    );
    describe_gauge!(
        "indblik_db_pool_max_connections",
        "The pool's upper bound of connections."
    );
    describe_gauge!(
        "indblik_imports_running",
        "Imports (server import) that are reading their file now."
    );
    describe_gauge!(
        "indblik_imports_interrupted",
        "Imports that never finished and have not moved for 5 minutes (killed, say); run them again."
    );
    describe_gauge!(
        "indblik_import_bytes_read",
        "Bytes of their files the running imports have read."
    );
    describe_gauge!(
        "indblik_import_bytes_total",
        "Bytes of the files the running imports read."
    );
    describe_gauge!(
        "indblik_import_events_read",
        "Valid events the running imports have read so far."
    );
    describe_gauge!(
        "indblik_database_up",
        "1 when the database answered the scrape's queries, else 0."
    );
    describe_gauge!(
        "indblik_database_disk_full",
        "1 when the database answers but cannot store anything: its disk is full."
    );
}

/// The metrics server's router: `GET /metrics` in Prometheus's text format.
pub fn router(handle: PrometheusHandle, pool: PgPool) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(Scrape { handle, pool })
}

#[derive(Clone)]
struct Scrape {
    handle: PrometheusHandle,
    pool: PgPool,
}

async fn scrape(State(scrape): State<Scrape>) -> Response {
    read_database(&scrape.pool, clock::now()).await;
    scrape.handle.run_upkeep();
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        scrape.handle.render(),
    )
        .into_response()
}

/// Sets the gauges of what the database holds at `now`; a database that
/// does not answer leaves them as they were and sets `indblik_database_up`
/// to 0.
async fn read_database(pool: &PgPool, now: DateTime<Utc>) {
    let idle = pool.num_idle();
    let size = usize::try_from(pool.size()).unwrap_or(usize::MAX);
    gauge!("indblik_db_pool_connections", "state" => "idle").set(idle as f64);
    gauge!("indblik_db_pool_connections", "state" => "in_use")
        .set(size.saturating_sub(idle) as f64);
    gauge!("indblik_db_pool_max_connections").set(f64::from(pool.options().get_max_connections()));
    let read = async {
        let today = app::access_log::coverage::local_date(now);
        let requests = app::requests::overview::open_and_overdue(pool, today).await?;
        let state = sqlx::query!(
            r#"SELECT
                 (SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL) AS "waiting!",
                 (SELECT count(*) FROM mail_outbox
                   WHERE sent_at IS NULL AND last_error IS NOT NULL) AS "failing!",
                 (SELECT count(*) FROM access_blocks
                   WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $1)) AS "blocks!",
                 imports.running AS "imports_running!",
                 imports.interrupted AS "imports_interrupted!",
                 imports.bytes_read AS "import_bytes_read!",
                 imports.bytes_total AS "import_bytes_total!",
                 imports.events_read AS "import_events_read!"
               FROM (
                 -- Unfinished imports: running while they moved in the last
                 -- 5 minutes, else interrupted.
                 SELECT count(*) FILTER (WHERE moving) AS running,
                        count(*) FILTER (WHERE NOT moving) AS interrupted,
                        coalesce(sum(bytes_read) FILTER (WHERE moving), 0)::bigint AS bytes_read,
                        coalesce(sum(bytes_total) FILTER (WHERE moving), 0)::bigint AS bytes_total,
                        coalesce(sum(events_read) FILTER (WHERE moving), 0)::bigint AS events_read
                 FROM (SELECT bytes_read, bytes_total, events_read,
                              updated_at > $1::timestamptz - interval '5 minutes' AS moving
                       FROM import_runs WHERE finished_at IS NULL) AS unfinished
               ) AS imports"#,
            now
        )
        .fetch_one(pool)
        .await?;
        Ok::<_, sqlx::Error>((requests, state))
    };
    match tokio::time::timeout(std::time::Duration::from_secs(5), read).await {
        Ok(Ok(((open, overdue), state))) => {
            gauge!("indblik_requests_open").set(open as f64);
            gauge!("indblik_requests_overdue").set(overdue as f64);
            gauge!("indblik_mail_outbox_waiting").set(state.waiting as f64);
            gauge!("indblik_mail_outbox_failing").set(state.failing as f64);
            gauge!("indblik_access_blocks_active").set(state.blocks as f64);
            gauge!("indblik_imports_running").set(state.imports_running as f64);
            gauge!("indblik_imports_interrupted").set(state.imports_interrupted as f64);
            gauge!("indblik_import_bytes_read").set(state.import_bytes_read as f64);
            gauge!("indblik_import_bytes_total").set(state.import_bytes_total as f64);
            gauge!("indblik_import_events_read").set(state.import_events_read as f64);
            gauge!("indblik_database_up").set(1.0);
            let disk_full =
                crate::db::trouble_storing(pool).await == Some(crate::db::Trouble::DiskFull);
            gauge!("indblik_database_disk_full").set(if disk_full { 1.0 } else { 0.0 });
        }
        Ok(Err(error)) => {
            tracing::warn!(error = %error, "metrics: the database did not answer");
            gauge!("indblik_database_up").set(0.0);
        }
        Err(_) => {
            tracing::warn!("metrics: the database did not answer within 5 s");
            gauge!("indblik_database_up").set(0.0);
        }
    }
}

/// Middleware: counts each request and its latency by method, route pattern
/// and status. A path no route matched counts as `unmatched`.
pub async fn track_requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    counter!("indblik_http_requests_total", "method" => method, "route" => route.clone(), "status" => status)
        .increment(1);
    histogram!("indblik_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed());
    response
}

/// The method as a label: the standard ones by name, others as `other` (a
/// made-up method must not make a series of its own).
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// A batch at the ingestion API: its outcome from the answer's status, and
/// how long it took.
pub fn ingested_batch(status: StatusCode, started: Instant) {
    let outcome = match status.as_u16() {
        200 => "stored",
        401 | 403 => "unauthorised",
        400 | 413 | 415 | 422 => "refused",
        _ => "failed",
    };
    counter!("indblik_ingest_batches_total", "outcome" => outcome).increment(1);
    histogram!("indblik_ingest_batch_duration_seconds", "outcome" => outcome)
        .record(started.elapsed());
}

/// The events of a stored batch: how many came, and how many were new.
pub fn ingested_events(received: usize, stored: u64) {
    counter!("indblik_ingest_events_total", "outcome" => "received")
        .increment(u64::try_from(received).unwrap_or(u64::MAX));
    counter!("indblik_ingest_events_total", "outcome" => "stored").increment(stored);
}

/// A background job's round began.
pub fn job_ran(job: &'static str) {
    counter!("indblik_job_runs_total", "job" => job).increment(1);
}

/// A step of a background job's round failed (logged where it happened);
/// a round of several steps can count more than once.
pub fn job_failed(job: &'static str) {
    counter!("indblik_job_errors_total", "job" => job).increment(1);
}

/// A round of the mail job: sent and failed deliveries.
pub fn mail_delivered(sent: usize, failed: usize) {
    counter!("indblik_mail_sent_total").increment(sent as u64);
    counter!("indblik_mail_failures_total").increment(failed as u64);
}
