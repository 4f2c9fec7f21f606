//! Citizen sign-in against the real test identity provider (scripts/idp),
//! sessions, sign-out, and the registry of rejected attempts.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use sqlx::PgPool;

use crate::support::{get, get_with_cookie, path_and_query, router, send, ProviderBrowser, Reply};

/// Starts a sign-in: the reply to `GET /log-ind` and its session cookie.
async fn start(app: &Router) -> (Reply, String) {
    let reply = get(app, "/log-ind").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let cookie = reply
        .session_cookie()
        .expect("a session cookie for the pending sign-in");
    (reply, cookie)
}

/// Walks the provider as `account` and returns the callback path and the
/// cookie of the pending sign-in.
async fn callback_for(app: &Router, account: &str) -> (String, String) {
    let (reply, cookie) = start(app).await;
    let callback = ProviderBrowser::new()
        .sign_in(reply.location(), account)
        .await;
    (path_and_query(&callback), cookie)
}

/// Signs in as `account` all the way; returns the signed-in session cookie.
async fn sign_in(app: &Router, account: &str) -> String {
    let (callback, cookie) = callback_for(app, account).await;
    let reply = get_with_cookie(app, &callback, &cookie).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/min-log");
    reply.session_cookie().expect("a new session id at sign-in")
}

