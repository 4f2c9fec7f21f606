//! Data-subject requests: what a citizen may ask for (GDPR art. 15-18 and 21,
//! and questions about one row of the access log), where a request stands,
//! and the rules for moving it on.
//!
//! - [`actions`]: the caseworker's actions and what the history records.
//! - `deadline` \[ssr\]: a request's deadline in force.
//! - [`kinds`]: the kinds, statuses, channels and legal grounds, with their
//!   Danish names and explanations (shared by the server and the browser).
//! - `workflow` \[ssr\]: which action is allowed in which status (pure).
//! - `forms` \[ssr\]: what a filled-in form must contain (pure), field by field.
//! - [`views`]: what the pages show.
//! - `mail` \[ssr\]: the citizen's notices and the daily digest, and the outbox.
//! - `overview` \[ssr\]: the DPO's deadline overview (pure, over one line per request).
//! - `store` \[ssr\]: the requests in PostgreSQL, filtered by the caller's
//!   capability, one transaction per action.

pub mod actions;
#[cfg(feature = "ssr")]
pub mod deadline;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod kinds;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod overview;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
#[cfg(feature = "ssr")]
pub mod workflow;

pub use kinds::{Channel, ExtensionReason, Kind, RefusalGround, Status};

/// The number a citizen and a caseworker quote for request `id`.
pub fn request_number(id: i64) -> String {
    format!("H-{id:06}")
}
