//! The stored vocabulary agrees with the Rust enums: every code a `CHECK`
//! constraint allows is one the enum knows and the other way round, and the
//! partial index of the queue covers exactly the open statuses.

use std::collections::BTreeSet;

use sqlx::PgPool;

use app::caller::Role;
use app::requests::actions::HistoryAction;
use app::requests::mail::MailKind;
use app::requests::{Channel, ExtensionReason, Kind, RefusalGround, Status};

/// The quoted words in a constraint or index definition, e.g. the codes of
/// `status = ANY (ARRAY['received'::text, …])`.
fn quoted(definition: &str) -> BTreeSet<String> {
    definition
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The codes the `CHECK` constraint on `table.column` allows.
async fn allowed(pool: &PgPool, table: &str, column: &str) -> BTreeSet<String> {
    let definitions: Vec<String> = sqlx::query_scalar(
        "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
         WHERE c.conrelid = $1::regclass AND c.contype = 'c'",
    )
    .bind(table)
    .fetch_all(pool)
    .await
    .unwrap();
    let definition = definitions
        .into_iter()
        .find(|definition| {
            definition.starts_with(&format!("CHECK (({column} = ANY"))
                || definition.starts_with(&format!("CHECK (({column} IS NULL) OR ({column} = ANY"))
        })
        .unwrap_or_else(|| panic!("no list of codes for {table}.{column}"));
    quoted(&definition)
}

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> BTreeSet<String> {
    all.iter().map(|value| code(*value).to_owned()).collect()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn stored_codes_are_exactly_the_enums(pool: PgPool) {
    let pool = &pool;
    assert_eq!(
        allowed(pool, "data_requests", "kind").await,
        codes(&Kind::ALL, Kind::code)
    );
    assert_eq!(
        allowed(pool, "data_requests", "status").await,
        codes(&Status::ALL, Status::code)
    );
    assert_eq!(
        allowed(pool, "data_requests", "channel").await,
        codes(&Channel::ALL, Channel::code)
    );
    assert_eq!(
        allowed(pool, "data_requests", "extension_reason").await,
        codes(&ExtensionReason::ALL, ExtensionReason::code)
    );
    assert_eq!(
        allowed(pool, "data_request_events", "action").await,
        codes(&HistoryAction::ALL, HistoryAction::code)
    );
    assert_eq!(
        allowed(pool, "data_request_events", "ground").await,
        codes(&RefusalGround::ALL, RefusalGround::code)
    );
    assert_eq!(
        allowed(pool, "mail_outbox", "kind").await,
        codes(&MailKind::ALL, MailKind::code)
    );
    // Roles are stored as a text array without a constraint; the codes the
    // directory stores are the enum's.
    for role in Role::ALL {
        assert_eq!(Role::parse(role.code()), Some(role));
    }
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_queue_index_covers_exactly_the_open_statuses(pool: PgPool) {
    let definition: String = sqlx::query_scalar(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'data_requests_queue_idx'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(quoted(&definition), codes(&Status::OPEN, Status::code));
}
