//! A fake OpenID provider for the cases the real test provider cannot
//! produce: ID tokens with a wrong nonce, audience or issuer, expired,
//! unsigned (`alg: none`) or signed with HMAC. It serves discovery, its key
//! set and a token endpoint that answers with whatever token the test asks
//! for. Used only by `bad_tokens.rs`.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Duration, Utc};
use openidconnect::core::{
    CoreGenderClaim, CoreHmacKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRsaPrivateSigningKey,
};
use openidconnect::{
    Audience, EndUserName, IdToken, IdTokenClaims, IssuerUrl, JsonWebKeyId, LocalizedClaim, Nonce,
    PrivateSigningKey, StandardClaims, SubjectIdentifier,
};
use serde_json::{json, Value};

use server::auth::oidc::AllClaims;

/// The claims of the next ID token, before signing.
#[derive(Clone, Debug)]
pub struct TokenClaims {
    pub issuer: String,
    pub audiences: Vec<String>,
    pub authorized_party: Option<String>,
    pub expires: DateTime<Utc>,
    pub issued: DateTime<Utc>,
    pub nonce: String,
    pub acr: String,
}

/// How to sign the next ID token.
#[derive(Clone, Copy, Debug)]
pub enum Signing {
    Rs256,
    /// HS256 with the client secret as key (must be refused).
    Hs256WithClientSecret,
    /// `alg: none`, no signature (must be refused).
    Unsigned,
}

struct Plan {
    claims: Option<TokenClaims>,
    signing: Signing,
    /// Whether the provider has rotated to its second key (served and used).
    rotated: bool,
}

/// A running fake provider.
pub struct FakeProvider {
    pub issuer: String,
    plan: Arc<Mutex<Plan>>,
}

const CLIENT_SECRET: &str = "indblik-dev-secret";

fn rsa_key(rotated: bool) -> CoreRsaPrivateSigningKey {
    let (pem, kid) = if rotated {
        (include_str!("fixtures/fake-provider-key-2.pem"), "fake-2")
    } else {
        (include_str!("fixtures/fake-provider-key.pem"), "fake-1")
    };
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(kid.to_owned())))
        .expect("the fixture key parses")
}

impl FakeProvider {
    /// Starts the provider on a free port of 127.0.0.1.
    pub async fn start() -> FakeProvider {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let issuer = format!("http://{}", listener.local_addr().unwrap());
        let plan = Arc::new(Mutex::new(Plan {
            claims: None,
            signing: Signing::Rs256,
            rotated: false,
        }));
        let state = (issuer.clone(), plan.clone());
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/token", post(token))
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeProvider { issuer, plan }
    }

    /// Valid claims for `client_id` and `nonce` at `now`, to be spoiled by a test.
    pub fn valid_claims(&self, client_id: &str, nonce: &str, now: DateTime<Utc>) -> TokenClaims {
        TokenClaims {
            issuer: self.issuer.clone(),
            audiences: vec![client_id.to_owned()],
            authorized_party: None,
            expires: now + Duration::minutes(5),
            issued: now,
            nonce: nonce.to_owned(),
            acr: "https://data.gov.dk/concept/core/nsis/loa/Substantial".to_owned(),
        }
    }

    /// Switches to the second key: the key set serves only it, and tokens are
    /// signed with it (a key rotation the portal has not seen).
    pub fn rotate_key(&self) {
        self.plan.lock().unwrap().rotated = true;
    }

    /// The token endpoint will answer with `claims`, signed by `signing`.
    pub fn answer_with(&self, claims: TokenClaims, signing: Signing) {
        let mut plan = self.plan.lock().unwrap();
        plan.claims = Some(claims);
        plan.signing = signing;
    }
}

type FakeState = (String, Arc<Mutex<Plan>>);

async fn discovery(State((issuer, _)): State<FakeState>) -> Json<Value> {
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/auth"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "userinfo_endpoint": format!("{issuer}/userinfo"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

async fn jwks(State((_, plan)): State<FakeState>) -> Json<Value> {
    let rotated = plan.lock().unwrap().rotated;
    Json(json!({ "keys": [rsa_key(rotated).as_verification_key()] }))
}

async fn token(State((_, plan)): State<FakeState>) -> Json<Value> {
    let (claims, signing, rotated) = {
        let plan = plan.lock().unwrap();
        (
            plan.claims.clone().expect("a planned token"),
            plan.signing,
            plan.rotated,
        )
    };
    Json(json!({
        "access_token": "fake-access-token",
        "token_type": "Bearer",
        "expires_in": 60,
        "id_token": sign(&claims, signing, rotated),
    }))
}

type FakeIdToken =
    IdToken<AllClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

fn sign(claims: &TokenClaims, signing: Signing, rotated: bool) -> String {
    let extra: AllClaims = serde_json::from_value(json!({
        "nin": "2403819912",
        "nin_type": "PERSON",
    }))
    .unwrap();
    let mut name = LocalizedClaim::new();
    name.insert(None, EndUserName::new("Falsk Testperson".to_owned()));
    let mut token_claims: IdTokenClaims<AllClaims, CoreGenderClaim> = IdTokenClaims::new(
        IssuerUrl::new(claims.issuer.clone()).unwrap(),
        claims
            .audiences
            .iter()
            .cloned()
            .map(Audience::new)
            .collect(),
        claims.expires,
        claims.issued,
        StandardClaims::new(SubjectIdentifier::new("fake-subject".to_owned())).set_name(Some(name)),
        extra,
    )
    .set_nonce(Some(Nonce::new(claims.nonce.clone())))
    .set_auth_context_ref(Some(openidconnect::AuthenticationContextClass::new(
        claims.acr.clone(),
    )));
    if let Some(azp) = &claims.authorized_party {
        token_claims =
            token_claims.set_authorized_party(Some(openidconnect::ClientId::new(azp.clone())));
    }
    match signing {
        Signing::Rs256 => FakeIdToken::new(
            token_claims,
            &rsa_key(rotated),
            CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
            None,
            None,
        )
        .unwrap()
        .to_string(),
        Signing::Hs256WithClientSecret => FakeIdToken::new(
            token_claims,
            &CoreHmacKey::new(CLIENT_SECRET.as_bytes()),
            CoreJwsSigningAlgorithm::HmacSha256,
            None,
            None,
        )
        .unwrap()
        .to_string(),
        Signing::Unsigned => {
            use base64::Engine;
            let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
            let header = engine.encode(br#"{"alg":"none","typ":"JWT"}"#);
            let payload = engine.encode(serde_json::to_vec(&token_claims).unwrap());
            format!("{header}.{payload}.")
        }
    }
}
