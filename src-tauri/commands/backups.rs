//! Backups from Paramètres, and the restore offered when the database cannot be opened.

use jalons_core::backup::{self, BackupFolders, BackupInfo, BackupReason, BackupStatus, Restored, Startup};
use jalons_core::{Error, ErrorCode, Store};
use tauri::{AppHandle, Runtime, State};

use crate::backups::{self, now};
use crate::dialogs::pick_folder;
use crate::error::CmdResult;
use crate::state::AppState;

fn status(state: &AppState) -> BackupStatus {
    let current = state.store().ok().and_then(|s| s.holding().ok());
    BackupStatus::of(&state.db_path, &state.backup_folder(), state.key().ok().as_ref(), current)
}

/// Whether the database opened; if not, why, and the backups that could replace it.
/// Asked as the window starts, it waits for the opening begun at launch.
#[tauri::command]
pub async fn startup(state: State<'_, AppState>) -> CmdResult<Startup> {
    state.opened().await;
    let problem = state.problem();
    Ok(Startup {
        lock: state.lock_need(),
        backups: problem.is_some().then(|| status(&state)),
        problem,
        database: state.db_path.display().to_string(),
    })
}

/// Whether the database being opened is first brought up to date (a new version of
/// Jalons), which the window says while it waits.
#[tauri::command]
pub async fn database_updating(state: State<'_, AppState>) -> CmdResult<bool> {
    Ok(state.updating())
}

#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    Ok(status(&state))
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> CmdResult<BackupInfo> {
    backups::take(&state, BackupReason::Manual)
}

/// Asks for a folder, then keeps the backups there; none when the dialog is closed.
#[tauri::command]
pub async fn choose_backup_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<BackupStatus>> {
    let Some(folder) = pick_folder(&app, "Dossier des sauvegardes") else {
        return Ok(None);
    };
    BackupFolders::load(&state.backup_config).choose(&state.backup_config, &state.db_path, Some(&folder))?;
    Ok(Some(status(&state)))
}

#[tauri::command]
pub async fn reset_backup_folder(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    BackupFolders::load(&state.backup_config).choose(&state.backup_config, &state.db_path, None)?;
    Ok(status(&state))
}

/// Replaces the data with a backup of the list, after a safety backup of the current state.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, file_name: String) -> CmdResult<Restored> {
    let folder = state.backup_folder();
    let path = backup::resolve(&folder, &state.db_path, &file_name)?;
    let _one_at_a_time = state.backing_up.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut store = state.store()?;
    let restored = store.restore(&path, &folder, now())?;
    store.checkpoint()?;
    state.readers_from(Some(&store));
    let changes = store.total_changes();
    state.schedule.lock().unwrap_or_else(std::sync::PoisonError::into_inner).backed_up(changes);
    Ok(restored)
}

/// When the database could not be opened (damaged, not a Jalons database): sets it aside
/// and opens the chosen backup in its place.
#[tauri::command]
pub async fn recover_from_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file_name: String,
) -> CmdResult<Restored> {
    let mut slot = state.slot();
    let problem = state.problem();
    if slot.is_some() || !problem.as_ref().is_some_and(|p| matches!(p.code, ErrorCode::Damaged | ErrorCode::NotJalons))
    {
        return Err(Error::conflict(None, "La base est ouverte\u{a0}: restaurez depuis Paramètres."));
    }
    let mut lock = state.recovery_lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if lock.is_none() {
        return Err(Error::new(
            ErrorCode::InUse,
            "Un autre Jalons utilise ce fichier\u{a0}: fermez-le, puis réessayez.",
        ));
    }
    let folder = state.backup_folder();
    let path = backup::resolve(&folder, &state.db_path, &file_name)?;
    let key = state.key()?;
    let restored = backup::recover(&state.db_path, &key, &path, &folder, now())?;
    *lock = None;
    let store = Store::open(&state.db_path, &key)?;
    state.schedule.lock().unwrap_or_else(std::sync::PoisonError::into_inner).backed_up(store.total_changes());
    state.readers_from(Some(&store));
    *slot = Some(store);
    *state.problem.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    drop(slot);
    backups::start(&app);
    Ok(restored)
}
