//! The summary kept at ingestion equals a fresh count of the raw events, for
//! random event sets sent in random batches (with resends and overlaps, one
//! transaction per batch or all in one), including hidden, disclosed, bulk and
//! search-criterion events.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::PgPool;

use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};
use server::access_log::event::{Event, Hidden, Subject};
use server::access_log::{batch, partitions, store};
use server::{clock, demo_data};

/// A summary row, or the same columns counted afresh from the events.
#[derive(Debug, PartialEq, sqlx::FromRow)]
struct Row {
    subject_key: Vec<u8>,
    day: NaiveDate,
    org_unit_id: i64,
    source_system_id: i64,
    use_type: String,
    purpose_id: i64,
    bulk: bool,
    batch_run: Option<String>,
    hidden_until: Option<DateTime<Utc>>,
    hidden_reason: Option<String>,
    events: i64,
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
}

async fn ids(pool: &PgPool, table: &str) -> Vec<i64> {
    sqlx::query_scalar(&format!("SELECT id FROM {table} ORDER BY id"))
        .fetch_all(pool)
        .await
        .unwrap()
}

fn random_event(
    rng: &mut StdRng,
    n: usize,
    units: &[i64],
    purposes: &[i64],
    now: DateTime<Utc>,
) -> Event {
    let pepper = Pepper::new(vec![3; 32]).unwrap();
    let citizen = rng.gen_range(0..5);
    let subject = if rng.gen_ratio(1, 8) {
        Subject::SearchCriterion(format!("født {citizen}"))
    } else {
        let cpr = Cpr::parse(&format!("0{}0190123{citizen}", 1 + citizen % 9)).unwrap();
        Subject::Citizen(SubjectKey::derive(&pepper, &cpr))
    };
    let bulk = rng.gen_ratio(1, 6);
    let hidden = match rng.gen_range(0..8) {
        0 => Some(Hidden {
            until: None,
            reason: "efterforskning".to_owned(),
        }),
        1 => Some(Hidden {
            until: Some(now - Duration::days(2)),
            reason: "afsluttet".to_owned(),
        }),
        2 => Some(Hidden {
            until: Some(now + Duration::days(2)),
            reason: "igangværende".to_owned(),
        }),
        _ => None,
    };
    Event {
        // Within ten days, so several events share a day and a summary row.
        occurred_at: now - Duration::minutes(rng.gen_range(1..14_400)),
        source_event_id: format!("r{n}"),
        actor: format!("m{}", rng.gen_range(0..3)),
        org_unit_id: units[rng.gen_range(0..3)],
        use_type: UseType::ALL[rng.gen_range(0..3)],
        subject,
        purpose_id: purposes[rng.gen_range(0..2)],
        case_reference: None,
        bulk,
        batch_run: (bulk && rng.gen_bool(0.5)).then(|| "run".to_owned()),
        hidden,
        case_closed: false,
    }
}

async fn summary(pool: &PgPool) -> Vec<Row> {
    sqlx::query_as(
        "SELECT subject_key, day, org_unit_id, source_system_id, use_type, purpose_id, bulk, batch_run,
                hidden_until, hidden_reason, events, first_at, last_at
         FROM access_summary ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

async fn recount(pool: &PgPool) -> Vec<Row> {
    sqlx::query_as(
        "SELECT subject_key, (occurred_at AT TIME ZONE 'Europe/Copenhagen')::date AS day, org_unit_id,
                source_system_id, use_type, purpose_id, bulk, batch_run, hidden_until, hidden_reason,
                count(*) AS events, min(occurred_at) AS first_at, max(occurred_at) AS last_at
         FROM access_events WHERE subject_key IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_summary_equals_a_recount_of_random_batches(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let units = ids(&pool, "org_units").await;
    let purposes = ids(&pool, "purposes").await;
    let systems = ids(&pool, "source_systems").await;
    let now = clock::now();
    // The odd seeds write as the import does, so the months must exist as
    // the import makes sure they do (just after midnight in Copenhagen the
    // current month may have no events yet, and so no partition).
    partitions::ensure(&pool, &partitions::months_to_keep_ready(now, 6))
        .await
        .unwrap();
    for seed in 0..6_u64 {
        let mut rng = StdRng::seed_from_u64(seed);
        let events: Vec<Event> = (0..400)
            .map(|n| {
                random_event(
                    &mut rng,
                    n + 1000 * usize::try_from(seed).unwrap(),
                    &units,
                    &purposes,
                    now,
                )
            })
            .collect();
        let system = systems[rng.gen_range(0..2)];
        // Even seeds send batches as the API does (a transaction each), odd
        // seeds write them all in one transaction as an import does.
        let mut import = (seed % 2 == 1).then(store::Writer::default);
        let mut tx = pool.begin().await.unwrap();
        let mut start = 0;
        while start < events.len() {
            let end = (start + rng.gen_range(1..120)).min(events.len());
            // Sometimes the batch repeats the end of the one before, so new
            // and stored events come mixed.
            let from = if start > 0 && rng.gen_ratio(1, 4) {
                start - rng.gen_range(1..=start.min(30))
            } else {
                start
            };
            let sends = if rng.gen_ratio(1, 3) { 2 } else { 1 };
            for send in 0..sends {
                let sent = events[from..end].to_vec();
                let stored = match import.as_mut() {
                    Some(writer) => {
                        let rows = store::Rows::new(system, now, sent);
                        writer.write(&mut tx, &rows).await.unwrap()
                    }
                    None => {
                        batch::store_all(&pool, system, sent, now)
                            .await
                            .unwrap()
                            .stored
                    }
                };
                // Only what was not stored before is stored; a resend stores nothing.
                let new = if send == 0 { end - start } else { 0 };
                assert_eq!(stored, new as u64, "seed {seed}, events {from}..{end}");
            }
            start = end;
        }
        if let Some(writer) = import {
            writer.finish(&mut tx).await.unwrap();
        }
        tx.commit().await.unwrap();
        let kept = summary(&pool).await;
        assert_eq!(kept, recount(&pool).await, "seed {seed}");
        let citizen_events: i64 = kept.iter().map(|row| row.events).sum();
        let raw: i64 =
            sqlx::query_scalar("SELECT count(*) FROM access_events WHERE subject_key IS NOT NULL")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(citizen_events, raw, "seed {seed}");
    }
}
