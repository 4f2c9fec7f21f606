//! [ssr] Reviews of authorisations in the database: starting one (the
//! unit's people as they are that day, and a notice to its managers),
//! reading it with each person's statistics, a decision per person,
//! completing it (deactivating the staff marked for removal), restoring
//! someone, and the reminders the review job sends.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

use super::{
    DeactivatedStaff, Decision, ReviewItem, ReviewLine, ReviewView, ReviewsOverview,
    UnitReviewState, ANSWER_DAYS, INTERVAL_MONTHS, REVIEWS_PAGE,
};
use crate::access_log::coverage::local_date;
use crate::capability::{AuthorisationReviewer, LogController};
use crate::dates::{date_text, moment_text};
use crate::i18n::Lang;
use crate::log_control::usage::store::{actor_lines, half_year_to, people_filter, staff_lines};
use crate::requests::mail::{enqueue, Mail, MailKind};

/// Why a review could not be started.
#[derive(Debug)]
pub enum StartError {
    UnknownUnit,
    /// The unit's review is still in progress.
    AlreadyOpen(i64),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StartError {
    fn from(error: sqlx::Error) -> StartError {
        StartError::Database(error)
    }
}

/// Starts the review of unit `unit_code`: the unit's staff in the portal
/// (not already removed) and its people in the staff directory, each to be
/// decided; the statistics cover the half-year before today. The unit's
/// managers are told by mail. Returns the review's id.
pub async fn start(
    pool: &PgPool,
    controller: &LogController,
    unit_code: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<i64, StartError> {
    let mut tx = pool.begin().await?;
    let unit = sqlx::query!("SELECT id, name FROM org_units WHERE code = $1", unit_code)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StartError::UnknownUnit)?;
    let open = sqlx::query_scalar!(
        "SELECT id FROM authorisation_reviews WHERE org_unit_id = $1 AND completed_at IS NULL",
        unit.id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(open) = open {
        return Err(StartError::AlreadyOpen(open));
    }
    let today = local_date(now);
    let (from, _) = half_year_to(today);
    let answer_by = today
        .checked_add_days(Days::new(ANSWER_DAYS))
        .unwrap_or(today);
    let id = sqlx::query_scalar!(
        "INSERT INTO authorisation_reviews
             (org_unit_id, period_from, period_to, answer_by, started_by, started_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        unit.id,
        from,
        today,
        answer_by,
        controller.inspector().signature(),
        now,
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO authorisation_review_items (review_id, kind, person, name, roles)
         SELECT $1::bigint, 'portal', id, name, roles FROM staff_members
         WHERE unit_code = $2 AND deactivated_at IS NULL
         UNION ALL
         SELECT $1::bigint, 'directory', actor, name, NULL FROM staff_directory
         WHERE org_unit_id = $3",
        id,
        unit_code,
        unit.id,
    )
    .execute(&mut *tx)
    .await?;
    let link = format!("{}{REVIEWS_PAGE}/{id}", public_url.trim_end_matches('/'));
    for manager in managers(&mut tx, unit_code).await? {
        let lang = manager.1;
        let mail = Mail {
            kind: MailKind::ReviewRequest,
            to: manager.0,
            subject: lang.text("review-request-subject"),
            body: lang.text_with(
                "review-request-body",
                &[
                    ("unit", unit.name.clone().into()),
                    ("due", date_text(lang, answer_by).into()),
                    ("link", link.clone().into()),
                ],
            ),
        };
        enqueue(&mut tx, &mail, now).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The e-mail addresses and languages of unit `unit_code`'s managers who
/// still have access.
async fn managers(db: &mut PgConnection, unit_code: &str) -> sqlx::Result<Vec<(String, Lang)>> {
    let rows = sqlx::query!(
        r#"SELECT email AS "email!", language FROM staff_members
           WHERE unit_code = $1 AND 'manager' = ANY(roles) AND email IS NOT NULL
             AND deactivated_at IS NULL
           ORDER BY id"#,
        unit_code
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let lang = Lang::from_code(&row.language).unwrap_or_default();
            (row.email, lang)
        })
        .collect())
}

/// "name (id), when".
fn signed(lang: Lang, by: Option<String>, at: Option<DateTime<Utc>>) -> Option<String> {
    Some(format!("{}, {}", by?, moment_text(lang, at?)))
}

/// The reviews of the reviewer's units, newest first; for the DPO also
/// every unit's state and the staff removed.
pub async fn overview(
    pool: &PgPool,
    reviewer: &AuthorisationReviewer,
    controller: Option<&LogController>,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<ReviewsOverview> {
    let today = local_date(now);
    let rows = sqlx::query!(
        r#"SELECT r.id, u.name AS unit, r.started_at, r.answer_by, r.completed_by, r.completed_at,
                  count(i.id) AS "people!",
                  count(i.decided_at) AS "decided!",
                  count(*) FILTER (WHERE i.decision = 'remove') AS "removed!"
           FROM authorisation_reviews r
           JOIN org_units u ON u.id = r.org_unit_id
           LEFT JOIN authorisation_review_items i ON i.review_id = r.id
           WHERE $1::text[] IS NULL OR u.code = ANY($1)
           GROUP BY r.id, u.name
           ORDER BY r.started_at DESC, r.id DESC"#,
        reviewer.unit_codes(),
    )
    .fetch_all(pool)
    .await?;
    let reviews = rows
        .into_iter()
        .map(|row| ReviewLine {
            id: row.id,
            unit: row.unit,
            started: date_text(lang, local_date(row.started_at)),
            answer_by: date_text(lang, row.answer_by),
            late: row.completed_at.is_none() && row.answer_by < today,
            people: row.people,
            decided: row.decided,
            removed: row.removed,
            completed: signed(lang, row.completed_by, row.completed_at),
        })
        .collect();
    let Some(_) = controller else {
        return Ok(ReviewsOverview {
            reviews,
            ..ReviewsOverview::default()
        });
    };
    Ok(ReviewsOverview {
        reviews,
        units: unit_states(pool, lang, today).await?,
        deactivated: deactivated(pool, lang).await?,
    })
}

/// The day before which a unit's last review makes a new one due.
fn due_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(INTERVAL_MONTHS))
        .unwrap_or(today)
}

/// Every unit with its last review and whether a new one is due.
async fn unit_states(
    pool: &PgPool,
    lang: Lang,
    today: NaiveDate,
) -> sqlx::Result<Vec<UnitReviewState>> {
    let rows = sqlx::query!(
        r#"SELECT u.code, u.name,
                  (SELECT max(r.started_at) FROM authorisation_reviews r
                   WHERE r.org_unit_id = u.id) AS last_started,
                  (SELECT r.id FROM authorisation_reviews r
                   WHERE r.org_unit_id = u.id AND r.completed_at IS NULL) AS open_review
           FROM org_units u ORDER BY u.name"#
    )
    .fetch_all(pool)
    .await?;
    let due_before = due_before(today);
    Ok(rows
        .into_iter()
        .map(|row| UnitReviewState {
            code: row.code,
            name: row.name,
            due: row.open_review.is_none()
                && row
                    .last_started
                    .is_none_or(|started| local_date(started) <= due_before),
            last_started: row
                .last_started
                .map(|started| date_text(lang, local_date(started))),
            open_review: row.open_review,
        })
        .collect())
}

/// The staff removed by reviews, by name.
async fn deactivated(pool: &PgPool, lang: Lang) -> sqlx::Result<Vec<DeactivatedStaff>> {
    let rows = sqlx::query!(
        r#"SELECT m.id, m.name, coalesce(u.name, m.unit_code) AS "unit!", m.deactivated_by,
                  m.deactivated_at
           FROM staff_members m LEFT JOIN org_units u ON u.code = m.unit_code
           WHERE m.deactivated_at IS NOT NULL
           ORDER BY m.name, m.id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| DeactivatedStaff {
            id: row.id,
            name: row.name,
            unit: row.unit,
            deactivated: signed(lang, row.deactivated_by, row.deactivated_at).unwrap_or_default(),
        })
        .collect())
}

/// Review `id` if it is of one of the reviewer's units, each person with
/// their statistics over the review's period.
pub async fn review(
    pool: &PgPool,
    reviewer: &AuthorisationReviewer,
    id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<ReviewView>> {
    let Some(head) = sqlx::query!(
        r#"SELECT r.id, u.name AS unit, r.period_from, r.period_to, r.answer_by, r.started_by,
                  r.started_at, r.completed_by, r.completed_at
           FROM authorisation_reviews r JOIN org_units u ON u.id = r.org_unit_id
           WHERE r.id = $1 AND ($2::text[] IS NULL OR u.code = ANY($2))"#,
        id,
        reviewer.unit_codes(),
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let items = sqlx::query!(
        "SELECT id, kind, person, name, roles, decision, note, decided_by, decided_at
         FROM authorisation_review_items WHERE review_id = $1 ORDER BY name, person",
        id
    )
    .fetch_all(pool)
    .await?;
    // The statistics end the day before the review started: that day's
    // uses are still being counted.
    let period = (
        head.period_from,
        head.period_to.pred_opt().unwrap_or(head.period_to),
    );
    let people: Vec<String> = items.iter().map(|item| item.person.clone()).collect();
    let filter = people_filter(people, period);
    let actors = actor_lines(pool, &filter).await?;
    let staff = staff_lines(pool, &filter, lang).await?;
    let mut view = ReviewView {
        id: head.id,
        unit: head.unit,
        period: format!(
            "{} – {}",
            date_text(lang, period.0),
            date_text(lang, period.1)
        ),
        started: signed(lang, Some(head.started_by), Some(head.started_at)).unwrap_or_default(),
        answer_by: date_text(lang, head.answer_by),
        late: head.completed_at.is_none() && head.answer_by < local_date(now),
        completed: signed(lang, head.completed_by, head.completed_at),
        portal: Vec::new(),
        directory: Vec::new(),
    };
    for item in items {
        let portal = item.kind == "portal";
        let person = ReviewItem {
            id: item.id,
            roles: item
                .roles
                .as_deref()
                .map(|roles| crate::log_control::usage::store::roles_text(roles, lang)),
            decision: item.decision.as_deref().and_then(Decision::from_code),
            note: item.note,
            decided: signed(lang, item.decided_by, item.decided_at),
            staff_usage: portal
                .then(|| staff.iter().find(|line| line.id == item.person).cloned())
                .flatten(),
            actor_usage: if portal {
                Vec::new()
            } else {
                actors
                    .iter()
                    .filter(|line| line.actor == item.person)
                    .map(|line| line.clone().view(lang))
                    .collect()
            },
            person: item.person,
            name: item.name,
        };
        if portal {
            view.portal.push(person);
        } else {
            view.directory.push(person);
        }
    }
    Ok(Some(view))
}

/// The decision on person `item` of open review `review`; `false` when
/// there is no such person in an open review of the reviewer's units.
pub async fn decide(
    pool: &PgPool,
    reviewer: &AuthorisationReviewer,
    review: i64,
    item: i64,
    decision: Decision,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> sqlx::Result<bool> {
    let decided = sqlx::query!(
        "UPDATE authorisation_review_items i
         SET decision = $4, note = $5, decided_by = $6, decided_at = $7
         FROM authorisation_reviews r JOIN org_units u ON u.id = r.org_unit_id
         WHERE i.id = $2 AND i.review_id = $1 AND r.id = i.review_id
           AND r.completed_at IS NULL AND ($3::text[] IS NULL OR u.code = ANY($3))",
        review,
        item,
        reviewer.unit_codes(),
        decision.code(),
        note,
        reviewer.signature(),
        now,
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(decided == 1)
}

/// Why a review could not be completed.
#[derive(Debug)]
pub enum CompleteError {
    /// No open review of the reviewer's units by that id.
    NotFound,
    /// This many people are not decided yet.
    Undecided(i64),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for CompleteError {
    fn from(error: sqlx::Error) -> CompleteError {
        CompleteError::Database(error)
    }
}

/// Completes review `id` once every person is decided, and deactivates in
/// the portal the staff marked for removal. Returns their staff ids (their
/// sessions are to end).
pub async fn complete(
    pool: &PgPool,
    reviewer: &AuthorisationReviewer,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<String>, CompleteError> {
    let mut tx = pool.begin().await?;
    let open = sqlx::query_scalar!(
        r#"SELECT (SELECT count(*) FROM authorisation_review_items i
                   WHERE i.review_id = r.id AND i.decision IS NULL) AS "undecided!"
           FROM authorisation_reviews r JOIN org_units u ON u.id = r.org_unit_id
           WHERE r.id = $1 AND r.completed_at IS NULL
             AND ($2::text[] IS NULL OR u.code = ANY($2))
           FOR UPDATE OF r"#,
        id,
        reviewer.unit_codes(),
    )
    .fetch_optional(&mut *tx)
    .await?;
    match open {
        None => return Err(CompleteError::NotFound),
        Some(0) => {}
        Some(undecided) => return Err(CompleteError::Undecided(undecided)),
    }
    let signature = reviewer.signature();
    sqlx::query!(
        "UPDATE authorisation_reviews SET completed_by = $2, completed_at = $3 WHERE id = $1",
        id,
        signature,
        now,
    )
    .execute(&mut *tx)
    .await?;
    let removed = sqlx::query_scalar!(
        "UPDATE staff_members SET deactivated_at = $2, deactivated_by = $3,
             deactivation_review_id = $1
         WHERE deactivated_at IS NULL AND id IN (
             SELECT person FROM authorisation_review_items
             WHERE review_id = $1 AND kind = 'portal' AND decision = 'remove')
         RETURNING id",
        id,
        now,
        signature,
    )
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(removed)
}

/// Gives a removed staff member their access to the portal back (the DPO);
/// `false` when they were not removed.
pub async fn restore(
    pool: &PgPool,
    _controller: &LogController,
    staff_id: &str,
) -> sqlx::Result<bool> {
    let restored = sqlx::query!(
        "UPDATE staff_members SET deactivated_at = NULL, deactivated_by = NULL,
             deactivation_review_id = NULL
         WHERE id = $1 AND deactivated_at IS NOT NULL",
        staff_id
    )
    .execute(pool)
    .await?
    .rows_affected();
    Ok(restored == 1)
}

/// Whether staff member `id` was removed by a review (refused at sign-in).
pub async fn is_deactivated(pool: &PgPool, id: &str) -> sqlx::Result<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT deactivated_at IS NOT NULL AS "removed!" FROM staff_members WHERE id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .unwrap_or(false))
}

/// Days between two reminders of the same late review, and between two
/// notices to the DPO of the same unit's due review.
const REMIND_EVERY_DAYS: i32 = 7;
const DUE_NOTICE_EVERY_DAYS: i32 = 30;

/// One round of the review job: managers of late reviews are reminded
/// (weekly), and the DPO (at `dpo_email`) is told of units due for a
/// review (monthly).
/// Returns how many mails were queued.
pub async fn remind(
    pool: &PgPool,
    dpo_email: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> sqlx::Result<usize> {
    let mut tx = pool.begin().await?;
    let today = local_date(now);
    let base = public_url.trim_end_matches('/');
    let late = sqlx::query!(
        "SELECT r.id, u.code, u.name, r.answer_by FROM authorisation_reviews r
         JOIN org_units u ON u.id = r.org_unit_id
         WHERE r.completed_at IS NULL AND r.answer_by < $1
           AND (r.last_reminded_at IS NULL
                OR r.last_reminded_at < $2::timestamptz - make_interval(days => $3))
         FOR UPDATE OF r",
        today,
        now,
        REMIND_EVERY_DAYS,
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut sent = 0;
    for review in &late {
        let link = format!("{base}{REVIEWS_PAGE}/{}", review.id);
        for (to, lang) in managers(&mut tx, &review.code).await? {
            let mail = Mail {
                kind: MailKind::ReviewReminder,
                to,
                subject: lang.text("review-reminder-subject"),
                body: lang.text_with(
                    "review-reminder-body",
                    &[
                        ("unit", review.name.clone().into()),
                        ("due", date_text(lang, review.answer_by).into()),
                        ("link", link.clone().into()),
                    ],
                ),
            };
            enqueue(&mut tx, &mail, now).await?;
            sent += 1;
        }
        sqlx::query!(
            "UPDATE authorisation_reviews SET last_reminded_at = $2 WHERE id = $1",
            review.id,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    // Units with people, no review in progress, and none started within
    // the interval, not told about within a month.
    let due = sqlx::query!(
        "SELECT u.id, u.name FROM org_units u
         WHERE (EXISTS (SELECT 1 FROM staff_members m
                        WHERE m.unit_code = u.code AND m.deactivated_at IS NULL)
                OR EXISTS (SELECT 1 FROM staff_directory d WHERE d.org_unit_id = u.id))
           AND NOT EXISTS (SELECT 1 FROM authorisation_reviews r
                           WHERE r.org_unit_id = u.id
                             AND (r.completed_at IS NULL
                                  OR (r.started_at AT TIME ZONE 'Europe/Copenhagen')::date > $1))
           AND NOT EXISTS (SELECT 1 FROM authorisation_review_due_notices n
                           WHERE n.org_unit_id = u.id
                             AND n.notified_at > $2::timestamptz - make_interval(days => $3))
         ORDER BY u.name",
        due_before(today),
        now,
        DUE_NOTICE_EVERY_DAYS,
    )
    .fetch_all(&mut *tx)
    .await?;
    if !due.is_empty() {
        let lang = Lang::Da;
        let units: Vec<&str> = due.iter().map(|unit| unit.name.as_str()).collect();
        let mail = Mail {
            kind: MailKind::ReviewDue,
            to: dpo_email.to_owned(),
            subject: lang.text("review-due-subject"),
            body: lang.text_with(
                "review-due-body",
                &[
                    ("units", units.join(", ").into()),
                    ("months", INTERVAL_MONTHS.into()),
                    ("link", format!("{base}{REVIEWS_PAGE}").into()),
                ],
            ),
        };
        enqueue(&mut tx, &mail, now).await?;
        sent += 1;
        let ids: Vec<i64> = due.iter().map(|unit| unit.id).collect();
        sqlx::query!(
            "INSERT INTO authorisation_review_due_notices (org_unit_id, notified_at)
             SELECT unnest($1::bigint[]), $2
             ON CONFLICT (org_unit_id) DO UPDATE SET notified_at = excluded.notified_at",
            &ids,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(sent)
}
