//! Backups, as `docs/operations.md` tells the operator to take and restore
//! them: a `pg_dump --format=custom` of a portal's database, restored with
//! `pg_restore --clean --if-exists` into an empty database, is current for
//! this build, holds every row, and the portal serves a citizen's log from
//! it.

use axum::http::StatusCode;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use server::access_log::partitions;
use server::{clock, db, demo_data, demo_events, demo_requests};

use crate::support::{
    database_url, database_url_of, get_with_cookie, pg_tool, router, run_to_success, sign_in_at,
    test_config,
};

/// Rows of the tables a restore must bring back.
async fn counts(pool: &PgPool) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "access_events",
        "access_summary",
        "data_requests",
        "data_request_events",
        "org_units",
        "sessions",
    ] {
        counts.push(
            sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
                .fetch_one(pool)
                .await
                .unwrap(),
        );
    }
    counts
}

fn run(name: &str, args: &[&str]) {
    run_to_success(std::process::Command::new(pg_tool(name)).args(args));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_dump_restores_into_an_empty_database_that_the_portal_serves(pool: PgPool) {
    let config = test_config();
    let now = clock::now();
    demo_data::load(&pool).await.unwrap();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(now, 6))
        .await
        .unwrap();
    demo_events::load_story(&pool, &config.subject_key_pepper, now)
        .await
        .unwrap();
    demo_requests::load(&pool, &config.request_settings(), now)
        .await
        .unwrap();
    let (_, anna) = sign_in_at(&router(pool.clone()), "/log-ind", "anna").await;
    let before = counts(&pool).await;
    assert!(before.iter().all(|count| *count > 0), "{before:?}");

    let dump = std::env::temp_dir().join(format!("indblik-{}.dump", uuid::Uuid::new_v4()));
    let dump = dump.to_string_lossy().into_owned();
    run(
        "pg_dump",
        &[
            "--format=custom",
            &format!("--file={dump}"),
            &database_url_of(&pool),
        ],
    );
    let restored_name = format!("indblik_restored_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE DATABASE {restored_name}"))
        .execute(&pool)
        .await
        .unwrap();
    run(
        "pg_restore",
        &[
            "--clean",
            "--if-exists",
            &format!("--dbname={}", database_url(&restored_name)),
            &dump,
        ],
    );

    let restored = PgPoolOptions::new()
        .connect(&database_url(&restored_name))
        .await
        .unwrap();
    assert_eq!(
        db::schema_state(&restored).await.unwrap(),
        db::SchemaState::Current
    );
    assert_eq!(counts(&restored).await, before);
    // The portal serves from the restored database: Anna's session is in
    // the backup, and so is her log.
    let page = get_with_cookie(&router(restored.clone()), "/min-log", &anna).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("gange i perioden"), "{}", page.body);
    // The audit trail's rules came back with the rows.
    assert!(sqlx::query("DELETE FROM access_events")
        .execute(&restored)
        .await
        .is_err());

    restored.close().await;
    sqlx::query(&format!("DROP DATABASE {restored_name} WITH (FORCE)"))
        .execute(&pool)
        .await
        .unwrap();
    std::fs::remove_file(&dump).unwrap();
}
