//! Staff sign-in against the real test workforce identity provider, and the
//! guard on staff pages: caseworkers reach `/sagsbehandling`, the DPO `/dpo`;
//! citizens and other staff get 403 and the attempt is registered.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use sqlx::PgPool;

use crate::support::{get, get_with_cookie, post_form, returned_page, router, send, sign_in_at};

async fn staff(app: &Router, account: &str) -> (String, String) {
    sign_in_at(app, "/medarbejder/log-ind", account).await
}

async fn rejections(pool: &PgPool) -> Vec<(String, Option<String>, bool, String)> {
    sqlx::query_as(
        "SELECT reason, staff_id, subject_key IS NOT NULL, path FROM access_rejections ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_caseworker_reaches_casework_but_not_the_dpo_pages(pool: PgPool) {
    let app = router(pool.clone());
    let (landing, cookie) = staff(&app, "sagsbehandler").await;
    assert_eq!(landing, "/sagsbehandling");
    let page = get_with_cookie(&app, "/sagsbehandling", &cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Sara Sagsbehandler, BS"),
        "name and unit in the header"
    );

    let dpo = get_with_cookie(&app, "/dpo", &cookie).await;
    assert_eq!(dpo.status, StatusCode::FORBIDDEN);
    assert!(dpo.body.contains("Du har ikke adgang til denne side."));
    assert_eq!(
        rejections(&pool).await,
        [(
            "page_forbidden".to_owned(),
            Some("sagsbehandler".to_owned()),
            false,
            "/dpo".to_owned()
        )]
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn anonymous_visitors_are_sent_to_the_staff_sign_in(pool: PgPool) {
    let app = router(pool.clone());
    for path in ["/sagsbehandling", "/dpo", "/dpo/noget"] {
        let reply = get(&app, path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            reply.location(),
            format!(
                "/medarbejder/log-ind?tilbage={}",
                app::text::query_value(path)
            ),
            "{path}"
        );
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_citizen_is_refused_staff_pages_and_the_attempt_is_registered(pool: PgPool) {
    let app = router(pool.clone());
    let (landing, cookie) = sign_in_at(&app, "/log-ind", "anna").await;
    assert_eq!(landing, "/min-log");
    let reply = get_with_cookie(&app, "/sagsbehandling", &cookie).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(!reply.body.contains("Sagsbehandling</h1>"));
    assert_eq!(
        rejections(&pool).await,
        [(
            "page_forbidden".to_owned(),
            None,
            true,
            "/sagsbehandling".to_owned()
        )]
    );

    // Nor can the citizen call the DPO's server function directly.
    let request = Request::post("/api/dpo/access-control")
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, crate::support::PUBLIC_URL)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let reply = send(&app, request).await;
    assert_ne!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("Forbidden"), "{}", reply.body);
    assert!(
        !reply.body.contains("page_forbidden"),
        "no registry data: {}",
        reply.body
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_dpo_sees_rejections_and_blocks(pool: PgPool) {
    let app = router(pool.clone());
    // Something to see: a citizen knocking on the casework door.
    let (_, citizen) = sign_in_at(&app, "/log-ind", "bo").await;
    assert_eq!(
        get_with_cookie(&app, "/sagsbehandling", &citizen)
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let (landing, cookie) = staff(&app, "dpo").await;
    assert_eq!(landing, "/dpo");
    let page = get_with_cookie(&app, "/dpo", &cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Adgangskontrol"));
    assert!(page.body.contains("page_forbidden") && page.body.contains("/sagsbehandling"));
    assert!(
        page.body.contains("borger"),
        "the kind of identity, never the key"
    );
    assert!(page.body.contains("Ingen aktive spærringer."));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn staff_without_a_known_role_or_two_factor_are_refused(pool: PgPool) {
    let app = router(pool.clone());
    assert_eq!(staff(&app, "ukendt").await.0, "/log-ind/afvist?grund=rolle");
    assert_eq!(
        staff(&app, "uden2fa").await.0,
        "/log-ind/afvist?grund=tofaktor"
    );
    let reasons: Vec<(String, Option<String>)> = rejections(&pool)
        .await
        .into_iter()
        .map(|(reason, staff, _, _)| (reason, staff))
        .collect();
    assert_eq!(
        reasons,
        [
            ("staff_role_unknown".to_owned(), Some("ukendt".to_owned())),
            (
                "staff_without_two_factor".to_owned(),
                Some("uden2fa".to_owned())
            ),
        ]
    );
    let page = get(&app, "/log-ind/afvist?grund=tofaktor").await;
    assert!(
        page.body.contains("to-faktor") && page.body.contains(r#"href="/medarbejder/log-ind""#)
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn only_the_dpo_or_an_admin_can_lift_a_block(pool: PgPool) {
    let app = router(pool.clone());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO access_blocks (blocked_at, source_ip, rejections) VALUES (now(), '203.0.113.9', 5) RETURNING id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let lift = |cookie: String, cause: &'static str| {
        let app = app.clone();
        let block = id.to_string();
        async move {
            post_form(
                &app,
                "/dpo/ophaev-spaerring",
                &cookie,
                &[("block", &block), ("cause", cause)],
            )
            .await
        }
    };
    let lifted = || async {
        sqlx::query_as::<_, (Option<String>, Option<String>)>(
            "SELECT lifted_by, lift_cause FROM access_blocks WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap()
    };

    let (_, caseworker) = staff(&app, "sagsbehandler").await;
    let refused = lift(caseworker, "Undersøgt").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(lifted().await, (None, None), "the block stands");

    let (_, dpo) = staff(&app, "dpo").await;
    // A cause is required; the page says so at the field and keeps the choice.
    let without = lift(dpo.clone(), "  ").await;
    let without = returned_page(&app, without, "/dpo", &dpo).await;
    assert!(
        without.body.contains("Skriv, hvorfor spærringen ophæves"),
        "{}",
        without.body
    );
    assert!(without.body.contains(r##"href="#lift-block-cause""##));
    // The page says so in its title, and the alert at its top takes focus
    // as it opens and links to the form's section.
    assert!(without.body.contains("<title>Fejl: "), "{}", without.body);
    let top = &without.body[without.body.find("<h1").unwrap()..];
    let top = &top[..top.find("</div></div>").unwrap()];
    assert!(
        top.contains(r#"role="alert" tabindex="-1" autofocus"#)
            && top.contains(r##"href="#lift-block-section""##),
        "{top}"
    );
    assert!(without.body.contains(r#"id="lift-block-section""#));
    // Shown once: the page again is plain.
    let reloaded = get_with_cookie(&app, "/dpo", &dpo).await;
    assert!(!reloaded.body.contains("Skriv, hvorfor spærringen ophæves"));
    assert!(!reloaded.body.contains("<title>Fejl: "));
    assert_eq!(lifted().await, (None, None), "the block stands");
    let with_cpr = lift(dpo.clone(), "Borger 010190-1234 ringede").await;
    let with_cpr = returned_page(&app, with_cpr, "/dpo", &dpo).await;
    assert!(
        with_cpr.body.contains("uden CPR-nummer"),
        "{}",
        with_cpr.body
    );

    let done = lift(dpo.clone(), "Borgeren tastede forkert; sag 2026-12").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.location(),
        format!("/dpo?ophaevet={id}#adgangskontrol")
    );
    assert_eq!(
        lifted().await,
        (
            Some("Dan Databeskyttelse (dpo)".to_owned()),
            Some("Borgeren tastede forkert; sag 2026-12".to_owned())
        )
    );
    let page = get_with_cookie(&app, &format!("/dpo?ophaevet={id}"), &dpo).await;
    assert!(page.body.contains(&format!("Spærring nr. {id} er ophævet")));

    let again = lift(dpo.clone(), "Igen").await;
    let again = returned_page(&app, again, "/dpo", &dpo).await;
    assert!(again.body.contains("allerede ophævet"), "{}", again.body);
}

/// The `href`s of the links in the `<nav>` of `class` in `page`.
fn menu_links(page: &str, class: &str) -> Vec<String> {
    let start = page
        .match_indices("<nav ")
        .map(|(at, _)| at)
        .find(|&at| {
            let tag = &page[at..at + page[at..].find('>').unwrap_or(0)];
            tag.contains(&format!(r#"class="{class}"#))
        })
        .unwrap_or_else(|| panic!("no <nav> of class {class}"));
    let nav = &page[start..];
    let nav = &nav[..nav.find("</nav>").unwrap_or(nav.len())];
    nav.split(r#"<a href=""#)
        .skip(1)
        .filter_map(|rest| {
            let (href, tail) = rest.split_once('"')?;
            let tag = tail.split('>').next()?;
            tag.contains(r#"class="nav-link""#).then(|| href.to_owned())
        })
        .collect()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_menu_link_opens_for_the_one_who_sees_it(pool: PgPool) {
    let app = router(pool.clone());
    for (account, start, expected) in [
        (
            "sagsbehandler",
            "/medarbejder/log-ind",
            vec![
                "/sagsbehandling",
                "/sagsbehandling/registrer",
                "/sagsbehandling/stikproever",
            ],
        ),
        (
            "dpo",
            "/medarbejder/log-ind",
            vec![
                "/dpo",
                "/sagsbehandling",
                "/kontrol",
                "/sagsbehandling/stikproever",
            ],
        ),
        (
            "admin",
            "/medarbejder/log-ind",
            vec!["/dpo", "/sagsbehandling/stikproever"],
        ),
        (
            "leder",
            "/medarbejder/log-ind",
            vec!["/kontrol", "/sagsbehandling/stikproever"],
        ),
        (
            "efterforsker",
            "/medarbejder/log-ind",
            vec!["/kontrol", "/sagsbehandling/stikproever"],
        ),
        (
            "medarbejder",
            "/medarbejder/log-ind",
            vec!["/sagsbehandling/stikproever"],
        ),
        (
            "anna",
            "/log-ind",
            vec!["/min-log", "/henvendelser", "/henvendelser/ny"],
        ),
    ] {
        let (landing, cookie) = sign_in_at(&app, start, account).await;
        let page = get_with_cookie(&app, &landing, &cookie).await;
        let links = menu_links(&page.body, "navigation-menu");
        assert_eq!(links, expected, "{account}'s menu");
        // The mobile menu (below 992 px) offers the same, and "Log af".
        assert_eq!(menu_links(&page.body, "mobile-menu-content"), expected);
        let mobile = &page.body[page.body.find("mobile-menu-content").unwrap()..];
        assert!(mobile[..mobile.find("</nav>").unwrap()].contains(r#"action="/log-ud""#));
        for link in links {
            let reply = get_with_cookie(&app, &link, &cookie).await;
            assert_eq!(reply.status, StatusCode::OK, "{account} opens {link}");
        }
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn every_opening_screen_for_staff_says_that_look_ups_are_logged(pool: PgPool) {
    server::demo_data::load(&pool).await.unwrap();
    let app = router(pool);
    for (account, landing) in [
        ("sagsbehandler", "/sagsbehandling"),
        ("dpo", "/dpo"),
        ("leder", "/kontrol"),
        ("efterforsker", "/kontrol"),
        ("medarbejder", "/sagsbehandling/stikproever"),
    ] {
        let (arrived, cookie) = staff(&app, account).await;
        assert_eq!(arrived, landing, "{account} lands on their opening screen");
        let page = get_with_cookie(&app, landing, &cookie).await;
        assert_eq!(page.status, StatusCode::OK, "{landing}");
        assert!(page.body.contains("Dine opslag bliver logget"), "{landing}");
        assert!(page.body.contains("gemmes i 6 måneder"), "{landing}");
        assert!(
            page.body.contains("tilfældigt udvalgte opslag"),
            "{landing}"
        );
    }
}
