//! Random samples of look-ups (stikprøver, docs/rules.md §4.4): the DPO's
//! plans per unit and system, whose dates only the DPO and investigators
//! see before they come; on a sample date, for every employee who looked
//! something up in the unit, a few of their look-ups of the days before,
//! drawn reproducibly from the plan's seed ([`draw`]); the employee's
//! reason for each (`/sagsbehandling/stikproever`), and the manager's or
//! the DPO's review of it (`/kontrol/stikproever`).

#[cfg(feature = "ssr")]
pub mod draw;
#[cfg(feature = "ssr")]
pub mod store;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The form answering one sampled look-up (`answer-<item>` on the page).
pub const ANSWER_FORM: &str = "answer";
/// The form reviewing one answer.
pub const REVIEW_FORM: &str = "review";
/// The form making a plan.
pub const PLAN_FORM: &str = "plan";

/// What a reviewer thought of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    InOrder,
    FollowUp,
}

impl Review {
    pub const ALL: [Review; 2] = [Review::InOrder, Review::FollowUp];

    pub fn code(self) -> &'static str {
        match self {
            Review::InOrder => "in_order",
            Review::FollowUp => "follow_up",
        }
    }

    pub fn from_code(code: &str) -> Option<Review> {
        Review::ALL.into_iter().find(|review| review.code() == code)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.text(&format!("sample-review-{}", self.code()))
    }
}

/// One sampled look-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleItem {
    pub id: i64,
    /// The employee's actor id, and their name in the staff directory.
    pub actor: String,
    pub actor_name: Option<String>,
    /// When, to the minute, in words.
    pub at: String,
    pub system: String,
    pub use_type: String,
    /// The citizen, masked (a pseudonym: the portal never holds the
    /// number of a citizen in the log).
    pub subject: String,
    pub case_reference: Option<String>,
    pub reason: Option<String>,
    /// "name (id), when" of the answer.
    pub answered: Option<String>,
    pub review: Option<Review>,
    pub review_note: Option<String>,
    /// "name (id), when" of the review.
    pub reviewed: Option<String>,
}

/// A sample: when, where, by when to answer, and its look-ups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleView {
    pub id: i64,
    pub unit: String,
    /// `None`: every system.
    pub system: Option<String>,
    pub drawn_on: String,
    pub answer_by: String,
    /// The answer is late.
    pub late: bool,
    pub items: Vec<SampleItem>,
}

/// A plan as the DPO and investigators see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRow {
    pub id: i64,
    pub unit: String,
    pub system: Option<String>,
    pub min_months: i32,
    pub max_months: i32,
    pub per_employee: i32,
    pub days_before_min: i32,
    pub days_before_max: i32,
    pub answer_days: i32,
    /// The next sample's date, in words: secret to everyone else.
    pub next_sample_on: String,
    pub samples_drawn: i32,
    pub active: bool,
}

/// The signed-in staff member's own samples, newest first.
#[server(endpoint = "samples/mine")]
pub async fn load_my_samples() -> Result<Vec<SampleView>, AppError> {
    let employee = crate::caller::Caller::current().sampled_employee()?;
    let state = crate::state::app_state()?;
    store::own_samples(
        &state.pool,
        &employee,
        crate::i18n::request_lang(),
        crate::clock::now(),
    )
    .await
    .map_err(AppError::internal)
}

/// The samples the reviewer reviews (the DPO every unit's, a manager
/// their unit's), newest first.
#[server(endpoint = "samples/review")]
pub async fn load_samples_to_review() -> Result<Vec<SampleView>, AppError> {
    let reviewer = crate::caller::Caller::current().sample_reviewer()?;
    let state = crate::state::app_state()?;
    store::samples_to_review(
        &state.pool,
        &reviewer,
        crate::i18n::request_lang(),
        crate::clock::now(),
    )
    .await
    .map_err(AppError::internal)
}

/// The sampling plans with their next dates (the DPO and investigators).
#[server(endpoint = "samples/plans")]
pub async fn load_plans() -> Result<Vec<PlanRow>, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    store::plans(&state.pool, &inspector, crate::i18n::request_lang())
        .await
        .map_err(AppError::internal)
}
