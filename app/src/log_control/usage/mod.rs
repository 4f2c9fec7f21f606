//! Usage statistics (benyttelsesstatistik, docs/rules.md §4.5): per actor
//! and system, how many look-ups and other uses of each type in a chosen
//! period, who had none, and the same for the portal's own staff (sign-ins,
//! actions on requests, their uses of citizens' data in the portal). The
//! DPO and investigators read every unit's, a manager their own unit's;
//! the authorisation review ([`super::review`]) shows each person's beside
//! them. Counted from `actor_usage_days`, which the flag job keeps.

#[cfg(feature = "ssr")]
pub mod store;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::access_log::my_log::Choice;
use crate::access_log::UseType;
use crate::error::AppError;
use crate::form::FormReply;

/// The name of the filter form (its fields' ids start with it).
pub const FORM: &str = "usage";

/// The filter as text from the URL (`from`, `to`: `YYYY-MM-DD`; `unit`,
/// `system`: codes), checked on the server. The names are the form's
/// fields', so the page shows what was asked at its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageQuery {
    pub from: String,
    pub to: String,
    pub unit: String,
    pub system: String,
}

impl UsageQuery {
    /// Reads the filter from query-string pairs; unknown keys are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> UsageQuery {
        let mut query = UsageQuery::default();
        for (key, value) in pairs {
            let value = value.trim().to_owned();
            match key {
                "from" => query.from = value,
                "to" => query.to = value,
                "unit" => query.unit = value,
                "system" => query.system = value,
                _ => {}
            }
        }
        query
    }

    /// The query string (without `?`), for the export link.
    pub fn to_query_string(&self) -> String {
        [
            ("from", &self.from),
            ("to", &self.to),
            ("unit", &self.unit),
            ("system", &self.system),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", crate::text::query_value(value)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// Uses counted by type, in the order of [`UseType::ALL`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UseCounts(pub Vec<i64>);

impl UseCounts {
    /// No uses of any type.
    pub fn none() -> UseCounts {
        UseCounts(vec![0; UseType::ALL.len()])
    }

    pub fn add(&mut self, use_type: UseType, events: i64) {
        if let Some(index) = UseType::ALL.iter().position(|kind| *kind == use_type) {
            self.0[index] += events;
        }
    }

    /// Look-ups: reading and searching.
    pub fn look_ups(&self) -> i64 {
        self.of(UseType::Read) + self.of(UseType::Search)
    }

    pub fn of(&self, use_type: UseType) -> i64 {
        UseType::ALL
            .iter()
            .position(|kind| *kind == use_type)
            .and_then(|index| self.0.get(index).copied())
            .unwrap_or_default()
    }

    pub fn total(&self) -> i64 {
        self.0.iter().sum()
    }
}

/// One actor's uses in one system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorUsage {
    pub actor: String,
    /// From the staff directory, when it knows the actor.
    pub name: Option<String>,
    pub home_unit: Option<String>,
    pub system: String,
    pub counts: UseCounts,
    /// The last day with a use in the period, in words.
    pub last_day: String,
}

/// A person of the staff directory with no use in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdleActor {
    pub actor: String,
    pub name: String,
    pub unit: String,
}

/// A staff member of the portal and what they did in it in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUsage {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// Their roles, in words.
    pub roles: String,
    pub sign_ins: i64,
    /// Their latest sign-in ever, in words.
    pub last_sign_in: String,
    /// Steps taken on requests (assigning, answering, notes, …).
    pub case_actions: i64,
    /// Uses of citizens' data inside the portal (opening a request,
    /// searching the log, …), as the portal logged them.
    pub portal_uses: i64,
    /// Removed by an authorisation review.
    pub deactivated: bool,
}

impl StaffUsage {
    /// Nothing at all in the period.
    pub fn idle(&self) -> bool {
        self.sign_ins == 0 && self.case_actions == 0 && self.portal_uses == 0
    }
}

/// The most actor and system lines the page shows (the export has all).
pub const PAGE_LINES: usize = 1_000;

/// The statistics page's content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageReport {
    /// What was asked, and what is wrong with it (then nothing is counted).
    pub reply: FormReply,
    /// The period counted, in words.
    pub period: String,
    pub actors: Vec<ActorUsage>,
    /// More lines than [`PAGE_LINES`]: the export has them all.
    pub more_lines: usize,
    pub idle: Vec<IdleActor>,
    pub staff: Vec<StaffUsage>,
    /// The units the reader may choose among (one for a manager).
    pub units: Vec<Choice>,
    pub systems: Vec<Choice>,
    /// The filter was read; the figures are for it.
    pub counted: bool,
}

/// The statistics for the filter in the address.
#[server(endpoint = "control/usage")]
pub async fn load_usage(query: UsageQuery) -> Result<UsageReport, AppError> {
    let reader = crate::caller::Caller::current().usage_reader()?;
    let state = crate::state::app_state()?;
    store::report(
        &state.pool,
        &reader,
        &query,
        state.control.log_retention_months,
        crate::i18n::request_lang(),
        crate::clock::now(),
    )
    .await
    .map_err(AppError::internal)
}
