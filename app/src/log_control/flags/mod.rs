//! Automatic flags of unusual look-ups (docs/rules.md §4.3): the rules and
//! their words ([`Rule`], [`Protection`], [`FlagStatus`]), the pure rules
//! ([`rules`]), the background job that applies them to each event once
//! ([`job`]), and what the DPO and investigators see and decide ([`store`],
//! [`views`]). A flag is a reason to ask, not a verdict.

pub mod circumstances;
#[cfg(feature = "ssr")]
pub mod job;
#[cfg(feature = "ssr")]
pub mod rules;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The rules a flag can come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rule {
    /// A look-up outside the unit's opening hours.
    OutsideHours,
    /// One actor looking up more than N different citizens in one system
    /// within M minutes.
    ManyCitizens,
    /// A look-up of a protected citizen by a unit without a standing reason.
    ProtectedCitizen,
    /// A look-up in a case the source system marked closed.
    ClosedCase,
    /// An employee looking themselves up.
    OwnRecord,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::OutsideHours,
        Rule::ManyCitizens,
        Rule::ProtectedCitizen,
        Rule::ClosedCase,
        Rule::OwnRecord,
    ];

    /// The code stored in `flag_rules.code` and `log_flags.rule`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::OutsideHours => "outside_hours",
            Rule::ManyCitizens => "many_citizens",
            Rule::ProtectedCitizen => "protected_citizen",
            Rule::ClosedCase => "closed_case",
            Rule::OwnRecord => "own_record",
        }
    }

    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.code() == code)
    }

    /// The rule's name.
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("flag-rule-{}", self.code()))
    }
}

/// Why a citizen is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Protection {
    PublicFigure,
    AddressProtection,
    /// One of the municipality's employees (from the staff directory).
    Employee,
}

impl Protection {
    pub const ALL: [Protection; 3] = [
        Protection::PublicFigure,
        Protection::AddressProtection,
        Protection::Employee,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Protection::PublicFigure => "public_figure",
            Protection::AddressProtection => "address_protection",
            Protection::Employee => "employee",
        }
    }

    pub fn from_code(code: &str) -> Option<Protection> {
        Protection::ALL
            .into_iter()
            .find(|protection| protection.code() == code)
    }

    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("protection-{}", self.code()))
    }
}

/// What the DPO decided about a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FlagStatus {
    /// Not assessed yet.
    Open,
    /// The look-ups had a work-related reason.
    Justified,
    /// The unit is asked to explain.
    ExplanationAsked,
    /// A security incident: handled as one.
    Incident,
}

impl FlagStatus {
    pub const ALL: [FlagStatus; 4] = [
        FlagStatus::Open,
        FlagStatus::Justified,
        FlagStatus::ExplanationAsked,
        FlagStatus::Incident,
    ];

    /// What a flag can be marked as.
    pub const DECISIONS: [FlagStatus; 3] = [
        FlagStatus::Justified,
        FlagStatus::ExplanationAsked,
        FlagStatus::Incident,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FlagStatus::Open => "open",
            FlagStatus::Justified => "justified",
            FlagStatus::ExplanationAsked => "explanation_asked",
            FlagStatus::Incident => "incident",
        }
    }

    pub fn from_code(code: &str) -> Option<FlagStatus> {
        FlagStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("flag-status-{}", self.code()))
    }
}
