//! When each source system last delivered events, for the DPO: a system
//! that falls silent leaves a gap in the log that no citizen can notice, so
//! one silent for longer than `source_silence_warning_hours` is flagged.
//! The server notes every delivery as it stores the events
//! (`source_system_deliveries`, one row per system).

use serde::{Deserialize, Serialize};

/// One source system's deliveries, as the DPO's page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDelivery {
    pub system: String,
    /// E.g. "30. november 2026 kl. 14.05"; `None` when it never delivered.
    pub last_delivery: Option<String>,
    pub events_stored: i64,
    /// Silent for longer than the setting (or never delivered).
    pub silent: bool,
}

/// The settings of the log's own oversight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OversightSettings {
    /// A source system silent for longer than this is flagged.
    pub source_silence_hours: u32,
}

#[cfg(feature = "ssr")]
pub use store::deliveries;

#[cfg(feature = "ssr")]
mod store {
    use chrono::{DateTime, Duration, Utc};
    use sqlx::PgPool;

    use super::SourceDelivery;
    use crate::access_log::write::PORTAL_SYSTEM;
    use crate::capability::Overseer;
    use crate::dates::moment_text;
    use crate::i18n::Lang;

    /// Every source system (but the portal itself), the longest silent
    /// first, at `now`; `silent_after` flags the silent.
    pub async fn deliveries(
        pool: &PgPool,
        _overseer: &Overseer,
        now: DateTime<Utc>,
        silent_after: Duration,
        lang: Lang,
    ) -> sqlx::Result<Vec<SourceDelivery>> {
        let rows = sqlx::query!(
            r#"SELECT s.name, d.last_delivery_at AS "last_delivery_at?",
                      COALESCE(d.events_stored, 0) AS "events_stored!"
               FROM source_systems s
               LEFT JOIN source_system_deliveries d ON d.source_system_id = s.id
               WHERE s.code <> $1
               ORDER BY d.last_delivery_at ASC NULLS FIRST, s.name"#,
            PORTAL_SYSTEM
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| SourceDelivery {
                system: row.name,
                last_delivery: row.last_delivery_at.map(|at| moment_text(lang, at)),
                events_stored: row.events_stored,
                silent: row
                    .last_delivery_at
                    .is_none_or(|at| now - at > silent_after),
            })
            .collect())
    }
}
