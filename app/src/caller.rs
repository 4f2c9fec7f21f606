//! [ssr] Who is calling and with which rights. The server's session
//! middleware attaches a [`Caller`] to every request; guards and server
//! functions read it from there and nowhere else, so a citizen's identity
//! never comes from a parameter.

use leptos::prelude::use_context;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
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
}

impl Role {
    /// Reads a role name as the identity provider sends it.
    pub fn parse(name: &str) -> Option<Role> {
        match name.trim().to_ascii_lowercase().as_str() {
            "caseworker" => Some(Role::Caseworker),
            "dpo" => Some(Role::Dpo),
            "admin" => Some(Role::Admin),
            _ => None,
        }
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
}

/// The caller of the current request.
#[derive(Clone, Debug, Default)]
pub enum Caller {
    #[default]
    Anonymous,
    Citizen(SubjectKey),
    Staff(StaffMember),
}

/// The caller attached to the request being handled.
pub fn caller() -> Caller {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Caller>().cloned())
        .unwrap_or_default()
}

/// The calling staff member when they hold one of `roles`.
pub fn require_any_role(roles: &[Role]) -> Result<StaffMember, AppError> {
    match caller() {
        Caller::Staff(member) if roles.iter().any(|role| member.has(*role)) => Ok(member),
        Caller::Anonymous => Err(AppError::NotSignedIn),
        _ => Err(AppError::Forbidden),
    }
}

/// The calling citizen's identity for filing a request (subject key, name,
/// sealed CPR number), from the session.
pub fn require_citizen_identity() -> Result<crate::requests::store::CitizenIdentity, AppError> {
    let key = require_citizen()?;
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<crate::requests::store::CitizenIdentity>()
                .cloned()
        })
        .filter(|identity| identity.key == key)
        .ok_or_else(|| {
            AppError::Refused(
                "Log ud og ind igen med MitID, før du sender en henvendelse.".to_owned(),
            )
        })
}

/// The calling citizen's subject key; the only way a page learns whose data
/// to show.
pub fn require_citizen() -> Result<SubjectKey, AppError> {
    match caller() {
        Caller::Citizen(key) => Ok(key),
        Caller::Anonymous => Err(AppError::NotSignedIn),
        Caller::Staff(_) => Err(AppError::Forbidden),
    }
}
