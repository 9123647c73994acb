use jalons_core::employer::{EmployerFunction, ObligationInput};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_employer_function(state: State<'_, AppState>, structure_id: String) -> CmdResult<EmployerFunction> {
    state.reader()?.get_employer_function(&structure_id)
}

#[tauri::command]
pub async fn save_obligations(
    state: State<'_, AppState>,
    structure_id: String,
    obligations: Vec<ObligationInput>,
) -> CmdResult<EmployerFunction> {
    state.store()?.save_obligations(&structure_id, &obligations)
}
