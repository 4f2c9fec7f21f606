//! The OpenID Connect relying party for one identity provider: discovery
//! (lazily, and again when a token is signed with a key we have not seen),
//! the authorization request with PKCE, state and nonce, and the checks on
//! the ID token the issue asks for. Knows nothing about sessions or CPR
//! numbers: it hands back verified claims.

use super::rejections::RejectionReason;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use openidconnect::core::{
    CoreAuthPrompt, CoreAuthenticationFlow, CoreClient, CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
};
use openidconnect::{
    AdditionalClaims, AuthenticationContextClass, AuthorizationCode, ClaimsVerificationError,
    ClientId, ClientSecret, CsrfToken, EndSessionUrl, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdToken, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, ProviderMetadataWithLogout, RedirectUrl, Scope, SignatureVerificationError,
    TokenResponse, UserInfoClaims,
};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::RwLock;
use url::Url;

/// Signature algorithms accepted on ID tokens. Never `none`, never HMAC.
const ALLOWED_ALGS: [CoreJwsSigningAlgorithm; 3] = [
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
];

/// Largest accepted difference between our clock and the provider's.
const CLOCK_SKEW: Duration = Duration::seconds(60);

/// Every claim of a token or userinfo answer, for claims whose names are
/// configured (the CPR claim differs per broker).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AllClaims {
    #[serde(flatten)]
    pub claims: HashMap<String, Value>,
}
impl AdditionalClaims for AllClaims {}

type ClaimsIdToken =
    IdToken<AllClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;
type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How to reach and identify ourselves to one provider.
#[derive(Clone, Debug)]
pub struct OidcSettings {
    pub issuer: Url,
    pub client_id: String,
    pub client_secret: SecretString,
    pub redirect_url: Url,
    pub scopes: Vec<String>,
    /// `acr_values` to request, if any.
    pub acr_values: Vec<String>,
}

struct Discovered {
    client: DiscoveredClient,
    end_session: Option<EndSessionUrl>,
}

/// A relying party for one provider.
pub struct OidcRelyingParty {
    settings: OidcSettings,
    http: openidconnect::reqwest::Client,
    discovered: RwLock<Option<Arc<Discovered>>>,
}

/// What must be remembered server-side between the redirect to the provider
/// and the callback. Consumed once.
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingAuthorization {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The verified outcome of a callback.
pub struct VerifiedLogin {
    pub subject: String,
    pub acr: Option<String>,
    pub amr: Vec<String>,
    /// The `name` claim.
    pub name: Option<String>,
    /// The `email` claim (staff: where their digest goes).
    pub email: Option<String>,
    /// Every claim of the ID token.
    pub claims: HashMap<String, Value>,
    access_token: openidconnect::AccessToken,
}

/// Why a callback was refused. Stored as the reason of a rejected attempt.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("provider unreachable or its discovery document is invalid")]
    Discovery(String),
    #[error("the code exchange failed (used, expired or forged code)")]
    CodeExchange(String),
    #[error("the token response has no ID token")]
    NoIdToken,
    #[error("the ID token failed verification: {0}")]
    IdToken(String),
    #[error("the userinfo request failed")]
    UserInfo(String),
}

/// Why an ID token's checks failed.
#[derive(Debug, thiserror::Error)]
enum TokenRefusal {
    #[error("{0:?}")]
    Claims(ClaimsVerificationError),
    #[error("{0}")]
    Azp(String),
}

impl From<TokenRefusal> for OidcError {
    fn from(refusal: TokenRefusal) -> Self {
        OidcError::IdToken(refusal.to_string())
    }
}

/// What went wrong at the token endpoint, without the response body: a
/// body that failed to parse may hold an ID token with a CPR number, and this
/// text goes to the log.
fn describe_token_error<RE, T>(error: &openidconnect::RequestTokenError<RE, T>) -> String
where
    RE: std::error::Error + 'static,
    T: openidconnect::ErrorResponse + 'static,
{
    match error {
        openidconnect::RequestTokenError::ServerResponse(response) => {
            format!(
                "the provider refused: {}",
                response.to_string().lines().next().unwrap_or_default()
            )
        }
        openidconnect::RequestTokenError::Request(cause) => {
            format!("the token request failed: {}", with_causes(cause))
        }
        openidconnect::RequestTokenError::Parse(_, _) => {
            "the token response could not be read".to_owned()
        }
        openidconnect::RequestTokenError::Other(message) => message.clone(),
    }
}

