//! `server demo-data`'s access events: a fixed story for the demo citizens of
//! the test identity provider (what the README and the end-to-end tests
//! expect), and, with `--events N --citizens M`, synthetic events spread over
//! M synthetic citizens for benchmark databases, deterministic for a `--seed`
//! and a day.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sqlx::PgPool;

use app::access_log::coverage::{covers_from, local_date, local_midnight};
use app::access_log::UseType;
use app::identity::cpr::Cpr;
use app::identity::subject_key::{Pepper, SubjectKey};

use crate::access_log::batch;
use crate::access_log::event::{Event, Hidden, Subject};
use crate::access_log::master_data::{self, Codes};

/// The demo citizens with a story (their CPR numbers are in `scripts/idp/accounts.mjs`).
pub const ANNA_CPR: &str = "2403819912";
pub const BO_CPR: &str = "1207559987";

/// One line of the story: days before today, local time, unit, system, use, purpose.
struct StoryLine {
    id: &'static str,
    days_ago: i64,
    time: &'static str,
    unit: &'static str,
    system: &'static str,
    use_type: UseType,
    purpose: &'static str,
    bulk_run: Option<&'static str>,
    /// (reason, hidden until: days from today; `None` until further notice)
    hidden: Option<(&'static str, Option<i64>)>,
}

const fn line(
    id: &'static str,
    days_ago: i64,
    time: &'static str,
    unit: &'static str,
    system: &'static str,
    use_type: UseType,
    purpose: &'static str,
) -> StoryLine {
    StoryLine {
        id,
        days_ago,
        time,
        unit,
        system,
        use_type,
        purpose,
        bulk_run: None,
        hidden: None,
    }
}

/// Anna Testesen moved, applied for kontanthjælp and meets the jobcentre;
/// one use is still hidden, one was hidden and is now disclosed; a
/// collection run treated her as one of many.
fn anna() -> Vec<StoryLine> {
    vec![
        line("anna-1", 3, "10:02", "BS", "cpr", UseType::Read, "flytning"),
        line(
            "anna-2",
            3,
            "10:05",
            "BS",
            "cpr",
            UseType::Update,
            "flytning",
        ),
        line(
            "anna-3",
            10,
            "09:15",
            "JC",
            "esdh",
            UseType::Read,
            "beskaeftigelse",
        ),
        line(
            "anna-4",
            10,
            "11:40",
            "JC",
            "esdh",
            UseType::Read,
            "beskaeftigelse",
        ),
        line(
            "anna-5",
            10,
            "14:20",
            "JC",
            "esdh",
            UseType::Read,
            "beskaeftigelse",
        ),
        line(
            "anna-6",
            20,
            "13:00",
            "YC",
            "ydelse",
            UseType::Create,
            "kontanthjaelp",
        ),
        line(
            "anna-7",
            21,
            "08:45",
            "YC",
            "ydelse",
            UseType::Read,
            "kontanthjaelp",
        ),
        StoryLine {
            bulk_run: Some("opkraevning-maanedlig"),
            ..line(
                "anna-8",
                40,
                "02:00",
                "OEK",
                "oekonomi",
                UseType::Batch,
                "opkraevning",
            )
        },
        StoryLine {
            hidden: Some((
                "Politiets efterforskning (databeskyttelseslovens § 22)",
                None,
            )),
            ..line(
                "anna-9",
                50,
                "12:00",
                "FAM",
                "social",
                UseType::Read,
                "boernesag",
            )
        },
        StoryLine {
            hidden: Some((
                "Sagen indgik i en politiefterforskning, der nu er afsluttet",
                Some(-30),
            )),
            ..line(
                "anna-10",
                70,
                "15:30",
                "FAM",
                "social",
                UseType::Read,
                "boernesag",
            )
        },
        line(
            "anna-11",
            100,
            "11:10",
            "SOM",
            "omsorg",
            UseType::Print,
            "hjemmepleje",
        ),
    ]
}

/// Bo Prøvesen gets home care.
fn bo() -> Vec<StoryLine> {
    vec![
        line(
            "bo-1",
            2,
            "08:30",
            "SOM",
            "omsorg",
            UseType::Read,
            "hjemmepleje",
        ),
        line(
            "bo-2",
            2,
            "08:35",
            "SOM",
            "omsorg",
            UseType::Update,
            "hjemmepleje",
        ),
        line("bo-3", 30, "10:00", "BYG", "byg", UseType::Read, "byggesag"),
    ]
}

/// Ids the events need.
struct Ids {
    codes: Codes,
    systems: HashMap<String, i64>,
}

impl Ids {
    async fn load(pool: &PgPool) -> anyhow::Result<Ids> {
        let codes = Codes::load(pool).await?;
        let mut systems = HashMap::new();
        for code in [
            "cpr", "esdh", "social", "omsorg", "ydelse", "byg", "oekonomi",
        ] {
            let system = master_data::source_system(pool, code)
                .await?
                .ok_or_else(|| anyhow::anyhow!("source system {code} is missing"))?;
            systems.insert(code.to_owned(), system.id);
        }
        Ok(Ids { codes, systems })
    }

