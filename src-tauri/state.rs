//! The app's state: the open store (none when the database could not be opened, and then
//! why), where it lives, and the backups' bookkeeping.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use jalons_core::backup::{BackupFolders, Schedule};
use jalons_core::clock::Clock;
use jalons_core::crypto::{DataKey, LockNeed};
use jalons_core::store::DbLock;
use jalons_core::store::check_schedule::CheckSchedule;
use jalons_core::{Error, ErrorCode, Store};

use crate::error::CmdResult;

pub struct AppState {
    store: Mutex<Option<Store>>,
    /// The connections that only read, so that reads never wait behind a write.
    readers: Mutex<Readers>,
    /// The database's key once known (typed, or remembered on this computer).
    key: Mutex<Option<DataKey>>,
    /// What the user must do before the database opens; none once it is open.
    pub lock: Mutex<Option<LockNeed>>,
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
    /// Set by « Arrêter » while a purge runs in the background.
    pub cancel_purge: AtomicBool,
    /// Set once the database opened, or is known to wait for its passphrase or not to
    /// open: the window's first question waits for it.
    opened: tokio::sync::watch::Sender<bool>,
    /// Set while the database being opened is first brought up to date (a new schema).
    updating: AtomicBool,
}

/// The reading connections not in use, and the file they open: none while the database is
/// closed, or in memory (the store itself answers then). A reader taken before the store
/// was replaced (restore, recovery) is not given back.
#[derive(Default)]
struct Readers {
    source: Option<(PathBuf, DataKey)>,
    idle: Vec<Store>,
    generation: u64,
}

/// Readers kept open for the next reads: as many as reads run at once in practice.
const IDLE_READERS: usize = 2;

/// The open store; dereferences to it.
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

/// A store to read from: a reading connection of the pool, or the store itself when the
/// database has no file; dereferences to it, and never to a store that writes.
pub enum ReadGuard<'a> {
    Pooled { reader: Option<Box<Store>>, generation: u64, state: &'a AppState },
    Store(StoreGuard<'a>),
}

impl Deref for ReadGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match self {
            Self::Pooled { reader, .. } => reader.as_ref().expect("a pooled reader is held until dropped"),
            Self::Store(guard) => guard,
        }
    }
}

