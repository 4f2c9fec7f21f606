//! [ssr] The citizen's summary: read from `access_summary` for the subject
//! key of the signed-in citizen only, then filtered and shaped in plain Rust
//! ([`build`]), so the rules about what a citizen may see are in one place
//! and testable without a database:
//!
//! - a hidden row is left out entirely (rows, totals, chart, choices) until
//!   its `hidden_until` has passed; then it is shown with its reason;
//! - bulk rows are left out unless asked for, and a batch run is one line;
//! - nothing before the start of the retention period is shown.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use super::coverage::{covers_from, local_date, month_start};
use super::master_data::{MasterData, PurposeNames, SystemNames, UnitNames};
use super::my_log::{
    Choice, FilterError, LogQuery, LogRow, MonthCount, MonthGroup, MyLog, ROWS_PER_PAGE,
};
use super::UseType;
use crate::access_log::write::PORTAL_SYSTEM;
use crate::capability::{AccessAnswer, Citizen, LogOwner};
use crate::dates::{date_text, month_and_year, month_text, time_range_text};
use crate::i18n::Lang;
use crate::identity::subject_key::SubjectKey;
use crate::requests::answer_log::AnswerLogRow;

/// One summary row with the names a citizen reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRecord {
    pub id: i64,
    pub day: NaiveDate,
    pub unit: Arc<UnitNames>,
    pub system: Arc<SystemNames>,
    pub purpose: Arc<PurposeNames>,
    pub use_type: String,
    pub bulk: bool,
    pub batch_run: Option<String>,
    pub hidden_until: Option<DateTime<Utc>>,
    pub hidden_reason: Option<String>,
    pub events: i64,
    pub first_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
}

impl SummaryRecord {
    /// Whether the citizen may see this row at `now`.
    pub fn is_visible(&self, now: DateTime<Utc>) -> bool {
        is_visible(self.hidden_until, self.hidden_reason.as_deref(), now)
    }

    /// Whether its system or authority is marked sensitive.
    pub fn sensitive(&self) -> bool {
        self.system.sensitive || self.unit.authority_sensitive
    }
}

/// The visibility rule: not hidden, or hidden until a time that has passed.
pub fn is_visible(
    hidden_until: Option<DateTime<Utc>>,
    hidden_reason: Option<&str>,
    now: DateTime<Utc>,
) -> bool {
    match (hidden_reason, hidden_until) {
        (None, _) => true,
        (Some(_), Some(until)) => until <= now,
        (Some(_), None) => false,
    }
}

/// Where a citizen's summary is read from: the database, and the names of
/// its units, systems and purposes as the server keeps them.
#[derive(Clone, Copy)]
pub struct SummarySource<'a> {
    pub pool: &'a PgPool,
    pub names: &'a MasterData,
}

