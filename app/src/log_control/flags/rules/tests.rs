//! The rules with fixed clocks: exactly at each threshold, across
//! midnight, opening hours across the changes to and from summer time, and
//! a property: applying the rules batch by batch (with the earlier events
//! as context) finds what one pass over everything finds.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

/// A UTC instant.
fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn key(n: u8) -> SubjectKey {
    SubjectKey::from_bytes([n; 32])
}

fn event(at: &str, actor: &str, subject: u8) -> FlagEvent {
    FlagEvent {
        occurred_at: utc(at),
        source_system_id: 1,
        source_event_id: format!("{actor}-{at}-{subject}"),
        actor: actor.to_owned(),
        org_unit_id: 10,
        subject: Some(key(subject)),
        bulk: false,
        case_closed: false,
        new: true,
    }
}

fn only(rule: Rule) -> RuleSet {
    RuleSet {
        outside_hours: rule == Rule::OutsideHours,
        many_citizens: (rule == Rule::ManyCitizens).then_some(Burst {
            max_citizens: 3,
            within: Duration::minutes(10),
        }),
        protected_citizen: rule == Rule::ProtectedCitizen,
        closed_case: rule == Rule::ClosedCase,
        own_record: rule == Rule::OwnRecord,
    }
}

fn days(found: &[Finding]) -> Vec<String> {
    found
        .iter()
        .map(|finding| finding.key.day.to_string())
        .collect()
}

#[test]
fn opening_hours_are_checked_in_copenhagen_to_the_minute() {
    let rules = only(Rule::OutsideHours);
    let around = Circumstances::default();
    // Monday 30 November 2026, winter time (UTC+1).
    for (at, flagged) in [
        ("2026-11-30T05:59:00Z", true),  // 06:59
        ("2026-11-30T06:00:00Z", false), // 07:00, opening
        ("2026-11-30T16:59:59Z", false), // 17:59:59
        ("2026-11-30T17:00:00Z", true),  // 18:00, closing
        ("2026-12-05T10:00:00Z", true),  // a Saturday
        ("2026-12-25T10:00:00Z", true),  // Christmas Day, a Friday
    ] {
        let found = findings(&[event(at, "a", 1)], &rules, &around);
        assert_eq!(found.len(), usize::from(flagged), "{at}");
    }
}

#[test]
fn opening_hours_follow_summer_time() {
    let rules = only(Rule::OutsideHours);
    let every_day = OpeningHours {
        weekdays: (1..=7).collect(),
        opens_minute: 7 * 60,
        closes_minute: 18 * 60,
        open_on_holidays: true,
    };
    let around = Circumstances {
        hours: HashMap::from([(10, every_day)]),
        ..Circumstances::default()
    };
    // 29 March 2026: summer time from 02:00; 05:30 UTC is 07:30 there.
    assert!(findings(&[event("2026-03-29T05:30:00Z", "a", 1)], &rules, &around).is_empty());
    // The day before, 05:30 UTC is 06:30: closed.
    assert_eq!(
        findings(&[event("2026-03-28T05:30:00Z", "a", 1)], &rules, &around).len(),
        1
    );
    // 25 October 2026: winter time again; 05:30 UTC is 06:30: closed.
    assert_eq!(
        findings(&[event("2026-10-25T05:30:00Z", "a", 1)], &rules, &around).len(),
        1
    );
    // 16:30 UTC on the 24th is 18:30 summer time: closed; on the 25th 17:30: open.
    assert_eq!(
        findings(&[event("2026-10-24T16:30:00Z", "a", 1)], &rules, &around).len(),
        1
    );
    assert!(findings(&[event("2026-10-25T16:30:00Z", "a", 1)], &rules, &around).is_empty());
}

#[test]
fn a_unit_open_on_holidays_and_midnight_closing() {
    let rules = only(Rule::OutsideHours);
    let around_the_clock = OpeningHours {
        weekdays: (1..=7).collect(),
        opens_minute: 0,
        closes_minute: 1440,
        open_on_holidays: true,
    };
    let around = Circumstances {
        hours: HashMap::from([(10, around_the_clock)]),
        ..Circumstances::default()
    };
    for at in [
        "2026-12-24T22:59:59Z",
        "2026-12-25T03:00:00Z",
        "2026-12-26T23:30:00Z",
    ] {
        assert!(
            findings(&[event(at, "a", 1)], &rules, &around).is_empty(),
            "{at}"
        );
    }
}

#[test]
fn many_citizens_flags_only_above_the_threshold_within_the_window() {
    let rules = only(Rule::ManyCitizens);
    let around = Circumstances::default();
    let at = |minute: u32, second: u32, subject: u8| {
        event(
            &format!("2026-11-30T10:{minute:02}:{second:02}Z"),
            "a",
            subject,
        )
    };
    // Three different citizens (the threshold): nothing.
    let three = [at(0, 0, 1), at(1, 0, 2), at(2, 0, 3), at(3, 0, 3)];
    assert!(findings(&three, &rules, &around).is_empty());
    // A fourth within exactly ten minutes of the first: flagged, all four.
    let mut four = three.to_vec();
    four.push(at(10, 0, 4));
    let found = findings(&four, &rules, &around);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].events.len(), 5);
    assert_eq!(found[0].key.source_system_id, Some(1));
    // One second later it is outside the window: nothing.
    let mut late = three.to_vec();
    late.push(at(10, 1, 4));
    assert!(findings(&late, &rules, &around).is_empty());
    // Another actor's look-ups do not add up with these.
    let mut others = three.to_vec();
    others.push(event("2026-11-30T10:04:00Z", "b", 4));
    assert!(findings(&others, &rules, &around).is_empty());
    // Bulk events are no person's look-ups.
    let mut bulk = three.to_vec();
    bulk.push(FlagEvent {
        bulk: true,
        ..at(4, 0, 4)
    });
    assert!(findings(&bulk, &rules, &around).is_empty());
}

