//! The `server` binary's commands that need no database.

use std::process::Command;

fn server(args: &[&str], extra_env: &[(&str, &str)]) -> std::process::Output {
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/development.toml");
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(["--config", config])
        .args(args)
        .env("INDBLIK_DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .env("INDBLIK_LOG_FILTER", "off");
    for (key, value) in extra_env {
        command.env(key, value);
    }
    command.output().expect("the server binary runs")
}

#[test]
fn deadline_prints_one_line_without_a_database() {
    let output = server(&["deadline", "2026-01-31T10:00:00+01:00"], &[]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "received=2026-01-31 due=2026-03-02 extended=2026-04-28\n"
    );
    // 22:30 UTC on 31 March is 1 April in Copenhagen.
    let output = server(&["deadline", "2026-03-31T22:30:00Z"], &[]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "received=2026-04-01 due=2026-05-01 extended=2026-07-01\n"
    );
}

#[test]
fn deadline_follows_the_half_holiday_setting_and_refuses_bad_input() {
    let output = server(
        &["deadline", "2025-11-24T10:00:00+01:00"],
        &[("INDBLIK_DEADLINE_HALF_HOLIDAYS_CLOSED", "true")],
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "received=2025-11-24 due=2025-12-29 extended=2026-02-24\n"
    );
    let output = server(&["deadline", "yesterday"], &[]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("RFC 3339"));
}
