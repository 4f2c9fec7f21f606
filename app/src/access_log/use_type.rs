//! The kinds of use a source system reports (sikkerhedsbekendtgørelsen § 19:
//! "anvendelsens art"), with the words a citizen reads for each.

use serde::{Deserialize, Serialize};

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

    /// What was done, as a verb in the past tense ("slog op").
    pub fn verb(self) -> &'static str {
        match self {
            UseType::Read => "slog dine oplysninger op",
            UseType::Search => "fandt dig ved en søgning",
            UseType::Create => "registrerede nye oplysninger",
            UseType::Update => "ændrede dine oplysninger",
            UseType::Delete => "slettede oplysninger",
            UseType::Print => "udskrev dine oplysninger",
            UseType::Export => "udtrak dine oplysninger",
            UseType::Batch => "behandlede dine oplysninger i en kørsel",
        }
    }

    /// The type as a filter label ("Opslag").
    pub fn label(self) -> &'static str {
        match self {
            UseType::Read => "Opslag",
            UseType::Search => "Søgning",
            UseType::Create => "Oprettelse",
            UseType::Update => "Ændring",
            UseType::Delete => "Sletning",
            UseType::Print => "Udskrift",
            UseType::Export => "Udtræk",
            UseType::Batch => "Kørsel",
        }
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
}
