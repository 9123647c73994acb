//! Funder lines, the lines of a case, and the operator's identity with its logo.

use jalons_core::funders::{CaseFunder, CaseFunderInput, Funder, FunderInput};
use jalons_core::operator::{Logo, Operator, OperatorInput};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs::pick_file;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_funders(state: State<'_, AppState>) -> CmdResult<Vec<Funder>> {
    state.reader()?.list_funders()
}

#[tauri::command]
pub async fn create_funder(state: State<'_, AppState>, input: FunderInput) -> CmdResult<Funder> {
    state.store()?.create_funder(&input)
}

#[tauri::command]
pub async fn update_funder(state: State<'_, AppState>, id: String, input: FunderInput) -> CmdResult<Funder> {
    state.store()?.update_funder(&id, &input)
}

#[tauri::command]
pub async fn set_funder_archived(state: State<'_, AppState>, id: String, archived: bool) -> CmdResult<Funder> {
    state.store()?.set_funder_archived(&id, archived)
}

#[tauri::command]
pub async fn delete_funder(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.store()?.delete_funder(&id)
}

#[tauri::command]
pub async fn case_funders(state: State<'_, AppState>, case_id: String) -> CmdResult<Vec<CaseFunder>> {
    state.reader()?.case_funders(&case_id)
}

#[tauri::command]
pub async fn set_case_funders(
    state: State<'_, AppState>,
    case_id: String,
    lines: Vec<CaseFunderInput>,
) -> CmdResult<Vec<CaseFunder>> {
    state.store()?.set_case_funders(&case_id, &lines)
}

#[tauri::command]
pub async fn get_operator(state: State<'_, AppState>) -> CmdResult<Option<Operator>> {
    state.reader()?.operator()
}

#[tauri::command]
pub async fn save_operator(state: State<'_, AppState>, input: OperatorInput) -> CmdResult<Operator> {
    state.store()?.save_operator(&input)
}

/// Asks for a picture, then keeps it as the logo; unchanged when the dialog is closed.
#[tauri::command]
pub async fn pick_operator_logo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<Operator>> {
    match pick_file(&app, "Choisir le logo de l'opérateur", ("Images", &["png", "jpg", "jpeg", "svg"])) {
        Some(path) => state.store()?.set_operator_logo(&path).map(Some),
        None => state.reader()?.operator(),
    }
}

#[tauri::command]
pub async fn clear_operator_logo(state: State<'_, AppState>) -> CmdResult<Option<Operator>> {
    state.store()?.clear_operator_logo()
}

#[tauri::command]
pub async fn operator_logo(state: State<'_, AppState>) -> CmdResult<Option<Logo>> {
    state.reader()?.operator_logo()
}
