//! An investigator's search of the raw log (`/kontrol/log`, docs/rules.md
//! §4.2): what is searched for ([`LogSearch`], read from the form; a CPR
//! number typed in becomes the subject key at once and is never stored or
//! shown) and what is found ([`FoundEvents`]: one line per event, with the
//! actor, the name the staff directory gives them, the case reference, the
//! hidden state and the source system's own id).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::access_log::my_log::Choice;
use crate::error::AppError;

/// The form's name on the page.
pub const FORM: &str = "log-search";
/// Events on one page of results.
pub const PAGE_SIZE: i64 = 100;
/// Matches are counted up to this many ("more than 10,000").
pub const COUNT_CAP: i64 = 10_000;
/// The most events one CSV export holds.
pub const EXPORT_MAX: i64 = 100_000;

/// One event found, as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundEvent {
    /// When it happened, to the second, in the reader's language.
    pub at: String,
    pub system: String,
    pub unit: String,
    /// The source system's id of the employee.
    pub actor: String,
    /// Their name in the staff directory, if they are in it.
    pub actor_name: Option<String>,
    /// The type of use, in words.
    pub use_type: String,
    pub purpose: String,
    /// Whom it concerned: the citizen's pseudonym, or the search criterion.
    pub subject: String,
    pub case_reference: Option<String>,
    /// Hidden from the citizen: until when and why, in words.
    pub hidden: Option<String>,
    /// The source system marked the case closed.
    pub case_closed: bool,
    /// The source system's own id of the event.
    pub event_id: String,
}

/// A page of what a search found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundEvents {
    pub events: Vec<FoundEvent>,
    /// How many events match, counted up to [`COUNT_CAP`] + 1.
    pub total: i64,
    /// The page shown, from 1.
    pub page: i64,
    /// The period searched, in words.
    pub period: String,
    /// The searched citizen, sealed so the next page and the export can
    /// search for them again without the CPR number being shown.
    pub citizen_token: Option<String>,
}

impl FoundEvents {
    /// Whether more matches were found than are counted.
    pub fn more_than_counted(&self) -> bool {
        self.total > COUNT_CAP
    }

    pub fn has_next(&self) -> bool {
        self.page * PAGE_SIZE < self.total.min(COUNT_CAP)
    }
}

/// What the search form offers to choose from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchChoices {
    pub units: Vec<Choice>,
    pub systems: Vec<Choice>,
    pub purposes: Vec<Choice>,
}

/// What the page was rendered with after a search (none before one).
#[server(endpoint = "control/log-found")]
pub async fn load_found_events() -> Result<Option<FoundEvents>, AppError> {
    crate::caller::Caller::current().log_inspector()?;
    Ok(use_context::<FoundEvents>())
}

/// The units, systems and purposes to filter by.
#[server(endpoint = "control/log-choices")]
pub async fn load_search_choices() -> Result<SearchChoices, AppError> {
    let inspector = crate::caller::Caller::current().log_inspector()?;
    let state = crate::state::app_state()?;
    super::store::search_choices(&state.pool, &inspector)
        .await
        .map_err(AppError::internal)
}

#[cfg(feature = "ssr")]
pub use parse::*;

#[cfg(feature = "ssr")]
mod parse {
    use chrono::{DateTime, NaiveDate, Utc};

    use crate::access_log::coverage::{covers_from, days_span, local_date};
    use crate::i18n::Lang;
    use crate::identity::cpr::Cpr;
    use crate::identity::sealed_cpr::SealedCpr;
    use crate::identity::subject_key::SubjectKey;
    use crate::log_control::forms::parse_period;
    use crate::log_control::ControlSettings;
    use crate::requests::forms::{field, optional_text, FieldErrors, Fields};

    /// The longest actor id, unit, system, purpose or case reference.
    const MAX_CODE: usize = 200;

