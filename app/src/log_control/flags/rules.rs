//! [ssr] The rules of the flags as one pure function, [`findings`]: events
//! in, findings out, each keyed so that a finding made twice is one flag
//! ([`FlagKey`]: rule, actor, unit, Copenhagen day, and the system and the
//! citizen where the rule is about them). Times are Europe/Copenhagen;
//! batch runs (`bulk`) are no person's look-up and never flagged.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Europe::Copenhagen;

use super::{Protection, Rule};
use crate::deadline::holidays::Calendar;
use crate::identity::subject_key::SubjectKey;

/// A unit's opening hours: one span on the chosen weekdays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    /// ISO weekdays, 1 = Monday.
    pub weekdays: Vec<u32>,
    /// Minutes after midnight; closing is exclusive (1440 = midnight).
    pub opens_minute: u32,
    pub closes_minute: u32,
    pub open_on_holidays: bool,
}

impl OpeningHours {
    /// A unit's hours until the DPO sets them: Monday to Friday, 07:00 to
    /// 18:00, closed on public holidays.
    pub fn standard() -> OpeningHours {
        OpeningHours {
            weekdays: vec![1, 2, 3, 4, 5],
            opens_minute: 7 * 60,
            closes_minute: 18 * 60,
            open_on_holidays: false,
        }
    }

    /// Whether the unit is open at local time `at`, `holiday` telling
    /// whether its date is a public holiday.
    pub fn is_open(&self, at: NaiveDateTime, holiday: bool) -> bool {
        if holiday && !self.open_on_holidays {
            return false;
        }
        let minute = at.hour() * 60 + at.minute();
        self.weekdays.contains(&at.weekday().number_from_monday())
            && minute >= self.opens_minute
            && minute < self.closes_minute
    }
}

/// The threshold of [`Rule::ManyCitizens`]: more than `max_citizens`
/// different citizens within `within` (first to last look-up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Burst {
    pub max_citizens: u32,
    pub within: Duration,
}

/// Which rules are on, as the DPO set them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSet {
    pub outside_hours: bool,
    pub many_citizens: Option<Burst>,
    pub protected_citizen: bool,
    pub closed_case: bool,
    pub own_record: bool,
}

impl RuleSet {
    pub fn any(&self) -> bool {
        self.outside_hours
            || self.many_citizens.is_some()
            || self.protected_citizen
            || self.closed_case
            || self.own_record
    }
}

/// An event as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagEvent {
    pub occurred_at: DateTime<Utc>,
    pub source_system_id: i64,
    pub source_event_id: String,
    pub actor: String,
    pub org_unit_id: i64,
    pub subject: Option<SubjectKey>,
    pub bulk: bool,
    pub case_closed: bool,
    /// Stored since the job's last round (the others are context: the
    /// look-ups around a new one that make a burst).
    pub new: bool,
}

impl FlagEvent {
    fn reference(&self) -> EventRef {
        EventRef {
            occurred_at: self.occurred_at,
            source_system_id: self.source_system_id,
            source_event_id: self.source_event_id.clone(),
        }
    }
}

/// What the rules know besides the events.
#[derive(Clone, Debug, Default)]
pub struct Circumstances {
    /// Units with their own opening hours (the rest keep the standard).
    pub hours: HashMap<i64, OpeningHours>,
    pub calendar: Calendar,
    /// Protected citizens among the events' (employees included).
    pub protected: HashMap<SubjectKey, Protection>,
    /// Units with a standing reason to look up a kind of protected citizen.
    pub standing: HashSet<(i64, Protection)>,
    /// Actors' own keys, from the staff directory.
    pub own_keys: HashMap<String, SubjectKey>,
}

/// One event behind a flag.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventRef {
    pub occurred_at: DateTime<Utc>,
    pub source_system_id: i64,
    pub source_event_id: String,
}

/// What makes a flag one flag.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlagKey {
    pub rule: Rule,
    pub actor: String,
    pub org_unit_id: i64,
    /// The Europe/Copenhagen day of the look-ups.
    pub day: NaiveDate,
    pub source_system_id: Option<i64>,
    pub subject: Option<[u8; 32]>,
}

/// A rule's finding: its key, why a citizen is protected (for that rule),
/// and the events behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub key: FlagKey,
    pub protection: Option<Protection>,
    pub events: BTreeSet<EventRef>,
}

