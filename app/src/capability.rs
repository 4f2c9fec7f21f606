//! [ssr] Capabilities: what the caller of a request may do with personal
//! data, as values. Each is derived from the [`Caller`] the session
//! middleware attached (and so from the validated session only), and every
//! store function that reads or changes citizen or request data takes one
//! and filters by it in SQL. A function that needs a capability cannot be
//! called without it, so forgetting a role check does not compile.
//!
//! | capability | who | bound to |
//! |---|---|---|
//! | [`Citizen`] | a citizen | their subject key |
//! | [`FilingCitizen`] | a citizen whose session holds the sealed CPR number | their key, name and CPR |
//! | [`CaseReader`] | a caseworker; the DPO | the caseworker's unit; every unit (read only) |
//! | [`CaseActor`] | a caseworker | their unit |
//! | [`Overseer`] | the DPO; an administrator | the portal's own records and figures |
//! | [`DpoAdviser`] | the DPO | the advice a caseworker asked for (the DPO's one write on a request) |
//! | [`AccessAnswer`] | a caseworker answering an access request | that request's citizen |
//! | [`LogInspector`] | the DPO; an investigator | the raw log of every unit, its flags; every use logged |
//! | [`LogController`] | the DPO | the rules of the flags, the sampling plans, starting reviews |
//! | [`SampledEmployee`] | any staff member | their own random samples (by their e-mail in the staff directory) |
//! | [`SampleReviewer`] | the DPO; a manager | the samples of every unit; of the manager's unit |
//!
//! The role sets are [`Role::CASE_READERS`], [`Role::OVERSEERS`] and
//! [`Role::LOG_INSPECTORS`].

use chrono::{DateTime, Utc};

use crate::caller::{Caller, Role, SignedInCitizen, StaffMember};
use crate::error::AppError;
use crate::identity::sealed_cpr::SealedCpr;
use crate::identity::subject_key::SubjectKey;

/// A signed-in citizen: reads and acts on their own data only.
#[derive(Clone, Debug)]
pub struct Citizen {
    key: SubjectKey,
}

impl Citizen {
    /// The citizen's key, for queries that filter by it.
    pub fn subject_key(&self) -> &SubjectKey {
        &self.key
    }
}

/// A signed-in citizen who can file a request: the session holds their name
/// and sealed CPR number.
#[derive(Clone, Debug)]
pub struct FilingCitizen {
    citizen: Citizen,
    name: String,
    cpr: SealedCpr,
}

impl FilingCitizen {
    pub fn citizen(&self) -> &Citizen {
        &self.citizen
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn sealed_cpr(&self) -> &SealedCpr {
        &self.cpr
    }
}

/// Which units' requests a reader sees.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Units {
    /// The DPO: every unit.
    Every,
    /// A caseworker: their own unit.
    One(String),
}

impl Units {
    /// The unit codes a query is limited to; `None` means every unit.
    /// Pass as `($n::text[] IS NULL OR u.code = ANY($n))`.
    fn codes(&self) -> Option<&[String]> {
        match self {
            Units::Every => None,
            Units::One(code) => Some(std::slice::from_ref(code)),
        }
    }

    /// Every unit for the DPO (and `also_every`), a manager's own unit.
    fn reviewed_by(member: &StaffMember, also_every: &[Role]) -> Option<Units> {
        if member.has(Role::Dpo) || member.has_any(also_every) {
            Some(Units::Every)
        } else if member.has(Role::Manager) {
            Some(Units::One(member.unit.clone()))
        } else {
            None
        }
    }
}

/// Reads requests in the units it is bound to.
#[derive(Clone, Debug)]
pub struct CaseReader {
    member: StaffMember,
    units: Units,
}

impl CaseReader {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }

    /// The unit codes a query is limited to; `None` means every unit.
    /// Pass as `($n::text[] IS NULL OR u.code = ANY($n))`.
    pub fn unit_codes(&self) -> Option<&[String]> {
        self.units.codes()
    }

    /// Whether the reader sees requests of unit `code`.
    pub fn sees(&self, code: &str) -> bool {
        match &self.units {
            Units::Every => true,
            Units::One(own) => own == code,
        }
    }

    /// The reader as a caseworker who may act in unit `code`, if they are one.
    pub fn actor_in(&self, code: &str) -> Option<CaseActor> {
        CaseActor::of(&self.member).filter(|actor| actor.unit() == code)
    }
}