    fn unit(&self, code: &str) -> anyhow::Result<i64> {
        id_of(&self.codes.units, "unit", code)
    }

    fn purpose(&self, code: &str) -> anyhow::Result<i64> {
        id_of(&self.codes.purposes, "purpose", code)
    }

    fn system(&self, code: &str) -> anyhow::Result<i64> {
        id_of(&self.systems, "system", code)
    }
}

fn id_of(ids: &HashMap<String, i64>, what: &str, code: &str) -> anyhow::Result<i64> {
    ids.get(code)
        .copied()
        .ok_or_else(|| anyhow::anyhow!("{what} {code} is missing from the master data"))
}

fn subject(pepper: &Pepper, cpr: &str) -> anyhow::Result<SubjectKey> {
    let cpr = Cpr::parse(cpr).map_err(|error| anyhow::anyhow!("demo CPR: {error}"))?;
    Ok(SubjectKey::derive(pepper, &cpr))
}

/// Local `time` on the day `days_ago` before `now`'s date.
pub(crate) fn local_time(now: DateTime<Utc>, days_ago: i64, time: &str) -> DateTime<Utc> {
    let day = local_date(now) - Duration::days(days_ago);
    let offset = NaiveTime::parse_from_str(time, "%H:%M")
        .map(|t| t.signed_duration_since(NaiveTime::MIN))
        .unwrap_or_default();
    local_midnight(day) + offset
}

/// Stores the demo citizens' story relative to `now`, for each citizen whose
/// story is not stored yet. Returns how many events were stored. A stored
/// event is never deleted (the database refuses it), so an older story
/// stays as it was: a fresh database gets a fresh one.
pub async fn load_story(pool: &PgPool, pepper: &Pepper, now: DateTime<Utc>) -> anyhow::Result<u64> {
    let ids = Ids::load(pool).await?;
    let mut stored = 0;
    for (cpr, story) in [(ANNA_CPR, anna()), (BO_CPR, bo())] {
        let key = subject(pepper, cpr)?;
        let told = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM access_events
                              WHERE subject_key = $1 AND source_event_id LIKE 'demo-%') AS "told!""#,
            key.as_bytes().as_slice()
        )
        .fetch_one(pool)
        .await?;
        if told {
            continue;
        }
        let mut by_system: std::collections::BTreeMap<&str, Vec<Event>> = Default::default();
        for line in story {
            let event = Event {
                occurred_at: local_time(now, line.days_ago, line.time),
                source_event_id: format!("demo-{}", line.id),
                actor: format!("demo-medarbejder-{}", line.unit.to_lowercase()),
                org_unit_id: ids.unit(line.unit)?,
                use_type: line.use_type,
                subject: Subject::Citizen(key),
                purpose_id: ids.purpose(line.purpose)?,
                case_reference: None,
                bulk: line.bulk_run.is_some(),
                batch_run: line.bulk_run.map(str::to_owned),
                hidden: line.hidden.map(|(reason, until)| Hidden {
                    reason: reason.to_owned(),
                    until: until.map(|days| local_time(now, -days, "00:00")),
                }),
                case_closed: false,
            };
            by_system.entry(line.system).or_default().push(event);
        }
        for (system, events) in by_system {
            stored += batch::store_all(pool, ids.system(system)?, events, now)
                .await?
                .stored;
        }
    }
    if stored == 0 {
        // Both stories were told before.
        return Ok(0);
    }
    // A search by criterion: stored with a story, never shown to anyone.
    let search = Event {
        occurred_at: local_time(now, 5, "09:00"),
        source_event_id: "demo-search-1".to_owned(),
        actor: "demo-medarbejder-bs".to_owned(),
        org_unit_id: ids.unit("BS")?,
        use_type: UseType::Search,
        subject: Subject::SearchCriterion("fødselsdato 1981-03-24".to_owned()),
        purpose_id: ids.purpose("flytning")?,
        case_reference: None,
        bulk: false,
        batch_run: None,
        hidden: None,
        case_closed: false,
    };
    stored += batch::store_all(pool, ids.system("cpr")?, vec![search], now)
        .await?
        .stored;
    Ok(stored)
}

/// How many synthetic events to make.
#[derive(Clone, Copy, Debug)]
pub struct Synthetic {
    pub seed: u64,
    pub events: u64,
    pub citizens: u64,
    pub retention_months: u32,
}

