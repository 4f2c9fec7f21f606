//! Shared helpers: a test configuration, the router over a test database,
//! one-shot requests, and a browser-like walk through the test identity
//! provider.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use sqlx::PgPool;
use tower::ServiceExt;

use server::config::Config;

/// The test identity provider `make test` starts (scripts/idp.sh).
pub fn citizen_issuer() -> String {
    std::env::var("TEST_CITIZEN_ISSUER").unwrap_or_else(|_| "http://127.0.0.1:4100".to_owned())
}

/// The test workforce identity provider `make test` starts.
pub fn staff_issuer() -> String {
    std::env::var("TEST_STAFF_ISSUER").unwrap_or_else(|_| "http://127.0.0.1:4101".to_owned())
}

/// The SMTP sink `make test` starts (scripts/smtp-sink.sh).
pub fn smtp_url() -> String {
    std::env::var("TEST_SMTP_URL").unwrap_or_else(|_| "smtp://127.0.0.1:4102".to_owned())
}

/// Where the SMTP sink lists the messages it received (JSON).
pub fn smtp_inbox() -> String {
    std::env::var("TEST_SMTP_INBOX").unwrap_or_else(|_| "http://127.0.0.1:4103/messages".to_owned())
}

/// The address the router believes it is served at (registered at the test
/// provider as a redirect base; nothing listens there).
pub const PUBLIC_URL: &str = "http://127.0.0.1:3000";

/// The source address of every test request.
pub fn client_addr() -> SocketAddr {
    SocketAddr::from(([192, 0, 2, 10], 50000))
}

/// The URL of database `name` on the test server (`DATABASE_URL`), for
/// what connects by URL: a server or import process, `pg_dump`.
pub fn database_url(name: &str) -> String {
    let server = std::env::var("DATABASE_URL").expect("DATABASE_URL names the test server");
    format!("{}/{name}", server.rsplit_once('/').unwrap().0)
}

/// The URL of the test database `pool` is connected to.
pub fn database_url_of(pool: &sqlx::PgPool) -> String {
    database_url(pool.connect_options().get_database().unwrap())
}

/// A free port on the loopback interface (bound and let go).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Runs `command` to its end and fails the test, with its error output,
/// unless it succeeded.
pub fn run_to_success(command: &mut std::process::Command) {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{command:?}: {error}"));
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// PostgreSQL's program `name` from the same installation the test
/// server runs from, as `scripts/db.sh` finds it: `PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin`, else the `PATH`.
pub fn pg_tool(name: &str) -> std::path::PathBuf {
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|version| version.path().join("bin"))
        .max_by_key(|bin| {
            bin.parent()
                .and_then(|version| version.file_name()?.to_str()?.parse::<u32>().ok())
        });
    std::env::var_os("PG_BIN")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain(newest)
        .map(|bin| bin.join(name))
        .find(|tool| tool.exists())
        .unwrap_or_else(|| name.into())
}

/// A valid configuration for the fictitious test municipality.
pub fn test_config() -> Config {
    Config::from_figment(test_figment()).expect("the test configuration is valid")
}

/// The test configuration's sources, for tests that vary a setting.
pub fn test_figment() -> figment::Figment {
    Config::defaults()
        .merge(("database_url", "postgres://unused@127.0.0.1/unused"))
        .merge(("public_url", PUBLIC_URL))
        .merge(("municipality_name", "Testkommune"))
        .merge(("municipality_url", "https://www.test.dk"))
        .merge(("contact_email", "kontakt@test.dk"))
        .merge(("dpo_email", "dpo@test.dk"))
        .merge((
            "municipality_postal_address",
            "Rådhuset|Torvet 1|9999 Testby",
        ))
        .merge(("citizen_oidc_issuer", citizen_issuer()))
        .merge(("citizen_oidc_client_id", "indblik-dev"))
        .merge(("citizen_oidc_client_secret", "indblik-dev-secret"))
        .merge(("subject_key_pepper", "integration-test-pepper-0123456789"))
        .merge((
            "cpr_encryption_key",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
        ))
        .merge(("staff_oidc_issuer", staff_issuer()))
        .merge(("staff_oidc_client_id", "indblik-dev"))
        .merge(("staff_oidc_client_secret", "indblik-dev-secret"))
        .merge(("smtp_url", smtp_url()))
}

/// The complete router over `pool`, with `config`.
pub fn router_with(config: &Config, pool: PgPool) -> Router {
    router_from(config, pool, client_addr())
}

/// The complete router over `pool`, with `config`, for requests from `peer`.
pub fn router_from(config: &Config, pool: PgPool, peer: SocketAddr) -> Router {
    server::http::router(server::services(config, pool).expect("services build"))
        .layer(MockConnectInfo(peer))
}

/// The complete router over `pool` with the test configuration.
pub fn router(pool: PgPool) -> Router {
    router_with(&test_config(), pool)
}

/// What a request returned.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    /// The `Location` header.
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }

    /// The `name=value` part of the session cookie this reply sets, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|value| {
                value.starts_with("__Host-indblik=") || value.starts_with("indblik-dev-session=")
            })
            .map(|value| value.split(';').next().unwrap_or_default().to_owned())
    }
}

/// Sends one GET request through `router`.
pub async fn get(router: &Router, path: &str) -> Reply {
    send(
        router,
        Request::get(path)
            .body(Body::empty())
            .expect("valid request"),
    )
    .await
}

/// Sends one GET request with a cookie.
pub async fn get_with_cookie(router: &Router, path: &str, cookie: &str) -> Reply {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("valid request");
    send(router, request).await
}

