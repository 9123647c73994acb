//! The app's state: the open store (none when the database could not be opened, and then
//! why), where it lives, and the backups' bookkeeping.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard, PoisonError};

use jalons_core::backup::{BackupFolders, Schedule};
use jalons_core::store::DbLock;
use jalons_core::{Error, ErrorCode, Store};

use crate::error::CmdResult;

pub struct AppState {
    store: Mutex<Option<Store>>,
    pub db_path: PathBuf,
    /// The file where this computer keeps each database's backup folder.
    pub backup_config: PathBuf,
    /// Why the database could not be opened, until a backup replaces it.
    pub problem: Mutex<Option<Error>>,
    /// Held while the database could not be opened, so that nothing else takes the file
    /// while the user decides.
    pub recovery_lock: Mutex<Option<DbLock>>,
    pub schedule: Mutex<Schedule>,
    /// One backup or restore at a time.
    pub backing_up: Mutex<()>,
    /// Set by « Annuler » while summaries are written in the background.
    pub cancel_batch: AtomicBool,
}

/// The open store; dereferences to it.
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0.as_ref().expect("StoreGuard holds an open store")
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("StoreGuard holds an open store")
    }
}

impl AppState {
    pub fn new(opened: Result<Store, Error>, db_path: PathBuf, backup_config: PathBuf) -> Self {
        let (store, problem) = match opened {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        let changes = store.as_ref().map_or(0, Store::total_changes);
        let recovery_lock = match &problem {
            Some(e) if e.code != ErrorCode::InUse => DbLock::acquire(&db_path).ok(),
            _ => None,
        };
        Self {
            store: Mutex::new(store),
            db_path,
            backup_config,
            problem: Mutex::new(problem),
            recovery_lock: Mutex::new(recovery_lock),
            schedule: Mutex::new(Schedule::new(changes)),
            backing_up: Mutex::new(()),
            cancel_batch: AtomicBool::new(false),
        }
    }

    /// The slot of the store, open or not. A command that panicked while holding it left
    /// at worst an open transaction, which is rolled back here: the next command works.
    pub fn slot(&self) -> MutexGuard<'_, Option<Store>> {
        self.store.lock().unwrap_or_else(|poisoned: PoisonError<_>| {
            self.store.clear_poison();
            let guard = poisoned.into_inner();
            if let Some(store) = guard.as_ref() {
                store.recover_from_panic();
            }
            guard
        })
    }

    pub fn store(&self) -> CmdResult<StoreGuard<'_>> {
        let guard = self.slot();
        if guard.is_none() {
            return Err(self.problem().unwrap_or_else(|| Error::internal("La base de données n'est pas ouverte.")));
        }
        Ok(StoreGuard(guard))
    }

    /// The integrity check found the open database damaged: it is closed, and the window
    /// offers its backups.
    pub fn set_damaged(&self, problem: Error) {
        let mut slot = self.slot();
        drop(slot.take());
        *self.recovery_lock.lock().unwrap_or_else(PoisonError::into_inner) = DbLock::acquire(&self.db_path).ok();
        *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = Some(problem);
    }

    pub fn problem(&self) -> Option<Error> {
        self.problem.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// This database's backup folder on this computer.
    pub fn backup_folder(&self) -> PathBuf {
        BackupFolders::load(&self.backup_config).folder(&self.db_path)
    }
}

/// `--db PATH` on the command line, else `JALONS_DB`, else None for the OS default.
pub fn db_override(args: &[String], env: Option<String>) -> Option<PathBuf> {
    args.iter()
        .position(|a| a == "--db")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .or_else(|| args.iter().find_map(|a| a.strip_prefix("--db=").map(PathBuf::from)))
        .or_else(|| env.filter(|e| !e.is_empty()).map(PathBuf::from))
}

pub fn default_db(app_data_dir: &Path) -> PathBuf {
    app_data_dir.join("jalons.sqlite")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn command_line_wins_over_environment() {
        let env = Some("/env.sqlite".to_owned());
        assert_eq!(db_override(&args(&["jalons", "--db", "/a.sqlite"]), env.clone()), Some("/a.sqlite".into()));
        assert_eq!(db_override(&args(&["jalons", "--db=/b.sqlite"]), env.clone()), Some("/b.sqlite".into()));
        assert_eq!(db_override(&args(&["jalons"]), env), Some("/env.sqlite".into()));
        assert_eq!(db_override(&args(&["jalons"]), Some(String::new())), None);
        assert_eq!(db_override(&args(&["jalons"]), None), None);
    }

    #[test]
    fn a_panic_while_holding_the_store_does_not_stop_the_next_command() {
        let dir = std::env::temp_dir().join(format!("jalons-state-{}", std::process::id()));
        let db = dir.join("jalons.sqlite");
        let state = AppState::new(Store::open(&db), db.clone(), dir.join("sauvegardes.json"));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut store = state.store().unwrap();
            let _ = store.all_or_nothing(|s| -> jalons_core::Result<()> {
                s.set_user_name("Avant le bug")?;
                panic!("a command's bug")
            });
        }));
        assert!(caught.is_err());
        let mut store = state.store().unwrap();
        store.set_user_name("Camille Martin").unwrap();
        drop(store);
        drop(state);
        let _ = std::fs::remove_dir_all(dir);
    }
}
