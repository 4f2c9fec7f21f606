//! The half-yearly review of authorisations (sikkerhedsbekendtgørelsen
//! § 17, docs/rules.md §4.6): the DPO starts a review of a unit; its
//! manager (or the DPO) confirms or marks for removal each of the unit's
//! staff in the portal and each of its people in the staff directory, with
//! their usage statistics beside them ([`super::usage`]); completing it
//! deactivates the marked staff in the portal (not assignable, no digest,
//! refused at sign-in). Revoking access in the identity provider and in
//! the source systems stays the municipality's job: the page says so.

#[cfg(feature = "ssr")]
pub mod store;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::usage::{ActorUsage, StaffUsage};
use crate::error::AppError;
use crate::i18n::Lang;

/// The DPO's form starting a review.
pub const START_FORM: &str = "start";
/// The form deciding one person (`decide-<item>` on the page).
pub const DECIDE_FORM: &str = "decide";
/// The form completing a review.
pub const COMPLETE_FORM: &str = "complete";
/// The DPO's form restoring a deactivated staff member.
pub const RESTORE_FORM: &str = "restore";

/// The reviews' page.
pub const REVIEWS_PAGE: &str = "/kontrol/autorisationer";

/// Days the manager has to complete a review.
pub const ANSWER_DAYS: u64 = 30;
/// A unit is due for a new review this many months after the last one.
pub const INTERVAL_MONTHS: u32 = 6;

/// Whether a person keeps their access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Keep,
    Remove,
}

impl Decision {
    pub const ALL: [Decision; 2] = [Decision::Keep, Decision::Remove];

    pub fn code(self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Remove => "remove",
        }
    }

    pub fn from_code(code: &str) -> Option<Decision> {
        Decision::ALL
            .into_iter()
            .find(|decision| decision.code() == code)
    }

    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("review-decision-{}", self.code()))
    }
}

/// One person in a review, with what they did in the review's period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub id: i64,
    /// Staff id in the portal, or actor id in the source systems.
    pub person: String,
    pub name: String,
    /// Their roles in the portal, in words (staff of the portal only).
    pub roles: Option<String>,
    pub decision: Option<Decision>,
    pub note: Option<String>,
    /// "name (id), when" of the decision.
    pub decided: Option<String>,
    /// A staff member of the portal: their sign-ins and actions.
    pub staff_usage: Option<StaffUsage>,
    /// A person of the directory: their uses per system.
    pub actor_usage: Vec<ActorUsage>,
}

/// A review as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i64,
    pub unit: String,
    /// The period of the statistics, in words.
    pub period: String,
    pub started: String,
    pub answer_by: String,
    pub late: bool,
    /// "name (id), when" once completed.
    pub completed: Option<String>,
    /// The unit's staff in the portal.
    pub portal: Vec<ReviewItem>,
    /// The unit's people in the staff directory.
    pub directory: Vec<ReviewItem>,
}

impl ReviewView {
    pub fn open(&self) -> bool {
        self.completed.is_none()
    }

    /// People not decided yet.
    pub fn undecided(&self) -> usize {
        self.portal
            .iter()
            .chain(&self.directory)
            .filter(|item| item.decision.is_none())
            .count()
    }
}

/// One review in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewLine {
    pub id: i64,
    pub unit: String,
    pub started: String,
    pub answer_by: String,
    pub late: bool,
    pub people: i64,
    pub decided: i64,
    pub removed: i64,
    pub completed: Option<String>,
}

/// A unit as the DPO plans reviews: its last review and whether one is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitReviewState {
    pub code: String,
    pub name: String,
    /// When the last review started, in words.
    pub last_started: Option<String>,
    /// Never reviewed, or the last review started [`INTERVAL_MONTHS`] ago.
    pub due: bool,
    /// The review in progress, if one is.
    pub open_review: Option<i64>,
}

/// A staff member a review removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeactivatedStaff {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// "name (id), when".
    pub deactivated: String,
}

/// The reviews' page: the reviews the reader sees, and for the DPO the
/// units with their state and the staff removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewsOverview {
    pub reviews: Vec<ReviewLine>,
    pub units: Vec<UnitReviewState>,
    pub deactivated: Vec<DeactivatedStaff>,
}

/// The reviews the reader sees (the DPO: every unit's, with the units and
/// the removed staff; a manager: their unit's).
#[server(endpoint = "control/reviews")]
pub async fn load_reviews() -> Result<ReviewsOverview, AppError> {
    let caller = crate::caller::Caller::current();
    let reviewer = caller.authorisation_reviewer()?;
    let controller = caller.log_controller().ok();
    let state = crate::state::app_state()?;
    store::overview(
        &state.pool,
        &reviewer,
        controller.as_ref(),
        crate::i18n::request_lang(),
        crate::clock::now(),
    )
    .await
    .map_err(AppError::internal)
}

/// One review with each person's statistics.
#[server(endpoint = "control/review")]
pub async fn load_review(id: i64) -> Result<ReviewView, AppError> {
    let reviewer = crate::caller::Caller::current().authorisation_reviewer()?;
    let state = crate::state::app_state()?;
    let lang = crate::i18n::request_lang();
    store::review(&state.pool, &reviewer, id, lang, crate::clock::now())
        .await
        .map_err(AppError::internal)?
        .ok_or_else(|| AppError::NotFound(lang.text("review-not-found")))
}
