//! The database key remembered on this computer, in the OS keyring (Secret Service, Windows
//! Credential Manager, macOS Keychain), one entry per database file, so that a daily start
//! asks nothing. A system without a keyring just asks for the passphrase at every start.

use std::path::Path;

use jalons_core::crypto::DataKey;
use jalons_core::{Error, ErrorCode};

const SERVICE: &str = "Jalons";

fn entry(db: &Path) -> keyring::Result<keyring::Entry> {
    // The folder made absolute, so that one file has one entry however it was named; the
    // file itself may not exist yet.
    let folder = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let account = match (std::fs::canonicalize(folder), db.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => db.to_owned(),
    };
    keyring::Entry::new(SERVICE, &account.to_string_lossy())
}

/// The key remembered for this database, if any.
pub fn recall(db: &Path) -> Option<DataKey> {
    entry(db).and_then(|e| e.get_password()).ok().and_then(|hex| DataKey::from_hex(&hex))
}

pub fn remember(db: &Path, key: &DataKey) -> Result<(), Error> {
    entry(db).and_then(|e| e.set_password(&key.to_hex())).map_err(|e| {
        Error::new(
            ErrorCode::Storage,
            format!(
                "Le trousseau de ce système n'a pas pu garder la clé ({e})\u{a0}: la phrase secrète sera demandée \
                 à chaque démarrage."
            ),
        )
    })
}

/// Forgets the key on this computer; nothing to forget is not an error.
pub fn forget(db: &Path) -> Result<(), Error> {
    match entry(db).and_then(|e| e.delete_credential()) {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => {
            Err(Error::new(ErrorCode::Storage, format!("Le trousseau de ce système n'a pas pu oublier la clé ({e}).")))
        }
    }
}
