//! Attachments: the native file dialog picks, the core copies and stores; opening asks the
//! system for the default application of the stored copy, found by its hash.

use std::path::Path;

use jalons_core::attachments::{Attachment, AttachmentOwner};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{pick_files, test_answer};
use crate::error::{CmdResult, Error};
use crate::state::AppState;

/// Opens with the system's default application; in the end-to-end build,
/// `JALONS_OPEN_WITH` names another program (the tests record what was opened).
fn open_path<R: Runtime>(app: &AppHandle<R>, path: &Path) -> CmdResult<()> {
    let failed = |e: String| Error::internal(format!("Le fichier n'a pas pu être ouvert\u{a0}: {e}"));
    if let Some(program) = test_answer("JALONS_OPEN_WITH") {
        std::process::Command::new(program).arg(path).spawn().map_err(|e| failed(e.to_string()))?;
        return Ok(());
    }
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| failed(e.to_string()))
}

#[tauri::command]
pub async fn list_attachments(state: State<'_, AppState>, owner: AttachmentOwner) -> CmdResult<Vec<Attachment>> {
    state.reader()?.list_attachments(&owner)
}

/// Asks for files, then attaches them; none when the dialog is closed.
#[tauri::command]
pub async fn attach_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    owner: AttachmentOwner,
    confidential: bool,
) -> CmdResult<Vec<Attachment>> {
    let paths = pick_files(&app, "Joindre des fichiers");
    let mut store = state.store()?;
    paths.iter().map(|p| store.attach_file(&owner, p, confidential)).collect()
}

#[tauri::command]
pub async fn open_attachment<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: String) -> CmdResult<()> {
    let path = state.reader()?.attachment_copy(&id, &state.opened_dir())?;
    open_path(&app, &path)
}

#[tauri::command]
pub async fn remove_attachment(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.store()?.remove_attachment(&id)
}
