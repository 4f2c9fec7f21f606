//! The kinds of use a source system reports (sikkerhedsbekendtgørelsen § 19:
//! "anvendelsens art"), with the words a citizen reads for each.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// What was done with the citizen's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UseType {
    Read,
    Search,
    Create,
    Update,
    Delete,
    Print,
    Export,
    Batch,
}

impl UseType {
    /// Every type, in the order filters list them.
    pub const ALL: [UseType; 8] = [
        UseType::Read,
        UseType::Search,
        UseType::Create,
        UseType::Update,
        UseType::Delete,
        UseType::Print,
        UseType::Export,
        UseType::Batch,
    ];

    /// The code sent by source systems and stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            UseType::Read => "read",
            UseType::Search => "search",
            UseType::Create => "create",
            UseType::Update => "update",
            UseType::Delete => "delete",
            UseType::Print => "print",
            UseType::Export => "export",
            UseType::Batch => "batch",
        }
    }

    /// Reads a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<UseType> {
        UseType::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// What was done, as a verb in the past tense ("slog dine oplysninger
    /// op" / "looked up your data").
    pub fn verb(self, lang: Lang) -> String {
        lang.text(&format!("use-verb-{}", self.code()))
    }

    /// The type as a filter label ("Opslag" / "Look-up").
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("use-label-{}", self.code()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for kind in UseType::ALL {
            assert_eq!(UseType::from_code(kind.code()), Some(kind));
        }
        assert_eq!(UseType::from_code("READ"), None);
        assert_eq!(UseType::from_code("view"), None);
    }

    #[test]
    fn every_type_has_its_words_in_every_language() {
        for lang in Lang::ALL {
            for kind in UseType::ALL {
                let code = kind.code();
                assert!(lang.has(&format!("use-verb-{code}")), "{lang:?} {code}");
                assert!(lang.has(&format!("use-label-{code}")), "{lang:?} {code}");
            }
        }
    }
}
