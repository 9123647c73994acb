//! Backups: consistent copies of the live database taken with SQLite's backup API (never
//! a file copy, which would miss what is still in the WAL), named by their date, thinned
//! out as they age, and restored with a safety backup of the current state taken first.
//! Attached files go into one content-addressed folder shared by every backup, so that a
//! file is copied once however many backups hold it.
//!
//! A backup folder is read as hostile: only names Jalons writes are listed, and a file is
//! restored only once it has passed the checks of any database Jalons opens.

mod catalogue;
mod folder;
mod restore;
mod rotation;
mod schedule;
mod take;
mod verify;

pub(crate) use catalogue::entries;
pub use catalogue::{BackupInfo, BackupReason, Holding, list, newest, resolve};
pub use folder::{BackupFolders, default_folder};
pub use restore::{Restored, recover};
pub use rotation::to_remove;
pub use schedule::{Schedule, due_at_start};
pub use take::take;
pub use verify::Verification;

use std::path::{Path, PathBuf};

/// The folder of attached files inside a backup folder, shared by all its backups.
pub(crate) fn files_of(backup_dir: &Path) -> PathBuf {
    backup_dir.join("fichiers")
}

use serde::Serialize;
use ts_rs::TS;

/// The backups of a database as Paramètres shows them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupStatus {
    /// The backup folder, as the user reads it.
    pub folder: String,
    /// Whether it is the default folder beside the database.
    pub default_folder: bool,
    /// Newest first.
    pub backups: Vec<BackupInfo>,
    /// What the open database holds now, which a restore would replace.
    pub current: Option<Holding>,
}

impl BackupStatus {
    /// The backups are listed only when the key is known: without it, nothing in them
    /// can be read.
    pub fn of(db: &Path, folder: &Path, key: Option<&crate::crypto::DataKey>, current: Option<Holding>) -> Self {
        Self {
            folder: folder.display().to_string(),
            default_folder: folder == default_folder(db),
            backups: key.map(|k| list(folder, db, k)).unwrap_or_default(),
            current,
        }
    }
}

impl crate::Store {
    pub fn holding(&self) -> crate::Result<Holding> {
        Ok(catalogue::holding(self.conn())?)
    }
}

/// How Jalons started: whether the database could be opened, and if not, why, with the
/// backups that could replace it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Startup {
    /// What the user must do before the database opens (a passphrase to choose or type).
    pub lock: Option<crate::crypto::LockNeed>,
    pub problem: Option<crate::Error>,
    /// The database file.
    pub database: String,
    /// The backups that could replace it, only when it could not be opened: reading what
    /// each one holds is the slowest part of a start at a large DLA's scale.
    pub backups: Option<BackupStatus>,
}
