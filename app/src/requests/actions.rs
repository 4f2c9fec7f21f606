//! The actions on a request, named once: [`CaseAction`] is what a
//! caseworker can do (its address, its form's heading and button, the notice
//! after it) and [`HistoryAction`] is what a history entry records (its
//! stored code and how it reads to the citizen and to staff). The pages, the
//! server's form routes and the store all use these; an address that names
//! no action is "not found".

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Something a caseworker does to a request, as offered on the case page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseAction {
    Assign,
    AskClarification,
    Message,
    Note,
    Extend,
    Answer,
    /// Refuse fully or partly (the form says which).
    Refuse,
    Close,
    /// Assess the citizen's hidden log entries before answering an access
    /// request: keep them hidden (with the legal ground) or ask the source
    /// unit to disclose them.
    AssessHidden,
    /// Hand the request to another unit, with a reason.
    Transfer,
    /// Ask the DPO for advice on the request (internal).
    AskDpo,
}

impl CaseAction {
    pub const ALL: [CaseAction; 11] = [
        CaseAction::Assign,
        CaseAction::AskClarification,
        CaseAction::Message,
        CaseAction::Note,
        CaseAction::Extend,
        CaseAction::Answer,
        CaseAction::Refuse,
        CaseAction::Close,
        CaseAction::AssessHidden,
        CaseAction::Transfer,
        CaseAction::AskDpo,
    ];

    /// The last part of the form's address, `/sagsbehandling/<id>/<slug>`,
    /// and the form's name on the page.
    pub fn slug(self) -> &'static str {
        match self {
            CaseAction::Assign => "tildel",
            CaseAction::AskClarification => "uddybning",
            CaseAction::Message => "besked",
            CaseAction::Note => "note",
            CaseAction::Extend => "forlaeng",
            CaseAction::Answer => "svar",
            CaseAction::Refuse => "afvis",
            CaseAction::Close => "luk",
            CaseAction::AssessHidden => "skjulte",
            CaseAction::Transfer => "overfoer",
            CaseAction::AskDpo => "spoerg-dpo",
        }
    }

    /// The action at `slug`; `None` for anything else (a 404).
    pub fn from_slug(slug: &str) -> Option<CaseAction> {
        CaseAction::ALL
            .into_iter()
            .find(|action| action.slug() == slug)
    }

    /// The notice shown after the action.
    pub fn notice(self) -> Notice {
        match self {
            CaseAction::Assign => Notice::Assigned,
            CaseAction::AskClarification => Notice::ClarificationAsked,
            CaseAction::Message => Notice::MessageToCitizen,
            CaseAction::Note => Notice::NoteSaved,
            CaseAction::Extend => Notice::Extended,
            CaseAction::Answer => Notice::Answered,
            CaseAction::Refuse => Notice::Refused,
            CaseAction::Close => Notice::Closed,
            CaseAction::AssessHidden => Notice::HiddenAssessed,
            CaseAction::Transfer => Notice::Transferred,
            CaseAction::AskDpo => Notice::DpoAsked,
        }
    }

    /// The heading of the action's form.
    pub fn heading(self, lang: Lang) -> String {
        lang.text(&format!("case-action-heading-{}", self.slug()))
    }

    /// The label of the form's submit button.
    pub fn button(self, lang: Lang) -> String {
        lang.text(&format!("case-action-button-{}", self.slug()))
    }
}

/// The green confirmation after an action (`?besked=<code>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Notice {
    /// The citizen's message was sent.
    CitizenMessageSent,
    Withdrawn,
    Assigned,
    ClarificationAsked,
    MessageToCitizen,
    NoteSaved,
    Extended,
    Answered,
    Refused,
    Closed,
    Registered,
    HiddenAssessed,
    Transferred,
    DpoAsked,
    DpoAdvised,
    LetterSent,
}

