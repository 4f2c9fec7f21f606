//! E-mail through the real SMTP sink (scripts/smtp-sink.sh): the daily
//! digest lists the right requests and is written once a day; a citizen who
//! gave an address is told that something changed (and nothing more), not of
//! internal notes; a failed delivery stays in the outbox and goes out later.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::Value;
use sqlx::PgPool;

use server::access_log::partitions;
use server::mail::{send_due, Mailer};
use server::{clock, demo_data};

use crate::support::{
    get_with_cookie, post_form, request_version, router, sign_in_at, smtp_inbox, test_config,
    test_figment, PUBLIC_URL,
};

/// The messages the sink received for `to`.
async fn inbox_for(to: &str) -> Vec<Value> {
    let all: Vec<Value> = reqwest::get(smtp_inbox())
        .await
        .expect("the SMTP sink answers")
        .json()
        .await
        .expect("the sink lists JSON");
    all.into_iter()
        .filter(|message| {
            message["to"]
                .as_array()
                .is_some_and(|to_list| to_list.iter().any(|address| address == to))
        })
        .collect()
}

fn mailer() -> Mailer {
    Mailer::from_config(&test_config())
        .unwrap()
        .expect("smtp_url is set in tests")
}

async fn setup(pool: &PgPool) -> (axum::Router, String, String) {
    demo_data::load(pool).await.unwrap();
    partitions::ensure(pool, &partitions::months_to_keep_ready(clock::now(), 6))
        .await
        .unwrap();
    let app = router(pool.clone());
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    let (_, sara) = sign_in_at(&app, "/medarbejder/log-ind", "sagsbehandler").await;
    (app, anna, sara)
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_citizen_hears_that_something_changed_and_nothing_more(pool: PgPool) {
    let (app, anna, sara) = setup(&pool).await;
    let address = format!("anna-{}@eksempel.dk", uuid::Uuid::new_v4().simple());
    let filed = post_form(
        &app,
        "/henvendelser/ny/indsigt",
        &anna,
        &[("about", "Alt om min sag"), ("notify_email", &address)],
    )
    .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER);
    let id: i64 = sqlx::query_scalar("SELECT id FROM data_requests")
        .fetch_one(&pool)
        .await
        .unwrap();

    // An internal note tells the citizen nothing; a message does.
    let note = post_form(
        &app,
        &format!("/sagsbehandling/{id}/note"),
        &sara,
        &[
            ("version", &request_version(&pool, id).await),
            ("body", "Intern"),
        ],
    )
    .await;
    assert_eq!(note.status, StatusCode::SEE_OTHER);
    let message = post_form(
        &app,
        &format!("/sagsbehandling/{id}/besked"),
        &sara,
        &[
            ("version", &request_version(&pool, id).await),
            ("body", "Vi kigger på det"),
        ],
    )
    .await;
    assert_eq!(message.status, StatusCode::SEE_OTHER);
    let queued: i64 = sqlx::query_scalar("SELECT count(*) FROM mail_outbox WHERE to_address = $1")
        .bind(&address)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(queued, 1);

    let report = send_due(&pool, &mailer(), clock::now()).await.unwrap();
    assert!(report.sent >= 1 && report.failed == 0, "{report:?}");
    let received = inbox_for(&address).await;
    assert_eq!(received.len(), 1);
    let text = received[0]["text"].as_str().unwrap();
    assert_eq!(received[0]["subject"], "Der er nyt i din henvendelse");
    assert!(text.contains(&format!("{PUBLIC_URL}/henvendelser/{id}")));
    for private in ["Vi kigger på det", "Alt om min sag", "Anna", "Indsigt"] {
        assert!(!text.contains(private), "{private} in a citizen's notice");
    }
    // Sent once: nothing is due any more.
    let again = send_due(&pool, &mailer(), clock::now()).await.unwrap();
    assert_eq!(again.sent, 0);
    // The portal still shows Anna her request.
    assert_eq!(
        get_with_cookie(&app, &format!("/henvendelser/{id}"), &anna)
            .await
            .status,
        StatusCode::OK
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_daily_digest_lists_overdue_and_soon_due_requests_once_a_day(pool: PgPool) {
    let (app, _anna, sara) = setup(&pool).await;
    let now = clock::now();
    let register = |days_ago: i64, kind: &'static str| {
        let received =
            (now - Duration::days(days_ago)).with_timezone(&chrono_tz::Europe::Copenhagen);
        let app = app.clone();
        let sara = sara.clone();
        async move {
            let reply = post_form(
                &app,
                "/sagsbehandling/registrer",
                &sara,
                &[
                    ("kind", kind),
                    ("channel", "email"),
                    ("received_date", &received.format("%Y-%m-%d").to_string()),
                    ("received_time", "08:00"),
                    ("citizen_name", "Bo Prøvesen"),
                    ("cpr", "1207559987"),
                    ("identity_check", "Svar fra e-mailadresse kendt i sagen"),
                    ("about", "Henvendelse"),
                ],
            )
            .await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
            reply
                .location()
                .trim_start_matches("/sagsbehandling/")
                .split('?')
                .next()
                .unwrap()
                .parse::<i64>()
                .unwrap()
        }
    };
    let overdue = register(40, "access").await;
    let soon = register(27, "erasure").await;
    let later = register(1, "restriction").await;
    // Sara takes the overdue one: her digest lists it.
    let sara_id: String =
        sqlx::query_scalar("SELECT id FROM staff_members WHERE name = 'Sara Sagsbehandler'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let assigned = post_form(
        &app,
        &format!("/sagsbehandling/{overdue}/tildel"),
        &sara,
        &[
            ("version", &request_version(&pool, overdue).await),
            ("assignee", &sara_id),
        ],
    )
    .await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER);

    let dpo = format!("dpo-{}@test.dk", uuid::Uuid::new_v4().simple());
    let written = app::requests::mail::run_digest(&pool, &dpo, PUBLIC_URL, 7, now)
        .await
        .unwrap();
    assert_eq!(written, Some(2), "the DPO and Sara");
    assert_eq!(
        app::requests::mail::run_digest(&pool, &dpo, PUBLIC_URL, 7, now)
            .await
            .unwrap(),
        None,
        "once a day"
    );

    send_due(&pool, &mailer(), now).await.unwrap();
    let received = inbox_for(&dpo).await;
    assert_eq!(received.len(), 1);
    let text = received[0]["text"].as_str().unwrap();
    assert!(received[0]["subject"]
        .as_str()
        .unwrap()
        .contains("1 overskreden frist"));
    assert!(
        text.contains(&format!("H-{overdue:06}")) && text.contains(&format!("H-{soon:06}")),
        "{text}"
    );
    assert!(!text.contains(&format!("H-{later:06}")), "due in a month");
    assert!(text.contains(&format!("{PUBLIC_URL}/sagsbehandling/{overdue}")));
    assert!(!text.contains("Bo Prøvesen"), "no names in the digest");
    let for_sara = inbox_for("sara@eksempel.dk").await;
    assert!(for_sara.iter().any(|mail| mail["text"]
        .as_str()
        .unwrap()
        .contains(&format!("H-{overdue:06}"))));
}