/// A caseworker acting on requests of their own unit.
#[derive(Clone, Debug)]
pub struct CaseActor {
    member: StaffMember,
}

impl CaseActor {
    fn of(member: &StaffMember) -> Option<CaseActor> {
        member.has(Role::Caseworker).then(|| CaseActor {
            member: member.clone(),
        })
    }

    pub fn member(&self) -> &StaffMember {
        &self.member
    }

    /// The code of the unit the caseworker acts in.
    pub fn unit(&self) -> &str {
        &self.member.unit
    }

    /// The unit codes a query is limited to: the caseworker's own.
    pub fn unit_codes(&self) -> &[String] {
        std::slice::from_ref(&self.member.unit)
    }
}

/// The DPO or an administrator: the deadline overview across units, the
/// registry of rejected attempts, lifting blocks.
#[derive(Clone, Debug)]
pub struct Overseer {
    /// Who is recorded when the overseer does something.
    signature: String,
}

impl Overseer {
    /// The operator at the server's command line (`server unblock --by`),
    /// who holds the database's credentials anyway; `by` says who they are.
    pub fn at_command_line(by: &str) -> Overseer {
        Overseer {
            signature: by.to_owned(),
        }
    }

    /// Who is recorded when the overseer does something: "name (id)" for a
    /// signed-in DPO or administrator.
    pub fn signature(&self) -> &str {
        &self.signature
    }
}

/// The DPO answering a caseworker's question about a request: the one
/// thing the DPO writes on a request (docs/rules.md §1.11).
#[derive(Clone, Debug)]
pub struct DpoAdviser {
    member: StaffMember,
}

impl DpoAdviser {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }
}

/// The DPO or an investigator: searches the raw events of every unit, sees
/// the actor behind each, and assesses the automatic flags. Every search
/// that touches a citizen is logged on that citizen (docs/rules.md §4).
#[derive(Clone, Debug)]
pub struct LogInspector {
    member: StaffMember,
}

impl LogInspector {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }

    /// Who is recorded when the inspector decides something: "name (id)".
    pub fn signature(&self) -> String {
        self.member.signature()
    }
}

/// The DPO setting how the log is controlled: which flags are raised and
/// at what thresholds, the units' opening hours, the sampling plans.
#[derive(Clone, Debug)]
pub struct LogController {
    inspector: LogInspector,
}

impl LogController {
    /// The DPO is an inspector too.
    pub fn inspector(&self) -> &LogInspector {
        &self.inspector
    }
}

/// A staff member answering their own random samples: the look-ups drawn
/// of the actor ids the staff directory gives their e-mail address.
#[derive(Clone, Debug)]
pub struct SampledEmployee {
    member: StaffMember,
}

impl SampledEmployee {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }
}

/// The DPO or a unit's manager reviewing the answers to random samples.
#[derive(Clone, Debug)]
pub struct SampleReviewer {
    member: StaffMember,
    units: Units,
}

impl SampleReviewer {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }

    /// The unit codes a query is limited to; `None` means every unit.
    pub fn unit_codes(&self) -> Option<&[String]> {
        self.units.codes()
    }

    /// "name (id)", recorded with a review.
    pub fn signature(&self) -> String {
        self.member.signature()
    }
}

/// The DPO, investigators or a unit's manager reading usage statistics
/// (`/kontrol/statistik`): each actor's uses per system, and the portal's
/// own staff's sign-ins and actions. A manager sees their own unit's.
#[derive(Clone, Debug)]
pub struct UsageReader {
    member: StaffMember,
    units: Units,
}

impl UsageReader {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }

    /// The unit codes a query is limited to; `None` means every unit.
    pub fn unit_codes(&self) -> Option<&[String]> {
        self.units.codes()
    }
}

/// The DPO or a unit's manager deciding, in a review of authorisations,
/// who keeps their access (`/kontrol/autorisationer`). Starting a review
/// and restoring someone removed is the DPO's ([`LogController`]).
#[derive(Clone, Debug)]
pub struct AuthorisationReviewer {
    member: StaffMember,
    units: Units,
}

