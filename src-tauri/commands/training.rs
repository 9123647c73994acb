use jalons_core::training::{TrainingActionInput, TrainingPlan};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_training(state: State<'_, AppState>, structure_id: String) -> CmdResult<TrainingPlan> {
    state.reader()?.get_training(&structure_id)
}

#[tauri::command]
pub async fn set_opco(state: State<'_, AppState>, structure_id: String, opco: String) -> CmdResult<TrainingPlan> {
    state.store()?.set_opco(&structure_id, &opco)
}

#[tauri::command]
pub async fn create_training_action(state: State<'_, AppState>, input: TrainingActionInput) -> CmdResult<TrainingPlan> {
    state.store()?.create_training_action(&input)
}

#[tauri::command]
pub async fn update_training_action(
    state: State<'_, AppState>,
    id: String,
    input: TrainingActionInput,
) -> CmdResult<TrainingPlan> {
    state.store()?.update_training_action(&id, &input)
}

#[tauri::command]
pub async fn delete_training_action(state: State<'_, AppState>, id: String) -> CmdResult<TrainingPlan> {
    state.store()?.delete_training_action(&id)
}
