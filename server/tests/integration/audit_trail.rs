//! The access log as an audit trail, enforced by the database whoever asks:
//! a stored event changes only in its hiding and is never deleted row by
//! row; a summary row keeps its key and goes only when no event is counted
//! in it; a month leaves only with its partition, and never one of the
//! last six months.

use chrono::Duration;
use sqlx::PgPool;

use server::access_log::{batch, partitions};
use server::{clock, demo_data, demo_events};

use crate::support::test_config;

/// Whether `statement` is refused by the audit trail's triggers.
async fn refused(pool: &PgPool, statement: &str) -> bool {
    match sqlx::query(statement).execute(pool).await {
        Ok(_) => false,
        Err(sqlx::Error::Database(error)) => {
            // restrict_violation, raised by the triggers.
            assert_eq!(
                error.code().as_deref(),
                Some("23001"),
                "{statement}: {error}"
            );
            true
        }
        Err(error) => panic!("{statement}: {error}"),
    }
}

async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn stored_events_and_summary_rows_cannot_be_rewritten_or_deleted(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let now = clock::now();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(now, 6))
        .await
        .unwrap();
    let pepper = test_config().subject_key_pepper;
    let stored = demo_events::load_story(&pool, &pepper, now).await.unwrap();
    assert!(stored > 10, "{stored}");
    let (events, rows) = (
        count(&pool, "access_events").await,
        count(&pool, "access_summary").await,
    );

    // Every column of an event but its hiding is fixed; no event goes alone.
    for statement in [
        "UPDATE access_events SET actor = 'someone-else'",
        "UPDATE access_events SET occurred_at = occurred_at + interval '1 minute'",
        "UPDATE access_events SET org_unit_id = org_unit_id + 1",
        "UPDATE access_events SET use_type = 'read' WHERE use_type <> 'read'",
        "UPDATE access_events SET case_closed = NOT case_closed",
        "DELETE FROM access_events",
        "DELETE FROM access_events WHERE source_event_id = (SELECT min(source_event_id) FROM access_events)",
        "TRUNCATE access_events",
    ] {
        assert!(refused(&pool, statement).await, "{statement} was allowed");
    }
    // The hiding may change (the sending system's API does it).
    let hidden = sqlx::query(
        "UPDATE access_events SET hidden_until = now() + interval '1 day',
             hidden_reason = 'Efterforskning'
         WHERE source_event_id = (SELECT min(source_event_id) FROM access_events)",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(hidden.rows_affected(), 1);

    // A summary row's key is fixed; its counts may change; it goes only when
    // no event is counted in it.
    for statement in [
        "UPDATE access_summary SET org_unit_id = org_unit_id + 1",
        "UPDATE access_summary SET day = day - 1",
        "UPDATE access_summary SET hidden_reason = 'Skjult'",
        "DELETE FROM access_summary",
        "TRUNCATE access_summary",
    ] {
        assert!(refused(&pool, statement).await, "{statement} was allowed");
    }
    let recounted = sqlx::query("UPDATE access_summary SET events = events + 0")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(recounted.rows_affected(), rows as u64);
    assert_eq!(count(&pool, "access_events").await, events);
    assert_eq!(count(&pool, "access_summary").await, rows);

    // The story again: nothing is replaced or added.
    assert_eq!(
        demo_events::load_story(&pool, &pepper, now).await.unwrap(),
        0
    );
    assert_eq!(count(&pool, "access_events").await, events);

    // A month of the last six stays, even when the caller says a year has
    // passed: the database keeps them by its own clock.
    let early = partitions::purge(&pool, now + Duration::days(400), 6, None).await;
    assert!(
        matches!(&early, Err(sqlx::Error::Database(error)) if error.code().as_deref() == Some("23001")),
        "{early:?}"
    );
    assert_eq!(count(&pool, "access_events").await, events);
    // A month past them still leaves with its partition.
    let system: i64 = sqlx::query_scalar("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let old = crate::retention::event_at(&pool, "old", now - chrono::Months::new(9)).await;
    batch::store_all(&pool, system, vec![old], now)
        .await
        .unwrap();
    assert_eq!(count(&pool, "access_events").await, events + 1);
    let purged = partitions::purge(&pool, now, 6, None).await.unwrap();
    assert!(!purged.months.is_empty(), "{purged:?}");
    assert_eq!(count(&pool, "access_events").await, events);
}
