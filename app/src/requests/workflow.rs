//! Which action is allowed on a request in which status, and the status it
//! leads to. Pure: the caller passes today's date (Europe/Copenhagen); the
//! store applies the result inside the action's transaction.

use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::actions::HistoryAction;
use super::kinds::Status;

/// Something a caseworker or the citizen does to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// A caseworker takes the request or gives it to a colleague.
    Assign,
    /// A caseworker asks the citizen to clarify (the deadline runs on).
    AskClarification,
    /// A caseworker writes to the citizen.
    MessageToCitizen,
    /// A caseworker writes an internal note (never shown to the citizen).
    Note,
    /// A caseworker extends the deadline by two months.
    Extend,
    /// A caseworker answers.
    Answer,
    /// A caseworker refuses part of the request and answers the rest.
    RefusePartly,
    /// A caseworker refuses the request.
    Refuse,
    /// A caseworker closes a request that was answered, refused or withdrawn.
    Close,
    /// The citizen writes to the caseworker.
    CitizenMessage,
    /// The citizen withdraws the request.
    Withdraw,
    /// A caseworker assesses the citizen's hidden log entries (internal).
    AssessHidden,
    /// A caseworker hands the request to another unit (the deadline runs on).
    Transfer,
    /// A caseworker asks the DPO for advice (internal; the deadline runs on).
    AskDpo,
    /// The DPO gives the advice asked for (internal).
    Advise,
}

impl Step {
    /// What the history records for the step.
    pub fn history_action(self) -> HistoryAction {
        match self {
            Step::Assign => HistoryAction::Assigned,
            Step::AskClarification => HistoryAction::ClarificationAsked,
            Step::MessageToCitizen => HistoryAction::MessageToCitizen,
            Step::Note => HistoryAction::Note,
            Step::Extend => HistoryAction::Extended,
            Step::Answer => HistoryAction::Answered,
            Step::RefusePartly => HistoryAction::PartlyRefused,
            Step::Refuse => HistoryAction::Refused,
            Step::Close => HistoryAction::Closed,
            Step::CitizenMessage => HistoryAction::MessageFromCitizen,
            Step::Withdraw => HistoryAction::Withdrawn,
            Step::AssessHidden => HistoryAction::HiddenAssessed,
            Step::Transfer => HistoryAction::Transferred,
            Step::AskDpo => HistoryAction::DpoConsulted,
            Step::Advise => HistoryAction::DpoAdvised,
        }
    }

    /// Whether the step decides the request (answers or refuses it).
    pub fn decides(self) -> bool {
        matches!(self, Step::Answer | Step::Refuse | Step::RefusePartly)
    }
}

/// The facts about a request the rules look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub status: Status,
    /// The one-month deadline.
    pub due_on: NaiveDate,
    /// Whether the deadline has been extended.
    pub extended: bool,
}

