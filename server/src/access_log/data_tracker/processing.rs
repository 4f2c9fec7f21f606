//! The protocol's four kinds of processing, and which kind each of
//! Indblik's uses is (docs/interop.md, "Which kind a use is").
//!
//! A use inside one authority is `INTERNAL_PROCESSING`: a unit worked on the
//! citizen's data in a system its own authority keeps (most uses). A use
//! reported by a system that another authority keeps (the source system's
//! `keeper_authority_id`) is that system answering the unit's authority:
//! `DATA_RESPONSE`, a transfer whose target is the keeper. (The rule is
//! applied where the uses are read, in `find_usage`'s query, so that the
//! database can filter and page by kind.) Indblik records
//! no use as `DATA_REQUEST` or `DATA_PROCESSING` (its events do not say
//! that data were sent to, or first received from, another authority), but
//! a caller may ask for them and gets none.

use serde::Serialize;

/// `processingType`, as the protocol spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ProcessingType {
    DataRequest,
    DataResponse,
    DataProcessing,
    InternalProcessing,
}

impl ProcessingType {
    pub const ALL: [ProcessingType; 4] = [
        ProcessingType::DataRequest,
        ProcessingType::DataResponse,
        ProcessingType::DataProcessing,
        ProcessingType::InternalProcessing,
    ];

    /// The protocol's name, e.g. `DATA_REQUEST`.
    pub fn name(self) -> &'static str {
        match self {
            ProcessingType::DataRequest => "DATA_REQUEST",
            ProcessingType::DataResponse => "DATA_RESPONSE",
            ProcessingType::DataProcessing => "DATA_PROCESSING",
            ProcessingType::InternalProcessing => "INTERNAL_PROCESSING",
        }
    }

    pub fn from_name(name: &str) -> Option<ProcessingType> {
        ProcessingType::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// Whether the protocol reports this kind as a transfer (`UsageTransfer`,
    /// with a `target`) rather than a processing (with a `source`).
    pub fn is_transfer(self) -> bool {
        matches!(
            self,
            ProcessingType::DataRequest | ProcessingType::DataResponse
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_refused() {
        for kind in ProcessingType::ALL {
            assert_eq!(ProcessingType::from_name(kind.name()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.name())
            );
        }
        assert_eq!(ProcessingType::from_name("data_request"), None);
        assert_eq!(ProcessingType::from_name(""), None);
    }
}
