//! Faults under a running portal, and what must hold through them
//! (`docs/reliability.md`):
//!
//! - `connections_cut`: every connection to PostgreSQL cut by a TCP proxy;
//! - `postgres_killed`: PostgreSQL itself killed (`kill -9`) and started
//!   again, on a server of the test's own;
//! - `disk_full`: the database's disk full;
//! - `import_killed`: `server import` killed halfway.
//!
//! The first two strike while API batches and citizens' requests are on
//! their way, through [`send_through`], and check the same promises with
//! [`nothing_lost_nothing_half`].

mod connections_cut;
mod disk_full;
mod import_killed;
mod own_postgres;
mod postgres_killed;

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;

use server::access_log::partitions;
use server::{clock, demo_data};

use crate::support::{get_with_cookie, post_form, send, Reply};

/// Batches sent, and requests filed, through a fault.
const BATCHES: usize = 8;
/// Events in each batch.
const EVENTS: usize = 2_000;

/// Whether the test runs as root: PostgreSQL must then run as another
/// user, and a small disk can be mounted.
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").unwrap().uid() == 0
}

/// Gets a database ready for the fault tests: the demo units, the access
/// log's partitions, and an API key of the source system `esdh`, returned.
async fn prepare(pool: &PgPool) -> String {
    demo_data::load(pool).await.unwrap();
    partitions::ensure(pool, &partitions::months_to_keep_ready(clock::now(), 6))
        .await
        .unwrap();
    server::access_log::api_keys::create(pool, "esdh", "faults", clock::now())
        .await
        .unwrap()
        .secret
}

/// Posts batch `batch` of `events` events with the source system's `key`.
async fn post_batch(app: &axum::Router, key: &str, batch: usize, events: usize) -> Reply {
    send(
        app,
        Request::post(server::access_log::api::EVENTS_PATH)
            .header(header::AUTHORIZATION, format!("Bearer {key}"))
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .body(Body::from(batch_of(batch, events)))
            .unwrap(),
    )
    .await
}

/// Events of batch `batch` with ids `b<batch>-<n>`, yesterday.
fn batch_of(batch: usize, events: usize) -> String {
    let time = (clock::now() - chrono::Duration::days(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    (0..events)
        .map(|n| {
            format!(
                "{{\"id\":\"b{batch}-{n}\",\"time\":\"{time}\",\"actor\":\"m{n}\",\"unit\":\"JC\",\"use\":\"read\",\"cpr\":\"0101901234\",\"purpose\":\"beskaeftigelse\"}}\n"
            )
        })
        .collect()
}

/// Something that takes the database away, and puts it back. Both block
/// (they may run programs) and run on a blocking thread.
trait Fault: Send + Sync + 'static {
    /// The database goes away: connections end and new ones are refused.
    fn strike(&self);
    /// The database is back and answers; returns when it does.
    fn repair(&self);
}

/// Runs `work` on `fault` on a blocking thread.
async fn blocking<F: Fault>(fault: &Arc<F>, work: fn(&F)) {
    let fault = Arc::clone(fault);
    tokio::task::spawn_blocking(move || work(&fault))
        .await
        .unwrap();
}

/// What the portal acknowledged while faults struck.
struct Sent {
    /// Per batch: answered 200.
    acknowledged: Vec<bool>,
    /// What the requests that were answered with their receipt were about.
    filed: Vec<String>,
    /// How many requests were sent.
    requests: usize,
}

/// Sends [`BATCHES`] batches with `key`, then files rounds of as many
/// requests as the citizen of `cookie`, until a fault struck one. During every other one, `fault` strikes 0 to
/// 45 ms after it was sent (a request: 0 to 9 ms) and is repaired once it
/// was answered. While the database is away the first time, her page
/// answers 503 with the DKFDS page; after each repair, it answers 200
/// again, without a restart.
async fn send_through<F: Fault>(
    app: &axum::Router,
    key: &str,
    cookie: &str,
    fault: Arc<F>,
) -> Sent {
    let strike_after = |delay: u64| {
        let fault = Arc::clone(&fault);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(delay)).await;
            blocking(&fault, F::strike).await;
        })
    };
    let mut checked_away = false;
    // Every other one, after `delay` ms.
    let mut through_fault = |n: usize, delay: u64| {
        let strike = (n % 2 == 1).then(|| strike_after(delay));
        let fault = Arc::clone(&fault);
        // The first strike is checked while it lasts.
        let first = strike.is_some() && !std::mem::replace(&mut checked_away, true);
        async move {
            let Some(strike) = strike else { return };
            strike.await.unwrap();
            if first {
                let away = get_with_cookie(app, "/min-log", cookie).await;
                assert_eq!(
                    away.status,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "{}",
                    away.body
                );
                assert!(
                    away.body.contains("Indblik er ikke tilgængelig lige nu"),
                    "{}",
                    away.body
                );
            }
            blocking(&fault, F::repair).await;
            let back = get_with_cookie(app, "/min-log", cookie).await;
            assert_eq!(back.status, StatusCode::OK, "{}", back.body);
        }
    };

    let mut acknowledged = Vec::new();
    for n in 0..BATCHES {
        let fault = through_fault(n, (n as u64 * 7) % 46);
        let reply = post_batch(app, key, n, EVENTS).await;
        fault.await;
        assert!(
            reply.status == StatusCode::OK || reply.status == StatusCode::SERVICE_UNAVAILABLE,
            "batch {n}: {} {}",
            reply.status,
            reply.body
        );
        acknowledged.push(reply.status == StatusCode::OK);
    }
    // A request takes a few milliseconds, and a fault a few to strike (a
    // killed server: a program started to send the signal), so a round
    // may see every struck request answered first. Rounds go on until a
    // fault struck one on its way (at most 5).
    let (mut filed, mut requests) = (Vec::new(), 0);
    for round in 0..5 {
        for n in 0..BATCHES {
            let fault = through_fault(n, (n as u64 * 7) % 46 / 5);
            let about = format!("Henvendelse {round}-{n}");
            let reply = post_form(
                app,
                "/henvendelser/ny/indsigt",
                cookie,
                &[("about", about.as_str())],
            )
            .await;
            fault.await;
            assert!(
                reply.status == StatusCode::SEE_OTHER
                    || reply.status == StatusCode::SERVICE_UNAVAILABLE,
                "request {round}-{n}: {} {}",
                reply.status,
                reply.body
            );
            requests += 1;
            if reply.status == StatusCode::SEE_OTHER {
                filed.push(about);
            }
        }
        if filed.len() < requests {
            break;
        }
    }
    Sent {
        acknowledged,
        filed,
        requests,
    }
}

