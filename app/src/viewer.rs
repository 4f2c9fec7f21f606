//! Who is looking at the page, as far as the page frame needs to know: shown
//! in the header. Filled in by the server from the session; never carries a
//! CPR number or a subject key.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in user, or nobody.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    #[default]
    Anonymous,
    /// A citizen signed in with MitID.
    Citizen { name: String },
    /// A staff member signed in with the workforce identity; `unit` is the
    /// unit's code; `pages` what their roles let them open.
    Staff {
        name: String,
        unit: String,
        #[serde(default)]
        pages: StaffPages,
    },
}

/// The staff pages a staff member's roles open, so that no one is shown a
/// link to a page that would refuse them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPages {
    /// `/dpo` (the DPO and administrators).
    pub overview: bool,
    /// `/sagsbehandling`, the queue and the requests (caseworkers, the DPO).
    pub queue: bool,
    /// Registering a request and acting on one (caseworkers).
    pub casework: bool,
    /// `/kontrol`, the control of the log (the DPO, investigators, managers).
    pub control: bool,
    /// `/kontrol/log` and `/kontrol/flag`: the raw log and its flags (the
    /// DPO, investigators).
    pub inspection: bool,
    /// Setting how the log is controlled: the flags' rules (the DPO).
    pub control_settings: bool,
    /// Reviewing a unit's people: the answers to random samples and the
    /// authorisations (the DPO, managers).
    pub unit_review: bool,
}

#[cfg(feature = "ssr")]
impl StaffPages {
    /// What `roles` open.
    pub fn of(roles: &[crate::caller::Role]) -> StaffPages {
        use crate::caller::Role;
        let any = |set: &[Role]| roles.iter().any(|role| set.contains(role));
        StaffPages {
            overview: any(Role::OVERSEERS),
            queue: any(Role::CASE_READERS),
            casework: any(&[Role::Caseworker]),
            control: any(Role::CONTROLLERS),
            inspection: any(Role::LOG_INSPECTORS),
            control_settings: any(&[Role::Dpo]),
            unit_review: any(Role::UNIT_REVIEWERS),
        }
    }
}

/// The viewer of this render.
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().unwrap_or_default()
}
