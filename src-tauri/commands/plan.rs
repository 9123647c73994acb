use jalons_core::plan::{Plan, PlanInput};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_plan(state: State<'_, AppState>, case_id: String) -> CmdResult<Plan> {
    state.reader()?.get_plan(&case_id)
}

#[tauri::command]
pub async fn save_plan(state: State<'_, AppState>, case_id: String, input: PlanInput) -> CmdResult<Plan> {
    state.store()?.save_plan(&case_id, &input)
}
