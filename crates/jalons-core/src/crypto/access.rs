//! What opening a database asks of the user, decided from the files alone, and the three
//! ways of getting its key: choosing a passphrase (a new or a plain database), typing it,
//! or typing the recovery key. Shared by the app and `jalons-cli`.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DataKey, KeyFile, keyfile, phrase};
use crate::store::opening;
use crate::{Error, ErrorCode, Result};

/// What the user must do before the database opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockNeed {
    /// No database yet: choose its passphrase.
    Create,
    /// A database of an earlier Jalons, not encrypted: choose a passphrase to encrypt it.
    Convert,
    /// An encrypted database: its passphrase, or its recovery key.
    Unlock,
    /// An encrypted database whose key file is missing: its recovery key only.
    RecoveryOnly,
}

/// How the database is protected on this computer, for Paramètres.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EncryptionStatus {
    /// The key is kept in this computer's keyring: starts ask nothing.
    pub remembered: bool,
    /// The key file beside the database.
    pub key_file: String,
}

/// What unlocking did.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct Unlocked {
    /// For a passphrase just chosen: the recovery key, to write down now.
    pub recovery_key: Option<String>,
    /// Why the key could not be remembered on this computer (no keyring): the database is
    /// open all the same, and the passphrase will be asked at the next start.
    pub keyring_problem: Option<String>,
}

pub fn need(db: &Path) -> Result<LockNeed> {
    let empty = std::fs::metadata(db).map(|m| m.len() == 0).unwrap_or(true);
    let has_key_file = keyfile::path_of(db).is_file();
    Ok(if opening::is_plain(db)? {
        LockNeed::Convert
    } else if empty && !has_key_file {
        LockNeed::Create
    } else if has_key_file {
        LockNeed::Unlock
    } else {
        LockNeed::RecoveryOnly
    })
}

/// A new data key sealed under the chosen passphrase, its key file written beside the
/// database (and a copy in `spare_dir`, the backup folder, when given).
pub fn choose_phrase(db: &Path, phrase: &str, confirmation: &str, spare_dir: Option<&Path>) -> Result<DataKey> {
    phrase::check_new(phrase, confirmation)?;
    let key = DataKey::generate()?;
    let file = KeyFile::seal(&key, phrase)?;
    file.create(&keyfile::path_of(db))?;
    save_spare(db, &file, spare_dir);
    Ok(key)
}

/// The passphrase chosen for a database that has none: a new one, or a plain one of an
/// earlier Jalons, then encrypted with its backups and files (in `backup_dir`). The key
/// file is written before anything is encrypted, so that an interrupted conversion never
/// leaves a file whose key is unknown; the database is held meanwhile.
pub fn protect(db: &Path, phrase: &str, confirmation: &str, backup_dir: &Path) -> Result<DataKey> {
    phrase::check_new(phrase, confirmation)?;
    let _held = crate::store::DbLock::acquire(db)?;
    super::convert::finish_interrupted(db)?;
    if !opening::is_plain(db)? {
        return choose_phrase(db, phrase, confirmation, Some(backup_dir));
    }
    let key = DataKey::generate()?;
    save_key_file(db, &KeyFile::seal(&key, phrase)?, Some(backup_dir))?;
    super::convert::encrypt_everything(db, &key, backup_dir)?;
    Ok(key)
}

/// Seals the same data key under a new passphrase: nothing else is re-encrypted.
pub fn change_phrase(
    db: &Path,
    key: &DataKey,
    current: &str,
    phrase: &str,
    confirmation: &str,
    spare_dir: Option<&Path>,
) -> Result<()> {
    let opened = KeyFile::load(&keyfile::path_of(db))?.open(current).map_err(|e| Error {
        field: Some("current_passphrase".into()),
        message: "Phrase secrète actuelle incorrecte.".into(),
        ..e
    })?;
    if &opened != key {
        return Err(Error::new(ErrorCode::NotJalons, "Le fichier de clé ne correspond pas à cette base."));
    }
    phrase::check_new(phrase, confirmation)?;
    save_key_file(db, &KeyFile::seal(key, phrase)?, spare_dir)
}

