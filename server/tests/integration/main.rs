//! Integration tests: the real router against a real PostgreSQL and the real
//! test identity provider. Each `#[sqlx::test]` gets its own fresh database on
//! the server named by `DATABASE_URL`; `make test` starts the database and the
//! provider. One binary, one module per area.

// This whole crate is tests: a failed `unwrap`/`expect` is a failed test,
// in the helpers as in the test functions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod audit_trail;
mod auth;
mod authorization_matrix;
mod backups;
mod bad_tokens;
mod capabilities;
mod cli;
mod data_tracker;
mod db_roles;
mod english_everywhere;
mod fake_provider;
mod faults;
mod health;
mod import;
mod ingestion;
mod jobs;
mod lockout;
mod log_control;
mod mail;
mod metrics;
mod my_log;
mod pages;
mod rate_limits;
mod requests;
mod retention;
mod scaling;
mod sessions;
mod staff;
mod staff_directory;
mod summary;
mod support;
mod tls;
mod usage_review;
mod vocabulary;
mod web_hygiene;
