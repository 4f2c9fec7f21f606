//! [ssr] The forms of the control of the log (a flag's decision, the
//! rules, a finding on a citizen's question) read into typed values, or
//! what is wrong per field.

use super::store::RuleChoice;
use super::{FlagStatus, Rule};
use crate::i18n::Lang;
use crate::requests::forms::{field, required_text, FieldErrors, Fields};

/// The longest note on a flag.
const MAX_NOTE: usize = 2000;

/// A decision on a flag: `status` (one of [`FlagStatus::DECISIONS`]) and
/// the `note` saying why.
pub fn parse_decision(fields: &Fields, lang: Lang) -> Result<(FlagStatus, String), FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let status = FlagStatus::from_code(field(fields, "status"))
        .filter(|status| FlagStatus::DECISIONS.contains(status));
    if status.is_none() {
        errors.add("status", "flag-status-missing");
    }
    let note = required_text(fields, "note", MAX_NOTE, "flag-note-missing", &mut errors);
    errors.result(|| (status.unwrap_or(FlagStatus::Open), note))
}

/// The longest finding on a citizen's question.
const MAX_FINDING: usize = 4000;

/// A finding on a citizen's question about a log row (`finding`).
pub fn parse_finding(fields: &Fields, lang: Lang) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let finding = required_text(fields, "finding", MAX_FINDING, "question-finding-missing", &mut errors);
    errors.result(|| finding)
}

/// The rules: a ticked box (`<code>=ja`) per rule that is on, and the
/// burst's threshold (`max_citizens` 1–10,000, `within_minutes` 1–1,440).
pub fn parse_rules(fields: &Fields, lang: Lang) -> Result<RuleChoice, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let mut number = |name: &str, max: i32, key: &str| {
        let parsed = field(fields, name)
            .parse::<i32>()
            .ok()
            .filter(|value| (1..=max).contains(value));
        if parsed.is_none() {
            errors.add(name, key);
        }
        parsed.unwrap_or(1)
    };
    let max_citizens = number("max_citizens", 10_000, "flag-burst-max-invalid");
    let within_minutes = number("within_minutes", 1_440, "flag-burst-within-invalid");
    let enabled = Rule::ALL.map(|rule| field(fields, rule.code()) == "ja");
    errors.result(|| RuleChoice {
        enabled,
        max_citizens,
        within_minutes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[test]
    fn a_decision_needs_a_status_and_a_note() {
        let errors = parse_decision(&fields(&[("status", "open"), ("note", " ")]), Lang::Da).unwrap_err();
        assert!(errors.0.contains_key("status") && errors.0.contains_key("note"));
        let (status, note) =
            parse_decision(&fields(&[("status", "incident"), ("note", "Anmeldt")]), Lang::Da).unwrap();
        assert_eq!((status, note.as_str()), (FlagStatus::Incident, "Anmeldt"));
    }

    #[test]
    fn the_rules_thresholds_are_bounded() {
        let errors = parse_rules(&fields(&[("max_citizens", "0"), ("within_minutes", "1441")]), Lang::Da)
            .unwrap_err();
        assert_eq!(errors.0.len(), 2);
        let choice = parse_rules(
            &fields(&[("own_record", "ja"), ("max_citizens", "25"), ("within_minutes", "15")]),
            Lang::Da,
        )
        .unwrap();
        assert_eq!(choice.enabled, [false, false, false, false, true]);
        assert_eq!((choice.max_citizens, choice.within_minutes), (25, 15));
    }
}
