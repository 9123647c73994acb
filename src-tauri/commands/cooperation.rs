use jalons_core::cooperation::{CooperationFilter, CooperationInput, CooperationProject};
use jalons_core::paging::{Page, PageRequest};
use jalons_core::store::audit::AuditEntry;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_cooperations(
    state: State<'_, AppState>,
    filter: CooperationFilter,
    page: PageRequest,
) -> CmdResult<Page<CooperationProject>> {
    state.reader()?.list_cooperations(&filter, page)
}

#[tauri::command]
pub async fn get_cooperation(state: State<'_, AppState>, id: String) -> CmdResult<CooperationProject> {
    state.reader()?.get_cooperation(&id)
}

#[tauri::command]
pub async fn create_cooperation(state: State<'_, AppState>, input: CooperationInput) -> CmdResult<CooperationProject> {
    state.store()?.create_cooperation(&input)
}

#[tauri::command]
pub async fn update_cooperation(
    state: State<'_, AppState>,
    id: String,
    input: CooperationInput,
) -> CmdResult<CooperationProject> {
    state.store()?.update_cooperation(&id, &input)
}

#[tauri::command]
pub async fn cooperation_history(
    state: State<'_, AppState>,
    id: String,
    page: PageRequest,
) -> CmdResult<Page<AuditEntry>> {
    state.reader()?.cooperation_history(&id, page)
}
