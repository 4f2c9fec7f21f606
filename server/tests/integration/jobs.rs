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
