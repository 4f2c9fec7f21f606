//! Usage statistics and the review of authorisations (docs/rules.md
//! §4.5–4.6): each use is counted once, whatever the flag job's rounds; a
//! manager sees their own unit's figures only; the directory's people
//! without use are named; a review cannot be completed before everyone is
//! decided, and completing it removes the marked staff member from the
//! portal (signed out, refused at sign-in, not assignable) until the DPO
//! restores them; late reviews and due units are reminded by mail once.

use axum::http::StatusCode;
use chrono::Duration;
use sqlx::PgPool;

use app::log_control::flags::job::run_round;
use app::log_control::review::store::remind;
use server::clock;

use crate::log_control::{read, store, world};
use crate::support::{get_with_cookie, post_form, returned_page, router, sign_in_at, test_config};

/// Puts `actor` of unit `unit` in the staff directory.
async fn in_directory(pool: &PgPool, actor: &str, name: &str, unit: &str) {
    sqlx::query(
        "INSERT INTO staff_directory (actor, name, org_unit_id, imported_at)
         SELECT $1, $2, id, now() FROM org_units WHERE code = $3",
    )
    .bind(actor)
    .bind(name)
    .bind(unit)
    .execute(pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn usage_is_counted_once_and_a_manager_sees_only_their_unit(pool: PgPool) {
    world(&pool).await;
    let now = clock::now();
    let citizen = crate::log_control::key_of("0101901234");
    let mut events = vec![
        read(&pool, "u-1", "bs-4711", now - Duration::days(3), citizen).await,
        read(&pool, "u-2", "bs-4711", now - Duration::days(2), citizen).await,
    ];
    // A use by another unit's employee.
    let mut elsewhere = read(&pool, "u-3", "jc-0815", now - Duration::days(2), citizen).await;
    elsewhere.org_unit_id = crate::log_control::id_of(&pool, "org_units", "JC").await;
    events.push(elsewhere);
    store(&pool, events, now).await;
    // The same event again, and another round of the job: nothing more.
    store(
        &pool,
        vec![read(&pool, "u-2", "bs-4711", now - Duration::days(2), citizen).await],
        now + Duration::seconds(1),
    )
    .await;
    let calendar = test_config().deadline_calendar();
    run_round(&pool, calendar, now).await.unwrap();
    run_round(&pool, calendar, now).await.unwrap();
    let counted: i64 = sqlx::query_scalar(
        "SELECT sum(events)::bigint FROM actor_usage_days WHERE actor = 'bs-4711'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(counted, 2, "each stored event counted once");
    in_directory(&pool, "bs-4711", "Bent Borgerservice", "BS").await;
    in_directory(&pool, "bs-0000", "Ida Inaktiv", "BS").await;
    in_directory(&pool, "jc-0815", "Jens Jobcenter", "JC").await;

    let app = router(pool.clone());
    let (_, lene) = sign_in_at(&app, "/medarbejder/log-ind", "leder").await;
    // Asking for another unit still shows her own.
    let page = get_with_cookie(&app, "/kontrol/statistik?unit=JC", &lene).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for shown in [
        "Bent Borgerservice",
        "Ida Inaktiv",
        "Medarbejdere uden anvendelser",
    ] {
        assert!(page.body.contains(shown), "{shown} is shown: {}", page.body);
    }
    assert!(!page.body.contains("jc-0815"), "another unit's employee");
    let idle_part = page
        .body
        .split("Medarbejdere uden anvendelser")
        .nth(1)
        .unwrap();
    assert!(!idle_part
        .split("Indbliks eget personale")
        .next()
        .unwrap()
        .contains("Bent"));

    let bad = get_with_cookie(&app, "/kontrol/statistik?from=2026-13-01", &lene).await;
    assert!(
        bad.body.contains("Skriv datoen som ÅÅÅÅ-MM-DD"),
        "{}",
        bad.body
    );
    assert!(
        !bad.body.contains("Bent Borgerservice"),
        "nothing counted for a bad filter"
    );

    // The investigator exports every unit's; a caseworker may not.
    let (_, ib) = sign_in_at(&app, "/medarbejder/log-ind", "efterforsker").await;
    let csv = get_with_cookie(&app, "/kontrol/statistik.csv", &ib).await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    let bent = lines.iter().find(|line| line.contains("bs-4711")).unwrap();
    assert!(
        bent.starts_with("Anvendelser;bs-4711;Bent Borgerservice;Borgerservice;"),
        "{bent}"
    );
    assert!(bent.contains(";2;2;0;"), "two look-ups, both reads: {bent}");
    assert!(lines
        .iter()
        .any(|line| line.starts_with("Uden anvendelser;bs-0000;Ida Inaktiv")));
    assert!(lines.iter().any(|line| line.contains("jc-0815")));
    let (_, sara) = sign_in_at(&app, "/medarbejder/log-ind", "sagsbehandler").await;
    let refused = get_with_cookie(&app, "/kontrol/statistik.csv", &sara).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_completed_review_removes_the_marked_staff_member_from_the_portal(pool: PgPool) {
    world(&pool).await;
    in_directory(&pool, "bs-4711", "Bent Borgerservice", "BS").await;
    let app = router(pool.clone());
    let (_, lene) = sign_in_at(&app, "/medarbejder/log-ind", "leder").await;
    let (_, kim) = sign_in_at(&app, "/medarbejder/log-ind", "kollega").await;
    let (_, dan) = sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    let (_, sara) = sign_in_at(&app, "/medarbejder/log-ind", "sagsbehandler").await;
    let (_, jonna) = sign_in_at(&app, "/medarbejder/log-ind", "jcleder").await;

    // Only the DPO starts a review.
    let refused = post_form(&app, "/kontrol/autorisationer", &lene, &[("unit", "BS")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let started = post_form(&app, "/kontrol/autorisationer", &dan, &[("unit", "BS")]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let review = started.location().to_owned();
    let again = post_form(&app, "/kontrol/autorisationer", &dan, &[("unit", "BS")]).await;
    // (The form's own page: shown again at once.)
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("allerede en gennemgang i gang"));
    let told: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM mail_outbox WHERE kind = 'review_request' AND to_address = 'lene@eksempel.dk'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(told, 1, "the manager is told");

    // Kim, Lene, Sara (the portal) and Bent (the directory) are to be decided.
    let items: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, person FROM authorisation_review_items ORDER BY person")
            .fetch_all(&pool)
            .await
            .unwrap();
    let people: Vec<&str> = items.iter().map(|(_, person)| person.as_str()).collect();
    assert!(people.contains(&"bs-4711"), "{people:?}");
    assert_eq!(people.len(), 4, "{people:?}");
    let page = get_with_cookie(&app, &review, &lene).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Kim Kollega") && page.body.contains("Log ind i perioden"));
    assert!(page.body.contains("skal kommunen selv fjerne"));
    // Another unit's manager sees nothing of it.
    let other = get_with_cookie(&app, &review, &jonna).await;
    assert!(!other.body.contains("Kim Kollega"));
    assert!(
        other.body.contains("Gennemgangen findes ikke"),
        "{}",
        other.body
    );

    let complete = format!("{review}/afslut");
    let early = post_form(&app, &complete, &lene, &[]).await;
    let early = returned_page(&app, early, &review, &lene).await;
    assert!(early.body.contains("4 personer mangler"), "{}", early.body);

    let kim_id: String =
        sqlx::query_scalar("SELECT id FROM staff_members WHERE name = 'Kim Kollega'")
            .fetch_one(&pool)
            .await
            .unwrap();
    for (item, person) in &items {
        let decision = if *person == kim_id { "remove" } else { "keep" };
        let path = format!("{review}/personer/{item}");
        let foreign = post_form(
            &app,
            &path,
            &jonna,
            &[("item", &item.to_string()), ("decision", decision)],
        )
        .await;
        assert_eq!(foreign.status, StatusCode::SEE_OTHER);
        let missing = post_form(&app, &path, &lene, &[("item", &item.to_string())]).await;
        let missing = returned_page(&app, missing, &review, &lene).await;
        assert!(missing
            .body
            .contains("Vælg, om adgangen skal beholdes eller fjernes."));
        let decided = post_form(
            &app,
            &path,
            &lene,
            &[("item", &item.to_string()), ("decision", decision)],
        )
        .await;
        assert_eq!(decided.status, StatusCode::SEE_OTHER);
        assert!(
            decided.location().contains("gemt="),
            "{}",
            decided.location()
        );
    }
    let decided_by: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT decided_by FROM authorisation_review_items")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(decided_by.len(), 1, "only Lene decided: {decided_by:?}");
    assert!(decided_by[0].starts_with("Lene Leder"));

    let done = post_form(&app, &complete, &lene, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    // Kim is signed out, refused at sign-in, and no longer assignable.
    let signed_out = get_with_cookie(&app, "/sagsbehandling", &kim).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert!(signed_out.location().starts_with("/medarbejder/log-ind"));
    let (landing, _) = sign_in_at(&app, "/medarbejder/log-ind", "kollega").await;
    assert_eq!(landing, "/log-ind/afvist?grund=fjernet");
    let rejected: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM access_rejections WHERE reason = 'staff_deactivated'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(rejected, 1);
    let queue = get_with_cookie(&app, "/sagsbehandling", &sara).await;
    assert!(queue.status == StatusCode::OK);
    let assignable: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM staff_members WHERE unit_code = 'BS' AND deactivated_at IS NULL AND 'caseworker' = ANY(roles)",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(assignable, ["Sara Sagsbehandler"]);

    // The DPO gives Kim access again.
    let restored = post_form(
        &app,
        "/kontrol/autorisationer/genaktiver",
        &dan,
        &[("staff", &kim_id)],
    )
    .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let (landing, _) = sign_in_at(&app, "/medarbejder/log-ind", "kollega").await;
    assert_eq!(landing, "/sagsbehandling");
    // A completed review takes no more decisions.
    let (item, _) = &items[0];
    let late = post_form(
        &app,
        &format!("{review}/personer/{item}"),
        &lene,
        &[("item", &item.to_string()), ("decision", "remove")],
    )
    .await;
    let late = returned_page(&app, late, &review, &lene).await;
    assert!(late.body.contains("er afsluttet"), "{}", late.body);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn late_reviews_and_due_units_are_reminded_once(pool: PgPool) {
    world(&pool).await;
    let app = router(pool.clone());
    sign_in_at(&app, "/medarbejder/log-ind", "leder").await;
    let (_, dan) = sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    let started = post_form(&app, "/kontrol/autorisationer", &dan, &[("unit", "BS")]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let url = "https://indblik.example";
    let dpo = "dpo@kommune.example";
    let now = clock::now();
    // Within the deadline: the DPO is told of the units never reviewed
    // (every unit with people but Borgerservice), the manager nothing.
    let sent = remind(&pool, dpo, url, now).await.unwrap();
    assert_eq!(sent, 1);
    let body: String = sqlx::query_scalar("SELECT body FROM mail_outbox WHERE kind = 'review_due'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(
        body.contains("Jura") || body.contains("Jobcenter"),
        "{body}"
    );
    assert!(!body.contains("Borgerservice"), "{body}");
    assert_eq!(
        remind(&pool, dpo, url, now).await.unwrap(),
        0,
        "told once a month"
    );
    // Past the deadline: Lene is reminded, once a week.
    let late = now + Duration::days(31);
    assert_eq!(
        remind(&pool, dpo, url, late).await.unwrap(),
        2,
        "Lene, and the DPO a month on"
    );
    assert_eq!(
        remind(&pool, dpo, url, late + Duration::hours(1))
            .await
            .unwrap(),
        0
    );
    let reminders: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM mail_outbox WHERE kind = 'review_reminder' AND to_address = 'lene@eksempel.dk'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reminders, 1);
}
