//! The registry of rejected access attempts (sikkerhedsbekendtgørelsen § 18).

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sqlx::types::ipnetwork::IpNetwork;
use sqlx::PgExecutor;

use super::lockout::Identity;

/// One rejected attempt.
#[derive(Debug)]
pub struct Rejection<'a> {
    pub at: DateTime<Utc>,
    pub source_ip: IpAddr,
    pub identity: &'a Identity,
    /// A short code such as `assurance_too_low` (lower case and underscores).
    pub reason: &'a str,
    /// The path asked for, without its query string.
    pub path: &'a str,
}

/// Stores `rejection`.
pub async fn register(db: impl PgExecutor<'_>, rejection: &Rejection<'_>) -> sqlx::Result<()> {
    let (subject_key, staff_id) = rejection.identity.columns();
    sqlx::query!(
        "INSERT INTO access_rejections (occurred_at, source_ip, subject_key, staff_id, reason, path)
         VALUES ($1, $2, $3, $4, $5, $6)",
        rejection.at,
        IpNetwork::from(rejection.source_ip),
        subject_key,
        staff_id,
        rejection.reason,
        rejection.path,
    )
    .execute(db)
    .await?;
    Ok(())
}
