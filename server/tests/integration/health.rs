//! Migrations on a fresh database and the readiness endpoint.

use axum::http::StatusCode;
use sqlx::PgPool;

use server::db::{self, SchemaState};

use crate::support::{get, router};

#[sqlx::test(migrations = false)]
async fn readyz_reports_missing_migrations_then_ready_after_migrate(pool: PgPool) {
    let app = router(pool.clone());

    let before = get(&app, "/readyz").await;
    assert_eq!(before.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(before.body.contains("not ready"), "{}", before.body);
    assert!(
        before.body.contains("no migrations applied"),
        "{}",
        before.body
    );

    db::migrate(&pool)
        .await
        .expect("migrations apply to a fresh database");
    assert_eq!(db::schema_state(&pool).await.unwrap(), SchemaState::Current);

    let after = get(&app, "/readyz").await;
    assert_eq!(after.status, StatusCode::OK, "{}", after.body);
    assert_eq!(after.body, r#"{"status":"ready"}"#);
}

#[sqlx::test(migrations = false)]
async fn migrations_are_idempotent_and_create_every_table(pool: PgPool) {
    db::migrate(&pool).await.unwrap();
    db::migrate(&pool)
        .await
        .expect("a second run applies nothing and succeeds");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY 1",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        tables,
        [
            "access_blocks",
            "access_event_staging",
            "access_events",
            "access_rejections",
            "access_summary",
            "actor_usage_days",
            "answer_log_rows",
            "api_keys",
            "authorisation_review_due_notices",
            "authorisation_review_items",
            "authorisation_reviews",
            "authorities",
            "data_request_attachments",
            "data_request_events",
            "data_requests",
            "dpo_advice",
            "dpo_consultations",
            "flag_pending_batches",
            "flag_rules",
            "held_access_events",
            "held_access_summary",
            "import_runs",
            "log_flag_events",
            "log_flags",
            "log_question_findings",
            "mail_digest_runs",
            "mail_outbox",
            "master_data_version",
            "org_units",
            "protected_citizens",
            "protected_standing_reasons",
            "purposes",
            "request_letters",
            "sample_items",
            "samples",
            "sampling_plans",
            "sessions",
            "sign_ins",
            "source_system_deliveries",
            "source_systems",
            "staff_directory",
            "staff_members",
            "unit_opening_hours"
        ]
    );
}

#[sqlx::test(migrations = false)]
async fn a_changed_migration_is_not_ready(pool: PgPool) {
    db::migrate(&pool).await.unwrap();
    sqlx::query("UPDATE _sqlx_migrations SET checksum = '\\x00'::bytea")
        .execute(&pool)
        .await
        .unwrap();
    let state = db::schema_state(&pool).await.unwrap();
    assert!(
        matches!(&state, SchemaState::Behind { problem } if problem.contains("changed")),
        "{state:?}"
    );
    let reply = get(&router(pool), "/readyz").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[sqlx::test(migrations = false)]
async fn readyz_says_unreachable_when_the_database_is_gone(pool: PgPool) {
    let app = router(pool.clone());
    pool.close().await;
    let reply = get(&app, "/readyz").await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        reply.body,
        r#"{"status":"not ready","reason":"database unreachable"}"#
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn healthz_answers_without_the_database(pool: PgPool) {
    let app = router(pool.clone());
    pool.close().await;
    let reply = get(&app, "/healthz").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, r#"{"status":"ok"}"#);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn demo_data_loads_and_reloads_without_duplicates(pool: PgPool) {
    let first = server::demo_data::load(&pool).await.unwrap();
    let second = server::demo_data::load(&pool).await.unwrap();
    assert_eq!(first, second);
    let units: i64 = sqlx::query_scalar("SELECT count(*) FROM org_units")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(units, i64::try_from(first.units).unwrap());
    let unit_authority: String = sqlx::query_scalar(
        "SELECT a.name FROM org_units u JOIN authorities a ON a.id = u.authority_id WHERE u.code = 'BUU'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unit_authority, "Børn og Unge-udvalget");
}
