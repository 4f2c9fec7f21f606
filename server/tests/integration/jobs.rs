//! The background jobs, one round at a time, without a running server.

use chrono::{Duration, NaiveTime};
use sqlx::PgPool;

use server::access_log::partitions;
use server::jobs::{self, DigestSettings, JobSettings};

use crate::support::test_config;

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_log_job_keeps_the_coming_months_ready(pool: PgPool) {
    let now = server::clock::now();
    let settings = JobSettings::of(&test_config());
    jobs::maintain_access_log(&pool, &settings, now).await;
    let existing = partitions::existing(&pool).await.unwrap();
    for month in partitions::months_to_keep_ready(now, settings.retention_months) {
        assert!(existing.contains(&month), "{month} is missing");
    }
}

async fn digests_in_outbox(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE kind = 'digest'")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_mail_job_writes_the_digest_once_a_day_when_its_time_has_come(pool: PgPool) {
    let now = server::clock::now();
    let local = now.with_timezone(&chrono_tz::Europe::Copenhagen).time();
    let mut digest = DigestSettings::of(&test_config());

    // Not yet: the digest's time lies later today (unless it is just past midnight).
    if local < NaiveTime::from_hms_opt(23, 0, 0).unwrap() {
        digest.at = local + Duration::minutes(30);
        jobs::mail_round(&pool, &digest, None, now).await;
        assert_eq!(digests_in_outbox(&pool).await, 0);
    }

    // Its time has come: written to the DPO, and only once.
    digest.at = NaiveTime::MIN;
    jobs::mail_round(&pool, &digest, None, now).await;
    assert_eq!(digests_in_outbox(&pool).await, 1);
    jobs::mail_round(&pool, &digest, None, now + Duration::seconds(30)).await;
    assert_eq!(digests_in_outbox(&pool).await, 1);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_records_job_deletes_only_what_is_past_its_retention(pool: PgPool) {
    let now = server::clock::now();
    // Defaults: security log and sign-ins 6 months, sent mail 90 days.
    let settings = JobSettings::of(&test_config());
    let days_ago = |days: i64| now - Duration::days(days);
    for at in [days_ago(200), days_ago(170)] {
        sqlx::query(
            "INSERT INTO access_rejections (occurred_at, source_ip, reason, path)
             VALUES ($1, '203.0.113.1', 'page_forbidden', '/dpo')",
        )
        .bind(at)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO sign_ins (occurred_at, source_ip, staff_id) VALUES ($1, '203.0.113.1', 'x')")
            .bind(at)
            .execute(&pool)
            .await
            .unwrap();
    }
    // Blocks: lifted long ago (gone), lifted lately (kept), an old block
    // still in force (kept: it waits for a person), an address throttle
    // that expired long ago without being renewed (gone).
    for (ip, blocked, lifted, expires) in [
        ("203.0.113.2", days_ago(300), Some(days_ago(250)), None),
        ("203.0.113.3", days_ago(300), Some(days_ago(10)), None),
        ("203.0.113.4", days_ago(300), None, None),
        ("203.0.113.5", days_ago(300), None, Some(days_ago(299))),
    ] {
        sqlx::query(
            "INSERT INTO access_blocks (blocked_at, source_ip, rejections, lifted_at, lifted_by, lift_cause, expires_at)
             VALUES ($1, $2::inet, 5, $3, CASE WHEN $3 IS NULL THEN NULL ELSE 'Dan' END,
                     CASE WHEN $3 IS NULL THEN NULL ELSE 'Undersøgt' END, $4)",
        )
        .bind(blocked)
        .bind(ip)
        .bind(lifted)
        .bind(expires)
        .execute(&pool)
        .await
        .unwrap();
    }
    // Mail: sent long ago (gone), sent lately (kept), never sent (kept).
    for sent in [Some(days_ago(100)), Some(days_ago(80)), None] {
        sqlx::query(
            "INSERT INTO mail_outbox (kind, to_address, subject, body, created_at, next_attempt_at, sent_at)
             VALUES ('digest', 'dpo@test.dk', 'Frister', 'Tekst', $1, $1, $2)",
        )
        .bind(days_ago(120))
        .bind(sent)
        .execute(&pool)
        .await
        .unwrap();
    }

    jobs::forget_expired_records(&pool, &settings, now).await;

    let count = |table: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(&format!("SELECT count(*) FROM {table}"))
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(count("access_rejections").await, 1);
    assert_eq!(count("sign_ins").await, 1);
    assert_eq!(count("mail_outbox").await, 2);
    let kept: Vec<String> =
        sqlx::query_scalar("SELECT host(source_ip) FROM access_blocks ORDER BY source_ip")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(kept, ["203.0.113.3", "203.0.113.4"]);
}
