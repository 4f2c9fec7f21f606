//! One reported use of personal data, as a source system sends it (a JSON
//! object per NDJSON line or a CSV record) and as it is stored after
//! validation. Validation turns the CPR number into the subject key at once;
//! the number itself goes no further than this module.

use std::collections::HashMap;

use chrono::{DateTime, Duration, SubsecRound, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use app::access_log::coverage::{covers_from, local_midnight};
use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};

use super::master_data::{Codes, SourceSystem};

/// How far in the future a time of use may lie (clock differences between systems).
pub const FUTURE_TOLERANCE: Duration = Duration::minutes(5);

/// The fields of an event and their documentation, in the order of the CSV
/// header and the JSON schema.
pub const FIELDS: &[&str] = &[
    "id",
    "time",
    "actor",
    "unit",
    "use",
    "cpr",
    "search_criterion",
    "purpose",
    "case_reference",
    "bulk",
    "batch_run",
    "hidden_until",
    "hidden_reason",
    "case_closed",
];

/// An event as received, every field still text (or absent).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RawEvent {
    pub id: Option<String>,
    pub time: Option<String>,
    pub actor: Option<String>,
    pub unit: Option<String>,
    pub use_type: Option<String>,
    pub cpr: Option<String>,
    pub search_criterion: Option<String>,
    pub purpose: Option<String>,
    pub case_reference: Option<String>,
    pub bulk: Option<bool>,
    pub batch_run: Option<String>,
    pub hidden_until: Option<String>,
    pub hidden_reason: Option<String>,
    pub case_closed: Option<bool>,
}

/// A validated event, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub occurred_at: DateTime<Utc>,
    pub source_event_id: String,
    pub actor: String,
    pub org_unit_id: i64,
    pub use_type: UseType,
    pub subject: Subject,
    pub purpose_id: i64,
    pub case_reference: Option<String>,
    pub bulk: bool,
    pub batch_run: Option<String>,
    pub hidden: Option<Hidden>,
    /// The source system's marker that the case is closed (a sensitive
    /// case: a look-up in it is flagged).
    pub case_closed: bool,
}

/// Whom an event concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// One citizen.
    Citizen(SubjectKey),
    /// A search by criterion (e.g. a birth date) not tied to one person.
    SearchCriterion(String),
}

/// Why and until when an event is hidden from the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    /// `None`: hidden until further notice.
    pub until: Option<DateTime<Utc>>,
    pub reason: String,
}

/// One problem with one line of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct LineError {
    /// The line number in the body, counting from 1 (for CSV, the header is line 1).
    pub line: usize,
    /// The field at fault, when the problem is with one field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    pub message: String,
}

/// What validation checks events against: the sending system and the master data.
#[derive(Debug)]
pub struct Rules<'a> {
    pub pepper: &'a Pepper,
    /// The sending system's code (for messages) and whether it may hide events.
    pub system_code: &'a str,
    pub system_may_hide: bool,
    pub unit_ids: &'a HashMap<String, i64>,
    pub purpose_ids: &'a HashMap<String, i64>,
    /// Events before this instant lie outside the retention period.
    pub oldest_allowed: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

impl<'a> Rules<'a> {
    /// The rules for events from `system` at `now`: its own code and right
    /// to hide, the master data in `codes`, and nothing older than the start
    /// of the retention period.
    pub fn for_system(
        pepper: &'a Pepper,
        system: &'a SourceSystem,
        codes: &'a Codes,
        now: DateTime<Utc>,
        retention_months: u32,
    ) -> Rules<'a> {
        Rules {
            pepper,
            system_code: &system.code,
            system_may_hide: system.may_hide,
            unit_ids: &codes.units,
            purpose_ids: &codes.purposes,
            oldest_allowed: local_midnight(covers_from(now, retention_months)),
            now,
        }
    }
}

/// Longest accepted text per field, in characters.
const MAX_ID: usize = 200;
const MAX_TEXT: usize = 500;

