//! What the flag pages show (`/kontrol/flag`, `/kontrol/flag/<id>`) and
//! their server functions: the flags by status, one flag with the events
//! behind it, and the rules with their thresholds.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{FlagStatus, Rule};
use crate::error::AppError;
use crate::log_control::search::FoundEvent;

/// One flag in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagRow {
    pub id: i64,
    pub rule: Rule,
    /// The day of the look-ups, in words.
    pub day: String,
    pub unit: String,
    pub actor: String,
    pub actor_name: Option<String>,
    /// The system, for rules about one system.
    pub system: Option<String>,
    /// The citizen's pseudonym, for rules about one citizen.
    pub subject: Option<String>,
    /// Why the citizen is protected, in words.
    pub protection: Option<String>,
    pub events: i64,
    pub status: FlagStatus,
}

/// The flags with one status, newest day first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagList {
    pub rows: Vec<FlagRow>,
    /// How many flags have each status.
    pub counts: Vec<(FlagStatus, i64)>,
}

/// One flag with the events behind it and what was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagDetail {
    pub row: FlagRow,
    pub raised_at: String,
    pub events: Vec<FoundEvent>,
    pub note: Option<String>,
    /// "name (id)" and when, once decided.
    pub decided: Option<(String, String)>,
}

/// A rule as the DPO sets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleRow {
    pub rule: Rule,
    pub enabled: bool,
    pub max_citizens: Option<i32>,
    pub within_minutes: Option<i32>,
    /// "name (id)" and when it was last changed.
    pub changed: Option<(String, String)>,
}

/// The flags with `status` (a code; open ones by default).
#[server(endpoint = "control/flags")]
pub async fn load_flags(status: Option<String>) -> Result<FlagList, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    let status = status
        .as_deref()
        .and_then(FlagStatus::from_code)
        .unwrap_or(FlagStatus::Open);
    super::store::flags(&state.pool, &inspector, status, crate::i18n::request_lang())
        .await
        .map_err(AppError::internal)
}

/// One flag; reading it is logged (as a search by criterion: the flag).
#[server(endpoint = "control/flag")]
pub async fn load_flag(id: i64) -> Result<FlagDetail, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    super::store::flag(
        &state.pool,
        &inspector,
        &state.control,
        id,
        crate::i18n::request_lang(),
        crate::clock::now(),
    )
    .await
    .map_err(AppError::internal)?
    .ok_or_else(|| AppError::NotFound(crate::i18n::request_lang().text("flag-not-found")))
}

/// The rules with their thresholds.
#[server(endpoint = "control/flag-rules")]
pub async fn load_rules() -> Result<Vec<RuleRow>, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    super::store::rules(&state.pool, &inspector, crate::i18n::request_lang())
        .await
        .map_err(AppError::internal)
}
