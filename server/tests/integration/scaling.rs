//! The plan of `docs/scaling.md` for a national instance, checked against
//! the schema the migrations build: the access log distributed by the
//! citizen's key (Citus), the master data as reference tables, and nothing
//! in the schema that the plan does not already account for. A migration
//! that adds a unique constraint, a foreign key or a table beside the log
//! that the plan cannot distribute fails here, and the plan (and this list)
//! must be changed with it.

use sqlx::PgPool;

/// Distributed by `subject_key`, co-located, partitioned by time.
const DISTRIBUTED: &[&str] = &["access_events", "access_summary"];

/// Copied to every node: small, and read with every page of the log (the
/// names, and the count of their changes the page's query reads).
const REFERENCE: &[&str] = &[
    "authorities",
    "org_units",
    "source_systems",
    "purposes",
    "master_data_version",
];

/// Unique constraints of distributed tables without the distribution
/// column, which the plan changes (docs/scaling.md, "Citus"): the resend
/// check becomes per citizen.
const UNIQUE_CHANGED_BY_THE_PLAN: &[(&str, &str)] = &[(
    "access_events",
    "source_system_id,source_event_id,occurred_at",
)];

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn the_schema_fits_the_plan_for_a_national_instance(pool: PgPool) {
    // Distributed tables: partitioned, with the distribution column.
    for table in DISTRIBUTED {
        let (partitioned, keyed): (bool, bool) = sqlx::query_as(
            "SELECT c.relkind = 'p',
                    EXISTS (SELECT 1 FROM pg_attribute a
                            WHERE a.attrelid = c.oid AND a.attname = 'subject_key' AND NOT a.attisdropped)
             FROM pg_class c WHERE c.relname = $1 AND c.relnamespace = 'public'::regnamespace",
        )
        .bind(table)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert!(
            partitioned && keyed,
            "{table}: partitioned by time and keyed by citizen"
        );
    }

    // Every unique index of a distributed table holds the distribution
    // column, or is one the plan changes.
    let unique: Vec<(String, String)> = sqlx::query_as(
        "SELECT t.relname::text,
                string_agg(a.attname::text, ',' ORDER BY k.ordinality)
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE i.indisunique AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
         GROUP BY t.relname, i.indexrelid",
    )
    .bind(DISTRIBUTED)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(!unique.is_empty(), "the log's unique indexes were read");
    let unplanned: Vec<&(String, String)> = unique
        .iter()
        .filter(|(table, columns)| {
            !columns.split(',').any(|column| column == "subject_key")
                && !UNIQUE_CHANGED_BY_THE_PLAN
                    .iter()
                    .any(|(t, c)| t == table && c == columns)
        })
        .collect();
    assert!(
        unplanned.is_empty(),
        "unique indexes a distribution by subject_key cannot keep: {unplanned:?}"
    );

    // Foreign keys: none from a distributed table except to reference
    // tables, none to a distributed table, and reference tables refer only
    // to reference tables.
    let keys: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text
         FROM pg_constraint c WHERE c.contype = 'f'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let is = |list: &[&str], table: &str| list.contains(&table);
    let wrong: Vec<&(String, String)> = keys
        .iter()
        .filter(|(from, to)| {
            is(DISTRIBUTED, to)
                || (is(DISTRIBUTED, from) && !is(REFERENCE, to))
                || (is(REFERENCE, from) && !is(REFERENCE, to))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "foreign keys the plan cannot keep: {wrong:?}"
    );

    // Reference tables have a primary key (Citus replicates by it).
    for table in REFERENCE {
        let keyed: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM pg_constraint
                            WHERE conrelid = $1::regclass AND contype = 'p')",
        )
        .bind(table)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert!(keyed, "{table} has a primary key");
    }
}
