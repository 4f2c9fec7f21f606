//! The citizen's log: `/min-log` and its exports show the
//! signed-in citizen's own visible uses, never hidden ones, never another
//! citizen's, whatever the query string says.

use axum::http::StatusCode;
use axum::Router;
use serde_json::Value;
use sqlx::PgPool;

use server::{clock, demo_data, demo_events};

use crate::support::{get, get_with_cookie, router, sign_in_at, test_config};

/// The demo municipality with the demo citizens' story; Anna's and Bo's
/// session cookies.
pub(crate) async fn demo(pool: &PgPool) -> (Router, String, String) {
    demo_data::load(pool).await.unwrap();
    let pepper = test_config().subject_key_pepper;
    demo_events::load_story(pool, &pepper, clock::now())
        .await
        .unwrap();
    let app = router(pool.clone());
    let (landing, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    assert_eq!(landing, "/min-log");
    let (_, bo) = sign_in_at(&app, "/log-ind", "bo").await;
    (app, anna, bo)
}

pub(crate) const STILL_HIDDEN_REASON: &str = "Politiets efterforskning";
pub(crate) const DISCLOSED_REASON: &str =
    "Sagen indgik i en politiefterforskning, der nu er afsluttet";

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_page_shows_the_citizens_visible_uses_only(pool: PgPool) {
    let (app, anna, bo) = demo(&pool).await;

    let page = get_with_cookie(&app, "/min-log", &anna).await;
    assert_eq!(page.status, StatusCode::OK);
    for expected in [
        "Hvem har set mine oplysninger?",
        "Borgerservice",
        "CPR-registret",
        "ændrede dine oplysninger",
        "Jobcenter",
        DISCLOSED_REASON,
        // Anna's visible uses without the bulk run: 7 + the disclosed one + the print.
        "9 gange",
        "Spørg om dette opslag",
        "1 linje fra masseudtræk",
    ] {
        assert!(page.body.contains(expected), "{expected} on the page");
    }
    assert!(
        !page.body.contains(STILL_HIDDEN_REASON),
        "a hidden use leaked"
    );
    // Each row's question link: its name starts with its visible words
    // (WCAG 2.5.3), no two rows share one, and a change is not a look-up.
    let links: Vec<(String, String)> = page
        .body
        .split("<a href=\"/henvendelser/ny?opslag=")
        .skip(1)
        .map(|rest| {
            // The accessible name is the link's whole text: the visible
            // words, then the screen-reader-only details.
            let link = scraper::Html::parse_fragment(&format!(
                "<a href=\"{}",
                rest.split("</a>").next().unwrap()
            ));
            let label: String = link.root_element().text().collect();
            let text = rest.split('>').nth(1).unwrap().split('<').next().unwrap();
            (label, text.to_owned())
        })
        .collect();
    assert!(links.len() >= 3, "{links:?}");
    for (label, text) in &links {
        assert!(label.starts_with(text.as_str()), "{label} / {text}");
        if label.contains("ændrede dine oplysninger") {
            assert_eq!(text, "Spørg om denne brug");
        }
    }
    let unique: std::collections::BTreeSet<&String> =
        links.iter().map(|(label, _)| label).collect();
    assert_eq!(unique.len(), links.len(), "{links:?}");
    assert!(
        !page.body.contains("fødselsdato 1981"),
        "a search criterion leaked"
    );
    assert!(!page.body.contains("demo-medarbejder"), "an actor leaked");

    let with_bulk = get_with_cookie(&app, "/min-log?masse=1", &anna).await;
    assert!(with_bulk.body.contains("10 gange"));
    assert!(with_bulk.body.contains("Masseudtræk"));

    let filtered = get_with_cookie(&app, "/min-log?system=esdh", &anna).await;
    assert!(filtered.body.contains("3 gange"), "three Jobcenter reads");
    assert!(!filtered.body.contains("ændrede dine oplysninger"));

    // A date it cannot read: the error at the field with what was typed,
    // and no rows of another period shown as if they answered it; the
    // exports refuse the same filter.
    let bad = get_with_cookie(&app, "/min-log?fra=igaar&til=2026-13-01", &anna).await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("Skriv datoen som dag-måned-år"));
    assert!(bad.body.contains(r#"value="igaar""#) && bad.body.contains(r#"value="2026-13-01""#));
    assert!(bad.body.contains("<title>Fejl: "));
    assert!(bad.body.contains(r##"href="#fra""##) && bad.body.contains(r##"href="#til""##));
    assert!(!bad.body.contains("log-table") && !bad.body.contains(" gange"));
    for export in [
        "/min-log/eksport.csv?fra=igaar",
        "/min-log/eksport.json?fra=igaar",
    ] {
        let refused = get_with_cookie(&app, export, &anna).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{export}");
        assert!(refused.body.contains("Skriv datoen som dag-måned-år"));
    }
    // Dates as people write them are read.
    for written in ["01-05-2026", "1.5.2026", "1/5/2026", "2026-05-01"] {
        let read = get_with_cookie(&app, &format!("/min-log?fra={written}"), &anna).await;
        assert!(!read.body.contains("Skriv datoen"), "{written}");
    }

    let print = get_with_cookie(&app, "/min-log/udskriv?system=esdh", &anna).await;
    assert_eq!(print.status, StatusCode::OK);
    assert!(print.body.contains("Jobcenter") && print.body.contains("3 gange"));
    assert!(
        !print.body.contains("Afgræns visningen"),
        "no filter form in the print view"
    );
    assert!(
        !print.body.contains("Spørg om dette opslag"),
        "no links in the print view"
    );

    let bos = get_with_cookie(&app, "/min-log", &bo).await;
    assert!(bos.body.contains("Sundhed og Omsorg"));
    assert!(!bos.body.contains("Jobcenter") && !bos.body.contains(DISCLOSED_REASON));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_csv_export_has_the_pages_rows(pool: PgPool) {
    let (app, anna, bo) = demo(&pool).await;

    let csv = get_with_cookie(&app, "/min-log/eksport.csv", &anna).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let text = csv.body.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.get(0), Some("Dato"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // read + update on moving day (2 rows), 3 reads in one row, 2 days at
    // Ydelsescenter, the disclosed read, the print.
    assert_eq!(rows.len(), 7, "{text}");
    let total: i64 = rows.iter().map(|row| row[8].parse::<i64>().unwrap()).sum();
    assert_eq!(total, 9);
    assert!(!text.contains(STILL_HIDDEN_REASON));

    let esdh = get_with_cookie(&app, "/min-log/eksport.csv?system=esdh", &anna).await;
    let esdh_rows = esdh.body.lines().count() - 1;
    assert_eq!(esdh_rows, 1, "{}", esdh.body);

    // Bo's export is Bo's, whatever parameters he adds.
    let bos = get_with_cookie(
        &app,
        "/min-log/eksport.json?subject=anna&cpr=2403819912",
        &bo,
    )
    .await;
    let json: Value = serde_json::from_str(&bos.body).unwrap();
    let units: Vec<&str> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["unit"].as_str().unwrap())
        .collect();
    assert!(!units.is_empty());
    assert!(
        units
            .iter()
            .all(|unit| ["Sundhed og Omsorg", "Byggeri"].contains(unit)),
        "{units:?}"
    );
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn only_signed_in_citizens_reach_their_log(pool: PgPool) {
    let app = router(pool.clone());
    for path in [
        "/min-log",
        "/min-log/eksport.csv",
        "/v3/findUsage",
        "/min-log/udskriv",
    ] {
        let reply = get(&app, path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        // To the sign-in, which returns to the page.
        assert_eq!(
            reply.location(),
            format!("/log-ind?tilbage={}", app::text::query_value(path)),
            "{path}"
        );
    }
    let (_, caseworker) = sign_in_at(&app, "/medarbejder/log-ind", "sagsbehandler").await;
    let reply = get_with_cookie(&app, "/min-log/eksport.csv", &caseworker).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn asking_about_a_row_shows_only_the_citizens_own_row(pool: PgPool) {
    let (app, anna, bo) = demo(&pool).await;
    let page = get_with_cookie(&app, "/min-log?system=esdh", &anna).await;
    let start = page
        .body
        .find("/henvendelser/ny?opslag=")
        .expect("a link to ask");
    let link: String = page.body[start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();

    let annas = get_with_cookie(&app, &link, &anna).await;
    assert_eq!(annas.status, StatusCode::OK);
    assert!(annas.body.contains("Jobcenter"), "Anna sees her row");

    let bos = get_with_cookie(&app, &link, &bo).await;
    assert_eq!(bos.status, StatusCode::OK);
    assert!(!bos.body.contains("Jobcenter"), "Bo cannot see Anna's row");
    assert!(bos.body.contains("Vi kan ikke finde opslaget"));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_empty_log_explains_what_that_means(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let app = router(pool.clone());
    let (_, anna) = sign_in_at(&app, "/log-ind", "anna").await;
    let page = get_with_cookie(&app, "/min-log", &anna).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Der er ingen brug at vise"));
    assert!(page.body.contains("Det viser loggen ikke"));
    assert!(page.body.contains("Loggen dækker fra"));
}

/// The page and the export read names from the server's memory; a unit,
/// a system or a purpose renamed in the database shows under its new name
/// on the very next page (the memory is kept by the count of changes the
/// page's query reads, `app::access_log::master_data`).
#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn renamed_master_data_show_under_their_new_names_at_once(pool: PgPool) {
    let (app, anna, _) = demo(&pool).await;
    let before = get_with_cookie(&app, "/min-log", &anna).await;
    assert!(before.body.contains("Jobcenter"));
    assert!(before.body.contains("CPR-registret"));

    for rename in [
        "UPDATE org_units SET name = 'Jobcentret i Eksempel' WHERE code = 'JC'",
        "UPDATE source_systems SET name = 'Det Centrale Personregister' WHERE code = 'cpr'",
        "UPDATE purposes SET legal_basis = legal_basis || ' (ændret)'",
    ] {
        sqlx::query(rename).execute(&pool).await.unwrap();
    }

    let after = get_with_cookie(&app, "/min-log", &anna).await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(after.body.contains("Jobcentret i Eksempel"), "unit renamed");
    assert!(!after.body.contains(">Jobcenter<"), "old unit name gone");
    assert!(after.body.contains("Det Centrale Personregister"));
    assert!(
        !after.body.contains("CPR-registret"),
        "old system name gone"
    );
    assert!(after.body.contains("(ændret)"), "purpose changed");
    let csv = get_with_cookie(&app, "/min-log/eksport.csv", &anna).await;
    assert!(csv.body.contains("Jobcentret i Eksempel"), "{}", csv.body);

    // The count itself stays: without it no server could tell.
    for statement in [
        "DELETE FROM master_data_version",
        "TRUNCATE master_data_version",
    ] {
        let error = sqlx::query(statement).execute(&pool).await.unwrap_err();
        let code = error.as_database_error().and_then(|e| e.code());
        assert_eq!(code.as_deref(), Some("23001"), "{statement}: {error}");
    }
}
