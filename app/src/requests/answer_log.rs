//! The log an access answer carries, row by row, and what each reader sees
//! of it (docs/rules.md §2.8). The citizen's file has every row visible to
//! them; staff see only the rows of their own unit, the DPO every row.
//! A row of a system or an authority marked sensitive in the master data is
//! never shown to another unit's staff, nor named: the note about what was
//! withheld names the other units whose rows are not shown, and only counts
//! the sensitive ones.

use serde::{Deserialize, Serialize};

use crate::access_log::my_log::LogRow;

/// One row of an answer's log with what decides who sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLogRow {
    pub row: LogRow,
    /// The code of the unit whose use the row reports.
    pub unit_code: String,
    /// Whether its system or authority is marked sensitive.
    pub sensitive: bool,
}

/// Who reads an answer's log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogReader<'a> {
    /// The DPO: every row.
    Dpo,
    /// A caseworker: the rows of their unit.
    Unit(&'a str),
}

impl LogReader<'_> {
    /// Whether the reader sees `row`.
    pub fn sees(self, row: &AnswerLogRow) -> bool {
        match self {
            LogReader::Dpo => true,
            // A sensitive row is its own unit's only, as every row is here;
            // the flag also keeps it out of the note on what was withheld.
            LogReader::Unit(code) => row.unit_code == code,
        }
    }
}

/// What a staff member sees of an answer's log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLogView {
    /// The rows they see.
    pub rows: Vec<LogRow>,
    /// How many rows the citizen's file has.
    pub total: usize,
    /// The units (citizen-facing names) whose rows are withheld from
    /// them, none of them sensitive; sorted, once each.
    pub withheld_units: Vec<String>,
    /// How many withheld rows are sensitive (counted, never named).
    pub withheld_sensitive: usize,
}

impl AnswerLogView {
    /// How many rows are withheld from the reader.
    pub fn withheld(&self) -> usize {
        self.total - self.rows.len()
    }
}

/// What `reader` sees of `rows`.
pub fn view_for(rows: Vec<AnswerLogRow>, reader: LogReader<'_>) -> AnswerLogView {
    let total = rows.len();
    let mut view = AnswerLogView {
        total,
        ..AnswerLogView::default()
    };
    for row in rows {
        if reader.sees(&row) {
            view.rows.push(row.row);
        } else if row.sensitive {
            view.withheld_sensitive += 1;
        } else if !view.withheld_units.contains(&row.row.unit) {
            view.withheld_units.push(row.row.unit);
        }
    }
    view.withheld_units.sort();
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit_code: &str, unit: &str, sensitive: bool) -> AnswerLogRow {
        AnswerLogRow {
            row: LogRow {
                unit: unit.to_owned(),
                ..LogRow::default()
            },
            unit_code: unit_code.to_owned(),
            sensitive,
        }
    }

    fn log() -> Vec<AnswerLogRow> {
        vec![
            row("BS", "Borgerservice", false),
            row("JC", "Jobcenter", false),
            row("JC", "Jobcenter", false),
            row("FAM", "Familieafdelingen", true),
            row("BS", "Borgerservice", true),
        ]
    }

    #[test]
    fn a_caseworker_sees_their_units_rows_and_no_name_of_a_sensitive_one() {
        let view = view_for(log(), LogReader::Unit("BS"));
        assert_eq!(view.rows.len(), 2, "their own, sensitive or not");
        assert_eq!(view.total, 5);
        assert_eq!(view.withheld(), 3);
        assert_eq!(view.withheld_units, ["Jobcenter"]);
        assert_eq!(view.withheld_sensitive, 1);

        let family = view_for(log(), LogReader::Unit("FAM"));
        assert_eq!(family.rows.len(), 1);
        assert_eq!(family.withheld_units, ["Borgerservice", "Jobcenter"]);
        assert_eq!(family.withheld_sensitive, 1);
    }

    #[test]
    fn the_dpo_sees_every_row() {
        let view = view_for(log(), LogReader::Dpo);
        assert_eq!(view.rows.len(), 5);
        assert_eq!(view.withheld(), 0);
        assert!(view.withheld_units.is_empty());
    }
}
