//! [ssr] The forms of the control of the log (a flag's decision, the
//! rules, a finding on a citizen's question, a sampling plan, a sampled
//! look-up's reason and its review) read into typed values, or what is
//! wrong per field.

use chrono::NaiveDate;

use super::flags::store::RuleChoice;
use super::flags::{FlagStatus, Rule};
use crate::i18n::Lang;
use crate::requests::forms::{field, required_text, FieldErrors, Fields};

/// A period of whole days from fields `from` and `to` (`YYYY-MM-DD`; empty
/// for `default`), never starting before `oldest` (nothing older is kept).
/// A date that cannot be read, or a period that ends before it starts, is
/// an error on its field.
pub fn parse_period(
    fields: &Fields,
    default: (NaiveDate, NaiveDate),
    oldest: NaiveDate,
    errors: &mut FieldErrors,
) -> (NaiveDate, NaiveDate) {
    let mut date = |name: &str, default: NaiveDate| match field(fields, name) {
        "" => Some(default),
        typed => {
            let parsed = NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok();
            if parsed.is_none() {
                errors.add(name, "control-date-invalid");
            }
            parsed
        }
    };
    let from = date("from", default.0);
    let to = date("to", default.1);
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            errors.add("to", "control-period-reversed");
        }
    }
    (
        from.unwrap_or(default.0).max(oldest),
        to.unwrap_or(default.1),
    )
}

/// The longest note on a flag.
const MAX_NOTE: usize = 2000;

/// A decision on a person in an authorisation review: `decision` (keep or
/// remove) and an optional `note`.
pub fn parse_review_decision(
    fields: &Fields,
    lang: Lang,
) -> Result<(super::review::Decision, Option<String>), FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let decision = super::review::Decision::from_code(field(fields, "decision"));
    if decision.is_none() {
        errors.add("decision", "review-decision-missing");
    }
    let note = crate::requests::forms::optional_text(fields, "note", MAX_NOTE, &mut errors);
    errors.result(|| (decision.unwrap_or(super::review::Decision::Keep), note))
}

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

/// A unit's opening hours: `unit`, the weekdays ticked (`day1` … `day7`,
/// Monday first), `opens` and `closes` (`HH:MM`, closing may be `24:00`),
/// `holidays` when open on public holidays; or `standard=ja` for the
/// standard hours again (`None`).
pub fn parse_opening_hours(
    fields: &Fields,
    lang: Lang,
) -> Result<(String, Option<super::flags::rules::OpeningHours>), FieldErrors> {
    let mut errors = FieldErrors::new(lang);
    let unit = field(fields, "unit").to_owned();
    if unit.is_empty() {
        errors.add("unit", "plan-unit-missing");
    }
    if field(fields, "standard") == "ja" {
        return errors.result(|| (unit, None));
    }
    let weekdays: Vec<u32> = (1..=7)
        .filter(|day| field(fields, &format!("day{day}")) == "ja")
        .collect();
    if weekdays.is_empty() {
        errors.add("day1", "hours-no-days");
    }
    let minute = |name: &str, errors: &mut FieldErrors| {
        let text = field(fields, name);
        let parsed = match text.split_once([':', '.']) {
            Some((hours, minutes)) => match (hours.parse::<u32>(), minutes.parse::<u32>()) {
                (Ok(24), Ok(0)) => Some(1440),
                (Ok(hours), Ok(minutes))
                    if hours < 24 && minutes < 60 && minutes.to_string().len() <= 2 =>
                {
                    Some(hours * 60 + minutes)
                }
                _ => None,
            },
            None => None,
        };
        if parsed.is_none() {
            errors.add(name, "form-time-invalid");
        }
        parsed
    };
    let opens = minute("opens", &mut errors).filter(|minute| *minute < 1440);
    let closes = minute("closes", &mut errors);
    if let (Some(opens), Some(closes)) = (opens, closes) {
        if opens >= closes {
            errors.add("closes", "hours-reversed");
        }
    }
    let open_on_holidays = field(fields, "holidays") == "ja";
    errors.result(|| {
        (
            unit,
            Some(super::flags::rules::OpeningHours {
                weekdays,
                opens_minute: opens.unwrap_or_default(),
                closes_minute: closes.unwrap_or_default(),
                open_on_holidays,
            }),
        )
    })
}

/// A citizen for the protected list: `cpr` (turned into the key at once),
/// `category` (public figure or name and address protection) and an
/// optional `note` (never a CPR number).
pub fn parse_protection(
    fields: &Fields,
    pepper: &crate::identity::subject_key::Pepper,
    lang: Lang,
) -> Result<
    (
        crate::identity::subject_key::SubjectKey,
        super::flags::Protection,
        Option<String>,
    ),
    FieldErrors,
