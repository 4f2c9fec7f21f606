//! Retention: whole months past the retention period are dropped with their
//! summary rows; the month boundary is Europe/Copenhagen's.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};
use server::access_log::event::{Event, Subject};
use server::access_log::{batch, partitions};
use server::demo_data;

pub(crate) fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn month(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").unwrap()
}

pub(crate) async fn event_at(pool: &PgPool, id: &str, occurred_at: DateTime<Utc>) -> Event {
    let unit = sqlx::query_scalar!("SELECT id FROM org_units WHERE code = 'BS'")
        .fetch_one(pool)
        .await
        .unwrap();
    let purpose = sqlx::query_scalar!("SELECT id FROM purposes WHERE code = 'flytning'")
        .fetch_one(pool)
        .await
        .unwrap();
    let pepper = Pepper::new(vec![7; 32]).unwrap();
    Event {
        occurred_at,
        source_event_id: id.to_owned(),
        actor: "m1".to_owned(),
        org_unit_id: unit,
        use_type: UseType::Read,
        subject: Subject::Citizen(SubjectKey::derive(
            &pepper,
            &Cpr::parse("0101901234").unwrap(),
        )),
        purpose_id: purpose,
        case_reference: None,
        bulk: false,
        batch_run: None,
        hidden: None,
        case_closed: false,
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn months_past_retention_are_dropped_with_their_summary(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let system = sqlx::query_scalar!("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let now = at("2026-11-23T12:00:00Z");
    let mut events = Vec::new();
    for (n, time) in [
        "2026-02-15T10:00:00Z",
        "2026-03-15T10:00:00Z",
        // 23:30 on 30 April in Copenhagen: April, dropped.
        "2026-04-30T21:30:00Z",
        // 00:30 on 1 May in Copenhagen: May, kept.
        "2026-04-30T22:30:00Z",
        "2026-06-15T10:00:00Z",
        "2026-11-20T10:00:00Z",
    ]
    .into_iter()
    .enumerate()
    {
        events.push(event_at(&pool, &format!("e{n}"), at(time)).await);
    }
    batch::store_all(&pool, system, events, now).await.unwrap();
    partitions::ensure(&pool, &partitions::months_to_keep_ready(now, 6))
        .await
        .unwrap();

    let purged = partitions::purge(&pool, now, 6, HOLD).await.unwrap();
    assert_eq!(
        purged.months,
        vec![month("2026-02"), month("2026-03"), month("2026-04")]
    );
    assert_eq!(purged.covers_from, month("2026-05"));
    let left = partitions::existing(&pool).await.unwrap();
    assert_eq!(left.first(), Some(&month("2026-05")));
    assert_eq!(left.last(), Some(&month("2027-01")));
    let times: Vec<DateTime<Utc>> =
        sqlx::query_scalar!("SELECT occurred_at FROM access_events ORDER BY occurred_at")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        times,
        vec![
            at("2026-04-30T22:30:00Z"),
            at("2026-06-15T10:00:00Z"),
            at("2026-11-20T10:00:00Z")
        ]
    );
    let summary_days: Vec<NaiveDate> =
        sqlx::query_scalar!("SELECT day FROM access_summary ORDER BY day")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        summary_days,
        vec![
            NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        ]
    );

    // Purging again drops nothing more.
    let again = partitions::purge(&pool, now, 6, HOLD).await.unwrap();
    assert!(again.months.is_empty());

    // With five years' retention nothing would have gone.
    assert_eq!(
        partitions::purge(&pool, now, 60, HOLD)
            .await
            .unwrap()
            .months,
        vec![]
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn master_data_the_log_refers_to_cannot_be_deleted(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    for statement in [
        "DELETE FROM org_units WHERE code = 'BS'",
        "DELETE FROM purposes WHERE code = 'flytning'",
        "DELETE FROM source_systems WHERE code = 'cpr'",
    ] {
        let error = sqlx::query(statement).execute(&pool).await.unwrap_err();
        assert!(
            error.to_string().contains("is kept"),
            "{statement}: {error}"
        );
    }
}

/// Hold for open requests, at most 30 days past their deadline.
const HOLD: Option<partitions::HoldPolicy> = Some(partitions::HoldPolicy {
    days_after_deadline: 30,
});

/// A request of `kind` and `status` for `key`, received at `received` with
/// the deadline `due`, in unit BS; about log row `row` for a question.
async fn request(
    pool: &PgPool,
    kind: &str,
    status: &str,
    key: &SubjectKey,
    received: DateTime<Utc>,
    due: &str,
    row: Option<i64>,
) -> i64 {
    let due = NaiveDate::parse_from_str(due, "%Y-%m-%d").unwrap();
    sqlx::query_scalar!(
        "INSERT INTO data_requests (kind, status, channel, received_at, due_on, extendable_to,
             subject_key, citizen_name, cpr_sealed, org_unit_id, about, log_row_id, log_row_text)
         SELECT $1, $2, 'portal', $3, $4::date, $4::date + 61, $5, 'Test', '\\x00', id, 'Alt', $6,
                CASE WHEN $6::int8 IS NULL THEN NULL ELSE 'Opslaget' END
         FROM org_units WHERE code = 'BS'
         RETURNING id",
        kind,
        status,
        received,
        due,
        key.as_bytes().as_slice(),
        row
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

/// (summary rows, events) held for `request`.
async fn held(pool: &PgPool, request: i64) -> (i64, i64) {
    let rows = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM held_access_summary WHERE request_id = $1"#,
        request
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let events = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM held_access_events WHERE request_id = $1"#,
        request
    )
    .fetch_one(pool)
    .await
    .unwrap();
    (rows, events)
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn what_open_requests_need_is_held_and_the_months_still_go_on_time(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let system = sqlx::query_scalar!("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let now = at("2026-11-23T12:00:00Z");
    let mut anna_march = event_at(&pool, "a-mar", at("2026-03-15T10:00:00Z")).await;
    anna_march.use_type = UseType::Update;
    let anna_march_read = event_at(&pool, "a-mar-read", at("2026-03-15T11:00:00Z")).await;
    let anna_april = event_at(&pool, "a-apr", at("2026-04-10T10:00:00Z")).await;
    let anna_may = event_at(&pool, "a-may", at("2026-05-10T10:00:00Z")).await;
    let mut bo_april = event_at(&pool, "b-apr", at("2026-04-10T10:00:00Z")).await;
    let bo_key = SubjectKey::derive(
        &Pepper::new(vec![7; 32]).unwrap(),
        &Cpr::parse("1207559987").unwrap(),
    );
    bo_april.subject = Subject::Citizen(bo_key);
    let Subject::Citizen(anna) = anna_april.subject.clone() else {
        unreachable!("a citizen's event")
    };
    batch::store_all(
        &pool,
        system,
        vec![
            anna_march.clone(),
            anna_march_read,
            anna_april,
            anna_may,
            bo_april,
        ],
        now,
    )
    .await
    .unwrap();
    let march_update: i64 = sqlx::query_scalar!(
        "SELECT id FROM access_summary WHERE day = '2026-03-15' AND use_type = 'update'"
    )
    .fetch_one(&pool)
    .await
    .unwrap();

    // Received 20 October: the answer covers April (and on), not March.
    let open = request(
        &pool,
        "access",
        "in_progress",
        &anna,
        at("2026-10-20T09:00:00Z"),
        "2026-11-20",
        None,
    )
    .await;
    // Received after April had gone: holds nothing (the old rule held it).
    let late = request(
        &pool,
        "access",
        "received",
        &bo_key,
        at("2026-11-20T09:00:00Z"),
        "2026-12-21",
        None,
    )
    .await;
    // A question about Anna's update in March: that row and its event.
    let question = request(
        &pool,
        "log_question",
        "in_progress",
        &anna,
        at("2026-11-01T09:00:00Z"),
        "2026-12-01",
        Some(march_update),
    )
    .await;
    // An objection holds nothing.
    let objection = request(
        &pool,
        "objection",
        "received",
        &anna,
        at("2026-10-20T09:00:00Z"),
        "2026-11-20",
        None,
    )
    .await;

    let purged = partitions::purge(&pool, now, 6, HOLD).await.unwrap();
    // The months go on time, whatever is held.
    assert_eq!(purged.months, vec![month("2026-03"), month("2026-04")]);
    assert_eq!(
        partitions::existing(&pool).await.unwrap().first(),
        Some(&month("2026-05"))
    );
    // Anna's April for her access request: one row, one event; not Bo's.
    assert_eq!(held(&pool, open).await, (1, 1));
    assert_eq!(held(&pool, late).await, (0, 0));
    assert_eq!(held(&pool, objection).await, (0, 0));
    // The question holds the row asked about and only its event (not the
    // read an hour later, another row).
    assert_eq!(held(&pool, question).await, (1, 1));
    let held_event: String = sqlx::query_scalar!(
        "SELECT source_event_id FROM held_access_events WHERE request_id = $1",
        question
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(held_event, anna_march.source_event_id);
    assert_eq!((purged.held_rows, purged.held_events), (2, 2));

    // The answer's log reads the held April with the kept months.
    let actor = app::caller::Caller::Staff(app::caller::StaffMember {
        id: "sara".to_owned(),
        name: "Sara".to_owned(),
        roles: vec![app::caller::Role::Caseworker],
        unit: "BS".to_owned(),
    })
    .case_actor()
    .unwrap();
    let subject = app::requests::store::casework::answer_subject(&pool, &actor, open)
        .await
        .unwrap();
    let answer = subject.access.unwrap();
    let rows = app::access_log::summary::rows_for_access_answer(
        app::access_log::summary::SummarySource {
            pool: &pool,
            names: &app::access_log::master_data::MasterData::default(),
        },
        &answer,
        now,
        6,
        app::i18n::Lang::Da,
    )
    .await
    .unwrap();
    let days: Vec<&str> = rows.iter().map(|row| row.row.day.as_str()).collect();
    assert_eq!(days, ["2026-05-10", "2026-04-10"]);

    // Withdrawn by Anna: the copy goes at once, in the same transaction.
    let citizen = app::caller::Caller::Citizen(app::caller::SignedInCitizen {
        key: anna,
        name: "Anna".to_owned(),
        cpr: None,
    })
    .citizen()
    .unwrap();
    app::requests::store::citizen::citizen_act(
        &pool,
        &citizen,
        open,
        1,
        app::requests::store::CitizenAction::Withdraw,
        now,
    )
    .await
    .unwrap();
    assert_eq!(held(&pool, open).await, (0, 0));
    // An answered question keeps its copy until it is closed; the purge
    // job then deletes it.
    sqlx::query!(
        "UPDATE data_requests SET status = 'answered' WHERE id = $1",
        question
    )
    .execute(&pool)
    .await
    .unwrap();
    let later = partitions::purge(&pool, now, 6, HOLD).await.unwrap();
    assert!(later.months.is_empty() && later.released.is_empty());
    assert_eq!(held(&pool, question).await, (1, 1));
    sqlx::query!(
        "UPDATE data_requests SET status = 'closed' WHERE id = $1",
        question
    )
    .execute(&pool)
    .await
    .unwrap();
    assert_eq!(
        partitions::purge(&pool, now, 6, HOLD)
            .await
            .unwrap()
            .released,
        vec![question]
    );
    assert_eq!(held(&pool, question).await, (0, 0));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_hold_ends_a_set_number_of_days_after_the_deadline_even_if_the_request_is_open(
    pool: PgPool,
) {
    demo_data::load(&pool).await.unwrap();
    let system = sqlx::query_scalar!("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let now = at("2026-11-23T12:00:00Z");
    let april = event_at(&pool, "a-apr", at("2026-04-10T10:00:00Z")).await;
    let Subject::Citizen(anna) = april.subject.clone() else {
        unreachable!("a citizen's event")
    };
    batch::store_all(&pool, system, vec![april], now)
        .await
        .unwrap();
    let open = request(
        &pool,
        "access",
        "in_progress",
        &anna,
        at("2026-10-20T09:00:00Z"),
        "2026-11-20",
        None,
    )
    .await;
    partitions::purge(&pool, now, 6, HOLD).await.unwrap();
    assert_eq!(held(&pool, open).await, (1, 1));
    // 30 days after the deadline (20 December) it is still held …
    let on_the_last_day = at("2026-12-20T12:00:00Z");
    assert!(partitions::purge(&pool, on_the_last_day, 6, HOLD)
        .await
        .unwrap()
        .released
        .is_empty());
    // … and not the day after, though the request is still open.
    let day_after = at("2026-12-21T12:00:00Z");
    assert_eq!(
        partitions::purge(&pool, day_after, 6, HOLD)
            .await
            .unwrap()
            .released,
        vec![open]
    );
    assert_eq!(held(&pool, open).await, (0, 0));
    // Without a hold policy nothing is ever copied.
    let none = partitions::purge(&pool, at("2027-01-15T12:00:00Z"), 6, None)
        .await
        .unwrap();
    assert_eq!((none.held_rows, none.held_events), (0, 0));
}

/// Five minutes into a month no stored event falls in yet (00:05 on
/// 1 February in Copenhagen is 23:05 UTC the day before), the demo data
/// still loads: its staff look-ups at that moment need the new month's
/// partition, as every write at "now" does. CI once ran just then.
#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn demo_data_loads_in_the_first_minutes_of_a_month(pool: PgPool) {
    let config = crate::support::test_config();
    let now = at("2027-01-31T23:05:00Z");
    let synthetic = server::demo_events::Synthetic {
        seed: 1,
        events: 0,
        citizens: 1,
        retention_months: config.log_retention_months,
    };
    server::commands::load_demo_data(&pool, &config, synthetic, now)
        .await
        .unwrap();
    let looked_up_now: i64 = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM access_events WHERE occurred_at = $1"#,
        now
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(looked_up_now > 0, "the demo requests' look-ups are logged");
    assert!(partitions::existing(&pool)
        .await
        .unwrap()
        .contains(&month("2027-02")));
}
