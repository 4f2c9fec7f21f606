//! [ssr] The names a citizen's log shows for units (with their authority),
//! systems and purposes, kept in the server's memory so that reading a
//! citizen's summary returns ids rather than the same names on every row.
//!
//! The database counts every change to these tables
//! (`master_data_version`, bumped by a trigger on each statement that
//! changes one of them, migrations/20261207000001_master_data_version.sql).
//! A summary query returns the count it saw with its rows, and
//! [`MasterData::at_version`] reads the names again whenever the count it
//! holds differs: a renamed unit shows under its new name on the next page,
//! on every server. Names are never older than the rows they are shown
//! with, since the count is read before the names.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use sqlx::PgPool;

/// A unit as the log shows it: its code and name and its authority's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitNames {
    pub code: String,
    pub name: String,
    pub authority: String,
    /// Whether its authority is marked sensitive.
    pub authority_sensitive: bool,
}

/// A source system as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemNames {
    pub code: String,
    pub name: String,
    pub description: String,
    pub sensitive: bool,
}

/// A purpose as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurposeNames {
    pub description: String,
    pub legal_basis: String,
}

/// Every unit, system and purpose by id, as of one `version`.
#[derive(Debug, Default)]
pub struct Names {
    version: Option<i64>,
    units: HashMap<i64, Arc<UnitNames>>,
    systems: HashMap<i64, Arc<SystemNames>>,
    purposes: HashMap<i64, Arc<PurposeNames>>,
}

impl Names {
    pub fn unit(&self, id: i64) -> Option<Arc<UnitNames>> {
        self.units.get(&id).cloned()
    }

    pub fn system(&self, id: i64) -> Option<Arc<SystemNames>> {
        self.systems.get(&id).cloned()
    }

    pub fn purpose(&self, id: i64) -> Option<Arc<PurposeNames>> {
        self.purposes.get(&id).cloned()
    }
}

/// The names as last read, shared by every request of one server.
#[derive(Clone, Debug, Default)]
pub struct MasterData {
    names: Arc<RwLock<Arc<Names>>>,
}

impl MasterData {
    /// The names as of `version` or later: the ones held, unless they are
    /// of another version, then read again from `pool`.
    pub async fn at_version(&self, pool: &PgPool, version: i64) -> sqlx::Result<Arc<Names>> {
        let held = self.held();
        if held.version == Some(version) {
            return Ok(held);
        }
        let fresh = Arc::new(read(pool).await?);
        *self.names.write().unwrap_or_else(PoisonError::into_inner) = Arc::clone(&fresh);
        Ok(fresh)
    }

    fn held(&self) -> Arc<Names> {
        Arc::clone(&self.names.read().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Every unit, system and purpose, with the version counted before them.
async fn read(pool: &PgPool) -> sqlx::Result<Names> {
    let version = sqlx::query_scalar!("SELECT version FROM master_data_version")
        .fetch_one(pool)
        .await?;
    let units = sqlx::query!(
        "SELECT u.id, u.code, u.name, a.name AS authority, a.sensitive
         FROM org_units u JOIN authorities a ON a.id = u.authority_id"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| {
        let names = UnitNames {
            code: row.code,
            name: row.name,
            authority: row.authority,
            authority_sensitive: row.sensitive,
        };
        (row.id, Arc::new(names))
    })
    .collect();
    let systems = sqlx::query!("SELECT id, code, name, description, sensitive FROM source_systems")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| {
            let names = SystemNames {
                code: row.code,
                name: row.name,
                description: row.description,
                sensitive: row.sensitive,
            };
            (row.id, Arc::new(names))
        })
        .collect();
    let purposes = sqlx::query!("SELECT id, description, legal_basis FROM purposes")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| {
            let names = PurposeNames {
                description: row.description,
                legal_basis: row.legal_basis,
            };
            (row.id, Arc::new(names))
        })
        .collect();
    Ok(Names {
        version: Some(version),
        units,
        systems,
        purposes,
    })
}
