//! The database's disk full. On a PostgreSQL server of the test's own, the
//! portal's database lives on a small disk (a tablespace on a tmpfs the
//! test mounts, as a data volume that fills up; the server's write-ahead
//! log stays on its own disk), and a
//! source system sends batches until it is full. The portal must say so:
//! the API answers 503 and names the full disk, `/readyz` is not ready
//! with the reason, the metric `indblik_database_disk_full` is 1; a refused
//! batch leaves nothing behind; and when the disk has room again, all of
//! it recovers without a restart.
//!
//! Mounting needs root. Run as another user, the test says that it did not
//! run, and checks nothing.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use axum::http::{header, StatusCode};
use sqlx::postgres::PgPoolOptions;

use super::own_postgres::{postgres_user, OwnPostgres};
use super::{post_batch, prepare, running_as_root, EVENTS};
use crate::metrics::{sample, scrape};
use crate::support::{get, router, run_to_success};

/// A tmpfs of a given size, mounted for the server's user.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(size: &str, uid: u32, gid: u32) -> SmallDisk {
        let path = std::env::temp_dir().join(format!(
            "indblik-small-disk-{}",
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir(&path).unwrap();
        let disk = SmallDisk { path };
        disk.mount_with(&format!("size={size},uid={uid},gid={gid},mode=0700"));
        disk
    }

    /// Gives the disk room: `size` instead of what it had.
    fn grow(&self, size: &str) {
        self.mount_with(&format!("remount,size={size}"));
    }

    fn mount_with(&self, options: &str) {
        run_to_success(
            Command::new("mount")
                .args(["-t", "tmpfs", "-o", options, "tmpfs"])
                .arg(&self.path),
        );
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("--lazy")
            .arg(&self.path)
            .status();
        let _ = std::fs::remove_dir(&self.path);
    }
}

#[tokio::test]
async fn a_full_disk_is_reported_and_refused_batches_leave_nothing_and_room_again_recovers() {
    if !running_as_root() {
        eprintln!(
            "faults::disk_full did not run: mounting a small disk needs root (make test runs as root in CI)"
        );
        return;
    }
    // Dropped in turn: the server stopped, then the disk unmounted.
    let (uid, gid) = postgres_user();
    let disk = SmallDisk::mount("32m", uid, gid);
    let postgres = tokio::task::spawn_blocking(OwnPostgres::create)
        .await
        .unwrap();
    let admin = PgPoolOptions::new()
        .max_connections(1)
        .connect(&postgres.url("postgres"))
        .await
        .unwrap();
    for statement in [
        format!("CREATE TABLESPACE small LOCATION '{}'", disk.path.display()),
        "CREATE DATABASE indblik TABLESPACE small".to_owned(),
    ] {
        sqlx::query(&statement).execute(&admin).await.unwrap();
    }
    let pool = PgPoolOptions::new()
        .acquire_timeout(Duration::from_secs(2))
        .connect(&postgres.url("indblik"))
        .await
        .unwrap();
    server::db::migrate(&pool).await.unwrap();
    let key = prepare(&pool).await;
    let app = router(pool.clone());
    let metrics = server::metrics::router(server::metrics::install().unwrap(), pool.clone());
    assert_eq!(get(&app, "/readyz").await.status, StatusCode::OK);

    // Batches until the disk is full.
    let mut refused = None;
    for batch in 0..200 {
        let reply = post_batch(&app, &key, batch, EVENTS).await;
        if reply.status == StatusCode::OK {
            continue;
        }
        assert_eq!(
            reply.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "batch {batch}: {}",
            reply.body
        );
        assert!(
            reply.body.contains("disk is full") && reply.body.contains("nothing was stored"),
            "{}",
            reply.body
        );
        assert_eq!(reply.headers[header::RETRY_AFTER], "30");
        refused = Some(batch);
        break;
    }
    let refused = refused.expect("the small disk filled up");
    assert!(refused > 0, "batches were stored before the disk was full");
    let stored_of = |batch: usize| {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM access_events WHERE source_event_id LIKE $1",
        )
        .bind(format!("b{batch}-%"))
        .fetch_one(&pool)
    };
    assert_eq!(stored_of(refused).await.unwrap(), 0, "nothing half-stored");

    // Reported, not hidden.
    let ready = get(&app, "/readyz").await;
    assert_eq!(
        (ready.status, ready.body.as_str()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            r#"{"status":"not ready","reason":"database disk full"}"#
        )
    );
    let scraped = scrape(&metrics).await.body;
    assert_eq!(sample(&scraped, "indblik_database_disk_full"), 1.0);
    assert_eq!(sample(&scraped, "indblik_database_up"), 1.0);

    // Room again: ready, and the refused batch is stored once it is sent
    // again.
    disk.grow("256m");
    let ready = get(&app, "/readyz").await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    let scraped = scrape(&metrics).await.body;
    assert_eq!(sample(&scraped, "indblik_database_disk_full"), 0.0);
    let again = post_batch(&app, &key, refused, EVENTS).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let (events, distinct): (i64, i64) =
        sqlx::query_as("SELECT count(*), count(DISTINCT source_event_id) FROM access_events")
            .fetch_one(&pool)
            .await
            .unwrap();
    let sent = ((refused + 1) * EVENTS) as i64;
    assert_eq!((events, distinct), (sent, sent));
}
