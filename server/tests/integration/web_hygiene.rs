//! What every request passes: cross-site posts refused and registered,
//! paths that are not canonical refused before routing, personal pages never
//! cached, responses compressed as the browser asks (static files
//! precompressed, revalidated before reuse), and a sign-out that tells the
//! browser to forget.

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

/// A GET of `path` whose browser takes `encodings` (`Accept-Encoding`).
async fn get_taking(app: &axum::Router, path: &str, encodings: &str) -> (Option<String>, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let request = Request::get(path)
        .header(header::ACCEPT_ENCODING, encodings)
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let encoding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .map(|value| value.to_str().unwrap().to_owned());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (encoding, bytes.to_vec())
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn responses_are_compressed_as_the_browser_asks_and_files_come_precompressed(pool: PgPool) {
    // A site with one script and its brotli-compressed twin.
    let site = std::env::temp_dir().join(format!("indblik-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(
        site.join("pkg/app.js"),
        "console.log('indblik');".repeat(100),
    )
    .unwrap();
    std::fs::write(site.join("pkg/app.js.br"), b"precompressed").unwrap();
    std::fs::write(site.join("pkg/app.css"), "main { margin: 0; }".repeat(100)).unwrap();
    let mut config = crate::support::test_config();
    config.site_root = site.clone();
    let app = crate::support::router_with(&config, pool);

    let (encoding, body) = get_taking(&app, "/om-portalen", "br;q=1.0, gzip;q=0.8").await;
    assert_eq!(encoding.as_deref(), Some("br"));
    assert!(
        !String::from_utf8_lossy(&body).contains("<html"),
        "compressed"
    );
    let (encoding, body) = get_taking(&app, "/om-portalen", "gzip").await;
    assert_eq!(encoding.as_deref(), Some("gzip"));
    let mut page = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&body[..]), &mut page).unwrap();
    assert!(
        page.contains("<html") && page.contains("Om portalen"),
        "{page}"
    );
    // What Chromium asks for: zstd, the cheapest to make.
    let (encoding, body) = get_taking(&app, "/om-portalen", "gzip, deflate, br, zstd").await;
    assert_eq!(encoding.as_deref(), Some("zstd"));
    let page = String::from_utf8(zstd::decode_all(&body[..]).unwrap()).unwrap();
    assert!(
        page.contains("<html") && page.contains("Om portalen"),
        "{page}"
    );
    let (encoding, body) = get_taking(&app, "/om-portalen", "identity").await;
    assert_eq!(encoding, None);
    assert!(String::from_utf8_lossy(&body).contains("<html"));

    // The files are served at their version's path.
    let pkg = server::http::static_assets::paths(&site).pkg;
    let (encoding, body) = get_taking(&app, &format!("{pkg}/app.js"), "gzip, br, zstd").await;
    assert_eq!(encoding.as_deref(), Some("br"));
    assert_eq!(
        body, b"precompressed",
        "the file made at build time, not compressed again"
    );
    let (encoding, body) = get_taking(&app, &format!("{pkg}/app.js"), "identity").await;
    assert_eq!(encoding, None);
    assert!(body.starts_with(b"console.log"));
    // A file without a copy made at build time goes out as it is (a
    // development build's WebAssembly is 13 MB: compressing it on every
    // page load would cost a second of CPU each time).
    let (encoding, _) = get_taking(&app, &format!("{pkg}/app.css"), "br, gzip").await;
    assert_eq!(encoding, None);
    std::fs::remove_dir_all(site).unwrap();
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn static_files_are_kept_a_year_under_their_versions_path_and_pages_never(pool: PgPool) {
    let site = std::env::temp_dir().join(format!("indblik-versions-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::create_dir_all(site.join("dkfds/css")).unwrap();
    std::fs::write(site.join("pkg/indblik.css"), "main { margin: 0; }").unwrap();
    std::fs::write(site.join("dkfds/css/dkfds.min.css"), "body { margin: 0; }").unwrap();
    std::fs::write(site.join("favicon.svg"), "<svg/>").unwrap();
    let mut config = crate::support::test_config();
    config.site_root = site.clone();
    let app = crate::support::router_with(&config, pool.clone());
    let paths = server::http::static_assets::paths(&site);
    let cache = |reply: &crate::support::Reply| {
        reply
            .headers
            .get(header::CACHE_CONTROL)
            .map(|value| value.to_str().unwrap().to_owned())
    };

    // The page names the versioned paths, and is itself never kept.
    let page = get(&app, "/om-portalen").await;
    assert!(page
        .body
        .contains(&format!(r#"href="{}""#, paths.stylesheet())));
    assert!(page
        .body
        .contains(&format!(r#"href="{}""#, paths.dkfds_stylesheet())));
    assert_eq!(cache(&page).as_deref(), Some("no-store"));
    for file in [paths.stylesheet(), paths.dkfds_stylesheet()] {
        let reply = get(&app, &file).await;
        assert_eq!(reply.status, StatusCode::OK, "{file}");
        assert_eq!(
            cache(&reply).as_deref(),
            Some("public, max-age=31536000, immutable"),
            "{file}"
        );
    }
    // The favicon keeps its name, so it is checked before reuse.
    let favicon = get(&app, "/favicon.svg").await;
    assert_eq!(cache(&favicon).as_deref(), Some("no-cache"));
    // Another version's path, and the bare path, are not served: a browser
    // can never keep another version's file under this version's name.
    for path in [
        "/pkg/0000000000000000/indblik.css",
        "/pkg/indblik.css",
        "/dkfds/css/dkfds.min.css",
    ] {
        assert_eq!(
            get(&app, path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }

    // A new release (new content) is served under a new path.
    std::fs::write(site.join("pkg/indblik.css"), "main { margin: 1px; }").unwrap();
    let upgraded = crate::support::router_with(&config, pool);
    let new_paths = server::http::static_assets::paths(&site);
    assert_ne!(new_paths.pkg, paths.pkg);
    assert_eq!(new_paths.dkfds, paths.dkfds, "DKFDS did not change");
    let page = get(&upgraded, "/om-portalen").await;
    assert!(page.body.contains(&new_paths.stylesheet()));
    assert_eq!(
        get(&upgraded, &new_paths.stylesheet()).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&upgraded, &paths.stylesheet()).await.status,
        StatusCode::NOT_FOUND
    );
    std::fs::remove_dir_all(site).unwrap();
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