/// A new key file for a database opened with its recovery key (the old one lost, or its
/// passphrase forgotten).
pub fn reset_phrase(
    db: &Path,
    key: &DataKey,
    phrase: &str,
    confirmation: &str,
    spare_dir: Option<&Path>,
) -> Result<()> {
    phrase::check_new(phrase, confirmation)?;
    save_key_file(db, &KeyFile::seal(key, phrase)?, spare_dir)
}

fn save_key_file(db: &Path, file: &KeyFile, spare_dir: Option<&Path>) -> Result<()> {
    file.save(&keyfile::path_of(db))?;
    save_spare(db, file, spare_dir);
    Ok(())
}

/// A copy of the key file in the backup folder. It only helps: a folder that cannot be
/// written does not stop anything.
fn save_spare(db: &Path, file: &KeyFile, spare_dir: Option<&Path>) {
    if let (Some(dir), Some(name)) = (spare_dir, db.file_name())
        && crate::durable::owner_only_dir(dir).is_ok()
    {
        let _ = file.save(&keyfile::path_of(&dir.join(name)));
    }
}

/// The data key from the passphrase typed.
pub fn key_from_phrase(db: &Path, phrase: &str) -> Result<DataKey> {
    if phrase.is_empty() {
        return Err(Error::validation("passphrase", "Saisissez la phrase secrète de cette base."));
    }
    KeyFile::load(&keyfile::path_of(db))?.open(phrase)
}

/// Whether the passphrase typed opens this database's key file.
pub fn phrase_matches(db: &Path, key: &DataKey, phrase: &str) -> Result<()> {
    if &key_from_phrase(db, phrase)? != key {
        return Err(Error::new(ErrorCode::NotJalons, "Le fichier de clé ne correspond pas à cette base."));
    }
    Ok(())
}

/// The text of the recovery key file (or sheet to print).
pub fn recovery_sheet(db: &Path, key: &DataKey, today: chrono::NaiveDate) -> String {
    format!(
        "Jalons — clé de secours\n\nBase\u{a0}: {}\nÉcrite le {}\n\n{}\n\n\
         Cette clé ouvre la base si sa phrase secrète est oubliée ou si son fichier de clé est perdu. \
         Qui la détient peut lire toutes les données de la base\u{a0}: gardez-la hors de l'ordinateur \
         (imprimée, dans un coffre ou un gestionnaire de mots de passe), jamais à côté de la base.\n",
        db.display(),
        today.format("%d/%m/%Y"),
        key.to_recovery()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_database_asks_follows_from_its_files() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jalons.sqlite");
        assert_eq!(need(&db).unwrap(), LockNeed::Create);
        let key = choose_phrase(&db, "lavande Diois tracteur 1987", "lavande Diois tracteur 1987", None).unwrap();
        assert_eq!(need(&db).unwrap(), LockNeed::Unlock);
        drop(crate::Store::open(&db, &key).unwrap());
        std::fs::remove_file(keyfile::path_of(&db)).unwrap();
        assert_eq!(need(&db).unwrap(), LockNeed::RecoveryOnly);
        let plain = dir.path().join("ancienne.sqlite");
        rusqlite::Connection::open(&plain).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
        assert_eq!(need(&plain).unwrap(), LockNeed::Convert);
    }

    #[test]
    fn changing_the_phrase_keeps_the_key_and_asks_the_current_one() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jalons.sqlite");
        let spare = dir.path().join("sauvegardes");
        let (old, new) = ("lavande Diois tracteur 1987", "Vercors brebis clarinette 42");
        let key = choose_phrase(&db, old, old, Some(&spare)).unwrap();
        let wrong = change_phrase(&db, &key, "autre chose", new, new, None).unwrap_err();
        assert_eq!(wrong.field.as_deref(), Some("current_passphrase"));
        change_phrase(&db, &key, old, new, new, Some(&spare)).unwrap();
        assert_eq!(key_from_phrase(&db, new).unwrap(), key);
        assert!(key_from_phrase(&db, old).is_err());
        assert_eq!(key_from_phrase(&spare.join("jalons.sqlite"), new).unwrap(), key);
    }
}
