//! One Jalons per database file, as Firefox locks its profile: a lock file beside the
//! database, held with the operating system's file lock for as long as the store is open.
//! The system releases it when the process ends, even killed, so a crash never leaves a
//! stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{Error, ErrorCode, Result};

#[derive(Debug)]
pub struct DbLock {
    _file: File,
}

/// The lock file of a database: `<name>-verrou` beside it, named from the file's real
/// path so that two spellings of one file (a symbolic link, `..`) share one lock.
pub fn lock_path(db: &Path) -> PathBuf {
    let real = db.canonicalize().unwrap_or_else(|_| db.to_owned());
    let mut name = real.file_name().map(|n| n.to_owned()).unwrap_or_default();
    name.push("-verrou");
    real.with_file_name(name)
}

impl DbLock {
    pub fn acquire(db: &Path) -> Result<Self> {
        let path = lock_path(db);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&path)
            .map_err(|e| Error::io("Jalons ne peut pas créer son fichier de verrou à côté de la base", &e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::new(
                ErrorCode::InUse,
                format!(
                    "Ce fichier est déjà ouvert par un autre Jalons (une autre fenêtre, ou jalons-cli)\u{a0}: {}. \
                     Fermez-le, puis réessayez.",
                    db.display()
                ),
            )),
            Err(TryLockError::Error(e)) => Err(Error::io("Jalons ne peut pas verrouiller la base", &e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_file_is_refused_under_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jalons.sqlite");
        std::fs::write(&db, "").unwrap();
        let first = DbLock::acquire(&db).unwrap();
        let other_name = dir.path().join(".").join("jalons.sqlite");
        let e = DbLock::acquire(&other_name).unwrap_err();
        assert_eq!(e.code, ErrorCode::InUse);
        assert!(e.message.contains("déjà ouvert"), "{}", e.message);
        drop(first);
        DbLock::acquire(&other_name).unwrap();
    }
}