/// A synthetic, valid CPR number for citizen number `n` (never a real
/// person's: day 01–28, serial from `n`).
pub fn synthetic_cpr(n: u64) -> String {
    let day = 1 + n % 28;
    let month = 1 + (n / 28) % 12;
    let year = 40 + (n / 336) % 60;
    let serial = 1000 + (n / 20_160) % 9000;
    format!("{day:02}{month:02}{year:02}{serial:04}")
}

const SYNTHETIC_UNITS: [&str; 7] = ["BS", "JC", "YC", "FAM", "SOM", "BYG", "OEK"];
const SYNTHETIC_SYSTEMS: [(&str, &str); 7] = [
    ("cpr", "flytning"),
    ("esdh", "beskaeftigelse"),
    ("ydelse", "kontanthjaelp"),
    ("social", "boernesag"),
    ("omsorg", "hjemmepleje"),
    ("byg", "byggesag"),
    ("oekonomi", "opkraevning"),
];

/// Events of synthetic citizen 0 (the one the benchmark shows `/min-log`
/// for): the benchmark's "citizen with 5,000 events".
pub const HEAVY_CITIZEN_EVENTS: u64 = 5_000;

/// Stores `spec.events` synthetic events over `spec.citizens` citizens within
/// the retention period before `now`, in batches, reporting progress on
/// stderr. Events come in working sessions (1–8 uses of one citizen's data
/// by one unit in one system, minutes apart), as real access logs do.
/// Citizen 0 (CPR [`synthetic_cpr`]`(0)`) gets [`HEAVY_CITIZEN_EVENTS`] of
/// them (a tenth when there are fewer than 50,000), the others share the
/// rest at random.
pub async fn load_synthetic(
    pool: &PgPool,
    pepper: &Pepper,
    now: DateTime<Utc>,
    spec: Synthetic,
) -> anyhow::Result<u64> {
    anyhow::ensure!(spec.citizens > 0, "--citizens must be at least 1");
    let ids = Ids::load(pool).await?;
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let start = local_midnight(covers_from(now, spec.retention_months));
    let span = (now - start).num_seconds().max(1);
    let keys: Vec<SubjectKey> = (0..spec.citizens)
        .map(|n| subject(pepper, &synthetic_cpr(n)))
        .collect::<anyhow::Result<_>>()?;
    let heavy = HEAVY_CITIZEN_EVENTS.min(spec.events / 10);
    let mut stored = 0;
    let mut made = 0;
    const BATCH: u64 = 50_000;
    while made < spec.events {
        let size = BATCH.min(spec.events - made);
        let mut by_system: std::collections::BTreeMap<usize, Vec<Event>> = Default::default();
        let mut n = made;
        while n < made + size {
            // One working session: an employee of one unit handles one
            // citizen's case in one system, 1 to 8 uses a few minutes apart.
            let citizen = if n < heavy || spec.citizens == 1 {
                0
            } else {
                rng.gen_range(1..spec.citizens)
            };
            let area = rng.gen_range(0..SYNTHETIC_SYSTEMS.len());
            let (_, purpose) = SYNTHETIC_SYSTEMS[area];
            let actor = format!("m{}", rng.gen_range(1000..1400));
            let mut at = start + Duration::seconds(rng.gen_range(0..span));
            let mut uses = rng.gen_range(1..=8_u64).min(made + size - n);
            if n < heavy {
                uses = uses.min(heavy - n);
            }
            for _ in 0..uses {
                let use_type = match rng.gen_range(0..10) {
                    0..=5 => UseType::Read,
                    6..=7 => UseType::Update,
                    8 => UseType::Create,
                    _ => UseType::Print,
                };
                by_system.entry(area).or_default().push(Event {
                    occurred_at: at.min(now),
                    source_event_id: format!("synthetic-{}-{n}", spec.seed),
                    actor: actor.clone(),
                    org_unit_id: ids.unit(SYNTHETIC_UNITS[area])?,
                    use_type,
                    subject: Subject::Citizen(keys[usize::try_from(citizen)?]),
                    purpose_id: ids.purpose(purpose)?,
                    case_reference: None,
                    bulk: false,
                    batch_run: None,
                    hidden: None,
                    // Now and then a look-up in a case the system has closed.
                    case_closed: rng.gen_ratio(1, 5_000),
                });
                at += Duration::seconds(rng.gen_range(20..300));
                n += 1;
            }
        }
        for (area, events) in by_system {
            let system = ids.system(SYNTHETIC_SYSTEMS[area].0)?;
            stored += batch::store_all(pool, system, events, now).await?.stored;
        }
        made += size;
        eprintln!("synthetic events: {made} of {}", spec.events);
    }
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_cpr_numbers_are_valid_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..50_000 {
            let cpr = synthetic_cpr(n);
            assert!(Cpr::parse(&cpr).is_ok(), "{n}");
            assert!(seen.insert(cpr), "{n}");
        }
    }
}
