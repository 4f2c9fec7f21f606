//! Access control as the DPO and administrators see it: the registry of
//! rejected access attempts and the active blocks (shared with the browser),
//! and reading and lifting them (`store`, server only). Registering
//! rejections and making blocks is the server's sign-in code. Lifting a
//! block needs a [`LiftCause`].

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod lift;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use lift::{parse_lift_form, LiftCause};

/// One registered rejected access attempt, as the DPO sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectionRow {
    /// Local time (Europe/Copenhagen), `YYYY-MM-DD HH:MM`.
    pub at: String,
    pub source_ip: String,
    /// "borger", "medarbejder <id>", the source system a wrong API key
    /// named, or "ukendt".
    pub who: String,
    pub reason: String,
    pub path: String,
}

/// An active block, as the DPO sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRow {
    pub id: i64,
    pub at: String,
    pub what: String,
    pub rejections: i32,
}

/// What the DPO's overview of access control shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessControlOverview {
    pub rejections: Vec<RejectionRow>,
    pub blocks: Vec<BlockRow>,
}
