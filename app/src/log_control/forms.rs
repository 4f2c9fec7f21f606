//! [ssr] The forms of the control of the log (a flag's decision, the
//! rules, a finding on a citizen's question, a sampling plan, a sampled
//! look-up's reason and its review) read into typed values, or what is
//! wrong per field.

use super::flags::store::RuleChoice;
use super::flags::{FlagStatus, Rule};
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
    let finding = required_text(
        fields,
        "finding",
        MAX_FINDING,
        "question-finding-missing",
        &mut errors,
    );
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
        let errors =
            parse_decision(&fields(&[("status", "open"), ("note", " ")]), Lang::Da).unwrap_err();
        assert!(errors.0.contains_key("status") && errors.0.contains_key("note"));
        let (status, note) = parse_decision(
            &fields(&[("status", "incident"), ("note", "Anmeldt")]),
            Lang::Da,
        )
        .unwrap();
        assert_eq!((status, note.as_str()), (FlagStatus::Incident, "Anmeldt"));
    }

    #[test]
    fn the_rules_thresholds_are_bounded() {
        let errors = parse_rules(
            &fields(&[("max_citizens", "0"), ("within_minutes", "1441")]),
            Lang::Da,
        )
        .unwrap_err();
        assert_eq!(errors.0.len(), 2);
        let choice = parse_rules(
            &fields(&[
                ("own_record", "ja"),
                ("max_citizens", "25"),
                ("within_minutes", "15"),
            ]),
            Lang::Da,
        )
        .unwrap();
        assert_eq!(choice.enabled, [false, false, false, false, true]);
        assert_eq!((choice.max_citizens, choice.within_minutes), (25, 15));
    }
}

/// The longest reason for a sampled look-up, or note on its review.
const MAX_SAMPLE_TEXT: usize = 2000;

/// An employee's reason for a sampled look-up (`reason`).
pub fn parse_sample_reason(fields: &Fields, lang: Lang) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let reason = required_text(
        fields,
        "reason",
        MAX_SAMPLE_TEXT,
        "sample-reason-missing",
        &mut errors,
    );
    errors.result(|| reason)
}

/// A review of an answer: `review` and a `note`.
pub fn parse_sample_review(
    fields: &Fields,
    lang: Lang,
) -> Result<(crate::log_control::samples::Review, String), FieldErrors> {
    use crate::log_control::samples::Review;
    let mut errors = FieldErrors::new(lang);
    let review = Review::from_code(field(fields, "review"));
    if review.is_none() {
        errors.add("review", "sample-review-missing");
    }
    let note = required_text(
        fields,
        "note",
        MAX_SAMPLE_TEXT,
        "sample-note-missing",
        &mut errors,
    );
    errors.result(|| (review.unwrap_or(Review::FollowUp), note))
}

/// A sampling plan: `unit`, `system` (empty: every system), the months
/// between samples (`min_months` ≤ `max_months`, 1–24), look-ups per
/// employee (`per_employee`, 1–20), the days before (`days_before_min` ≤
/// `days_before_max`, 0–30) and the days to answer (`answer_days`, 1–60).
pub fn parse_plan(
    fields: &Fields,
    lang: Lang,
) -> Result<crate::log_control::samples::store::NewPlan, FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let unit = field(fields, "unit").to_owned();
    if unit.is_empty() {
        errors.add("unit", "plan-unit-missing");
    }
    let system = Some(field(fields, "system").to_owned()).filter(|system| !system.is_empty());
    let mut number = |name: &str, range: std::ops::RangeInclusive<u32>| {
        let parsed = field(fields, name)
            .parse::<u32>()
            .ok()
            .filter(|value| range.contains(value));
        if parsed.is_none() {
            errors.add_text(name, || {
                lang.text_with(
                    "plan-number-invalid",
                    &[
                        ("min", (*range.start()).into()),
                        ("max", (*range.end()).into()),
                    ],
                )
            });
        }
        parsed.unwrap_or(*range.start())
    };
    let min_months = number("min_months", 1..=24);
    let max_months = number("max_months", 1..=24);
    let per_employee = number("per_employee", 1..=20);
    let days_before_min = number("days_before_min", 0..=30);
    let days_before_max = number("days_before_max", 0..=30);
    let answer_days = number("answer_days", 1..=60);
    if min_months > max_months {
        errors.add("max_months", "plan-months-reversed");
    }
    if days_before_min > days_before_max {
        errors.add("days_before_max", "plan-days-reversed");
    }
    errors.result(|| crate::log_control::samples::store::NewPlan {
        unit,
        system,
        min_months,
        max_months,
        per_employee,
        days_before_min,
        days_before_max,
        answer_days,
    })
}

#[cfg(test)]
mod sample_form_tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[test]
    fn a_plan_keeps_its_bounds_in_order() {
        let good = [
            ("unit", "BS"),
            ("system", ""),
            ("min_months", "1"),
            ("max_months", "6"),
            ("per_employee", "5"),
            ("days_before_min", "1"),
            ("days_before_max", "3"),
            ("answer_days", "10"),
        ];
        let plan = parse_plan(&fields(&good), Lang::Da).unwrap();
        assert_eq!(
            (plan.system, plan.max_months, plan.days_before_max),
            (None, 6, 3)
        );
        let mut reversed = good;
        reversed[2] = ("min_months", "7");
        reversed[5] = ("days_before_min", "4");
        let errors = parse_plan(&fields(&reversed), Lang::Da).unwrap_err();
        assert!(errors.0.contains_key("max_months") && errors.0.contains_key("days_before_max"));
        let mut out_of_range = good;
        out_of_range[4] = ("per_employee", "21");
        let errors = parse_plan(&fields(&out_of_range), Lang::Da).unwrap_err();
        assert!(errors.0["per_employee"].contains("20"), "{errors:?}");
    }

    #[test]
    fn a_review_needs_a_verdict_and_a_note() {
        assert!(parse_sample_review(&fields(&[("review", "fine")]), Lang::Da).is_err());
        let (review, note) = parse_sample_review(
            &fields(&[("review", "in_order"), ("note", "Sag 12")]),
            Lang::Da,
        )
        .unwrap();
        assert_eq!((review.code(), note.as_str()), ("in_order", "Sag 12"));
        assert!(parse_sample_reason(&fields(&[("reason", "")]), Lang::Da).is_err());
    }
}
