//! The registry of rejected access attempts (sikkerhedsbekendtgørelsen § 18).

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sqlx::types::ipnetwork::IpNetwork;
use sqlx::PgExecutor;

use app::pages::sign_in::SignInRefusal;

use super::lockout::Identity;

/// Why an access attempt was rejected: the code stored in the registry and
/// shown to the DPO, and what the refused user is told
/// (`/log-ind/afvist?grund=<page code>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RejectionReason {
    /// Refused because the address or identity is blocked; does not itself
    /// count towards a new block.
    Blocked,
    /// The portal failed while checking the sign-in.
    InternalError,
    /// A callback without a pending sign-in in its session.
    StateMissing,
    StateMismatch,
    /// The provider answered the callback with an error (e.g. the user cancelled).
    ProviderError,
    CodeMissing,
    ProviderUnavailable,
    CodeExchangeFailed,
    IdTokenInvalid,
    UserinfoFailed,
    CprMalformed,
    CprMissing,
    AssuranceTooLow,
    StaffWithoutTwoFactor,
    StaffRoleUnknown,
    StaffUnitMissing,
    /// A staff member whose access an authorisation review removed.
    StaffDeactivated,
    /// A signed-in user opened a page their role does not allow.
    PageForbidden,
    /// The same, but the browser came from a link on another site (a
    /// foreign page can send a victim there, so it never counts towards a
    /// block).
    PageForbiddenCrossSite,
    /// A source system's request with a missing or wrong API key.
    ApiKeyInvalid,
    /// A form post or other unsafe request that did not come from the
    /// portal's own pages (a foreign page may make a victim's browser send
    /// it, so it never counts towards a block).
    CrossSiteRequest,
}

impl RejectionReason {
    pub const ALL: [RejectionReason; 21] = [
        RejectionReason::Blocked,
        RejectionReason::InternalError,
        RejectionReason::StateMissing,
        RejectionReason::StateMismatch,
        RejectionReason::ProviderError,
        RejectionReason::CodeMissing,
        RejectionReason::ProviderUnavailable,
        RejectionReason::CodeExchangeFailed,
        RejectionReason::IdTokenInvalid,
        RejectionReason::UserinfoFailed,
        RejectionReason::CprMalformed,
        RejectionReason::CprMissing,
        RejectionReason::AssuranceTooLow,
        RejectionReason::StaffWithoutTwoFactor,
        RejectionReason::StaffRoleUnknown,
        RejectionReason::StaffUnitMissing,
        RejectionReason::StaffDeactivated,
        RejectionReason::PageForbidden,
        RejectionReason::PageForbiddenCrossSite,
        RejectionReason::ApiKeyInvalid,
        RejectionReason::CrossSiteRequest,
    ];

    /// The stored code (lower case and underscores).
    pub fn code(self) -> &'static str {
        match self {
            RejectionReason::Blocked => "blocked",
            RejectionReason::InternalError => "internal_error",
            RejectionReason::StateMissing => "state_missing",
            RejectionReason::StateMismatch => "state_mismatch",
            RejectionReason::ProviderError => "provider_error",
            RejectionReason::CodeMissing => "code_missing",
            RejectionReason::ProviderUnavailable => "provider_unavailable",
            RejectionReason::CodeExchangeFailed => "code_exchange_failed",
            RejectionReason::IdTokenInvalid => "id_token_invalid",
            RejectionReason::UserinfoFailed => "userinfo_failed",
            RejectionReason::CprMalformed => "cpr_malformed",
            RejectionReason::CprMissing => "cpr_missing",
            RejectionReason::AssuranceTooLow => "assurance_too_low",
            RejectionReason::StaffWithoutTwoFactor => "staff_without_two_factor",
            RejectionReason::StaffRoleUnknown => "staff_role_unknown",
            RejectionReason::StaffUnitMissing => "staff_unit_missing",
            RejectionReason::StaffDeactivated => "staff_deactivated",
            RejectionReason::PageForbidden => "page_forbidden",
            RejectionReason::PageForbiddenCrossSite => "page_forbidden_cross_site",
            RejectionReason::ApiKeyInvalid => "api_key_invalid",
            RejectionReason::CrossSiteRequest => "cross_site_request",
        }
    }

    /// What the refused user is told on `/log-ind/afvist`.
    pub fn told(self) -> SignInRefusal {
        match self {
            RejectionReason::Blocked => SignInRefusal::Blocked,
            RejectionReason::CprMalformed | RejectionReason::CprMissing => SignInRefusal::NoCpr,
            RejectionReason::AssuranceTooLow => SignInRefusal::AssuranceTooLow,
            RejectionReason::StaffWithoutTwoFactor => SignInRefusal::NoTwoFactor,
            RejectionReason::StaffRoleUnknown | RejectionReason::StaffUnitMissing => {
                SignInRefusal::NoStaffRole
            }
            RejectionReason::StaffDeactivated => SignInRefusal::Deactivated,
            _ => SignInRefusal::Interrupted,
        }
    }

    /// Whether the attempt counts towards a block: refused access does (bad
    /// tokens, wrong assurance, a missing or malformed CPR number, an unknown
    /// staff role, no two-factor, a forbidden page, a wrong API key). What is
    /// not an attempt to gain access is registered for the DPO but does not
    /// count: an attempt refused because of a block, a callback without a
    /// pending sign-in in its session, the user cancelling at the provider,
    /// a provider that cannot be reached or answers badly, our own failures,
    /// and whatever another site can make a victim's browser do (a
    /// cross-site form post, a link to a forbidden page).
    pub fn counts_towards_block(self) -> bool {
        !matches!(
            self,
            RejectionReason::Blocked
                | RejectionReason::InternalError
                | RejectionReason::StateMissing
                | RejectionReason::ProviderError
                | RejectionReason::ProviderUnavailable
                | RejectionReason::UserinfoFailed
                | RejectionReason::CrossSiteRequest
                | RejectionReason::PageForbiddenCrossSite
        )
    }
}

/// One rejected attempt.
#[derive(Debug)]
pub struct Rejection<'a> {
    pub at: DateTime<Utc>,
    pub source_ip: IpAddr,
    pub identity: &'a Identity,
    pub reason: RejectionReason,
    /// The path asked for, without its query string.
    pub path: &'a str,
    /// For a refused API key: the source system the key named, if any.
    pub source_system: Option<&'a str>,
}

/// Stores `rejection`.
pub async fn register(db: impl PgExecutor<'_>, rejection: &Rejection<'_>) -> sqlx::Result<()> {
    let (subject_key, staff_id) = rejection.identity.columns();
    sqlx::query!(
        "INSERT INTO access_rejections (occurred_at, source_ip, subject_key, staff_id, reason, path, source_system)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        rejection.at,
        IpNetwork::from(rejection.source_ip),
        subject_key,
        staff_id,
        rejection.reason.code(),
        rejection.path,
        rejection.source_system,
    )
    .execute(db)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_distinct_codes_the_registry_accepts() {
        let all = RejectionReason::ALL;
        let mut codes: Vec<&str> = all.iter().map(|reason| reason.code()).collect();
        // The registry's CHECK: lower case and underscores, at most 64.
        for code in &codes {
            assert!(
                !code.is_empty()
                    && code.len() <= 64
                    && code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        assert!(!RejectionReason::Blocked.counts_towards_block());
        assert_eq!(
            RejectionReason::StaffUnitMissing.told(),
            SignInRefusal::NoStaffRole
        );
    }
}
