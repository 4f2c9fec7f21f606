//! `POST /v3/disclose`: the protocol's optional disclosure. A source system
//! allowed to hide (databeskyttelsesloven § 22) sends the events it hid, by
//! `queryId` (its own event id), each with the time it was hidden until and
//! why; the citizen then sees them, with the reason. The rules are those of
//! the portal's own `POST /api/v1/access-events/hidden`
//! ([`crate::access_log::hiding`]): only the system's own events that it
//! hid, all or nothing, and sending the same again changes nothing more.

use std::collections::BTreeMap;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use super::super::api::{authenticate, body_bytes, IngestState};
use super::super::event::{free_text_problem, parse_time};
use super::super::hiding::{self, NewHiding, NotChanged};
use crate::clock;
use crate::http::client_addr::ClientAddr;
use crate::http::error::HttpError;

/// The path of the endpoint.
pub const PATH: &str = "/v3/disclose";

/// At most this many events per disclosure (the protocol's `maxItems`).
pub const MAX_ITEMS: usize = 10_000;

/// The protocol's `DiscloseItem`, as sent.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiscloseItem {
    pub query_id: String,
    pub hidden_reason: String,
    pub hidden_until: String,
}

/// Checks a disclosure: 1 to [`MAX_ITEMS`] items, each a `queryId` of 1–200
/// characters, a reason of 1–500 characters without a CPR number or a
/// control character, and an RFC 3339 time; one item per `queryId` (the
/// same item twice is one). `Err` lists every problem, naming the item by
/// its place, never repeating a value.
pub fn check(items: Vec<DiscloseItem>) -> Result<Vec<NewHiding>, Vec<String>> {
    let mut problems = Vec::new();
    if items.is_empty() || items.len() > MAX_ITEMS {
        problems.push(format!("give 1 to {MAX_ITEMS} items"));
    }
    let mut by_id: BTreeMap<String, NewHiding> = BTreeMap::new();
    for (place, item) in items.into_iter().enumerate() {
        let id = item.query_id.trim().to_owned();
        let reason = item.hidden_reason.trim().to_owned();
        let mut problem = |what: &str| problems.push(format!("item {place}: {what}"));
        if id.is_empty() || id.chars().count() > 200 {
            problem("queryId must be 1 to 200 characters");
        }
        if reason.is_empty() || reason.chars().count() > 500 {
            problem("hiddenReason must be 1 to 500 characters");
        } else if let Some(text_problem) = free_text_problem(&reason) {
            problem(&format!("hiddenReason {text_problem}"));
        }
        let until = parse_time(&item.hidden_until).or_else(|| {
            problem("hiddenUntil must be an RFC 3339 date-time with an offset");
            None
        });
        let hiding = NewHiding {
            id: id.clone(),
            hidden_until: until,
            reason,
        };
        match by_id.get(&id) {
            Some(earlier) if *earlier != hiding => {
                problem("queryId is also in an earlier item, with another time or reason");
            }
            _ => {
                by_id.insert(id, hiding);
            }
        }
    }
    if problems.is_empty() {
        Ok(by_id.into_values().collect())
    } else {
        Err(problems)
    }
}

/// `POST /v3/disclose`.
pub async fn post(
    State(state): State<IngestState>,
    ClientAddr(client): ClientAddr,
    request: Request,
) -> Response {
    let now = clock::now();
    let system = match authenticate(&state, client, request.headers(), PATH, now).await {
        Ok(system) => system,
        Err(refused) => return refused,
    };
    if !system.may_hide {
        return HttpError::Forbidden(
            "this source system may not hide events, so it has none to disclose".to_owned(),
        )
        .into_response();
    }
    let body = match body_bytes(&state, request).await {
        Ok(body) => body,
        Err(refused) => return refused,
    };
    let items = match serde_json::from_slice::<Vec<DiscloseItem>>(&body) {
        Ok(items) => items,
        Err(error) => {
            return HttpError::bad_parameter(format!(
                "the body is not a list of DiscloseItem: {error}"
            ))
            .into_response()
        }
    };
    let hidings = match check(items) {
        Ok(hidings) => hidings,
        Err(problems) => return HttpError::bad_parameter(problems.join("; ")).into_response(),
    };
    match hiding::apply_each(&state.pool, system.id, &hidings, now).await {
        Ok(changed) => {
            tracing::info!(system = %system.code, events = hidings.len(), changed = changed.changed, "events disclosed (Data Tracker)");
            (StatusCode::OK, Json(changed)).into_response()
        }
        Err(NotChanged::Unknown(ids)) => HttpError::NoSuch(format!(
            "no event of this system that it hid has these queryIds (nothing changed): {}",
            ids.join(", ")
        ))
        .into_response(),
        Err(NotChanged::Database(error)) => {
            HttpError::internal("disclose events", &error).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, reason: &str, until: &str) -> DiscloseItem {
        DiscloseItem {
            query_id: id.to_owned(),
            hidden_reason: reason.to_owned(),
            hidden_until: until.to_owned(),
        }
    }

    #[test]
    fn each_item_keeps_its_own_time_and_reason() {
        let hidings = check(vec![
            item("b", "Retsplejeloven § 791 d", "2026-11-01T00:00:00+01:00"),
            item(" a ", "Skattekontrolloven § 52", "2026-10-01T12:00:00Z"),
            item("b", "Retsplejeloven § 791 d", "2026-11-01T00:00:00+01:00"),
        ])
        .unwrap();
        assert_eq!(hidings.len(), 2);
        assert_eq!(hidings[0].id, "a");
        assert_eq!(hidings[0].reason, "Skattekontrolloven § 52");
        assert_eq!(
            hidings[1].hidden_until.unwrap().to_rfc3339(),
            "2026-10-31T23:00:00+00:00"
        );
    }

    #[test]
    fn every_problem_is_named_by_its_item_never_by_its_value() {
        let problems = check(vec![
            item("", "ok", "2026-11-01T00:00:00Z"),
            item("x", "sag om 010190-1234", "i går"),
            item("y", "ok", "2026-11-01T00:00:00Z"),
            item("y", "another", "2026-11-01T00:00:00Z"),
        ])
        .unwrap_err();
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].starts_with("item 0: queryId"));
        assert!(problems[1].starts_with("item 1: hiddenReason"));
        assert!(problems[2].starts_with("item 1: hiddenUntil"));
        assert!(problems[3].starts_with("item 3: queryId"));
        assert!(problems.iter().all(|problem| !problem.contains("010190")));
        assert!(check(Vec::new()).is_err());
    }
}
