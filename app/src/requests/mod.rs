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
pub mod answer_log;
#[cfg(feature = "ssr")]
pub mod deadline;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod kinds;
#[cfg(feature = "ssr")]
pub mod letters;
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

/// The request a number names, as people type it: `H-000123`, `h-123` or
/// `123`.
pub fn parse_request_number(text: &str) -> Option<i64> {
    let text = text.trim();
    let digits = text
        .strip_prefix("H-")
        .or_else(|| text.strip_prefix("h-"))
        .unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|id| *id > 0)
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn request_numbers_read_as_typed() {
        assert_eq!(parse_request_number(&request_number(123)), Some(123));
        assert_eq!(parse_request_number(" h-42 "), Some(42));
        assert_eq!(parse_request_number("7"), Some(7));
        for not_a_number in ["", "H-", "Anna", "H-12a", "-3", "0", "99999999999999999999"] {
            assert_eq!(parse_request_number(not_a_number), None, "{not_a_number}");
        }
    }
}