/// The rejected attempts registered so far: (reason, has subject key, source ip).
async fn rejections(pool: &PgPool) -> Vec<(String, bool, String)> {
    sqlx::query_as::<_, (String, bool, String)>(
        "SELECT reason, subject_key IS NOT NULL, host(source_ip) FROM access_rejections ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn sign_in_request_uses_pkce_state_nonce_and_the_assurance_level(pool: PgPool) {
    let app = router(pool);
    let (reply, _) = start(&app).await;
    let url = url::Url::parse(reply.location()).unwrap();
    let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert!(url.as_str().starts_with(&crate::support::citizen_issuer()));
    assert_eq!(query["code_challenge_method"], "S256");
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["prompt"], "login");
    assert_eq!(
        query["acr_values"],
        "https://data.gov.dk/concept/core/nsis/loa/Substantial"
    );
    assert!(query["state"].len() >= 16 && query["nonce"].len() >= 16);
    assert!(query["scope"].split(' ').any(|scope| scope == "openid"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_citizen_signs_in_and_sees_their_name(pool: PgPool) {
    let app = router(pool.clone());
    let (callback, pending_cookie) = callback_for(&app, "anna").await;
    let reply = get_with_cookie(&app, &callback, &pending_cookie).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let cookie = reply.session_cookie().expect("new session id");
    assert_ne!(cookie, pending_cookie, "the session id changes at sign-in");

    let set_cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    for attribute in [
        "__Host-indblik=",
        "HttpOnly",
        "Secure",
        "SameSite=Lax",
        "Path=/",
    ] {
        assert!(
            set_cookie.contains(attribute),
            "{attribute} in {set_cookie}"
        );
    }
    // A browser-session cookie: it ends with the browser; the idle limit is
    // the server's.
    for attribute in ["Max-Age", "Expires"] {
        assert!(
            !set_cookie.contains(attribute),
            "no {attribute} in {set_cookie}"
        );
    }

    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(
        home.body.contains("Anna Testesen"),
        "the name is in the header"
    );
    assert!(
        home.body.contains(r#"action="/log-ud""#),
        "a sign-out button"
    );
    // The pre-sign-in session id is no longer signed in (it was replaced).
    let old = get_with_cookie(&app, "/", &pending_cookie).await;
    assert!(!old.body.contains("Anna Testesen"));

    // Neither the CPR number nor the subject key reaches the browser.
    assert!(!home.body.contains("2403819912") && !home.body.contains("240381-9912"));
    assert!(rejections(&pool).await.is_empty());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_session_holds_the_subject_key_never_the_cpr(pool: PgPool) {
    let app = router(pool.clone());
    sign_in(&app, "anna").await;
    let data: Vec<String> = sqlx::query_scalar("SELECT data::text FROM sessions")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(data.len(), 1);
    assert!(!data[0].contains("2403819912"), "{}", data[0]);
    // HMAC-SHA256("integration-test-pepper-0123456789", "2403819912"), computed
    // independently with Python's hmac module.
    assert!(
        data[0].contains("1bf8da6f8946630250987bf0f82af013010324d015032f61f81f323f172e187d"),
        "{}",
        data[0]
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_replayed_authorization_code_is_refused(pool: PgPool) {
    let app = router(pool.clone());
    let (callback, cookie) = callback_for(&app, "anna").await;
    assert_eq!(
        get_with_cookie(&app, &callback, &cookie).await.location(),
        "/min-log"
    );

    // The same code again, inside a fresh sign-in with its own state.
    let (reply, fresh_cookie) = start(&app).await;
    let fresh_state = url::Url::parse(reply.location())
        .unwrap()
        .query_pairs()
        .find(|(key, _)| key == "state")
        .unwrap()
        .1
        .into_owned();
    let code = url::Url::parse(&format!("http://x{callback}"))
        .unwrap()
        .query_pairs()
        .find(|(key, _)| key == "code")
        .unwrap()
        .1
        .into_owned();
    let replay = get_with_cookie(
        &app,
        &format!("/auth/callback?code={code}&state={fresh_state}"),
        &fresh_cookie,
    )
    .await;
    assert_eq!(replay.location(), "/log-ind/afvist?grund=fejl");
    assert_eq!(
        rejections(&pool).await,
        [(
            "code_exchange_failed".to_owned(),
            false,
            "192.0.2.10".to_owned()
        )]
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_tampered_or_missing_state_is_refused_and_the_attempt_is_used_up(pool: PgPool) {
    let app = router(pool.clone());
    let (callback, cookie) = callback_for(&app, "anna").await;
    let tampered = callback.replace("state=", "state=x");
    let reply = get_with_cookie(&app, &tampered, &cookie).await;
    assert_eq!(reply.location(), "/log-ind/afvist?grund=fejl");
    // The pending sign-in was consumed: the genuine callback no longer works.
    let genuine = get_with_cookie(&app, &callback, &cookie).await;
    assert_eq!(genuine.location(), "/log-ind/afvist?grund=fejl");

    let (callback, cookie) = callback_for(&app, "anna").await;
    let without_state: String = callback
        .split('&')
        .filter(|part| !part.starts_with("state="))
        .collect::<Vec<_>>()
        .join("&");
    let reply = get_with_cookie(&app, &without_state, &cookie).await;
    assert_eq!(reply.location(), "/log-ind/afvist?grund=fejl");

    // A callback with no sign-in started at all.
    let reply = get(&app, &callback).await;
    assert_eq!(reply.location(), "/log-ind/afvist?grund=fejl");

    let reasons: Vec<String> = rejections(&pool)
        .await
        .into_iter()
        .map(|(reason, _, _)| reason)
        .collect();
    assert_eq!(
        reasons,
        [
            "state_mismatch",
            "state_missing",
            "state_mismatch",
            "state_missing"
        ]
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn too_low_assurance_is_refused_with_an_explanation(pool: PgPool) {
    let app = router(pool.clone());
    let (callback, cookie) = callback_for(&app, "carl").await;
    let reply = get_with_cookie(&app, &callback, &cookie).await;
    assert_eq!(reply.location(), "/log-ind/afvist?grund=sikringsniveau");
    let signed_in: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions WHERE data ? 'user'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(signed_in, 0, "no signed-in session");
    // The identity is known here, so the rejection carries the subject key.
    assert_eq!(
        rejections(&pool).await,
        [(
            "assurance_too_low".to_owned(),
            true,
            "192.0.2.10".to_owned()
        )]
    );

    let page = get(&app, "/log-ind/afvist?grund=sikringsniveau").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("sikringsniveau"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_missing_or_malformed_cpr_is_refused(pool: PgPool) {
    let app = router(pool.clone());
    for account in ["dorte", "erik"] {
        let (callback, cookie) = callback_for(&app, account).await;
        let reply = get_with_cookie(&app, &callback, &cookie).await;
        assert_eq!(reply.location(), "/log-ind/afvist?grund=cpr", "{account}");
    }
    let reasons: Vec<String> = rejections(&pool)
        .await
        .into_iter()
        .map(|(reason, _, _)| reason)
        .collect();
    assert_eq!(reasons, ["cpr_missing", "cpr_malformed"]);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn sign_out_ends_the_session_and_the_providers(pool: PgPool) {
    let app = router(pool.clone());
    let cookie = sign_in(&app, "bo").await;
    let request = Request::post("/log-ud")
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, crate::support::PUBLIC_URL)
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let end_session = url::Url::parse(reply.location()).expect("the provider's end-session URL");
    assert_eq!(end_session.path(), "/session/end");
    let query: std::collections::HashMap<_, _> = end_session.query_pairs().into_owned().collect();
    // The ID token carries the CPR number: it is never put in an address.
    assert!(!query.contains_key("id_token_hint"));
    assert_eq!(query["client_id"], "indblik-dev");
    assert_eq!(query["post_logout_redirect_uri"], "http://127.0.0.1:3000/");

    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(!home.body.contains("Bo Prøvesen"));
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_session_expires_after_15_idle_minutes_and_activity_renews_it(pool: PgPool) {
    let app = router(pool.clone());
    let cookie = sign_in(&app, "anna").await;
    let expiry: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT expires_at FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap();
    let idle = expiry - server::clock::now();
    assert!(
        idle > chrono::Duration::minutes(14) && idle <= chrono::Duration::minutes(15),
        "expires 15 minutes after the last request: {idle}"
    );
    // Activity renews the idle limit: a request a minute before it runs out
    // moves the expiry 15 minutes ahead again.
    sqlx::query("UPDATE sessions SET expires_at = now() + interval '1 minute'")
        .execute(&pool)
        .await
        .unwrap();
    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(home.body.contains("Anna Testesen"));
    // Without JavaScript the page itself leaves for the signed-out page just
    // after the idle limit, so what it shows does not stay on the screen.
    assert!(
        home.body.contains(
            r#"<noscript><meta http-equiv="refresh" content="905;url=/logget-ud?grund=inaktiv"></noscript>"#
        ),
        "{}",
        home.body
    );
    let renewed: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT expires_at FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(
        renewed - server::clock::now() > chrono::Duration::minutes(14),
        "renewed to {renewed}"
    );

    // As if the citizen had been away longer than the idle limit.
    sqlx::query("UPDATE sessions SET expires_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .unwrap();
    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(!home.body.contains("Anna Testesen"));
    assert!(
        !home.body.contains("http-equiv=\"refresh\""),
        "nothing to leave when signed out"
    );
    let signed_out = get_with_cookie(&app, "/logget-ud?grund=inaktiv", &cookie).await;
    assert!(signed_out
        .body
        .contains("Du er logget ud, fordi du ikke har brugt portalen i 15 minutter"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_session_is_written_again_only_when_its_end_would_move_by_more_than_the_step(
    pool: PgPool,
) {
    let app = router(pool.clone());
    let cookie = sign_in(&app, "anna").await;
    let stored_end = || async {
        sqlx::query_scalar::<_, chrono::DateTime<chrono::Utc>>("SELECT expires_at FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    let move_end_back = |seconds: u32| {
        let pool = pool.clone();
        async move {
            sqlx::query("UPDATE sessions SET expires_at = expires_at - make_interval(secs => $1)")
                .bind(f64::from(seconds))
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    let step = app::idle::RENEWAL_STEP_SECONDS;

    // Just after sign-in the end is where a renewal would put it: the page
    // is served as signed in, and the session is neither written nor sent.
    let signed_in_end = stored_end().await;
    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(home.body.contains("Anna Testesen"));
    assert_eq!(home.session_cookie(), None, "nothing to send again");
    assert_eq!(stored_end().await, signed_in_end);

    // An end less than the step behind stays.
    move_end_back(step / 2).await;
    let lately = stored_end().await;
    get_with_cookie(&app, "/", &cookie).await;
    assert_eq!(stored_end().await, lately);

    // One more than the step behind moves to the idle limit from now.
    move_end_back(step).await;
    let behind = stored_end().await;
    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(home.body.contains("Anna Testesen"));
    let renewed = stored_end().await;
    assert!(renewed > behind, "renewed from {behind} to {renewed}");
    assert!(
        renewed - server::clock::now()
            > chrono::Duration::minutes(15) - chrono::Duration::seconds(2)
    );

    // The end is the column's; the session's data never hold it.
    let data: serde_json::Value = sqlx::query_scalar("SELECT data FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(
        data.get(server::auth::store::ENDS_AT_KEY).is_none(),
        "{data}"
    );
    assert!(data.get("user").is_some(), "{data}");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_session_ends_eight_hours_after_sign_in_however_active(pool: PgPool) {
    let app = router(pool.clone());
    let cookie = sign_in(&app, "anna").await;
    let signed_in_ago = |age: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query(
                "UPDATE sessions SET data = jsonb_set(data, '{user,signed_in_at}',
                 to_jsonb(to_char((now() - $1::interval) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))",
            )
            .bind(age)
            .execute(&pool)
            .await
            .unwrap();
        }
    };
    signed_in_ago("7 hours 59 minutes").await;
    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(
        home.body.contains("Anna Testesen"),
        "still signed in just before the limit"
    );

    signed_in_ago("8 hours 1 second").await;
    let home = get_with_cookie(&app, "/", &cookie).await;
    assert!(!home.body.contains("Anna Testesen"));
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0, "the expired session is deleted");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn fetching_assets_neither_reads_nor_renews_the_session(pool: PgPool) {
    let app = router(pool.clone());
    let cookie = sign_in(&app, "anna").await;
    sqlx::query("UPDATE sessions SET expires_at = now() + interval '1 minute'")
        .execute(&pool)
        .await
        .unwrap();
    let before: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT expires_at FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap();
    let paths = server::http::static_assets::paths(&crate::support::test_config().site_root);
    for asset in [
        paths.stylesheet(),
        paths.dkfds_stylesheet(),
        "/favicon.svg".to_owned(),
        "/healthz".to_owned(),
    ] {
        let reply = get_with_cookie(&app, &asset, &cookie).await;
        assert_eq!(reply.session_cookie(), None, "{asset} touches no session");
    }
    let after: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT expires_at FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(before, after);
    // A page does renew it.
    get_with_cookie(&app, "/", &cookie).await;
    let renewed: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT expires_at FROM sessions")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(renewed > after);
}

/// Whether `text` carries Anna's CPR number: in digits, with a hyphen, or
/// inside anything base64 (a JWT's parts, a sealed value).
fn carries_annas_cpr(text: &str) -> bool {
    use base64::Engine;
    let cpr = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        text.contains("2403819912") || text.contains("240381-9912")
    };
    if cpr(text.as_bytes()) {
        return true;
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '/')))
        .filter(|part| part.len() >= 16)
        .any(|part| {
            [
                base64::engine::general_purpose::URL_SAFE_NO_PAD,
                base64::engine::general_purpose::STANDARD_NO_PAD,
            ]
            .iter()
            .any(|engine| {
                // Every alignment: a token may start anywhere in the text.
                (0..4).any(|skip| {
                    part.get(skip..)
                        .and_then(|rest| rest.get(..rest.len() - rest.len() % 4))
                        .and_then(|rest| engine.decode(rest).ok())
                        .is_some_and(|bytes| cpr(&bytes))
                })
            })
        })
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn no_session_row_address_or_header_the_portal_writes_carries_the_cpr_number(pool: PgPool) {
    // The check itself finds the number in a JWT-like token.
    use base64::Engine;
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(r#"{"sub":"x","nin":"2403819912"}"#);
    assert!(carries_annas_cpr(&format!(
        "eyJhbGciOiJSUzI1NiJ9.{token}.c2ln"
    )));

    let app = router(pool.clone());
    let cookie = sign_in(&app, "anna").await;
    let sessions: Vec<String> = sqlx::query_scalar("SELECT data::text FROM sessions")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(!sessions.is_empty());
    for data in &sessions {
        assert!(!carries_annas_cpr(data), "{data}");
    }
    let request = Request::post("/log-ud")
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, crate::support::PUBLIC_URL)
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    for (name, value) in &reply.headers {
        let value = value.to_str().unwrap_or_default();
        assert!(!carries_annas_cpr(value), "{name}: {value}");
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_sign_in_returns_to_the_page_that_asked_for_it_and_nowhere_else(pool: PgPool) {
    let app = router(pool.clone());
    // A link from the notice e-mail, opened without a session.
    let asked = get(&app, "/henvendelser/7?besked=svar").await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    let start = asked.location().to_owned();
    assert_eq!(
        start,
        "/log-ind?tilbage=%2Fhenvendelser%2F7%3Fbesked%3Dsvar"
    );
    let (landing, _) = crate::support::sign_in_at(&app, &start, "anna").await;
    assert_eq!(landing, "/henvendelser/7?besked=svar");

    // Anything but a page behind the same sign-in lands where it usually does.
    for (start, account, usual) in [
        (
            "/log-ind?tilbage=https%3A%2F%2Fevil.example%2F",
            "anna",
            "/min-log",
        ),
        (
            "/log-ind?tilbage=%2F%2Fevil.example%2Fmin-log",
            "anna",
            "/min-log",
        ),
        ("/log-ind?tilbage=%2Fsagsbehandling", "anna", "/min-log"),
        (
            "/medarbejder/log-ind?tilbage=%2Fmin-log",
            "sagsbehandler",
            "/sagsbehandling",
        ),
        // A caseworker is not sent to the DPO's page.
        (
            "/medarbejder/log-ind?tilbage=%2Fdpo",
            "sagsbehandler",
            "/sagsbehandling",
        ),
    ] {
        let (landing, _) = crate::support::sign_in_at(&app, start, account).await;
        assert_eq!(landing, usual, "{start}");
    }
    let (landing, _) = crate::support::sign_in_at(
        &app,
        "/medarbejder/log-ind?tilbage=%2Fsagsbehandling%3Fside%3D2",
        "dpo",
    )
    .await;
    assert_eq!(landing, "/sagsbehandling?side=2");
}