/// A transport error and its causes, e.g. "error sending request: connection
/// closed before message completed". They name the endpoint and what the
/// connection did, never a body.
fn with_causes(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// What went wrong at the userinfo endpoint, without the response (which
/// holds personal data, possibly the CPR number).
fn describe_user_info_error<RE>(error: &openidconnect::UserInfoError<RE>) -> String
where
    RE: std::error::Error + 'static,
{
    match error {
        openidconnect::UserInfoError::ClaimsVerification(_) => {
            "the userinfo claims failed verification".to_owned()
        }
        openidconnect::UserInfoError::Parse(_) => {
            "the userinfo response could not be read".to_owned()
        }
        openidconnect::UserInfoError::Request(cause) => {
            format!("the userinfo request failed: {}", with_causes(cause))
        }
        openidconnect::UserInfoError::Response(status, _, _) => {
            format!("the userinfo endpoint answered {status}")
        }
        _ => "the userinfo request failed".to_owned(),
    }
}

impl OidcError {
    /// The reason the registry of rejected attempts records.
    pub fn rejection_reason(&self) -> RejectionReason {
        match self {
            OidcError::Discovery(_) => RejectionReason::ProviderUnavailable,
            OidcError::CodeExchange(_) => RejectionReason::CodeExchangeFailed,
            OidcError::NoIdToken | OidcError::IdToken(_) => RejectionReason::IdTokenInvalid,
            OidcError::UserInfo(_) => RejectionReason::UserinfoFailed,
        }
    }
}

impl OidcRelyingParty {
    /// A relying party that discovers the provider on first use.
    pub fn new(settings: OidcSettings) -> anyhow::Result<OidcRelyingParty> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // Following redirects from the token endpoint would be an SSRF risk.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            // A connection idle longer than this is not used again: servers
            // close idle connections after their own timeout (Node's after
            // 5 s), and a request sent on one just as it closes fails. The
            // end-to-end tests lost two sign-ins to that race in one run.
            .pool_idle_timeout(std::time::Duration::from_secs(4))
            .build()?;
        Ok(OidcRelyingParty {
            settings,
            http,
            discovered: RwLock::new(None),
        })
    }

    async fn discovered(&self, refresh: bool) -> Result<Arc<Discovered>, OidcError> {
        if !refresh {
            if let Some(found) = self.discovered.read().await.as_ref() {
                return Ok(found.clone());
            }
        }
        let issuer = IssuerUrl::new(
            self.settings
                .issuer
                .as_str()
                .trim_end_matches('/')
                .to_owned(),
        )
        .map_err(|e| OidcError::Discovery(e.to_string()))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Discovery(format!("{e:?}")))?;
        let end_session = metadata.additional_metadata().end_session_endpoint.clone();
        let redirect = RedirectUrl::new(self.settings.redirect_url.to_string())
            .map_err(|e| OidcError::Discovery(e.to_string()))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(
                self.settings.client_secret.expose_secret().to_owned(),
            )),
        )
        .set_redirect_uri(redirect);
        let found = Arc::new(Discovered {
            client,
            end_session,
        });
        *self.discovered.write().await = Some(found.clone());
        Ok(found)
    }

    /// The URL to send the browser to, and what to remember until the callback.
    pub async fn authorization_request(&self) -> Result<(Url, PendingAuthorization), OidcError> {
        let discovered = self.discovered(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = discovered
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge)
            // Authenticate every time: on a shared computer a live session at
            // the provider (after an idle sign-out here, say) must not sign
            // the next person straight in.
            .add_prompt(CoreAuthPrompt::Login);
        for scope in &self.settings.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        for acr in &self.settings.acr_values {
            request = request.add_auth_context_value(AuthenticationContextClass::new(acr.clone()));
        }
        let (url, state, nonce) = request.url();
        Ok((
            url,
            PendingAuthorization {
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
            },
        ))
    }

    /// Exchanges `code` and verifies the ID token against `pending` at `now`.
    pub async fn finish(
        &self,
        code: String,
        pending: PendingAuthorization,
        now: DateTime<Utc>,
    ) -> Result<VerifiedLogin, OidcError> {
        let discovered = self.discovered(false).await?;
        let response = discovered
            .client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| OidcError::CodeExchange(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::CodeExchange(describe_token_error(&e)))?;
        let raw = response.id_token().ok_or(OidcError::NoIdToken)?.to_string();
        let id_token: ClaimsIdToken = raw
            .parse()
            .map_err(|e| OidcError::IdToken(format!("{e:?}")))?;
        let nonce = Nonce::new(pending.nonce);

        let claims = match self.verify(&discovered, &id_token, &nonce, now) {
            Err(TokenRefusal::Claims(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            ))) => {
                // The provider may have rotated its keys: fetch them again, once.
                let refreshed = self.discovered(true).await?;
                self.verify(&refreshed, &id_token, &nonce, now)?
            }
            other => other?,
        };
        Ok(VerifiedLogin {
            subject: claims.subject().to_string(),
            acr: claims.auth_context_ref().map(|acr| acr.to_string()),
            amr: claims
                .auth_method_refs()
                .map(|refs| refs.iter().map(|r| r.to_string()).collect())
                .unwrap_or_default(),
            name: claims
                .name()
                .and_then(|name| name.get(None))
                .map(|name| name.to_string()),
            email: claims.email().map(|email| email.to_string()),
            claims: claims.additional_claims().claims.clone(),
            access_token: response.access_token().clone(),
        })
    }

    fn verify(
        &self,
        discovered: &Discovered,
        id_token: &ClaimsIdToken,
        nonce: &Nonce,
        now: DateTime<Utc>,
    ) -> Result<openidconnect::IdTokenClaims<AllClaims, CoreGenderClaim>, TokenRefusal> {
        let verifier = discovered
            .client
            .id_token_verifier()
            .set_allowed_algs(ALLOWED_ALGS)
            // Expired means expired more than CLOCK_SKEW ago.
            .set_time_fn(move || now - CLOCK_SKEW)
            .set_issue_time_verifier_fn(move |iat| {
                if iat > now + CLOCK_SKEW {
                    Err(format!("issued in the future ({iat})"))
                } else {
                    Ok(())
                }
            });
        let claims = id_token
            .claims(&verifier, nonce)
            .map_err(TokenRefusal::Claims)?
            .clone();
        // openidconnect 4.1 does not check `azp`: required when there are
        // several audiences, and must be us whenever present.
        let ours = self.settings.client_id.as_str();
        match claims.authorized_party() {
            Some(azp) if azp.as_str() != ours => {
                return Err(TokenRefusal::Azp(format!(
                    "azp is {}, not this client",
                    azp.as_str()
                )))
            }
            None if claims.audiences().len() > 1 => {
                return Err(TokenRefusal::Azp("several audiences and no azp".to_owned()))
            }
            _ => {}
        }
        Ok(claims)
    }

    /// Every claim of the userinfo answer, checked to be about `login.subject`.
    pub async fn user_info(
        &self,
        login: &VerifiedLogin,
    ) -> Result<HashMap<String, Value>, OidcError> {
        let discovered = self.discovered(false).await?;
        let claims: UserInfoClaims<AllClaims, CoreGenderClaim> = discovered
            .client
            .user_info(
                login.access_token.clone(),
                Some(openidconnect::SubjectIdentifier::new(login.subject.clone())),
            )
            .map_err(|e| OidcError::UserInfo(e.to_string()))?
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::UserInfo(describe_user_info_error(&e)))?;
        Ok(claims.additional_claims().claims.clone())
    }

    /// Where to send the browser to end the provider's session, if the
    /// provider offers RP-initiated logout.
    pub async fn end_session_url(&self, after: &Url) -> Option<Url> {
        let discovered = self.discovered(false).await.ok()?;
        let mut url = discovered.end_session.as_ref()?.url().clone();
        // No id_token_hint: the ID token carries the CPR number, and this
        // address ends up in browser history and in proxies' logs.
        url.query_pairs_mut()
            .append_pair("client_id", &self.settings.client_id)
            .append_pair("post_logout_redirect_uri", after.as_str());
        Some(url)
    }
}