impl RawEvent {
    /// Reads one JSON object; every field is optional here so that
    /// [`RawEvent::validate`] can name each missing one. Unknown fields and
    /// wrong JSON types are reported by field name, never with the value (it
    /// may be a CPR number).
    pub fn from_json(line: usize, text: &str) -> Result<RawEvent, Vec<LineError>> {
        let at = |field: Option<&'static str>, message: String| LineError {
            line,
            field,
            message,
        };
        let value: Value = serde_json::from_str(text).map_err(|error| {
            vec![at(
                None,
                format!(
                    "not valid JSON (column {}): {}",
                    error.column(),
                    json_problem(&error)
                ),
            )]
        })?;
        let Value::Object(object) = value else {
            return Err(vec![at(
                None,
                "each line must be one JSON object".to_owned(),
            )]);
        };
        let mut errors = Vec::new();
        for key in object.keys() {
            if !FIELDS.contains(&key.as_str()) {
                errors.push(at(None, format!("unknown field \"{}\"", truncate(key, 60))));
            }
        }
        let mut text = |field: &'static str| -> Option<String> {
            match object.get(field) {
                None | Some(Value::Null) => None,
                Some(Value::String(text)) => Some(text.clone()),
                Some(_) => {
                    errors.push(at(Some(field), "must be a string".to_owned()));
                    None
                }
            }
        };
        let mut raw = RawEvent {
            id: text("id"),
            time: text("time"),
            actor: text("actor"),
            unit: text("unit"),
            use_type: text("use"),
            cpr: text("cpr"),
            search_criterion: text("search_criterion"),
            purpose: text("purpose"),
            case_reference: text("case_reference"),
            bulk: None,
            batch_run: text("batch_run"),
            hidden_until: text("hidden_until"),
            hidden_reason: text("hidden_reason"),
            case_closed: None,
        };
        raw.bulk = read_bool(&object, "bulk", line, &mut errors);
        raw.case_closed = read_bool(&object, "case_closed", line, &mut errors);
        if errors.is_empty() {
            Ok(raw)
        } else {
            Err(errors)
        }
    }

    /// Checks every field against `rules`, reporting all problems of the line.
    pub fn validate(self, line: usize, rules: &Rules<'_>) -> Result<Event, Vec<LineError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &'static str, message: String| {
            errors.push(LineError {
                line,
                field: Some(field),
                message,
            });
        };

        let source_event_id = required(self.id, "id", MAX_ID, &mut fail);
        let actor = required(self.actor, "actor", MAX_ID, &mut fail);
        let occurred_at = match self.time.as_deref().map(str::trim) {
            None | Some("") => {
                fail("time", "is required".to_owned());
                None
            }
            Some(text) => {
                match parse_time(text) {
                    None => {
                        fail("time", "is not an RFC 3339 time with an offset, e.g. 2026-11-23T14:05:00+01:00".to_owned());
                        None
                    }
                    Some(at) if at < rules.oldest_allowed => {
                        fail(
                            "time",
                            format!(
                                "lies before {}, the start of the retention period",
                                rules.oldest_allowed.to_rfc3339()
                            ),
                        );
                        None
                    }
                    Some(at) if at > rules.now + FUTURE_TOLERANCE => {
                        fail("time", "lies in the future".to_owned());
                        None
                    }
                    Some(at) => Some(at),
                }
            }
        };
        let org_unit_id = lookup(
            self.unit,
            "unit",
            "organisational unit",
            rules.unit_ids,
            &mut fail,
        );
        let purpose_id = lookup(
            self.purpose,
            "purpose",
            "purpose",
            rules.purpose_ids,
            &mut fail,
        );
        let use_type = match self.use_type.as_deref().map(str::trim) {
            None | Some("") => {
                fail("use", "is required".to_owned());
                None
            }
            Some(code) if let Some(problem) = free_text_problem(code) => {
                fail("use", problem.to_owned());
                None
            }
            Some(code) => UseType::from_code(code).or_else(|| {
                fail(
                    "use",
                    format!(
                        "unknown type of use \"{}\"; expected one of {}",
                        truncate(code, 40),
                        UseType::ALL.map(UseType::code).join(", ")
                    ),
                );
                None
            }),
        };
        let subject = match (non_blank(self.cpr), non_blank(self.search_criterion)) {
            (Some(cpr), None) => match Cpr::parse(&cpr) {
                Ok(cpr) => Some(Subject::Citizen(SubjectKey::derive(rules.pepper, &cpr))),
                Err(error) => {
                    fail(
                        "cpr",
                        format!("is not a CPR number: {}", cpr_problem(error)),
                    );
                    None
                }
            },
            (None, Some(criterion)) => within(criterion, "search_criterion", MAX_TEXT, &mut fail)
                .map(Subject::SearchCriterion),
            (Some(_), Some(_)) => {
                fail(
                    "cpr",
                    "give either cpr or search_criterion, not both".to_owned(),
                );
                None
            }
            (None, None) => {
                fail(
                    "cpr",
                    "is required (or search_criterion for a search not tied to one person)"
                        .to_owned(),
                );
                None
            }
        };
        let case_reference = optional(self.case_reference, "case_reference", MAX_ID, &mut fail);
        let bulk = self.bulk.unwrap_or(false);
        let batch_run = optional(self.batch_run, "batch_run", MAX_ID, &mut fail);
        if batch_run.is_some() && !bulk {
            fail(
                "batch_run",
                "is only allowed on bulk events (\"bulk\": true)".to_owned(),
            );
        }
        let hidden_reason = optional(self.hidden_reason, "hidden_reason", MAX_TEXT, &mut fail);
        let hidden_until = match non_blank(self.hidden_until) {
            None => None,
            Some(text) => parse_time(&text).or_else(|| {
                fail(
                    "hidden_until",
                    "is not an RFC 3339 time with an offset".to_owned(),
                );
                None
            }),
        };
        let hidden = match (hidden_until, hidden_reason) {
            (None, None) => None,
            (until, Some(reason)) => Some(Hidden { until, reason }),
            (Some(_), None) => {
                fail("hidden_reason", "a hidden event needs a reason".to_owned());
                None
            }
        };
        if hidden.is_some() && !rules.system_may_hide {
            fail(
                "hidden_reason",
                format!(
                    "system \"{}\" is not allowed to send hidden events",
                    rules.system_code
                ),
            );
        }

        match (
            source_event_id,
            actor,
            occurred_at,
            org_unit_id,
            purpose_id,
            use_type,
            subject,
        ) {
            (
                Some(source_event_id),
                Some(actor),
                Some(occurred_at),
                Some(org_unit_id),
                Some(purpose_id),
                Some(use_type),
                Some(subject),
            ) if errors.is_empty() => Ok(Event {
                occurred_at,
                source_event_id,
                actor,
                org_unit_id,
                use_type,
                subject,
                purpose_id,
                case_reference,
                bulk,
                batch_run,
                hidden,
                case_closed: self.case_closed.unwrap_or(false),
            }),
            _ => Err(errors),
        }
    }
}

