//! The data key: 32 random bytes that never change for a database, so that every backup
//! of it opens with the same key whatever passphrase protects it today.

use std::fmt;

use data_encoding::{Encoding, HEXLOWER, Specification};
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroize;

use crate::{Error, Result};

pub const KEY_LEN: usize = 32;

#[derive(Clone, PartialEq, Eq)]
pub struct DataKey([u8; KEY_LEN]);

/// Wiped from memory when dropped.
impl Drop for DataKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// Never printed, even in a debug trace.
impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DataKey(…)")
    }
}

/// Crockford's base 32: no I, L, O or U, so that a key copied by hand is read back as
/// written; lowercase, O, I and L are taken for what they look like.
fn recovery_encoding() -> Encoding {
    let mut spec = Specification::new();
    spec.symbols.push_str("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    spec.translate.from.push_str("abcdefghjkmnpqrstvwxyzoOiIlL");
    spec.translate.to.push_str("ABCDEFGHJKMNPQRSTVWXYZ001111");
    spec.encoding().expect("a valid base 32 alphabet")
}

const GROUP: usize = 4;

impl DataKey {
    pub fn generate() -> Result<Self> {
        let mut bytes = [0u8; KEY_LEN];
        getrandom::fill(&mut bytes).map_err(|_| Error::internal("Le système n'a pas fourni de nombres aléatoires."))?;
        Ok(Self(bytes))
    }

    pub(crate) fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Self(bytes)
    }

    pub(crate) fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The statement that opens a SQLCipher file with this key as is (a raw key, so that
    /// SQLCipher spends no time deriving it again).
    pub(crate) fn pragma(&self) -> String {
        format!("PRAGMA key = \"x'{}'\";", HEXLOWER.encode(&self.0))
    }

    /// A key for one purpose, derived so that none of them reveals the data key.
    pub(crate) fn derive(&self, purpose: &str) -> [u8; KEY_LEN] {
        let mut out = [0u8; KEY_LEN];
        Hkdf::<Sha256>::new(Some(b"jalons"), &self.0)
            .expand(purpose.as_bytes(), &mut out)
            .expect("32 bytes is a valid HKDF-SHA256 length");
        out
    }

    /// How the OS keyring keeps it.
    pub fn to_hex(&self) -> String {
        HEXLOWER.encode(&self.0)
    }

    pub fn from_hex(hex: &str) -> Option<Self> {
        let bytes = HEXLOWER.decode(hex.trim().as_bytes()).ok()?;
        Some(Self(bytes.try_into().ok()?))
    }

    /// The recovery key the user writes down: the data key in groups of four characters.
    pub fn to_recovery(&self) -> String {
        let text = recovery_encoding().encode(&self.0);
        text.as_bytes().chunks(GROUP).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
    }

    /// Reads a recovery key as typed: groups separated by dashes or spaces, any case.
    pub fn from_recovery(typed: &str) -> Result<Self> {
        let compact: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        let refused = || {
            Error::validation(
                "recovery_key",
                "Cette clé de secours n'est pas valable\u{a0}: elle compte 52 caractères (chiffres et lettres), \
                 par groupes de quatre.",
            )
        };
        let bytes = recovery_encoding().decode(compact.as_bytes()).map_err(|_| refused())?;
        Ok(Self(bytes.try_into().map_err(|_| refused())?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_key_reads_back_as_typed_by_hand() {
        let key = DataKey::generate().unwrap();
        let written = key.to_recovery();
        assert_eq!(written.len(), 52 + 12);
        assert_eq!(DataKey::from_recovery(&written).unwrap(), key);
        let by_hand = written.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        assert_eq!(DataKey::from_recovery(&by_hand).unwrap(), key);
        assert_eq!(DataKey::from_recovery("ABCD-EFGH").unwrap_err().field.as_deref(), Some("recovery_key"));
        assert!(DataKey::from_recovery("UUUU").is_err());
    }

    #[test]
    fn derived_keys_differ_by_purpose_and_never_print() {
        let key = DataKey::generate().unwrap();
        assert_ne!(key.derive("a"), key.derive("b"));
        assert_ne!(&key.derive("a"), key.bytes());
        assert_eq!(format!("{key:?}"), "DataKey(…)");
        assert_eq!(DataKey::from_hex(&key.to_hex()), Some(key));
    }
}
