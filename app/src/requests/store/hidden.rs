//! [ssr] The citizen's hidden log entries as an access request's casework
//! sees them (docs/rules.md §2.3): counted by system, end and reason in the
//! period the answer covers, never what they are; and whether a caseworker
//! has assessed them, which the answer waits for.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use super::{Loaded, RequestSettings, StoreError};
use crate::access_log::coverage::{covers_from, local_date};
use crate::dates::date_text;
use crate::i18n::Lang;
use crate::requests::kinds::Kind;
use crate::requests::views::HiddenGroup;

/// The citizen's entries hidden at `now` in the period an access request's
/// answer covers (from the day the log covered at receipt, held copies
/// included), by system, end and reason; nothing for other kinds.
pub(super) async fn hidden_in_answer(
    db: &mut PgConnection,
    request: &Loaded,
    settings: &RequestSettings,
    now: DateTime<Utc>,
) -> Result<Vec<HiddenCount>, StoreError> {
    if request.kind != Kind::Access {
        return Ok(Vec::new());
    }
    let from = covers_from(request.received_at, settings.log_retention_months);
    Ok(sqlx::query_as!(
        HiddenCount,
        r#"SELECT sys.name AS system, s.hidden_until, s.hidden_reason AS "reason!",
                  sum(s.events)::int8 AS "events!"
           FROM (SELECT source_system_id, hidden_until, hidden_reason, events
                 FROM access_summary
                 WHERE subject_key = $1 AND day >= $2 AND hidden_reason IS NOT NULL
                   AND (hidden_until IS NULL OR hidden_until > $3)
                 UNION ALL
                 SELECT source_system_id, hidden_until, hidden_reason, events
                 FROM held_access_summary
                 WHERE request_id = $4 AND subject_key = $1 AND day >= $2
                   AND hidden_reason IS NOT NULL
                   AND (hidden_until IS NULL OR hidden_until > $3)) s
           JOIN source_systems sys ON sys.id = s.source_system_id
           GROUP BY sys.name, s.hidden_until, s.hidden_reason
           ORDER BY sys.name, s.hidden_until NULLS LAST"#,
        request.subject_key.as_bytes().as_slice(),
        from,
        now,
        request.id
    )
    .fetch_all(db)
    .await?)
}

/// Hidden entries of one system with one end and reason, as counted.
pub(super) struct HiddenCount {
    system: String,
    hidden_until: Option<DateTime<Utc>>,
    reason: String,
    pub events: i64,
}

impl HiddenCount {
    pub fn shown(self, lang: Lang) -> HiddenGroup {
        HiddenGroup {
            system: self.system,
            until: self
                .hidden_until
                .map(|until| date_text(lang, local_date(until))),
            reason: self.reason,
            events: self.events,
        }
    }
}

/// Whether a caseworker has assessed request `id`'s hidden entries.
pub(super) async fn hidden_assessed(db: &mut PgConnection, id: i64) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM data_request_events
                          WHERE request_id = $1 AND action = 'hidden_assessed') AS "assessed!""#,
        id
    )
    .fetch_one(db)
    .await?)
}
