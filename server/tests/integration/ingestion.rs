//! The ingestion API: good batches are stored once and summarised, bad
//! batches are refused line by line with nothing stored, and wrong keys are
//! refused and registered.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{json, Value};
use sqlx::PgPool;

use server::access_log::api_keys;
use server::{clock, demo_data};

use crate::support::{router, router_with, send, test_figment, Reply};

const PATH: &str = "/api/v1/access-events";

/// Master data plus a key for the system `system`.
async fn key_for(pool: &PgPool, system: &str) -> String {
    demo_data::load(pool).await.unwrap();
    api_keys::create(pool, system, "integration test", clock::now())
        .await
        .unwrap()
        .secret
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A valid event `id` about CPR 010190-1234 a day ago.
fn event(id: &str) -> Value {
    json!({
        "id": id,
        "time": time(clock::now() - Duration::days(1)),
        "actor": "m12345",
        "unit": "BS",
        "use": "read",
        "cpr": "0101901234",
        "purpose": "flytning",
    })
}

fn ndjson(lines: &[Value]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

async fn post(router: &axum::Router, key: &str, body: String) -> Reply {
    let request = Request::post(PATH)
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(Body::from(body))
        .unwrap();
    send(router, request).await
}

/// The (line, field) of every error of a refused batch's report; `-` for
/// an error of the whole line.
fn refused_fields(report: &Value) -> Vec<(u64, String)> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| {
            (
                error["line"].as_u64().unwrap(),
                error["field"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

async fn stored_events(pool: &PgPool) -> i64 {
    sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM access_events"#)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn summarised_events(pool: &PgPool) -> i64 {
    sqlx::query_scalar!(r#"SELECT COALESCE(sum(events), 0)::bigint AS "n!" FROM access_summary"#)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_batch_is_stored_once_and_summarised(pool: PgPool) {
    let key = key_for(&pool, "cpr").await;
    let router = router(pool.clone());
    let mut search = event("e3");
    search["cpr"] = Value::Null;
    search["search_criterion"] = json!("født 1990-01-01");
    search["use"] = json!("search");
    let body = ndjson(&[event("e1"), event("e2"), search]);

    let first = post(&router, &key, body.clone()).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let report: Value = serde_json::from_str(&first.body).unwrap();
    assert_eq!(report, json!({"received": 3, "stored": 3}));
    assert_eq!(stored_events(&pool).await, 3);
    // Two reads by the same unit the same day: one summary row counting 2;
    // the search by criterion is not summarised.
    let rows = sqlx::query!("SELECT events, use_type FROM access_summary")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].events, rows[0].use_type.as_str()), (2, "read"));

    let again = post(&router, &key, body).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let report: Value = serde_json::from_str(&again.body).unwrap();
    assert_eq!(report, json!({"received": 3, "stored": 0}));
    assert_eq!(stored_events(&pool).await, 3);
    assert_eq!(summarised_events(&pool).await, 2);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_bad_line_is_reported_and_nothing_is_stored(pool: PgPool) {
    let key = key_for(&pool, "cpr").await;
    let router = router(pool.clone());
    let with = |id: &str, field: &str, value: Value| {
        let mut line = event(id);
        line[field] = value;
        line
    };
    let mut both = event("both");
    both["search_criterion"] = json!("x");
    let mut neither = event("neither");
    neither["cpr"] = Value::Null;
    let mut unknown_field = event("unknown-field");
    unknown_field["employee_name"] = json!("Jens");
    let lines = [
        event("good-1").to_string(),                          // 1
        with("unit", "unit", json!("NOPE")).to_string(),      // 2
        with("cpr", "cpr", json!("3102901234")).to_string(),  // 3
        with("time", "time", json!("yesterday")).to_string(), // 4
        with("use", "use", json!("peek")).to_string(),        // 5
        with("reason", "hidden_until", json!(time(clock::now()))).to_string(), // 6
        with("hide", "hidden_reason", json!("efterforskning")).to_string(), // 7
        with(
            "future",
            "time",
            json!(time(clock::now() + Duration::days(2))),
        )
        .to_string(), // 8
        with(
            "old",
            "time",
            json!(time(clock::now() - Duration::days(400))),
        )
        .to_string(), // 9
        with("purpose", "purpose", json!("curiosity")).to_string(), // 10
        both.to_string(),                                     // 11
        neither.to_string(),                                  // 12
        unknown_field.to_string(),                            // 13
        "{not json".to_owned(),                               // 14
        with(
            "good-1",
            "time",
            json!(time(clock::now() - Duration::days(2))),
        )
        .to_string(), // 15
        with("bulk", "bulk", json!("yes")).to_string(),       // 16
        with("run", "batch_run", json!("run-1")).to_string(), // 17
        with("actor", "actor", json!("")).to_string(),        // 18
    ];
    let reply = post(&router, &key, lines.join("\n")).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let report: Value = serde_json::from_str(&reply.body).unwrap();
    let found = refused_fields(&report);
    let expected: Vec<(u64, String)> = [
        (2, "unit"),
        (3, "cpr"),
        (4, "time"),
        (5, "use"),
        (6, "hidden_reason"),
        (7, "hidden_reason"),
        (8, "time"),
        (9, "time"),
        (10, "purpose"),
        (11, "cpr"),
        (12, "cpr"),
        (13, "-"),
        (14, "-"),
        (15, "id"),
        (16, "bulk"),
        (17, "batch_run"),
        (18, "actor"),
    ]
    .map(|(line, field)| (line, field.to_owned()))
    .to_vec();
    assert_eq!(found, expected, "{}", reply.body);
    assert_eq!(report["error_count"], json!(expected.len()));
    // Messages never repeat a CPR number.
    assert!(!reply.body.contains("3102901234"), "{}", reply.body);
    assert_eq!(stored_events(&pool).await, 0);
    assert_eq!(summarised_events(&pool).await, 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_system_allowed_to_hide_may_send_hidden_events(pool: PgPool) {
    let key = key_for(&pool, "social").await;
    let router = router(pool.clone());
    let mut hidden = event("h1");
    hidden["hidden_reason"] = json!("Politiets efterforskning");
    hidden["unit"] = json!("FAM");
    hidden["purpose"] = json!("boernesag");
    let reply = post(&router, &key, ndjson(&[hidden])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reason = sqlx::query_scalar!("SELECT hidden_reason FROM access_summary")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(reason.as_deref(), Some("Politiets efterforskning"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn empty_oversized_and_mislabelled_bodies_are_refused(pool: PgPool) {
    let key = key_for(&pool, "cpr").await;
    let config =
        server::config::Config::from_figment(test_figment().merge(("ingest_max_body_bytes", 2048)))
            .unwrap();
    let router = router_with(&config, pool.clone());

    let empty = post(&router, &key, "\n\n".to_owned()).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST, "{}", empty.body);
    assert!(empty.body.contains("no events"), "{}", empty.body);

    let many: Vec<Value> = (0..40).map(|n| event(&format!("big-{n}"))).collect();
    let big = post(&router, &key, ndjson(&many)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", big.body);

    let request = Request::post(PATH)
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .header(header::CONTENT_TYPE, "text/csv")
        .body(Body::from(ndjson(&[event("csv")])))
        .unwrap();
    let mislabelled = send(&router, request).await;
    assert_eq!(mislabelled.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(stored_events(&pool).await, 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn wrong_and_revoked_keys_are_refused_and_registered(pool: PgPool) {
    let key = key_for(&pool, "cpr").await;
    let router = router(pool.clone());
    let body = ndjson(&[event("e1")]);

    let wrong = post(&router, "indblik_0000", body.clone()).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.headers[header::WWW_AUTHENTICATE], "Bearer");

    let id = api_keys::list(&pool).await.unwrap()[0].id;
    api_keys::revoke(&pool, id, clock::now()).await.unwrap();
    let revoked = post(&router, &key, body).await;
    assert_eq!(revoked.status, StatusCode::UNAUTHORIZED);

    let registered = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM access_rejections WHERE reason = 'api_key_invalid' AND path = $1"#,
        PATH
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(registered, 2);
    assert_eq!(stored_events(&pool).await, 0);
}

/// A batch of one new event sent with `key` through the proxy 10.0.0.1 for `client`.
async fn post_via_proxy(router: &axum::Router, client: &str, key: &str) -> StatusCode {
    let request = Request::post(PATH)
        .header("x-forwarded-for", format!("{client}, 10.0.0.1"))
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .body(Body::from(ndjson(&[event(
            &uuid::Uuid::new_v4().to_string(),
        )])))
        .unwrap();
    send(router, request).await.status
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn wrong_keys_throttle_ingestion_for_the_named_system_from_that_address_only(pool: PgPool) {
    let cpr = key_for(&pool, "cpr").await;
    assert!(cpr.starts_with("indblik_cpr_"), "a key names its system");
    let esdh = api_keys::create(&pool, "esdh", "test", clock::now())
        .await
        .unwrap()
        .secret;
    let config = server::config::Config::from_figment(
        test_figment().merge(("trusted_proxies", "192.0.2.10, 10.0.0.1")),
    )
    .unwrap();
    let app = router_with(&config, pool.clone());
    let guess = format!("indblik_cpr_{}", "0".repeat(64));
    for _ in 0..5 {
        assert_eq!(
            post_via_proxy(&app, "203.0.113.5", &guess).await,
            StatusCode::UNAUTHORIZED
        );
    }
    // The system the guesses named is held back from that address, right key or not.
    assert_eq!(
        post_via_proxy(&app, "203.0.113.5", &cpr).await,
        StatusCode::FORBIDDEN
    );
    // Another system from the same address, and the same system from
    // elsewhere, send as before.
    assert_eq!(
        post_via_proxy(&app, "203.0.113.5", &esdh).await,
        StatusCode::OK
    );
    assert_eq!(
        post_via_proxy(&app, "198.51.100.7", &cpr).await,
        StatusCode::OK
    );
    // People at that address sign in as before.
    let sign_in = crate::support::via_proxy(&app, "/log-ind", "203.0.113.5", None).await;
    assert!(sign_in
        .location()
        .starts_with(&crate::support::citizen_issuer()));

    // Keys that name no system are counted together, apart from the rest.
    for _ in 0..5 {
        assert_eq!(
            post_via_proxy(&app, "198.51.100.9", "indblik_guess").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        post_via_proxy(&app, "198.51.100.9", "indblik_guess").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_via_proxy(&app, "198.51.100.9", &cpr).await,
        StatusCode::OK
    );

    let registered: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT host(source_ip), reason, source_system FROM access_rejections WHERE path = $1 ORDER BY id",
    )
    .bind(PATH)
    .fetch_all(&pool)
    .await
    .unwrap();
    let of = |ip: &str, reason: &str, system: Option<&str>| {
        registered
            .iter()
            .filter(|(at, why, named)| at == ip && why == reason && named.as_deref() == system)
            .count()
    };
    assert_eq!(of("203.0.113.5", "api_key_invalid", Some("cpr")), 5);
    assert_eq!(of("203.0.113.5", "blocked", Some("cpr")), 1);
    assert_eq!(of("198.51.100.9", "api_key_invalid", None), 5);
    assert_eq!(of("198.51.100.9", "blocked", None), 1);
    let overview = app::access_control::store::access_control_overview(
        &pool,
        &app::capability::Overseer::at_command_line("test"),
        50,
        clock::now(),
        app::i18n::Lang::Da,
    )
    .await
    .unwrap();
    assert!(
        overview
            .rejections
            .iter()
            .any(|row| row.who == "API-nøgle til kildesystemet cpr"
                && row.reason == "api_key_invalid")
    );
    let blocks = app::access_control::store::active_blocks(
        &pool,
        &app::capability::Overseer::at_command_line("test"),
        clock::now(),
        app::i18n::Lang::Da,
    )
    .await
    .unwrap();
    let described: Vec<&str> = blocks.iter().map(|block| block.what.as_str()).collect();
    assert_eq!(described.len(), 2, "{described:?}");
    assert!(described.iter().any(|what| what
        .starts_with("Indlæsning fra IP-adresse 203.0.113.5 for kildesystemet cpr (til ")));
    assert!(described.iter().any(|what| what
        .starts_with("Indlæsning fra IP-adresse 198.51.100.9 med nøgler uden kildesystem (til ")));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_openapi_document_describes_the_endpoint(pool: PgPool) {
    let router = router(pool);
    let reply = crate::support::get(&router, "/api/v1/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    let document: Value = serde_json::from_str(&reply.body).unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    assert!(
        document["paths"][PATH]["post"].is_object(),
        "{}",
        reply.body
    );
    assert!(document["components"]["schemas"]["AccessEventLine"]["properties"]["cpr"].is_object());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn keys_are_only_made_for_known_systems(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let error = api_keys::create(&pool, "nope", "x", clock::now())
        .await
        .unwrap_err();
    assert!(error.to_string().contains("nope"), "{error}");
    let error = api_keys::create(&pool, "cpr", "  ", clock::now())
        .await
        .unwrap_err();
    assert!(error.to_string().contains("label"), "{error}");
    let error = api_keys::revoke(&pool, 999, clock::now())
        .await
        .unwrap_err();
    assert!(error.to_string().contains("999"), "{error}");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_cpr_number_or_a_control_character_in_free_text_is_refused_without_echo(pool: PgPool) {
    // esdh may hide events, so hidden_reason is checked for its text alone.
    let key = key_for(&pool, "esdh").await;
    let router = router(pool.clone());
    let with = |id: &str, field: &str, value: Value| {
        let mut line = event(id);
        line[field] = value;
        line
    };
    let search = |value: &str| {
        let mut line = event("s");
        line["cpr"] = Value::Null;
        line["use"] = json!("search");
        line["search_criterion"] = json!(value);
        line
    };
    let mut bulk = with("bulk", "batch_run", json!("kørsel 311299-1234"));
    bulk["bulk"] = json!(true);
    let lines = [
        with("e-2403819912", "time", event("x")["time"].clone()), // 1: id
        with("a", "actor", json!("medarbejder 240381-9912")),     // 2
        search("fødselsdato 2403819912"),                         // 3
        with("c", "case_reference", json!("sag/2403819912")),     // 4
        bulk,                                                     // 5: batch_run
        with("h", "hidden_reason", json!("politisag 240381-9912")), // 6
        with("u", "unit", json!("2403819912")),                   // 7
        with("p", "purpose", json!("240381-9912")),               // 8
        with("t", "use", json!("2403819912")),                    // 9
        with("n", "actor", json!("m1\u{0}2")),                    // 10: NUL
        with("r", "case_reference", json!("sag\u{1b}[2J")),       // 11: escape
        with("ok", "case_reference", json!("sag 2026-1234567")),  // 12: fine
    ];
    let reply = post(&router, &key, ndjson(&lines)).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(
        !reply.body.contains("2403819912") && !reply.body.contains("240381-9912"),
        "{}",
        reply.body
    );
    assert!(!reply.body.contains("311299"), "{}", reply.body);
    let report: Value = serde_json::from_str(&reply.body).unwrap();
    let found = refused_fields(&report);
    let expected: Vec<(u64, String)> = [
        (1, "id"),
        (2, "actor"),
        (3, "search_criterion"),
        (4, "case_reference"),
        (5, "batch_run"),
        (6, "hidden_reason"),
        (7, "unit"),
        (8, "purpose"),
        (9, "use"),
        (10, "actor"),
        (11, "case_reference"),
    ]
    .map(|(line, field)| (line, field.to_owned()))
    .to_vec();
    assert_eq!(found, expected, "{}", reply.body);
    assert_eq!(stored_events(&pool).await, 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn each_delivery_is_noted_and_the_dpo_sees_a_silent_system(pool: PgPool) {
    let key = key_for(&pool, "cpr").await;
    let router = router(pool.clone());
    let delivered = || async {
        sqlx::query_as::<_, (DateTime<Utc>, i64)>(
            "SELECT d.last_delivery_at, d.events_stored FROM source_system_deliveries d
             JOIN source_systems s ON s.id = d.source_system_id WHERE s.code = 'cpr'",
        )
        .fetch_optional(&pool)
        .await
        .unwrap()
    };
    let before = delivered().await.map_or(0, |(_, stored)| stored);
    let body = ndjson(&[event("d1"), event("d2")]);
    assert_eq!(
        post(&router, &key, body.clone()).await.status,
        StatusCode::OK
    );
    let (first_at, stored) = delivered().await.expect("the delivery is noted");
    assert_eq!(stored, before + 2);
    assert!(clock::now() - first_at < Duration::minutes(1));
    // A resend is a delivery, but stores nothing new.
    assert_eq!(post(&router, &key, body).await.status, StatusCode::OK);
    let (again_at, stored_again) = delivered().await.unwrap();
    assert_eq!(stored_again, before + 2);
    assert!(again_at >= first_at);
    // A refused batch is no delivery.
    let refused = post(&router, &key, "{}\n".to_owned()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(delivered().await.unwrap(), (again_at, stored_again));

    // The DPO's page: the system is listed with its delivery; silent for
    // four days (past the 72-hour default) it is marked, first.
    let (_, dpo) = crate::support::sign_in_at(&router, "/medarbejder/log-ind", "dpo").await;
    let cpr_row = || async {
        let page = crate::support::get_with_cookie(&router, "/dpo", &dpo).await;
        let sources = &page.body[page.body.find(r#"id="kildesystemer""#).unwrap()..];
        let sources = &sources[..sources.find("</table>").unwrap()];
        let rows: Vec<&str> = sources.split("<tr>").skip(2).collect();
        let position = rows
            .iter()
            .position(|row| row.contains("CPR-registret"))
            .unwrap();
        (position, rows.len(), rows[position].to_owned())
    };
    // Systems that never delivered are silent and come first.
    let (position, count, row) = cpr_row().await;
    assert!(!row.contains(">Tavs<") && row.contains(">2<"), "{row}");
    assert_eq!(position, count - 1);
    sqlx::query(
        "UPDATE source_system_deliveries SET last_delivery_at = now() - interval '4 days'
         WHERE source_system_id = (SELECT id FROM source_systems WHERE code = 'cpr')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let (_, _, row) = cpr_row().await;
    assert!(row.contains(">Tavs<"), "{row}");
}

/// Posts a change of hiding as the system with `key`.
async fn post_hidden(router: &axum::Router, key: &str, change: Value) -> Reply {
    crate::support::post_json_with_key(router, "/api/v1/access-events/hidden", key, &change).await
}

/// (hidden reason, whether hidden now, events) of every summary row, sorted.
async fn summary_rows(pool: &PgPool) -> Vec<(Option<String>, bool, i64)> {
    let mut rows: Vec<(Option<String>, bool, i64)> = sqlx::query_as(
        "SELECT hidden_reason, hidden_reason IS NOT NULL AND (hidden_until IS NULL OR hidden_until > now()),
                events FROM access_summary",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.sort();
    rows
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_system_changes_the_hiding_it_set_all_or_nothing(pool: PgPool) {
    let key = key_for(&pool, "social").await;
    let router = router(pool.clone());
    let hidden = |id: &str| {
        let mut line = event(id);
        line["hidden_reason"] = json!("Politiets efterforskning");
        line["unit"] = json!("FAM");
        line["purpose"] = json!("boernesag");
        line
    };
    let mut plain = hidden("n1");
    plain.as_object_mut().unwrap().remove("hidden_reason");
    let reply = post(&router, &key, ndjson(&[hidden("h1"), hidden("h2"), plain])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let before = summary_rows(&pool).await;
    assert_eq!(
        before,
        [
            (None, false, 1),
            (Some("Politiets efterforskning".to_owned()), true, 2)
        ]
    );

    // An unknown id, or one the system never hid: nothing changes.
    for ids in [json!(["h1", "x9"]), json!(["h1", "n1"])] {
        let refused = post_hidden(
            &router,
            &key,
            json!({ "ids": ids, "hidden_until": null, "reason": "Sagen er afsluttet" }),
        )
        .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
        assert_eq!(summary_rows(&pool).await, before);
    }
    // A bad field: 400, and the reason is not repeated.
    let bad = post_hidden(
        &router,
        &key,
        json!({ "ids": ["h1"], "hidden_until": "snart", "reason": "sag 240381-9912" }),
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(!bad.body.contains("240381"), "{}", bad.body);

    // h1 disclosed now: the citizen sees it at once, with the new reason;
    // h2 stays hidden with the old one.
    let lift = json!({ "ids": ["h1"], "hidden_until": null, "reason": "Sagen er afsluttet" });
    let lifted = post_hidden(&router, &key, lift.clone()).await;
    assert_eq!(lifted.status, StatusCode::OK, "{}", lifted.body);
    assert_eq!(lifted.body, r#"{"changed":1}"#);
    let after = [
        (None, false, 1),
        (Some("Politiets efterforskning".to_owned()), true, 1),
        (Some("Sagen er afsluttet".to_owned()), false, 1),
    ];
    assert_eq!(summary_rows(&pool).await, after);
    // The same change again changes nothing.
    let again = post_hidden(&router, &key, lift).await;
    assert_eq!(again.body, r#"{"changed":0}"#);
    assert_eq!(summary_rows(&pool).await, after);
    // h2 extended; then h1 hidden again until later: both hidden, one row.
    let until = time(clock::now() + Duration::days(30));
    let extended = post_hidden(
        &router,
        &key,
        json!({ "ids": ["h1", "h2"], "hidden_until": until, "reason": "Forlænget efterforskning" }),
    )
    .await;
    assert_eq!(extended.body, r#"{"changed":2}"#);
    assert_eq!(
        summary_rows(&pool).await,
        [
            (None, false, 1),
            (Some("Forlænget efterforskning".to_owned()), true, 2)
        ]
    );
    let events: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM access_events WHERE hidden_reason = 'Forlænget efterforskning'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(events, 2);

    // A system that may not hide is refused.
    let cpr_key = api_keys::create(&pool, "cpr", "integration test", clock::now())
        .await
        .unwrap()
        .secret;
    let forbidden = post_hidden(
        &router,
        &cpr_key,
        json!({ "ids": ["h1"], "hidden_until": null, "reason": "x" }),
    )
    .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    // In the OpenAPI document.
    let document: Value = serde_json::from_str(
        &crate::support::get(&router, "/api/v1/openapi.json")
            .await
            .body,
    )
    .unwrap();
    assert!(document["paths"]["/api/v1/access-events/hidden"]["post"].is_object());
    assert!(
        document["components"]["schemas"]["HidingChange"]["properties"]["hidden_until"].is_object()
    );
}
