//! Automatic backups while Jalons is open: at start when the last is more than a day old,
//! a quarter of an hour after the first change not yet backed up, and at quit. A backup
//! reads the database through its own connection, so the window goes on answering.

use std::time::{Duration, Instant};

use jalons_core::backup::{self, BackupInfo, BackupReason};
use jalons_core::{ErrorCode, Result, Store};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// Local time: backups are named and thinned out by the user's clock.
pub(crate) fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Takes a backup now and notes it in the schedule.
pub fn take(state: &AppState, reason: BackupReason) -> Result<BackupInfo> {
    let _one_at_a_time = state.backing_up.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // The counter is read before the copy: a change made during it is backed up next time.
    // What crashes left in the files folder is swept first, so it is not copied.
    let changes = {
        let store = state.store()?;
        store.sweep_files()?;
        store.total_changes()
    };
    let info = backup::take(&state.db_path, &state.key()?, &state.backup_folder(), reason, now())?;
    state.schedule.lock().unwrap_or_else(std::sync::PoisonError::into_inner).backed_up(changes);
    // The database file alone then holds what the backup holds.
    state.store()?.checkpoint()?;
    Ok(info)
}

/// On a thread of its own: the integrity check of the file when it is due (a damaged one
/// turns the window to its backups, and is never backed up), the start-time backup, then a
/// check every minute.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let Ok((at_open, today)) = state.store().map(|s| (s.file_at_open(), s.today())) else {
            return;
        };
        let Ok(key) = state.key() else { return };
        let checks = state.check_schedule();
        if checks.full_check_due(&state.db_path, at_open, today) {
            match Store::check_integrity(&state.db_path, &key) {
                Ok(()) => checks.checked(&state.db_path, today),
                Err(e) if e.code == ErrorCode::Damaged => {
                    state.set_damaged(e);
                    let _ = app.emit("database-damaged", ());
                    return;
                }
                Err(_) => {}
            }
        }
        // Nothing to keep yet in a database that holds nothing (the first start).
        let Ok(holding) = state.store().and_then(|s| s.holding()) else {
            return;
        };
        let empty = holding.structures == 0 && holding.cases == 0;
        if !empty && backup::due_at_start(backup::newest(&state.backup_folder(), &state.db_path), now()) {
            report(take(&state, BackupReason::Start));
        }
        // What each backup holds is read once the first screen has long been drawn (each
        // opens a whole database: over half a second for six at a large DLA's scale, from a
        // cold disk), so that Paramètres lists them at once.
        std::thread::sleep(Duration::from_secs(20));
        let _ = backup::list(&state.backup_folder(), &state.db_path, &key);
        loop {
            std::thread::sleep(Duration::from_secs(60));
            let Ok(changes) = state.store().map(|s| s.total_changes()) else { continue };
            let due =
                state.schedule.lock().unwrap_or_else(std::sync::PoisonError::into_inner).tick(Instant::now(), changes);
            if due {
                report(take(&state, BackupReason::Auto));
            }
        }
    });
}

/// At quit: a backup when anything changed since the last, then the store is closed.
pub fn at_exit(state: &AppState) {
    let changed = state.store().is_ok_and(|s| {
        let changes = s.total_changes();
        drop(s);
        state.schedule.lock().unwrap_or_else(std::sync::PoisonError::into_inner).has_changes(changes)
    });
    if changed {
        report(take(state, BackupReason::Quit));
    }
    // Closing the last connection folds the whole WAL into the file and removes it: the
    // readers first, then the store. The file is then as the next start will find it.
    state.readers_from(None);
    let store = state.slot().take();
    let was_open = store.is_some();
    drop(store);
    if was_open {
        state.check_schedule().closed(&state.db_path);
    }
}

/// An automatic backup that fails must not stop the work; it is said on the console and
/// seen in Paramètres, where the date of the last backup stops moving.
fn report(outcome: Result<BackupInfo>) {
    if let Err(e) = outcome {
        eprintln!("Sauvegarde automatique impossible\u{a0}: {}", e.message);
    }
}
