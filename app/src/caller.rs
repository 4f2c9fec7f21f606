//! [ssr] Who is calling. The server's session middleware attaches a
//! [`Caller`] to every request, built from the validated session and from
//! nothing else; the capabilities in [`crate::capability`] are derived from
//! it, so a citizen's identity never comes from a parameter.

use leptos::prelude::use_context;
use serde::{Deserialize, Serialize};

use crate::identity::sealed_cpr::SealedCpr;
use crate::identity::subject_key::SubjectKey;

/// What a staff member may do, from the workforce identity provider's roles claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Handles data-subject requests for their units.
    Caseworker,
    /// The data protection officer: every deadline, the log, the registry of rejections.
    Dpo,
    /// Administers the portal; may lift blocks.
    Admin,
    /// Leads a unit: reviews the unit's random samples and confirms who in
    /// it is authorised (the half-yearly review).
    Manager,
    /// The security function: searches the raw log and assesses flags
    /// beside the DPO.
    Investigator,
    /// Any employee of the municipality: answers their own random samples.
    Employee,
}

impl Role {
    /// Every role, in the order they are listed.
    pub const ALL: [Role; 6] = [
        Role::Caseworker,
        Role::Dpo,
        Role::Admin,
        Role::Manager,
        Role::Investigator,
        Role::Employee,
    ];

    /// Who may read requests: a caseworker their unit's, the DPO every unit's.
    pub const CASE_READERS: &'static [Role] = &[Role::Caseworker, Role::Dpo];

    /// Who oversees the portal: the DPO's overview, the rejection registry,
    /// lifting blocks.
    pub const OVERSEERS: &'static [Role] = &[Role::Dpo, Role::Admin];

    /// Who searches the raw log and assesses its flags (`/kontrol/log`,
    /// `/kontrol/flag`).
    pub const LOG_INSPECTORS: &'static [Role] = &[Role::Dpo, Role::Investigator];

    /// Who opens the control of the log at all (`/kontrol`): the log's
    /// inspectors, and managers for their own unit's reviews.
    pub const CONTROLLERS: &'static [Role] = &[Role::Dpo, Role::Investigator, Role::Manager];

    /// Who reviews a unit's people: the answers to random samples
    /// (`/kontrol/stikproever`) and the authorisations
    /// (`/kontrol/autorisationer`): the DPO, and managers for their unit.
    pub const UNIT_REVIEWERS: &'static [Role] = &[Role::Dpo, Role::Manager];

    /// The role's name in the roles claim and in `staff_members.roles`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Caseworker => "caseworker",
            Role::Dpo => "dpo",
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Investigator => "investigator",
            Role::Employee => "employee",
        }
    }

    /// Reads a role name as the identity provider sends it.
    pub fn parse(name: &str) -> Option<Role> {
        let name = name.trim().to_ascii_lowercase();
        Role::ALL.into_iter().find(|role| role.code() == name)
    }

    /// The role in words ("Sagsbehandler" / "Caseworker").
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        lang.text(&format!("role-{}", self.code()))
    }
}

/// A signed-in staff member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// The workforce identity provider's subject identifier.
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    /// The organisational unit's code.
    pub unit: String,
}

impl StaffMember {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Holds at least one of `roles` (one of the sets on [`Role`]).
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|role| self.has(*role))
    }

    /// "name (id)": who is recorded when the staff member decides something.
    pub fn signature(&self) -> String {
        format!("{} ({})", self.name, self.id)
    }
}

/// A citizen signed in with MitID, as the session knows them: the one place
/// the citizen's identity is carried.
#[derive(Clone, Debug)]
pub struct SignedInCitizen {
    pub key: SubjectKey,
    /// The name MitID gave.
    pub name: String,
    /// The CPR number sealed with the portal's key, for filing requests;
    /// `None` for a session from before the number was sealed into it.
    pub cpr: Option<SealedCpr>,
}

/// The caller of the current request.
#[derive(Clone, Debug, Default)]
pub enum Caller {
    #[default]
    Anonymous,
    Citizen(SignedInCitizen),
    Staff(StaffMember),
}

impl Caller {
    /// The caller attached to `parts` by the session middleware.
    pub fn of(parts: &http::request::Parts) -> Caller {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .unwrap_or_default()
    }

    /// The caller of the request being rendered or served (server functions).
    pub fn current() -> Caller {
        use_context::<http::request::Parts>()
            .map(|parts| Caller::of(&parts))
            .unwrap_or_default()
    }
}
