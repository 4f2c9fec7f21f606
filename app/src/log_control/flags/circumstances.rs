//! What the flags' rules know besides the events, as the DPO keeps it:
//! the units' opening hours, the protected citizens (kept by subject key
//! only) and the units' standing reasons to look them up. Shown on
//! `/kontrol/flag` to the DPO and investigators, changed by the DPO.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The form setting a unit's opening hours, and where it posts.
pub const HOURS_FORM: &str = "opening-hours";
pub const HOURS_PATH: &str = "/kontrol/flag/aabningstider";
/// The form adding a protected citizen, and where it posts.
pub const PROTECT_FORM: &str = "protect";
pub const PROTECT_PATH: &str = "/kontrol/flag/beskyttede";
pub const UNPROTECT_PATH: &str = "/kontrol/flag/beskyttede/fjern";
/// The form adding a standing reason, and where it posts.
pub const STANDING_FORM: &str = "standing";
pub const STANDING_PATH: &str = "/kontrol/flag/faste-grunde";
pub const UNSTAND_PATH: &str = "/kontrol/flag/faste-grunde/fjern";

/// A unit's hours, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitHours {
    pub code: String,
    pub name: String,
    /// The unit's own hours in words; `None`: the standard hours.
    pub own: Option<String>,
}

/// A protected citizen as the list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectedRow {
    /// The key in hex, for the removal form (the DPO's page only).
    pub key: String,
    pub pseudonym: String,
    /// Why, in words.
    pub category: String,
    pub note: Option<String>,
    /// "name (id), when".
    pub added: String,
}

/// A unit's standing reason to look up a kind of protected citizen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandingRow {
    pub unit_code: String,
    pub unit: String,
    pub category_code: String,
    pub category: String,
    pub reason: String,
}

/// Everything the page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circumstances {
    pub hours: Vec<UnitHours>,
    pub protected: Vec<ProtectedRow>,
    /// Employees protected through the staff directory's keys.
    pub employees: i64,
    pub standing: Vec<StandingRow>,
}

#[server(endpoint = "control/flag-circumstances")]
pub async fn load_circumstances() -> Result<Circumstances, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    store::circumstances(&state.pool, &inspector, crate::i18n::request_lang())
        .await
        .map_err(AppError::internal)
}

#[cfg(feature = "ssr")]
pub mod store {
    //! [ssr] The circumstances in PostgreSQL.

    use chrono::{DateTime, Utc};
    use sqlx::PgPool;

    use super::{Circumstances, ProtectedRow, StandingRow, UnitHours};
    use crate::capability::{LogController, LogInspector};
    use crate::dates::moment_text;
    use crate::i18n::Lang;
    use crate::identity::subject_key::SubjectKey;
    use crate::log_control::flags::rules::OpeningHours;
    use crate::log_control::flags::Protection;

    /// `hours` in words: "man., tir., ons. 07.00–18.00, også helligdage".
    pub fn hours_text(hours: &OpeningHours, lang: Lang) -> String {
        let days = hours
            .weekdays
            .iter()
            .map(|day| lang.text(&format!("weekday-{day}")))
            .collect::<Vec<_>>()
            .join(", ");
        let clock = |minute: u32| format!("{:02}.{:02}", minute / 60, minute % 60);
        let mut text = format!(
            "{days} {}–{}",
            clock(hours.opens_minute),
            clock(hours.closes_minute)
        );
        if hours.open_on_holidays {
            text.push_str(&lang.text("hours-holidays-too"));
        }
        text
    }