/// The summary rows of `subject` from `from` to `to` (inclusive), hidden
/// ones included; only row `id` when one is given; with `held_for`, also
/// the rows held past retention for that request (docs/rules.md §2.6).
/// The rows come with ids for their names, and the names from
/// [`MasterData`] at the version the rows were read with.
async fn fetch(
    source: SummarySource<'_>,
    subject: &SubjectKey,
    from: NaiveDate,
    to: NaiveDate,
    id: Option<i64>,
    held_for: Option<i64>,
) -> sqlx::Result<Vec<SummaryRecord>> {
    let rows = sqlx::query!(
        r#"SELECT s.id AS "id!", s.day AS "day!", s.org_unit_id AS "org_unit_id!",
                  s.source_system_id AS "source_system_id!", s.use_type AS "use_type!",
                  s.purpose_id AS "purpose_id!", s.bulk AS "bulk!", s.batch_run,
                  s.hidden_until, s.hidden_reason, s.events AS "events!",
                  s.first_at AS "first_at!", s.last_at AS "last_at!",
                  (SELECT version FROM master_data_version) AS "names_version!"
           FROM (SELECT id, subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                        bulk, batch_run, hidden_until, hidden_reason, events, first_at, last_at
                 FROM access_summary
                 WHERE subject_key = $1 AND day BETWEEN $2 AND $3
                 UNION ALL
                 SELECT id, subject_key, day, org_unit_id, source_system_id, use_type, purpose_id,
                        bulk, batch_run, hidden_until, hidden_reason, events, first_at, last_at
                 FROM held_access_summary
                 WHERE request_id = $5 AND subject_key = $1 AND day BETWEEN $2 AND $3) s
           WHERE ($4::int8 IS NULL OR s.id = $4)
           ORDER BY s.day DESC, s.last_at DESC, s.id DESC"#,
        subject.as_bytes().as_slice(),
        from,
        to,
        id,
        held_for
    )
    .fetch_all(source.pool)
    .await?;
    let Some(version) = rows.first().map(|row| row.names_version) else {
        return Ok(Vec::new());
    };
    let names = source.names.at_version(source.pool, version).await?;
    let missing = |what: &str, id: i64| {
        // Master data are never deleted (refuse_master_data_delete), so a
        // row always finds its names.
        sqlx::Error::Decode(format!("the summary names {what} {id}, which does not exist").into())
    };
    rows.into_iter()
        .map(|row| {
            Ok(SummaryRecord {
                id: row.id,
                day: row.day,
                unit: names
                    .unit(row.org_unit_id)
                    .ok_or_else(|| missing("unit", row.org_unit_id))?,
                system: names
                    .system(row.source_system_id)
                    .ok_or_else(|| missing("system", row.source_system_id))?,
                purpose: names
                    .purpose(row.purpose_id)
                    .ok_or_else(|| missing("purpose", row.purpose_id))?,
                use_type: row.use_type,
                bulk: row.bulk,
                batch_run: row.batch_run,
                hidden_until: row.hidden_until,
                hidden_reason: row.hidden_reason,
                events: row.events,
                first_at: row.first_at,
                last_at: row.last_at,
            })
        })
        .collect()
}

/// The checked filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub system: Option<String>,
    pub unit: Option<String>,
    pub use_type: Option<UseType>,
    pub bulk: bool,
    pub page: usize,
    /// Every row on one page.
    pub all_rows: bool,
}

/// How the filter form shows a date (the first way [`parse_date`] reads).
const FORM_DATE: &str = "%d-%m-%Y";

/// A date as people write it: `01-05-2026`, `1.5.2026`, `1/5/2026`, or as
/// the address carries it, `2026-05-01`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    [FORM_DATE, "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// Checks `query` against the log's coverage; a bad field falls back to its
/// default and gets a message.
pub fn check(
    query: &LogQuery,
    covers_from: NaiveDate,
    today: NaiveDate,
    lang: Lang,
) -> (Filter, Vec<FilterError>) {
    let mut errors = Vec::new();
    let mut date = |field: &str, text: &str, default: NaiveDate| -> NaiveDate {
        if text.is_empty() {
            return default;
        }
        match parse_date(text) {
            Some(date) => date,
            None => {
                errors.push(FilterError {
                    field: field.to_owned(),
                    message: lang.text("log-filter-date-invalid"),
                });
                default
            }
        }
    };
    let mut from = date("fra", &query.from, covers_from).max(covers_from);
    let mut to = date("til", &query.to, today).min(today);
    if from > to {
        errors.push(FilterError {
            field: "til".to_owned(),
            message: lang.text("log-filter-end-before-start"),
        });
        from = covers_from;
        to = today;
    }
    let use_type = if query.use_type.is_empty() {
        None
    } else {
        let parsed = UseType::from_code(&query.use_type);
        if parsed.is_none() {
            errors.push(FilterError {
                field: "brug".to_owned(),
                message: lang.text("log-filter-use-invalid"),
            });
        }
        parsed
    };
    let non_empty = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    (
        Filter {
            from,
            to,
            system: non_empty(&query.system),
            unit: non_empty(&query.unit),
            use_type,
            bulk: query.bulk,
            page: query.page.max(1),
            all_rows: query.all_rows,
        },
        errors,
    )
}

