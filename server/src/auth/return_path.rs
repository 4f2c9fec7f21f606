//! Where a sign-in returns to: the page that asked for it (a link in the
//! notice e-mail to a request, a bookmarked queue filter), carried as
//! `?tilbage=` on the sign-in start and kept in the pending session. Only a
//! path on this portal that the kind of user signing in may open is
//! followed; anything else (another host, `//host`, a path for the other
//! kind of user, the sign-in itself) falls back to the user's usual landing
//! page, so the parameter cannot send anyone elsewhere.

use app::caller::StaffMember;
use app::text::query_value;

use super::guard::{required_access, Access};
use crate::http::middleware::is_local_page;

/// The query parameter on the sign-in start.
pub const PARAMETER: &str = "tilbage";

/// A validated return path (path and optional query) on this portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnPath(String);

impl ReturnPath {
    /// `text` when it is a canonical path on this portal behind the
    /// sign-in of `citizen` (true) or staff (false).
    pub fn parse(text: &str, citizen: bool) -> Option<ReturnPath> {
        let path = text.split('?').next().unwrap_or_default();
        let plain = is_local_page(text);
        let behind_sign_in = match required_access(path) {
            Some(Access::Citizen) => citizen,
            Some(Access::Staff(_)) => !citizen,
            None => false,
        };
        (plain && behind_sign_in).then(|| ReturnPath(text.to_owned()))
    }

    /// Whether `member`'s roles open this path (a caseworker is not sent
    /// back to the DPO's page).
    pub fn opens_for(&self, member: &StaffMember) -> bool {
        let path = self.0.split('?').next().unwrap_or_default();
        matches!(required_access(path), Some(Access::Staff(roles)) if member.has_any(roles))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The sign-in start at `start` that returns here.
    pub fn sign_in_at(&self, start: &str) -> String {
        format!("{start}?{PARAMETER}={}", query_value(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::ReturnPath;

    #[test]
    fn only_pages_behind_the_same_sign_in_on_this_portal_are_followed() {
        for (text, citizen, kept) in [
            ("/henvendelser/12", true, true),
            ("/min-log?system=esdh&side=2", true, true),
            ("/sagsbehandling?status=modtaget", false, true),
            ("/dpo", false, true),
            // The other kind of user's pages, public pages, the sign-in.
            ("/sagsbehandling", true, false),
            ("/min-log", false, false),
            ("/", true, false),
            ("/log-ind", true, false),
            // Elsewhere, or dressed up to look like here.
            ("https://evil.example/min-log", true, false),
            ("//evil.example/min-log", true, false),
            ("/\\evil.example", true, false),
            ("/henvendelser/%2e%2e/x", true, false),
            ("/min-log\n", true, false),
            ("min-log", true, false),
        ] {
            assert_eq!(
                ReturnPath::parse(text, citizen).is_some(),
                kept,
                "{text} {citizen}"
            );
        }
        let long = format!("/min-log?x={}", "a".repeat(600));
        assert!(ReturnPath::parse(&long, true).is_none());
        assert_eq!(
            ReturnPath::parse("/henvendelser/12", true)
                .unwrap()
                .sign_in_at("/log-ind"),
            "/log-ind?tilbage=%2Fhenvendelser%2F12"
        );
    }
}
