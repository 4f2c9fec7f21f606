//! Small text rules used on both sides of the portal, each written once:
//! percent-encoding a query-string value, the plausibility check of an
//! e-mail address (settings and forms), which control characters no text
//! may hold (forms and the access-log API). Counts with their nouns in
//! singular and plural are Fluent's (`app/locales`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but the unreserved characters of RFC 3986.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes a query-string value (a space becomes `%20`).
pub fn query_value(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// Whether `text` holds a control character other than tab and line breaks
/// (NUL among them, which PostgreSQL cannot store in text).
pub fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// A deliberately simple check that catches typing mistakes: at most 320
/// characters, no spaces, one `@` with something before it, and a domain with
/// a dot that neither starts nor ends it.
pub fn is_email_address(text: &str) -> bool {
    text.len() <= 320
        && !text.contains(char::is_whitespace)
        && !has_control_characters(text)
        && text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        assert_eq!(query_value("BS & co"), "BS%20%26%20co");
        assert_eq!(query_value("Å B"), "%C3%85%20B");
        assert_eq!(query_value("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn control_characters_but_tab_and_line_breaks_are_found() {
        assert!(!has_control_characters("linje 1\r\nlinje 2\tslut"));
        for text in ["a\0b", "\u{1b}[31m", "\u{7f}", "\u{85}"] {
            assert!(has_control_characters(text), "{text:?}");
        }
    }

    #[test]
    fn plausible_addresses_pass_and_typos_do_not() {
        assert!(is_email_address("anna@eksempel.dk"));
        for typo in [
            "anna@",
            "a@b",
            "@eksempel.dk",
            "an na@eksempel.dk",
            "a@.dk",
            "a@dk.",
            "a@b@c.dk",
        ] {
            assert!(!is_email_address(typo), "{typo}");
        }
    }
}
