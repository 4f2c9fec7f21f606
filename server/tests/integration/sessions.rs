//! The session store: what is deleted stays deleted.

use std::collections::HashMap;

use sqlx::PgPool;
use tower_sessions::session::{Id, Record};
use tower_sessions::SessionStore;

use server::auth::store::PgSessionStore;

fn in_a_quarter_of_an_hour() -> time::OffsetDateTime {
    let at = server::clock::now() + chrono::Duration::minutes(15);
    time::OffsetDateTime::from_unix_timestamp(at.timestamp()).unwrap()
}

async fn rows(pool: &PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn saving_a_signed_out_session_does_not_bring_it_back(pool: PgPool) {
    let store = PgSessionStore::new(pool.clone());
    let mut record = Record {
        id: Id::default(),
        data: HashMap::from([("user".to_owned(), serde_json::json!({"who": "anna"}))]),
        expiry_date: in_a_quarter_of_an_hour(),
    };
    store.create(&mut record).await.unwrap();
    assert!(store.load(&record.id).await.unwrap().is_some());

    // A request still in flight holds the record while the user signs out …
    store.delete(&record.id).await.unwrap();
    // … and saves it when it finishes.
    store.save(&record).await.unwrap();

    assert!(store.load(&record.id).await.unwrap().is_none());
    assert_eq!(rows(&pool).await, 0);
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn saving_a_live_session_updates_it(pool: PgPool) {
    let store = PgSessionStore::new(pool.clone());
    let mut record = Record {
        id: Id::default(),
        data: HashMap::new(),
        expiry_date: in_a_quarter_of_an_hour(),
    };
    store.create(&mut record).await.unwrap();
    record
        .data
        .insert("user".to_owned(), serde_json::json!("bo"));
    store.save(&record).await.unwrap();
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    assert_eq!(loaded.data["user"], serde_json::json!("bo"));
    assert_eq!(rows(&pool).await, 1);
}
