//! The PostgreSQL session store behind tower-sessions, on the `sessions`
//! table of our own migrations (queries checked at compile time, timestamps
//! as chrono like everywhere else in the code). The session cookie lives
//! until the browser closes; the idle limit is the store's: every save moves
//! a session's end to the idle limit from now, and a session past its end is
//! never loaded. A loaded session carries its stored end under
//! [`ENDS_AT_KEY`], so that the middleware can tell when the end is due to
//! be moved (`auth::session::renew_when_due`); the key is never stored in
//! the data.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgPool;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::SessionStore;

use crate::clock;

/// The session's key for its end as stored (the `expires_at` column): set
/// by [`PgSessionStore`] when it loads a session, left out when it saves one.
pub const ENDS_AT_KEY: &str = "ends_at";

/// Sessions in the `sessions` table.
#[derive(Clone, Debug)]
pub struct PgSessionStore {
    pool: PgPool,
    /// How long a session lives after its last request; `None`: as long as
    /// the session's own expiry says.
    idle_limit: Option<chrono::Duration>,
}

impl PgSessionStore {
    pub fn new(pool: PgPool) -> PgSessionStore {
        PgSessionStore {
            pool,
            idle_limit: None,
        }
    }

    /// The store ending a session `limit` after its last request.
    pub fn ending_sessions_idle_for(self, limit: chrono::Duration) -> PgSessionStore {
        PgSessionStore {
            idle_limit: Some(limit),
            ..self
        }
    }

    /// The row of `record`: id, data as JSON (without [`ENDS_AT_KEY`]), end.
    fn row(&self, record: &Record) -> Result<(String, Value, DateTime<Utc>)> {
        let mut data =
            serde_json::to_value(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        if let Some(fields) = data.as_object_mut() {
            fields.remove(ENDS_AT_KEY);
        }
        let ends = match self.idle_limit {
            Some(limit) => clock::now() + limit,
            None => to_chrono(record.expiry_date)?,
        };
        Ok((record.id.to_string(), data, ends))
    }

    /// Deletes every session that expired before `now`; returns how many.
    pub async fn delete_expired(&self, now: DateTime<Utc>) -> sqlx::Result<u64> {
        let done = sqlx::query!("DELETE FROM sessions WHERE expires_at <= $1", now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

fn backend(error: impl std::fmt::Display) -> Error {
    Error::Backend(error.to_string())
}

fn to_chrono(time: time::OffsetDateTime) -> Result<DateTime<Utc>> {
    let nanos = i64::try_from(time.unix_timestamp_nanos()).map_err(backend)?;
    Ok(DateTime::from_timestamp_nanos(nanos))
}

fn to_time(time: DateTime<Utc>) -> Result<time::OffsetDateTime> {
    let nanos = time
        .timestamp_nanos_opt()
        .ok_or_else(|| backend("time out of range"))?;
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(nanos)).map_err(backend)
}

#[async_trait]
impl SessionStore for PgSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        // A fresh random id collides only by astronomical chance; try again then.
        loop {
            let (id, data, expires_at) = self.row(record)?;
            let inserted = sqlx::query!(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3)
                 ON CONFLICT (id) DO NOTHING",
                id,
                data,
                expires_at,
            )
            .execute(&self.pool)
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates a session that still exists, and never re-creates one: a
    /// request that was in flight while its session was signed out (or
    /// ended) must not bring it back when it finishes. New sessions come
    /// through [`SessionStore::create`].
    async fn save(&self, record: &Record) -> Result<()> {
        let (id, data, expires_at) = self.row(record)?;
        sqlx::query!(
            "UPDATE sessions SET data = $2, expires_at = $3 WHERE id = $1",
            id,
            data,
            expires_at,
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let row = sqlx::query!(
            "SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2",
            id.to_string(),
            clock::now(),
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let mut data: HashMap<String, Value> =
            serde_json::from_value(row.data).map_err(|e| Error::Decode(e.to_string()))?;
        data.insert(
            ENDS_AT_KEY.to_owned(),
            serde_json::to_value(row.expires_at).map_err(|e| Error::Decode(e.to_string()))?,
        );
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date: to_time(row.expires_at)?,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sqlx::query!("DELETE FROM sessions WHERE id = $1", id.to_string())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
