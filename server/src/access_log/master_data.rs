//! The master data events are checked against, looked up by the codes the
//! source systems send.

use std::collections::HashMap;

use sqlx::PgExecutor;

/// A source system as ingestion needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSystem {
    pub id: i64,
    pub code: String,
    pub may_hide: bool,
}

/// Codes → ids of units and purposes.
#[derive(Debug, Default)]
pub struct Codes {
    pub units: HashMap<String, i64>,
    pub purposes: HashMap<String, i64>,
}

impl Codes {
    /// Reads every unit and purpose code.
    pub async fn load(db: impl PgExecutor<'_> + Copy) -> sqlx::Result<Codes> {
        let units = sqlx::query!("SELECT code, id FROM org_units")
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|row| (row.code, row.id))
            .collect();
        let purposes = sqlx::query!("SELECT code, id FROM purposes")
            .fetch_all(db)
            .await?
            .into_iter()
            .map(|row| (row.code, row.id))
            .collect();
        Ok(Codes { units, purposes })
    }
}

/// The source system with `code`, if there is one.
pub async fn source_system(
    db: impl PgExecutor<'_>,
    code: &str,
) -> sqlx::Result<Option<SourceSystem>> {
    sqlx::query_as!(
        SourceSystem,
        "SELECT id, code, may_hide FROM source_systems WHERE code = $1",
        code
    )
    .fetch_optional(db)
    .await
}