/// A GET of `path` that the proxy 10.0.0.1 forwarded for `client`, with
/// `cookie`; the router must trust both the proxy and the test peer.
pub async fn via_proxy(app: &Router, path: &str, client: &str, cookie: Option<&str>) -> Reply {
    let mut request = Request::get(path).header("x-forwarded-for", format!("{client}, 10.0.0.1"));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).expect("valid request")).await
}

/// Sends `request` through `router` and collects the reply.
/// Posts JSON `body` to `path` with API key `key` (`Authorization: Bearer`).
pub async fn post_json_with_key(
    router: &Router,
    path: &str,
    key: &str,
    body: &serde_json::Value,
) -> Reply {
    let request = Request::post(path)
        .header(axum::http::header::AUTHORIZATION, format!("Bearer {key}"))
        .header(axum::http::header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(router, request).await
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
    let what = format!("{} {}", request.method(), request.uri().path());
    // A hung render fails the test instead of hanging the run.
    let response = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        router.clone().oneshot(request),
    )
    .await
    .unwrap_or_else(|_| panic!("{what}: the router answers within 30 s"))
    .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("the body can be read")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A browser at the test identity provider: keeps the provider's cookies and
/// does not follow redirects, so each step can be checked.
pub struct ProviderBrowser {
    client: reqwest::Client,
}

impl ProviderBrowser {
    pub fn new() -> ProviderBrowser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client");
        ProviderBrowser { client }
    }

    /// Follows the provider's redirects from `authorize_url`, signs in as the
    /// test account `account` and returns the redirect back to the portal
    /// (the callback URL with `code` and `state`).
    pub async fn sign_in(&self, authorize_url: &str, account: &str) -> url::Url {
        let parsed = url::Url::parse(authorize_url).expect("authorize URL");
        let issuer = parsed.origin().ascii_serialization();
        let mut next = authorize_url.to_owned();
        for _ in 0..10 {
            let response = self
                .client
                .get(&next)
                .send()
                .await
                .expect("provider answers");
            if response.status() == reqwest::StatusCode::OK {
                // The login page: press the account's button.
                let login_action = format!("{}/login", response.url().path());
                let response = self
                    .client
                    .post(format!("{issuer}{login_action}"))
                    .form(&[("account", account)])
                    .send()
                    .await
                    .expect("provider accepts the login");
                next = absolute(&issuer, location(&response));
                continue;
            }
            let target = absolute(&issuer, location(&response));
            if target.starts_with(PUBLIC_URL) {
                return url::Url::parse(&target).expect("callback URL");
            }
            next = target;
        }
        panic!("the provider never redirected back to the portal");
    }
}

fn location(response: &reqwest::Response) -> &str {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_else(|| panic!("a redirect from the provider, got {}", response.status()))
}

fn absolute(issuer: &str, location: &str) -> String {
    if location.starts_with("http") {
        location.to_owned()
    } else {
        format!("{issuer}{location}")
    }
}

/// The path and query of a callback URL, for sending it through the router.
pub fn path_and_query(url: &url::Url) -> String {
    format!("{}?{}", url.path(), url.query().unwrap_or_default())
}

/// Signs in at `start` (`/log-ind` or `/medarbejder/log-ind`) as `account`
/// through the test provider; returns where the callback sent the browser and
/// the session cookie it holds afterwards.
pub async fn sign_in_at(app: &Router, start: &str, account: &str) -> (String, String) {
    let reply = get(app, start).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let cookie = reply.session_cookie().expect("pending sign-in");
    let callback = ProviderBrowser::new()
        .sign_in(reply.location(), account)
        .await;
    let done = get_with_cookie(app, &path_and_query(&callback), &cookie).await;
    let cookie = done.session_cookie().unwrap_or(cookie);
    (done.location().to_owned(), cookie)
}

/// Posts an HTML form (`application/x-www-form-urlencoded`) with a cookie,
/// from the portal's own page (as a browser says in `Origin`).
pub async fn post_form(
    router: &Router,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> Reply {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let request = Request::post(path)
        .header(header::COOKIE, cookie)
        .header(header::ORIGIN, PUBLIC_URL)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .expect("valid request");
    send(router, request).await
}

/// Posts a `multipart/form-data` form as a browser does: the text
/// `fields`, then each `(name, file name, bytes)` of `files`.
pub async fn post_multipart(
    router: &Router,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> Reply {
    const BOUNDARY: &str = "----indblik-test-boundary-7e3a";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    // In chunks, as a socket delivers it (a body over a limit is cut off
    // after the fields that came first).
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = body
        .chunks(64 * 1024)
        .map(|chunk| Ok(chunk.to_vec()))
        .collect();
    let request = Request::post(path)
        .header(header::COOKIE, cookie)
        .header(header::ORIGIN, PUBLIC_URL)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from_stream(futures_util::stream::iter(chunks)))
        .expect("valid request");
    send(router, request).await
}

/// A form that posts to an address other than its page's and failed comes
/// back to the page through a redirect (Post/Redirect/Get): asserts that
/// `posted` is that redirect to `page`, follows it as `cookie` and returns
/// the page, which shows the form's reply this once.
pub async fn returned_page(router: &Router, posted: Reply, page: &str, cookie: &str) -> Reply {
    assert_eq!(
        (posted.status, posted.location()),
        (StatusCode::SEE_OTHER, page),
        "a failed form goes back to its page: {}",
        posted.body
    );
    let shown = get_with_cookie(router, page, cookie).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    shown
}

/// The version a data request has now (what a form shown now would carry).
pub async fn request_version(pool: &PgPool, id: i64) -> String {
    let version: i32 = sqlx::query_scalar("SELECT version FROM data_requests WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .expect("the request exists");
    version.to_string()
}