/// Applies `rules` to the new events among `events` (the rest are context
/// for bursts), with what `around` knows.
pub fn findings(events: &[FlagEvent], rules: &RuleSet, around: &Circumstances) -> Vec<Finding> {
    let mut found = Found::default();
    let standard = OpeningHours::standard();
    let mut holidays: HashMap<NaiveDate, bool> = HashMap::new();
    for event in events.iter().filter(|event| event.new && !event.bulk) {
        let local = event.occurred_at.with_timezone(&Copenhagen).naive_local();
        let day = local.date();
        let key = |rule, system, subject: Option<&SubjectKey>| FlagKey {
            rule,
            actor: event.actor.clone(),
            org_unit_id: event.org_unit_id,
            day,
            source_system_id: system,
            subject: subject.map(|key| *key.as_bytes()),
        };
        if rules.outside_hours {
            let hours = around.hours.get(&event.org_unit_id).unwrap_or(&standard);
            let holiday = *holidays
                .entry(day)
                .or_insert_with(|| around.calendar.is_holiday(day));
            if !hours.is_open(local, holiday) {
                found.add(key(Rule::OutsideHours, None, None), None, event);
            }
        }
        let Some(subject) = &event.subject else {
            continue;
        };
        let own = around.own_keys.get(&event.actor) == Some(subject);
        if rules.own_record && own {
            found.add(key(Rule::OwnRecord, None, None), None, event);
        }
        if rules.protected_citizen && !own {
            if let Some(protection) = around.protected.get(subject) {
                if !around.standing.contains(&(event.org_unit_id, *protection)) {
                    found.add(
                        key(Rule::ProtectedCitizen, None, Some(subject)),
                        Some(*protection),
                        event,
                    );
                }
            }
        }
        if rules.closed_case && event.case_closed {
            found.add(
                key(
                    Rule::ClosedCase,
                    Some(event.source_system_id),
                    Some(subject),
                ),
                None,
                event,
            );
        }
    }
    if let Some(burst) = rules.many_citizens {
        bursts(events, burst, &mut found);
    }
    found.0.into_values().collect()
}

/// Findings by key, merged.
#[derive(Default)]
struct Found(BTreeMap<FlagKey, Finding>);

impl Found {
    fn add(&mut self, key: FlagKey, protection: Option<Protection>, event: &FlagEvent) {
        self.0
            .entry(key.clone())
            .or_insert_with(|| Finding {
                key,
                protection,
                events: BTreeSet::new(),
            })
            .events
            .insert(event.reference());
    }
}

/// One actor's look-ups in one unit and system, each with its citizen.
type Line<'a> = Vec<(&'a FlagEvent, SubjectKey)>;

/// [`Rule::ManyCitizens`]: per actor, unit and system, every window of
/// look-ups at most `burst.within` long with more than
/// `burst.max_citizens` different citizens and at least one new event;
/// its events are flagged on the day of the window's last look-up (a burst
/// across midnight is flagged on both days).
fn bursts(events: &[FlagEvent], burst: Burst, found: &mut Found) {
    let mut lines: HashMap<(&str, i64, i64), Line> = HashMap::new();
    for event in events.iter().filter(|event| !event.bulk) {
        if let Some(subject) = event.subject {
            lines
                .entry((&event.actor, event.org_unit_id, event.source_system_id))
                .or_default()
                .push((event, subject));
        }
    }
    let max = usize::try_from(burst.max_citizens).unwrap_or(usize::MAX);
    for ((_, _, system), mut line) in lines {
        line.sort_by_key(|(event, _)| event.occurred_at);
        let mut first = 0;
        let mut citizens: HashMap<SubjectKey, usize> = HashMap::new();
        let mut new_in_window = 0;
        for (last, (event, subject)) in line.iter().enumerate() {
            *citizens.entry(*subject).or_default() += 1;
            new_in_window += usize::from(event.new);
            while event.occurred_at - line[first].0.occurred_at > burst.within {
                let (leaving, left) = line[first];
                if let Some(count) = citizens.get_mut(&left) {
                    *count -= 1;
                    if *count == 0 {
                        citizens.remove(&left);
                    }
                }
                new_in_window -= usize::from(leaving.new);
                first += 1;
            }
            if citizens.len() > max && new_in_window > 0 {
                let day = event.occurred_at.with_timezone(&Copenhagen).date_naive();
                let key = FlagKey {
                    rule: Rule::ManyCitizens,
                    actor: event.actor.clone(),
                    org_unit_id: event.org_unit_id,
                    day,
                    source_system_id: Some(system),
                    subject: None,
                };
                for (member, _) in &line[first..=last] {
                    found.add(key.clone(), None, member);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
