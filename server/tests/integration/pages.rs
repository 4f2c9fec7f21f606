//! Server-rendered pages through the real router: complete HTML without
//! JavaScript, the 404 page with its reference, and the response headers.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use sqlx::PgPool;

use server::config::Config;

use crate::support::{get, router, send, test_figment};

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn landing_page_is_complete_html_in_danish(pool: PgPool) {
    let reply = get(&router(pool), "/").await;
    assert_eq!(reply.status, StatusCode::OK);
    let html = &reply.body;
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains(r#"<html lang="da""#));
    // The full page is in the first response: no JavaScript needed to see it.
    assert!(html.contains("Se hvem der har brugt dine oplysninger"));
    let first = &html[html.find("<body>").unwrap() + "<body>".len()..];
    let first_tag = &first[..first.find('>').unwrap()];
    assert!(
        first_tag.starts_with("<a ")
            && first_tag.contains(r##"href="#main-content""##)
            && first_tag.contains(r#"class="skipnav""#),
        "skip link first in body: {first_tag}"
    );
    assert!(html.contains(r#"<main id="main-content""#));
    assert!(
        html.contains("Testkommune"),
        "the configured municipality is shown"
    );
    // DKFDS before the app's own stylesheet, each at its version's path.
    let paths = server::http::static_assets::paths(&crate::support::test_config().site_root);
    assert!(paths.pkg.len() == "/pkg/".len() + 16, "{paths:?}");
    let dkfds = html
        .find(&format!(r#"href="{}""#, paths.dkfds_stylesheet()))
        .expect("DKFDS stylesheet linked");
    let own = html
        .find(&format!(r#"href="{}""#, paths.stylesheet()))
        .expect("own stylesheet linked");
    assert!(dkfds < own);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_information_page_renders(pool: PgPool) {
    let app = router(pool);
    for (path, heading) in [
        ("/om-portalen", "Om portalen"),
        ("/tilgaengelighedserklaering", "Tilgængelighedserklæring"),
        (
            "/privatlivspolitik",
            "Sådan behandler Indblik dine oplysninger",
        ),
    ] {
        let reply = get(&app, path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(
            reply.body.contains(&format!("<h1>{heading}</h1>")),
            "{path}"
        );
    }
    // Every public page describes itself to search engines and link
    // previews, in a sentence of its own.
    let mut descriptions = Vec::new();
    for path in [
        "/",
        "/om-portalen",
        "/tilgaengelighedserklaering",
        "/privatlivspolitik",
    ] {
        let body = get(&app, path).await.body;
        let start = r#"<meta name="description" content=""#;
        assert_eq!(body.matches(start).count(), 1, "{path}");
        let content = &body[body.find(start).unwrap() + start.len()..];
        let content = &content[..content.find('"').unwrap()];
        assert!(
            (50..=200).contains(&content.chars().count()),
            "{path}: {content}"
        );
        descriptions.push(content.to_owned());
    }
    descriptions.sort();
    descriptions.dedup();
    assert_eq!(descriptions.len(), 4);
    let privacy = get(&app, "/privatlivspolitik").await;
    assert!(
        privacy.body.contains("mailto:dpo@test.dk"),
        "the DPO's address is shown"
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_privacy_page_states_the_configured_limits(pool: PgPool) {
    let config = Config::from_figment(
        test_figment()
            .merge(("session_idle_minutes", 12))
            .merge(("log_retention_months", 9))
            .merge(("security_log_retention_months", 4))
            .merge(("sign_in_retention_months", 3))
            .merge(("sent_mail_retention_days", 45)),
    )
    .unwrap();
    let page = get(
        &crate::support::router_with(&config, pool),
        "/privatlivspolitik",
    )
    .await;
    for said in [
        "ikke har brugt portalen i 12 minutter",
        "gemmes i 3 måneder",
        "Loggen over brugen af dine oplysninger gemmes i 9 måneder",
        "Sikkerhedsloggen (afviste forsøg og spærringer, der er ophævet) gemmes i 4 måneder",
        "gemmes i 45 dage",
        "pseudonym",
    ] {
        assert!(page.body.contains(said), "{said}");
    }
    assert!(
        !page.body.contains("ikke kan regnes tilbage"),
        "the key is a pseudonym, not irreversible"
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn unknown_path_is_404_with_the_request_reference(pool: PgPool) {
    let reply = get(&router(pool), "/ingen/side/her").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let reference = reply.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(reference.len(), 36, "a UUID: {reference}");
    assert!(reply.body.contains("Siden findes ikke"));
    assert!(reply.body.contains(&format!("Reference: {reference}")));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn request_id_is_new_for_every_request_and_never_taken_from_the_client(pool: PgPool) {
    let app = router(pool);
    let request = Request::get("/healthz")
        .header("x-request-id", "<script>alert(1)</script>")
        .body(Body::empty())
        .unwrap();
    let first = send(&app, request).await;
    let second = get(&app, "/healthz").await;
    let first_id = first.headers["x-request-id"].to_str().unwrap();
    let second_id = second.headers["x-request-id"].to_str().unwrap();
    assert_ne!(first_id, "<script>alert(1)</script>");
    assert_ne!(first_id, second_id);
}

/// The nonce of the reply's content security policy, which must not allow
/// inline scripts otherwise.
fn script_nonce(reply: &crate::support::Reply) -> String {
    let csp = reply.headers["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    csp.split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in script-src")
        .to_owned()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn pages_carry_a_nonce_based_content_security_policy(pool: PgPool) {
    let app = router(pool);
    let visitor = get(&app, "/").await;
    script_nonce(&visitor);
    // A visitor's page has no island, and so loads no script or
    // WebAssembly (what remains is Leptos's empty inline bookkeeping).
    assert!(
        !visitor.body.contains(r#"<script type="module""#),
        "{}",
        visitor.body
    );
    assert!(!visitor.body.contains(".wasm"));
    assert!(!visitor.body.contains("<leptos-island"));
    assert_eq!(visitor.headers["x-content-type-options"], "nosniff");
    assert_eq!(visitor.headers["x-frame-options"], "DENY");
    // A signed-in page has the idle warning's island, and the script that
    // hydrates it carries the reply's nonce.
    let (_, anna) = crate::support::sign_in_at(&app, "/log-ind", "anna").await;
    let citizen = crate::support::get_with_cookie(&app, "/om-portalen", &anna).await;
    let nonce = script_nonce(&citizen);
    assert!(
        citizen
            .body
            .contains(&format!(r#"<script type="module" nonce="{nonce}">"#)),
        "nonce on the inline script: {}",
        citizen.body
    );
    assert_eq!(
        citizen.body.matches(r#"<script type="module""#).count(),
        1,
        "one script: {}",
        citizen.body
    );
    for script in citizen.body.split("<script").skip(1) {
        assert!(script.contains(&format!(r#"nonce="{nonce}""#)), "{script}");
    }
    assert!(citizen
        .body
        .contains(r#"<leptos-island data-component="IdleTimer_"#));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_front_page_offers_sign_in_only_to_visitors(pool: PgPool) {
    let app = router(pool);
    let visitor = get(&app, "/").await;
    assert!(visitor.body.contains("Log ind med MitID"));
    let (_, anna) = crate::support::sign_in_at(&app, "/log-ind", "anna").await;
    let citizen = crate::support::get_with_cookie(&app, "/", &anna).await;
    assert!(
        !citizen.body.contains("Log ind med MitID"),
        "{}",
        citizen.body
    );
    let button = citizen
        .body
        .split("<a ")
        .find(|tag| tag.contains("button-primary"))
        .unwrap();
    assert!(
        button.contains(r#"href="/min-log""#)
            && button.contains(">Se hvem der har brugt dine oplysninger<"),
        "{button}"
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn english_is_chosen_by_the_browser_or_the_switch(pool: PgPool) {
    let app = router(pool);
    let english = |path: &str, cookie: Option<&str>| {
        let mut request = Request::get(path).header("accept-language", "en-GB,en;q=0.9");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.body(Body::empty()).unwrap()
    };
    // The browser asks for English: the front page, its frame and its
    // `lang` are English, and the switch offers Danish, written in Danish.
    let front = send(&app, english("/", None)).await;
    assert!(front.body.contains(r#"<html lang="en">"#), "{}", front.body);
    assert!(front
        .body
        .contains("<h1>See who has used your personal data</h1>"));
    assert!(front.body.contains(r#"<main id="main-content""#));
    assert!(
        front.body.contains("Skip to the page&#x27;s content")
            || front.body.contains("Skip to the page's content")
    );
    assert!(front.body.contains(r#"href="/sprog/da?tilbage=%2F""#));
    assert!(front.body.contains(r#"lang="da" hreflang="da""#));
    assert!(!front
        .body
        .contains("Se hvem der har brugt dine oplysninger</h1>"));
    // Every page is in English, the "not found" page too.
    let missing = send(&app, english("/findes-ikke", None)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("<h1>The page does not exist</h1>"));
    assert!(!missing.body.contains("Siden findes ikke"));
    // Plurals by the language's own rules.
    let privacy = send(&app, english("/privatlivspolitik", None)).await;
    assert!(privacy
        .body
        .contains("<h1>How Indblik processes your data</h1>"));
    assert!(
        privacy.body.contains("is kept for 6 months."),
        "{}",
        privacy.body
    );
    let about = send(&app, english("/om-portalen", None)).await;
    assert!(about.body.contains("<h1>About the portal</h1>"));
    // Without a preference: Danish.
    let danish = get(&app, "/").await;
    assert!(danish.body.contains(r#"<html lang="da">"#));
    assert!(danish.body.contains(r#"href="/sprog/en?tilbage=%2F""#));

    // The switch keeps the choice and goes back; the choice beats the browser.
    let switched = get(&app, "/sprog/da?tilbage=/om-portalen").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(switched.headers["location"], "/om-portalen");
    let cookie = switched.headers["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.starts_with("indblik-sprog=da;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let chosen = send(&app, english("/", Some("indblik-sprog=da"))).await;
    assert!(chosen.body.contains(r#"<html lang="da">"#));
    // Only to a page here, and only the portal's languages.
    for elsewhere in ["//evil.example/x", "https://evil.example/"] {
        let away = get(&app, &format!("/sprog/en?tilbage={elsewhere}")).await;
        assert_eq!(away.headers["location"], "/", "{elsewhere}");
    }
    assert_eq!(get(&app, "/sprog/de").await.status, StatusCode::NOT_FOUND);
}
