use jalons_core::DemoLoaded;
use jalons_core::store::Settings;
use jalons_core::store::chain::ChainCheck;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.reader()?.settings()
}

#[tauri::command]
pub async fn set_user_name(state: State<'_, AppState>, name: String) -> CmdResult<Settings> {
    state.store()?.set_user_name(&name)
}

#[tauri::command]
pub async fn set_notify_due(state: State<'_, AppState>, on: bool) -> CmdResult<Settings> {
    state.store()?.set_notify_due(on)
}

#[tauri::command]
pub async fn set_notify_names(state: State<'_, AppState>, on: bool) -> CmdResult<Settings> {
    state.store()?.set_notify_names(on)
}

#[tauri::command]
pub async fn is_empty(state: State<'_, AppState>) -> CmdResult<bool> {
    state.reader()?.is_empty()
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> CmdResult<DemoLoaded> {
    state.store()?.load_demo()
}

#[tauri::command]
pub async fn check_audit_chain(state: State<'_, AppState>) -> CmdResult<ChainCheck> {
    state.reader()?.check_audit_chain()
}
