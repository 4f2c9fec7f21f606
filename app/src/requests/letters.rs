//! [ssr] What a letter to the citizen says (docs/rules.md §1.13): for each
//! notice the citizen is owed (receipt, clarification, message, extension,
//! answer, refusal, transfer, a lapsed extension), its subject and its
//! paragraphs in the request's language. Pure; the store adds who it is
//! from and to, and the date.

use super::actions::HistoryAction;
use super::kinds::Kind;
use crate::i18n::Lang;

/// What a letter is about.
pub struct LetterFacts<'a> {
    pub action: HistoryAction,
    /// The entry's text (what the caseworker wrote, or the portal's record).
    pub body: Option<&'a str>,
    pub number: &'a str,
    pub kind: Kind,
    /// When the request was received, as text.
    pub received: &'a str,
    /// The deadline in force, as text.
    pub deadline: &'a str,
}

/// The subject and the paragraphs of the letter about `facts`.
pub fn letter_text(facts: &LetterFacts<'_>, lang: Lang) -> (String, Vec<String>) {
    let subject = lang.text(&format!("letter-subject-{}", facts.action.code()));
    let body = paragraphs(facts.body.unwrap_or_default());
    let paragraphs = match facts.action {
        HistoryAction::Received | HistoryAction::Registered => vec![
            lang.text_with(
                "letter-receipt",
                &[
                    ("kind", facts.kind.label(lang).to_lowercase().into()),
                    ("received", facts.received.into()),
                    ("number", facts.number.into()),
                ],
            ),
            lang.text_with("letter-receipt-deadline", &[("due", facts.deadline.into())]),
        ],
        HistoryAction::ClarificationAsked => {
            let mut all = body;
            all.push(lang.text_with("letter-deadline-runs", &[("due", facts.deadline.into())]));
            all
        }
        _ => body,
    };
    (subject, paragraphs)
}

/// `text` split into paragraphs at blank lines.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(action: HistoryAction, body: Option<&str>) -> LetterFacts<'_> {
        LetterFacts {
            action,
            body,
            number: "H-000042",
            kind: Kind::Access,
            received: "20. november 2026",
            deadline: "21. december 2026",
        }
    }

    #[test]
    fn every_notice_the_citizen_is_owed_has_a_subject_in_each_language() {
        for action in HistoryAction::ALL.into_iter().filter(|a| a.is_letter()) {
            for lang in Lang::ALL {
                let (subject, _) = letter_text(&facts(action, Some("x")), lang);
                assert!(!subject.starts_with("letter-"), "{action:?} {lang:?}");
            }
        }
    }

    #[test]
    fn a_receipt_names_the_number_and_the_deadline_and_an_answer_keeps_its_paragraphs() {
        let (subject, receipt) = letter_text(&facts(HistoryAction::Registered, None), Lang::Da);
        assert_eq!(subject, "Vi har modtaget din henvendelse");
        assert!(receipt[0].contains("indsigt") && receipt[0].contains("H-000042"));
        assert!(receipt[1].contains("21. december 2026"));
        let (_, answer) = letter_text(
            &facts(
                HistoryAction::Refused,
                Some("Vi afviser.\n\nGrundlag: …\n\n\nDu kan klage til Datatilsynet."),
            ),
            Lang::Da,
        );
        assert_eq!(
            answer,
            [
                "Vi afviser.",
                "Grundlag: …",
                "Du kan klage til Datatilsynet."
            ]
        );
        let (_, clarify) = letter_text(
            &facts(HistoryAction::ClarificationAsked, Some("Hvilke år?")),
            Lang::Da,
        );
        assert_eq!(clarify.len(), 2);
        assert!(clarify[1].contains("stadig 21. december 2026"));
    }
}