impl AuthorisationReviewer {
    pub fn member(&self) -> &StaffMember {
        &self.member
    }

    /// The unit codes a query is limited to; `None` means every unit.
    pub fn unit_codes(&self) -> Option<&[String]> {
        self.units.codes()
    }

    /// "name (id)", recorded with each decision.
    pub fn signature(&self) -> String {
        self.member.signature()
    }
}

/// The citizen an access request is about, for the log attached to its
/// answer. Made only by the request store, for a caseworker acting on the
/// request in its unit ([`crate::requests::store::casework::access_answer`]).
#[derive(Clone, Debug)]
pub struct AccessAnswer {
    request_id: i64,
    key: SubjectKey,
    received_at: DateTime<Utc>,
}

impl AccessAnswer {
    pub(crate) fn new(
        request_id: i64,
        key: SubjectKey,
        received_at: DateTime<Utc>,
    ) -> AccessAnswer {
        AccessAnswer {
            request_id,
            key,
            received_at,
        }
    }

    /// The request answered: what was held of the log for it is read too.
    pub fn request_id(&self) -> i64 {
        self.request_id
    }

    /// When the request was received: the answer's log covers what the log
    /// covered then.
    pub fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }
}

/// Whose access log a read may return: the signed-in [`Citizen`]'s own, or
/// an [`AccessAnswer`]'s. Sealed: no bare subject key reads a log.
pub trait LogOwner: sealed::Sealed {
    fn owner_key(&self) -> &SubjectKey;
}

impl LogOwner for Citizen {
    fn owner_key(&self) -> &SubjectKey {
        &self.key
    }
}

impl LogOwner for AccessAnswer {
    fn owner_key(&self) -> &SubjectKey {
        &self.key
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Citizen {}
    impl Sealed for super::AccessAnswer {}
}

fn citizen_of(citizen: &SignedInCitizen) -> Citizen {
    Citizen { key: citizen.key }
}

/// The error for a caller without the capability asked for.
fn denied(caller: &Caller) -> AppError {
    match caller {
        Caller::Anonymous => AppError::NotSignedIn,
        _ => AppError::Forbidden,
    }
}

/// Told a citizen whose session lacks what filing needs.
/// (The key of its text.)
pub const SIGN_IN_AGAIN: &str = "sign-in-again";

impl Caller {
    pub fn citizen(&self) -> Result<Citizen, AppError> {
        match self {
            Caller::Citizen(citizen) => Ok(citizen_of(citizen)),
            other => Err(denied(other)),
        }
    }

    pub fn filing_citizen(&self) -> Result<FilingCitizen, AppError> {
        match self {
            Caller::Citizen(citizen) => match &citizen.cpr {
                Some(cpr) => Ok(FilingCitizen {
                    citizen: citizen_of(citizen),
                    name: citizen.name.clone(),
                    cpr: cpr.clone(),
                }),
                None => Err(AppError::Refused(
                    crate::i18n::request_lang().text(SIGN_IN_AGAIN),
                )),
            },
            other => Err(denied(other)),
        }
    }

    pub fn case_reader(&self) -> Result<CaseReader, AppError> {
        match self {
            Caller::Staff(member) if member.has(Role::Dpo) => Ok(CaseReader {
                member: member.clone(),
                units: Units::Every,
            }),
            Caller::Staff(member) if member.has(Role::Caseworker) => Ok(CaseReader {
                member: member.clone(),
                units: Units::One(member.unit.clone()),
            }),
            other => Err(denied(other)),
        }
    }

    pub fn case_actor(&self) -> Result<CaseActor, AppError> {
        match self {
            Caller::Staff(member) => CaseActor::of(member).ok_or(AppError::Forbidden),
            other => Err(denied(other)),
        }
    }

    pub fn dpo_adviser(&self) -> Result<DpoAdviser, AppError> {
        match self {
            Caller::Staff(member) if member.has(Role::Dpo) => Ok(DpoAdviser {
                member: member.clone(),
            }),
            other => Err(denied(other)),
        }
    }

    pub fn log_inspector(&self) -> Result<LogInspector, AppError> {
        match self {
            Caller::Staff(member) if member.has_any(Role::LOG_INSPECTORS) => Ok(LogInspector {
                member: member.clone(),
            }),
            other => Err(denied(other)),
        }
    }