fn read_bool(
    object: &Map<String, Value>,
    field: &'static str,
    line: usize,
    errors: &mut Vec<LineError>,
) -> Option<bool> {
    match object.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::Bool(value)) => Some(*value),
        Some(_) => {
            errors.push(LineError {
                line,
                field: Some(field),
                message: "must be true or false".to_owned(),
            });
            None
        }
    }
}

/// An RFC 3339 time with an explicit offset, to the microsecond PostgreSQL
/// keeps (finer digits are cut off here, so two times that PostgreSQL would
/// store alike are alike here too).
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|at| at.with_timezone(&Utc).trunc_subsecs(6))
}

fn non_blank(value: Option<String>) -> Option<String> {
    value
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

fn required(
    value: Option<String>,
    field: &'static str,
    max: usize,
    fail: &mut impl FnMut(&'static str, String),
) -> Option<String> {
    match non_blank(value) {
        None => {
            fail(field, "is required".to_owned());
            None
        }
        Some(text) => within(text, field, max, fail),
    }
}

fn optional(
    value: Option<String>,
    field: &'static str,
    max: usize,
    fail: &mut impl FnMut(&'static str, String),
) -> Option<String> {
    non_blank(value).and_then(|text| within(text, field, max, fail))
}

/// What is wrong with a free-text value whatever its field, without
/// repeating it: a control character, or what looks like a CPR number (a
/// citizen's number belongs in `cpr` only, where it becomes the subject key).
pub fn free_text_problem(text: &str) -> Option<&'static str> {
    if app::text::has_control_characters(text) {
        Some("contains a control character (such as NUL); only tab and line breaks are allowed")
    } else if app::identity::cpr::contains_cpr_number(text) {
        Some("contains what looks like a CPR number; a citizen's CPR number may only be sent in `cpr`")
    } else {
        None
    }
}

fn within(
    text: String,
    field: &'static str,
    max: usize,
    fail: &mut impl FnMut(&'static str, String),
) -> Option<String> {
    if let Some(problem) = free_text_problem(&text) {
        fail(field, problem.to_owned());
        None
    } else if text.chars().count() > max {
        fail(field, format!("is longer than {max} characters"));
        None
    } else {
        Some(text)
    }
}

fn lookup(
    value: Option<String>,
    field: &'static str,
    what: &str,
    ids: &HashMap<String, i64>,
    fail: &mut impl FnMut(&'static str, String),
) -> Option<i64> {
    let code = non_blank(value);
    match code {
        None => {
            fail(field, "is required".to_owned());
            None
        }
        Some(code) if let Some(problem) = free_text_problem(&code) => {
            fail(field, problem.to_owned());
            None
        }
        Some(code) => ids.get(&code).copied().or_else(|| {
            fail(
                field,
                format!(
                    "unknown {what} \"{}\" (not in the master data)",
                    truncate(&code, 60)
                ),
            );
            None
        }),
    }
}

/// Why a CPR number was refused, in English for the sending system's
/// operators; never the number itself.
fn cpr_problem(error: app::identity::cpr::CprError) -> &'static str {
    use app::identity::cpr::CprError;
    match error {
        CprError::WrongLength => "it must have 10 digits (DDMMYYSSSS or DDMMYY-SSSS)",
        CprError::NotDigits => "it may contain only digits and one hyphen after the first six",
        CprError::NotADate => "the first six digits are not a valid date of birth (DDMMYY)",
    }
}

/// A JSON syntax problem without the offending text.
fn json_problem(error: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => "the object ends too early",
        Category::Syntax => "syntax error",
        Category::Data => "unexpected value",
        Category::Io => "cannot be read",
    }
}

/// At most `max` characters of `text`, for echoing codes in messages.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn times_need_an_offset_and_keep_microseconds() {
        let expected =
            Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap() + Duration::microseconds(123_456);
        assert_eq!(
            parse_time("2026-03-01T10:30:00.123456789+01:00"),
            Some(expected)
        );
        assert_eq!(parse_time(" 2026-03-01T09:30:00.123456Z "), Some(expected));
        assert_eq!(parse_time("2026-03-01T10:30:00"), None);
        assert_eq!(parse_time("1. marts 2026"), None);
    }
}