impl Drop for ReadGuard<'_> {
    fn drop(&mut self) {
        if let Self::Pooled { reader, generation, state } = self {
            let mut readers = state.readers();
            if *generation == readers.generation && readers.idle.len() < IDLE_READERS {
                readers.idle.extend(reader.take().map(|r| *r));
            }
        }
    }
}

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
    /// The state at launch, before the database is opened in the background; `settle`
    /// says how it went.
    pub fn opening(db_path: PathBuf, backup_config: PathBuf) -> Self {
        Self {
            store: Mutex::new(None),
            readers: Mutex::new(Readers::default()),
            key: Mutex::new(None),
            lock: Mutex::new(None),
            db_path,
            backup_config,
            problem: Mutex::new(None),
            recovery_lock: Mutex::new(None),
            schedule: Mutex::new(Schedule::new(0)),
            backing_up: Mutex::new(()),
            cancel_batch: AtomicBool::new(false),
            cancel_purge: AtomicBool::new(false),
            opened: tokio::sync::watch::Sender::new(false),
            updating: AtomicBool::new(false),
        }
    }

    pub fn new(opened: Result<Store, Error>, db_path: PathBuf, backup_config: PathBuf) -> Self {
        let key = opened.as_ref().ok().and_then(|s| s.key().ok().cloned());
        let state = Self::opening(db_path, backup_config);
        state.settle(opened, key);
        state
    }

    /// The database waits for its passphrase.
    pub fn locked(need: LockNeed, db_path: PathBuf, backup_config: PathBuf) -> Self {
        let state = Self::opening(db_path, backup_config);
        state.settle_locked(need);
        state
    }

    /// The key is known but the database did not open (damaged, in use…).
    pub fn failed(problem: Error, key: DataKey, db_path: PathBuf, backup_config: PathBuf) -> Self {
        let state = Self::opening(db_path, backup_config);
        state.settle(Err(problem), Some(key));
        state
    }

    /// How the opening went (at launch, or once the passphrase is typed): the store, or
    /// why the database does not open, which holds its file while the user decides. The
    /// commands waiting for it go on.
    pub fn settle(&self, opened: Result<Store, Error>, key: Option<DataKey>) {
        let mut slot = self.slot();
        *self.lock.lock().unwrap_or_else(PoisonError::into_inner) = None;
        *self.key.lock().unwrap_or_else(PoisonError::into_inner) = key;
        match opened {
            Ok(store) => {
                *self.schedule.lock().unwrap_or_else(PoisonError::into_inner) = Schedule::new(store.total_changes());
                self.readers_from(Some(&store));
                *slot = Some(store);
                *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = None;
            }
            Err(e) => {
                if e.code != ErrorCode::InUse {
                    *self.recovery_lock.lock().unwrap_or_else(PoisonError::into_inner) =
                        DbLock::acquire(&self.db_path).ok();
                }
                *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = Some(e);
            }
        }
        drop(slot);
        self.opened.send_replace(true);
    }

    /// The database waits for its passphrase (`need` says which screen asks it).
    pub fn settle_locked(&self, need: LockNeed) {
        *self.lock.lock().unwrap_or_else(PoisonError::into_inner) = Some(need);
        self.opened.send_replace(true);
    }

    /// Waits until the opening at launch is over.
    pub async fn opened(&self) {
        let _ = self.opened.subscribe().wait_for(|done| *done).await;
    }

    pub fn set_updating(&self, updating: bool) {
        self.updating.store(updating, Ordering::Relaxed);
    }

    /// Whether the database being opened is brought up to date meanwhile.
    pub fn updating(&self) -> bool {
        self.updating.load(Ordering::Relaxed)
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

    /// The key, once the database was unlocked.
    pub fn key(&self) -> CmdResult<DataKey> {
        self.key
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| Error::conflict(None, "La base est verrouillée\u{a0}: saisissez d'abord sa phrase secrète."))
    }

    pub fn lock_need(&self) -> Option<LockNeed> {
        *self.lock.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn readers(&self) -> MutexGuard<'_, Readers> {
        self.readers.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The readers now open this store's file (none if it is closed or in memory); those
    /// open on what it replaced are closed, and never given back.
    pub fn readers_from(&self, store: Option<&Store>) {
        let mut readers = self.readers();
        readers.source = store.and_then(reading_source);
        readers.idle.clear();
        readers.generation += 1;
    }

    /// A store to read from, which does not wait for the store that writes: a reading
    /// connection of the pool (one more opened when all are in use), or the store itself
    /// for a database in memory or one that could not be opened (and then why).
    pub fn reader(&self) -> CmdResult<ReadGuard<'_>> {
        let (source, generation) = {
            let mut readers = self.readers();
            if let Some(reader) = readers.idle.pop() {
                return Ok(ReadGuard::Pooled {
                    reader: Some(Box::new(reader)),
                    generation: readers.generation,
                    state: self,
                });
            }
            (readers.source.clone(), readers.generation)
        };
        match source.map(|(path, key)| Store::open_reader(&path, &key, Clock::system())) {
            Some(Ok(reader)) => Ok(ReadGuard::Pooled { reader: Some(Box::new(reader)), generation, state: self }),
            // A reader that does not open (the file just replaced): the store answers.
            Some(Err(_)) | None => Ok(ReadGuard::Store(self.store()?)),
        }
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
        self.readers_from(None);
        drop(slot.take());
        *self.recovery_lock.lock().unwrap_or_else(PoisonError::into_inner) = DbLock::acquire(&self.db_path).ok();
        *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = Some(problem);
    }

    pub fn problem(&self) -> Option<Error> {
        self.problem.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Where the readable copies of the attachments opened with another application are
    /// written: the session's private folder in memory where the system has one
    /// (`XDG_RUNTIME_DIR`), emptied when Jalons starts and quits.
    pub fn opened_dir(&self) -> PathBuf {
        let base = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        let name = self.db_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        base.join("jalons-ouverts").join(name)
    }

    /// Removes the readable copies of opened attachments.
    pub fn clear_opened(&self) {
        let _ = std::fs::remove_dir_all(self.opened_dir());
    }

    /// This database's backup folder on this computer.
    pub fn backup_folder(&self) -> PathBuf {
        BackupFolders::load(&self.backup_config).folder(&self.db_path)
    }

    /// When the databases of this computer were last checked in full and closed cleanly,
    /// kept beside the backups' configuration.
    pub fn check_schedule(&self) -> CheckSchedule {
        CheckSchedule::new(self.backup_config.with_file_name("verifications.json"))
    }
}

/// What the readers of a store open: its file and key; none in memory.
fn reading_source(store: &Store) -> Option<(PathBuf, DataKey)> {
    Some((store.path()?.to_owned(), store.key().ok()?.clone()))
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
        let key = jalons_core::crypto::DataKey::generate().unwrap();
        let state = AppState::new(Store::open(&db, &key), db.clone(), dir.join("sauvegardes.json"));
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
