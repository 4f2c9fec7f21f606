//! The background jobs of a running server: deleting expired sessions,
//! keeping the access log's partitions ready and dropping months past
//! retention (and the flags of those months), deleting the portal's own
//! records past theirs, raising flags of unusual look-ups (every minute),
//! drawing random samples and reminding of late answers (every hour),
//! writing the daily digest and sending the mail outbox. Each
//! job's one round is a plain function of the pool and the time, so it can
//! be run and tested without the server; [`spawn_all`] repeats them.

use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc};
use sqlx::PgPool;

use crate::access_log::partitions;
use crate::auth::store::PgSessionStore;
use crate::clock;
use crate::config::Config;
use crate::mail::{send_due, Mailer};
use crate::metrics::{job_failed, job_ran};

/// What the jobs need from the configuration.
#[derive(Clone, Debug)]
pub struct JobSettings {
    pub retention_months: u32,
    /// The public holidays (the flags' opening hours).
    pub calendar: app::deadline::holidays::Calendar,
    pub hold: Option<crate::access_log::partitions::HoldPolicy>,
    pub records: app::site::RecordRetention,
    pub digest: DigestSettings,
}

impl JobSettings {
    pub fn of(config: &Config) -> JobSettings {
        JobSettings {
            retention_months: config.log_retention_months,
            calendar: config.deadline_calendar(),
            hold: config.hold_policy(),
            records: config.record_retention(),
            digest: DigestSettings::of(config),
        }
    }
}

/// What the daily digest needs.
#[derive(Clone, Debug)]
pub struct DigestSettings {
    /// The time of day (Europe/Copenhagen) it is written.
    pub at: NaiveTime,
    pub dpo_email: String,
    pub public_url: String,
    pub within_days: i64,
}

impl DigestSettings {
    pub fn of(config: &Config) -> DigestSettings {
        DigestSettings {
            at: config.digest_time,
            dpo_email: config.dpo_email.to_string(),
            public_url: config.public_url.to_string(),
            within_days: i64::from(config.digest_due_within_days),
        }
    }

