use jalons_core::paging::{Page, PageRequest};
use jalons_core::store::audit::AuditEntry;
use jalons_core::structures::{Structure, StructureFilter, StructureInput, StructureSummary};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_structures(
    state: State<'_, AppState>,
    filter: StructureFilter,
    page: PageRequest,
) -> CmdResult<Page<StructureSummary>> {
    state.reader()?.list_structures(&filter, page)
}

#[tauri::command]
pub async fn get_structure(state: State<'_, AppState>, id: String) -> CmdResult<Structure> {
    state.reader()?.get_structure(&id)
}

#[tauri::command]
pub async fn create_structure(state: State<'_, AppState>, input: StructureInput) -> CmdResult<Structure> {
    state.store()?.create_structure(&input)
}

#[tauri::command]
pub async fn update_structure(state: State<'_, AppState>, id: String, input: StructureInput) -> CmdResult<Structure> {
    state.store()?.update_structure(&id, &input)
}

#[tauri::command]
pub async fn set_structure_archived(state: State<'_, AppState>, id: String, archived: bool) -> CmdResult<Structure> {
    state.store()?.set_structure_archived(&id, archived)
}

#[tauri::command]
pub async fn structure_history(
    state: State<'_, AppState>,
    id: String,
    page: PageRequest,
) -> CmdResult<Page<AuditEntry>> {
    state.reader()?.structure_history(&id, page)
}
