//! Faults: the database going away under a running portal. The portal's
//! pool reaches PostgreSQL through a TCP proxy in the test, which can cut
//! every connection and refuse new ones, as a killed or unreachable
//! database server does, and let them through again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use server::access_log::partitions;
use server::{clock, demo_data};

use crate::support::{get, get_with_cookie, router_with, send, sign_in_at, test_config};

/// A TCP proxy to the test's PostgreSQL that can be cut and restored.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    connections: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Proxy {
    async fn to(host: String, port: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = Proxy {
            port: listener.local_addr().unwrap().port(),
            up: Arc::new(AtomicBool::new(true)),
            connections: Arc::default(),
        };
        let (up, connections) = (proxy.up.clone(), proxy.connections.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !up.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is closed at once
                }
                let upstream = format!("{host}:{port}");
                let connection = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                connections.lock().unwrap().push(connection);
            }
        });
        proxy
    }

    /// Cuts every connection and refuses new ones.
    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for connection in self.connections.lock().unwrap().drain(..) {
            connection.abort();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// A proxy to the database of `pool`, and a pool of the portal's that
/// reaches it through the proxy only.
async fn cuttable(pool: &PgPool) -> (Arc<Proxy>, PgPool) {
    let options = pool.connect_options();
    let proxy = Arc::new(Proxy::to(options.get_host().to_owned(), options.get_port()).await);
    let through_proxy = PgPoolOptions::new()
        .acquire_timeout(Duration::from_secs(2))
        .connect_with(options.as_ref().clone().port(proxy.port))
        .await
        .unwrap();
    (proxy, through_proxy)
}

/// Posts batch `batch` of `events` events with the source system's `key`.
async fn post_batch(
    app: &axum::Router,
    key: &str,
    batch: usize,
    events: usize,
) -> crate::support::Reply {
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

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn while_the_database_is_away_the_portal_says_so_and_comes_back_by_itself(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(clock::now(), 6))
        .await
        .unwrap();
    let (proxy, through_proxy) = cuttable(&pool).await;
    let app = router_with(&test_config(), through_proxy);
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    assert_eq!(
        get_with_cookie(&app, "/min-log", &anna).await.status,
        StatusCode::OK
    );

    proxy.cut();
    // A signed-in page: 503 with the DKFDS page and when to come back, not
    // a sign-in page as if Anna had been signed out.
    let away = get_with_cookie(&app, "/min-log", &anna).await;
    assert_eq!(
        away.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        away.body
    );
    assert_eq!(away.headers[header::RETRY_AFTER], "30");
    assert!(
        away.body.contains("Indblik er ikke tilgængelig lige nu")
            && away.body.contains(r#"<main id="main-content""#)
            && away.body.contains("dkfds.min.css"),
        "{}",
        away.body
    );
    // A page that needs no database still answers.
    assert_eq!(get(&app, "/om-portalen").await.status, StatusCode::OK);
    // A source system is told to send again later, in JSON.
    let batch = send(
        &app,
        Request::post(server::access_log::api::EVENTS_PATH)
            .header(header::AUTHORIZATION, "Bearer some-key")
            .header(header::CONTENT_TYPE, "application/x-ndjson")
            .body(Body::from("{}\n"))
            .unwrap(),
    )
    .await;
    assert_eq!(
        batch.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        batch.body
    );
    assert!(
        batch.body.contains(r#""error":"unavailable""#),
        "{}",
        batch.body
    );

    // Back, without a restart: the pool connects anew.
    proxy.restore();
    let back = get_with_cookie(&app, "/min-log", &anna).await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.body);
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

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_cut_during_batches_and_requests_loses_nothing_acknowledged_and_writes_nothing_half(
    pool: PgPool,
) {
    const BATCHES: usize = 12;
    const EVENTS: usize = 2_000;
    demo_data::load(&pool).await.unwrap();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(clock::now(), 6))
        .await
        .unwrap();
    let key = server::access_log::api_keys::create(&pool, "esdh", "faults", clock::now())
        .await
        .unwrap()
        .secret;
    let (proxy, through_proxy) = cuttable(&pool).await;
    let app = router_with(&test_config(), through_proxy);
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;

    // Every other batch and request, the database goes away while it is
    // on its way (after 0 to 45 ms), and comes back after it was answered.
    let cut_soon = |n: usize| {
        let proxy = proxy.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis((n as u64 * 7) % 46)).await;
            proxy.cut();
        })
    };
    let mut acknowledged = Vec::new();
    for n in 0..BATCHES {
        let cut = (n % 2 == 1).then(|| cut_soon(n));
        let reply = post_batch(&app, &key, n, EVENTS).await;
        if let Some(cut) = cut {
            cut.await.unwrap();
            proxy.restore();
        }
        assert!(
            reply.status == StatusCode::OK || reply.status == StatusCode::SERVICE_UNAVAILABLE,
            "batch {n}: {} {}",
            reply.status,
            reply.body
        );
        acknowledged.push(reply.status == StatusCode::OK);
    }
    let mut filed = Vec::new();
    for n in 0..BATCHES {
        let cut = (n % 2 == 1).then(|| cut_soon(n));
        let about = format!("Henvendelse {n}");
        let reply = crate::support::post_form(
            &app,
            "/henvendelser/ny/indsigt",
            &anna,
            &[("about", about.as_str())],
        )
        .await;
        if let Some(cut) = cut {
            cut.await.unwrap();
            proxy.restore();
        }
        assert!(
            reply.status == StatusCode::SEE_OTHER
                || reply.status == StatusCode::SERVICE_UNAVAILABLE,
            "request {n}: {} {}",
            reply.status,
            reply.body
        );
        if reply.status == StatusCode::SEE_OTHER {
            filed.push(about);
        }
    }

    // Counted on the test's own connection: each batch whole or not at
    // all, and whole when it was acknowledged.
    let mut stored = Vec::new();
    for (n, acknowledged) in acknowledged.iter().enumerate() {
        let count: i64 =
            sqlx::query_scalar("SELECT count(*) FROM access_events WHERE source_event_id LIKE $1")
                .bind(format!("b{n}-%"))
                .fetch_one(&pool)
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
        acknowledged.iter().filter(|ok| **ok).count() >= BATCHES / 2,
        "the batches sent while the database was there: {acknowledged:?}"
    );
    assert!(
        acknowledged.iter().any(|ok| !ok),
        "a cut landed while a batch was on its way: {acknowledged:?} {stored:?}"
    );
    // A source system sends again what was not acknowledged: each event
    // is then stored exactly once.
    for n in (0..BATCHES).filter(|n| !acknowledged[*n]) {
        let again = post_batch(&app, &key, n, EVENTS).await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    }
    let (events, distinct): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT source_event_id) FROM access_events
         WHERE source_event_id LIKE 'b%-%'",
    )
    .fetch_one(&pool)
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
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        counted,
        (BATCHES * EVENTS) as i64,
        "the summary counts each once"
    );

    // Every acknowledged request exists, and every request that exists is
    // whole: received, with its receipt in the history.
    let requests: Vec<(String, i64)> = sqlx::query_as(
        "SELECT r.about, (SELECT count(*) FROM data_request_events e
                          WHERE e.request_id = r.id AND e.action = 'received')
         FROM data_requests r WHERE r.about LIKE 'Henvendelse %'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for about in &filed {
        assert!(
            requests.iter().any(|(stored, _)| stored == about),
            "{about} was acknowledged"
        );
    }
    assert!(
        requests.iter().all(|(_, received)| *received == 1),
        "{requests:?}"
    );
    assert!(filed.len() >= BATCHES / 2, "{filed:?}");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_import_killed_halfway_stores_nothing_and_the_next_run_stores_every_event_once(
    pool: PgPool,
) {
    const EVENTS: usize = 150_000;
    demo_data::load(&pool).await.unwrap();
    let url = crate::support::database_url_of(&pool);
    let file = std::env::temp_dir().join(format!("indblik-killed-{}.ndjson", uuid::Uuid::new_v4()));
    std::fs::write(&file, batch_of(0, EVENTS)).unwrap();
    let import = || {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .args([
                "--config",
                concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/development.toml"),
                "import",
                "--system",
                "esdh",
            ])
            .arg(&file)
            .env("INDBLIK_DATABASE_URL", &url)
            .env("INDBLIK_LOG_FILTER", "warn")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true);
        command
    };
    let mut first = import().spawn().unwrap();
    // Killed once it has stored its first chunks (the run says how far it
    // got).
    let mut read = 0_i64;
    for _ in 0..600 {
        read = sqlx::query_scalar("SELECT coalesce(max(events_read), 0) FROM import_runs")
            .fetch_one(&pool)
            .await
            .unwrap();
        if read > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        read > 0 && read < EVENTS as i64,
        "the import was under way: {read}"
    );
    first.kill().await.unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM access_events")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0, "nothing of a killed import is stored");

    let second = import().status().await.unwrap();
    assert!(second.success());
    let (events, distinct): (i64, i64) =
        sqlx::query_as("SELECT count(*), count(DISTINCT source_event_id) FROM access_events")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!((events, distinct), (EVENTS as i64, EVENTS as i64));
    let runs: Vec<(Option<String>, Option<i64>)> =
        sqlx::query_as("SELECT outcome, events_stored FROM import_runs ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        runs,
        vec![(None, None), (Some("done".to_owned()), Some(EVENTS as i64))],
        "the killed run is left unfinished: the metrics count it as interrupted"
    );
    std::fs::remove_file(&file).unwrap();
}