    /// A search of the raw log, every field checked.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct LogSearch {
        /// The citizen searched for, and the same sealed for the page.
        pub citizen: Option<(SubjectKey, SealedCpr)>,
        pub actor: Option<String>,
        pub unit: Option<String>,
        pub system: Option<String>,
        pub purpose: Option<String>,
        pub case_reference: Option<String>,
        /// The first and last day searched (Europe/Copenhagen), inclusive.
        pub from: NaiveDate,
        pub to: NaiveDate,
        /// The page of results, from 1.
        pub page: i64,
    }

    impl LogSearch {
        /// The period as instants: from the first day's midnight to the
        /// midnight after the last day.
        pub fn span(&self) -> (DateTime<Utc>, DateTime<Utc>) {
            days_span(self.from, self.to)
        }

        /// What was searched for, in words, as the search is logged when it
        /// targets no one citizen (never a CPR number: a citizen's search is
        /// logged on the citizen instead).
        pub fn criterion(&self) -> String {
            let mut parts = vec![format!("Logkontrol {}–{}", self.from, self.to)];
            let named = [
                ("medarbejder", &self.actor),
                ("enhed", &self.unit),
                ("system", &self.system),
                ("formål", &self.purpose),
                ("sag", &self.case_reference),
            ];
            for (name, value) in named {
                if let Some(value) = value {
                    parts.push(format!("{name} {value}"));
                }
            }
            let text = parts.join("; ");
            text.chars().take(500).collect()
        }
    }

    /// Reads the search form: `cpr` (or `borger`, the sealed citizen of the
    /// previous search, kept while `behold_borger` is ticked), `actor`,
    /// `unit`, `system`, `purpose`, `case_reference`, `from`, `to`, `page`.
    /// The period defaults to the whole retention period up to today.
    pub fn parse_log_search(
        fields: &Fields,
        settings: &ControlSettings,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<LogSearch, FieldErrors> {
        let mut errors = FieldErrors::new(lang);
        let citizen = citizen(fields, settings, &mut errors);
        let mut text = |name: &str| optional_text(fields, name, MAX_CODE, &mut errors);
        let actor = text("actor");
        let unit = text("unit");
        let system = text("system");
        let purpose = text("purpose");
        let case_reference = text("case_reference");
        let today = local_date(now);
        let oldest = covers_from(now, settings.log_retention_months);
        let (from, to) = parse_period(fields, (oldest, today), oldest, &mut errors);
        let page = match field(fields, "page") {
            "" => 1,
            typed => typed
                .parse::<i64>()
                .ok()
                .filter(|page| (1..=super::COUNT_CAP / super::PAGE_SIZE).contains(page))
                .unwrap_or(1),
        };
        errors.result(|| LogSearch {
            citizen,
            actor,
            unit,
            system,
            purpose,
            case_reference,
            from,
            to,
            page,
        })
    }

    /// The citizen searched for: a CPR number typed in, or the sealed one
    /// the previous search left on the page.
    fn citizen(
        fields: &Fields,
        settings: &ControlSettings,
        errors: &mut FieldErrors,
    ) -> Option<(SubjectKey, SealedCpr)> {
        let typed = field(fields, "cpr");
        let cpr = if !typed.is_empty() {
            match Cpr::parse(typed) {
                Ok(cpr) => cpr,
                Err(_) => {
                    errors.add("cpr", "control-cpr-invalid");
                    return None;
                }
            }
        } else if field(fields, "behold_borger") == "ja" && !field(fields, "borger").is_empty() {
            let sealed = hex::decode(field(fields, "borger"))
                .ok()
                .map(SealedCpr::from_bytes)
                .and_then(|sealed| settings.seal_key.open(&sealed).ok());
            match sealed {
                Some(cpr) => cpr,
                None => {
                    errors.add("cpr", "control-citizen-lost");
                    return None;
                }
            }
        } else {
            return None;
        };
        let key = SubjectKey::derive(&settings.pepper, &cpr);
        match settings.seal_key.seal(&cpr) {
            Ok(sealed) => Some((key, sealed)),
            Err(_) => {
                errors.add("cpr", "control-citizen-lost");
                None
            }
        }
    }
}