    pub fn log_controller(&self) -> Result<LogController, AppError> {
        match self {
            Caller::Staff(member) if member.has(Role::Dpo) => Ok(LogController {
                inspector: LogInspector {
                    member: member.clone(),
                },
            }),
            other => Err(denied(other)),
        }
    }

    pub fn sampled_employee(&self) -> Result<SampledEmployee, AppError> {
        match self {
            Caller::Staff(member) => Ok(SampledEmployee {
                member: member.clone(),
            }),
            other => Err(denied(other)),
        }
    }

    pub fn sample_reviewer(&self) -> Result<SampleReviewer, AppError> {
        let (member, units) = self.unit_reviewer(&[])?;
        Ok(SampleReviewer { member, units })
    }

    pub fn usage_reader(&self) -> Result<UsageReader, AppError> {
        let (member, units) = self.unit_reviewer(&[Role::Investigator])?;
        Ok(UsageReader { member, units })
    }

    pub fn authorisation_reviewer(&self) -> Result<AuthorisationReviewer, AppError> {
        let (member, units) = self.unit_reviewer(&[])?;
        Ok(AuthorisationReviewer { member, units })
    }

    /// The DPO (and holders of `also_every`) over every unit, a manager
    /// over their own.
    fn unit_reviewer(&self, also_every: &[Role]) -> Result<(StaffMember, Units), AppError> {
        match self {
            Caller::Staff(member) => Units::reviewed_by(member, also_every)
                .map(|units| (member.clone(), units))
                .ok_or(AppError::Forbidden),
            other => Err(denied(other)),
        }
    }

    pub fn overseer(&self) -> Result<Overseer, AppError> {
        match self {
            Caller::Staff(member) if member.has_any(Role::OVERSEERS) => Ok(Overseer {
                signature: member.signature(),
            }),
            other => Err(denied(other)),
        }
    }
}

/// Axum extractors: a handler that takes a capability runs only for a
/// caller who has it; anyone else gets [`AppError`]'s response (401 or 403).
mod extract {
    use axum::extract::FromRequestParts;
    use http::request::Parts;

    use super::*;

    macro_rules! from_caller {
        ($capability:ty, $derive:ident) => {
            impl<S: Send + Sync> FromRequestParts<S> for $capability {
                type Rejection = AppError;

                async fn from_request_parts(
                    parts: &mut Parts,
                    _state: &S,
                ) -> Result<Self, AppError> {
                    Caller::of(parts).$derive()
                }
            }
        };
    }

    from_caller!(Citizen, citizen);
    from_caller!(CaseReader, case_reader);
    from_caller!(CaseActor, case_actor);
    from_caller!(Overseer, overseer);
    from_caller!(DpoAdviser, dpo_adviser);
    from_caller!(LogInspector, log_inspector);
    from_caller!(LogController, log_controller);
    from_caller!(SampledEmployee, sampled_employee);
    from_caller!(SampleReviewer, sample_reviewer);
    from_caller!(UsageReader, usage_reader);
    from_caller!(AuthorisationReviewer, authorisation_reviewer);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(roles: &[Role], unit: &str) -> Caller {
        Caller::Staff(StaffMember {
            id: "s".to_owned(),
            name: "S".to_owned(),
            roles: roles.to_vec(),
            unit: unit.to_owned(),
        })
    }

