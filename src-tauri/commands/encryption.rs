//! The passphrase: chosen at first start (or to encrypt an earlier Jalons's database),
//! typed to unlock, changed, remembered or forgotten on this computer; the recovery key
//! written to a file.

use jalons_core::crypto::{self, DataKey, EncryptionStatus, LockNeed, PhraseStrength, Unlocked, phrase};
use jalons_core::{Error, ErrorCode};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs::save_path;
use crate::error::CmdResult;
use crate::state::AppState;
use crate::{backups, keychain, open_waiting};

#[tauri::command]
pub async fn passphrase_strength(phrase: String) -> CmdResult<PhraseStrength> {
    Ok(phrase::strength(&phrase))
}

fn expect_need(state: &AppState, allowed: &[LockNeed]) -> CmdResult<LockNeed> {
    match state.lock_need() {
        Some(need) if allowed.contains(&need) => Ok(need),
        _ => Err(Error::conflict(None, "La base est déjà ouverte.")),
    }
}

/// Opens the store with the key now known, keeps it on this computer if asked, and starts
/// what runs beside an open database.
fn open_with<R: Runtime>(app: &AppHandle<R>, state: &AppState, key: DataKey, remember: bool) -> CmdResult<Unlocked> {
    let opened = open_waiting(state, &key);
    if let Err(e) = &opened
        && e.code == ErrorCode::NotJalons
    {
        // The passphrase opened the key file, but not this database: nothing changes.
        return Err(e.clone());
    }
    let ok = opened.is_ok();
    let keyring_problem = if remember {
        keychain::remember(&state.db_path, &key).err().map(|e| e.message)
    } else {
        // Not asked to remember: a system without a keyring has nothing to forget.
        let _ = keychain::forget(&state.db_path);
        None
    };
    state.settle(opened, Some(key));
    if ok {
        backups::start(app);
    }
    Ok(Unlocked { recovery_key: None, keyring_problem })
}

/// The passphrase chosen at first start (a new database) or for the database of an
/// earlier Jalons (then encrypted with its backups and files); returns its recovery key.
#[tauri::command]
pub async fn protect_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    phrase: String,
    confirmation: String,
    remember: bool,
) -> CmdResult<Unlocked> {
    expect_need(&state, &[LockNeed::Create, LockNeed::Convert])?;
    let key = crypto::protect(&state.db_path, &phrase, &confirmation, &state.backup_folder())?;
    let recovery_key = Some(key.to_recovery());
    Ok(Unlocked { recovery_key, ..open_with(&app, &state, key, remember)? })
}

/// Unlocks with the passphrase, or with the recovery key when it is forgotten or its key
/// file lost (a new passphrase is then asked through `reset_passphrase`).
#[tauri::command]
pub async fn unlock_database<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    phrase: Option<String>,
    recovery_key: Option<String>,
    remember: bool,
) -> CmdResult<Unlocked> {
    expect_need(&state, &[LockNeed::Unlock, LockNeed::RecoveryOnly])?;
    let key = match (phrase, recovery_key) {
        (_, Some(typed)) => DataKey::from_recovery(&typed)?,
        (Some(phrase), None) => crypto::key_from_phrase(&state.db_path, &phrase)?,
        (None, None) => return Err(Error::validation("passphrase", "Saisissez la phrase secrète de cette base.")),
    };
    open_with(&app, &state, key, remember).map_err(|e| match e.code {
        ErrorCode::NotJalons => Error::validation(
            "recovery_key",
            "Cette clé de secours n'ouvre pas cette base\u{a0}: vérifiez-la caractère par caractère.",
        ),
        _ => e,
    })
}

/// A new passphrase for a database opened with its recovery key.
#[tauri::command]
pub async fn reset_passphrase(state: State<'_, AppState>, phrase: String, confirmation: String) -> CmdResult<()> {
    let key = state.key()?;
    state.store()?;
    crypto::reset_phrase(&state.db_path, &key, &phrase, &confirmation, Some(&state.backup_folder()))
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    phrase: String,
    confirmation: String,
) -> CmdResult<()> {
    let key = state.key()?;
    crypto::change_phrase(&state.db_path, &key, &current, &phrase, &confirmation, Some(&state.backup_folder()))
}

#[tauri::command]
pub async fn encryption_status(state: State<'_, AppState>) -> CmdResult<EncryptionStatus> {
    let key = state.key()?;
    Ok(EncryptionStatus {
        remembered: keychain::recall(&state.db_path).is_some_and(|k| k == key),
        key_file: crypto::keyfile::path_of(&state.db_path).display().to_string(),
    })
}

#[tauri::command]
pub async fn set_key_remembered(state: State<'_, AppState>, remember: bool) -> CmdResult<EncryptionStatus> {
    let key = state.key()?;
    if remember {
        keychain::remember(&state.db_path, &key)?;
    } else {
        keychain::forget(&state.db_path)?;
    }
    encryption_status(state).await
}

/// Writes the recovery key to a text file the user chooses, once the passphrase is typed
/// again (the key opens everything); the file's path, none when the dialog is closed.
#[tauri::command]
pub async fn save_recovery_key<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    phrase: String,
) -> CmdResult<Option<String>> {
    let key = state.key()?;
    crypto::phrase_matches(&state.db_path, &key, &phrase)?;
    let Some(path) = save_path(&app, "Enregistrer la clé de secours", "cle-de-secours-jalons.txt", ("Texte", &["txt"]))
    else {
        return Ok(None);
    };
    let text = crypto::recovery_sheet(&state.db_path, &key, chrono::Local::now().date_naive());
    jalons_core::durable::write_file(&path, text.as_bytes(), "La clé de secours n'a pas pu être enregistrée")?;
    Ok(Some(path.display().to_string()))
}