/// A citizen's notice to `to`, in the outbox at `now`.
async fn enqueue_notice(pool: &PgPool, to: &str, now: chrono::DateTime<chrono::Utc>) {
    let mut tx = pool.begin().await.unwrap();
    let mail = app::requests::mail::status_notice(to, PUBLIC_URL, 1, app::i18n::Lang::Da);
    app::requests::mail::enqueue(&mut tx, &mail, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_failed_delivery_stays_in_the_outbox_and_goes_out_later(pool: PgPool) {
    let now = clock::now();
    let to = format!("retry-{}@test.dk", uuid::Uuid::new_v4().simple());
    enqueue_notice(&pool, &to, now).await;

    // Nothing listens on port 9 of this machine.
    let unreachable = server::config::Config::from_figment(
        test_figment().merge(("smtp_url", "smtp://127.0.0.1:9")),
    )
    .unwrap();
    let broken = Mailer::from_config(&unreachable).unwrap().unwrap();
    let report = send_due(&pool, &broken, now).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 1));
    let (attempts, error, next): (i32, Option<String>, chrono::DateTime<chrono::Utc>) =
        sqlx::query_as(
            "SELECT attempts, last_error, next_attempt_at FROM mail_outbox WHERE to_address = $1",
        )
        .bind(&to)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(attempts, 1);
    assert!(error.is_some());
    assert!(next > now);
    // Not due yet, then due: the working server sends it.
    assert_eq!(send_due(&pool, &mailer(), now).await.unwrap().sent, 0);
    assert_eq!(
        send_due(&pool, &mailer(), now + Duration::minutes(3))
            .await
            .unwrap()
            .sent,
        1
    );
    assert_eq!(inbox_for(&to).await.len(), 1);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_refused_recipient_is_not_named_in_the_outbox_or_the_log(pool: PgPool) {
    let now = clock::now();
    let to = format!("reject-{}@test.dk", uuid::Uuid::new_v4().simple());
    enqueue_notice(&pool, &to, now).await;
    let report = send_due(&pool, &mailer(), now).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 1));
    let error: Option<String> =
        sqlx::query_scalar("SELECT last_error FROM mail_outbox WHERE to_address = $1")
            .bind(&to)
            .fetch_one(&pool)
            .await
            .unwrap();
    let error = error.unwrap();
    assert!(
        !error.contains(&to) && !error.contains("reject-"),
        "{error}"
    );
    assert!(
        error.contains("refused") && error.contains("550"),
        "{error}"
    );
}
