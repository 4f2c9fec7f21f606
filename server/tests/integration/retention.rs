//! Retention: whole months past the retention period are dropped with their
//! summary rows; the month boundary is Europe/Copenhagen's.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};
use server::access_log::event::{Event, Subject};
use server::access_log::{batch, partitions};
use server::demo_data;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn month(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").unwrap()
}

async fn event_at(pool: &PgPool, id: &str, occurred_at: DateTime<Utc>) -> Event {
    let unit = sqlx::query_scalar!("SELECT id FROM org_units WHERE code = 'BS'")
        .fetch_one(pool)
        .await
        .unwrap();
    let purpose = sqlx::query_scalar!("SELECT id FROM purposes WHERE code = 'flytning'")
        .fetch_one(pool)
        .await
        .unwrap();
    let pepper = Pepper::new(vec![7; 32]).unwrap();
    Event {
        occurred_at,
        source_event_id: id.to_owned(),
        actor: "m1".to_owned(),
        org_unit_id: unit,
        use_type: UseType::Read,
        subject: Subject::Citizen(SubjectKey::derive(
            &pepper,
            &Cpr::parse("0101901234").unwrap(),
        )),
        purpose_id: purpose,
        case_reference: None,
        bulk: false,
        batch_run: None,
        hidden: None,
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn months_past_retention_are_dropped_with_their_summary(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let system = sqlx::query_scalar!("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let now = at("2026-11-23T12:00:00Z");
    let mut events = Vec::new();
    for (n, time) in [
        "2026-02-15T10:00:00Z",
        "2026-03-15T10:00:00Z",
        // 23:30 on 30 April in Copenhagen: April, dropped.
        "2026-04-30T21:30:00Z",
        // 00:30 on 1 May in Copenhagen: May, kept.
        "2026-04-30T22:30:00Z",
        "2026-06-15T10:00:00Z",
        "2026-11-20T10:00:00Z",
    ]
    .into_iter()
    .enumerate()
    {
        events.push(event_at(&pool, &format!("e{n}"), at(time)).await);
    }
    batch::store_all(&pool, system, events, now).await.unwrap();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(now, 6))
        .await
        .unwrap();

    let purged = partitions::purge(&pool, now, 6, true).await.unwrap();
    assert_eq!(
        purged.months,
        vec![month("2026-02"), month("2026-03"), month("2026-04")]
    );
    assert_eq!(purged.covers_from, month("2026-05"));
    let left = partitions::existing(&pool).await.unwrap();
    assert_eq!(left.first(), Some(&month("2026-05")));
    assert_eq!(left.last(), Some(&month("2027-01")));
    let times: Vec<DateTime<Utc>> =
        sqlx::query_scalar!("SELECT occurred_at FROM access_events ORDER BY occurred_at")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        times,
        vec![
            at("2026-04-30T22:30:00Z"),
            at("2026-06-15T10:00:00Z"),
            at("2026-11-20T10:00:00Z")
        ]
    );
    let summary_days: Vec<NaiveDate> =
        sqlx::query_scalar!("SELECT day FROM access_summary ORDER BY day")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        summary_days,
        vec![
            NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        ]
    );

    // Purging again drops nothing more.
    let again = partitions::purge(&pool, now, 6, true).await.unwrap();
    assert!(again.months.is_empty());

    // With five years' retention nothing would have gone.
    assert_eq!(
        partitions::purge(&pool, now, 60, true)
            .await
            .unwrap()
            .months,
        vec![]
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn master_data_the_log_refers_to_cannot_be_deleted(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    for statement in [
        "DELETE FROM org_units WHERE code = 'BS'",
        "DELETE FROM purposes WHERE code = 'flytning'",
        "DELETE FROM source_systems WHERE code = 'cpr'",
    ] {
        let error = sqlx::query(statement).execute(&pool).await.unwrap_err();
        assert!(
            error.to_string().contains("is kept"),
            "{statement}: {error}"
        );
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn months_wait_while_the_citizen_has_an_open_access_request(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let system = sqlx::query_scalar!("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let now = at("2026-11-23T12:00:00Z");
    let events = vec![
        event_at(&pool, "old", at("2026-03-15T10:00:00Z")).await,
        event_at(&pool, "new", at("2026-11-20T10:00:00Z")).await,
    ];
    batch::store_all(&pool, system, events.clone(), now)
        .await
        .unwrap();
    let Subject::Citizen(key) = &events[0].subject else {
        unreachable!("a citizen's event")
    };
    let request = sqlx::query_scalar!(
        "INSERT INTO data_requests (kind, status, channel, received_at, due_on, extendable_to,
             subject_key, citizen_name, cpr_sealed, org_unit_id, about)
         SELECT 'access', 'in_progress', 'portal', $1, '2026-12-21', '2027-02-22', $2, 'Test',
                '\\x00', id, 'Alt' FROM org_units WHERE code = 'BS'
         RETURNING id",
        now,
        key.as_bytes().as_slice()
    )
    .fetch_one(&pool)
    .await
    .unwrap();

    // Held while the request is open (the setting is on).
    let held = partitions::purge(&pool, now, 6, true).await.unwrap();
    assert_eq!(held.held, vec![month("2026-03")]);
    assert!(held.months.is_empty());
    let events_left: i64 = sqlx::query_scalar!("SELECT count(*) AS \"n!\" FROM access_events")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(events_left, 2);

    // Answered: the month goes.
    sqlx::query!(
        "UPDATE data_requests SET status = 'answered' WHERE id = $1",
        request
    )
    .execute(&pool)
    .await
    .unwrap();
    let purged = partitions::purge(&pool, now, 6, true).await.unwrap();
    assert_eq!(purged.months, vec![month("2026-03")]);
    assert!(purged.held.is_empty());
}