#[test]
fn a_burst_of_old_events_only_is_not_flagged_again() {
    let rules = only(Rule::ManyCitizens);
    let old: Vec<FlagEvent> = (1..=4)
        .map(|n| FlagEvent {
            new: false,
            ..event(&format!("2026-11-30T10:0{n}:00Z"), "a", n)
        })
        .collect();
    assert!(findings(&old, &rules, &Circumstances::default()).is_empty());
}

#[test]
fn a_burst_across_midnight_is_flagged_on_each_day_it_ends_on() {
    let rules = only(Rule::ManyCitizens);
    // 23:55 to 00:03 Copenhagen time, 1 December 2026 (UTC+1).
    let events = [
        event("2026-11-30T22:55:00Z", "a", 1),
        event("2026-11-30T22:57:00Z", "a", 2),
        event("2026-11-30T22:59:00Z", "a", 3),
        event("2026-11-30T22:59:30Z", "a", 4),
        event("2026-11-30T23:01:00Z", "a", 5),
    ];
    let found = findings(&events, &rules, &Circumstances::default());
    assert_eq!(days(&found), ["2026-11-30", "2026-12-01"]);
}

#[test]
fn protected_citizens_own_records_and_closed_cases() {
    let around = Circumstances {
        protected: HashMap::from([
            (key(1), Protection::PublicFigure),
            (key(2), Protection::Employee),
            (key(3), Protection::Employee),
        ]),
        standing: HashSet::from([(20, Protection::Employee)]),
        own_keys: HashMap::from([("a".to_owned(), key(3))]),
        ..Circumstances::default()
    };
    let at = "2026-11-30T10:00:00Z";
    let protected = only(Rule::ProtectedCitizen);
    let found = findings(&[event(at, "a", 1)], &protected, &around);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].protection, Some(Protection::PublicFigure));
    assert_eq!(found[0].key.subject, Some(*key(1).as_bytes()));
    // The HR unit (20) has a standing reason to look up employees.
    let hr = FlagEvent {
        org_unit_id: 20,
        ..event(at, "h", 2)
    };
    assert!(findings(&[hr], &protected, &around).is_empty());
    assert_eq!(findings(&[event(at, "b", 2)], &protected, &around).len(), 1);
    // Looking up oneself is that rule's finding, not a protected citizen's.
    assert!(findings(&[event(at, "a", 3)], &protected, &around).is_empty());
    let own = findings(&[event(at, "a", 3)], &only(Rule::OwnRecord), &around);
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].key.rule, Rule::OwnRecord);
    assert!(findings(&[event(at, "b", 3)], &only(Rule::OwnRecord), &around).is_empty());

    let closed = FlagEvent {
        case_closed: true,
        ..event(at, "a", 7)
    };
    let found = findings(
        &[closed.clone(), event(at, "a", 8)],
        &only(Rule::ClosedCase),
        &around,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key.subject, Some(*key(7).as_bytes()));
    let off = RuleSet {
        closed_case: false,
        ..only(Rule::ClosedCase)
    };
    assert!(!off.any());
    assert!(findings(&[closed], &off, &around).is_empty());
}

/// Findings merged by key: what the flags table ends up holding.
fn merged(runs: impl IntoIterator<Item = Vec<Finding>>) -> BTreeMap<FlagKey, BTreeSet<EventRef>> {
    let mut flags: BTreeMap<FlagKey, BTreeSet<EventRef>> = BTreeMap::new();
    for finding in runs.into_iter().flatten() {
        flags.entry(finding.key).or_default().extend(finding.events);
    }
    flags
}

proptest! {
    #[test]
    fn batch_by_batch_finds_what_one_pass_finds(
        looks in prop::collection::vec((0u32..3, 0u32..180, 0u8..8, any::<bool>()), 1..60),
        split in 0usize..60,
    ) {
        let rules = RuleSet {
            outside_hours: true,
            many_citizens: Some(Burst { max_citizens: 2, within: Duration::minutes(15) }),
            protected_citizen: true,
            closed_case: true,
            own_record: true,
        };
        let around = Circumstances {
            protected: HashMap::from([(key(1), Protection::PublicFigure)]),
            own_keys: HashMap::from([("a0".to_owned(), key(2))]),
            ..Circumstances::default()
        };
        // Events around 17:00 Copenhagen, across closing time.
        let events: Vec<FlagEvent> = looks
            .iter()
            .enumerate()
            .map(|(n, (actor, minute, subject, closed))| FlagEvent {
                source_event_id: format!("e{n}"),
                case_closed: *closed,
                ..event(
                    &(utc("2026-11-30T15:00:00Z") + Duration::minutes(i64::from(*minute))).to_rfc3339(),
                    &format!("a{actor}"),
                    *subject,
                )
            })
            .collect();
        let split = split.min(events.len());
        let once = merged([findings(&events, &rules, &around)]);
        let first = findings(&events[..split], &rules, &around);
        let later: Vec<FlagEvent> = events
            .iter()
            .enumerate()
            .map(|(n, event)| FlagEvent { new: n >= split, ..event.clone() })
            .collect();
        let second = findings(&later, &rules, &around);
        prop_assert_eq!(once, merged([first, second]));
    }
}