    #[test]
    fn each_role_gets_only_its_capabilities() {
        let caseworker = staff(&[Role::Caseworker], "BS");
        let reader = caseworker.case_reader().unwrap();
        assert_eq!(reader.unit_codes(), Some(&["BS".to_owned()][..]));
        assert!(reader.sees("BS") && !reader.sees("JC"));
        assert!(reader.actor_in("BS").is_some() && reader.actor_in("JC").is_none());
        assert_eq!(caseworker.case_actor().unwrap().unit(), "BS");
        assert_eq!(caseworker.overseer().unwrap_err(), AppError::Forbidden);
        assert_eq!(caseworker.citizen().unwrap_err(), AppError::Forbidden);
        assert_eq!(caseworker.dpo_adviser().unwrap_err(), AppError::Forbidden);
        assert_eq!(caseworker.log_inspector().unwrap_err(), AppError::Forbidden);

        let dpo = staff(&[Role::Dpo], "DPO");
        let reader = dpo.case_reader().unwrap();
        assert_eq!(reader.unit_codes(), None);
        assert!(reader.sees("JC") && reader.actor_in("DPO").is_none());
        assert_eq!(dpo.case_actor().unwrap_err(), AppError::Forbidden);
        assert!(dpo.overseer().is_ok());
        assert_eq!(dpo.dpo_adviser().unwrap().member().unit, "DPO");
        assert_eq!(dpo.log_inspector().unwrap().member().unit, "DPO");
        assert!(dpo.log_controller().is_ok());

        let investigator = staff(&[Role::Investigator], "IT");
        assert!(investigator.log_inspector().is_ok());
        assert_eq!(
            investigator.log_controller().unwrap_err(),
            AppError::Forbidden
        );
        assert_eq!(investigator.case_reader().unwrap_err(), AppError::Forbidden);
        assert_eq!(investigator.overseer().unwrap_err(), AppError::Forbidden);

        let manager = staff(&[Role::Manager], "BS");
        assert_eq!(manager.log_inspector().unwrap_err(), AppError::Forbidden);
        assert_eq!(
            manager.sample_reviewer().unwrap().unit_codes(),
            Some(&["BS".to_owned()][..])
        );
        assert_eq!(dpo.sample_reviewer().unwrap().unit_codes(), None);
        assert_eq!(
            investigator.sample_reviewer().unwrap_err(),
            AppError::Forbidden
        );
        assert_eq!(
            investigator.usage_reader().unwrap().unit_codes(),
            None,
            "the security function reads every unit's statistics"
        );
        assert_eq!(
            manager.usage_reader().unwrap().unit_codes(),
            Some(&["BS".to_owned()][..])
        );
        assert_eq!(
            manager.authorisation_reviewer().unwrap().unit_codes(),
            Some(&["BS".to_owned()][..])
        );
        assert_eq!(dpo.authorisation_reviewer().unwrap().unit_codes(), None);
        assert_eq!(
            investigator.authorisation_reviewer().unwrap_err(),
            AppError::Forbidden
        );
        let employee = staff(&[Role::Employee], "BS");
        assert_eq!(employee.usage_reader().unwrap_err(), AppError::Forbidden);
        assert_eq!(
            employee.authorisation_reviewer().unwrap_err(),
            AppError::Forbidden
        );
        assert!(employee.sampled_employee().is_ok());
        assert_eq!(employee.case_reader().unwrap_err(), AppError::Forbidden);
        assert_eq!(
            Caller::Anonymous.sampled_employee().unwrap_err(),
            AppError::NotSignedIn
        );
        assert_eq!(manager.case_reader().unwrap_err(), AppError::Forbidden);

        let admin = staff(&[Role::Admin], "IT");
        assert!(admin.overseer().is_ok());
        assert_eq!(admin.case_reader().unwrap_err(), AppError::Forbidden);
        assert_eq!(admin.dpo_adviser().unwrap_err(), AppError::Forbidden);
        assert_eq!(admin.log_inspector().unwrap_err(), AppError::Forbidden);

        assert_eq!(
            Caller::Anonymous.case_reader().unwrap_err(),
            AppError::NotSignedIn
        );
        let citizen = Caller::Citizen(SignedInCitizen {
            key: SubjectKey::from_bytes([7; 32]),
            name: "Anna".to_owned(),
            cpr: None,
        });
        assert_eq!(
            *citizen.citizen().unwrap().subject_key(),
            SubjectKey::from_bytes([7; 32])
        );
        assert_eq!(
            citizen.filing_citizen().unwrap_err(),
            AppError::Refused(crate::i18n::Lang::Da.text(SIGN_IN_AGAIN))
        );
        assert_eq!(citizen.overseer().unwrap_err(), AppError::Forbidden);
    }

    #[test]
    fn role_names_read_back() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse(" DPO "), Some(Role::Dpo));
        assert_eq!(Role::parse("Manager"), Some(Role::Manager));
        assert_eq!(Role::parse("viewer"), None);
    }
}
