//! `server import`: NDJSON and CSV files are validated like the API, stored
//! all or nothing, and importing the same file again stores nothing new.

use std::io::Write;

use chrono::{Duration, SecondsFormat};
use sqlx::PgPool;

use server::access_log::import::{import, Format, ImportError};
use server::{clock, demo_data};

use crate::support::test_config;

/// A file of the test's own, removed when dropped.
struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn file_with(name: &str, contents: &str) -> TempFile {
    let path = std::env::temp_dir().join(format!("indblik-{}-{name}", uuid::Uuid::new_v4()));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(contents.as_bytes())
        .unwrap();
    TempFile(path)
}

async fn run(
    pool: &PgPool,
    path: &std::path::Path,
    format: Format,
) -> Result<(usize, u64), ImportError> {
    let config = test_config();
    import(
        pool,
        &config.subject_key_pepper,
        "esdh",
        path,
        format,
        clock::now(),
        config.log_retention_months,
        &mut (),
    )
    .await
    .map(|imported| (imported.received, imported.stored))
}

async fn counts(pool: &PgPool) -> (i64, i64) {
    sqlx::query_as::<_, (i64, i64)>(
        "SELECT (SELECT count(*) FROM access_events), (SELECT COALESCE(sum(events), 0)::bigint FROM access_summary)",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

fn yesterday() -> String {
    (clock::now() - Duration::days(1)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn an_ndjson_file_is_imported_once(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let time = yesterday();
    let lines: String = (0..25_000)
        .map(|n| {
            format!(
                "{{\"id\":\"n{n}\",\"time\":\"{time}\",\"actor\":\"m1\",\"unit\":\"JC\",\"use\":\"read\",\"cpr\":\"0101901234\",\"purpose\":\"beskaeftigelse\"}}\n"
            )
        })
        .collect();
    let file = file_with("events.ndjson", &lines);
    assert_eq!(
        run(&pool, &file.0, Format::Ndjson).await.unwrap(),
        (25_000, 25_000)
    );
    assert_eq!(counts(&pool).await, (25_000, 25_000));
    assert_eq!(
        run(&pool, &file.0, Format::Ndjson).await.unwrap(),
        (25_000, 0)
    );
    assert_eq!(counts(&pool).await, (25_000, 25_000));
    // Each run is recorded, read to the end (what /metrics shows while
    // an import runs).
    /// File, size, bytes and events read, events stored, outcome.
    type RunRecord = (String, i64, i64, i64, Option<i64>, Option<String>);
    let runs: Vec<RunRecord> = sqlx::query_as(
        "SELECT file_name, bytes_total, bytes_read, events_read, events_stored, outcome
         FROM import_runs ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let size = lines.len() as i64;
    let name = file.0.file_name().unwrap().to_string_lossy().into_owned();
    let run = |stored: i64| {
        (
            name.clone(),
            size,
            size,
            25_000,
            Some(stored),
            Some("done".to_owned()),
        )
    };
    assert_eq!(runs, vec![run(25_000), run(0)]);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_csv_file_is_imported_with_its_header(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let time = yesterday();
    let csv = format!(
        "purpose,id,time,actor,unit,use,cpr,search_criterion,hidden_reason\n\
         beskaeftigelse,c1,{time},m1,JC,read,0101901234,,\n\
         beskaeftigelse,c2,{time},m1,JC,search,,\"født 1990, Aarhus\",\n\
         beskaeftigelse,c3,{time},m1,JC,update,010190-1234,,Efterforskning\n"
    );
    let file = file_with("events.csv", &csv);
    assert_eq!(run(&pool, &file.0, Format::Csv).await.unwrap(), (3, 3));
    // The search is not summarised; the hidden update is, in its own row.
    assert_eq!(counts(&pool).await, (3, 2));
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_file_with_a_bad_line_imports_nothing(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let time = yesterday();
    let mut lines: String = (0..12_000)
        .map(|n| {
            format!(
                "{{\"id\":\"n{n}\",\"time\":\"{time}\",\"actor\":\"m1\",\"unit\":\"JC\",\"use\":\"read\",\"cpr\":\"0101901234\",\"purpose\":\"beskaeftigelse\"}}\n"
            )
        })
        .collect();
    // Line 12,001 (after a full chunk was already staged) names an unknown unit.
    lines.push_str(&format!(
        "{{\"id\":\"bad\",\"time\":\"{time}\",\"actor\":\"m1\",\"unit\":\"XX\",\"use\":\"read\",\"cpr\":\"0101901234\",\"purpose\":\"beskaeftigelse\"}}\n"
    ));
    let file = file_with("bad.ndjson", &lines);
    match run(&pool, &file.0, Format::Ndjson).await {
        Err(ImportError::Refused(refusal)) => {
            assert_eq!(refusal.error_count, 1);
            assert_eq!(refusal.errors[0].line, 12_001);
            assert_eq!(refusal.errors[0].field, Some("unit"));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(counts(&pool).await, (0, 0));
    let outcome: Option<String> = sqlx::query_scalar("SELECT outcome FROM import_runs")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(outcome.as_deref(), Some("refused"));
    let staged: i64 = sqlx::query_scalar("SELECT count(*) FROM access_event_staging")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(staged, 0, "the staging table is left empty");

    let csv = file_with(
        "bad.csv",
        "id,time,actor,unit,use,cpr,purpose,employee\nx,2026,m,JC,read,1,p,Jens\n",
    );
    match run(&pool, &csv.0, Format::Csv).await {
        Err(ImportError::Refused(refusal)) => {
            // The unknown column by its place, never by what it says.
            assert!(
                refusal.errors[0].message.contains("column 8 of the header")
                    && !refusal.errors[0].message.contains("employee"),
                "{refusal:?}"
            );
            assert_eq!(refusal.errors[0].line, 1);
            assert!(refusal
                .errors
                .iter()
                .any(|e| e.line == 2 && e.field == Some("time")));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_csv_file_without_a_header_does_not_echo_its_first_line(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let time = yesterday();
    let csv = file_with(
        "no-header.csv",
        &format!("e1,{time},m1,JC,read,2403819912,beskaeftigelse\n"),
    );
    match run(&pool, &csv.0, Format::Csv).await {
        Err(ImportError::Refused(refusal)) => {
            let all = format!("{refusal:?}");
            assert!(!all.contains("2403819912") && !all.contains("m1"), "{all}");
            assert!(refusal.errors.iter().all(|error| error.line == 1));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(counts(&pool).await, (0, 0));
}
