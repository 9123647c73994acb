use jalons_core::diagnostic::{Diagnostic, DiagnosticInput};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_diagnostic(state: State<'_, AppState>, case_id: String) -> CmdResult<Diagnostic> {
    state.reader()?.get_diagnostic(&case_id)
}

#[tauri::command]
pub async fn save_diagnostic(
    state: State<'_, AppState>,
    case_id: String,
    input: DiagnosticInput,
) -> CmdResult<Diagnostic> {
    state.store()?.save_diagnostic(&case_id, &input)
}
