//! [ssr] Reading the usage statistics: the filter checked against what the
//! reader may see, each actor's daily counts summed over the period, the
//! staff directory's people without a use, and the portal's own staff with
//! their sign-ins and actions. The statistics page, its CSV export and the
//! authorisation review all read through here.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, Months, NaiveDate, Utc};
use sqlx::PgPool;

use super::{
    ActorUsage, IdleActor, StaffUsage, UsageQuery, UsageReport, UseCounts, FORM, PAGE_LINES,
};
use crate::access_log::coverage::{covers_from, days_span, local_date};
use crate::access_log::my_log::Choice;
use crate::access_log::UseType;
use crate::caller::Role;
use crate::capability::UsageReader;
use crate::dates::{date_text, moment_text};
use crate::form::FormReply;
use crate::i18n::Lang;
use crate::log_control::forms::parse_period;
use crate::requests::forms::{FieldErrors, Fields};

/// What to count: a period of whole days (Europe/Copenhagen), the units
/// (of the use for actors; of the person for the directory and the staff),
/// and optionally one system or some people only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageFilter {
    pub from: NaiveDate,
    /// The last day counted (inclusive).
    pub to: NaiveDate,
    /// `None`: every unit.
    pub units: Option<Vec<String>>,
    /// A source system's code; `None`: every system.
    pub system: Option<String>,
    /// Actor ids (and staff ids); `None`: everyone.
    pub people: Option<Vec<String>>,
}

impl UsageFilter {
    /// The period as instants: from the first day's midnight to the
    /// midnight after the last day.
    fn span(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        days_span(self.from, self.to)
    }
}

/// The default period: the half-year up to today.
pub fn half_year_to(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let from = today
        .checked_sub_months(Months::new(6))
        .and_then(|day| day.checked_add_days(Days::new(1)))
        .unwrap_or(today);
    (from, today)
}

/// Checks the filter: the period (the half-year up to today by default,
/// never before what the log keeps), a unit the reader may see (a
/// manager's own, whatever was asked), a known system.
pub fn parse_filter(
    reader: &UsageReader,
    query: &UsageQuery,
    choices: (&[Choice], &[Choice]),
    retention_months: u32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<UsageFilter, FieldErrors> {
    let fields = query_fields(query);
    let mut errors = FieldErrors::new(lang);
    let today = local_date(now);
    let oldest = covers_from(now, retention_months);
    let (from, to) = parse_period(&fields, half_year_to(today), oldest, &mut errors);
    let (units, systems) = choices;
    let known = |choices: &[Choice], code: &str| choices.iter().any(|choice| choice.code == code);
    let units = match (reader.unit_codes(), query.unit.as_str()) {
        (Some(own), _) => Some(own.to_vec()),
        (None, "") => None,
        (None, code) if known(units, code) => Some(vec![code.to_owned()]),
        (None, _) => {
            errors.add("unit", "usage-unit-unknown");
            None
        }
    };
    let system = match query.system.as_str() {
        "" => None,
        code if known(systems, code) => Some(code.to_owned()),
        _ => {
            errors.add("system", "usage-system-unknown");
            None
        }
    };
    errors.result(|| UsageFilter {
        from,
        to,
        units,
        system,
        people: None,
    })
}

/// The query as the form's fields (for the period's parser and the reply).
fn query_fields(query: &UsageQuery) -> Fields {
    [
        ("from", &query.from),
        ("to", &query.to),
        ("unit", &query.unit),
        ("system", &query.system),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value.clone()))
    .collect()
}

/// One actor's uses in one system, as counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorLine {
    pub actor: String,
    pub name: Option<String>,
    pub home_unit: Option<String>,
    pub system: String,
    pub counts: UseCounts,
    pub last_day: NaiveDate,
}

