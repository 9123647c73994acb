use jalons_core::consultants::{Consultant, ConsultantFilter, ConsultantInput};
use jalons_core::paging::{Page, PageRequest};
use jalons_core::store::audit::AuditEntry;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_consultants(
    state: State<'_, AppState>,
    filter: ConsultantFilter,
    page: PageRequest,
) -> CmdResult<Page<Consultant>> {
    state.reader()?.list_consultants(&filter, page)
}

#[tauri::command]
pub async fn get_consultant(state: State<'_, AppState>, id: String) -> CmdResult<Consultant> {
    state.reader()?.get_consultant(&id)
}

#[tauri::command]
pub async fn create_consultant(state: State<'_, AppState>, input: ConsultantInput) -> CmdResult<Consultant> {
    state.store()?.create_consultant(&input)
}

#[tauri::command]
pub async fn update_consultant(
    state: State<'_, AppState>,
    id: String,
    input: ConsultantInput,
) -> CmdResult<Consultant> {
    state.store()?.update_consultant(&id, &input)
}

#[tauri::command]
pub async fn consultant_history(
    state: State<'_, AppState>,
    id: String,
    page: PageRequest,
) -> CmdResult<Page<AuditEntry>> {
    state.reader()?.consultant_history(&id, page)
}
