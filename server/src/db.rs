//! The PostgreSQL pool, the embedded migrations, the runtime role's
//! privileges, the check that the database schema matches this build, and
//! what is wrong with a database that fails (away, or its disk full).

use std::time::Duration;

use anyhow::Context;
use secrecy::ExposeSecret;
use sqlx::migrate::Migrator;
use sqlx::postgres::PgPoolOptions;
use sqlx::{Connection, PgPool};

use crate::config::Config;

/// The migrations in `migrations/`, compiled into the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

/// How long a connection may wait in the pool and still be handed out
/// without a round trip to check it. sqlx checks every connection when it
/// is given back; one that has waited longer than this is checked again
/// before use, so that one broken meanwhile (the database restarted, the
/// network cut) is replaced unseen (docs/decisions.md, "The page's cost,
/// the pool's checks and the flag job's plans").
pub const CHECK_CONNECTIONS_IDLE_FOR: Duration = Duration::from_secs(1);

/// Opens the connection pool. Fails when the database cannot be reached.
pub async fn connect(config: &Config) -> anyhow::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(config.database_max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .test_before_acquire(false)
        .before_acquire(|connection, waited| {
            Box::pin(async move {
                if waited.idle_for >= CHECK_CONNECTIONS_IDLE_FOR {
                    connection.ping().await?;
                }
                Ok(true)
            })
        })
        .connect(config.database_url.expose_secret())
        .await
        .context("cannot connect to the database (setting database_url)")
}

/// Readies the database for `pool` (the runtime role's, `database_url`):
/// applies every pending migration and, when the schema has an owner of
/// its own (`database_owner_url`), does so as the owner and grants the
/// runtime role its privileges (`grant_runtime_privileges` in
/// migrations/20261204000001_runtime_role.sql). An error stops the caller.
pub async fn prepare(config: &Config, pool: &PgPool) -> anyhow::Result<()> {
    let Some(owner_url) = &config.database_owner_url else {
        return migrate(pool).await;
    };
    let owner = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect(owner_url.expose_secret())
        .await
        .context("cannot connect to the database as its owner (setting database_owner_url)")?;
    migrate(&owner).await?;
    grant_runtime_privileges(&owner, pool).await?;
    owner.close().await;
    Ok(())
}

/// Grants the role `runtime` connects as what the portal needs, connected
/// as the schema's owner (`owner`).
pub async fn grant_runtime_privileges(owner: &PgPool, runtime: &PgPool) -> anyhow::Result<()> {
    let role: String = sqlx::query_scalar!(r#"SELECT current_user AS "role!""#)
        .fetch_one(runtime)
        .await
        .context("cannot read the runtime role's name (setting database_url)")?;
    sqlx::query!("SELECT grant_runtime_privileges($1::text::name)", role)
        .execute(owner)
        .await
        .with_context(|| format!("cannot grant the runtime role {role} its privileges"))?;
    tracing::info!(role = %role, "runtime role granted its privileges");
    Ok(())
}

/// Applies every pending migration; an error stops the caller.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    MIGRATOR
        .run(pool)
        .await
        .context("database migration failed; the server will not start on an unmigrated database")
}

/// Whether the database has exactly the migrations of this build applied.
#[derive(Debug, PartialEq, Eq)]
pub enum SchemaState {
    /// Every migration of this build is applied successfully.
    Current,
    /// Some migrations of this build are missing, failed or were changed.
    Behind { problem: String },
}

/// Compares the applied migrations with the ones embedded in this build.
pub async fn schema_state(pool: &PgPool) -> Result<SchemaState, sqlx::Error> {
    let applied =
        sqlx::query!("SELECT version, success, checksum FROM _sqlx_migrations ORDER BY version")
            .fetch_all(pool)
            .await;
    let applied = match applied {
        Ok(rows) => rows,
        Err(sqlx::Error::Database(error)) if error.code().as_deref() == Some("42P01") => {
            return Ok(SchemaState::Behind {
                problem: "no migrations applied".to_owned(),
            })
        }
        Err(error) => return Err(error),
    };
    for migration in MIGRATOR
        .iter()
        .filter(|m| m.migration_type.is_up_migration())
    {
        let found = applied.iter().find(|row| row.version == migration.version);
        let problem = match found {
            None => format!("migration {} is not applied", migration.version),
            Some(row) if !row.success => format!("migration {} failed", migration.version),
            Some(row) if row.checksum != migration.checksum.as_ref() => {
                format!(
                    "migration {} was changed after it was applied",
                    migration.version
                )
            }
            Some(_) => continue,
        };
        return Ok(SchemaState::Behind { problem });
    }
    Ok(SchemaState::Current)
}

/// What is wrong with a database that failed a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// It does not answer a trivial query within [`TROUBLE_TIMEOUT`]: it
    /// is down, restarting, or cannot be reached.
    Away,
    /// It answers, but cannot store anything: its disk is full (SQLSTATE
    /// 53100).
    DiskFull,
}

impl Trouble {
    /// The short reason `/readyz` and the log give.
    pub fn reason(self) -> &'static str {
        match self {
            Trouble::Away => "database unreachable",
            Trouble::DiskFull => "database disk full",
        }
    }
}

/// How long [`trouble`] waits for each of its two questions.
pub const TROUBLE_TIMEOUT: Duration = Duration::from_secs(2);

/// SQLSTATE `disk_full`.
const DISK_FULL: &str = "53100";

/// Whether the database is in trouble: `None` when it answers and can
/// write ([`trouble_storing`]).
pub async fn trouble(pool: &PgPool) -> Option<Trouble> {
    let answered = tokio::time::timeout(TROUBLE_TIMEOUT, sqlx::query("SELECT 1").execute(pool));
    if !matches!(answered.await, Ok(Ok(_))) {
        return Some(Trouble::Away);
    }
    trouble_storing(pool).await
}

/// What keeps a database that has just answered from storing: `None` when
/// it can write. The write is a probe that must grow a file: the first page
/// of a temporary table, in the database's own tablespace, inside a
/// transaction that is rolled back. PostgreSQL writes a new page to disk
/// when it extends a file, so the probe fails at once when that disk is
/// full, even while small updates still fit in pages that have room.
pub async fn trouble_storing(pool: &PgPool) -> Option<Trouble> {
    let probe = async {
        let mut transaction = pool.begin().await?;
        sqlx::query("CREATE TEMPORARY TABLE indblik_write_probe (filler text) ON COMMIT DROP")
            .execute(&mut *transaction)
            .await?;
        sqlx::query("INSERT INTO indblik_write_probe VALUES (repeat('x', 100))")
            .execute(&mut *transaction)
            .await?;
        transaction.rollback().await
    };
    match tokio::time::timeout(TROUBLE_TIMEOUT, probe).await {
        Ok(Ok(())) => None,
        Ok(Err(sqlx::Error::Database(error))) if error.code().as_deref() == Some(DISK_FULL) => {
            tracing::error!(
                "the database's disk is full: PostgreSQL refuses to store anything \
                 (SQLSTATE 53100); free space on its volume or grow it"
            );
            Some(Trouble::DiskFull)
        }
        Ok(Err(error)) => {
            // Not a state of the database this module knows: the caller's
            // own error stands.
            tracing::warn!(error = %error, "the database's write probe failed");
            None
        }
        Err(_) => Some(Trouble::Away),
    }
}