impl Notice {
    pub const ALL: [Notice; 16] = [
        Notice::CitizenMessageSent,
        Notice::Withdrawn,
        Notice::Assigned,
        Notice::ClarificationAsked,
        Notice::MessageToCitizen,
        Notice::NoteSaved,
        Notice::Extended,
        Notice::Answered,
        Notice::Refused,
        Notice::Closed,
        Notice::Registered,
        Notice::HiddenAssessed,
        Notice::Transferred,
        Notice::DpoAsked,
        Notice::DpoAdvised,
        Notice::LetterSent,
    ];

    /// The code in the address.
    pub fn code(self) -> &'static str {
        match self {
            Notice::CitizenMessageSent => "sendt",
            Notice::Withdrawn => "tilbagetrukket",
            Notice::Assigned => "tildelt",
            Notice::ClarificationAsked => "uddybning",
            Notice::MessageToCitizen => "besked",
            Notice::NoteSaved => "note",
            Notice::Extended => "forlaenget",
            Notice::Answered => "besvaret",
            Notice::Refused => "afvist",
            Notice::Closed => "lukket",
            Notice::Registered => "registreret",
            Notice::HiddenAssessed => "skjulte-vurderet",
            Notice::Transferred => "overfoert",
            Notice::DpoAsked => "dpo-spurgt",
            Notice::DpoAdvised => "dpo-raad",
            Notice::LetterSent => "brev-sendt",
        }
    }

    pub fn from_code(code: &str) -> Option<Notice> {
        Notice::ALL.into_iter().find(|notice| notice.code() == code)
    }

    /// What the notice says.
    pub fn text(self, lang: Lang) -> String {
        lang.text(&format!("notice-{}", self.code()))
    }
}

/// What one history entry records (stored in `data_request_events.action`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HistoryAction {
    Received,
    Registered,
    Assigned,
    ClarificationAsked,
    MessageToCitizen,
    MessageFromCitizen,
    Note,
    Extended,
    Answered,
    PartlyRefused,
    Refused,
    Withdrawn,
    Closed,
    CprRevealed,
    /// The caseworker's assessment of hidden entries (internal).
    HiddenAssessed,
    /// Handed to another unit.
    Transferred,
    /// A caseworker asked the DPO for advice (internal).
    DpoConsulted,
    /// The DPO's advice (internal).
    DpoAdvised,
    /// The decision followed the DPO's advice (internal).
    AdviceFollowed,
    /// The decision departed from the DPO's advice, and why (internal).
    AdviceNotFollowed,
    /// A letter about an entry was sent, on a recorded day (internal).
    LetterSent,
    /// An extension lapsed: its letter went out after the first month.
    ExtensionLapsed,
}

/// Whose eyes a history is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Citizen,
    Staff,
}

