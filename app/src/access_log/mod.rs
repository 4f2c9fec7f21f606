//! The access log as citizens see it: the types of use and their plain-Danish
//! wording, and (on the server) the queries over the summary that the page
//! `/min-log`, its exports and `/v3/findUsage` read.

#[cfg(feature = "ssr")]
pub mod coverage;
pub mod deliveries;
#[cfg(feature = "ssr")]
pub mod hold;
#[cfg(feature = "ssr")]
pub mod master_data;
pub mod my_log;
#[cfg(feature = "ssr")]
pub mod pending_summary;
#[cfg(feature = "ssr")]
pub mod summary;
pub mod use_type;
#[cfg(feature = "ssr")]
pub mod write;

pub use use_type::UseType;
