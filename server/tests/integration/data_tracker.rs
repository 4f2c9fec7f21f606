//! The Data Tracker protocol v3, conformance: every answer of `findUsage`,
//! `heartbeat` and `disclose` (uses hidden, disclosed, bulk, internal and
//! transfers; every filter; paging at the edges; every error) is checked
//! against the protocol's schema (`fixtures/data_tracker_v3.schema.json`)
//! with a JSON Schema validator, and for what it says.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::Duration;
use serde_json::{json, Value};
use sqlx::PgPool;

use server::access_log::{api_keys, partitions};
use server::clock;

use crate::my_log::{demo, DISCLOSED_REASON, STILL_HIDDEN_REASON};
use crate::support::{get, get_with_cookie, post_json_with_key, send, Reply};

/// A validator of the protocol's component `name`.
fn validator(name: &str) -> jsonschema::Validator {
    let mut schema: Value =
        serde_json::from_str(include_str!("fixtures/data_tracker_v3.schema.json")).unwrap();
    schema["$ref"] = json!(format!("#/$defs/{name}"));
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// The body of `reply`, checked against component `name`.
fn conforming(reply: &Reply, name: &str) -> Value {
    let body: Value =
        serde_json::from_str(&reply.body).unwrap_or_else(|error| panic!("{error}: {}", reply.body));
    let problems: Vec<String> = validator(name)
        .iter_errors(&body)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(problems.is_empty(), "not a {name}: {problems:?}\n{body:#}");
    body
}

/// Every use in `response`, across its four arrays, with its array's name.
fn uses(response: &Value) -> Vec<(&'static str, Value)> {
    let mut all = Vec::new();
    for array in [
        "dataRequests",
        "dataResponses",
        "dataProcessings",
        "internalProcessings",
    ] {
        for usage in response[array].as_array().into_iter().flatten() {
            all.push((array, usage.clone()));
        }
    }
    all
}

/// The number `sql` counts.
async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

/// `findUsage` with `query` as the citizen with `cookie`: 200, conforming.
async fn find(app: &Router, cookie: &str, query: &str) -> Value {
    let reply = get_with_cookie(app, &format!("/v3/findUsage{query}"), cookie).await;
    assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.body);
    let response = conforming(&reply, "FindUsageResponse");
    assert_eq!(
        response["returnedUsages"].as_u64().unwrap() as usize,
        uses(&response).len(),
        "{query}"
    );
    response
}