/// The promises through faults, counted on the test's own connection
/// `pool`: each batch whole or not at all, and whole when it was
/// acknowledged; after the source system sends again what was not
/// acknowledged, each event stored exactly once and counted once in the
/// summary; every acknowledged request exists, and every request that
/// exists is whole (received, with its receipt in the history).
async fn nothing_lost_nothing_half(app: &axum::Router, key: &str, pool: &PgPool, sent: &Sent) {
    let mut stored = Vec::new();
    for (n, acknowledged) in sent.acknowledged.iter().enumerate() {
        let count: i64 =
            sqlx::query_scalar("SELECT count(*) FROM access_events WHERE source_event_id LIKE $1")
                .bind(format!("b{n}-%"))
                .fetch_one(pool)
                .await
                .unwrap();
        assert!(
            count == 0 || count == EVENTS as i64,
            "batch {n}: {count} of {EVENTS}"
        );
        if *acknowledged {
            assert_eq!(count, EVENTS as i64, "acknowledged batch {n}");
        }
        stored.push(count);
    }
    assert!(
        sent.acknowledged.iter().filter(|ok| **ok).count() >= BATCHES / 2,
        "the batches sent while the database was there: {:?}",
        sent.acknowledged
    );
    assert!(
        sent.acknowledged.iter().any(|ok| !ok),
        "a fault struck while a batch was on its way: {:?} {stored:?}",
        sent.acknowledged
    );
    for n in (0..BATCHES).filter(|n| !sent.acknowledged[*n]) {
        let again = post_batch(app, key, n, EVENTS).await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    }
    let (events, distinct): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT source_event_id) FROM access_events
         WHERE source_event_id LIKE 'b%-%'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(
        (events, distinct),
        ((BATCHES * EVENTS) as i64, (BATCHES * EVENTS) as i64)
    );
    let counted: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(events), 0)::bigint FROM access_summary s
         JOIN source_systems y ON y.id = s.source_system_id WHERE y.code = 'esdh'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(
        counted,
        (BATCHES * EVENTS) as i64,
        "the summary counts each once"
    );

    let requests: Vec<(String, i64)> = sqlx::query_as(
        "SELECT r.about, (SELECT count(*) FROM data_request_events e
                          WHERE e.request_id = r.id AND e.action = 'received')
         FROM data_requests r WHERE r.about LIKE 'Henvendelse %'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for about in &sent.filed {
        assert!(
            requests.iter().any(|(stored, _)| stored == about),
            "{about} was acknowledged"
        );
    }
    assert!(
        requests.iter().all(|(_, received)| *received == 1),
        "{requests:?}"
    );
    assert!(
        (sent.requests / 2..sent.requests).contains(&sent.filed.len()),
        "the requests filed while the database was there, and a fault struck while one was on its way: {:?}",
        sent.filed
    );
}