/// The checked filter of `query` at `now`, its problems, the first day the
/// log covers, and the records of the filter's period.
async fn records_for(
    source: SummarySource<'_>,
    subject: &SubjectKey,
    query: &LogQuery,
    now: DateTime<Utc>,
    retention_months: u32,
    lang: Lang,
) -> sqlx::Result<(Filter, Vec<FilterError>, NaiveDate, Vec<SummaryRecord>)> {
    records_from(
        source,
        subject,
        query,
        covers_from(now, retention_months),
        now,
        lang,
        None,
    )
    .await
}

/// As [`records_for`], from `start` (which may lie before the retention
/// period while a month is kept for an access request).
async fn records_from(
    source: SummarySource<'_>,
    subject: &SubjectKey,
    query: &LogQuery,
    start: NaiveDate,
    now: DateTime<Utc>,
    lang: Lang,
    held_for: Option<i64>,
) -> sqlx::Result<(Filter, Vec<FilterError>, NaiveDate, Vec<SummaryRecord>)> {
    let (filter, errors) = check(query, start, local_date(now), lang);
    let records = fetch(source, subject, filter.from, filter.to, None, held_for).await?;
    Ok((filter, errors, start, records))
}

/// Reads and shapes the log of `subject` for `query` at `now`.
pub async fn my_log(
    source: SummarySource<'_>,
    citizen: &Citizen,
    query: &LogQuery,
    now: DateTime<Utc>,
    retention_months: u32,
    lang: Lang,
) -> sqlx::Result<MyLog> {
    let (filter, errors, start, records) = records_for(
        source,
        citizen.owner_key(),
        query,
        now,
        retention_months,
        lang,
    )
    .await?;
    Ok(build(
        records,
        query.clone(),
        &filter,
        errors,
        start,
        now,
        lang,
    ))
}

/// Every visible row of `subject` (bulk runs too) from the day the log
/// covered when the access request was received at `received_at`: the log
/// attached to the answer, each row with what decides which staff see it
/// (`requests::answer_log`). What was held past retention for the request
/// (docs/rules.md §2.6) is in it.
pub async fn rows_for_access_answer(
    source: SummarySource<'_>,
    answer: &AccessAnswer,
    now: DateTime<Utc>,
    retention_months: u32,
    lang: Lang,
) -> sqlx::Result<Vec<AnswerLogRow>> {
    let query = LogQuery {
        bulk: true,
        all_rows: true,
        ..LogQuery::default()
    };
    let start =
        covers_from(answer.received_at(), retention_months).min(covers_from(now, retention_months));
    let (filter, _, _, records) = records_from(
        source,
        answer.owner_key(),
        &query,
        start,
        now,
        lang,
        Some(answer.request_id()),
    )
    .await?;
    Ok(lines(&records, &filter, now)
        .iter()
        .map(|line| AnswerLogRow {
            row: line.to_row(lang),
            unit_code: line
                .first()
                .map(|record| record.unit.code.clone())
                .unwrap_or_default(),
            sensitive: line.records.iter().any(|record| record.sensitive()),
        })
        .collect())
}

/// Every row of `subject` for `query` (all pages), for the exports; a
/// filter with problems gives its problems instead of rows of another
/// filter.
pub async fn all_rows(
    source: SummarySource<'_>,
    citizen: &Citizen,
    query: &LogQuery,
    now: DateTime<Utc>,
    retention_months: u32,
    lang: Lang,
) -> sqlx::Result<Result<Vec<LogRow>, Vec<FilterError>>> {
    let (filter, errors, _, records) = records_for(
        source,
        citizen.owner_key(),
        query,
        now,
        retention_months,
        lang,
    )
    .await?;
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(rows_of(&records, &filter, now, lang)))
}

/// Every line of `records` matching `filter` at `now`, as rows in `lang`.
fn rows_of(
    records: &[SummaryRecord],
    filter: &Filter,
    now: DateTime<Utc>,
    lang: Lang,
) -> Vec<LogRow> {
    lines(records, filter, now)
        .iter()
        .map(|line| line.to_row(lang))
        .collect()
}

