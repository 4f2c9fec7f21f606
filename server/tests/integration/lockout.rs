//! Blocking after 5 consecutive rejected attempts within 24 hours, from one
//! address or for one citizen, and lifting the block.

use app::capability::Overseer;
use std::net::SocketAddr;

use axum::http::StatusCode;
use axum::Router;
use sqlx::PgPool;

use server::config::Config;

use crate::support::{
    citizen_issuer, get, get_with_cookie, path_and_query, router, router_from, test_config,
    test_figment, via_proxy, ProviderBrowser,
};

/// One rejected attempt that counts: a callback whose state is not the one
/// of the sign-in its session started (a forged or replayed callback).
async fn reject_once(app: &Router) {
    let start = get(app, "/log-ind").await;
    let cookie = start.session_cookie().expect("pending sign-in");
    let reply = get_with_cookie(app, "/auth/callback?code=x&state=forged", &cookie).await;
    assert_eq!(reply.location(), "/log-ind/afvist?grund=fejl");
}

/// Where `GET /log-ind` sends the browser.
async fn sign_in_goes_to(app: &Router) -> String {
    let reply = get(app, "/log-ind").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    reply.location().to_owned()
}

/// Signs in as `account` and returns where the callback sent the browser.
async fn callback_outcome(app: &Router, account: &str) -> String {
    let start = get(app, "/log-ind").await;
    let cookie = start.session_cookie().expect("pending sign-in");
    let callback = ProviderBrowser::new()
        .sign_in(start.location(), account)
        .await;
    get_with_cookie(app, &path_and_query(&callback), &cookie)
        .await
        .location()
        .to_owned()
}