/// Each actor's uses per system in the filter, by actor and system. The
/// daily rows are summed by ids first and named after (a half-year of a
/// large municipality is millions of daily rows: docs/benchmarks.md).
pub async fn actor_lines(pool: &PgPool, filter: &UsageFilter) -> sqlx::Result<Vec<ActorLine>> {
    let rows = sqlx::query!(
        r#"WITH sums AS (
               SELECT u.actor, u.source_system_id, u.use_type, sum(u.events)::bigint AS events,
                      max(u.day) AS last_day
               FROM actor_usage_days u
               WHERE u.day BETWEEN $1 AND $2
                 AND ($3::text[] IS NULL
                      OR u.org_unit_id IN (SELECT id FROM org_units WHERE code = ANY($3)))
                 AND ($4::text IS NULL
                      OR u.source_system_id = (SELECT id FROM source_systems WHERE code = $4))
                 AND ($5::text[] IS NULL OR u.actor = ANY($5))
               GROUP BY u.actor, u.source_system_id, u.use_type)
           SELECT sums.actor, d.name AS "name?", du.name AS "home_unit?", s.name AS system,
                  sums.use_type, sums.events AS "events!", sums.last_day AS "last_day!"
           FROM sums
           JOIN source_systems s ON s.id = sums.source_system_id
           LEFT JOIN staff_directory d ON d.actor = sums.actor
           LEFT JOIN org_units du ON du.id = d.org_unit_id
           ORDER BY sums.actor, s.name"#,
        filter.from,
        filter.to,
        filter.units.as_deref(),
        filter.system.as_deref(),
        filter.people.as_deref(),
    )
    .fetch_all(pool)
    .await?;
    let mut lines: BTreeMap<(String, String), ActorLine> = BTreeMap::new();
    for row in rows {
        let line = lines
            .entry((row.actor.clone(), row.system.clone()))
            .or_insert_with(|| ActorLine {
                actor: row.actor,
                name: row.name,
                home_unit: row.home_unit,
                system: row.system,
                counts: UseCounts::none(),
                last_day: row.last_day,
            });
        if let Some(use_type) = UseType::from_code(&row.use_type) {
            line.counts.add(use_type, row.events);
        }
        line.last_day = line.last_day.max(row.last_day);
    }
    Ok(lines.into_values().collect())
}

/// The staff directory's people of the filter's units without a use in
/// the period (in the filter's system, when it names one).
pub async fn idle_actors(pool: &PgPool, filter: &UsageFilter) -> sqlx::Result<Vec<IdleActor>> {
    sqlx::query_as!(
        IdleActor,
        r#"SELECT d.actor, d.name, ou.name AS unit
           FROM staff_directory d
           JOIN org_units ou ON ou.id = d.org_unit_id
           WHERE ($3::text[] IS NULL OR ou.code = ANY($3))
             AND ($5::text[] IS NULL OR d.actor = ANY($5))
             AND NOT EXISTS (
                 SELECT 1 FROM actor_usage_days u
                 JOIN source_systems s ON s.id = u.source_system_id
                 WHERE u.actor = d.actor AND u.day BETWEEN $1 AND $2
                   AND ($4::text IS NULL OR s.code = $4))
           ORDER BY d.name, d.actor"#,
        filter.from,
        filter.to,
        filter.units.as_deref(),
        filter.system.as_deref(),
        filter.people.as_deref(),
    )
    .fetch_all(pool)
    .await
}

/// The portal's staff of the filter's units with what they did in the
/// period.
pub async fn staff_lines(
    pool: &PgPool,
    filter: &UsageFilter,
    lang: Lang,
) -> sqlx::Result<Vec<StaffUsage>> {
    let (start, end) = filter.span();
    let rows = sqlx::query!(
        r#"SELECT m.id, m.name, coalesce(ou.name, m.unit_code) AS "unit!", m.roles,
                  m.last_sign_in_at, m.deactivated_at IS NOT NULL AS "deactivated!",
                  (SELECT count(*) FROM sign_ins s
                   WHERE s.staff_id = m.id AND s.occurred_at >= $1 AND s.occurred_at < $2)
                      AS "sign_ins!",
                  (SELECT count(*) FROM data_request_events e
                   WHERE e.staff_id = m.id AND e.occurred_at >= $1 AND e.occurred_at < $2)
                      AS "case_actions!",
                  (SELECT coalesce(sum(u.events), 0)::bigint FROM actor_usage_days u
                   JOIN source_systems p ON p.id = u.source_system_id
                   WHERE u.actor = m.id AND p.code = $5 AND u.day BETWEEN $6 AND $7)
                      AS "portal_uses!"
           FROM staff_members m
           LEFT JOIN org_units ou ON ou.code = m.unit_code
           WHERE ($3::text[] IS NULL OR m.unit_code = ANY($3))
             AND ($4::text[] IS NULL OR m.id = ANY($4))
           ORDER BY m.name, m.id"#,
        start,
        end,
        filter.units.as_deref(),
        filter.people.as_deref(),
        crate::access_log::write::PORTAL_SYSTEM,
        filter.from,
        filter.to,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| StaffUsage {
            id: row.id,
            name: row.name,
            unit: row.unit,
            roles: roles_text(&row.roles, lang),
            sign_ins: row.sign_ins,
            last_sign_in: moment_text(lang, row.last_sign_in_at),
            case_actions: row.case_actions,
            portal_uses: row.portal_uses,
            deactivated: row.deactivated,
        })
        .collect())
}

