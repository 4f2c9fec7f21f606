//! ID tokens the portal must refuse, served by the fake provider because the
//! real test provider only issues good ones. Each case starts a real sign-in
//! (state, nonce and PKCE in the session), lets the fake token endpoint
//! answer with a spoiled token, and expects a refusal registered as
//! `id_token_invalid`. A valid token through the same path signs in, so the
//! refusals are the token's fault, not the double's.

use axum::http::StatusCode;
use chrono::Duration;
use sqlx::PgPool;

use server::config::Config;

use crate::fake_provider::{FakeProvider, Signing, TokenClaims};
use crate::support::{get, get_with_cookie, router_with, test_figment};

const CLIENT_ID: &str = "indblik-dev";

/// Signs in against the fake provider, whose token endpoint answers with
/// `spoil(valid claims)` signed by `signing`. Returns where the callback sent
/// the browser and the registered rejection reasons.
async fn outcome(
    pool: PgPool,
    signing: Signing,
    spoil: impl FnOnce(&mut TokenClaims),
) -> (String, Vec<String>) {
    outcome_with(pool, signing, spoil, |_| {}).await
}

/// Like [`outcome`], with `meanwhile` done to the provider after the sign-in
/// started (the portal has read its discovery and keys by then).
async fn outcome_with(
    pool: PgPool,
    signing: Signing,
    spoil: impl FnOnce(&mut TokenClaims),
    meanwhile: impl FnOnce(&FakeProvider),
) -> (String, Vec<String>) {
    let provider = FakeProvider::start().await;
    let config = Config::from_figment(
        test_figment().merge(("citizen_oidc_issuer", provider.issuer.clone())),
    )
    .unwrap();
    let app = router_with(&config, pool.clone());

    let start = get(&app, "/log-ind").await;
    assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
    let cookie = start.session_cookie().unwrap();
    let authorize = url::Url::parse(start.location()).unwrap();
    let param = |name: &str| {
        authorize
            .query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
            .unwrap()
    };
    let mut claims = provider.valid_claims(CLIENT_ID, &param("nonce"), server::clock::now());
    spoil(&mut claims);
    provider.answer_with(claims, signing);
    meanwhile(&provider);

    let callback = format!("/auth/callback?code=fake-code&state={}", param("state"));
    let reply = get_with_cookie(&app, &callback, &cookie).await;
    let reasons = sqlx::query_scalar("SELECT reason FROM access_rejections ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    (reply.location().to_owned(), reasons)
}

fn refused() -> (String, Vec<String>) {
    (
        "/log-ind/afvist?grund=fejl".to_owned(),
        vec!["id_token_invalid".to_owned()],
    )
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_valid_token_from_the_double_signs_in(pool: PgPool) {
    assert_eq!(
        outcome(pool, Signing::Rs256, |_| {}).await,
        ("/min-log".to_owned(), vec![])
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_token_signed_with_a_rotated_key_is_verified_after_fetching_the_keys_again(pool: PgPool) {
    let rotated = outcome_with(pool, Signing::Rs256, |_| {}, FakeProvider::rotate_key).await;
    assert_eq!(rotated, ("/min-log".to_owned(), vec![]));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn expiry_within_the_60_second_skew_is_accepted(pool: PgPool) {
    let (landing, _) = outcome(pool, Signing::Rs256, |claims| {
        claims.expires = server::clock::now() - Duration::seconds(30);
    })
    .await;
    assert_eq!(landing, "/min-log");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_wrong_nonce_is_refused(pool: PgPool) {
    assert_eq!(
        outcome(pool, Signing::Rs256, |c| c.nonce =
            "another-nonce".to_owned())
        .await,
        refused()
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_expired_token_is_refused(pool: PgPool) {
    let spoil = |c: &mut TokenClaims| c.expires = server::clock::now() - Duration::seconds(90);
    assert_eq!(outcome(pool, Signing::Rs256, spoil).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_token_issued_in_the_future_is_refused(pool: PgPool) {
    let spoil = |c: &mut TokenClaims| c.issued = server::clock::now() + Duration::seconds(120);
    assert_eq!(outcome(pool, Signing::Rs256, spoil).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_wrong_audience_is_refused(pool: PgPool) {
    let spoil = |c: &mut TokenClaims| c.audiences = vec!["another-client".to_owned()];
    assert_eq!(outcome(pool, Signing::Rs256, spoil).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn several_audiences_without_azp_are_refused(pool: PgPool) {
    let several =
        |c: &mut TokenClaims| c.audiences = vec![CLIENT_ID.to_owned(), "another-client".to_owned()];
    assert_eq!(
        outcome(pool.clone(), Signing::Rs256, several).await,
        refused()
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_azp_naming_another_client_is_refused(pool: PgPool) {
    let spoil = |c: &mut TokenClaims| c.authorized_party = Some("another-client".to_owned());
    assert_eq!(outcome(pool, Signing::Rs256, spoil).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_untrusted_extra_audience_is_refused_even_with_our_azp(pool: PgPool) {
    // We trust no other audience, so a token meant also for another client
    // is refused whatever its azp says.
    let spoil = |c: &mut TokenClaims| {
        c.audiences = vec![CLIENT_ID.to_owned(), "another-client".to_owned()];
        c.authorized_party = Some(CLIENT_ID.to_owned());
    };
    assert_eq!(outcome(pool, Signing::Rs256, spoil).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_wrong_issuer_is_refused(pool: PgPool) {
    let spoil = |c: &mut TokenClaims| c.issuer = "http://127.0.0.1:1/not-the-broker".to_owned();
    assert_eq!(outcome(pool, Signing::Rs256, spoil).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_unsigned_token_is_refused(pool: PgPool) {
    assert_eq!(outcome(pool, Signing::Unsigned, |_| {}).await, refused());
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_token_signed_with_hmac_is_refused(pool: PgPool) {
    assert_eq!(
        outcome(pool, Signing::Hs256WithClientSecret, |_| {}).await,
        refused()
    );
}
