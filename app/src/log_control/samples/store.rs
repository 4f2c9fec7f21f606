//! [ssr] Random samples in PostgreSQL: plans, the draw on a plan's date
//! (one statement: the sample and, per employee, the look-ups whose hash
//! with the seed comes first), the employee's answers, the reviews and
//! the reminders. An employee is found by their e-mail address: the staff
//! directory gives the actor ids behind it.

use chrono::{DateTime, Days, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::draw::{new_seed, sample_date, window};
use super::{PlanRow, Review, SampleItem, SampleView};
use crate::access_log::coverage::local_date;
use crate::access_log::UseType;
use crate::capability::{LogController, LogInspector, SampleReviewer, SampledEmployee};
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::identity::subject_key::SubjectKey;
use crate::requests::mail::{enqueue, Mail, MailKind};

/// A new plan as the DPO fills it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlan {
    pub unit: String,
    /// `None`: every system.
    pub system: Option<String>,
    pub min_months: u32,
    pub max_months: u32,
    pub per_employee: u32,
    pub days_before_min: u32,
    pub days_before_max: u32,
    pub answer_days: u32,
}

/// Why a plan was not made.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("the unit or the system is not in the master data")]
    Unknown,
    #[error("the unit and system have a plan already")]
    Exists,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Makes a plan with a fresh seed; its first date is drawn at once.
pub async fn create_plan(
    pool: &PgPool,
    controller: &LogController,
    plan: &NewPlan,
    now: DateTime<Utc>,
) -> Result<i64, PlanError> {
    create_plan_as(pool, &controller.inspector().signature(), plan, now).await
}

/// [`create_plan`] recorded as made by `made_by` (the DPO's signature, or
/// the command line's demo data).
pub async fn create_plan_as(
    pool: &PgPool,
    made_by: &str,
    plan: &NewPlan,
    now: DateTime<Utc>,
) -> Result<i64, PlanError> {
    let seed = new_seed();
    let first = sample_date(&seed, 0, local_date(now), plan.min_months, plan.max_months);
    let number = |value: u32| i32::try_from(value).unwrap_or(i32::MAX);
    let made = sqlx::query_scalar!(
        "INSERT INTO sampling_plans (org_unit_id, source_system_id, min_months, max_months,
             per_employee, days_before_min, days_before_max, answer_days, seed, next_sample_on,
             created_by, created_at)
         SELECT u.id, s.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
         FROM org_units u LEFT JOIN source_systems s ON s.code = $2
         WHERE u.code = $1 AND ($2::text IS NULL OR s.id IS NOT NULL)
         ON CONFLICT ON CONSTRAINT sampling_plans_scope DO NOTHING
         RETURNING id",
        plan.unit,
        plan.system,
        number(plan.min_months),
        number(plan.max_months),
        number(plan.per_employee),
        number(plan.days_before_min),
        number(plan.days_before_max),
        number(plan.answer_days),
        seed.as_slice(),
        first,
        made_by,
        now,
    )
    .fetch_optional(pool)
    .await?;
    match made {
        Some(id) => Ok(id),
        None => {
            let known = sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM org_units WHERE code = $1)
                      AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM source_systems WHERE code = $2))
                      AS "known!""#,
                plan.unit,
                plan.system,
            )
            .fetch_one(pool)
            .await?;
            Err(if known {
                PlanError::Exists
            } else {
                PlanError::Unknown
            })
        }
    }
}

/// Stops or resumes plan `id`; `false` when there is no such plan.
pub async fn set_plan_active(
    pool: &PgPool,
    _controller: &LogController,
    id: i64,
    active: bool,
) -> sqlx::Result<bool> {
    Ok(sqlx::query!(
        "UPDATE sampling_plans SET active = $2 WHERE id = $1",
        id,
        active
    )
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}

/// Every plan, by unit.
pub async fn plans(
    pool: &PgPool,
    _inspector: &LogInspector,
    lang: Lang,
) -> sqlx::Result<Vec<PlanRow>> {
    let rows = sqlx::query!(
        r#"SELECT p.id, u.name AS unit, s.name AS "system?", p.min_months, p.max_months,
                  p.per_employee, p.days_before_min, p.days_before_max, p.answer_days,
                  p.next_sample_on, p.samples_drawn, p.active
           FROM sampling_plans p
           JOIN org_units u ON u.id = p.org_unit_id
           LEFT JOIN source_systems s ON s.id = p.source_system_id
           ORDER BY u.name, s.name NULLS FIRST"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| PlanRow {
            id: row.id,
            unit: row.unit,
            system: row.system,
            min_months: row.min_months,
            max_months: row.max_months,
            per_employee: row.per_employee,
            days_before_min: row.days_before_min,
            days_before_max: row.days_before_max,
            answer_days: row.answer_days,
            next_sample_on: date_text(lang, row.next_sample_on),
            samples_drawn: row.samples_drawn,
            active: row.active,
        })
        .collect())
}

