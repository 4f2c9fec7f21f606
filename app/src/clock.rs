//! [ssr] The one place that reads the wall clock. Everything else takes `now`
//! as a parameter (see `clippy.toml`), so tests can pass any time they like.

use chrono::{DateTime, Utc};

/// The current time.
#[allow(clippy::disallowed_methods)] // the single sanctioned clock read
pub fn now() -> DateTime<Utc> {
    Utc::now()
}