/// The visible row `id` of `subject`, if it is theirs and visible.
pub async fn row(
    source: SummarySource<'_>,
    citizen: &Citizen,
    id: i64,
    now: DateTime<Utc>,
    retention_months: u32,
    lang: Lang,
) -> sqlx::Result<Option<LogRow>> {
    let start = covers_from(now, retention_months);
    let records = fetch(
        source,
        citizen.owner_key(),
        start,
        local_date(now),
        Some(id),
        None,
    )
    .await?;
    Ok(records
        .iter()
        .find(|record| record.is_visible(now))
        .map(|record| Line::of(vec![record]).to_row(lang)))
}

/// One line of the log: one record, or every record of one batch run.
/// Borrows the records, so only the lines of the page shown are turned into
/// owned [`LogRow`]s.
struct Line<'a> {
    /// Never empty; the earliest first.
    records: Vec<&'a SummaryRecord>,
    last_at: DateTime<Utc>,
}

impl<'a> Line<'a> {
    fn of(mut records: Vec<&'a SummaryRecord>) -> Line<'a> {
        records.sort_by_key(|record| record.first_at);
        let last_at = records
            .iter()
            .map(|record| record.last_at)
            .max()
            .unwrap_or_default();
        Line { records, last_at }
    }

    fn first(&self) -> Option<&'a SummaryRecord> {
        self.records.first().copied()
    }

    fn day(&self) -> Option<NaiveDate> {
        self.first().map(|record| record.day)
    }

    fn count(&self) -> i64 {
        self.records.iter().map(|record| record.events).sum()
    }

    fn bulk(&self) -> bool {
        self.first().is_some_and(|record| record.bulk)
    }

    fn to_row(&self, lang: Lang) -> LogRow {
        let Some(first) = self.first() else {
            return LogRow::default();
        };
        let use_type = UseType::from_code(&first.use_type);
        let (first_day, last_day) = (local_date(first.first_at), local_date(self.last_at));
        let day_text = if first_day == last_day {
            date_text(lang, first_day)
        } else {
            format!(
                "{} – {}",
                date_text(lang, first_day),
                date_text(lang, last_day)
            )
        };
        LogRow {
            id: first.id,
            day: first.day.to_string(),
            day_text,
            time_text: time_range_text(lang, first.first_at, self.last_at),
            unit: first.unit.name.clone(),
            authority: first.unit.authority.clone(),
            system: first.system.name.clone(),
            system_description: first.system.description.clone(),
            use_type: first.use_type.clone(),
            action: action_text(lang, &first.system.code, use_type),
            purpose: first.purpose.description.clone(),
            legal_basis: first.purpose.legal_basis.clone(),
            count: self.count(),
            bulk: first.bulk,
            disclosed_reason: first.hidden_reason.clone(),
        }
    }
}

/// What a line says was done: the type of use in plain words, except that
/// the portal's own look-up is a caseworker opening the citizen's request.
fn action_text(lang: Lang, system_code: &str, use_type: Option<UseType>) -> String {
    match use_type {
        Some(UseType::Read) if system_code == PORTAL_SYSTEM => lang.text("use-verb-opened-request"),
        Some(use_type) => use_type.verb(lang),
        None => lang.text("use-verb-unknown"),
    }
}

/// The visible records matching `filter` as lines, newest first: one line
/// per record, except that the bulk records of one batch run (same run,
/// unit, system, use and purpose) make one line.
fn lines<'a>(records: &'a [SummaryRecord], filter: &Filter, now: DateTime<Utc>) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut runs: BTreeMap<(&str, &str, &str, &str, &str), Vec<&'a SummaryRecord>> =
        BTreeMap::new();
    let matching = records
        .iter()
        .filter(|record| record.is_visible(now))
        .filter(|record| filter.bulk || !record.bulk)
        .filter(|record| {
            filter
                .system
                .as_ref()
                .is_none_or(|code| *code == record.system.code)
        })
        .filter(|record| {
            filter
                .unit
                .as_ref()
                .is_none_or(|code| *code == record.unit.code)
        })
        .filter(|record| {
            filter
                .use_type
                .is_none_or(|kind| kind.code() == record.use_type)
        });
    for record in matching {
        match &record.batch_run {
            Some(run) if record.bulk => runs
                .entry((
                    run.as_str(),
                    record.unit.code.as_str(),
                    record.system.code.as_str(),
                    record.use_type.as_str(),
                    record.purpose.description.as_str(),
                ))
                .or_default()
                .push(record),
            _ => lines.push(Line::of(vec![record])),
        }
    }
    lines.extend(runs.into_values().map(Line::of));
    lines.sort_by(|a, b| {
        b.day()
            .cmp(&a.day())
            .then(b.last_at.cmp(&a.last_at))
            .then(b.first().map(|r| r.id).cmp(&a.first().map(|r| r.id)))
    });
    lines
}

