//! PostgreSQL itself killed: the server process and every backend killed
//! with `SIGKILL` at once while API batches and citizens' requests are on
//! their way, and started again, recovering from its write-ahead log. The
//! server is the test's own (a new cluster in a temporary directory,
//! durable as in production: `fsync` on), so killing it touches no other
//! test.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgPoolOptions;

use super::own_postgres::OwnPostgres;
use super::{nothing_lost_nothing_half, prepare, send_through, Fault};
use crate::support::{router_with, sign_in_at, test_config};

impl Fault for OwnPostgres {
    fn strike(&self) {
        self.kill();
    }

    fn repair(&self) {
        self.start();
    }
}

#[tokio::test]
async fn postgres_killed_and_started_again_loses_nothing_acknowledged_and_writes_nothing_half() {
    let postgres = Arc::new(
        tokio::task::spawn_blocking(OwnPostgres::create)
            .await
            .unwrap(),
    );
    // The test's own connections, and the portal's.
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&postgres.url("postgres"))
        .await
        .unwrap();
    server::db::migrate(&pool).await.unwrap();
    let key = prepare(&pool).await;
    let portal_pool = PgPoolOptions::new()
        .acquire_timeout(Duration::from_secs(2))
        .connect(&postgres.url("postgres"))
        .await
        .unwrap();
    let app = router_with(&test_config(), portal_pool);
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;

    let sent = send_through(&app, &key, &anna, Arc::clone(&postgres)).await;
    nothing_lost_nothing_half(&app, &key, &pool, &sent).await;
}
