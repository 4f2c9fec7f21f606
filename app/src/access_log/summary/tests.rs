//! The summary's visibility rules and shaping, tested without a database.

use super::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// Hidden states: not hidden, hidden for good, hidden until a past or a future time.
fn hidden(kind: u8) -> (Option<DateTime<Utc>>, Option<String>) {
    match kind {
        0 => (None, None),
        1 => (None, Some("efterforskning".to_owned())),
        2 => (
            Some(now() - chrono::Duration::days(3)),
            Some("afsluttet".to_owned()),
        ),
        _ => (
            Some(now() + chrono::Duration::days(3)),
            Some("igangværende".to_owned()),
        ),
    }
}

/// The test's own statement of the rule, by the kinds made in `hidden`:
/// only never-hidden and already-disclosed records may show.
fn may_show(record: &SummaryRecord) -> bool {
    matches!(record.hidden_reason.as_deref(), None | Some("afsluttet"))
}

prop_compose! {
    fn record()(id in 1_i64..1_000_000, day in 0_i64..200, unit in 0_u8..3, system in 0_u8..3,
                use_type in 0_usize..8, bulk in any::<bool>(), run in 0_u8..3, hidden_kind in 0_u8..4,
                events in 1_i64..50, minutes in 0_i64..600) -> SummaryRecord {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() - chrono::Duration::days(day);
        let first_at = super::super::coverage::local_midnight(date) + chrono::Duration::minutes(minutes);
        let (hidden_until, hidden_reason) = hidden(hidden_kind);
        SummaryRecord {
            id,
            day: date,
            unit: Arc::new(UnitNames {
                code: format!("U{unit}"),
                name: format!("Enhed {unit}"),
                authority: "Kommunen".to_owned(),
                authority_sensitive: false,
            }),
            system: Arc::new(SystemNames {
                code: format!("s{system}"),
                name: format!("System {system}"),
                description: String::new(),
                sensitive: false,
            }),
            use_type: UseType::ALL[use_type].code().to_owned(),
            purpose: Arc::new(PurposeNames {
                description: "Formål".to_owned(),
                legal_basis: "Lov".to_owned(),
            }),
            bulk,
            batch_run: (bulk && run > 0).then(|| format!("run-{run}")),
            hidden_until,
            hidden_reason,
            events,
            first_at,
            last_at: first_at + chrono::Duration::minutes(5),
        }
    }
}

proptest! {
    /// Whatever the records and the filter, the page's numbers are the
    /// sums of the visible, matching records, and nothing hidden shows.
    #[test]
    fn hidden_records_never_reach_a_visible_number(
        records in proptest::collection::vec(record(), 0..60),
        bulk in any::<bool>(),
        system in proptest::option::of(0_u8..3),
        use_type in proptest::option::of(0_usize..8),
    ) {
        let mut records = records;
        // Ids are unique in the database.
        for (index, record) in records.iter_mut().enumerate() {
            record.id = i64::try_from(index).unwrap() + 1;
        }
        let start = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let query = LogQuery {
            system: system.map(|s| format!("s{s}")).unwrap_or_default(),
            use_type: use_type.map(|u| UseType::ALL[u].code().to_owned()).unwrap_or_default(),
            bulk,
            ..LogQuery::default()
        };
        let (filter, errors) = check(&query, start, local_date(now()), Lang::Da);
        prop_assert!(errors.is_empty());
        let page = build(records.clone(), query.clone(), &filter, errors, start, now(), Lang::Da);

        let matching: Vec<&SummaryRecord> = records
            .iter()
            .filter(|r| may_show(r))
            .filter(|r| bulk || !r.bulk)
            .filter(|r| query.system.is_empty() || r.system.code == query.system)
            .filter(|r| query.use_type.is_empty() || r.use_type == query.use_type)
            .collect();
        let expected: i64 = matching.iter().map(|r| r.events).sum();
        prop_assert_eq!(page.total_uses, expected);
        prop_assert_eq!(page.chart.iter().map(|m| m.count).sum::<i64>(), expected);
        let shown: i64 = page.months.iter().flat_map(|m| &m.rows).map(|r| r.count).sum();
        prop_assert_eq!(shown, expected);

        let hidden_ids: Vec<i64> = records.iter().filter(|r| !may_show(r)).map(|r| r.id).collect();
        for row in page.months.iter().flat_map(|m| &m.rows) {
            prop_assert!(!hidden_ids.contains(&row.id));
            prop_assert_ne!(row.disclosed_reason.as_deref(), Some("igangværende"));
            prop_assert_ne!(row.disclosed_reason.as_deref(), Some("efterforskning"));
        }
        // Filter choices only name systems and units with visible records.
        for choice in &page.systems {
            prop_assert!(records.iter().any(|r| may_show(r) && r.system.code == choice.code));
        }
    }
}

#[test]
fn the_print_view_has_every_row_on_one_page() {
    let records: Vec<SummaryRecord> = (0..150)
        .map(|n| {
            let mut runner = proptest::test_runner::TestRunner::deterministic();
            let mut record = record().new_tree(&mut runner).unwrap().current();
            record.id = n + 1;
            record.hidden_reason = None;
            record.hidden_until = None;
            record.bulk = false;
            record
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    for (all_rows, rows_shown, pages) in [(false, 100, 2), (true, 150, 1)] {
        let query = LogQuery {
            all_rows,
            ..LogQuery::default()
        };
        let (filter, _) = check(&query, start, local_date(now()), Lang::Da);
        let page = build(
            records.clone(),
            query,
            &filter,
            Vec::new(),
            start,
            now(),
            Lang::Da,
        );
        let shown: usize = page.months.iter().map(|m| m.rows.len()).sum();
        assert_eq!(
            (shown, page.pages),
            (rows_shown, pages),
            "all_rows {all_rows}"
        );
    }
}

#[test]
fn a_batch_run_is_one_line() {
    let base = SummaryRecord {
        id: 1,
        day: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        unit: Arc::new(UnitNames {
            code: "OEK".to_owned(),
            name: "Økonomi".to_owned(),
            authority: "Kommunen".to_owned(),
            authority_sensitive: false,
        }),
        system: Arc::new(SystemNames {
            code: "oekonomi".to_owned(),
            name: "Økonomisystemet".to_owned(),
            description: String::new(),
            sensitive: false,
        }),
        use_type: "batch".to_owned(),
        purpose: Arc::new(PurposeNames {
            description: "Opkrævning".to_owned(),
            legal_basis: "Lov".to_owned(),
        }),
        bulk: true,
        batch_run: Some("run-1".to_owned()),
        hidden_until: None,
        hidden_reason: None,
        events: 2,
        first_at: now() - chrono::Duration::days(22),
        last_at: now() - chrono::Duration::days(22),
    };
    let next_day = SummaryRecord {
        id: 2,
        day: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        events: 3,
        first_at: now() - chrono::Duration::days(21),
        last_at: now() - chrono::Duration::days(21),
        ..base.clone()
    };
    let filter = Filter {
        from: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        system: None,
        unit: None,
        use_type: None,
        bulk: true,
        page: 1,
        all_rows: false,
    };
    let records = vec![base, next_day];
    let rows: Vec<LogRow> = lines(&records, &filter, now())
        .iter()
        .map(|line| line.to_row(Lang::Da))
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].count, 5);
    assert_eq!(rows[0].day_text, "1. november 2026 – 2. november 2026");
}