    /// Writes today's digest now, unless it was written today; the number
    /// of mails written, `None` when it had been.
    pub async fn write(&self, pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<Option<usize>> {
        app::requests::mail::run_digest(
            pool,
            &self.dpo_email,
            &self.public_url,
            self.within_days,
            now,
        )
        .await
    }

    /// Writes today's digest if its time has come and it has not been written.
    pub async fn write_if_due(
        &self,
        pool: &PgPool,
        now: DateTime<Utc>,
    ) -> sqlx::Result<Option<usize>> {
        let local = now.with_timezone(&chrono_tz::Europe::Copenhagen).time();
        if local < self.at {
            return Ok(None);
        }
        self.write(pool, now).await
    }
}

/// Starts every job on the current runtime.
pub fn spawn_all(pool: &PgPool, settings: JobSettings, mailer: Option<Mailer>) {
    tokio::spawn(repeat(Duration::from_secs(300), {
        let pool = pool.clone();
        move || {
            let pool = pool.clone();
            async move { delete_expired_sessions(&pool, clock::now()).await }
        }
    }));
    tokio::spawn(repeat(Duration::from_secs(3600), {
        let pool = pool.clone();
        let settings = settings.clone();
        move || {
            let (pool, settings) = (pool.clone(), settings.clone());
            async move {
                maintain_access_log(&pool, &settings, clock::now()).await;
                forget_expired_records(&pool, &settings, clock::now()).await;
                sample_round(&pool, &settings.digest.public_url, clock::now()).await;
                review_round(&pool, &settings.digest, clock::now()).await;
            }
        }
    }));
    tokio::spawn(repeat(Duration::from_secs(60), {
        let pool = pool.clone();
        let calendar = settings.calendar;
        move || {
            let pool = pool.clone();
            async move { flag_round(&pool, calendar, clock::now()).await }
        }
    }));
    tokio::spawn(repeat(Duration::from_secs(30), {
        let pool = pool.clone();
        move || {
            let (pool, digest, mailer) = (pool.clone(), settings.digest.clone(), mailer.clone());
            async move { mail_round(&pool, &digest, mailer.as_ref(), clock::now()).await }
        }
    }));
}

/// Runs `round` every `period`, the first time at once.
async fn repeat<F, R>(period: Duration, round: F)
where
    F: Fn() -> R,
    R: std::future::Future<Output = ()>,
{
    let mut every = tokio::time::interval(period);
    loop {
        every.tick().await;
        round().await;
    }
}

/// One round of the session job: deletes sessions expired at `now`.
pub async fn delete_expired_sessions(pool: &PgPool, now: DateTime<Utc>) {
    job_ran("sessions");
    match PgSessionStore::new(pool.clone()).delete_expired(now).await {
        Ok(0) => {}
        Ok(deleted) => tracing::debug!(deleted, "expired sessions deleted"),
        Err(error) => {
            job_failed("sessions");
            tracing::warn!(error = %error, "cannot delete expired sessions");
        }
    }
}

/// One round of the access-log job: the coming months' partitions exist and
/// the months past retention are dropped (within an hour of passing it).
pub async fn maintain_access_log(pool: &PgPool, settings: &JobSettings, now: DateTime<Utc>) {
    job_ran("access_log");
    let months = partitions::months_to_keep_ready(now, settings.retention_months);
    if let Err(error) = partitions::ensure(pool, &months).await {
        job_failed("access_log");
        tracing::error!(error = %error, "cannot create access log partitions");
    }
    let purged = partitions::purge(pool, now, settings.retention_months, settings.hold).await;
    if let Err(error) = purged {
        job_failed("access_log");
        tracing::error!(error = %error, "cannot purge the access log");
    }
    let oldest = app::access_log::coverage::covers_from(now, settings.retention_months);
    if let Err(error) = app::log_control::flags::job::forget_before(pool, oldest).await {
        job_failed("access_log");
        tracing::error!(error = %error, "cannot delete flags past retention");
    }
}

/// One round of the sample job: the samples whose date has come are
/// drawn, and employees whose answers are late are reminded.
pub async fn sample_round(pool: &PgPool, public_url: &str, now: DateTime<Utc>) {
    use app::log_control::samples::store::{draw_due, remind_late};
    job_ran("samples");
    match draw_due(pool, now).await {
        Ok(0) => {}
        Ok(drawn) => tracing::info!(drawn, "random samples drawn"),
        Err(error) => {
            job_failed("samples");
            tracing::error!(error = %error, "cannot draw random samples");
        }
    }
    match remind_late(pool, public_url, now).await {
        Ok(0) => {}
        Ok(mails) => tracing::info!(
            mails,
            "reminders of late sample answers written to the outbox"
        ),
        Err(error) => {
            job_failed("samples");
            tracing::error!(error = %error, "cannot remind of late sample answers");
        }
    }
}

/// One round of the review job: managers of late reviews of
/// authorisations are reminded, and the DPO told of units due for one.
pub async fn review_round(pool: &PgPool, digest: &DigestSettings, now: DateTime<Utc>) {
    job_ran("reviews");
    let reminded =
        app::log_control::review::store::remind(pool, &digest.dpo_email, &digest.public_url, now)
            .await;
    match reminded {
        Ok(0) => {}
        Ok(mails) => tracing::info!(mails, "reminders of authorisation reviews written"),
        Err(error) => {
            job_failed("reviews");
            tracing::error!(error = %error, "cannot remind of authorisation reviews");
        }
    }
}

/// One round of the flag job: the batches stored since the last round,
/// taken until none wait (each round at most `BATCHES_PER_ROUND`).
pub async fn flag_round(
    pool: &PgPool,
    calendar: app::deadline::holidays::Calendar,
    now: DateTime<Utc>,
) {
    use app::log_control::flags::job::{run_round, BATCHES_PER_ROUND};
    job_ran("flags");
    loop {
        match run_round(pool, calendar, now).await {
            Ok(round) => {
                if round.raised > 0 || round.flagged_events > 0 {
                    tracing::info!(?round, "flags raised");
                }
                if i64::try_from(round.batches).unwrap_or(i64::MAX) < BATCHES_PER_ROUND {
                    return;
                }
            }
            Err(error) => {
                job_failed("flags");
                tracing::error!(error = %error, "cannot raise flags");
                return;
            }
        }
    }
}

/// One round of the records job: the portal's own records past their
/// retention are deleted.
pub async fn forget_expired_records(pool: &PgPool, settings: &JobSettings, now: DateTime<Utc>) {
    job_ran("records");
    match crate::retention::forget_expired_records(pool, &settings.records, now).await {
        Ok(forgotten) if forgotten == crate::retention::Forgotten::default() => {}
        Ok(forgotten) => tracing::info!(?forgotten, "records past their retention deleted"),
        Err(error) => {
            job_failed("records");
            tracing::error!(error = %error, "cannot delete records past their retention");
        }
    }
}

/// One round of the mail job: the day's digest when its time has come, then
/// the mail that is due.
pub async fn mail_round(
    pool: &PgPool,
    digest: &DigestSettings,
    mailer: Option<&Mailer>,
    now: DateTime<Utc>,
) {
    job_ran("mail");
    match digest.write_if_due(pool, now).await {
        Ok(Some(mails)) => tracing::info!(mails, "daily digest written to the outbox"),
        Ok(None) => {}
        Err(error) => {
            job_failed("mail");
            tracing::error!(error = %error, "cannot write the daily digest");
        }
    }
    if let Some(mailer) = mailer {
        match send_due(pool, mailer, now).await {
            Ok(report) => crate::metrics::mail_delivered(report.sent, report.failed),
            Err(error) => {
                job_failed("mail");
                tracing::error!(error = %error, "cannot read the mail outbox");
            }
        }
    }
}