> {
    use super::flags::Protection;
    let mut errors = FieldErrors::new(lang);
    let key = match crate::identity::cpr::Cpr::parse(field(fields, "cpr")) {
        Ok(cpr) => Some(crate::identity::subject_key::SubjectKey::derive(
            pepper, &cpr,
        )),
        Err(_) => {
            errors.add("cpr", "control-cpr-invalid");
            None
        }
    };
    let protection = Protection::from_code(field(fields, "category"))
        .filter(|protection| *protection != Protection::Employee);
    if protection.is_none() {
        errors.add("category", "protect-category-missing");
    }
    let note = crate::requests::forms::optional_text(fields, "note", 500, &mut errors);
    if note
        .as_deref()
        .is_some_and(crate::identity::cpr::contains_cpr_number)
    {
        errors.add("note", "protect-note-cpr");
    }
    errors.result(|| {
        (
            key.unwrap_or_else(|| crate::identity::subject_key::SubjectKey::from_bytes([0; 32])),
            protection.unwrap_or(Protection::PublicFigure),
            note,
        )
    })
}

/// A standing reason: `unit`, `category` and the `reason`.
pub fn parse_standing(
    fields: &Fields,
    lang: Lang,
) -> Result<(String, super::flags::Protection, String), FieldErrors> {
    use super::flags::Protection;
    let mut errors = FieldErrors::new(lang);
    let unit = field(fields, "unit").to_owned();
    if unit.is_empty() {
        errors.add("unit", "plan-unit-missing");
    }
    let protection = Protection::from_code(field(fields, "category"));
    if protection.is_none() {
        errors.add("category", "protect-category-missing");
    }
    let reason = required_text(
        fields,
        "reason",
        500,
        "standing-reason-missing",
        &mut errors,
    );
    errors.result(|| (unit, protection.unwrap_or(Protection::Employee), reason))
}

#[cfg(test)]
mod circumstance_form_tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[test]
    fn opening_hours_read_days_and_times_up_to_midnight() {
        let (unit, hours) = parse_opening_hours(
            &fields(&[
                ("unit", "SOM"),
                ("day6", "ja"),
                ("day7", "ja"),
                ("opens", "00:00"),
                ("closes", "24:00"),
                ("holidays", "ja"),
            ]),
            Lang::Da,
        )
        .unwrap();
        let hours = hours.unwrap();
        assert_eq!((unit.as_str(), hours.weekdays.clone()), ("SOM", vec![6, 7]));
        assert_eq!(
            (
                hours.opens_minute,
                hours.closes_minute,
                hours.open_on_holidays
            ),
            (0, 1440, true)
        );
        let errors = parse_opening_hours(
            &fields(&[("unit", "BS"), ("opens", "18:00"), ("closes", "07:00")]),
            Lang::Da,
        )
        .unwrap_err();
        assert!(
            errors.0.contains_key("day1") && errors.0.contains_key("closes"),
            "{errors:?}"
        );
        for bad in ["7", "25:00", "07:60", "24:01"] {
            let errors = parse_opening_hours(
                &fields(&[
                    ("unit", "BS"),
                    ("day1", "ja"),
                    ("opens", bad),
                    ("closes", "18:00"),
                ]),
                Lang::Da,
            )
            .unwrap_err();
            assert!(errors.0.contains_key("opens"), "{bad}");
        }
        let (_, standard) =
            parse_opening_hours(&fields(&[("unit", "BS"), ("standard", "ja")]), Lang::Da).unwrap();
        assert_eq!(standard, None);
    }

    #[test]
    fn a_protected_citizen_is_kept_by_key_and_the_note_holds_no_number() {
        let pepper = crate::identity::subject_key::Pepper::new(vec![7; 32]).unwrap();
        let (key, protection, note) = parse_protection(
            &fields(&[
                ("cpr", "010190-1234"),
                ("category", "public_figure"),
                ("note", "Byrådsmedlem"),
            ]),
            &pepper,
            Lang::Da,
        )
        .unwrap();
        let expected = crate::identity::subject_key::SubjectKey::derive(
            &pepper,
            &crate::identity::cpr::Cpr::parse("0101901234").unwrap(),
        );
        assert_eq!(key, expected);
        assert_eq!(
            (protection.code(), note.as_deref()),
            ("public_figure", Some("Byrådsmedlem"))
        );
        let errors = parse_protection(
            &fields(&[
                ("cpr", "x"),
                ("category", "employee"),
                ("note", "se 010190-1234"),
            ]),
            &pepper,
            Lang::Da,
        )
        .unwrap_err();
        assert_eq!(errors.0.len(), 3, "{errors:?}");
    }
}
