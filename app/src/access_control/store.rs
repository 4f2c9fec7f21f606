//! [ssr] Reading the registry of rejected access attempts and the active
//! blocks, and lifting a block: for an [`Overseer`] only.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Copenhagen;
use sqlx::{PgExecutor, PgPool};

use super::{AccessControlOverview, BlockRow, LiftCause, RejectionRow};
use crate::capability::Overseer;
use crate::i18n::Lang;

fn local(time: DateTime<Utc>) -> String {
    time.with_timezone(&Copenhagen)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The latest `limit` rejections, newest first, and every active block.
pub async fn access_control_overview(
    pool: &PgPool,
    overseer: &Overseer,
    limit: i64,
    now: DateTime<Utc>,
    lang: Lang,
) -> sqlx::Result<AccessControlOverview> {
    let rejections = sqlx::query!(
        r#"SELECT occurred_at, host(source_ip) AS "source_ip!", subject_key IS NOT NULL AS "citizen!",
                  staff_id, reason, path, source_system
           FROM access_rejections ORDER BY occurred_at DESC, id DESC LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| RejectionRow {
        at: local(row.occurred_at),
        source_ip: row.source_ip,
        who: match (row.citizen, row.staff_id, row.source_system) {
            (true, _, _) => lang.text("who-citizen"),
            (false, Some(staff), _) => lang.text_with("who-staff", &[("id", staff.into())]),
            (false, None, Some(system)) => {
                lang.text_with("who-api-key", &[("system", system.into())])
            }
            (false, None, None) => lang.text("who-unknown"),
        },
        reason: row.reason,
        path: row.path,
    })
    .collect();
    let blocks = active_blocks(pool, overseer, now, lang).await?;
    Ok(AccessControlOverview { rejections, blocks })
}

/// Every block in force at `now` (not lifted; an address's throttling not
/// expired), newest first, described for people (the DPO page and
/// `server blocks`).
pub async fn active_blocks(
    pool: &PgPool,
    _overseer: &Overseer,
    now: DateTime<Utc>,
    lang: Lang,
) -> sqlx::Result<Vec<BlockRow>> {
    let blocks = sqlx::query!(
        r#"SELECT id, blocked_at, host(source_ip) AS source_ip, subject_key IS NOT NULL AS "citizen!",
                  staff_id, rejections, expires_at, for_ingestion, source_system
           FROM access_blocks
           WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $1)
           ORDER BY blocked_at DESC, id DESC"#,
        now
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| BlockRow {
        id: row.id,
        at: local(row.blocked_at),
        what: match (row.source_ip, row.citizen, row.staff_id) {
            (Some(ip), _, _) => {
                let ip = || ("ip", ip.clone().into());
                let what = match (row.for_ingestion, row.source_system) {
                    (false, _) => lang.text_with("blocked-ip", &[ip()]),
                    (true, Some(system)) => lang.text_with(
                        "blocked-ingestion",
                        &[ip(), ("system", system.into())],
                    ),
                    (true, None) => lang.text_with("blocked-ingestion-keyless", &[ip()]),
                };
                match row.expires_at {
                    Some(until) => lang.text_with(
                        "blocked-until",
                        &[("what", what.into()), ("until", local(until).into())],
                    ),
                    None => what,
                }
            }
            (None, true, _) => lang.text("blocked-citizen"),
            (None, false, Some(staff)) => lang.text_with("who-staff", &[("id", staff.into())]),
            (None, false, None) => lang.text("who-unknown"),
        },
        rejections: row.rejections,
    })
    .collect();
    Ok(blocks)
}

/// Lifts block `id`, recording the overseer who did it and why. `false`
/// when there is no such active block.
pub async fn lift_block(
    db: impl PgExecutor<'_>,
    overseer: &Overseer,
    id: i64,
    cause: &LiftCause,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let by = overseer.signature();
    let done = sqlx::query!(
        "UPDATE access_blocks SET lifted_at = $2, lifted_by = $3, lift_cause = $4
         WHERE id = $1 AND lifted_at IS NULL",
        id,
        now,
        by,
        cause.as_str(),
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
