use jalons_core::follow_up::{FollowUp, FollowUpInput};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_follow_up(state: State<'_, AppState>, case_id: String) -> CmdResult<FollowUp> {
    state.reader()?.get_follow_up(&case_id)
}

#[tauri::command]
pub async fn save_follow_up(state: State<'_, AppState>, case_id: String, input: FollowUpInput) -> CmdResult<FollowUp> {
    state.store()?.save_follow_up(&case_id, &input)
}
