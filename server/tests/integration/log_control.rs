//! The control of the log (docs/rules.md §4): an investigator's search of
//! the raw log is logged (on the citizen, who sees it in `/min-log` as a use
//! by the investigator's unit; as a search by criterion otherwise) and never
//! shows the CPR number; the flag job raises each flag once; the DPO
//! decides flags and sets the rules, an investigator may not set them.

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::SubjectKey;
use app::log_control::flags::job::run_round;
use server::access_log::batch;
use server::access_log::event::{Event, Subject};
use server::access_log::partitions;
use server::{clock, demo_data};

use crate::support::{get_with_cookie, post_form, returned_page, router, sign_in_at, test_config};

/// Anna of the test identity provider.
const ANNA_CPR: &str = "2403819912";

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

pub(crate) fn key_of(cpr: &str) -> SubjectKey {
    SubjectKey::derive(&test_config().subject_key_pepper, &Cpr::parse(cpr).unwrap())
}

pub(crate) async fn id_of(pool: &PgPool, table: &str, code: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE code = $1"))
        .bind(code)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// A read by `actor` of Borgerservice in the CPR system.
pub(crate) async fn read(
    pool: &PgPool,
    id: &str,
    actor: &str,
    occurred_at: DateTime<Utc>,
    subject: SubjectKey,
) -> Event {
    Event {
        occurred_at,
        source_event_id: id.to_owned(),
        actor: actor.to_owned(),
        org_unit_id: id_of(pool, "org_units", "BS").await,
        use_type: UseType::Read,
        subject: Subject::Citizen(subject),
        purpose_id: id_of(pool, "purposes", "flytning").await,
        case_reference: Some("S-1".to_owned()),
        bulk: false,
        batch_run: None,
        hidden: None,
        case_closed: false,
    }
}

pub(crate) async fn store(pool: &PgPool, events: Vec<Event>, now: DateTime<Utc>) {
    let system = id_of(pool, "source_systems", "cpr").await;
    batch::store_all(pool, system, events, now).await.unwrap();
}

pub(crate) async fn world(pool: &PgPool) {
    demo_data::load(pool).await.unwrap();
    let months = partitions::months_to_keep_ready(clock::now(), 6);
    partitions::ensure(pool, &months).await.unwrap();
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_investigators_search_is_logged_on_the_citizen_and_never_shows_the_cpr_number(
    pool: PgPool,
) {
    world(&pool).await;
    let now = clock::now();
    let anna = key_of(ANNA_CPR);
    let events = vec![
        read(&pool, "e-1", "bs-4711", now - Duration::days(2), anna).await,
        read(&pool, "e-2", "bs-4711", now - Duration::days(1), anna).await,
        read(
            &pool,
            "e-3",
            "bs-4711",
            now - Duration::days(1),
            key_of("0101901234"),
        )
        .await,
    ];
    store(&pool, events, now).await;
    sqlx::query(
        "INSERT INTO staff_directory (actor, name, org_unit_id, imported_at)
         SELECT 'bs-4711', 'Bent Borgerservice', id, now() FROM org_units WHERE code = 'BS'",
    )
    .execute(&pool)
    .await
    .unwrap();
    let app = router(pool.clone());
    let (landing, ib) = sign_in_at(&app, "/medarbejder/log-ind", "efterforsker").await;
    assert_eq!(landing, "/kontrol");

    let found = post_form(&app, "/kontrol/log", &ib, &[("cpr", "240381-9912")]).await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    assert!(found.body.contains("Der er 2 hændelser."), "{}", found.body);
    for shown in [
        "bs-4711",
        "Bent Borgerservice",
        "e-1",
        "e-2",
        "S-1",
        &anna.pseudonym(),
    ] {
        assert!(found.body.contains(shown), "{shown} is shown");
    }
    assert!(!found.body.contains("e-3"), "another citizen's event");
    for cpr in ["240381-9912", ANNA_CPR, "240381"] {
        assert!(!found.body.contains(cpr), "the CPR number is never shown");
    }
    // The search is in the log, on Anna, by the investigator's unit.
    let logged: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT e.use_type, u.code, p.code FROM access_events e
         JOIN org_units u ON u.id = e.org_unit_id JOIN purposes p ON p.id = e.purpose_id
         JOIN source_systems s ON s.id = e.source_system_id
         WHERE s.code = 'indblik' AND e.subject_key = $1",
    )
    .bind(anna.as_bytes().as_slice())
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        logged,
        [(
            "search".to_owned(),
            "IT".to_owned(),
            "logkontrol".to_owned()
        )]
    );

    // The next search keeps Anna without her number: the sealed token.
    let token = found
        .body
        .split(r#"name="borger" value=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let again = post_form(
        &app,
        "/kontrol/log",
        &ib,
        &[
            ("borger", &token),
            ("behold_borger", "ja"),
            ("actor", "bs-4711"),
        ],
    )
    .await;
    assert!(again.body.contains("Der er 2 hændelser."), "{}", again.body);
    let forgotten = post_form(
        &app,
        "/kontrol/log",
        &ib,
        &[("borger", &token), ("actor", "bs-4711")],
    )
    .await;
    assert!(
        forgotten.body.contains("Der er 3 hændelser."),
        "{}",
        forgotten.body
    );
    let forged = post_form(
        &app,
        "/kontrol/log",
        &ib,
        &[("borger", "00ff"), ("behold_borger", "ja")],
    )
    .await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(forged.body.contains("kunne ikke findes igen"));

    // A search by actor alone is a search by criterion.
    let criteria: Vec<String> = sqlx::query_scalar(
        "SELECT search_criterion FROM access_events WHERE search_criterion LIKE 'Logkontrol%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(criteria.len(), 1, "{criteria:?}");
    assert!(criteria[0].contains("medarbejder bs-4711"), "{criteria:?}");

    // The export holds every match and is logged as an export.
    let csv = post_form(&app, "/kontrol/log.csv", &ib, &[("actor", "bs-4711")]).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 4, "{}", csv.body);
    assert!(csv.body.contains("Bent Borgerservice"));

    // Bad input comes back with what to correct.
    let bad = post_form(
        &app,
        "/kontrol/log",
        &ib,
        &[("cpr", "12345"), ("from", "2026-13-01")],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Skriv et gyldigt CPR-nummer"));

    // Anna sees the investigator's search in her log, as the unit's.
    let (_, anna_cookie) = sign_in_at(&app, "/log-ind", "anna").await;
    let log = get_with_cookie(&app, "/min-log", &anna_cookie).await;
    assert!(
        log.body.contains("IT og Informationssikkerhed"),
        "{}",
        log.body
    );
    assert!(!log.body.contains("Ib Efterforsker"));

    // A caseworker and a manager are refused.
    for account in ["sagsbehandler", "leder"] {
        let (_, cookie) = sign_in_at(&app, "/medarbejder/log-ind", account).await;
        let refused = post_form(&app, "/kontrol/log", &cookie, &[("cpr", ANNA_CPR)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{account}");
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_flag_job_raises_each_flag_once_and_the_dpo_decides_it(pool: PgPool) {
    world(&pool).await;
    let calendar = test_config().deadline_calendar();
    // Monday 30 November 2026, 21:00 Copenhagen: Borgerservice is closed.
    let evening = at("2026-11-30T20:00:00Z");
    let now = at("2026-11-30T20:30:00Z");
    let events = vec![
        read(&pool, "n-1", "bs-1", evening, key_of("0101901234")).await,
        read(
            &pool,
            "n-2",
            "bs-1",
            evening + Duration::minutes(1),
            key_of("0202902345"),
        )
        .await,
    ];
    store(&pool, events, now).await;
    let round = run_round(&pool, calendar, now).await.unwrap();
    assert_eq!(
        (round.batches, round.events, round.raised),
        (1, 2, 1),
        "{round:?}"
    );
    // Nothing waits, and running again raises nothing.
    assert_eq!(run_round(&pool, calendar, now).await.unwrap().batches, 0);
    // The same pattern later that evening joins the same flag.
    store(
        &pool,
        vec![
            read(
                &pool,
                "n-3",
                "bs-1",
                evening + Duration::minutes(5),
                key_of("0303903456"),
            )
            .await,
        ],
        now,
    )
    .await;
    let round = run_round(&pool, calendar, now).await.unwrap();
    assert_eq!((round.raised, round.flagged_events), (0, 1), "{round:?}");
    // A resent event is stored once and flagged once.
    store(
        &pool,
        vec![
            read(
                &pool,
                "n-3",
                "bs-1",
                evening + Duration::minutes(5),
                key_of("0303903456"),
            )
            .await,
        ],
        now,
    )
    .await;
    assert_eq!(
        run_round(&pool, calendar, now)
            .await
            .unwrap()
            .flagged_events,
        0
    );
    let flags: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT f.id, f.rule, (SELECT count(*) FROM log_flag_events e WHERE e.flag_id = f.id)
         FROM log_flags f",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(flags.len(), 1, "{flags:?}");
    let (flag, rule, events) = flags[0].clone();
    assert_eq!((rule.as_str(), events), ("outside_hours", 3));

    let app = router(pool.clone());
    let (_, dan) = sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    let page = get_with_cookie(&app, &format!("/kontrol/flag/{flag}"), &dan).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("ikke en dom"));
    assert!(page.body.contains("n-2"));
    let empty = post_form(&app, &format!("/kontrol/flag/{flag}"), &dan, &[]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let decided = post_form(
        &app,
        &format!("/kontrol/flag/{flag}"),
        &dan,
        &[("status", "justified"), ("note", "Vagtordning den aften")],
    )
    .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    let (status, by): (String, String) =
        sqlx::query_as("SELECT status, decided_by FROM log_flags WHERE id = $1")
            .bind(flag)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(status, "justified");
    assert!(by.starts_with("Dan Databeskyttelse"), "{by}");

    // The rules: the DPO sets them, an investigator may not.
    let (_, ib) = sign_in_at(&app, "/medarbejder/log-ind", "efterforsker").await;
    let fields = [
        ("own_record", "ja"),
        ("max_citizens", "5"),
        ("within_minutes", "3"),
    ];
    let refused = post_form(&app, "/kontrol/flag/regler", &ib, &fields).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let saved = post_form(&app, "/kontrol/flag/regler", &dan, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let enabled: Vec<String> =
        sqlx::query_scalar("SELECT code FROM flag_rules WHERE enabled ORDER BY code")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(enabled, ["own_record"]);
    // With the outside-hours rule off, a late look-up raises nothing.
    store(
        &pool,
        vec![
            read(
                &pool,
                "n-4",
                "bs-1",
                evening + Duration::minutes(9),
                key_of("0404904567"),
            )
            .await,
        ],
        now,
    )
    .await;
    // n-4, and the DPO's two readings of the flag (the page, and the page
    // again with the empty form's errors), each logged as a search.
    let round = run_round(&pool, calendar, now).await.unwrap();
    assert_eq!((round.events, round.raised), (3, 0));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_batch_larger_than_a_slice_is_considered_event_by_event_exactly_once(pool: PgPool) {
    use app::log_control::flags::job::EVENTS_PER_SLICE;
    world(&pool).await;
    let calendar = test_config().deadline_calendar();
    // Monday 30 November 2026 from 21:00 Copenhagen, Borgerservice closed:
    // every look-up is outside opening hours, one flag for the evening.
    let evening = at("2026-11-30T20:00:00Z");
    let now = at("2026-11-30T23:30:00Z");
    let total = 2 * EVENTS_PER_SLICE + 5;
    let one = read(&pool, "s-0", "bs-1", evening, key_of("0101901234")).await;
    let events = (0..total)
        .map(|n| Event {
            source_event_id: format!("s-{n}"),
            // Some share a time, so the slices also part events of one
            // instant.
            occurred_at: evening + Duration::milliseconds(i64::try_from(n / 3 * 500).unwrap()),
            ..one.clone()
        })
        .collect();
    store(&pool, events, now).await;
    let round = run_round(&pool, calendar, now).await.unwrap();
    assert_eq!(
        (
            round.batches,
            round.events,
            round.raised,
            round.flagged_events
        ),
        (1, total, 1, total),
        "{round:?}"
    );
    let flagged: i64 = sqlx::query_scalar("SELECT count(*) FROM log_flag_events")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(flagged, total as i64);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_citizens_question_shows_the_events_behind_the_row_and_the_finding_reaches_the_case(
    pool: PgPool,
) {
    world(&pool).await;
    let now = clock::now();
    let anna = key_of(ANNA_CPR);
    store(
        &pool,
        vec![read(&pool, "q-1", "bs-77", now - Duration::days(1), anna).await],
        now,
    )
    .await;
    let row: i64 = sqlx::query_scalar("SELECT id FROM access_summary WHERE subject_key = $1")
        .bind(anna.as_bytes().as_slice())
        .fetch_one(&pool)
        .await
        .unwrap();
    let app = router(pool.clone());
    let (_, anna_cookie) = sign_in_at(&app, "/log-ind", "anna").await;
    let asked = post_form(
        &app,
        "/henvendelser/ny/spoergsmaal-til-opslag",
        &anna_cookie,
        &[
            ("about", "Hvorfor så Borgerservice på mig?"),
            ("opslag", &row.to_string()),
        ],
    )
    .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
    let id: i64 = sqlx::query_scalar("SELECT id FROM data_requests WHERE kind = 'log_question'")
        .fetch_one(&pool)
        .await
        .unwrap();

    let (_, ib) = sign_in_at(&app, "/medarbejder/log-ind", "efterforsker").await;
    let list = get_with_cookie(&app, "/kontrol/spoergsmaal", &ib).await;
    assert!(
        list.body.contains(&format!("/kontrol/spoergsmaal/{id}")),
        "{}",
        list.body
    );
    let page = get_with_cookie(&app, &format!("/kontrol/spoergsmaal/{id}"), &ib).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("bs-77") && page.body.contains("q-1"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Hvorfor så Borgerservice på mig?"));
    // Opening the question is logged on Anna, under the request's number.
    let logged: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM access_events e JOIN source_systems s ON s.id = e.source_system_id
         WHERE s.code = 'indblik' AND e.actor = (SELECT id FROM staff_members WHERE name = 'Ib Efterforsker')
           AND e.subject_key = $1",
    )
    .bind(anna.as_bytes().as_slice())
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(logged, 1);

    let empty = post_form(
        &app,
        &format!("/kontrol/spoergsmaal/{id}"),
        &ib,
        &[("finding", "  ")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let saved = post_form(
        &app,
        &format!("/kontrol/spoergsmaal/{id}"),
        &ib,
        &[("finding", "Medarbejderen behandlede flyttesag S-1.")],
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // The caseworker answering the question sees the finding.
    let (_, dan) = sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    let case = get_with_cookie(&app, &format!("/sagsbehandling/{id}"), &dan).await;
    assert!(
        case.body
            .contains("Medarbejderen behandlede flyttesag S-1."),
        "{}",
        case.body
    );
    assert!(case.body.contains("Ib Efterforsker"));
}

/// Puts `actor` (of Borgerservice) in the staff directory with `email`.
async fn in_directory(pool: &PgPool, actor: &str, name: &str, email: &str) {
    sqlx::query(
        "INSERT INTO staff_directory (actor, name, org_unit_id, email, imported_at)
         SELECT $1, $2, id, $3, now() FROM org_units WHERE code = 'BS'",
    )
    .bind(actor)
    .bind(name)
    .bind(email)
    .execute(pool)
    .await
    .unwrap();
}

/// The sampled look-ups: (actor, source event id), in order.
async fn drawn(pool: &PgPool) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT actor, source_event_id FROM sample_items ORDER BY actor, source_event_id",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_sample_draws_a_few_look_ups_per_employee_who_answers_and_the_manager_reviews(
    pool: PgPool,
) {
    use app::log_control::samples::store::{draw_due, remind_late};
    world(&pool).await;
    let now = clock::now();
    in_directory(&pool, "bs-9", "Mette Medarbejder", "mette@eksempel.dk").await;
    in_directory(&pool, "bs-8", "Bo Borgerservice", "bo.bs@eksempel.dk").await;
    let mut events = Vec::new();
    for n in 0..8 {
        let at = now - Duration::days(2) + Duration::minutes(n);
        events.push(read(&pool, &format!("m-{n}"), "bs-9", at, key_of("0101901234")).await);
        events.push(read(&pool, &format!("b-{n}"), "bs-8", at, key_of("0202902345")).await);
    }
    // Outside the window: yesterday evening is one day before (in it), a
    // week ago is not.
    events.push(
        read(
            &pool,
            "old",
            "bs-9",
            now - Duration::days(7),
            key_of("0101901234"),
        )
        .await,
    );
    store(&pool, events, now).await;

    let app = router(pool.clone());
    let (_, dan) = sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    let plan = [
        ("unit", "BS"),
        ("system", ""),
        ("min_months", "1"),
        ("max_months", "6"),
        ("per_employee", "3"),
        ("days_before_min", "1"),
        ("days_before_max", "3"),
        ("answer_days", "10"),
    ];
    let made = post_form(&app, "/kontrol/stikproeveplaner", &dan, &plan).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let again = post_form(&app, "/kontrol/stikproeveplaner", &dan, &plan).await;
    assert_eq!(
        again.status,
        StatusCode::CONFLICT,
        "one plan per unit and system"
    );
    let first: chrono::NaiveDate = sqlx::query_scalar("SELECT next_sample_on FROM sampling_plans")
        .fetch_one(&pool)
        .await
        .unwrap();
    let today = app::access_log::coverage::local_date(now);
    assert!(first >= today + chrono::Months::new(1) && first <= today + chrono::Months::new(6));
    // Nothing is due before the date; on it, the sample is drawn.
    assert_eq!(draw_due(&pool, now).await.unwrap(), 0);
    sqlx::query("UPDATE sampling_plans SET next_sample_on = $1")
        .bind(today)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(draw_due(&pool, now).await.unwrap(), 1);
    assert_eq!(draw_due(&pool, now).await.unwrap(), 0, "drawn once");
    let sample = drawn(&pool).await;
    let of = |actor: &str| sample.iter().filter(|(who, _)| who == actor).count();
    assert_eq!((of("bs-9"), of("bs-8")), (3, 3), "{sample:?}");
    assert!(!sample.iter().any(|(_, event)| event == "old"));
    let (next, count): (chrono::NaiveDate, i32) =
        sqlx::query_as("SELECT next_sample_on, samples_drawn FROM sampling_plans")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(count, 1);
    assert!(next >= today + chrono::Months::new(1) && next <= today + chrono::Months::new(6));
    // The same seed draws the same look-ups again.
    sqlx::query("DELETE FROM sample_items")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM samples")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE sampling_plans SET next_sample_on = $1, samples_drawn = 0")
        .bind(today)
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(draw_due(&pool, now).await.unwrap(), 1);
    assert_eq!(drawn(&pool).await, sample);

    // Mette sees and answers her own sample only.
    let (landing, mette) = sign_in_at(&app, "/medarbejder/log-ind", "medarbejder").await;
    assert_eq!(landing, "/sagsbehandling/stikproever");
    let mine = get_with_cookie(&app, "/sagsbehandling/stikproever", &mette).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.body.matches("<article").count(), 3, "{}", mine.body);
    let items: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, actor FROM sample_items ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    let hers = items.iter().find(|(_, actor)| actor == "bs-9").unwrap().0;
    let his = items.iter().find(|(_, actor)| actor == "bs-8").unwrap().0;
    let answered = post_form(
        &app,
        &format!("/sagsbehandling/stikproever/{hers}"),
        &mette,
        &[("item", &hers.to_string()), ("reason", "Flyttesag S-1")],
    )
    .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);
    let not_hers = post_form(
        &app,
        &format!("/sagsbehandling/stikproever/{his}"),
        &mette,
        &[("item", &his.to_string()), ("reason", "Hjalp en kollega")],
    )
    .await;
    // Her page comes back saying so at its top: the look-up has no form on
    // her page to show it at.
    let not_hers = returned_page(&app, not_hers, "/sagsbehandling/stikproever", &mette).await;
    let top = &not_hers.body[not_hers.body.find("<h1").unwrap()..];
    let top = &top[..top.find("<article").unwrap_or(top.len())];
    assert!(
        top.contains(r#"role="alert" tabindex="-1" autofocus"#)
            && top.contains("Opslaget findes ikke blandt dem, du kan svare på eller vurdere."),
        "{top}"
    );
    let reason: Option<String> =
        sqlx::query_scalar("SELECT reason FROM sample_items WHERE id = $1")
            .bind(his)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(reason, None, "another employee's look-up stays unanswered");
    // An employee cannot see the plans or review.
    let plans = get_with_cookie(&app, "/kontrol/stikproeveplaner", &mette).await;
    assert_eq!(plans.status, StatusCode::FORBIDDEN);

    // Borgerservice's manager reviews.
    let (_, lene) = sign_in_at(&app, "/medarbejder/log-ind", "leder").await;
    let review = get_with_cookie(&app, "/kontrol/stikproever", &lene).await;
    assert!(review.body.contains("Flyttesag S-1") && review.body.contains("Bo Borgerservice"));
    let reviewed = post_form(
        &app,
        &format!("/kontrol/stikproever/{hers}"),
        &lene,
        &[
            ("item", &hers.to_string()),
            ("review", "in_order"),
            ("note", "Passer med sagen"),
        ],
    )
    .await;
    assert_eq!(reviewed.status, StatusCode::SEE_OTHER, "{}", reviewed.body);
    // Once reviewed, her answer stands: a second one is refused, visibly.
    let again = post_form(
        &app,
        &format!("/sagsbehandling/stikproever/{hers}"),
        &mette,
        &[("item", &hers.to_string()), ("reason", "Noget andet")],
    )
    .await;
    let again = returned_page(&app, again, "/sagsbehandling/stikproever", &mette).await;
    assert!(
        again.body.contains("Opslaget findes ikke blandt dem"),
        "{}",
        again.body
    );
    let plans = get_with_cookie(&app, "/kontrol/stikproeveplaner", &lene).await;
    assert_eq!(
        plans.status,
        StatusCode::FORBIDDEN,
        "the dates are the DPO's and investigators'"
    );

    // Late answers are reminded, at most every third day, without naming anyone.
    sqlx::query("UPDATE samples SET answer_by = answer_by - 30")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        remind_late(&pool, "https://indblik.example", now)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        remind_late(&pool, "https://indblik.example", now)
            .await
            .unwrap(),
        0
    );
    let mails: Vec<(String, String)> = sqlx::query_as(
        "SELECT to_address, body FROM mail_outbox WHERE kind = 'sample_reminder' ORDER BY to_address",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(mails[0].0, "bo.bs@eksempel.dk");
    assert!(
        mails[0].1.contains("3 opslag") && mails[1].1.contains("2 opslag"),
        "{mails:?}"
    );
    assert!(mails
        .iter()
        .all(|(_, body)| body.contains("https://indblik.example/sagsbehandling/stikproever")));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_dpo_keeps_what_the_rules_know_and_the_job_uses_it(pool: PgPool) {
    world(&pool).await;
    let app = router(pool.clone());
    let (_, dan) = sign_in_at(&app, "/medarbejder/log-ind", "dpo").await;
    let (_, ib) = sign_in_at(&app, "/medarbejder/log-ind", "efterforsker").await;
    // Borgerservice open every day around the clock, holidays too.
    let mut hours = vec![
        ("unit", "BS"),
        ("opens", "00:00"),
        ("closes", "24:00"),
        ("holidays", "ja"),
    ];
    let days = ["day1", "day2", "day3", "day4", "day5", "day6", "day7"];
    hours.extend(days.iter().map(|day| (*day, "ja")));
    assert_eq!(
        post_form(&app, "/kontrol/flag/aabningstider", &ib, &hours)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // Bad input comes back to the page (Post/Redirect/Get) and saves nothing.
    let bad = post_form(
        &app,
        "/kontrol/flag/aabningstider",
        &dan,
        &[("unit", "BS"), ("opens", "9")],
    )
    .await;
    let shown = returned_page(&app, bad, "/kontrol/flag", &dan).await;
    assert!(shown.body.contains("Vælg mindst én dag."), "{}", shown.body);
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM unit_opening_hours")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(kept, 0);
    let saved = post_form(&app, "/kontrol/flag/aabningstider", &dan, &hours).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // A public figure, and Jobcenter's standing reason for them.
    let protected = post_form(
        &app,
        "/kontrol/flag/beskyttede",
        &dan,
        &[
            ("cpr", "0101901234"),
            ("category", "public_figure"),
            ("note", "Byrådsmedlem"),
        ],
    )
    .await;
    assert_eq!(
        protected.status,
        StatusCode::SEE_OTHER,
        "{}",
        protected.body
    );
    let standing = post_form(
        &app,
        "/kontrol/flag/faste-grunde",
        &dan,
        &[
            ("unit", "JC"),
            ("category", "public_figure"),
            ("reason", "Ydelsessager for byrådet"),
        ],
    )
    .await;
    assert_eq!(standing.status, StatusCode::SEE_OTHER, "{}", standing.body);
    let page = get_with_cookie(&app, "/kontrol/flag", &dan).await;
    let public_figure = key_of("0101901234");
    assert!(page.body.contains(&public_figure.pseudonym()) && page.body.contains("Byrådsmedlem"));
    assert!(page.body.contains("Ydelsessager for byrådet"));
    assert!(!page.body.contains("0101901234") && !page.body.contains("010190"));

    // 23:00 on a Sunday: Borgerservice is open now; the public figure's
    // look-up by Borgerservice is flagged, Jobcenter's is not.
    let late = at("2026-11-29T22:00:00Z");
    let jc = id_of(&pool, "org_units", "JC").await;
    let by_jobcenter = Event {
        org_unit_id: jc,
        ..read(&pool, "p-2", "jc-1", late, public_figure).await
    };
    store(
        &pool,
        vec![
            read(&pool, "p-1", "bs-1", late, public_figure).await,
            by_jobcenter,
        ],
        late,
    )
    .await;
    run_round(&pool, test_config().deadline_calendar(), late)
        .await
        .unwrap();
    let flags: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT rule, actor, category FROM log_flags ORDER BY rule, actor")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        flags,
        [
            ("outside_hours".to_owned(), "jc-1".to_owned(), None),
            (
                "protected_citizen".to_owned(),
                "bs-1".to_owned(),
                Some("public_figure".to_owned())
            ),
        ]
    );

    // Off the list again, by the key the list shows.
    let key = hex::encode(public_figure.as_bytes());
    let removed = post_form(
        &app,
        "/kontrol/flag/beskyttede/fjern",
        &dan,
        &[("key", &key)],
    )
    .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let again = post_form(
        &app,
        "/kontrol/flag/beskyttede/fjern",
        &dan,
        &[("key", &key)],
    )
    .await;
    let shown = returned_page(&app, again, "/kontrol/flag", &dan).await;
    assert!(
        shown.body.contains("Borgeren er ikke på listen."),
        "{}",
        shown.body
    );
}
