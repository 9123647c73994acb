//! Where each database's backups go. The choice belongs to this computer (a USB stick or a
//! synced folder has a path here only), so it is kept in a small file of the app's
//! configuration, not in the database: a database from elsewhere cannot name a folder
//! to write to or to thin out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result, durable};

/// The default: `<name>-sauvegardes` beside the database.
pub fn default_folder(db: &Path) -> PathBuf {
    db.with_file_name(format!("{}-sauvegardes", super::catalogue::base_of(db)))
}

/// The folders chosen on this computer, by database path.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct BackupFolders {
    #[serde(default)]
    dossiers: BTreeMap<PathBuf, PathBuf>,
}

fn key(db: &Path) -> PathBuf {
    db.canonicalize().unwrap_or_else(|_| db.to_owned())
}

impl BackupFolders {
    /// Reads the file; a missing or unreadable one means every database uses its default.
    pub fn load(config: &Path) -> Self {
        std::fs::read(config).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    pub fn folder(&self, db: &Path) -> PathBuf {
        self.dossiers.get(&key(db)).filter(|f| f.is_absolute()).cloned().unwrap_or_else(|| default_folder(db))
    }

    /// Sets the folder of `db` (None: back to the default) and writes the file.
    pub fn choose(&mut self, config: &Path, db: &Path, folder: Option<&Path>) -> Result<PathBuf> {
        match folder {
            Some(f) if !f.is_absolute() => {
                return Err(Error::validation("folder", "Choisissez un dossier par son chemin complet."));
            }
            Some(f) => {
                durable::owner_only_dir(f)
                    .map_err(|e| Error::io("Le dossier des sauvegardes n'a pas pu être créé", &e).within("folder"))?;
                self.dossiers.insert(key(db), f.to_owned());
            }
            None => {
                self.dossiers.remove(&key(db));
            }
        }
        if let Some(dir) = config.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("La configuration n'a pas pu être enregistrée", &e))?;
        }
        durable::write_file(config, &serde_json::to_vec_pretty(self)?, "La configuration n'a pas pu être enregistrée")?;
        Ok(self.folder(db))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_folder_is_kept_per_database_and_a_bad_file_means_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config").join("sauvegardes.json");
        let db = dir.path().join("jalons.sqlite");
        assert_eq!(BackupFolders::load(&config).folder(&db), dir.path().join("jalons-sauvegardes"));
        let usb = dir.path().join("usb");
        BackupFolders::load(&config).choose(&config, &db, Some(&usb)).unwrap();
        assert_eq!(BackupFolders::load(&config).folder(&db), usb);
        assert!(BackupFolders::load(&config).choose(&config, &db, Some(Path::new("relatif"))).is_err());
        std::fs::write(&config, "{ pas du json").unwrap();
        assert_eq!(BackupFolders::load(&config).folder(&db), dir.path().join("jalons-sauvegardes"));
    }
}