/// Shapes the page from the subject's records of the period.
pub fn build(
    records: Vec<SummaryRecord>,
    query: LogQuery,
    filter: &Filter,
    errors: Vec<FilterError>,
    covers_from: NaiveDate,
    now: DateTime<Utc>,
    lang: Lang,
) -> MyLog {
    let mut systems: BTreeMap<&str, &str> = BTreeMap::new();
    let mut units: BTreeMap<&str, &str> = BTreeMap::new();
    for record in records.iter().filter(|record| record.is_visible(now)) {
        systems.insert(&record.system.name, &record.system.code);
        units.insert(&record.unit.name, &record.unit.code);
    }
    // Bulk runs merge only with each other, so the lines without bulk are
    // the lines with bulk minus the bulk ones.
    let with_bulk = lines(
        &records,
        &Filter {
            bulk: true,
            ..filter.clone()
        },
        now,
    );
    let bulk_lines = with_bulk.iter().filter(|line| line.bulk()).count();
    let shown: Vec<Line> = with_bulk
        .into_iter()
        .filter(|line| filter.bulk || !line.bulk())
        .collect();

    let mut per_month: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    let mut month = month_start(filter.from);
    while month <= filter.to {
        per_month.insert(month, 0);
        month = super::coverage::next_month_start(month);
    }
    for line in &shown {
        if let Some(day) = line.day() {
            *per_month.entry(month_start(day)).or_default() += line.count();
        }
    }
    let chart = per_month
        .iter()
        .map(|(month, count)| MonthCount {
            label: month_text(lang, *month),
            short_label: month_and_year(lang, *month),
            count: *count,
        })
        .collect();

    let total_rows = shown.len();
    let total_uses = shown.iter().map(Line::count).sum();
    let per_page = if filter.all_rows {
        total_rows.max(1)
    } else {
        ROWS_PER_PAGE
    };
    let pages = total_rows.div_ceil(per_page).max(1);
    let page = filter.page.min(pages);
    let mut months: Vec<MonthGroup> = Vec::new();
    for line in shown.iter().skip((page - 1) * per_page).take(per_page) {
        let label = line
            .day()
            .map(|day| month_text(lang, month_start(day)))
            .unwrap_or_default();
        let row = line.to_row(lang);
        match months.last_mut() {
            Some(group) if group.label == label => group.rows.push(row),
            _ => months.push(MonthGroup {
                label,
                rows: vec![row],
            }),
        }
    }
    MyLog {
        query,
        errors,
        covers_from_text: date_text(lang, covers_from),
        from: filter.from.format(FORM_DATE).to_string(),
        to: filter.to.format(FORM_DATE).to_string(),
        period_text: format!(
            "{} – {}",
            date_text(lang, filter.from),
            date_text(lang, filter.to)
        ),
        months,
        chart,
        total_uses,
        total_rows: i64::try_from(total_rows).unwrap_or(i64::MAX),
        bulk_rows_left_out: if filter.bulk {
            0
        } else {
            i64::try_from(bulk_lines).unwrap_or(i64::MAX)
        },
        page,
        pages,
        systems: choices(systems),
        units: choices(units),
    }
}

fn choices(by_name: BTreeMap<&str, &str>) -> Vec<Choice> {
    by_name
        .into_iter()
        .map(|(name, code)| Choice {
            code: code.to_owned(),
            name: name.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
