//! [ssr] Who a citizen is, as the server knows it: the CPR number parsed from
//! the sign-in ([`cpr::Cpr`]) and the pseudonymous key that stands for the
//! citizen everywhere else ([`subject_key::SubjectKey`]).
//!
//! Neither the CPR number nor the pepper can be serialised, displayed or
//! printed with `Debug`: a leak would take deliberate code.

pub mod cpr;
pub mod sealed_cpr;
pub mod subject_key;
