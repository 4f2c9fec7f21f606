//! The portal as a least-privileged database role: the schema's owner
//! (`database_owner_url`) applies the migrations and grants; the runtime
//! role (`database_url`) serves every route and runs the jobs' storage,
//! and can change no table's shape, rewrite or delete no stored event or
//! history entry, and drop nothing but a month of the access log past the
//! six months the law asks for.

use chrono::{Duration, Months};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use server::access_log::{batch, partitions};
use server::config::Config;
use server::{clock, db, demo_data};

use crate::retention::event_at;

/// Two login roles of their own for one test database: its owner and the
/// portal's runtime role. Roles belong to the whole cluster, so the names
/// are unique to the test and the roles are dropped at its end.
struct Roles {
    owner: String,
    runtime: String,
    database: String,
}

impl Roles {
    async fn create(admin: &PgPool) -> Roles {
        let suffix = uuid::Uuid::new_v4().simple().to_string();
        let roles = Roles {
            owner: format!("indblik_owner_{}", &suffix[..12]),
            runtime: format!("indblik_app_{}", &suffix[..12]),
            database: sqlx::query_scalar("SELECT current_database()::text")
                .fetch_one(admin)
                .await
                .unwrap(),
        };
        for statement in [
            format!("CREATE ROLE {} LOGIN", roles.owner),
            format!("CREATE ROLE {} LOGIN", roles.runtime),
            format!(
                "ALTER DATABASE \"{}\" OWNER TO {}",
                roles.database, roles.owner
            ),
        ] {
            sqlx::query(&statement).execute(admin).await.unwrap();
        }
        roles
    }

    /// The test database's URL as `role`.
    fn url(&self, role: &str) -> String {
        let server = std::env::var("DATABASE_URL").expect("DATABASE_URL names the test server");
        let mut url = url::Url::parse(&server).unwrap();
        url.set_username(role).unwrap();
        url.set_password(None).unwrap();
        url.set_path(&format!("/{}", self.database));
        url.to_string()
    }

    async fn drop(self, admin: &PgPool) {
        for statement in [
            format!("ALTER DATABASE \"{}\" OWNER TO CURRENT_USER", self.database),
            format!("REASSIGN OWNED BY {} TO CURRENT_USER", self.owner),
            format!("DROP OWNED BY {}", self.runtime),
            format!("DROP ROLE {}", self.runtime),
            format!("DROP ROLE {}", self.owner),
        ] {
            sqlx::query(&statement).execute(admin).await.unwrap();
        }
    }
}

/// The SQLSTATE with which `statement`, run by `pool`'s role, fails.
async fn refusal(pool: &PgPool, statement: &str) -> Option<String> {
    match sqlx::query(statement).execute(pool).await {
        Ok(_) => None,
        Err(sqlx::Error::Database(error)) => error.code().map(|code| code.into_owned()),
        Err(error) => panic!("{statement}: {error}"),
    }
}

#[sqlx::test(migrations = false)]
async fn the_runtime_role_serves_everything_and_changes_no_table_or_stored_event(admin: PgPool) {
    let roles = Roles::create(&admin).await;
    let config = Config::from_figment(
        crate::support::test_figment()
            .merge(("database_url", roles.url(&roles.runtime)))
            .merge(("database_owner_url", roles.url(&roles.owner))),
    )
    .unwrap();
    // What `server serve` does at start: connect as the runtime role, then
    // migrate and grant as the owner. A second start changes nothing.
    let runtime = db::connect(&config).await.unwrap();
    db::prepare(&config, &runtime).await.unwrap();
    db::prepare(&config, &runtime).await.unwrap();
    assert_eq!(
        db::schema_state(&runtime).await.unwrap(),
        db::SchemaState::Current,
        "the runtime role reads the migrations' record"
    );
    assert_eq!(
        db::trouble(&runtime).await,
        None,
        "the runtime role may make the write probe's temporary table"
    );
    let owners: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'public'",
    )
    .fetch_all(&admin)
    .await
    .unwrap();
    assert_eq!(owners, vec![roles.owner.clone()]);

    // The access log as the runtime role: partitions made and events
    // stored through the owner's function, an old month dropped by the
    // purge, this month refused.
    demo_data::load(&runtime).await.unwrap();
    let now = clock::now();
    let old = now - Months::new(9);
    let system: i64 = sqlx::query_scalar("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(&runtime)
        .await
        .unwrap();
    let events = vec![
        event_at(&runtime, "old", old).await,
        event_at(&runtime, "new", now - Duration::hours(1)).await,
    ];
    batch::store_all(&runtime, system, events, now)
        .await
        .unwrap();
    let purged = partitions::purge(&runtime, now, 6, None).await.unwrap();
    assert!(!purged.months.is_empty(), "{purged:?}");
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM access_events")
        .fetch_one(&runtime)
        .await
        .unwrap();
    assert_eq!(left, 1, "the old month went with its partition");
    let this_month =
        app::access_log::coverage::month_start(app::access_log::coverage::local_date(now));
    let partition = partitions::partition_name(this_month);
    let restrict_violation = Some("23001".to_owned());
    let insufficient_privilege = Some("42501".to_owned());
    assert_eq!(
        refusal(
            &runtime,
            &format!("SELECT access_log_drop_partitions('{this_month}')")
        )
        .await,
        restrict_violation,
        "this month is kept"
    );
    // ... even by the owner: the six months are the law's.
    let owner = PgPoolOptions::new()
        .max_connections(1)
        .connect(&roles.url(&roles.owner))
        .await
        .unwrap();
    assert_eq!(
        refusal(
            &owner,
            &format!("SELECT access_log_drop_partitions('{this_month}')")
        )
        .await,
        restrict_violation
    );
    owner.close().await;

    for statement in [
        "DROP TABLE data_requests".to_owned(),
        format!("DROP TABLE {partition}"),
        "ALTER TABLE data_requests ADD COLUMN intruder int".to_owned(),
        "CREATE TABLE intruder (id int)".to_owned(),
        "TRUNCATE sessions".to_owned(),
        "UPDATE access_events SET actor = 'someone else'".to_owned(),
        "DELETE FROM access_events".to_owned(),
        format!("SELECT count(*) FROM {partition}"),
        format!("DELETE FROM {partition}"),
        "UPDATE access_summary SET day = day - 1".to_owned(),
        "DELETE FROM data_request_events".to_owned(),
        "UPDATE data_request_events SET body = 'changed'".to_owned(),
        "DELETE FROM data_requests".to_owned(),
        "DELETE FROM org_units".to_owned(),
        "DELETE FROM _sqlx_migrations".to_owned(),
        "SELECT grant_runtime_privileges(current_user)".to_owned(),
    ] {
        assert_eq!(
            refusal(&runtime, &statement).await,
            insufficient_privilege,
            "{statement}"
        );
    }
    // Every route, with every kind of caller, served from the runtime role.
    crate::authorization_matrix::every_route_answers_as_the_matrix_says(&runtime).await;

    // The one change of a stored event: its hiding.
    sqlx::query("UPDATE access_events SET hidden_reason = 'Efterforskning', hidden_until = now()")
        .execute(&runtime)
        .await
        .unwrap();

    runtime.close().await;
    roles.drop(&admin).await;
}
