//! The database going away under a running portal: the portal's pool
//! reaches PostgreSQL through a TCP proxy in the test, which can cut every
//! connection and refuse new ones, as an unreachable database server does,
//! and let them through again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use super::{nothing_lost_nothing_half, prepare, send_through, Fault};
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

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn while_the_database_is_away_the_portal_says_so_and_comes_back_by_itself(pool: PgPool) {
    prepare(&pool).await;
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

impl Fault for Proxy {
    fn strike(&self) {
        self.cut();
    }

    fn repair(&self) {
        self.restore();
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_cut_during_batches_and_requests_loses_nothing_acknowledged_and_writes_nothing_half(
    pool: PgPool,
) {
    let key = prepare(&pool).await;
    let (proxy, through_proxy) = cuttable(&pool).await;
    let app = router_with(&test_config(), through_proxy);
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    let sent = send_through(&app, &key, &anna, proxy).await;
    nothing_lost_nothing_half(&app, &key, &pool, &sent).await;
}