impl HistoryAction {
    pub const ALL: [HistoryAction; 22] = [
        HistoryAction::Received,
        HistoryAction::Registered,
        HistoryAction::Assigned,
        HistoryAction::ClarificationAsked,
        HistoryAction::MessageToCitizen,
        HistoryAction::MessageFromCitizen,
        HistoryAction::Note,
        HistoryAction::Extended,
        HistoryAction::Answered,
        HistoryAction::PartlyRefused,
        HistoryAction::Refused,
        HistoryAction::Withdrawn,
        HistoryAction::Closed,
        HistoryAction::CprRevealed,
        HistoryAction::HiddenAssessed,
        HistoryAction::Transferred,
        HistoryAction::DpoConsulted,
        HistoryAction::DpoAdvised,
        HistoryAction::AdviceFollowed,
        HistoryAction::AdviceNotFollowed,
        HistoryAction::LetterSent,
        HistoryAction::ExtensionLapsed,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            HistoryAction::Received => "received",
            HistoryAction::Registered => "registered",
            HistoryAction::Assigned => "assigned",
            HistoryAction::ClarificationAsked => "clarification_asked",
            HistoryAction::MessageToCitizen => "message_to_citizen",
            HistoryAction::MessageFromCitizen => "message_from_citizen",
            HistoryAction::Note => "note",
            HistoryAction::Extended => "extended",
            HistoryAction::Answered => "answered",
            HistoryAction::PartlyRefused => "partly_refused",
            HistoryAction::Refused => "refused",
            HistoryAction::Withdrawn => "withdrawn",
            HistoryAction::Closed => "closed",
            HistoryAction::CprRevealed => "cpr_revealed",
            HistoryAction::HiddenAssessed => "hidden_assessed",
            HistoryAction::Transferred => "transferred",
            HistoryAction::DpoConsulted => "dpo_consulted",
            HistoryAction::DpoAdvised => "dpo_advised",
            HistoryAction::AdviceFollowed => "advice_followed",
            HistoryAction::AdviceNotFollowed => "advice_not_followed",
            HistoryAction::LetterSent => "letter_sent",
            HistoryAction::ExtensionLapsed => "extension_lapsed",
        }
    }

    /// Whether the entry is a notice the citizen is owed, which can be
    /// printed and sent as a letter (docs/rules.md §1.13).
    pub fn is_letter(self) -> bool {
        matches!(
            self,
            HistoryAction::Received
                | HistoryAction::Registered
                | HistoryAction::ClarificationAsked
                | HistoryAction::MessageToCitizen
                | HistoryAction::Extended
                | HistoryAction::Answered
                | HistoryAction::PartlyRefused
                | HistoryAction::Refused
                | HistoryAction::Transferred
                | HistoryAction::ExtensionLapsed
        )
    }

    /// The action with stored code `code`.
    pub fn from_code(code: &str) -> Option<HistoryAction> {
        HistoryAction::ALL
            .into_iter()
            .find(|action| action.code() == code)
    }

    /// How the entry reads to `audience` (`history-<code>`, or
    /// `history-<code>-citizen` / `-staff` where the two read differently).
    pub fn label(self, audience: Audience, lang: Lang) -> String {
        let own = format!(
            "history-{}-{}",
            self.code(),
            match audience {
                Audience::Citizen => "citizen",
                Audience::Staff => "staff",
            }
        );
        if lang.has(&own) {
            lang.text(&own)
        } else {
            lang.text(&format!("history-{}", self.code()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_codes_read_back_and_nothing_else_does() {
        for action in CaseAction::ALL {
            assert_eq!(CaseAction::from_slug(action.slug()), Some(action));
        }
        for notice in Notice::ALL {
            assert_eq!(Notice::from_code(notice.code()), Some(notice));
        }
        for unknown in ["", "vis-cpr", "raad", "Luk", "luk ", "registrer", "bilag"] {
            assert_eq!(CaseAction::from_slug(unknown), None, "{unknown:?}");
        }
        for action in HistoryAction::ALL {
            assert_eq!(HistoryAction::from_code(action.code()), Some(action));
        }
        let mut codes: Vec<&str> = HistoryAction::ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), HistoryAction::ALL.len());
    }

    #[test]
    fn every_action_and_notice_has_its_words_in_every_language() {
        for lang in Lang::ALL {
            for action in CaseAction::ALL {
                assert!(lang.has(&format!("case-action-heading-{}", action.slug())));
                assert!(lang.has(&format!("case-action-button-{}", action.slug())));
            }
            for notice in Notice::ALL {
                assert!(lang.has(&format!("notice-{}", notice.code())), "{notice:?}");
            }
            for action in HistoryAction::ALL {
                for audience in [Audience::Citizen, Audience::Staff] {
                    assert!(
                        !action.label(audience, lang).is_empty()
                            && !action.label(audience, lang).starts_with("history-"),
                        "{lang:?} {action:?} {audience:?}"
                    );
                }
            }
        }
        assert_eq!(
            HistoryAction::Assigned.label(Audience::Citizen, Lang::Da),
            "Henvendelsen er under behandling"
        );
        assert_eq!(
            HistoryAction::Assigned.label(Audience::Staff, Lang::Da),
            "Tildelt"
        );
    }
}
