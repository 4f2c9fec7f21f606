//! `server demo-data`'s control of the log: the demo staff in the staff
//! directory (Mette of Borgerservice behind the story's Borgerservice
//! actor, with her e-mail from the test identity provider), a late-evening
//! look-up the flag job flags, and a random sample of Borgerservice drawn
//! today, so the DPO, a manager and an employee each find something to do.
//! Running it again replaces what it made before.

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use app::access_log::UseType;
use app::deadline::holidays::Calendar;
use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};
use app::log_control::samples;

use crate::access_log::batch;
use crate::access_log::event::{Event, Subject};
use crate::demo_events::local_time;

/// Who the demo's control data is recorded as made by.
const MADE_BY: &str = "demo-data";

/// (actor, name, unit, e-mail) of the staff directory.
const DIRECTORY: &[(&str, &str, &str, &str)] = &[
    (
        "demo-medarbejder-bs",
        "Mette Medarbejder",
        "BS",
        "mette@eksempel.dk",
    ),
    (
        "demo-medarbejder-jc",
        "Jens Jobcenter",
        "JC",
        "jens@eksempel.dk",
    ),
];

/// A fictitious citizen the control's demo look-ups concern (no test user).
const LOOKED_UP_CPR: &str = "0101901234";

/// What [`load`] made.
#[derive(Debug, Default)]
pub struct Loaded {
    pub directory: usize,
    pub flags: usize,
    pub sampled: usize,
}

pub async fn load(
    pool: &PgPool,
    pepper: &Pepper,
    calendar: Calendar,
    now: DateTime<Utc>,
) -> anyhow::Result<Loaded> {
    for (actor, name, unit, email) in DIRECTORY {
        sqlx::query!(
            "INSERT INTO staff_directory (actor, name, org_unit_id, email, imported_at)
             SELECT $1, $2, id, $4, $5 FROM org_units WHERE code = $3
             ON CONFLICT (actor) DO UPDATE SET name = excluded.name,
                 org_unit_id = excluded.org_unit_id, email = excluded.email",
            actor,
            name,
            unit,
            email,
            now,
        )
        .execute(pool)
        .await?;
    }
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "DELETE FROM sample_items WHERE sample_id IN (
             SELECT s.id FROM samples s JOIN sampling_plans p ON p.id = s.plan_id
             WHERE p.created_by = $1)",
        MADE_BY
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "DELETE FROM samples WHERE plan_id IN (SELECT id FROM sampling_plans WHERE created_by = $1)",
        MADE_BY
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("DELETE FROM sampling_plans WHERE created_by = $1", MADE_BY)
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM log_flags WHERE actor = 'demo-medarbejder-bs'")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;

    // Two look-ups two days ago in office hours, and one late last evening.
    let unit = sqlx::query_scalar!("SELECT id FROM org_units WHERE code = 'BS'")
        .fetch_one(pool)
        .await?;
    let purpose = sqlx::query_scalar!("SELECT id FROM purposes WHERE code = 'flytning'")
        .fetch_one(pool)
        .await?;
    let system = sqlx::query_scalar!("SELECT id FROM source_systems WHERE code = 'cpr'")
        .fetch_one(pool)
        .await?;
    let citizen = SubjectKey::derive(pepper, &Cpr::parse(LOOKED_UP_CPR)?);
    let looked_up = |id: &str, at: DateTime<Utc>| Event {
        occurred_at: at,
        source_event_id: format!("demo-control-{id}-{}", at.timestamp()),
        actor: "demo-medarbejder-bs".to_owned(),
        org_unit_id: unit,
        use_type: UseType::Read,
        subject: Subject::Citizen(citizen),
        purpose_id: purpose,
        case_reference: Some("FLYT-2026-118".to_owned()),
        bulk: false,
        batch_run: None,
        hidden: None,
        case_closed: false,
    };
    let events = vec![
        looked_up("morning", local_time(now, 2, "10:12")),
        looked_up("noon", local_time(now, 2, "12:40")),
        looked_up("evening", local_time(now, 1, "22:15").min(now)),
    ];
    batch::store_all(pool, system, events, now).await?;
    let mut flags = 0;
    loop {
        let round = app::log_control::flags::job::run_round(pool, calendar, now).await?;
        flags += round.raised;
        if round.batches == 0 {
            break;
        }
    }

    // Borgerservice's plan, its first sample due today.
    let plan = samples::store::NewPlan {
        unit: "BS".to_owned(),
        system: None,
        min_months: 1,
        max_months: 6,
        per_employee: 5,
        days_before_min: 1,
        days_before_max: 3,
        answer_days: 10,
    };
    let id = samples::store::create_plan_as(pool, MADE_BY, &plan, now).await?;
    sqlx::query!(
        "UPDATE sampling_plans SET next_sample_on = (($2::timestamptz) AT TIME ZONE 'Europe/Copenhagen')::date
         WHERE id = $1",
        id,
        now
    )
    .execute(pool)
    .await?;
    samples::store::draw_due(pool, now).await?;
    let sampled = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM sample_items i JOIN samples s ON s.id = i.sample_id
           WHERE s.plan_id = $1"#,
        id
    )
    .fetch_one(pool)
    .await?;
    Ok(Loaded {
        directory: DIRECTORY.len(),
        flags,
        sampled: usize::try_from(sampled).unwrap_or_default(),
    })
}
