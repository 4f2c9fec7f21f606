//! Data-subject requests through the real router, the real test identity
//! providers and PostgreSQL: filing with the receipt and deadline, every
//! transition and every illegal one, extension rules, the access answer's
//! export, concurrent edits, authorisation for each role, the staff access
//! event in the citizen's log, paper requests, and the DPO's overview.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use chrono::Duration;
use sqlx::PgPool;

use app::dates::date_text;
use app::deadline::deadlines;
use app::i18n::Lang;
use server::access_log::partitions;
use server::demo_data;

use crate::support::{
    get_with_cookie, post_form, request_version, returned_page, router, send, sign_in_at,
    test_config, Reply,
};

struct Portal {
    app: Router,
    anna: String,
    bo: String,
    sara: String,
}

async fn portal(pool: &PgPool) -> Portal {
    demo_data::load(pool).await.unwrap();
    // As the server does at start: the log's partitions for this month and ahead.
    let months = partitions::months_to_keep_ready(server::clock::now(), 6);
    partitions::ensure(pool, &months).await.unwrap();
    let app = router(pool.clone());
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    let (_, bo) = sign_in_at(&app, "/log-ind", "bo").await;
    let (landing, sara) = sign_in_at(&app, "/medarbejder/log-ind", "sagsbehandler").await;
    assert_eq!(landing, "/sagsbehandling");
    Portal {
        app,
        anna,
        bo,
        sara,
    }
}

async fn staff(app: &Router, account: &str) -> String {
    sign_in_at(app, "/medarbejder/log-ind", account).await.1
}