/// Draws every sample due by `now` (a plan whose date has come); the
/// number of samples drawn. Each plan's next date is drawn at the same
/// time, from the plan's seed.
pub async fn draw_due(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<usize> {
    let today = local_date(now);
    let mut drawn = 0;
    loop {
        let mut tx = pool.begin().await?;
        let plan = sqlx::query!(
            "SELECT id, seed, next_sample_on, samples_drawn, min_months, max_months,
                    days_before_min, days_before_max, answer_days
             FROM sampling_plans WHERE active AND next_sample_on <= $1
             ORDER BY next_sample_on, id LIMIT 1 FOR UPDATE SKIP LOCKED",
            today
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some(plan) = plan else {
            return Ok(drawn);
        };
        let unsigned = |value: i32| u32::try_from(value).unwrap_or_default();
        let on = plan.next_sample_on;
        let (from, to) = window(
            on,
            unsigned(plan.days_before_min),
            unsigned(plan.days_before_max),
        );
        let answer_by = on
            .checked_add_days(Days::new(u64::from(unsigned(plan.answer_days))))
            .unwrap_or(on);
        draw(&mut tx, plan.id, on, (from, to), answer_by, now).await?;
        let next = sample_date(
            &plan.seed,
            unsigned(plan.samples_drawn) + 1,
            on,
            unsigned(plan.min_months),
            unsigned(plan.max_months),
        );
        sqlx::query!(
            "UPDATE sampling_plans SET next_sample_on = $2, samples_drawn = samples_drawn + 1
             WHERE id = $1",
            plan.id,
            next
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        drawn += 1;
    }
}

/// The sample of plan `plan_id` on `on`: per employee with look-ups in the
/// plan's unit (and system) within `span`, the plan's number of them, those
/// whose hash with the seed comes first.
async fn draw(
    db: &mut PgConnection,
    plan_id: i64,
    on: NaiveDate,
    span: (DateTime<Utc>, DateTime<Utc>),
    answer_by: NaiveDate,
    now: DateTime<Utc>,
) -> sqlx::Result<()> {
    let looks: Vec<&str> = [
        UseType::Read,
        UseType::Search,
        UseType::Print,
        UseType::Export,
    ]
    .map(UseType::code)
    .to_vec();
    sqlx::query!(
        r#"WITH plan AS (SELECT * FROM sampling_plans WHERE id = $1),
           sample AS (
               INSERT INTO samples (plan_id, drawn_on, window_from, window_to, answer_by, drawn_at)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (plan_id, drawn_on) DO NOTHING
               RETURNING id
           ),
           ranked AS (
               SELECT e.actor, e.occurred_at, e.source_system_id, e.source_event_id, e.use_type,
                      e.case_reference, e.subject_key,
                      row_number() OVER (
                          PARTITION BY e.actor
                          ORDER BY sha256(p.seed || convert_to(
                              e.source_system_id::text || '/' || e.source_event_id || '/'
                              || extract(epoch FROM e.occurred_at)::text, 'UTF8'))
                      ) AS n
               FROM access_events e, plan p
               WHERE e.occurred_at >= $3 AND e.occurred_at < $4
                 AND e.org_unit_id = p.org_unit_id
                 AND (p.source_system_id IS NULL OR e.source_system_id = p.source_system_id)
                 AND NOT e.bulk AND e.use_type = ANY($7)
           )
           INSERT INTO sample_items (sample_id, actor, occurred_at, source_system_id,
                                     source_event_id, use_type, case_reference, subject_key)
           SELECT sample.id, r.actor, r.occurred_at, r.source_system_id, r.source_event_id,
                  r.use_type, r.case_reference, r.subject_key
           FROM ranked r, sample, plan p
           WHERE r.n <= p.per_employee"#,
        plan_id,
        on,
        span.0,
        span.1,
        answer_by,
        now,
        &looks as &[&str],
    )
    .execute(db)
    .await?;
    Ok(())
}

struct ItemRecord {
    sample_id: i64,
    unit: String,
    plan_system: Option<String>,
    drawn_on: NaiveDate,
    answer_by: NaiveDate,
    id: i64,
    actor: String,
    actor_name: Option<String>,
    occurred_at: DateTime<Utc>,
    system: String,
    use_type: String,
    subject_key: Option<Vec<u8>>,
    case_reference: Option<String>,
    reason: Option<String>,
    answered_by: Option<String>,
    answered_at: Option<DateTime<Utc>>,
    review: Option<String>,
    review_note: Option<String>,
    reviewed_by: Option<String>,
    reviewed_at: Option<DateTime<Utc>>,
}

/// Items grouped into their samples (the records come sorted by sample).
fn grouped(records: Vec<ItemRecord>, lang: Lang, today: NaiveDate) -> Vec<SampleView> {
    let mut samples: Vec<SampleView> = Vec::new();
    for record in records {
        let signed = |by: Option<String>, at: Option<DateTime<Utc>>| match (by, at) {
            (Some(by), Some(at)) => Some(format!("{by}, {}", moment_text(lang, at))),
            _ => None,
        };
        let item = SampleItem {
            id: record.id,
            actor: record.actor,
            actor_name: record.actor_name,
            at: moment_text(lang, record.occurred_at),
            system: record.system,
            use_type: UseType::from_code(&record.use_type)
                .map(|use_type| use_type.label(lang))
                .unwrap_or(record.use_type),
            subject: record
                .subject_key
                .as_deref()
                .and_then(SubjectKey::from_slice)
                .map(|key| key.pseudonym())
                .unwrap_or_default(),
            case_reference: record.case_reference,
            reason: record.reason,
            answered: signed(record.answered_by, record.answered_at),
            review: record.review.as_deref().and_then(Review::from_code),
            review_note: record.review_note,
            reviewed: signed(record.reviewed_by, record.reviewed_at),
        };
        match samples.last_mut() {
            Some(sample) if sample.id == record.sample_id => sample.items.push(item),
            _ => samples.push(SampleView {
                id: record.sample_id,
                unit: record.unit,
                system: record.plan_system,
                drawn_on: date_text(lang, record.drawn_on),
                answer_by: date_text(lang, record.answer_by),
                late: false,
                items: vec![item],
            }),
        }
        if let Some(sample) = samples.last_mut() {
            sample.late =
                record.answer_by < today && sample.items.iter().any(|item| item.reason.is_none());
        }
    }
    samples
}

/// The items of the samples a query may see: an employee's own (`own`:
/// their staff id), or a reviewer's units' (`units`, `None` for every unit).
async fn items(
    pool: &PgPool,
    own: Option<&str>,
    units: Option<&[String]>,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<SampleView>> {
    let records = sqlx::query_as!(
        ItemRecord,
        r#"SELECT s.id AS sample_id, u.name AS unit, ps.name AS "plan_system?", s.drawn_on,
                  s.answer_by, i.id, i.actor, d.name AS "actor_name?", i.occurred_at,
                  es.name AS system, i.use_type, i.subject_key, i.case_reference, i.reason,
                  i.answered_by, i.answered_at, i.review, i.review_note, i.reviewed_by,
                  i.reviewed_at
           FROM sample_items i
           JOIN samples s ON s.id = i.sample_id
           JOIN sampling_plans p ON p.id = s.plan_id
           JOIN org_units u ON u.id = p.org_unit_id
           LEFT JOIN source_systems ps ON ps.id = p.source_system_id
           JOIN source_systems es ON es.id = i.source_system_id
           LEFT JOIN staff_directory d ON d.actor = i.actor
           WHERE ($1::text IS NULL OR i.actor IN (
                     SELECT sd.actor FROM staff_directory sd JOIN staff_members m
                       ON lower(sd.email) = lower(m.email)
                     WHERE m.id = $1))
             AND ($2::text[] IS NULL OR u.code = ANY($2))
           ORDER BY s.drawn_on DESC, s.id DESC, i.actor, i.occurred_at
           LIMIT 2000"#,
        own,
        units,
    )
    .fetch_all(pool)
    .await?;
    Ok(grouped(records, lang, local_date(now)))
}

/// The employee's own samples.
pub async fn own_samples(
    pool: &PgPool,
    employee: &SampledEmployee,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<SampleView>> {
    items(pool, Some(&employee.member().id), None, lang, now).await
}

/// The samples of the reviewer's units.
pub async fn samples_to_review(
    pool: &PgPool,
    reviewer: &SampleReviewer,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<SampleView>> {
    items(pool, None, reviewer.unit_codes(), lang, now).await
}

/// The employee's reason for sampled look-up `item`: only their own, and
/// only until it is reviewed. `false` when it is not theirs to answer.
pub async fn answer(
    pool: &PgPool,
    employee: &SampledEmployee,
    item: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let member = employee.member();
    let answered = sqlx::query!(
        "UPDATE sample_items SET reason = $3, answered_by = $4, answered_at = $5
         WHERE id = $1 AND review IS NULL AND actor IN (
             SELECT sd.actor FROM staff_directory sd JOIN staff_members m
               ON lower(sd.email) = lower(m.email)
             WHERE m.id = $2)",
        item,
        member.id,
        reason,
        member.signature(),
        now,
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(answered == 1)
}

/// The reviewer's view of sampled look-up `item` in their units; `false`
/// when it is not theirs to review.
pub async fn review(
    pool: &PgPool,
    reviewer: &SampleReviewer,
    item: i64,
    verdict: Review,
    note: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let reviewed = sqlx::query!(
        "UPDATE sample_items i SET review = $3, review_note = $4, reviewed_by = $5, reviewed_at = $6
         FROM samples s, sampling_plans p, org_units u
         WHERE i.id = $1 AND s.id = i.sample_id AND p.id = s.plan_id AND u.id = p.org_unit_id
           AND ($2::text[] IS NULL OR u.code = ANY($2))",
        item,
        reviewer.unit_codes(),
        verdict.code(),
        note,
        reviewer.signature(),
        now,
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(reviewed == 1)
}

/// How often an employee is reminded of a late answer.
const REMIND_EVERY_DAYS: i32 = 3;

/// Mails a reminder to every employee whose sample's answer is late (at
/// most every third day); the number of mails. The mail names no citizen.
pub async fn remind_late(
    pool: &PgPool,
    public_url: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<usize> {
    let mut tx = pool.begin().await?;
    let late = sqlx::query!(
        r#"SELECT d.email AS "email!", array_agg(i.id) AS "items!", min(s.answer_by) AS "answer_by!"
           FROM sample_items i
           JOIN samples s ON s.id = i.sample_id
           JOIN staff_directory d ON d.actor = i.actor
           WHERE i.answered_at IS NULL AND i.review IS NULL AND s.answer_by < $1
             AND d.email IS NOT NULL
             AND (i.last_reminded_at IS NULL
                  OR i.last_reminded_at < $2::timestamptz - make_interval(days => $3))
           GROUP BY d.email"#,
        local_date(now),
        now,
        REMIND_EVERY_DAYS,
    )
    .fetch_all(&mut *tx)
    .await?;
    let lang = Lang::Da;
    let link = format!(
        "{}/sagsbehandling/stikproever",
        public_url.trim_end_matches('/')
    );
    for employee in &late {
        let mail = Mail {
            kind: MailKind::SampleReminder,
            to: employee.email.clone(),
            subject: lang.text("sample-reminder-subject"),
            body: lang.text_with(
                "sample-reminder-body",
                &[
                    ("count", employee.items.len().into()),
                    ("due", date_text(lang, employee.answer_by).into()),
                    ("link", link.clone().into()),
                ],
            ),
        };
        enqueue(&mut tx, &mail, now).await?;
        sqlx::query!(
            "UPDATE sample_items SET last_reminded_at = $2 WHERE id = ANY($1)",
            &employee.items,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(late.len())
}
