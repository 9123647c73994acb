//! Encryption at rest. One random data key per database (key.rs) opens the SQLCipher file
//! and, through keys derived from it, seals the attached files (sealed.rs). The data key
//! itself is kept beside the database sealed under the user's passphrase (keyfile.rs), so
//! that changing the passphrase re-seals 32 bytes and re-encrypts nothing; written out as a
//! recovery key, it opens the database even when the passphrase is forgotten. phrase.rs
//! judges a new passphrase; convert.rs turns a plain database of an earlier version into an
//! encrypted one.

mod access;
pub mod convert;
mod key;
pub mod keyfile;
pub mod phrase;
pub(crate) mod sealed;

pub use access::{
    EncryptionStatus, LockNeed, Unlocked, change_phrase, choose_phrase, key_from_phrase, need, phrase_matches, protect,
    recovery_sheet, reset_phrase,
};
pub use key::DataKey;
pub use keyfile::KeyFile;
pub use phrase::PhraseStrength;