/// The (array, queryId) of every use, newest first as the protocol pages them.
fn by_time(response: &Value) -> Vec<(String, String)> {
    let mut all: Vec<(String, String, String)> = uses(response)
        .into_iter()
        .map(|(array, usage)| {
            (
                usage["logTime"].as_str().unwrap().to_owned(),
                usage["queryId"].as_str().unwrap().to_owned(),
                array.to_owned(),
            )
        })
        .collect();
    all.sort_by(|a, b| b.cmp(a));
    all.into_iter().map(|(_, id, array)| (array, id)).collect()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn find_usage_answers_as_the_protocol_says(pool: PgPool) {
    let (app, anna, _) = demo(&pool).await;

    let all = find(&app, &anna, "").await;
    // Anna's visible uses without the bulk run: 7, the disclosed one, the print.
    assert_eq!(all["totalUsages"], 9);
    assert_eq!(all["returnedUsages"], 9);
    // Every kind has its array when none was named.
    for array in [
        "dataRequests",
        "dataResponses",
        "dataProcessings",
        "internalProcessings",
    ] {
        assert!(all[array].is_array(), "{array}");
    }
    let everything = uses(&all);
    assert!(!all.to_string().contains(STILL_HIDDEN_REASON));
    assert!(everything
        .iter()
        .any(|(_, usage)| usage["hiddenReason"] == DISCLOSED_REASON));
    // Look-ups in the CPR register, which CPR-kontoret keeps, are its
    // answers to the municipality; everything else is internal.
    for (array, usage) in &everything {
        let in_cpr = usage["logSourceSystem"] == "CPR-registret";
        if in_cpr {
            assert_eq!(*array, "dataResponses", "{usage}");
            assert_eq!(usage["target"]["name"], "CPR-kontoret");
            assert_eq!(usage["target"]["systemName"], "CPR-registret");
            assert!(usage.get("source").is_none());
        } else {
            assert_eq!(*array, "internalProcessings", "{usage}");
            assert_eq!(usage["source"]["code"], "12345678");
            assert_eq!(usage["source"]["name"], "Eksempel Kommune");
        }
        assert_eq!(usage["initiatorOrg"]["type"], "GOV");
        assert_eq!(usage["initiatorOrg"]["code"], "12345678");
        assert!(usage["queryId"].as_str().is_some_and(|id| !id.is_empty()));
        assert_eq!(usage["bulkProcessing"], false);
    }
    let cpr_uses = everything
        .iter()
        .filter(|(array, _)| *array == "dataResponses")
        .count();
    assert!(cpr_uses > 0 && cpr_uses < 9, "{cpr_uses}");
    // Within each array, newest first.
    for (array, _) in &everything {
        let times: Vec<&str> = all[array]
            .as_array()
            .unwrap()
            .iter()
            .map(|usage| usage["logTime"].as_str().unwrap())
            .collect();
        assert!(times.windows(2).all(|pair| pair[0] >= pair[1]), "{array}");
    }

    // processingType: only the arrays asked for, and only their uses.
    let requests = find(&app, &anna, "?processingType=DATA_REQUEST").await;
    assert_eq!(requests["totalUsages"], 0);
    assert_eq!(requests["dataRequests"], json!([]));
    for absent in ["dataResponses", "dataProcessings", "internalProcessings"] {
        assert!(requests.get(absent).is_none(), "{absent}");
    }
    let internal = find(&app, &anna, "?processingType=INTERNAL_PROCESSING").await;
    assert_eq!(internal["totalUsages"], 9 - cpr_uses);
    assert!(internal.get("dataResponses").is_none());
    let both = find(
        &app,
        &anna,
        "?processingType=DATA_RESPONSE&processingType=INTERNAL_PROCESSING",
    )
    .await;
    assert_eq!(by_time(&both), by_time(&all));

    // logSourceSystems: by the name findUsage gives, or by code; repeated.
    let cpr = find(&app, &anna, "?logSourceSystems=CPR-registret").await;
    assert_eq!(cpr["totalUsages"], cpr_uses);
    let by_code = find(&app, &anna, "?logSourceSystems=cpr").await;
    assert_eq!(by_time(&by_code), by_time(&cpr));
    let two = find(
        &app,
        &anna,
        "?logSourceSystems=CPR-registret&logSourceSystems=Omsorgsjournalen",
    )
    .await;
    assert!(two["totalUsages"].as_i64() >= cpr["totalUsages"].as_i64());
    let none = find(&app, &anna, "?logSourceSystems=Terviseportaal").await;
    assert_eq!(none["totalUsages"], 0);

    // includeBulkProcessing: the batch run's use, marked.
    let with_bulk = find(&app, &anna, "?includeBulkProcessing=true").await;
    assert_eq!(with_bulk["totalUsages"], 10);
    let bulk: Vec<Value> = uses(&with_bulk)
        .into_iter()
        .map(|(_, usage)| usage)
        .filter(|usage| usage["bulkProcessing"] == true)
        .collect();
    assert_eq!(bulk.len(), 1);
    let without = find(&app, &anna, "?includeBulkProcessing=false").await;
    assert_eq!(by_time(&without), by_time(&all));

    // Paging across the kinds, one use at a time, gives the whole list in
    // order; past the end, nothing, and still the total.
    let mut paged = Vec::new();
    for offset in 0..9 {
        let page = find(&app, &anna, &format!("?limit=1&offset={offset}")).await;
        assert_eq!(page["totalUsages"], 9);
        assert_eq!(page["returnedUsages"], 1);
        paged.extend(by_time(&page));
    }
    assert_eq!(paged, by_time(&all));
    for offset in [9, 10, 2_147_483_647] {
        let past = find(&app, &anna, &format!("?offset={offset}")).await;
        assert_eq!(past["totalUsages"], 9, "{offset}");
        assert_eq!(past["returnedUsages"], 0, "{offset}");
    }
    let largest = find(&app, &anna, "?limit=10000").await;
    assert_eq!(largest["returnedUsages"], 9);

    // periodStart and periodEnd, with offsets.
    let times: Vec<String> = everything
        .iter()
        .map(|(_, usage)| usage["logTime"].as_str().unwrap().to_owned())
        .collect();
    let newest = times.iter().max().unwrap();
    let only_newest = find(
        &app,
        &anna,
        &format!("?periodStart={}", app::text::query_value(newest)),
    )
    .await;
    let at_newest = times.iter().filter(|time| *time == newest).count();
    assert_eq!(only_newest["totalUsages"], at_newest);
    let before_all = find(&app, &anna, "?periodEnd=2000-01-01T00:00:00%2B01:00").await;
    assert_eq!(before_all["totalUsages"], 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn find_usage_refuses_wrong_parameters_with_the_protocols_error(pool: PgPool) {
    let (app, anna, _) = demo(&pool).await;
    for query in [
        "limit=0",
        "limit=10001",
        "limit=many",
        "offset=-1",
        "processingType=EVERYTHING",
        "processingType=DATA_REQUEST,DATA_RESPONSE",
        "includeBulkProcessing=yes",
        "periodStart=yesterday",
        "periodEnd=2026-11-30",
        "periodStart=2026-11-30T00:00:00Z&periodEnd=2026-11-01T00:00:00Z",
    ] {
        let reply = get_with_cookie(&app, &format!("/v3/findUsage?{query}"), &anna).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        let error = conforming(&reply, "Error");
        assert_eq!(error["code"], "BAD_REQUEST");
        let named = query.split('=').next().unwrap();
        assert!(
            error["message"].as_str().unwrap().contains(named),
            "{query}: {error}"
        );
    }
    // The subject is the session's citizen, whatever the query names.
    let own = find(&app, &anna, "").await;
    let other = find(&app, &anna, "?userCode=EE12345678901&subject=bo").await;
    assert_eq!(by_time(&own), by_time(&other));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_heartbeat_says_whether_find_usage_can_answer(pool: PgPool) {
    let app = crate::support::router(pool.clone());
    let reply = get(&app, "/v3/heartbeat").await;
    assert_eq!(reply.status, StatusCode::OK);
    let beat = conforming(&reply, "HeartbeatResponse");
    assert_eq!(beat["status"], "OK");
    // A schema behind this build's is a failure, with the reason.
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)",
    )
    .execute(&pool)
    .await
    .unwrap();
    let reply = get(&app, "/v3/heartbeat").await;
    let beat = conforming(&reply, "HeartbeatResponse");
    assert_eq!(beat["status"], "FAIL");
    assert!(beat["message"]
        .as_str()
        .is_some_and(|text| !text.is_empty()));
}

/// Posts `body` to `/v3/disclose` with API key `key`.
async fn disclose(app: &Router, key: &str, body: &Value) -> Reply {
    post_json_with_key(app, "/v3/disclose", key, body).await
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_system_discloses_what_it_hid_all_or_nothing(pool: PgPool) {
    let (app, anna, _) = demo(&pool).await;
    let (system, query_id): (String, String) = sqlx::query_as(
        "SELECT s.code, e.source_event_id FROM access_events e
         JOIN source_systems s ON s.id = e.source_system_id
         WHERE starts_with(e.hidden_reason, $1)",
    )
    .bind(STILL_HIDDEN_REASON)
    .fetch_one(&pool)
    .await
    .unwrap();
    let key = api_keys::create(&pool, &system, "test", clock::now())
        .await
        .unwrap()
        .secret;
    let before = find(&app, &anna, "").await;
    let until = (clock::now() - Duration::minutes(1)).to_rfc3339();
    let reason = "Efterforskningen er afsluttet (retsplejeloven § 791 d)";
    let item = json!({"queryId": query_id, "hiddenReason": reason, "hiddenUntil": until});
    assert!(validator("DiscloseRequest").is_valid(&json!([item])));

    // All or nothing: with an unknown queryId, nothing is disclosed.
    let with_unknown =
        json!([item, {"queryId": "no-such-event", "hiddenReason": reason, "hiddenUntil": until}]);
    let reply = disclose(&app, &key, &with_unknown).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
    let error = conforming(&reply, "Error");
    assert!(error["message"].as_str().unwrap().contains("no-such-event"));
    assert_eq!(by_time(&find(&app, &anna, "").await), by_time(&before));

    let reply = disclose(&app, &key, &json!([item])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let after = find(&app, &anna, "").await;
    assert_eq!(after["totalUsages"], 10);
    let disclosed: Vec<Value> = uses(&after)
        .into_iter()
        .map(|(_, usage)| usage)
        .filter(|usage| usage["queryId"] == query_id.as_str())
        .collect();
    assert_eq!(disclosed.len(), 1);
    assert_eq!(disclosed[0]["hiddenReason"], reason);
    assert!(disclosed[0]["hiddenUntil"].is_string());
    // The citizen's page shows it too, with the reason.
    let page = get_with_cookie(&app, "/min-log", &anna).await;
    assert!(page.body.contains("retsplejeloven § 791 d"));
    // The same again changes nothing more.
    let again = disclose(&app, &key, &json!([item])).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<Value>(&again.body).unwrap()["changed"],
        0
    );

    // Wrong bodies: the protocol's error, naming the item.
    for body in [
        json!([]),
        json!({"queryId": query_id}),
        json!([{"queryId": query_id, "hiddenReason": reason, "hiddenUntil": "soon"}]),
        json!([{"queryId": query_id, "hiddenReason": "sag om 010190-1234", "hiddenUntil": until}]),
    ] {
        let reply = disclose(&app, &key, &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        let error = conforming(&reply, "Error");
        assert!(!error["message"].as_str().unwrap().contains("010190"));
    }
    // A system that may not hide has nothing to disclose; a wrong key is
    // refused (and registered, as for the ingestion API).
    let cpr_key = api_keys::create(&pool, "cpr", "test", clock::now())
        .await
        .unwrap()
        .secret;
    let reply = disclose(&app, &cpr_key, &json!([item])).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    conforming(&reply, "Error");
    let reply = disclose(&app, "indblik_wrong", &json!([item])).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let rejected: i64 = count(
        &pool,
        "SELECT count(*) FROM access_rejections WHERE path = '/v3/disclose'",
    )
    .await;
    assert_eq!(rejected, 1);
}

/// The aggregator's key in these tests, and its configuration.
const AGGREGATOR_KEY: &str = "indblikdt_integration-test-key";

fn with_aggregator(pool: &PgPool) -> Router {
    use sha2::Digest;
    let hash = hex::encode(sha2::Sha256::digest(AGGREGATOR_KEY.as_bytes()));
    let config: server::config::Config = crate::support::test_figment()
        .merge((
            "data_tracker_aggregators",
            json!([{"name": "borger.dk", "key_sha256": hash, "unit": "BORGERDK", "purpose": "samlet-visning"}]),
        ))
        .extract()
        .unwrap();
    crate::support::router_with(&config, pool.clone())
}

/// `GET /aggregator/v3/findUsage` with `key` and the CPR header `cpr`.
async fn aggregator_find(app: &Router, key: &str, cpr: Option<&str>, query: &str) -> Reply {
    let mut request = Request::get(format!("/aggregator/v3/findUsage{query}"))
        .header(header::AUTHORIZATION, format!("Bearer {key}"));
    if let Some(cpr) = cpr {
        request = request.header("Data-Subject-CPR", cpr);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_aggregator_finds_any_citizens_uses_and_is_logged_doing_so(pool: PgPool) {
    let (citizens_app, anna, _) = demo(&pool).await;
    // The months the server's job keeps ready from its start: the call is
    // logged in this month's partition.
    partitions::ensure(&pool, &partitions::months_to_keep_ready(clock::now(), 6))
        .await
        .unwrap();
    let app = with_aggregator(&pool);
    let own = find(&citizens_app, &anna, "").await;

    let reply = aggregator_find(&app, AGGREGATOR_KEY, Some("2403819912"), "").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let seen = conforming(&reply, "FindUsageResponse");
    // Anna's uses, and the aggregator's own call, now on record.
    assert_eq!(
        seen["totalUsages"],
        own["totalUsages"].as_i64().unwrap() + 1
    );
    let call: Vec<Value> = uses(&seen)
        .into_iter()
        .map(|(_, usage)| usage)
        .filter(|usage| usage["initiatorOrg"]["name"] == "borger.dk, Digitaliseringsstyrelsen")
        .collect();
    assert_eq!(call.len(), 1, "{seen:#}");
    assert_eq!(call[0]["logSourceSystem"], "Indblik");
    // The municipality's portal answered another authority: a transfer.
    assert!(seen["dataResponses"].as_array().unwrap().contains(&call[0]));
    assert_eq!(call[0]["target"]["name"], "Eksempel Kommune");
    assert_eq!(call[0]["target"]["code"], "12345678");
    // The citizen sees it on the page, as borger.dk.
    let page = get_with_cookie(&citizens_app, "/min-log", &anna).await;
    assert!(
        page.body.contains("borger.dk"),
        "the aggregator's call is not on the page"
    );
    assert!(page.body.contains("Visning af din log på borger.dk"));
    // A second call the same day is on record for the municipality but one
    // use to the citizen.
    let again = aggregator_find(&app, AGGREGATOR_KEY, Some("240381-9912"), "?limit=1").await;
    assert_eq!(again.status, StatusCode::OK);
    let stored: i64 = count(
        &pool,
        "SELECT count(*) FROM access_events WHERE actor = 'aggregator:borger.dk'",
    )
    .await;
    assert_eq!(stored, 2);
    // Filters work as for the citizen's own call.
    let cpr_only = aggregator_find(
        &app,
        AGGREGATOR_KEY,
        Some("2403819912"),
        "?processingType=DATA_RESPONSE",
    )
    .await;
    let cpr_only = conforming(&cpr_only, "FindUsageResponse");
    assert!(cpr_only.get("internalProcessings").is_none());
    // Another citizen's log is another citizen's.
    let bo = aggregator_find(&app, AGGREGATOR_KEY, Some(server::demo_events::BO_CPR), "").await;
    let bo = conforming(&bo, "FindUsageResponse");
    assert_ne!(bo["totalUsages"], seen["totalUsages"]);

    // No or a bad CPR number: the protocol's error, never the value.
    for cpr in [None, Some("24038199"), Some("3213819912")] {
        let reply = aggregator_find(&app, AGGREGATOR_KEY, cpr, "").await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{cpr:?}");
        let error = conforming(&reply, "Error");
        assert!(error["message"]
            .as_str()
            .unwrap()
            .contains("Data-Subject-CPR"));
        assert!(!reply.body.contains("2403"));
    }
    // A CPR number in the URL is not read: the subject comes from the header.
    let in_url = aggregator_find(&app, AGGREGATOR_KEY, None, "?userCode=2403819912").await;
    assert_eq!(in_url.status, StatusCode::BAD_REQUEST);

    // Wrong keys, and a source system's key: 401, registered; a citizen's
    // session does not open the aggregator's door.
    let source_key = api_keys::create(&pool, "esdh", "test", clock::now())
        .await
        .unwrap()
        .secret;
    for key in ["indblikdt_guess", source_key.as_str(), ""] {
        let reply = aggregator_find(&app, key, Some("2403819912"), "").await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{key}");
        assert_eq!(conforming(&reply, "Error")["code"], "UNAUTHORIZED");
    }
    let reply = get_with_cookie(&app, "/aggregator/v3/findUsage", &anna).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let rejected: i64 = count(
        &pool,
        "SELECT count(*) FROM access_rejections WHERE path = '/aggregator/v3/findUsage'",
    )
    .await;
    assert_eq!(rejected, 4);
    // Without aggregators configured, no key works.
    let reply = aggregator_find(&citizens_app, AGGREGATOR_KEY, Some("2403819912"), "").await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}
