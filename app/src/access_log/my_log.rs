//! What the citizen's page `/min-log` asks for and gets back: the filter as
//! it stands in the URL, and the rows, chart and choices to show. Plain data,
//! shared by the server (which fills it) and the browser (which renders it).

use serde::{Deserialize, Serialize};

/// Rows per page of the table.
pub const ROWS_PER_PAGE: usize = 100;

/// The filter, as text from the URL's query string (checked on the server).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogQuery {
    /// `fra`: first day, `YYYY-MM-DD`; empty for the start of the log.
    pub from: String,
    /// `til`: last day, `YYYY-MM-DD`; empty for today.
    pub to: String,
    /// `system`: a source system's code; empty for all.
    pub system: String,
    /// `enhed`: a unit's code; empty for all.
    pub unit: String,
    /// `brug`: a type of use's code; empty for all.
    pub use_type: String,
    /// `masse`: also show bulk (batch) processing.
    pub bulk: bool,
    /// `side`: the page of the table, from 1.
    pub page: usize,
    /// Every row on one page (the print view); never read from the URL.
    #[serde(default)]
    pub all_rows: bool,
}

impl LogQuery {
    /// Reads the filter from query-string pairs; unknown keys are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> LogQuery {
        let mut query = LogQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "fra" => query.from = value.to_owned(),
                "til" => query.to = value.to_owned(),
                "system" => query.system = value.to_owned(),
                "enhed" => query.unit = value.to_owned(),
                "brug" => query.use_type = value.to_owned(),
                "masse" => query.bulk = matches!(value, "1" | "ja" | "on" | "true"),
                "side" => query.page = value.parse().unwrap_or(1),
                _ => {}
            }
        }
        query
    }

    /// The query string (without `?`) for this filter on `page`.
    pub fn to_query_string(&self, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (key, value) in [
            ("fra", &self.from),
            ("til", &self.to),
            ("system", &self.system),
            ("enhed", &self.unit),
            ("brug", &self.use_type),
        ] {
            if !value.is_empty() {
                pairs.push((key, value.clone()));
            }
        }
        if self.bulk {
            pairs.push(("masse", "1".to_owned()));
        }
        if page > 1 {
            pairs.push(("side", page.to_string()));
        }
        pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={}", crate::text::query_value(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// A problem with one filter field, shown next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterError {
    /// The query key, e.g. `fra`.
    pub field: String,
    pub message: String,
}

/// One choice in a filter's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub name: String,
}

/// One line of the citizen's log: uses of one kind by one unit on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRow {
    /// The row's identity (for "Spørg om dette opslag").
    pub id: i64,
    /// `YYYY-MM-DD`.
    pub day: String,
    /// E.g. "23. november 2026".
    pub day_text: String,
    /// E.g. "kl. 10.05" or "kl. 10.05–14.30".
    pub time_text: String,
    pub unit: String,
    pub authority: String,
    pub system: String,
    pub system_description: String,
    pub use_type: String,
    /// What was done, e.g. "slog dine oplysninger op".
    pub action: String,
    pub purpose: String,
    pub legal_basis: String,
    pub count: i64,
    pub bulk: bool,
    /// The reason the row was hidden until recently, once disclosed.
    pub disclosed_reason: Option<String>,
}

/// The rows of one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthGroup {
    /// E.g. "november 2026".
    pub label: String,
    pub rows: Vec<LogRow>,
}

/// Uses in one month of the chosen period, for the chart and its table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    /// E.g. "november 2026".
    pub label: String,
    /// E.g. "nov." (under the bar).
    pub short_label: String,
    pub count: i64,
}

/// Everything `/min-log` shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyLog {
    pub query: LogQuery,
    pub errors: Vec<FilterError>,
    /// The first day the log covers, e.g. "1. maj 2026".
    pub covers_from_text: String,
    /// The period shown, as the filter form writes it (`DD-MM-YYYY`).
    pub from: String,
    pub to: String,
    /// The period shown, e.g. "1. maj 2026 – 23. november 2026".
    pub period_text: String,
    pub months: Vec<MonthGroup>,
    pub chart: Vec<MonthCount>,
    /// Uses in the period with the chosen filter (all pages).
    pub total_uses: i64,
    /// Rows in the period with the chosen filter (all pages).
    pub total_rows: i64,
    /// Bulk rows in the period left out because `masse` is off.
    pub bulk_rows_left_out: i64,
    pub page: usize,
    pub pages: usize,
    pub systems: Vec<Choice>,
    pub units: Vec<Choice>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_string_round_trips() {
        let query = LogQuery {
            from: "2026-05-01".into(),
            to: String::new(),
            system: "cpr".into(),
            unit: "BS & co".into(),
            use_type: "read".into(),
            bulk: true,
            page: 1,
            all_rows: false,
        };
        let text = query.to_query_string(3);
        assert_eq!(
            text,
            "fra=2026-05-01&system=cpr&enhed=BS%20%26%20co&brug=read&masse=1&side=3"
        );
        let back = LogQuery::from_pairs([
            ("fra", "2026-05-01"),
            ("system", "cpr"),
            ("enhed", "BS & co"),
            ("brug", "read"),
            ("masse", "1"),
            ("side", "3"),
            ("andet", "x"),
        ]);
        assert_eq!(back, LogQuery { page: 3, ..query });
    }
}
