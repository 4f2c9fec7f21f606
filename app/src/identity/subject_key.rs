//! The pseudonymous key that stands for a citizen: HMAC-SHA256 of the CPR
//! number under a secret pepper. The same citizen always gets the same key;
//! without the pepper the key cannot be traced back to a CPR number.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::cpr::Cpr;

/// The secret pepper for [`SubjectKey`]; at least 32 bytes. Held as the
/// keyed HMAC state, ready to be cloned for each derivation.
#[derive(Clone)]
pub struct Pepper(Hmac<Sha256>);

/// Why a pepper was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the pepper must be at least {MIN_PEPPER_BYTES} bytes")]
pub struct PepperTooShort;

/// Shortest pepper accepted (the HMAC-SHA256 block of security).
pub const MIN_PEPPER_BYTES: usize = 32;

impl Pepper {
    /// Wraps `bytes` as a pepper, refusing one shorter than 32 bytes.
    pub fn new(bytes: Vec<u8>) -> Result<Pepper, PepperTooShort> {
        if bytes.len() < MIN_PEPPER_BYTES {
            return Err(PepperTooShort);
        }
        <Hmac<Sha256> as Mac>::new_from_slice(&bytes)
            .map(Pepper)
            .map_err(|_| PepperTooShort)
    }
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper([REDACTED])")
    }
}

/// A citizen's key: HMAC-SHA256(pepper, the CPR number's ten digits).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubjectKey([u8; 32]);

impl SubjectKey {
    /// Derives the key of the citizen with `cpr`.
    pub fn derive(pepper: &Pepper, cpr: &Cpr) -> SubjectKey {
        let mut mac = pepper.0.clone();
        mac.update(cpr.expose_digits().as_bytes());
        SubjectKey(mac.finalize().into_bytes().into())
    }

    /// The key as stored in the database.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A key read back from the database.
    pub fn from_bytes(bytes: [u8; 32]) -> SubjectKey {
        SubjectKey(bytes)
    }

    /// A key read back from a database column; `None` unless 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<SubjectKey> {
        <[u8; 32]>::try_from(bytes).ok().map(SubjectKey)
    }

    /// What staff who control the log see instead of the person: the
    /// key's first five bytes ("P-3f9ac-21e07"), enough to tell the
    /// citizens of a search apart, nothing to find them by.
    pub fn pseudonym(&self) -> String {
        let hex = hex::encode(&self.0[..5]);
        format!("P-{}-{}", &hex[..5], &hex[5..])
    }
}

impl fmt::Debug for SubjectKey {
    /// The first four bytes only: enough to tell keys apart in a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SubjectKey({}…)", hex::encode(&self.0[..4]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pepper(byte: u8) -> Pepper {
        Pepper::new(vec![byte; 32]).unwrap()
    }

    #[test]
    fn is_hmac_sha256_of_the_ten_digits() {
        // Computed independently: python3 -c "import hmac,hashlib;
        // print(hmac.new(b'k'*32, b'0101901234', hashlib.sha256).hexdigest())"
        let key = SubjectKey::derive(&pepper(b'k'), &Cpr::parse("010190-1234").unwrap());
        assert_eq!(
            hex::encode(key.as_bytes()),
            "c70ff0cf9e3e034ee1ebf0f91290ed9b7648bb1981237d5f352aa1399f36355f"
        );
    }

    #[test]
    fn same_citizen_same_key_other_pepper_other_key() {
        let cpr = Cpr::parse("0101901234").unwrap();
        let other = Cpr::parse("0201901234").unwrap();
        assert_eq!(
            SubjectKey::derive(&pepper(1), &cpr),
            SubjectKey::derive(&pepper(1), &cpr)
        );
        assert_ne!(
            SubjectKey::derive(&pepper(1), &cpr),
            SubjectKey::derive(&pepper(1), &other)
        );
        assert_ne!(
            SubjectKey::derive(&pepper(1), &cpr),
            SubjectKey::derive(&pepper(2), &cpr)
        );
    }

    #[test]
    fn short_pepper_is_refused_and_pepper_never_printed() {
        assert_eq!(Pepper::new(vec![7; 31]).unwrap_err(), PepperTooShort);
        assert_eq!(format!("{:?}", pepper(b'x')), "Pepper([REDACTED])");
    }
}