/// Why a step is not allowed: the key of the text shown to the person who
/// tried, in their language ([`NotAllowed::text`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("step not allowed: {0}")]
pub struct NotAllowed(pub &'static str);

impl NotAllowed {
    pub fn text(self, lang: Lang) -> String {
        lang.text(self.0)
    }
}

fn not_allowed(key: &'static str) -> NotAllowed {
    NotAllowed(key)
}

/// The status after `step`, or why `step` is not allowed now.
pub fn next_status(step: Step, standing: Standing, today: NaiveDate) -> Result<Status, NotAllowed> {
    let status = standing.status;
    let finished = || {
        not_allowed(match status {
            Status::Withdrawn => "not-allowed-withdrawn",
            Status::Closed => "not-allowed-closed",
            _ => "not-allowed-answered",
        })
    };
    match step {
        Step::Note => Ok(status),
        Step::AssessHidden | Step::Transfer | Step::AskDpo | Step::Advise if status.is_open() => {
            Ok(status)
        }
        Step::Assign | Step::MessageToCitizen if status.is_open() => Ok(match status {
            Status::Received => Status::InProgress,
            other => other,
        }),
        Step::AskClarification if status.is_open() => Ok(Status::AwaitingCitizen),
        Step::Extend if status.is_open() => {
            if standing.extended {
                Err(not_allowed("not-allowed-extended-twice"))
            } else if today > standing.due_on {
                Err(not_allowed("not-allowed-extend-late"))
            } else {
                Ok(status)
            }
        }
        Step::Answer if status.is_open() => Ok(Status::Answered),
        Step::RefusePartly if status.is_open() => Ok(Status::PartlyRefused),
        Step::Refuse if status.is_open() => Ok(Status::Refused),
        Step::CitizenMessage if status.is_open() => Ok(match status {
            Status::AwaitingCitizen => Status::InProgress,
            other => other,
        }),
        Step::Withdraw if status.is_open() => Ok(Status::Withdrawn),
        Step::Close if status.is_decided() || status == Status::Withdrawn => Ok(Status::Closed),
        Step::Close if status == Status::Closed => Err(finished()),
        Step::Close => Err(not_allowed("not-allowed-close-open")),
        _ => Err(finished()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn standing(status: Status) -> Standing {
        Standing {
            status,
            due_on: day("2026-12-23"),
            extended: false,
        }
    }

    const TODAY: &str = "2026-12-01";

    const STEPS: [Step; 15] = [
        Step::Assign,
        Step::AskClarification,
        Step::MessageToCitizen,
        Step::Note,
        Step::Extend,
        Step::Answer,
        Step::RefusePartly,
        Step::Refuse,
        Step::Close,
        Step::CitizenMessage,
        Step::Withdraw,
        Step::AssessHidden,
        Step::Transfer,
        Step::AskDpo,
        Step::Advise,
    ];

    /// The whole table: for each status, the steps allowed and where they lead.
    fn expected(status: Status, step: Step) -> Option<Status> {
        use Status::*;
        match (status, step) {
            (_, Step::Note) => Some(status),
            (Received, Step::Assign | Step::MessageToCitizen) => Some(InProgress),
            (InProgress | AwaitingCitizen, Step::Assign | Step::MessageToCitizen) => Some(status),
            (Received | InProgress | AwaitingCitizen, Step::AskClarification) => {
                Some(AwaitingCitizen)
            }
            (
                Received | InProgress | AwaitingCitizen,
                Step::Extend | Step::AssessHidden | Step::Transfer | Step::AskDpo | Step::Advise,
            ) => Some(status),
            (Received | InProgress | AwaitingCitizen, Step::Answer) => Some(Answered),
            (Received | InProgress | AwaitingCitizen, Step::RefusePartly) => Some(PartlyRefused),
            (Received | InProgress | AwaitingCitizen, Step::Refuse) => Some(Refused),
            (AwaitingCitizen, Step::CitizenMessage) => Some(InProgress),
            (Received | InProgress, Step::CitizenMessage) => Some(status),
            (Received | InProgress | AwaitingCitizen, Step::Withdraw) => Some(Withdrawn),
            (Answered | PartlyRefused | Refused | Withdrawn, Step::Close) => Some(Closed),
            _ => None,
        }
    }

    #[test]
    fn every_status_and_step_follows_the_table() {
        for status in Status::ALL {
            for step in STEPS {
                let result = next_status(step, standing(status), day(TODAY));
                assert_eq!(result.ok(), expected(status, step), "{status:?} + {step:?}");
                if let Err(refused) = result {
                    for lang in Lang::ALL {
                        assert!(lang.has(refused.0), "{lang:?} {}", refused.0);
                    }
                }
            }
        }
    }

    #[test]
    fn an_extension_comes_once_and_no_later_than_the_deadline() {
        let open = standing(Status::InProgress);
        assert!(
            next_status(Step::Extend, open, day("2026-12-23")).is_ok(),
            "on the deadline day"
        );
        let late = next_status(Step::Extend, open, day("2026-12-24")).unwrap_err();
        assert!(late.text(Lang::Da).contains("overskredet"));
        let twice = Standing {
            extended: true,
            ..open
        };
        let again = next_status(Step::Extend, twice, day("2026-12-01")).unwrap_err();
        assert!(again.text(Lang::Da).contains("én gang"));
    }

    #[test]
    fn answering_a_withdrawn_request_says_so() {
        let refused =
            next_status(Step::Answer, standing(Status::Withdrawn), day(TODAY)).unwrap_err();
        assert_eq!(refused.text(Lang::Da), "Henvendelsen er trukket tilbage.");
        assert_eq!(refused.text(Lang::En), "The request has been withdrawn.");
    }
}
