//! The app's state: the open store, and where it lives.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, MutexGuard};

use jalons_core::Store;

use crate::error::{CmdResult, poisoned};

pub struct AppState {
    store: Mutex<Store>,
    /// Set by « Annuler » while summaries are written in the background.
    pub cancel_batch: AtomicBool,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        Self { store: Mutex::new(store), cancel_batch: AtomicBool::new(false) }
    }

    pub fn store(&self) -> CmdResult<MutexGuard<'_, Store>> {
        self.store.lock().map_err(|_| poisoned())
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
}
