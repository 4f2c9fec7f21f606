//! What every request passes: cross-site posts refused and registered,
//! paths that are not canonical refused before routing, personal pages never
//! cached, and a sign-out that tells the browser to forget.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;

use crate::support::{get, get_with_cookie, router, send, sign_in_at, PUBLIC_URL};

/// A form post to `path` with `cookie` and the given `Origin`, if any.
async fn post_from(
    app: &axum::Router,
    path: &str,
    cookie: &str,
    origin: Option<&str>,
    fields: &str,
) -> crate::support::Reply {
    let mut request = Request::post(path)
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(origin) = origin {
        request = request.header(header::ORIGIN, origin);
    }
    send(app, request.body(Body::from(fields.to_owned())).unwrap()).await
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_form_posted_from_another_site_is_refused_and_registered(pool: PgPool) {
    server::demo_data::load(&pool).await.unwrap();
    let app = router(pool.clone());
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    for origin in [Some("https://evil.example"), Some("null"), None] {
        let reply = post_from(&app, "/henvendelser/ny/indsigt", &anna, origin, "about=Alt").await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{origin:?}");
    }
    // A browser without Origin that says the request is its own page's.
    let same = Request::post("/henvendelser/ny/indsigt")
        .header(header::COOKIE, &anna)
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("about=Alt"))
        .unwrap();
    assert_eq!(send(&app, same).await.status, StatusCode::SEE_OTHER);
    assert_eq!(count(&pool, "SELECT count(*) FROM data_requests").await, 1);
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM access_rejections WHERE reason = 'cross_site_request' AND subject_key IS NOT NULL"
        )
        .await,
        3
    );
    // A foreign page cannot get its victim blocked.
    for _ in 0..5 {
        post_from(&app, "/log-ud", &anna, Some("https://evil.example"), "").await;
    }
    assert_eq!(count(&pool, "SELECT count(*) FROM access_blocks").await, 0);
    // Nor sign the victim out: the session lives on.
    let page = get_with_cookie(&app, "/henvendelser", &anna).await;
    assert_eq!(page.status, StatusCode::OK);
    let signed_out = post_from(&app, "/log-ud", &anna, Some(PUBLIC_URL), "").await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        signed_out.headers.get("clear-site-data").unwrap(),
        "\"cache\", \"storage\""
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn paths_that_are_not_canonical_are_refused_before_routing(pool: PgPool) {
    let app = router(pool.clone());
    for path in [
        "//dpo",
        "/sagsbehandling/../dpo",
        "/min-log/./eksport.csv",
        "/%2e%2e/dpo",
        "/dpo%2fhenvendelser.csv",
    ] {
        assert_eq!(
            get(&app, path).await.status,
            StatusCode::BAD_REQUEST,
            "{path}"
        );
    }
    assert_eq!(get(&app, "/om-portalen").await.status, StatusCode::OK);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn pages_with_personal_data_are_never_cached(pool: PgPool) {
    server::demo_data::load(&pool).await.unwrap();
    let app = router(pool.clone());
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    for path in ["/min-log", "/henvendelser", "/min-log/eksport.csv", "/"] {
        let reply = get_with_cookie(&app, path, &anna).await;
        assert_eq!(
            reply
                .headers
                .get(header::CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}"
        );
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn browsers_are_told_to_use_https_only_when_the_portal_is_served_over_it(pool: PgPool) {
    let plain = router(pool.clone());
    let reply = get(&plain, "/om-portalen").await;
    assert!(reply
        .headers
        .get(header::STRICT_TRANSPORT_SECURITY)
        .is_none());

    let config = server::config::Config::from_figment(
        crate::support::test_figment().merge(("public_url", "https://indblik.eksempel.dk")),
    )
    .unwrap();
    let served = crate::support::router_with(&config, pool.clone());
    for path in ["/om-portalen", "/healthz", "//nonsense"] {
        let reply = get(&served, path).await;
        assert_eq!(
            reply
                .headers
                .get(header::STRICT_TRANSPORT_SECURITY)
                .unwrap(),
            "max-age=31536000",
            "{path}"
        );
    }
}

/// Every Rust file under `dir`, recursively.
fn rust_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// Every line of the portal's own source (`server/src`, `app/src`) for
/// which `offends` holds, as `file:line: text`.
fn offending_source_lines(offends: impl Fn(&str) -> bool) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["server/src", "app/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut offenders = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            if offends(line) {
                offenders.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    offenders
}

#[test]
fn no_server_log_line_writes_an_error_with_debug_formatting() {
    // `{:?}` of a database error carries PostgreSQL's DETAIL, the offending
    // row's values; a cause goes to the log through `app::error::redacted`
    // or its `Display`, never `?error` or `{error:?}`.
    let offenders = offending_source_lines(|line| {
        let logs =
            line.contains("tracing::") || line.contains("error!(") || line.contains("warn!(");
        let debug = ["= ?error", "(?error", "{error:?}", "{cause:?}", "= ?cause"]
            .iter()
            .any(|pattern| line.contains(pattern));
        // The browser's console (the idle timer) holds no database error.
        let server_side = !line.contains("leptos::logging");
        logs && debug && server_side
    });
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn an_organisational_unit_is_called_enhed_throughout() {
    // One word for the municipality's units on every page, e-mail and
    // export: "enhed" (staff and citizens alike). The IT department and a
    // unit's own name (master data) are not the word.
    let offenders = offending_source_lines(|line| {
        line.to_lowercase()
            .replace("it-afdeling", "")
            .replace("familieafdelingen", "")
            .contains("afdeling")
    });
    assert!(offenders.is_empty(), "{offenders:#?}");
}
