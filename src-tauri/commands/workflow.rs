use jalons_core::cases::StageCount;
use jalons_core::workflow::{CaseWorkflow, TransitionInput};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn case_workflow(state: State<'_, AppState>, case_id: String) -> CmdResult<CaseWorkflow> {
    state.reader()?.case_workflow(&case_id)
}

#[tauri::command]
pub async fn move_case(state: State<'_, AppState>, input: TransitionInput) -> CmdResult<CaseWorkflow> {
    state.store()?.move_case(&input)
}

#[tauri::command]
pub async fn stage_counts(state: State<'_, AppState>) -> CmdResult<Vec<StageCount>> {
    state.reader()?.stage_counts()
}
