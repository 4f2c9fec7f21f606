//! `server import` killed (SIGKILL) halfway through a file, then run again.

use std::time::Duration;

use sqlx::PgPool;

use server::demo_data;

use super::batch_of;

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