/// Files an access request as the citizen behind `cookie`; returns its id.
async fn file_access_request(app: &Router, cookie: &str) -> i64 {
    let reply = post_form(
        app,
        "/henvendelser/ny/indsigt",
        cookie,
        &[("about", "Alt hvad I har om mig")],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    id_in(reply.location(), "/henvendelser/")
}

fn id_in(location: &str, prefix: &str) -> i64 {
    location
        .strip_prefix(prefix)
        .and_then(|rest| rest.split(['/', '?']).next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no request id in {location}"))
}

/// The version field of the first form on a page.
fn version(page: &Reply) -> String {
    let at = page
        .body
        .find("name=\"version\" value=\"")
        .unwrap_or_else(|| panic!("a version field in {}", page.body))
        + 22;
    page.body[at..].split('"').next().unwrap().to_owned()
}

async fn status_of(pool: &PgPool, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM data_requests WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

async fn history_len(pool: &PgPool, id: i64) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM data_request_events WHERE request_id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// How many uses of type `use_type` staff made of the citizen's data
/// through request `id` (logged with the request's number).
async fn uses_of(pool: &PgPool, id: i64, use_type: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM access_events WHERE case_reference = $1 AND use_type = $2",
    )
    .bind(format!("H-{id:06}"))
    .bind(use_type)
    .fetch_one(pool)
    .await
    .unwrap()
}

/// Posts action `action` on request `id` as `cookie`, with the version the
/// case page shows now.
async fn act(app: &Router, cookie: &str, id: i64, action: &str, fields: &[(&str, &str)]) -> Reply {
    let page = get_with_cookie(app, &format!("/sagsbehandling/{id}"), cookie).await;
    let version = version(&page);
    let mut all = vec![("version", version.as_str())];
    all.extend_from_slice(fields);
    post_form(app, &format!("/sagsbehandling/{id}/{action}"), cookie, &all).await
}

/// Registers a request received `days_ago` days ago by `channel`, as `cookie`.
async fn register(
    app: &Router,
    cookie: &str,
    kind: &str,
    channel: &str,
    days_ago: i64,
    (name, cpr): (&str, &str),
) -> Reply {
    let received = (server::clock::now() - Duration::days(days_ago))
        .with_timezone(&chrono_tz::Europe::Copenhagen);
    post_form(
        app,
        "/sagsbehandling/registrer",
        cookie,
        &[
            ("kind", kind),
            ("channel", channel),
            ("received_date", &received.format("%Y-%m-%d").to_string()),
            ("received_time", "09:00"),
            ("citizen_name", name),
            ("cpr", cpr),
            ("identity_check", "Underskrevet brev sammenholdt med CPR"),
            ("about", "Registreret henvendelse"),
            ("postal_address", "Testvej 1\n9999 Testby"),
        ],
    )
    .await
}

/// Registers a request from Anna as [`register`] does, and checks it went
/// through; returns the case page's address.
async fn register_for_anna(
    app: &Router,
    cookie: &str,
    kind: &str,
    channel: &str,
    days_ago: i64,
) -> String {
    let registered = register(
        app,
        cookie,
        kind,
        channel,
        days_ago,
        ("Anna Testesen", "240381-9912"),
    )
    .await;
    assert_eq!(
        registered.status,
        StatusCode::SEE_OTHER,
        "{}",
        registered.body
    );
    registered.location().to_owned()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_citizen_files_a_request_and_gets_a_receipt_with_the_deadline(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal { app, anna, bo, .. } = &portal;

    let choose = get_with_cookie(app, "/henvendelser/ny", anna).await;
    for kind in [
        "indsigt",
        "berigtigelse",
        "indsigelse",
        "sletning",
        "begraensning",
    ] {
        assert!(
            choose.body.contains(&format!("/henvendelser/ny/{kind}")),
            "{kind} offered"
        );
    }

    // Errors come back next to the fields, with the text kept; nothing is stored.
    let wrong = post_form(
        app,
        "/henvendelser/ny/berigtigelse",
        anna,
        &[
            ("about", "Min adresse <i CPR>"),
            ("what_is_wrong", ""),
            ("notify_email", "anna@"),
        ],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Skriv, hvad der er det rigtige."));
    assert!(wrong
        .body
        .contains("Skriv, hvilken oplysning der er forkert."));
    assert!(wrong
        .body
        .contains("Skriv en e-mailadresse som navn@eksempel.dk"));
    let kept = wrong
        .body
        .find("Min adresse")
        .map(|at| &wrong.body[at..at + 30]);
    assert_eq!(
        kept,
        Some("Min adresse &lt;i CPR&gt;</tex"),
        "the text is kept, escaped"
    );
    assert!(wrong.body.contains("value=\"anna@\""));
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM data_requests")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);

    let before = server::clock::now();
    let id = file_access_request(app, anna).await;
    let receipt = get_with_cookie(app, &format!("/henvendelser/{id}/kvittering"), anna).await;
    assert_eq!(receipt.status, StatusCode::OK);
    let due = deadlines(before, &test_config().deadline_calendar()).due;
    assert!(receipt.body.contains(&format!("H-{id:06}")));
    assert!(
        receipt.body.contains(&format!(
            "Kommunen svarer dig senest {}",
            date_text(Lang::Da, due)
        )),
        "{}",
        receipt.body
    );
    // The receipt says what was asked for and what was written, and that no
    // e-mail will come (none was given).
    assert!(receipt
        .body
        .contains("Indsigt (databeskyttelsesforordningens artikel 15)"));
    assert!(receipt.body.contains("Alt hvad I har om mig"));
    assert!(receipt.body.contains("Du har ikke oplyst en e-mailadresse"));

    let mine = get_with_cookie(app, "/henvendelser", anna).await;
    assert!(mine.body.contains(&format!("H-{id:06}")) && mine.body.contains("Modtaget"));
    // Stored with the CPR number sealed, never in plain text.
    let sealed: Vec<u8> = sqlx::query_scalar("SELECT cpr_sealed FROM data_requests WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(!sealed.windows(10).any(|window| window == b"2403819912"));

    // Bo can neither see nor touch Anna's request, whatever the address says.
    let other = get_with_cookie(app, &format!("/henvendelser/{id}"), bo).await;
    assert!(other.body.contains("Vi kan ikke finde henvendelsen"));
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let none = get_with_cookie(app, "/henvendelser/999999", bo).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    assert!(!other.body.contains("Alt hvad I har om mig"));
    assert!(!get_with_cookie(app, "/henvendelser", bo)
        .await
        .body
        .contains(&format!("H-{id:06}")));
    let withdraw = post_form(
        app,
        &format!("/henvendelser/{id}/tilbagetraek"),
        bo,
        &[("version", "1")],
    )
    .await;
    assert_eq!(withdraw.status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&pool, id).await, "received");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_caseworker_takes_a_request_through_its_life_and_the_citizen_sees_it(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let id = file_access_request(app, anna).await;

    let queue = get_with_cookie(app, "/sagsbehandling", sara).await;
    assert!(queue.body.contains(&format!("H-{id:06}")) && queue.body.contains("Anna Testesen"));

    // Opening the request is logged on Anna, at unit level, in her own log.
    let case = get_with_cookie(app, &format!("/sagsbehandling/{id}"), sara).await;
    assert!(
        case.body.contains("240381-XXXX") || case.body.contains("240381-****"),
        "masked CPR: {}",
        case.body
    );
    assert!(!case.body.contains("2403819912") && !case.body.contains("240381-9912"));
    // The title names the request; the header says what the portal is to
    // the caseworker, and leads to the queue.
    assert!(case
        .body
        .contains(&format!("<title>Indsigt H-{id:06} · Indblik</title>")));
    let heading = &case.body[case.body.find("solution-heading").unwrap()..];
    assert!(
        heading.starts_with(r#"solution-heading"><a href="/sagsbehandling">Indblik · sagsbehandling af borgernes henvendelser</a>"#),
        "{}",
        &heading[..200]
    );
    let log = get_with_cookie(app, "/min-log", anna).await;
    assert!(
        log.body.contains("Indblik"),
        "the portal's own look-up is in the citizen's log"
    );
    assert!(!log.body.contains("Sara"), "never the employee's name");

    // Revealing the CPR number is a deliberate POST, logged in the history.
    // It goes back to the case page (Post/Redirect/Get), which shows the
    // number once: a reload neither shows it again nor logs a second reveal.
    let revealed = post_form(app, &format!("/sagsbehandling/{id}/vis-cpr"), sara, &[]).await;
    assert_eq!(
        (revealed.status, revealed.location()),
        (
            StatusCode::SEE_OTHER,
            format!("/sagsbehandling/{id}#cpr").as_str()
        )
    );
    assert!(!revealed.body.contains("240381-9912"));
    let case_page = format!("/sagsbehandling/{id}");
    let shown = get_with_cookie(app, &case_page, sara).await;
    assert!(shown.body.contains("240381-9912"));
    let reveals = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM data_request_events WHERE request_id = $1 AND action = 'cpr_revealed'")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    assert_eq!(reveals().await, 1);
    let reloaded = get_with_cookie(app, &case_page, sara).await;
    assert!(!reloaded.body.contains("240381-9912"));
    assert_eq!(reveals().await, 1);
    // A reveal asked for on one request is not shown on another.
    post_form(app, &format!("/sagsbehandling/{id}/vis-cpr"), sara, &[]).await;
    let other = file_access_request(app, anna).await;
    get_with_cookie(app, &format!("/sagsbehandling/{other}"), sara).await;
    assert!(!get_with_cookie(app, &case_page, sara)
        .await
        .body
        .contains("240381-9912"));
    assert_eq!(reveals().await, 1);

    let sara_id: String =
        sqlx::query_scalar("SELECT id FROM staff_members WHERE name = 'Sara Sagsbehandler'")
            .fetch_one(&pool)
            .await
            .unwrap();
    // "Tildel mig" takes it; the select gives it to a colleague in the unit only.
    let mine = act(
        app,
        sara,
        id,
        "tildel",
        &[("to_me", "ja"), ("assignee", "someone-else")],
    )
    .await;
    assert_eq!(mine.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&pool, id).await, "in_progress");
    let assignee: Option<String> =
        sqlx::query_scalar("SELECT assignee_id FROM data_requests WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(assignee, Some(sara_id.clone()));
    let case_page = format!("/sagsbehandling/{id}");
    let stranger = act(app, sara, id, "tildel", &[("assignee", "jobcenter-person")]).await;
    let stranger = returned_page(app, stranger, &case_page, sara).await;
    assert!(stranger.body.contains("Vælg en sagsbehandler i enheden."));

    let asked = act(app, sara, id, "uddybning", &[("body", "Hvilken periode?")]).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&pool, id).await, "awaiting_citizen");

    // The citizen sees the question first, with the form to answer it, and
    // the status worded to them; then answers, and the request is back with
    // the caseworker.
    let page = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    let main = &page.body[page.body.find("<h1").unwrap()..];
    let awaited = main
        .find("Kommunen venter på dit svar")
        .expect("the banner");
    let question = main.find("Hvilken periode?").expect("the question");
    let form = main.find("/besked\"").expect("the reply form");
    let history = main.find("Forløb").expect("the history");
    assert!(awaited < question && question < form && form < history);
    assert!(!main.contains("Afventer borgerens svar"));
    let list = get_with_cookie(app, "/henvendelser", anna).await;
    assert!(list
        .body
        .contains("<strong>Kommunen venter på dit svar</strong>"));
    let answered = post_form(
        app,
        &format!("/henvendelser/{id}/besked"),
        anna,
        &[("version", &version(&page)), ("body", "Det seneste år")],
    )
    .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&pool, id).await, "in_progress");

    // Extend once, with a reason; a second extension is refused with a message.
    let extended = act(
        app,
        sara,
        id,
        "forlaeng",
        &[
            ("reason", "complexity"),
            ("explanation", "Oplysningerne ligger i fem systemer."),
        ],
    )
    .await;
    assert_eq!(extended.status, StatusCode::SEE_OTHER);
    let page = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(
        page.body.contains("forlænget til")
            && page.body.contains("Oplysningerne ligger i fem systemer.")
    );
    let again = post_form(
        app,
        &format!("/sagsbehandling/{id}/forlaeng"),
        sara,
        &[
            (
                "version",
                &version(&get_with_cookie(app, &format!("/sagsbehandling/{id}"), sara).await),
            ),
            ("reason", "number"),
            ("explanation", "Igen"),
        ],
    )
    .await;
    let again = returned_page(app, again, &case_page, sara).await;
    assert!(
        again.body.contains("kun forlænges én gang"),
        "{}",
        again.body
    );

    // An internal note never reaches the citizen.
    assert_eq!(
        act(app, sara, id, "note", &[("body", "Ring til IT om arkivet")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    // The answer to an access request carries the citizen's log as a CSV file.
    let answer = act(
        app,
        sara,
        id,
        "svar",
        &[("body", "Her er dine oplysninger.")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&pool, id).await, "answered");
    let page = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(page.body.contains("Her er dine oplysninger.") && page.body.contains("Besvaret"));
    assert!(
        !page.body.contains("Ring til IT om arkivet"),
        "an internal note leaked"
    );
    let attachment_id: i64 =
        sqlx::query_scalar("SELECT id FROM data_request_attachments WHERE request_id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let csv = get_with_cookie(
        app,
        &format!("/henvendelser/{id}/bilag/{attachment_id}"),
        anna,
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.contains("Dato;Tidspunkt;Enhed") && csv.body.contains("Indblik"),
        "{}",
        csv.body
    );
    let by_bo = get_with_cookie(
        app,
        &format!("/henvendelser/{id}/bilag/{attachment_id}"),
        &portal.bo,
    )
    .await;
    assert_eq!(by_bo.status, StatusCode::NOT_FOUND);

    // Generating the log for the answer and a caseworker downloading it are
    // uses of Anna's data, logged on her; her own download is not.
    assert_eq!(uses_of(&pool, id, "export").await, 1);
    let by_sara = get_with_cookie(
        app,
        &format!("/sagsbehandling/{id}/bilag/{attachment_id}"),
        sara,
    )
    .await;
    assert_eq!(by_sara.status, StatusCode::OK);
    assert_eq!(uses_of(&pool, id, "export").await, 2);

    // Illegal now: answering again, withdrawing; then close.
    let twice = act(app, sara, id, "svar", &[("body", "Igen")]).await;
    let twice = returned_page(app, twice, &case_page, sara).await;
    assert!(twice.body.contains("Det, du sendte, blev ikke gemt"));
    let current = request_version(&pool, id).await;
    let withdraw = post_form(
        app,
        &format!("/henvendelser/{id}/tilbagetraek"),
        anna,
        &[("version", &current)],
    )
    .await;
    let withdraw = returned_page(app, withdraw, &format!("/henvendelser/{id}"), anna).await;
    assert!(withdraw.body.contains("allerede besvaret"));
    assert_eq!(
        act(app, sara, id, "luk", &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&pool, id).await, "closed");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn illegal_transitions_are_refused_and_change_nothing(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;

    // Withdrawn: no answer, no close before... closing is allowed, answering is not.
    let id = file_access_request(app, anna).await;
    let page = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    let withdrawn = post_form(
        app,
        &format!("/henvendelser/{id}/tilbagetraek"),
        anna,
        &[("version", &version(&page))],
    )
    .await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
    let events = history_len(&pool, id).await;
    let answer = act(app, sara, id, "svar", &[("body", "Svar")]).await;
    let answer = returned_page(app, answer, &format!("/sagsbehandling/{id}"), sara).await;
    assert!(answer.body.contains("Henvendelsen er trukket tilbage."));
    assert_eq!(status_of(&pool, id).await, "withdrawn");
    assert_eq!(history_len(&pool, id).await, events);

    // Closing an open request is refused.
    let open = file_access_request(app, anna).await;
    let open_page = format!("/sagsbehandling/{open}");
    let close = act(app, sara, open, "luk", &[]).await;
    let close = returned_page(app, close, &open_page, sara).await;
    assert!(close.body.contains("kan først lukkes"));

    // A § 22 restriction needs a written assessment; the citizen gets the
    // ground and the right to complain, never the assessment.
    let missing = act(
        app,
        sara,
        open,
        "afvis",
        &[
            ("scope", "fully"),
            ("ground", "section_22"),
            ("body", "Vi kan ikke give indsigt."),
        ],
    )
    .await;
    let missing = returned_page(app, missing, &open_page, sara).await;
    assert!(missing
        .body
        .contains("kræver en konkret, skriftlig vurdering"));
    assert!(
        missing.body.contains("Vi kan ikke give indsigt."),
        "the text is kept"
    );
    assert_eq!(status_of(&pool, open).await, "received");
    let refused = act(
        app,
        sara,
        open,
        "afvis",
        &[
            ("scope", "fully"),
            ("ground", "section_22"),
            ("body", "Vi kan ikke give indsigt."),
            ("assessment", "Verserende politisag 12-345"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::SEE_OTHER);
    let citizen = get_with_cookie(app, &format!("/henvendelser/{open}"), anna).await;
    assert!(
        citizen.body.contains("databeskyttelseslovens § 22")
            && citizen.body.contains("Datatilsynet")
    );
    assert!(!citizen.body.contains("Verserende politisag"));

    // A letter received 40 days ago: the deadline has passed, so no extension.
    let registered = register_for_anna(app, sara, "erasure", "letter", 40).await;
    let late = id_in(&registered, "/sagsbehandling/");
    let extend = act(
        app,
        sara,
        late,
        "forlaeng",
        &[("reason", "complexity"), ("explanation", "For sent")],
    )
    .await;
    let extend = returned_page(app, extend, &format!("/sagsbehandling/{late}"), sara).await;
    assert!(extend.body.contains("oprindelige frist er overskredet"));
    // The queue marks it overdue; Anna sees the registered request as hers.
    let queue = get_with_cookie(app, "/sagsbehandling", sara).await;
    assert!(queue.body.contains("Overskredet"));
    assert!(get_with_cookie(app, "/henvendelser", anna)
        .await
        .body
        .contains(&format!("H-{late:06}")));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn section_22_is_offered_and_accepted_for_access_only(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let rectification = post_form(
        app,
        "/henvendelser/ny/berigtigelse",
        anna,
        &[
            ("about", "Min adresse"),
            ("what_is_wrong", "Vejnavnet"),
            ("what_is_right", "Gadenavnet"),
        ],
    )
    .await;
    assert_eq!(rectification.status, StatusCode::SEE_OTHER);
    let id = id_in(rectification.location(), "/henvendelser/");
    let page = format!("/sagsbehandling/{id}");
    // Not offered: no § 22 choice and no assessment field on the form.
    let case = get_with_cookie(app, &page, sara).await;
    assert!(
        !case.body.contains(r#"value="section_22""#),
        "{}",
        case.body
    );
    assert!(!case.body.contains(r#"name="assessment""#));
    assert!(case.body.contains(r#"value="unfounded""#));
    // Not accepted: a crafted form comes back with the reason, and the
    // request and its history are as they were.
    let events = history_len(&pool, id).await;
    let crafted = act(
        app,
        sara,
        id,
        "afvis",
        &[
            ("scope", "fully"),
            ("ground", "section_22"),
            ("body", "Vi retter ikke."),
            ("assessment", "Forsøg"),
        ],
    )
    .await;
    assert_eq!(crafted.status, StatusCode::SEE_OTHER);
    let back = returned_page(app, crafted, &page, sara).await;
    assert!(back
        .body
        .contains("Databeskyttelseslovens § 22 kan kun begrænse retten til indsigt."));
    assert_eq!(status_of(&pool, id).await, "received");
    assert_eq!(history_len(&pool, id).await, events);
    // The store refuses it too, past the form.
    let actor = app::caller::Caller::Staff(app::caller::StaffMember {
        id: "sagsbehandler".to_owned(),
        name: "Sara Sagsbehandler".to_owned(),
        roles: vec![app::caller::Role::Caseworker],
        unit: "BS".to_owned(),
    })
    .case_actor()
    .unwrap();
    let refusal = app::requests::forms::Refusal {
        partly: false,
        ground: app::requests::RefusalGround::Section22,
        body: "Vi retter ikke.".to_owned(),
        assessment: Some("Forsøg".to_owned()),
    };
    let settings = crate::support::test_config().request_settings();
    let version: i32 = sqlx::query_scalar("SELECT version FROM data_requests WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let stored = app::requests::store::casework::staff_act(
        &pool,
        &settings,
        &actor,
        id,
        version,
        app::requests::store::StaffAction::Refuse(
            &refusal,
            app::requests::store::Enclosed::default(),
        ),
        server::clock::now(),
    )
    .await;
    assert!(
        matches!(stored, Err(app::requests::store::StoreError::NotAllowed(_))),
        "{stored:?}"
    );
    assert_eq!(status_of(&pool, id).await, "received");
    // For access the ground is offered.
    let access = file_access_request(app, anna).await;
    let case = get_with_cookie(app, &format!("/sagsbehandling/{access}"), sara).await;
    assert!(case.body.contains(r#"value="section_22""#));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn two_caseworkers_acting_at_once_do_not_overwrite_each_other(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let kim = staff(app, "kollega").await;
    let id = file_access_request(app, anna).await;
    let seen_by_sara = version(&get_with_cookie(app, &format!("/sagsbehandling/{id}"), sara).await);
    let seen_by_kim = version(&get_with_cookie(app, &format!("/sagsbehandling/{id}"), &kim).await);

    let first = post_form(
        app,
        &format!("/sagsbehandling/{id}/besked"),
        sara,
        &[("version", &seen_by_sara), ("body", "Fra Sara")],
    )
    .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = post_form(
        app,
        &format!("/sagsbehandling/{id}/uddybning"),
        &kim,
        &[("version", &seen_by_kim), ("body", "Fra Kim")],
    )
    .await;
    let second = returned_page(app, second, &format!("/sagsbehandling/{id}"), &kim).await;
    assert!(second
        .body
        .contains("er blevet ændret, siden du åbnede siden"));
    assert!(second.body.contains("Fra Sara"), "the fresh state is shown");
    assert_eq!(status_of(&pool, id).await, "in_progress");
    let kims: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM data_request_events WHERE request_id = $1 AND body = 'Fra Kim'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(kims, 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn each_role_sees_and_does_only_its_own(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let id = file_access_request(app, anna).await;
    let jens = staff(app, "jobcenter").await;
    let dan = staff(app, "dpo").await;

    // Another unit's caseworker: not in the queue, not on the page, cannot act.
    assert!(!get_with_cookie(app, "/sagsbehandling", &jens)
        .await
        .body
        .contains(&format!("H-{id:06}")));
    let page = get_with_cookie(app, &format!("/sagsbehandling/{id}"), &jens).await;
    assert!(page.body.contains("hører til en anden enhed") && !page.body.contains("Anna Testesen"));
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let crafted = post_form(
        app,
        &format!("/sagsbehandling/{id}/svar"),
        &jens,
        &[("version", "1"), ("body", "Svar")],
    )
    .await;
    assert_eq!(crafted.status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&pool, id).await, "received");

    // The DPO sees every unit's requests but does not act on them.
    assert!(get_with_cookie(app, "/sagsbehandling", &dan)
        .await
        .body
        .contains(&format!("H-{id:06}")));
    let by_dpo = post_form(
        app,
        &format!("/sagsbehandling/{id}/svar"),
        &dan,
        &[("version", "1"), ("body", "Svar")],
    )
    .await;
    // The DPO's page has no action forms: a crafted post is refused outright.
    assert_eq!(by_dpo.status, StatusCode::CONFLICT);
    assert!(by_dpo.body.contains("Kun sagsbehandlere i enheden"));
    assert_eq!(status_of(&pool, id).await, "received");
    // The DPO reads but cannot reveal the CPR number, by page or by POST.
    let dpo_case = get_with_cookie(app, &format!("/sagsbehandling/{id}"), &dan).await;
    assert!(dpo_case.body.contains("Anna Testesen") && !dpo_case.body.contains("vis-cpr"));
    let revealed_by_dpo = post_form(app, &format!("/sagsbehandling/{id}/vis-cpr"), &dan, &[]).await;
    assert_eq!(revealed_by_dpo.status, StatusCode::FORBIDDEN);
    assert!(!revealed_by_dpo.body.contains("240381-9912"));
    let reveals: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM data_request_events WHERE request_id = $1 AND action = 'cpr_revealed'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(reveals, 0);
    let registered_by_dpo = post_form(
        app,
        "/sagsbehandling/registrer",
        &dan,
        &[("kind", "access"), ("channel", "letter")],
    )
    .await;
    assert_eq!(registered_by_dpo.status, StatusCode::CONFLICT);
    assert!(registered_by_dpo
        .body
        .contains("Kun sagsbehandlere kan behandle henvendelser"));

    // An action the address does not name is not found, and changes nothing.
    for unknown in ["slet", "Luk", "luk%20", "vis-cpr-igen"] {
        let crafted = post_form(
            app,
            &format!("/sagsbehandling/{id}/{unknown}"),
            sara,
            &[("version", "1"), ("body", "x")],
        )
        .await;
        assert_eq!(crafted.status, StatusCode::NOT_FOUND, "{unknown}");
    }
    assert_eq!(status_of(&pool, id).await, "received");

    // Citizens are kept out of staff pages, staff out of citizens' pages.
    assert_eq!(
        get_with_cookie(app, "/sagsbehandling", anna).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_form(
            app,
            &format!("/sagsbehandling/{id}/svar"),
            anna,
            &[("version", "1"), ("body", "x")]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_form(app, "/henvendelser/ny/indsigt", sara, &[("about", "x")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get_with_cookie(app, "/dpo/henvendelser.csv", sara)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_question_about_a_log_row_is_a_request_for_access_answered_by_the_log_question_unit(
    pool: PgPool,
) {
    let portal = portal(&pool).await;
    let Portal { app, anna, bo, .. } = &portal;
    server::demo_events::load_story(
        &pool,
        &test_config().subject_key_pepper,
        server::clock::now(),
    )
    .await
    .unwrap();
    let log = get_with_cookie(app, "/min-log?system=esdh", anna).await;
    let at = log
        .body
        .find("/henvendelser/ny?opslag=")
        .expect("a question link")
        + 24;
    let row: String = log.body[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();

    let form = get_with_cookie(app, &format!("/henvendelser/ny?opslag={row}"), anna).await;
    assert!(form.body.contains("Opslaget, du spørger om") && form.body.contains("Jobcenter"));
    // Bo cannot ask about Anna's row.
    let crafted = post_form(
        app,
        "/henvendelser/ny/spoergsmaal-til-opslag",
        bo,
        &[("opslag", &row), ("about", "Hvorfor?")],
    )
    .await;
    assert_eq!(crafted.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(crafted
        .body
        .contains("Vi kan ikke finde opslaget i din log"));

    let asked = post_form(
        app,
        "/henvendelser/ny/spoergsmaal-til-opslag",
        anna,
        &[
            ("opslag", &row),
            ("about", "Hvorfor så Jobcenter mine oplysninger?"),
        ],
    )
    .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let id = id_in(asked.location(), "/henvendelser/");
    let (kind, unit): (String, String) = sqlx::query_as(
        "SELECT r.kind, u.code FROM data_requests r JOIN org_units u ON u.id = r.org_unit_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    // Not to Jobcenter, whose look-up is asked about: to the configured
    // unit (the DPO's, JUR, by default).
    assert_eq!((kind.as_str(), unit.as_str()), ("log_question", "JUR"));
    let page = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(page.body.contains(&format!("Opslag nr. {row}")));
    assert!(page
        .body
        .contains("anmodning om indsigt i netop den behandling"));
    assert!(page.body.contains("artikel 15") && !page.body.contains("artikel 21"));
    // Jobcenter's caseworker does not see it; the jurist does, and may
    // restrict it under § 22 like any access request.
    let jens = staff(app, "jobcenter").await;
    let jens_case = get_with_cookie(app, &format!("/sagsbehandling/{id}"), &jens).await;
    assert_eq!(jens_case.status, StatusCode::NOT_FOUND);
    let julie = staff(app, "jurist").await;
    let julie_case = get_with_cookie(app, &format!("/sagsbehandling/{id}"), &julie).await;
    assert!(julie_case.body.contains(r#"value="section_22""#));
    // The DPO counts it as a question about a look-up, on its own.
    let dan = staff(app, "dpo").await;
    let overview = get_with_cookie(app, "/dpo", &dan).await;
    assert!(
        overview
            .body
            .contains("<th scope=\"row\">Spørgsmål til opslag</th><td>1</td>"),
        "{}",
        overview.body
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_dpo_overview_counts_every_units_deadlines(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app,
        anna,
        bo,
        sara,
    } = &portal;
    let dan = staff(app, "dpo").await;
    let answered = file_access_request(app, anna).await;
    let _open = file_access_request(app, bo).await;
    assert_eq!(
        act(app, sara, answered, "svar", &[("body", "Svar")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // One overdue: received 40 days ago by letter.
    let registered = register(
        app,
        sara,
        "access",
        "phone",
        40,
        ("Bo Prøvesen", "1207559987"),
    )
    .await;
    assert_eq!(registered.status, StatusCode::SEE_OTHER);

    let page = get_with_cookie(app, "/dpo", &dan).await;
    assert_eq!(page.status, StatusCode::OK);
    // The key figure links to the filtered queue, is red above zero and
    // says "1 åben henvendelse har" in the singular.
    assert!(
        page.body.contains(r#"<a href="/sagsbehandling?frist=overskredet"><strong class="badge badge-error">1</strong> åben henvendelse har overskredet fristen"#),
        "{}",
        page.body
    );
    let overdue = get_with_cookie(app, "/sagsbehandling?frist=overskredet", &dan).await;
    let late = app::requests::request_number(id_in(registered.location(), "/sagsbehandling/"));
    assert!(overdue.body.contains(&late));
    assert!(
        overdue.body.contains("1 åben henvendelse."),
        "{}",
        overdue.body
    );

    // The queue finds a request by its number or the citizen's name, an
    // answered one only when its status is chosen, and takes a `%` as text.
    let number = app::requests::request_number(answered);
    let queue = |query: String| async move {
        get_with_cookie(app, &format!("/sagsbehandling?{query}"), sara)
            .await
            .body
    };
    assert!(queue(format!("q={number}"))
        .await
        .contains("0 åbne henvendelser, der passer på søgningen."));
    let found = queue(format!("status=answered&q={}", answered)).await;
    assert!(
        found.contains(&number) && found.contains("1 henvendelse, der passer på søgningen."),
        "{found}"
    );
    let by_name = queue("q=pr%C3%B8vesen".to_owned()).await;
    assert!(
        by_name.contains("Bo Prøvesen") && !by_name.contains("Anna Testesen"),
        "{by_name}"
    );
    assert!(queue("q=%25".to_owned())
        .await
        .contains("0 åbne henvendelser"));
    assert!(page.body.contains("Andel besvaret inden for fristen"));
    assert!(
        page.body
            .contains("<th scope=\"row\">Borgerservice</th><td>2</td><td>1</td>"),
        "per unit: 2 open, 1 overdue"
    );

    // A withdrawn request is no decision: not decided, not in time, even
    // once it is closed.
    let withdrawn = file_access_request(app, anna).await;
    let citizen_page = get_with_cookie(app, &format!("/henvendelser/{withdrawn}"), anna).await;
    let withdraw = post_form(
        app,
        &format!("/henvendelser/{withdrawn}/tilbagetraek"),
        anna,
        &[("version", &version(&citizen_page))],
    )
    .await;
    assert_eq!(withdraw.status, StatusCode::SEE_OTHER);
    assert_eq!(
        act(app, sara, withdrawn, "luk", &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&pool, withdrawn).await, "closed");
    let decided: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT decided_at FROM data_requests WHERE id = $1")
            .bind(withdrawn)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(decided, None);

    let csv = get_with_cookie(app, "/dpo/henvendelser.csv", &dan).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 5, "header and four requests");
    assert!(csv
        .body
        .contains(&format!("H-{answered:06};Indsigt;Besvaret;Borgerservice")));
    let withdrawn_line = csv
        .body
        .lines()
        .find(|line| line.starts_with(&format!("H-{withdrawn:06};")))
        .unwrap();
    // Number;Type;Status;Enhed;Modtaget;Frist;Forlænget;Afgjort;Dage;Inden for fristen
    let cells: Vec<&str> = withdrawn_line.split(';').collect();
    assert_eq!(cells[2], "Lukket");
    assert_eq!(&cells[7..], ["", "", ""], "{withdrawn_line}");
    assert!(!csv.body.contains("Anna") && !csv.body.contains("2403819912"));
    // Only the one answered request counts as decided on the page.
    let page = get_with_cookie(app, "/dpo", &dan).await;
    assert!(
        page.body
            .contains("<th scope=\"row\">Borgerservice</th><td>2</td><td>1</td><td>0</td><td>1</td><td>100 %</td>"),
        "{}",
        page.body
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_control_character_in_a_form_or_a_filter_is_an_error_not_a_failure(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let reply = post_form(
        app,
        "/henvendelser/ny/indsigt",
        anna,
        &[
            ("about", "Alt\u{0}om mig"),
            ("notify_email", "anna\u{0}@eksempel.dk"),
        ],
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert!(reply.body.contains("kontroltegn"));
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM data_requests")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(stored, 0);

    let id = file_access_request(app, anna).await;
    let note = post_form(
        app,
        &format!("/sagsbehandling/{id}/note"),
        sara,
        &[("version", "1"), ("body", "note\u{0}")],
    )
    .await;
    let note = returned_page(app, note, &format!("/sagsbehandling/{id}"), sara).await;
    assert!(note.body.contains("kontroltegn"), "{}", note.body);
    assert_eq!(request_version(&pool, id).await, "1");

    let queue = get_with_cookie(app, "/sagsbehandling?enhed=%00", sara).await;
    assert_eq!(queue.status, StatusCode::OK);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_link_from_another_site_opens_no_request_and_blocks_no_one(pool: PgPool) {
    let Portal {
        app, anna, sara, ..
    } = portal(&pool).await;
    let id = file_access_request(&app, &anna).await;
    let navigate = |path: String, cookie: String, site: &'static str| {
        let app = app.clone();
        async move {
            let request = Request::get(path)
                .header(header::COOKIE, cookie)
                .header("sec-fetch-site", site)
                .body(Body::empty())
                .unwrap();
            send(&app, request).await
        }
    };
    let events = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM access_events")
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    let before = events().await;

    // A link in a mail or on another site stops at a page that asks first.
    let opening = format!("/sagsbehandling/{id}/aabn");
    for path in [
        format!("/sagsbehandling/{id}"),
        format!("/sagsbehandling/{id}/bilag/1"),
    ] {
        let held = navigate(path, sara.clone(), "cross-site").await;
        assert_eq!(held.status, StatusCode::SEE_OTHER);
        assert_eq!(held.location(), opening);
    }
    let page = navigate(opening.clone(), sara.clone(), "cross-site").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(&format!(r#"href="/sagsbehandling/{id}""#)),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!(
        "Åbn henvendelse {}",
        app::requests::request_number(id)
    )));
    assert_eq!(events().await, before, "nothing was looked up");

    // The caseworker's own click opens it, and the look-up is logged.
    let opened = navigate(format!("/sagsbehandling/{id}"), sara.clone(), "same-origin").await;
    assert_eq!(opened.status, StatusCode::OK);
    assert!(opened.body.contains("Anna"), "{}", opened.body);
    assert!(events().await > before, "the look-up is logged");

    // Another site sending a citizen to staff pages again and again is
    // registered, but blocks nobody.
    for _ in 0..6 {
        let refused = navigate("/sagsbehandling".to_owned(), anna.clone(), "cross-site").await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let registered: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM access_rejections WHERE reason = 'page_forbidden_cross_site'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(registered, 6);
    let blocks: i64 = sqlx::query_scalar("SELECT count(*) FROM access_blocks")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(blocks, 0);
    assert_eq!(
        get_with_cookie(&app, "/min-log", &anna).await.status,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_staff_look_up_is_logged_with_the_staff_members_own_unit(pool: PgPool) {
    let Portal {
        app, anna, sara, ..
    } = portal(&pool).await;
    let id = file_access_request(&app, &anna).await;
    let dpo = staff(&app, "dpo").await;
    for cookie in [&sara, &dpo] {
        let page = get_with_cookie(&app, &format!("/sagsbehandling/{id}"), cookie).await;
        assert_eq!(page.status, StatusCode::OK);
    }
    let units: Vec<(String, String)> = sqlx::query_as(
        "SELECT e.actor, u.code FROM access_events e JOIN org_units u ON u.id = e.org_unit_id
         WHERE e.case_reference = $1 AND e.use_type = 'read' ORDER BY e.occurred_at",
    )
    .bind(app::requests::request_number(id))
    .fetch_all(&pool)
    .await
    .unwrap();
    // The request is Borgerservice's (BS); the DPO belongs to JUR.
    let codes: Vec<&str> = units.iter().map(|(_, code)| code.as_str()).collect();
    assert_eq!(codes, ["BS", "JUR"], "{units:?}");
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_error_summary_follows_the_order_of_the_fields(pool: PgPool) {
    let Portal { app, sara, .. } = portal(&pool).await;
    // An empty registration, its fields in the order of the page.
    let empty: Vec<(&str, &str)> = [
        "kind",
        "channel",
        "received_date",
        "received_time",
        "citizen_name",
        "cpr",
        "identity_check",
        "about",
    ]
    .iter()
    .map(|name| (*name, ""))
    .collect();
    let reply = post_form(&app, "/sagsbehandling/registrer", &sara, &empty).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = &reply.body[reply.body.find("alert-error").unwrap()..];
    let summary = &summary[..summary.find("</ul>").unwrap()];
    let linked: Vec<&str> = summary
        .split("href=\"#register-")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let mut in_page_order = linked.clone();
    in_page_order.sort_by_key(|field| empty.iter().position(|(name, _)| name == field));
    assert!(linked.len() >= 4, "{linked:?}");
    assert_eq!(linked, in_page_order);
    // Alphabetically "about" would come first; on the page it is last.
    assert_eq!(linked.first(), Some(&"kind"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn opening_a_request_again_the_same_day_is_one_use_to_the_citizen(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let id = file_access_request(app, anna).await;
    for _ in 0..3 {
        let case = get_with_cookie(app, &format!("/sagsbehandling/{id}"), sara).await;
        assert_eq!(case.status, StatusCode::OK);
    }
    // Every look-up is on record for the municipality's control…
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM access_events e JOIN source_systems s ON s.id = e.source_system_id
         WHERE s.code = 'indblik' AND e.use_type = 'read' AND e.case_reference = $1",
    )
    .bind(app::requests::request_number(id))
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, 3);
    // …and the citizen reads them as one use: opening their request.
    let counted: i64 = sqlx::query_scalar(
        "SELECT COALESCE(sum(m.events), 0)::bigint FROM access_summary m
         JOIN source_systems s ON s.id = m.source_system_id
         WHERE s.code = 'indblik' AND m.use_type = 'read'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(counted, 1);
    let log = get_with_cookie(app, "/min-log?system=indblik", anna).await;
    assert!(log.body.contains("åbnede din henvendelse"), "{}", log.body);
    assert!(log.body.contains("1 gang i perioden"), "{}", log.body);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn hidden_entries_are_counted_on_the_case_and_assessed_before_the_answer(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    // Anna has one use hidden under § 22 by the social system, yesterday.
    let ids: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT id FROM source_systems WHERE code = 'social'),
                (SELECT id FROM org_units WHERE code = 'FAM'),
                (SELECT id FROM purposes WHERE code = 'boernesag')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let anna_key = app::identity::subject_key::SubjectKey::derive(
        &test_config().subject_key_pepper,
        &app::identity::cpr::Cpr::parse("2403819912").unwrap(),
    );
    let now = server::clock::now();
    let hidden = server::access_log::event::Event {
        occurred_at: now - Duration::days(1),
        source_event_id: "skjult-1".to_owned(),
        actor: "m1".to_owned(),
        org_unit_id: ids.1,
        use_type: app::access_log::UseType::Read,
        subject: server::access_log::event::Subject::Citizen(anna_key),
        purpose_id: ids.2,
        case_reference: None,
        bulk: false,
        batch_run: None,
        hidden: Some(server::access_log::event::Hidden {
            until: None,
            reason: "Politiets efterforskning".to_owned(),
        }),
        case_closed: false,
    };
    server::access_log::batch::store_all(&pool, ids.0, vec![hidden], now)
        .await
        .unwrap();

    let id = file_access_request(app, anna).await;
    let page = format!("/sagsbehandling/{id}");
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case
        .body
        .contains("Skjulte registreringer i svarets periode"));
    assert!(
        case.body
            .contains("1 registrering fra Det sociale sagssystem, skjult indtil videre: Politiets efterforskning"),
        "{}",
        case.body
    );
    // Only how many, from where, until when and why: not the unit or purpose.
    let section = &case.body[case.body.find("id=\"skjulte\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        !section.contains("Familie") && !section.contains("Børne"),
        "{section}"
    );

    // The answer waits for the assessment, and changes nothing meanwhile.
    let events = history_len(&pool, id).await;
    let early = act(
        app,
        sara,
        id,
        "svar",
        &[("body", "Her er dine oplysninger.")],
    )
    .await;
    let early = returned_page(app, early, &page, sara).await;
    assert!(early.body.contains("Vurder dem under"), "{}", early.body);
    assert_eq!(status_of(&pool, id).await, "received");
    assert_eq!(history_len(&pool, id).await, events);

    // An assessment without a decision comes back; with one it is kept,
    // internal, in the history.
    let missing = act(app, sara, id, "skjulte", &[("text", "Efterforskning")]).await;
    let missing = returned_page(app, missing, &page, sara).await;
    assert!(missing
        .body
        .contains("Vælg, om registreringerne holdes skjult"));
    let assessed = act(
        app,
        sara,
        id,
        "skjulte",
        &[
            ("decision", "keep"),
            (
                "text",
                "Databeskyttelseslovens § 22, stk. 1, nr. 4: efterforskning pågår.",
            ),
        ],
    )
    .await;
    assert_eq!(assessed.status, StatusCode::SEE_OTHER, "{}", assessed.body);
    let entry: (String, bool) = sqlx::query_as(
        "SELECT body, internal FROM data_request_events WHERE request_id = $1 AND action = 'hidden_assessed'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(entry.1);
    assert!(entry
        .0
        .contains("Skjulte registreringer i svarets periode: 1. Vurdering: holdes skjult."));
    // The DPO reads it on the case page.
    let dan = staff(app, "dpo").await;
    assert!(get_with_cookie(app, &page, &dan)
        .await
        .body
        .contains("efterforskning pågår"));

    let answered = act(
        app,
        sara,
        id,
        "svar",
        &[("body", "Her er dine oplysninger.")],
    )
    .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&pool, id).await, "answered");
    // The citizen learns nothing of the hidden entry or its assessment.
    let citizen = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(!citizen.body.contains("skjult") && !citizen.body.contains("efterforskning"));

    // A request of another kind has nothing to assess.
    let objection = post_form(
        app,
        "/henvendelser/ny/indsigelse",
        anna,
        &[("about", "Min sag"), ("situation", "Min situation")],
    )
    .await;
    let objection = id_in(objection.location(), "/henvendelser/");
    let other = get_with_cookie(app, &format!("/sagsbehandling/{objection}"), sara).await;
    assert!(!other.body.contains("Skjulte registreringer") && !other.body.contains("/skjulte\""));
    let crafted = act(
        app,
        sara,
        objection,
        "skjulte",
        &[("decision", "keep"), ("text", "x")],
    )
    .await;
    let crafted = returned_page(app, crafted, &format!("/sagsbehandling/{objection}"), sara).await;
    assert!(crafted
        .body
        .contains("Der er ingen skjulte registreringer at vurdere"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_caseworker_transfers_a_request_to_another_unit_with_a_reason(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let id = file_access_request(app, anna).await;
    let page = format!("/sagsbehandling/{id}");
    let due_before: chrono::NaiveDate =
        sqlx::query_scalar("SELECT due_on FROM data_requests WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    // Offered with every other unit; not its own.
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case.body.contains(r#"<option value="JC""#), "{}", case.body);
    assert!(!case.body.contains(r#"<option value="BS""#));

    // An unknown unit, its own unit, or no reason: nothing moves.
    let events = history_len(&pool, id).await;
    for fields in [
        vec![("unit", "XX"), ("reason", "Forkert enhed")],
        vec![("unit", "BS"), ("reason", "Forkert enhed")],
        vec![("unit", "JC")],
    ] {
        let refused = act(app, sara, id, "overfoer", &fields).await;
        assert_eq!(refused.status, StatusCode::SEE_OTHER, "{fields:?}");
        assert_eq!(refused.location(), page, "{fields:?}");
        let unit: String = sqlx::query_scalar(
            "SELECT u.code FROM data_requests r JOIN org_units u ON u.id = r.org_unit_id WHERE r.id = $1",
        )
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(unit, "BS");
        assert_eq!(history_len(&pool, id).await, events);
    }
    let back = act(
        app,
        sara,
        id,
        "overfoer",
        &[("unit", "XX"), ("reason", "x")],
    )
    .await;
    let back = returned_page(app, back, &page, sara).await;
    assert!(back.body.contains("Vælg en anden enhed fra listen"));

    let moved = act(
        app,
        sara,
        id,
        "overfoer",
        &[
            ("unit", "JC"),
            ("reason", "Oplysningerne ligger i Jobcentret."),
        ],
    )
    .await;
    assert_eq!(moved.location(), "/sagsbehandling?besked=overfoert");
    let queue = get_with_cookie(app, moved.location(), sara).await;
    assert!(queue.body.contains("Henvendelsen er overført"));
    assert!(!queue.body.contains(&format!("H-{id:06}")));
    assert_eq!(
        get_with_cookie(app, &page, sara).await.status,
        StatusCode::NOT_FOUND
    );
    // Jobcenter has it, with the same deadline.
    let jens = staff(app, "jobcenter").await;
    assert!(get_with_cookie(app, "/sagsbehandling", &jens)
        .await
        .body
        .contains(&format!("H-{id:06}")));
    let due_after: chrono::NaiveDate =
        sqlx::query_scalar("SELECT due_on FROM data_requests WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(due_after, due_before);
    // The citizen sees who handles it now, and why.
    let citizen = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(citizen
        .body
        .contains("Overført fra Borgerservice til Jobcenter. Oplysningerne ligger i Jobcentret."));
    assert!(
        citizen
            .body
            .contains("<dt>Behandles af</dt><dd>Jobcenter</dd>"),
        "{}",
        citizen.body
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn consent_withdrawal_human_review_and_other_can_be_filed_and_registered(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let choices = get_with_cookie(app, "/henvendelser/ny", anna).await;
    for (slug, title) in [
        ("tilbagekald-samtykke", "Træk et samtykke tilbage"),
        (
            "menneskelig-vurdering",
            "Få en automatisk afgørelse vurderet af et menneske",
        ),
        ("andet", "Spørg om noget andet om dine oplysninger"),
    ] {
        assert!(
            choices
                .body
                .contains(&format!(r#"<a href="/henvendelser/ny/{slug}">{title}</a>"#)),
            "{slug}"
        );
        let filed = post_form(
            app,
            &format!("/henvendelser/ny/{slug}"),
            anna,
            &[("about", "Min ydelse fra 1. oktober")],
        )
        .await;
        assert_eq!(
            filed.status,
            StatusCode::SEE_OTHER,
            "{slug}: {}",
            filed.body
        );
    }
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM data_requests ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(kinds, ["consent_withdrawal", "human_review", "other"]);
    // The registration form takes every kind a letter can bring.
    let registered = register_for_anna(app, sara, "human_review", "letter", 2).await;
    let case = get_with_cookie(app, &registered, sara).await;
    assert!(case
        .body
        .contains("Menneskelig vurdering af en automatisk afgørelse"));
    assert!(case.body.contains("artikel 22, stk. 3"));
    // § 22 cannot refuse them.
    assert!(!case.body.contains(r#"value="section_22""#));
}

/// The mails in the outbox to `to`, by subject.
async fn subjects_to(pool: &PgPool, to: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT subject FROM mail_outbox WHERE to_address = $1 ORDER BY id")
        .bind(to)
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_caseworker_asks_the_dpo_who_answers_once_and_the_decision_says_if_it_follows(
    pool: PgPool,
) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let id = file_access_request(app, anna).await;
    let page = format!("/sagsbehandling/{id}");
    let number = format!("H-{id:06}");
    let dan = staff(app, "dpo").await;
    let jens = staff(app, "jobcenter").await;

    // Nothing waits: the DPO's page says so, and the DPO has no form to post.
    let dpo_page = get_with_cookie(app, "/dpo", &dan).await;
    assert!(dpo_page.body.contains("Ingen sagsbehandler venter på råd."));
    assert!(!get_with_cookie(app, &page, &dan)
        .await
        .body
        .contains("Giv dit råd"));

    // An empty question is an error; another unit's caseworker cannot ask.
    let empty = act(app, sara, id, "spoerg-dpo", &[("body", " ")]).await;
    let empty = returned_page(app, empty, &page, sara).await;
    assert!(empty.body.contains("Skriv en tekst"), "{}", empty.body);
    let crafted = post_form(
        app,
        &format!("{page}/spoerg-dpo"),
        &jens,
        &[("version", "1"), ("body", "Hvad gør jeg?")],
    )
    .await;
    assert_eq!(crafted.status, StatusCode::NOT_FOUND);

    let asked = act(
        app,
        sara,
        id,
        "spoerg-dpo",
        &[("body", "Skal vi udlevere notaterne fra 2019?")],
    )
    .await;
    assert_eq!(asked.location(), format!("{page}?besked=dpo-spurgt"));
    // The DPO is told by mail, with the number and no name.
    let mails = subjects_to(&pool, "dpo@test.dk").await;
    assert!(
        mails.iter().any(|subject| subject.contains(&number)),
        "{mails:?}"
    );
    // One question at a time.
    let again = act(app, sara, id, "spoerg-dpo", &[("body", "Og så?")]).await;
    let again = returned_page(app, again, &page, sara).await;
    assert!(again.body.contains("har allerede et spørgsmål"));
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case
        .body
        .contains("Venter på råd fra databeskyttelsesrådgiveren"));
    assert!(!case.body.contains("spoerg-dpo-section"), "no second form");

    // The DPO's page lists it; the case page has the DPO's one form.
    let dpo_page = get_with_cookie(app, "/dpo", &dan).await;
    assert!(dpo_page.body.contains(&number) && dpo_page.body.contains("Sara Sagsbehandler"));
    let dpo_case = get_with_cookie(app, &page, &dan).await;
    assert!(dpo_case.body.contains("Giv dit råd"));
    assert!(dpo_case
        .body
        .contains("Skal vi udlevere notaterne fra 2019?"));
    // Only the DPO advises: a caseworker is refused, whatever they post.
    let by_caseworker = post_form(
        app,
        &format!("{page}/raad"),
        sara,
        &[("version", &version(&dpo_case)), ("body", "Ja")],
    )
    .await;
    assert_eq!(by_caseworker.status, StatusCode::FORBIDDEN);

    let advice = "Ja, men overstreg oplysninger om andre personer.";
    let advised = post_form(
        app,
        &format!("{page}/raad"),
        &dan,
        &[("version", &version(&dpo_case)), ("body", advice)],
    )
    .await;
    assert_eq!(advised.location(), format!("{page}?besked=dpo-raad"));
    let mails = subjects_to(&pool, "sara@eksempel.dk").await;
    assert!(
        mails.iter().any(|subject| subject.contains("har svaret")),
        "{mails:?}"
    );
    // A second answer finds nothing waiting and changes nothing.
    let events = history_len(&pool, id).await;
    let dpo_case = get_with_cookie(app, &page, &dan).await;
    assert!(!dpo_case.body.contains("Giv dit råd"));
    let now_version = request_version(&pool, id).await;
    let second = post_form(
        app,
        &format!("{page}/raad"),
        &dan,
        &[("version", &now_version), ("body", "Nej alligevel")],
    )
    .await;
    let second = returned_page(app, second, &page, &dan).await;
    assert!(second.body.contains("ikke noget spørgsmål, der venter"));
    assert_eq!(history_len(&pool, id).await, events);
    assert!(get_with_cookie(app, "/dpo", &dan)
        .await
        .body
        .contains("Ingen sagsbehandler venter på råd."));

    // The caseworker reads the advice; the citizen sees neither question
    // nor advice.
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case.body.contains(advice));
    let citizen = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(!citizen.body.contains(advice) && !citizen.body.contains("notaterne"));

    // The answer must say whether it follows the advice, and why not.
    let answer = "Her er dine oplysninger.";
    let silent = act(app, sara, id, "svar", &[("body", answer)]).await;
    let silent = returned_page(app, silent, &page, sara).await;
    assert!(silent.body.contains("Vælg, om afgørelsen følger"));
    let unexplained = act(
        app,
        sara,
        id,
        "svar",
        &[("body", answer), ("advice_followed", "nej")],
    )
    .await;
    let unexplained = returned_page(app, unexplained, &page, sara).await;
    assert!(unexplained
        .body
        .contains("Skriv, hvorfor afgørelsen ikke følger"));
    assert_eq!(status_of(&pool, id).await, "received");
    let answered = act(
        app,
        sara,
        id,
        "svar",
        &[
            ("body", answer),
            ("advice_followed", "nej"),
            ("advice_deviation", "Borgeren har selv givet oplysningerne."),
        ],
    )
    .await;
    assert_eq!(answered.location(), format!("{page}?besked=besvaret"));
    let history: Vec<(String, Option<String>, bool)> = sqlx::query_as(
        "SELECT action, body, internal FROM data_request_events WHERE request_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let entries: Vec<&str> = history.iter().map(|(action, ..)| action.as_str()).collect();
    assert_eq!(
        entries,
        [
            "received",
            "dpo_consulted",
            "dpo_advised",
            "answered",
            "advice_not_followed"
        ]
    );
    assert!(history
        .iter()
        .filter(|(action, ..)| action.starts_with("dpo_") || action.starts_with("advice_"))
        .all(|(_, body, internal)| *internal && body.is_some()));
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case
        .body
        .contains("Afgørelsen følger ikke databeskyttelsesrådgiverens råd"));
    // The consultation tables are append-only, as the history is.
    let changed = sqlx::query("DELETE FROM dpo_advice").execute(&pool).await;
    assert!(changed.is_err());
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0";

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn documents_go_with_an_answer_when_they_are_what_their_names_say(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let months = partitions::months_to_keep_ready(server::clock::now(), 6);
    partitions::ensure(&pool, &months).await.unwrap();
    let config = server::config::Config::from_figment(
        crate::support::test_figment().merge(("answer_document_max_mb", 1)),
    )
    .unwrap();
    let app = &crate::support::router_with(&config, pool.clone());
    let (_, anna) = sign_in_at(app, "/log-ind", "anna").await;
    let sara = &staff(app, "sagsbehandler").await;
    let id = file_access_request(app, &anna).await;
    let page = format!("/sagsbehandling/{id}");
    let answer = |files: Vec<(&'static str, &'static str, Vec<u8>)>| {
        let page = page.clone();
        async move {
            let case = get_with_cookie(app, &page, sara).await;
            let version = version(&case);
            let files: Vec<(&str, &str, &[u8])> = files
                .iter()
                .map(|(name, file, bytes)| (*name, *file, bytes.as_slice()))
                .collect();
            crate::support::post_multipart(
                app,
                &format!("{page}/svar"),
                sara,
                &[("version", &version), ("body", "Her er dit svar.")],
                &files,
            )
            .await
        }
    };
    let stored = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM data_request_attachments WHERE request_id = $1",
        )
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap()
    };

    // A PNG called .pdf, a page called .pdf, a file over the limit, and
    // files over the route's limit together: each comes back with what was
    // typed, and nothing is answered or stored.
    let mut big = PDF.to_vec();
    big.resize(1024 * 1024 + 1, b' ');
    let mut huge = PDF.to_vec();
    huge.resize(11 * 1024 * 1024, b' ');
    for (files, says) in [
        (
            vec![("documents", "svar.pdf", PNG.to_vec())],
            "Filen svar.pdf hedder PDF, men dens indhold er PNG.",
        ),
        (
            vec![(
                "documents",
                "svar.pdf",
                b"<html><script>alert(1)</script>".to_vec(),
            )],
            "Filen svar.pdf er ikke en PDF-, PNG- eller JPEG-fil.",
        ),
        (
            vec![
                ("documents", "kort.png", PNG.to_vec()),
                ("documents", "stor.pdf", big),
            ],
            "Filen stor.pdf er større end 1 MB.",
        ),
        (
            vec![("documents", "kæmpe.pdf", huge)],
            "Filerne er for store tilsammen.",
        ),
    ] {
        let refused = answer(files).await;
        let shown = returned_page(app, refused, &page, sara).await;
        assert!(shown.body.contains(says), "{says}: {}", shown.body);
        assert!(
            shown.body.contains("Her er dit svar."),
            "the text is kept: {}",
            shown.body
        );
        assert_eq!(status_of(&pool, id).await, "received");
        assert_eq!(stored().await, 0);
    }

    // A PDF and a JPEG (and an empty chooser) go with the answer and the log.
    let answered = answer(vec![
        ("documents", "Afgørelse.pdf", PDF.to_vec()),
        ("documents", "foto.JPG", JPEG.to_vec()),
        ("documents", "", Vec::new()),
    ])
    .await;
    assert_eq!(answered.location(), format!("{page}?besked=besvaret"));
    let files: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, file_name, content_type FROM data_request_attachments
         WHERE request_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let names: Vec<(&str, &str)> = files
        .iter()
        .map(|(_, name, kind)| (name.as_str(), kind.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Afgørelse.pdf", "application/pdf"),
            ("foto.JPG", "image/jpeg"),
            (
                format!("log-H-{id:06}.csv").as_str(),
                "text/csv; charset=utf-8"
            ),
        ]
    );
    // The citizen downloads the document as it was attached; a caseworker's
    // download is a use of the citizen's data, logged on them.
    let pdf_id = files[0].0;
    let citizen_page = get_with_cookie(app, &format!("/henvendelser/{id}"), &anna).await;
    assert!(citizen_page.body.contains("Afgørelse.pdf"));
    let download = get_with_cookie(app, &format!("/henvendelser/{id}/bilag/{pdf_id}"), &anna).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(download.headers["x-content-type-options"], "nosniff");
    assert_eq!(download.body.as_bytes(), PDF);
    let before = uses_of(&pool, id, "export").await;
    let by_sara = get_with_cookie(app, &format!("{page}/bilag/{pdf_id}"), sara).await;
    assert_eq!(by_sara.status, StatusCode::OK);
    assert_eq!(uses_of(&pool, id, "export").await, before + 1);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn staff_see_only_their_units_rows_of_an_answers_log_and_no_sensitive_name(pool: PgPool) {
    let portal = portal(&pool).await;
    // Anna's demo story: uses by Borgerservice, Jobcenter, Familieafdelingen
    // (the social system, marked sensitive) and others.
    server::demo_events::load_story(
        &pool,
        &test_config().subject_key_pepper,
        server::clock::now(),
    )
    .await
    .unwrap();
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let id = file_access_request(app, anna).await;
    let page = format!("/sagsbehandling/{id}");
    if get_with_cookie(app, &page, sara)
        .await
        .body
        .contains("id=\"hidden-heading\"")
    {
        let assessed = act(
            app,
            sara,
            id,
            "skjulte",
            &[("decision", "keep"), ("text", "Skjules efter § 22.")],
        )
        .await;
        assert_eq!(
            assessed.location(),
            format!("{page}?besked=skjulte-vurderet")
        );
    }
    let answered = act(app, sara, id, "svar", &[("body", "Her er din log.")]).await;
    assert_eq!(answered.location(), format!("{page}?besked=besvaret"));
    let log_id: i64 = sqlx::query_scalar(
        "SELECT id FROM data_request_attachments WHERE request_id = $1 AND file_name LIKE 'log-%'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    let units_in = |csv: &str| -> std::collections::BTreeSet<String> {
        csv.lines()
            .skip(1)
            .filter_map(|line| line.split(';').nth(2))
            .map(|unit| unit.trim_matches('"').to_owned())
            .collect()
    };

    // The citizen's file has every unit, the social system's rows included.
    let citizen = get_with_cookie(app, &format!("/henvendelser/{id}/bilag/{log_id}"), anna).await;
    let everything = units_in(&citizen.body);
    for unit in ["Borgerservice", "Jobcenter", "Familieafdelingen"] {
        assert!(everything.contains(unit), "{unit} in {everything:?}");
    }
    // Sara of Borgerservice: Borgerservice's rows only, in the file and on
    // the page, and the sensitive source neither shown nor named.
    let by_sara = get_with_cookie(app, &format!("{page}/bilag/{log_id}"), sara).await;
    assert_eq!(by_sara.status, StatusCode::OK);
    assert_eq!(
        units_in(&by_sara.body).into_iter().collect::<Vec<_>>(),
        ["Borgerservice"]
    );
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case.body.contains("Loggen i svaret"));
    assert!(case.body.contains("kun din enheds"));
    assert!(case
        .body
        .contains("Ikke vist for dig: rækker fra Jobcenter"));
    assert!(case.body.contains("markeret som følsomme"));
    // (The hidden-entries box above names the systems whose entries are
    // hidden, as the assessment needs; the log's rows name nothing sensitive.)
    let section = case.body.split("id=\"answer-log-heading\"").nth(1).unwrap();
    let section = section.split("</section>").next().unwrap();
    assert!(
        !section.contains("Det sociale sagssystem") && !section.contains("Familieafdelingen"),
        "a sensitive source is not named to another unit: {section}"
    );
    // The DPO sees every row.
    let dan = staff(app, "dpo").await;
    let by_dpo = get_with_cookie(app, &format!("{page}/bilag/{log_id}"), &dan).await;
    assert_eq!(units_in(&by_dpo.body), everything);
    let dpo_case = get_with_cookie(app, &page, &dan).await;
    assert!(dpo_case.body.contains("Du ser dem alle."));
    assert!(dpo_case.body.contains("Det sociale sagssystem"));
    // The rows kept with the answer cannot be changed.
    assert!(sqlx::query("UPDATE answer_log_rows SET unit_code = 'BS'")
        .execute(&pool)
        .await
        .is_err());
}

/// The id of the latest history entry of request `id` with `action`.
async fn entry_of(pool: &PgPool, id: i64, action: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT max(id) FROM data_request_events WHERE request_id = $1 AND action = $2",
    )
    .bind(id)
    .bind(action)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_paper_request_gets_its_notices_as_letters_and_records_when_they_were_sent(pool: PgPool) {
    let portal = portal(&pool).await;
    let Portal {
        app, anna, sara, ..
    } = &portal;
    let registered = register_for_anna(app, sara, "access", "letter", 10).await;
    let id = id_in(&registered, "/sagsbehandling/");
    let page = format!("/sagsbehandling/{id}");
    let receipt = entry_of(&pool, id, "registered").await;
    let letter_page = format!("{page}/brev/{receipt}");

    // The history offers the receipt as a letter, not yet sent.
    let case = get_with_cookie(app, &page, sara).await;
    assert!(
        case.body.contains(&format!("href=\"{letter_page}\"")),
        "{}",
        case.body
    );
    assert!(case.body.contains("ikke registreret som sendt"));

    // The letter: from the municipality, to Anna's address, with the
    // number, the date and the receipt's text; opening it is a logged print.
    let letter = get_with_cookie(app, &letter_page, sara).await;
    assert_eq!(letter.status, StatusCode::OK);
    for part in [
        "Testkommune",
        "Torvet 1",
        "9999 Testby",
        "Anna Testesen",
        "Testvej 1",
        &format!("Henvendelse nr. H-{id:06}"),
        "Vi har modtaget din henvendelse",
        "Vi svarer senest",
    ] {
        assert!(letter.body.contains(part), "{part}: {}", letter.body);
    }
    assert_eq!(uses_of(&pool, id, "print").await, 1);
    // Another unit's caseworker finds nothing; the DPO reads it but does
    // not record anything.
    let jens = staff(app, "jobcenter").await;
    assert_eq!(
        get_with_cookie(app, &letter_page, &jens).await.status,
        StatusCode::NOT_FOUND
    );
    let dan = staff(app, "dpo").await;
    let by_dpo = get_with_cookie(app, &letter_page, &dan).await;
    assert_eq!(by_dpo.status, StatusCode::OK);
    assert!(!by_dpo.body.contains("Registrér afsendelsen"));
    // An entry the request does not have is no letter.
    let internal = receipt + 10_000;
    assert_eq!(
        get_with_cookie(app, &format!("{page}/brev/{internal}"), sara)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Recording the day: not in the future, not before the receipt; then once.
    let today = app::access_log::coverage::local_date(server::clock::now());
    let sent_path = format!("{letter_page}/sendt");
    for (day, says) in [
        (today + chrono::Days::new(1), "fremtiden"),
        (today - chrono::Days::new(30), "før det, det fortæller om"),
    ] {
        let refused = post_form(
            app,
            &sent_path,
            sara,
            &[
                ("version", &request_version(&pool, id).await),
                ("sent_on", &day.to_string()),
            ],
        )
        .await;
        let shown = returned_page(app, refused, &letter_page, sara).await;
        assert!(shown.body.contains(says), "{says}");
    }
    let recorded = post_form(
        app,
        &sent_path,
        sara,
        &[
            ("version", &request_version(&pool, id).await),
            ("sent_on", &today.to_string()),
        ],
    )
    .await;
    assert_eq!(recorded.location(), format!("{page}?besked=brev-sendt"));
    let case = get_with_cookie(app, &page, sara).await;
    assert!(case
        .body
        .contains(&format!("sendt {}", date_text(Lang::Da, today))));
    let again = post_form(
        app,
        &sent_path,
        sara,
        &[
            ("version", &request_version(&pool, id).await),
            ("sent_on", &today.to_string()),
        ],
    )
    .await;
    let again = returned_page(app, again, &letter_page, sara).await;
    assert!(again.body.contains("allerede registreret som sendt"));

    // An extension told by a letter sent after the first month lapses.
    let extended = act(
        app,
        sara,
        id,
        "forlaeng",
        &[("reason", "complexity"), ("explanation", "Mange systemer.")],
    )
    .await;
    assert_eq!(extended.location(), format!("{page}?besked=forlaenget"));
    let extension = entry_of(&pool, id, "extended").await;
    let due: chrono::NaiveDate =
        sqlx::query_scalar("SELECT due_on FROM data_requests WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    let sara_actor = app::caller::Caller::Staff(app::caller::StaffMember {
        id: "sagsbehandler".to_owned(),
        name: "Sara Sagsbehandler".to_owned(),
        roles: vec![app::caller::Role::Caseworker],
        unit: "BS".to_owned(),
    })
    .case_actor()
    .unwrap();
    let version: i32 = request_version(&pool, id).await.parse().unwrap();
    app::requests::store::letters::record_sent(
        &pool,
        &sara_actor,
        id,
        version,
        extension,
        due + chrono::Days::new(1),
        server::clock::now(),
    )
    .await
    .unwrap();
    let still_extended: bool =
        sqlx::query_scalar("SELECT extended_at IS NOT NULL FROM data_requests WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(!still_extended, "the extension lapsed");
    let citizen = get_with_cookie(app, &format!("/henvendelser/{id}"), anna).await;
    assert!(
        citizen.body.contains("Forlængelsen gælder ikke"),
        "{}",
        citizen.body
    );
    // A letter about the lapse is owed too.
    let lapse = entry_of(&pool, id, "extension_lapsed").await;
    let lapse_letter = get_with_cookie(app, &format!("{page}/brev/{lapse}"), sara).await;
    assert!(lapse_letter.body.contains("Fristen for vores svar"));

    // A request filed in the portal offers no letters in its history.
    let filed = file_access_request(app, anna).await;
    let portal_case = get_with_cookie(app, &format!("/sagsbehandling/{filed}"), sara).await;
    assert!(!portal_case.body.contains("Brev til borgeren"));
}
