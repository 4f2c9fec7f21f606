//! A CPR number kept where a person must be able to read it again (a request
//! a caseworker handles): sealed with AES-256-GCM under the portal's own key.
//! The sealed form is what the session and the database hold; only
//! [`CprSealKey::open`] turns it back into a [`Cpr`], and the portal calls it
//! only when a caseworker deliberately reveals the number (which is logged).

use std::fmt;

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};

use super::cpr::Cpr;

/// Bound into every seal, so a sealed CPR cannot be passed off as another
/// kind of sealed value under the same key.
const ASSOCIATED_DATA: &[u8] = b"indblik:cpr:v1";
const NONCE_BYTES: usize = 12;

/// The portal's key for sealing CPR numbers (32 bytes).
#[derive(Clone)]
pub struct CprSealKey(Aes256Gcm);

/// Why a key was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the key must be 64 hexadecimal characters (32 bytes)")]
pub struct BadSealKey;

/// Why a sealed value could not be opened: wrong key, or altered bytes.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the sealed CPR number cannot be opened with this key")]
pub struct CannotOpen;

/// Encryption failed (not expected to happen).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the CPR number could not be sealed")]
pub struct CannotSeal;

/// A sealed CPR number: nonce followed by ciphertext and tag.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedCpr(Vec<u8>);

impl SealedCpr {
    /// The bytes as stored.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Bytes read back from storage.
    pub fn from_bytes(bytes: Vec<u8>) -> SealedCpr {
        SealedCpr(bytes)
    }
}

impl fmt::Debug for SealedCpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SealedCpr(..)")
    }
}

impl CprSealKey {
    /// The key from its 64 hexadecimal characters.
    pub fn from_hex(text: &str) -> Result<CprSealKey, BadSealKey> {
        let mut bytes = [0_u8; 32];
        hex::decode_to_slice(text.trim(), &mut bytes).map_err(|_| BadSealKey)?;
        Ok(CprSealKey(Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(
            &bytes,
        ))))
    }

    /// Seals `cpr` under a fresh random nonce. (AES-GCM cannot fail on a
    /// 10-byte message; the error exists because the library's API has one.)
    pub fn seal(&self, cpr: &Cpr) -> Result<SealedCpr, CannotSeal> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let digits = cpr.expose_digits();
        let payload = Payload {
            msg: digits.as_bytes(),
            aad: ASSOCIATED_DATA,
        };
        let ciphertext = self.0.encrypt(&nonce, payload).map_err(|_| CannotSeal)?;
        let mut sealed = Vec::with_capacity(NONCE_BYTES + ciphertext.len());
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&ciphertext);
        Ok(SealedCpr(sealed))
    }

    /// Opens a sealed CPR number.
    pub fn open(&self, sealed: &SealedCpr) -> Result<Cpr, CannotOpen> {
        if sealed.0.len() <= NONCE_BYTES {
            return Err(CannotOpen);
        }
        let (nonce, ciphertext) = sealed.0.split_at(NONCE_BYTES);
        let payload = Payload {
            msg: ciphertext,
            aad: ASSOCIATED_DATA,
        };
        let digits = self
            .0
            .decrypt(Nonce::from_slice(nonce), payload)
            .map_err(|_| CannotOpen)?;
        let text = String::from_utf8(digits).map_err(|_| CannotOpen)?;
        Cpr::parse(&text).map_err(|_| CannotOpen)
    }
}

impl fmt::Debug for CprSealKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CprSealKey([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    #[test]
    fn a_sealed_number_opens_to_the_same_number_and_hides_it() {
        let key = CprSealKey::from_hex(KEY).unwrap();
        let cpr = Cpr::parse("2403819912").unwrap();
        let sealed = key.seal(&cpr).unwrap();
        assert!(!sealed
            .as_bytes()
            .windows(10)
            .any(|window| window == b"2403819912"));
        assert_eq!(key.open(&sealed).unwrap().expose_digits(), "2403819912");
        // A fresh nonce each time: two seals of one number differ.
        assert_ne!(key.seal(&cpr).unwrap(), sealed);
    }

    #[test]
    fn a_wrong_key_or_altered_bytes_cannot_open() {
        let key = CprSealKey::from_hex(KEY).unwrap();
        let other = CprSealKey::from_hex(&KEY.replace("1f", "ff")).unwrap();
        let sealed = key.seal(&Cpr::parse("2403819912").unwrap()).unwrap();
        assert_eq!(other.open(&sealed).err(), Some(CannotOpen));
        let mut altered = sealed.as_bytes().to_vec();
        let last = altered.len() - 1;
        altered[last] ^= 1;
        assert_eq!(
            key.open(&SealedCpr::from_bytes(altered)).err(),
            Some(CannotOpen)
        );
        assert_eq!(
            key.open(&SealedCpr::from_bytes(vec![1, 2, 3])).err(),
            Some(CannotOpen)
        );
    }

    #[test]
    fn keys_must_be_32_bytes_of_hex() {
        assert_eq!(CprSealKey::from_hex("abcd").err(), Some(BadSealKey));
        assert_eq!(
            CprSealKey::from_hex(&"zz".repeat(32)).err(),
            Some(BadSealKey)
        );
        assert!(format!("{:?}", CprSealKey::from_hex(KEY).unwrap()).contains("REDACTED"));
    }
}
