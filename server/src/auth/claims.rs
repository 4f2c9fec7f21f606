//! Reading what the MitID broker says about the citizen: the NSIS assurance
//! level (`acr`) and the CPR number, whose claim name differs per broker.

use std::collections::HashMap;

use serde_json::Value;

use app::identity::cpr::{Cpr, CprError};

/// NSIS assurance levels, in increasing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Assurance {
    Low,
    Substantial,
    High,
}

impl Assurance {
    const PREFIX: &'static str = "https://data.gov.dk/concept/core/nsis/loa/";

    /// Reads a setting value (`low`, `substantial`, `high`).
    pub fn from_setting(value: &str) -> Option<Assurance> {
        match value.trim().to_ascii_lowercase().as_str() {
            "low" => Some(Assurance::Low),
            "substantial" => Some(Assurance::Substantial),
            "high" => Some(Assurance::High),
            _ => None,
        }
    }

    /// Reads an `acr` value (`https://data.gov.dk/concept/core/nsis/loa/Substantial`).
    pub fn from_acr(acr: &str) -> Option<Assurance> {
        match acr.strip_prefix(Self::PREFIX)? {
            "Low" => Some(Assurance::Low),
            "Substantial" => Some(Assurance::Substantial),
            "High" => Some(Assurance::High),
            _ => None,
        }
    }

    /// The `acr` value that names this level.
    pub fn acr(self) -> String {
        let level = match self {
            Assurance::Low => "Low",
            Assurance::Substantial => "Substantial",
            Assurance::High => "High",
        };
        format!("{}{level}", Self::PREFIX)
    }
}

/// Where a broker puts the CPR number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CprClaim {
    /// The claim holding the ten digits.
    pub name: String,
    /// A claim that must have a given value for `name` to be a CPR number
    /// (Signicat: `nin_type` = `PERSON`).
    pub required: Option<(String, String)>,
}

impl CprClaim {
    /// A preset (`signicat`, `signaturgruppen`, `idura`/`criipto`, `nemlogin`)
    /// or, for anything else that looks like a claim name, that claim.
    pub fn parse(setting: &str) -> Option<CprClaim> {
        let plain = |name: &str| CprClaim {
            name: name.to_owned(),
            required: None,
        };
        let setting = setting.trim();
        Some(match setting {
            "signicat" => CprClaim {
                name: "nin".to_owned(),
                required: Some(("nin_type".to_owned(), "PERSON".to_owned())),
            },
            "signaturgruppen" => plain("dk.cpr"),
            "idura" | "criipto" => plain("cprNumberIdentifier"),
            "nemlogin" => plain("dk:gov:saml:attribute:CprNumberIdentifier"),
            "" => return None,
            other if other.chars().all(|c| c.is_ascii_graphic()) => plain(other),
            _ => return None,
        })
    }

    /// Finds the CPR number in `claims`: `Ok(None)` when the claim is absent
    /// (the caller may look in userinfo next), an error when it is there but
    /// not a CPR number.
    pub fn find(&self, claims: &HashMap<String, Value>) -> Result<Option<Cpr>, CprError> {
        if let Some((claim, expected)) = &self.required {
            if claims.get(claim).and_then(Value::as_str) != Some(expected.as_str()) {
                return Ok(None);
            }
        }
        match claims.get(&self.name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Cpr::parse(text).map(Some),
            Some(_) => Err(CprError::NotDigits),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(value: Value) -> HashMap<String, Value> {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn assurance_levels_are_ordered_and_read_from_acr() {
        assert!(
            Assurance::Low < Assurance::Substantial && Assurance::Substantial < Assurance::High
        );
        for level in [Assurance::Low, Assurance::Substantial, Assurance::High] {
            assert_eq!(Assurance::from_acr(&level.acr()), Some(level));
        }
        assert_eq!(Assurance::from_acr("urn:other:loa:High"), None);
        assert_eq!(
            Assurance::from_setting("Substantial"),
            Some(Assurance::Substantial)
        );
        assert_eq!(Assurance::from_setting("medium"), None);
    }

    #[test]
    fn presets_name_each_brokers_claim() {
        let find =
            |preset: &str, value: Value| CprClaim::parse(preset).unwrap().find(&claims(value));
        let anna = Cpr::parse("2403819912").unwrap();
        assert_eq!(
            find(
                "signicat",
                json!({"nin": "2403819912", "nin_type": "PERSON"})
            ),
            Ok(Some(anna.clone()))
        );
        assert_eq!(
            find(
                "signicat",
                json!({"nin": "2403819912", "nin_type": "ORGANIZATION"})
            ),
            Ok(None)
        );
        assert_eq!(
            find("signaturgruppen", json!({"dk.cpr": "2403819912"})),
            Ok(Some(anna.clone()))
        );
        assert_eq!(
            find("idura", json!({"cprNumberIdentifier": "2403819912"})),
            Ok(Some(anna.clone()))
        );
        assert_eq!(
            find(
                "nemlogin",
                json!({"dk:gov:saml:attribute:CprNumberIdentifier": "2403819912"})
            ),
            Ok(Some(anna))
        );
        assert_eq!(
            find("signaturgruppen", json!({"nin": "2403819912"})),
            Ok(None)
        );
        assert_eq!(
            find("signaturgruppen", json!({"dk.cpr": "3213991234"})),
            Err(CprError::NotADate)
        );
        assert_eq!(
            find("signaturgruppen", json!({"dk.cpr": 2403819912_u64})),
            Err(CprError::NotDigits)
        );
        assert_eq!(CprClaim::parse(""), None);
        assert_eq!(CprClaim::parse("my claim"), None);
    }
}