    pub async fn circumstances(
        pool: &PgPool,
        _inspector: &LogInspector,
        lang: Lang,
    ) -> sqlx::Result<Circumstances> {
        let hours = sqlx::query!(
            r#"SELECT u.code, u.name, h.weekdays AS "weekdays?", h.opens_minute AS "opens_minute?",
                      h.closes_minute AS "closes_minute?", h.open_on_holidays AS "open_on_holidays?"
               FROM org_units u LEFT JOIN unit_opening_hours h ON h.org_unit_id = u.id
               ORDER BY u.name"#
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| {
            let minutes = |minute: i16| u32::try_from(minute).unwrap_or_default();
            let own = match (
                row.weekdays,
                row.opens_minute,
                row.closes_minute,
                row.open_on_holidays,
            ) {
                (Some(days), Some(opens), Some(closes), Some(holidays)) => Some(hours_text(
                    &OpeningHours {
                        weekdays: days
                            .into_iter()
                            .filter_map(|day| u32::try_from(day).ok())
                            .collect(),
                        opens_minute: minutes(opens),
                        closes_minute: minutes(closes),
                        open_on_holidays: holidays,
                    },
                    lang,
                )),
                _ => None,
            };
            UnitHours {
                code: row.code,
                name: row.name,
                own,
            }
        })
        .collect();
        let protected = sqlx::query!(
            "SELECT subject_key, category, note, added_by, added_at FROM protected_citizens
             ORDER BY added_at DESC"
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .filter_map(|row| {
            let key = SubjectKey::from_slice(&row.subject_key)?;
            Some(ProtectedRow {
                key: hex::encode(key.as_bytes()),
                pseudonym: key.pseudonym(),
                category: Protection::from_code(&row.category)?.label(lang),
                note: row.note,
                added: format!("{}, {}", row.added_by, moment_text(lang, row.added_at)),
            })
        })
        .collect();
        let employees = sqlx::query_scalar!(
            r#"SELECT count(*) AS "count!" FROM staff_directory WHERE subject_key IS NOT NULL"#
        )
        .fetch_one(pool)
        .await?;
        let standing = sqlx::query!(
            "SELECT u.code, u.name, r.category, r.reason FROM protected_standing_reasons r
             JOIN org_units u ON u.id = r.org_unit_id ORDER BY u.name, r.category"
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .filter_map(|row| {
            Some(StandingRow {
                category: Protection::from_code(&row.category)?.label(lang),
                category_code: row.category,
                unit_code: row.code,
                unit: row.name,
                reason: row.reason,
            })
        })
        .collect();
        Ok(Circumstances {
            hours,
            protected,
            employees,
            standing,
        })
    }

    /// Sets unit `unit`'s hours, or with `None` gives it the standard ones
    /// again; `false` when there is no such unit.
    pub async fn set_hours(
        pool: &PgPool,
        controller: &LogController,
        unit: &str,
        hours: Option<&OpeningHours>,
        now: DateTime<Utc>,
    ) -> sqlx::Result<bool> {
        let Some(unit_id) = sqlx::query_scalar!("SELECT id FROM org_units WHERE code = $1", unit)
            .fetch_optional(pool)
            .await?
        else {
            return Ok(false);
        };
        match hours {
            None => {
                sqlx::query!(
                    "DELETE FROM unit_opening_hours WHERE org_unit_id = $1",
                    unit_id
                )
                .execute(pool)
                .await?;
            }
            Some(hours) => {
                let small = |value: u32| i16::try_from(value).unwrap_or(i16::MAX);
                let days: Vec<i16> = hours.weekdays.iter().map(|day| small(*day)).collect();
                sqlx::query!(
                    "INSERT INTO unit_opening_hours (org_unit_id, weekdays, opens_minute, closes_minute,
                         open_on_holidays, changed_by, changed_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (org_unit_id) DO UPDATE SET weekdays = excluded.weekdays,
                         opens_minute = excluded.opens_minute, closes_minute = excluded.closes_minute,
                         open_on_holidays = excluded.open_on_holidays,
                         changed_by = excluded.changed_by, changed_at = excluded.changed_at",
                    unit_id,
                    &days,
                    small(hours.opens_minute),
                    small(hours.closes_minute),
                    hours.open_on_holidays,
                    controller.inspector().signature(),
                    now,
                )
                .execute(pool)
                .await?;
            }
        }
        Ok(true)
    }

    /// Puts the citizen with `key` on the protected list (or changes why).
    pub async fn protect(
        pool: &PgPool,
        controller: &LogController,
        key: &SubjectKey,
        protection: Protection,
        note: Option<&str>,
        now: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        sqlx::query!(
            "INSERT INTO protected_citizens (subject_key, category, note, added_by, added_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (subject_key) DO UPDATE SET category = excluded.category,
                 note = excluded.note, added_by = excluded.added_by, added_at = excluded.added_at",
            key.as_bytes().as_slice(),
            protection.code(),
            note,
            controller.inspector().signature(),
            now,
        )
        .execute(pool)
        .await?;
        Ok(())
    }

    /// Takes the citizen with `key` off the list; `false` when not on it.
    pub async fn unprotect(
        pool: &PgPool,
        _controller: &LogController,
        key: &SubjectKey,
    ) -> sqlx::Result<bool> {
        Ok(sqlx::query!(
            "DELETE FROM protected_citizens WHERE subject_key = $1",
            key.as_bytes().as_slice()
        )
        .execute(pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Gives `unit` a standing reason for `protection`; `false` when there
    /// is no such unit.
    pub async fn add_standing(
        pool: &PgPool,
        controller: &LogController,
        unit: &str,
        protection: Protection,
        reason: &str,
        now: DateTime<Utc>,
    ) -> sqlx::Result<bool> {
        Ok(sqlx::query!(
            "INSERT INTO protected_standing_reasons (org_unit_id, category, reason, added_by, added_at)
             SELECT id, $2, $3, $4, $5 FROM org_units WHERE code = $1
             ON CONFLICT (org_unit_id, category) DO UPDATE SET reason = excluded.reason,
                 added_by = excluded.added_by, added_at = excluded.added_at",
            unit,
            protection.code(),
            reason,
            controller.inspector().signature(),
            now,
        )
        .execute(pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Removes `unit`'s standing reason for `protection`.
    pub async fn remove_standing(
        pool: &PgPool,
        _controller: &LogController,
        unit: &str,
        protection: Protection,
    ) -> sqlx::Result<bool> {
        Ok(sqlx::query!(
            "DELETE FROM protected_standing_reasons r USING org_units u
             WHERE u.id = r.org_unit_id AND u.code = $1 AND r.category = $2",
            unit,
            protection.code(),
        )
        .execute(pool)
        .await?
        .rows_affected()
            == 1)
    }
}
