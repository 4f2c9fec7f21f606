//! Settings read straight into their types while the configuration is
//! extracted, so each is parsed once and every accessor is a plain read. A
//! value that does not parse fails the extraction with a message that names
//! the setting (figment adds the key) and what is expected; a secret's value
//! is never repeated in the message.

use std::str::FromStr;

use chrono::NaiveTime;
use lettre::message::Mailbox;
use lettre::Address;
use secrecy::{ExposeSecret, SecretString};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use sqlx::types::ipnetwork::IpNetwork;

use app::identity::sealed_cpr::CprSealKey;
use app::identity::subject_key::Pepper;

use crate::auth::claims::{Assurance, CprClaim};

/// A setting's value as text. Environment variables that look like numbers
/// or booleans arrive as such (`INDBLIK_DIGEST_TIME=7`); they are read back
/// as the text that was written, so the message says what is wrong with it.
#[derive(Deserialize)]
#[serde(untagged)]
enum Loose {
    Text(String),
    Whole(i128),
    Fraction(f64),
    Flag(bool),
}

impl Loose {
    fn into_text(self) -> String {
        match self {
            Loose::Text(text) => text,
            Loose::Whole(number) => number.to_string(),
            Loose::Fraction(number) => number.to_string(),
            Loose::Flag(flag) => flag.to_string(),
        }
    }
}

/// Reads a string and turns it into `T` with `parse`, or fails with `expected`.
fn text<'de, D, T>(
    deserializer: D,
    parse: impl FnOnce(&str) -> Option<T>,
    expected: &str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let text = Loose::deserialize(deserializer)?.into_text();
    parse(&text).ok_or_else(|| D::Error::custom(format!("{expected}, got {text:?}")))
}

/// Reads a secret and turns it into `T`, or fails with `expected` (without
/// the value).
fn secret<'de, D, T>(
    deserializer: D,
    parse: impl FnOnce(&str) -> Option<T>,
    expected: &str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let secret = SecretString::from(Loose::deserialize(deserializer)?.into_text());
    parse(secret.expose_secret()).ok_or_else(|| D::Error::custom(expected))
}

pub fn email<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Address, D::Error> {
    text(
        deserializer,
        |text| {
            let text = text.trim();
            app::text::is_email_address(text)
                .then(|| Address::from_str(text).ok())
                .flatten()
        },
        "must be an e-mail address like name@example.dk",
    )
}

pub fn cpr_claim<'de, D: Deserializer<'de>>(deserializer: D) -> Result<CprClaim, D::Error> {
    text(
        deserializer,
        CprClaim::parse,
        "must be a preset (signicat, signaturgruppen, idura, nemlogin) or a claim name",
    )
}

/// The citizens' lowest accepted NSIS level: `substantial` or `high`. The
/// log shows who used a citizen's personal data, so NSIS "low" (a
/// username and password) is never enough (docs/rules.md §3).
pub fn assurance<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Assurance, D::Error> {
    text(
        deserializer,
        |value| Assurance::from_setting(value).filter(|level| *level >= Assurance::Substantial),
        "must be substantial or high (low is not enough to see who used personal data)",
    )
}

pub fn pepper<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Pepper, D::Error> {
    secret(
        deserializer,
        |text| Pepper::new(text.as_bytes().to_vec()).ok(),
        "must be at least 32 characters (e.g. `openssl rand -hex 32`)",
    )
}

pub fn seal_key<'de, D: Deserializer<'de>>(deserializer: D) -> Result<CprSealKey, D::Error> {
    secret(
        deserializer,
        |text| CprSealKey::from_hex(text).ok(),
        "must be 64 hexadecimal characters (e.g. `openssl rand -hex 32`)",
    )
}

pub fn time_of_day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
    text(
        deserializer,
        |text| NaiveTime::parse_from_str(text.trim(), "%H:%M").ok(),
        "must be HH:MM (e.g. 07:00)",
    )
}

pub fn mailbox<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Mailbox>, D::Error> {
    let Some(text) = Option::<Loose>::deserialize(deserializer)?.map(Loose::into_text) else {
        return Ok(None);
    };
    text.parse().map(Some).map_err(|_| {
        D::Error::custom(format!(
            "must be an address like `Indblik <indblik@kommune.dk>`, got {text:?}"
        ))
    })
}

pub fn networks<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<IpNetwork>, D::Error> {
    text(
        deserializer,
        |text| {
            text.split([',', ' '])
                .filter(|part| !part.trim().is_empty())
                .map(|part| part.trim().parse::<IpNetwork>().ok())
                .collect()
        },
        "must be IP addresses or CIDR ranges separated by spaces or commas (e.g. `10.0.0.5, 10.1.0.0/16`)",
    )
}
