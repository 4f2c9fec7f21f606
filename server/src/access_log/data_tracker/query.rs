//! `findUsage`'s query parameters, read from the query string's pairs as
//! the protocol defines them: `processingType` and `logSourceSystems`
//! repeat (`?processingType=DATA_REQUEST&processingType=DATA_RESPONSE`),
//! `includeBulkProcessing` is `true` or `false`, `periodStart` and
//! `periodEnd` are RFC 3339 date-times, `limit` is 1–10,000 (1,000 when
//! absent) and `offset` 0 or more. A wrong value is refused with a message
//! that names the parameter, never silently ignored; parameters the
//! protocol does not define (and `userCode`: see docs/interop.md) are.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::processing::ProcessingType;
use crate::access_log::event::parse_time;

/// The most uses one answer may hold, and the number when `limit` is absent.
pub const MAX_LIMIT: i64 = 10_000;
pub const DEFAULT_LIMIT: i64 = 1_000;

/// A `findUsage` query that has been checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageQuery {
    /// Never empty: every kind when the caller named none.
    pub types: BTreeSet<ProcessingType>,
    /// Source systems by name (as `logSourceSystem` gives them) or code;
    /// empty for all.
    pub systems: Vec<String>,
    pub include_bulk: bool,
    pub period_start: Option<DateTime<Utc>>,
    pub period_end: Option<DateTime<Utc>>,
    pub limit: i64,
    pub offset: i64,
}

impl UsageQuery {
    /// Reads the query from its pairs; `Err` lists every wrong parameter.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<UsageQuery, Vec<String>> {
        let mut problems = Vec::new();
        let mut types = BTreeSet::new();
        let mut systems = Vec::new();
        let mut include_bulk = None;
        let (mut period_start, mut period_end) = (None, None);
        let (mut limit, mut offset) = (None, None);
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "processingType" => match ProcessingType::from_name(value) {
                    Some(kind) => {
                        types.insert(kind);
                    }
                    None => problems.push(
                        "processingType must be DATA_REQUEST, DATA_RESPONSE, DATA_PROCESSING or INTERNAL_PROCESSING (repeat the parameter for more than one)"
                            .to_owned(),
                    ),
                },
                "logSourceSystems" if value.is_empty() || value.chars().count() > 200 => {
                    problems.push("logSourceSystems must be a system's name of 1 to 200 characters".to_owned());
                }
                "logSourceSystems" => systems.push(value.to_owned()),
                "includeBulkProcessing" => match value {
                    "true" => include_bulk = Some(true),
                    "false" => include_bulk = Some(false),
                    _ => problems.push("includeBulkProcessing must be true or false".to_owned()),
                },
                "periodStart" => period_start = Some(instant(value, key, &mut problems)),
                "periodEnd" => period_end = Some(instant(value, key, &mut problems)),
                "limit" => limit = Some(value),
                "offset" => offset = Some(value),
                _ => {}
            }
        }
        let limit = match limit.map(str::parse::<i64>) {
            None => DEFAULT_LIMIT,
            Some(Ok(limit)) if (1..=MAX_LIMIT).contains(&limit) => limit,
            Some(_) => {
                problems.push(format!(
                    "limit must be a whole number from 1 to {MAX_LIMIT}"
                ));
                DEFAULT_LIMIT
            }
        };
        let offset = match offset.map(str::parse::<i64>) {
            None => 0,
            Some(Ok(offset)) if (0..=i64::from(i32::MAX)).contains(&offset) => offset,
            Some(_) => {
                problems.push("offset must be a whole number, 0 or more".to_owned());
                0
            }
        };
        let (period_start, period_end) = (period_start.flatten(), period_end.flatten());
        if let (Some(start), Some(end)) = (period_start, period_end) {
            if start > end {
                problems.push("periodStart must not be after periodEnd".to_owned());
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        if types.is_empty() {
            types.extend(ProcessingType::ALL);
        }
        Ok(UsageQuery {
            types,
            systems,
            include_bulk: include_bulk.unwrap_or(false),
            period_start,
            period_end,
            limit,
            offset,
        })
    }
}

/// An RFC 3339 date-time; a problem naming `key` otherwise.
fn instant(text: &str, key: &str, problems: &mut Vec<String>) -> Option<DateTime<Utc>> {
    parse_time(text).or_else(|| {
        problems.push(format!(
            "{key} must be an RFC 3339 date-time, e.g. 2026-11-30T10:20:30Z"
        ));
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(query: &str) -> Result<UsageQuery, Vec<String>> {
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        UsageQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn nothing_asked_is_everything_of_the_default_page() {
        let query = read("").unwrap();
        assert_eq!(query.types, ProcessingType::ALL.into_iter().collect());
        assert!(query.systems.is_empty());
        assert!(!query.include_bulk);
        assert_eq!((query.limit, query.offset), (DEFAULT_LIMIT, 0));
        assert_eq!((query.period_start, query.period_end), (None, None));
    }

    #[test]
    fn repeated_parameters_add_up() {
        let query = read(
            "processingType=DATA_REQUEST&processingType=DATA_RESPONSE&logSourceSystems=CPR-registret&logSourceSystems=esdh&includeBulkProcessing=true&limit=10000&offset=20&periodStart=2026-11-01T00:00:00%2B01:00",
        )
        .unwrap();
        assert_eq!(
            query.types,
            [ProcessingType::DataRequest, ProcessingType::DataResponse]
                .into_iter()
                .collect()
        );
        assert_eq!(query.systems, ["CPR-registret", "esdh"]);
        assert!(query.include_bulk);
        assert_eq!((query.limit, query.offset), (10_000, 20));
        assert_eq!(
            query.period_start.unwrap().to_rfc3339(),
            "2026-10-31T23:00:00+00:00"
        );
    }

    #[test]
    fn every_wrong_parameter_is_named() {
        for (query, named) in [
            ("processingType=data_request", "processingType"),
            (
                "processingType=DATA_REQUEST,DATA_RESPONSE",
                "processingType",
            ),
            ("includeBulkProcessing=yes", "includeBulkProcessing"),
            ("limit=0", "limit"),
            ("limit=10001", "limit"),
            ("limit=ten", "limit"),
            ("offset=-1", "offset"),
            ("offset=99999999999", "offset"),
            ("periodStart=yesterday", "periodStart"),
            ("periodEnd=2026-11-30", "periodEnd"),
            ("logSourceSystems=", "logSourceSystems"),
            (
                "periodStart=2026-11-30T00:00:00Z&periodEnd=2026-11-01T00:00:00Z",
                "periodStart",
            ),
        ] {
            let problems = read(query).unwrap_err();
            assert_eq!(problems.len(), 1, "{query}: {problems:?}");
            assert!(problems[0].starts_with(named), "{query}: {problems:?}");
        }
        assert_eq!(read("limit=0&offset=-1&periodEnd=x").unwrap_err().len(), 3);
    }

    #[test]
    fn parameters_the_protocol_does_not_define_are_ignored() {
        assert_eq!(
            read("userCode=EE12345678901&subject=someone").unwrap(),
            read("").unwrap()
        );
    }
}
