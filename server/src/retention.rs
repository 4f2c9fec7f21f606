//! Keeping only what is needed of the portal's own records: rejected access
//! attempts and blocks that are no longer in force (`security_log_months`),
//! successful sign-ins (`sign_ins_months`) and mail once sent
//! (`sent_mail_days`). The access log's own retention is the partitions'
//! (`access_log::partitions`), and expired sessions have their own job. A
//! block in force is never deleted, however old: it waits for a person.

use chrono::{DateTime, Duration, Months, Utc};
use sqlx::PgPool;

use app::site::RecordRetention;

/// How many records one round deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub rejections: u64,
    pub blocks: u64,
    pub sign_ins: u64,
    pub sent_mail: u64,
}

/// `now` less `months` (at the end of a shorter month, its last day).
fn months_before(now: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Deletes every record older than `retention` allows at `now`, in one
/// transaction.
pub async fn forget_expired_records(
    pool: &PgPool,
    retention: &RecordRetention,
    now: DateTime<Utc>,
) -> sqlx::Result<Forgotten> {
    let security_cutoff = months_before(now, retention.security_log_months);
    let sign_ins_cutoff = months_before(now, retention.sign_ins_months);
    let mail_cutoff = now - Duration::days(i64::from(retention.sent_mail_days));
    let mut tx = pool.begin().await?;
    let rejections = sqlx::query!(
        "DELETE FROM access_rejections WHERE occurred_at < $1",
        security_cutoff
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    // Only blocks no longer in force: lifted (an expired throttle is marked
    // lifted when it expires or is renewed) or expired long ago.
    let blocks = sqlx::query!(
        "DELETE FROM access_blocks
         WHERE (lifted_at IS NOT NULL AND lifted_at < $1)
            OR (lifted_at IS NULL AND expires_at IS NOT NULL AND expires_at < $1)",
        security_cutoff
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let sign_ins = sqlx::query!(
        "DELETE FROM sign_ins WHERE occurred_at < $1",
        sign_ins_cutoff
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let sent_mail = sqlx::query!(
        "DELETE FROM mail_outbox WHERE sent_at IS NOT NULL AND sent_at < $1",
        mail_cutoff
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(Forgotten {
        rejections,
        blocks,
        sign_ins,
        sent_mail,
    })
}