const BLOCKED: &str = "/log-ind/afvist?grund=blokeret";

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn five_rejections_from_one_address_block_it_until_lifted(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..4 {
        reject_once(&app).await;
    }
    assert!(
        sign_in_goes_to(&app).await.starts_with(&citizen_issuer()),
        "4 rejections do not block"
    );
    reject_once(&app).await;

    assert_eq!(sign_in_goes_to(&app).await, BLOCKED);
    let blocks = active_blocks(&pool).await;
    assert_eq!(blocks.len(), 1);
    assert!(
        blocks[0].what.starts_with("IP-adresse 192.0.2.10 (til "),
        "{}",
        blocks[0].what
    );
    assert_eq!(blocks[0].rejections, 5);
    // The refused attempts while blocked are registered too.
    let blocked_attempts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM access_rejections WHERE reason = 'blocked'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(blocked_attempts, 1);

    let page = get(&app, BLOCKED).await;
    assert!(page.body.contains("Log ind er spærret") && page.body.contains("kontakt@test.dk"));
    // An address's throttle ends by itself: nobody is mailed about it.
    let notices: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(notices, 0);
    let cause = app::access_control::LiftCause::parse("Undersøgt: testkørsel").unwrap();

    assert!(app::access_control::store::lift_block(
        &pool,
        &Overseer::at_command_line("Dan DPO"),
        blocks[0].id,
        &cause,
        server::clock::now(),
    )
    .await
    .unwrap());
    assert!(
        !app::access_control::store::lift_block(
            &pool,
            &Overseer::at_command_line("Dan DPO"),
            blocks[0].id,
            &cause,
            server::clock::now(),
        )
        .await
        .unwrap(),
        "lifted once"
    );
    assert!(sign_in_goes_to(&app).await.starts_with(&citizen_issuer()));
    // Counting starts again after the lift.
    reject_once(&app).await;
    assert!(sign_in_goes_to(&app).await.starts_with(&citizen_issuer()));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_successful_sign_in_ends_the_run_of_rejections(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..4 {
        reject_once(&app).await;
    }
    assert_eq!(callback_outcome(&app, "anna").await, "/min-log");
    for _ in 0..4 {
        reject_once(&app).await;
    }
    assert!(
        sign_in_goes_to(&app).await.starts_with(&citizen_issuer()),
        "not 5 in a row"
    );
    reject_once(&app).await;
    assert_eq!(sign_in_goes_to(&app).await, BLOCKED);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn rejections_older_than_the_window_do_not_count(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..4 {
        reject_once(&app).await;
    }
    sqlx::query(
        "UPDATE access_rejections SET occurred_at = occurred_at - interval '24 hours 1 minute'",
    )
    .execute(&pool)
    .await
    .unwrap();
    reject_once(&app).await;
    assert!(sign_in_goes_to(&app).await.starts_with(&citizen_issuer()));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_citizen_is_blocked_from_any_address(pool: PgPool) {
    let config = strict();
    let from = |last: u8| {
        router_from(
            &config,
            pool.clone(),
            SocketAddr::from(([198, 51, 100, last], 40000)),
        )
    };
    // Anna's MitID is below the level this portal asks for: five refusals,
    // each from another address, so only her identity reaches the threshold.
    for last in 1..=5 {
        assert_eq!(
            callback_outcome(&from(last), "anna").await,
            "/log-ind/afvist?grund=sikringsniveau"
        );
    }
    let blocks = active_blocks(&pool).await;
    assert_eq!(blocks.len(), 1, "{blocks:?}");
    assert_eq!(blocks[0].what, "en borger");
    // The DPO is told, with the block's number and nothing about who.
    let notices: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT to_address, subject, body FROM mail_outbox WHERE kind = 'block_notice'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let (to, subject, body) = &notices[0];
    assert_eq!(to, "dpo@test.dk");
    assert!(
        subject.contains(&format!("spærring nr. {}", blocks[0].id)),
        "{subject}"
    );
    assert!(
        body.contains("en borger") && body.contains("http://127.0.0.1:3000/dpo"),
        "{body}"
    );
    let key: Vec<u8> = sqlx::query_scalar("SELECT subject_key FROM access_blocks WHERE id = $1")
        .bind(blocks[0].id)
        .fetch_one(&pool)
        .await
        .unwrap();
    for text in [subject, body] {
        assert!(!text.contains(&hex::encode(&key)) && !text.to_lowercase().contains("anna"));
    }

    // Even where her level would be accepted, and from a fresh address, she is blocked.
    let fresh = router_from(
        &test_config(),
        pool.clone(),
        SocketAddr::from(([198, 51, 100, 99], 40000)),
    );
    assert_eq!(callback_outcome(&fresh, "anna").await, BLOCKED);
    // Others are not affected.
    assert_eq!(callback_outcome(&fresh, "bo").await, "/min-log");
}

/// A portal that asks citizens for NSIS "high" (the test provider's Anna
/// has "substantial", Bo "high").
fn strict() -> Config {
    Config::from_figment(test_figment().merge(("citizen_min_assurance", "high"))).unwrap()
}

/// The blocks in force now, described in Danish.
async fn active_blocks(pool: &PgPool) -> Vec<app::access_control::BlockRow> {
    app::access_control::store::active_blocks(
        pool,
        &overseer(),
        server::clock::now(),
        app::i18n::Lang::Da,
    )
    .await
    .unwrap()
}

/// The DPO as the command line acts for them.
fn overseer() -> Overseer {
    Overseer::at_command_line("test")
}

/// A counted rejection of `client`, through the proxy.
async fn reject_via_proxy(app: &Router, client: &str) {
    let start = via_proxy(app, "/log-ind", client, None).await;
    let cookie = start.session_cookie().expect("pending sign-in");
    let reply = via_proxy(
        app,
        "/auth/callback?code=x&state=forged",
        client,
        Some(&cookie),
    )
    .await;
    assert_eq!(reply.location(), "/log-ind/afvist?grund=fejl");
}

async fn blocked_addresses(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT host(source_ip) FROM access_blocks WHERE lifted_at IS NULL AND source_ip IS NOT NULL",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn behind_a_trusted_proxy_the_client_is_blocked_not_the_proxy(pool: PgPool) {
    // The test requests come from 192.0.2.10 (see support::client_addr).
    let config =
        Config::from_figment(test_figment().merge(("trusted_proxies", "192.0.2.10, 10.0.0.0/8")))
            .unwrap();
    let app = crate::support::router_with(&config, pool.clone());
    for _ in 0..5 {
        reject_via_proxy(&app, "203.0.113.5").await;
    }
    assert_eq!(blocked_addresses(&pool).await, ["203.0.113.5"]);
    let blocked = via_proxy(&app, "/log-ind", "203.0.113.5", None).await;
    assert_eq!(blocked.location(), BLOCKED);
    // Everyone else behind the same proxy signs in as before.
    let other = via_proxy(&app, "/log-ind", "198.51.100.7", None).await;
    assert!(other.location().starts_with(&citizen_issuer()));
    let recorded: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT host(source_ip) FROM access_rejections")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(recorded, ["203.0.113.5"]);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn forwarding_headers_from_an_untrusted_peer_are_ignored(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..5 {
        reject_via_proxy(&app, "203.0.113.5").await;
    }
    // Not the address it claimed: the peer it came from.
    assert_eq!(blocked_addresses(&pool).await, ["192.0.2.10"]);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn what_is_not_an_attempt_to_gain_access_is_registered_but_never_blocks(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..7 {
        // No sign-in started in this session, and the user cancelling at MitID.
        let stray = get(&app, "/auth/callback?code=x&state=y").await;
        assert_eq!(stray.location(), "/log-ind/afvist?grund=fejl");
        let start = get(&app, "/log-ind").await;
        let cookie = start.session_cookie().expect("pending sign-in");
        let state = url::Url::parse(start.location())
            .unwrap()
            .query_pairs()
            .find(|(key, _)| key == "state")
            .map(|(_, value)| value.into_owned())
            .unwrap();
        let cancelled = get_with_cookie(
            &app,
            &format!("/auth/callback?error=access_denied&state={state}"),
            &cookie,
        )
        .await;
        assert_eq!(cancelled.location(), "/log-ind/afvist?grund=fejl");
    }
    let registered: Vec<(String, i64)> = sqlx::query_as(
        "SELECT reason, count(*) FROM access_rejections GROUP BY reason ORDER BY reason",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        registered,
        [
            ("provider_error".to_owned(), 7),
            ("state_missing".to_owned(), 7)
        ]
    );
    assert!(blocked_addresses(&pool).await.is_empty());
    assert!(sign_in_goes_to(&app).await.starts_with(&citizen_issuer()));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_address_throttle_ends_by_itself_after_the_window(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..5 {
        reject_once(&app).await;
    }
    assert_eq!(sign_in_goes_to(&app).await, BLOCKED);
    // A day and a minute later.
    sqlx::query(
        "UPDATE access_blocks SET blocked_at = blocked_at - interval '24 hours 1 minute',
                                  expires_at = expires_at - interval '24 hours 1 minute'",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE access_rejections SET occurred_at = occurred_at - interval '24 hours 1 minute'",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert!(sign_in_goes_to(&app).await.starts_with(&citizen_issuer()));
    let listed = active_blocks(&pool).await;
    assert!(listed.is_empty(), "{listed:?}");
    // Five more: throttled again, the expired throttle marked as ended.
    for _ in 0..5 {
        reject_once(&app).await;
    }
    assert_eq!(sign_in_goes_to(&app).await, BLOCKED);
    let ended: Vec<String> =
        sqlx::query_scalar("SELECT lifted_by FROM access_blocks WHERE lifted_at IS NOT NULL")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(ended, [server::auth::lockout::EXPIRED_BY]);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_throttled_address_keeps_out_everyone_but_the_dpo(pool: PgPool) {
    let app = router(pool.clone());
    for _ in 0..5 {
        reject_once(&app).await;
    }
    assert_eq!(sign_in_goes_to(&app).await, BLOCKED);
    let (caseworker, _) =
        crate::support::sign_in_at(&app, "/medarbejder/log-ind", "sagsbehandler").await;
    assert_eq!(caseworker, BLOCKED);
    let (dpo, _) = crate::support::sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    assert_eq!(dpo, "/dpo");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_block_signs_the_identity_out_wherever_it_is_signed_in(pool: PgPool) {
    let at_home = crate::support::router_with(&test_config(), pool.clone());
    let (landing, anna) = crate::support::sign_in_at(&at_home, "/log-ind", "anna").await;
    assert_eq!(landing, "/min-log");
    let (_, bo) = crate::support::sign_in_at(&at_home, "/log-ind", "bo").await;
    assert_eq!(
        get_with_cookie(&at_home, "/min-log", &anna).await.status,
        StatusCode::OK
    );

    // Five refusals of Anna elsewhere (a portal asking for "high") block
    // her identity …
    let config = strict();
    for last in 1..=5 {
        let elsewhere = router_from(
            &config,
            pool.clone(),
            SocketAddr::from(([198, 51, 100, last], 40000)),
        );
        assert_eq!(
            callback_outcome(&elsewhere, "anna").await,
            "/log-ind/afvist?grund=sikringsniveau"
        );
    }
    // … and end her session at home; Bo's lives on.
    let after = get_with_cookie(&at_home, "/min-log", &anna).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    assert_eq!(after.location(), "/log-ind?tilbage=%2Fmin-log");
    assert_eq!(
        get_with_cookie(&at_home, "/min-log", &bo).await.status,
        StatusCode::OK
    );
}
