//! The keys source systems send events with. A key is
//! `indblik_<system>_<64 hex digits>`: 32 random bytes shown once at
//! creation, after the code of the system it is for; only its SHA-256 is
//! stored, so a database copy does not give anyone the right to write to the
//! log. The system in a key is only a claim until the key is found: it lets
//! a wrong key be counted against the system it names, so that guessing
//! throttles ingestion for that system from that address and nothing else.
//! Keys made before the system was part of them (`indblik_<64 hex>`) still
//! work and name no system.

use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use super::master_data::{self, SourceSystem};

/// Every key starts with this, so a leaked key is easy to recognise in scanners.
pub const KEY_PREFIX: &str = "indblik_";

/// A created key: its id and the secret to hand to the system's operators.
#[derive(Debug)]
pub struct CreatedKey {
    pub id: i64,
    pub secret: String,
}

/// Why a key could not be created or revoked.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("there is no source system with code \"{0}\" (see the master data)")]
    UnknownSystem(String),
    #[error("the label must be 1 to 200 characters")]
    BadLabel,
    #[error("there is no active API key with id {0}")]
    NoSuchKey(i64),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

fn hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// Creates a key for the system with `system_code`.
pub async fn create(
    pool: &PgPool,
    system_code: &str,
    label: &str,
    now: DateTime<Utc>,
) -> Result<CreatedKey, KeyError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 200 {
        return Err(KeyError::BadLabel);
    }
    let system = master_data::source_system(pool, system_code)
        .await?
        .ok_or_else(|| KeyError::UnknownSystem(system_code.to_owned()))?;
    let mut bytes = [0_u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = format!("{KEY_PREFIX}{}_{}", system.code, hex::encode(bytes));
    let id = sqlx::query_scalar!(
        "INSERT INTO api_keys (source_system_id, secret_sha256, label, created_at)
         VALUES ($1, $2, $3, $4) RETURNING id",
        system.id,
        hash(&secret),
        label,
        now
    )
    .fetch_one(pool)
    .await?;
    Ok(CreatedKey { id, secret })
}

/// Revokes key `id`; it stops working at once.
pub async fn revoke(pool: &PgPool, id: i64, now: DateTime<Utc>) -> Result<(), KeyError> {
    let revoked = sqlx::query!(
        "UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
        id,
        now
    )
    .execute(pool)
    .await?
    .rows_affected();
    if revoked == 0 {
        return Err(KeyError::NoSuchKey(id));
    }
    Ok(())
}

/// The system an unrevoked `secret` belongs to, noting when it was used.
pub async fn authenticate(
    pool: &PgPool,
    secret: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<SourceSystem>> {
    if !secret.starts_with(KEY_PREFIX) {
        return Ok(None);
    }
    sqlx::query_as!(
        SourceSystem,
        "UPDATE api_keys k SET last_used_at = $2
         FROM source_systems s
         WHERE k.secret_sha256 = $1 AND k.revoked_at IS NULL AND s.id = k.source_system_id
         RETURNING s.id, s.code, s.may_hide",
        hash(secret),
        now
    )
    .fetch_optional(pool)
    .await
}

/// The source system `secret` names (`indblik_<system>_<secret>`), whether
/// or not the key is right; `None` for a key that names none.
pub fn named_system(secret: &str) -> Option<&str> {
    let (system, random) = secret.strip_prefix(KEY_PREFIX)?.rsplit_once('_')?;
    let is_code = |code: &str| {
        code.len() <= 64
            && code.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    (random.len() == 64 && random.chars().all(|c| c.is_ascii_hexdigit()) && is_code(system))
        .then_some(system)
}

/// A key as listed for operators (never the secret).
#[derive(Debug)]
pub struct KeyListing {
    pub id: i64,
    pub system: String,
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// Every key, newest first.
pub async fn list(pool: &PgPool) -> sqlx::Result<Vec<KeyListing>> {
    sqlx::query_as!(
        KeyListing,
        "SELECT k.id, s.code AS system, k.label, k.created_at, k.revoked_at, k.last_used_at
         FROM api_keys k JOIN source_systems s ON s.id = k.source_system_id
         ORDER BY k.id DESC"
    )
    .fetch_all(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::named_system;

    #[test]
    fn a_key_names_its_system_only_in_the_expected_shape() {
        let random = "0123456789abcdef".repeat(4);
        assert_eq!(
            named_system(&format!("indblik_esdh_{random}")),
            Some("esdh")
        );
        assert_eq!(
            named_system(&format!("indblik_kmd_sag-2_{random}")),
            Some("kmd_sag-2")
        );
        // The keys made before systems were named, guesses and junk.
        assert_eq!(named_system(&format!("indblik_{random}")), None);
        assert_eq!(named_system("indblik_esdh_guess"), None);
        assert_eq!(named_system(&format!("indblik_ESDH_{random}")), None);
        assert_eq!(named_system(&format!("other_esdh_{random}")), None);
        assert_eq!(
            named_system(&format!("indblik_{}_{random}", "a".repeat(65))),
            None
        );
    }
}
