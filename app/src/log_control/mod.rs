//! The municipality's control of its own access log (issue 14,
//! docs/rules.md §4): citizens' view of the log supplements it, it does not
//! replace it. The DPO and investigators search the raw events
//! ([`search`]); automatic flags of unusual look-ups wait for their
//! assessment. Every use of a citizen's data here is itself logged.

pub mod flags;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod questions;
pub mod review;
pub mod samples;
pub mod search;
#[cfg(feature = "ssr")]
pub mod store;
pub mod usage;

/// What the control of the log needs from the configuration.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct ControlSettings {
    /// To turn a CPR number typed in into the key the log is kept by.
    pub pepper: crate::identity::subject_key::Pepper,
    /// To carry a searched citizen from one page of results to the next.
    pub seal_key: crate::identity::sealed_cpr::CprSealKey,
    /// Code of the purpose under which the control's own uses are logged.
    pub purpose: String,
    /// The public holidays (no unit is open on them, unless it says so).
    pub calendar: crate::deadline::holidays::Calendar,
    /// How long the log is kept: searches go back that far.
    pub log_retention_months: u32,
}