/// Stored role codes in words.
pub fn roles_text(codes: &[String], lang: Lang) -> String {
    codes
        .iter()
        .filter_map(|code| Role::parse(code))
        .map(|role| role.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The units and systems the filter offers the reader.
pub async fn choices(
    pool: &PgPool,
    reader: &UsageReader,
) -> sqlx::Result<(Vec<Choice>, Vec<Choice>)> {
    let units = sqlx::query_as!(
        Choice,
        "SELECT code, name FROM org_units WHERE $1::text[] IS NULL OR code = ANY($1) ORDER BY name",
        reader.unit_codes(),
    )
    .fetch_all(pool)
    .await?;
    let systems = sqlx::query_as!(
        Choice,
        "SELECT code, name FROM source_systems ORDER BY name"
    )
    .fetch_all(pool)
    .await?;
    Ok((units, systems))
}

/// Everything counted for a filter.
pub struct Counted {
    pub filter: UsageFilter,
    pub actors: Vec<ActorLine>,
    pub idle: Vec<IdleActor>,
    pub staff: Vec<StaffUsage>,
}

/// Reads the filter (against the reader's `choices`) and counts, or says
/// what is wrong with the filter.
pub async fn count(
    pool: &PgPool,
    reader: &UsageReader,
    query: &UsageQuery,
    choices: (&[Choice], &[Choice]),
    retention_months: u32,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<Result<Counted, FieldErrors>> {
    let filter = match parse_filter(reader, query, choices, retention_months, lang, now) {
        Ok(filter) => filter,
        Err(errors) => return Ok(Err(errors)),
    };
    Ok(Ok(Counted {
        actors: actor_lines(pool, &filter).await?,
        idle: idle_actors(pool, &filter).await?,
        staff: staff_lines(pool, &filter, lang).await?,
        filter,
    }))
}

/// The statistics page: the filter as typed, and the figures when it is
/// right; nothing counted when it is wrong (the page shows why).
pub async fn report(
    pool: &PgPool,
    reader: &UsageReader,
    query: &UsageQuery,
    retention_months: u32,
    lang: Lang,
    now: DateTime<Utc>,
) -> sqlx::Result<UsageReport> {
    let (units, systems) = choices(pool, reader).await?;
    let mut reply = FormReply {
        form: FORM.to_owned(),
        values: query_fields(query),
        ..FormReply::default()
    };
    let counted = count(
        pool,
        reader,
        query,
        (&units, &systems),
        retention_months,
        lang,
        now,
    )
    .await?;
    let counted = match counted {
        Ok(counted) => counted,
        Err(errors) => {
            reply.errors = errors.0;
            reply.field_order = ["from", "to", "unit", "system"].map(str::to_owned).to_vec();
            return Ok(UsageReport {
                reply,
                units,
                systems,
                ..UsageReport::default()
            });
        }
    };
    let filter = &counted.filter;
    // What the period became (the default, or cut to what the log keeps).
    reply
        .values
        .insert("from".to_owned(), filter.from.to_string());
    reply.values.insert("to".to_owned(), filter.to.to_string());
    if let Some([unit]) = filter.units.as_deref() {
        reply.values.insert("unit".to_owned(), unit.clone());
    }
    let more_lines = counted.actors.len().saturating_sub(PAGE_LINES);
    Ok(UsageReport {
        reply,
        period: format!(
            "{} – {}",
            date_text(lang, filter.from),
            date_text(lang, filter.to)
        ),
        actors: counted
            .actors
            .into_iter()
            .take(PAGE_LINES)
            .map(|line| line.view(lang))
            .collect(),
        more_lines,
        idle: counted.idle,
        staff: counted.staff,
        units,
        systems,
        counted: true,
    })
}

impl ActorLine {
    pub fn view(self, lang: Lang) -> ActorUsage {
        ActorUsage {
            actor: self.actor,
            name: self.name,
            home_unit: self.home_unit,
            system: self.system,
            counts: self.counts,
            last_day: date_text(lang, self.last_day),
        }
    }
}

/// The half-year up to `now`, as a filter of `people` over every unit (the
/// authorisation review's statistics beside each person).
pub fn people_filter(people: Vec<String>, period: (NaiveDate, NaiveDate)) -> UsageFilter {
    UsageFilter {
        from: period.0,
        to: period.1,
        units: None,
        system: None,
        people: Some(people),
    }
}
