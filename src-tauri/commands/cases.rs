use jalons_core::cases::{Case, CaseFilter, CaseInput, CaseSummary};
use jalons_core::paging::{Page, PageRequest};
use jalons_core::store::audit::AuditEntry;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_cases(
    state: State<'_, AppState>,
    filter: CaseFilter,
    page: PageRequest,
) -> CmdResult<Page<CaseSummary>> {
    state.reader()?.list_cases(&filter, page)
}

#[tauri::command]
pub async fn cases_needing_attention(state: State<'_, AppState>, filter: CaseFilter) -> CmdResult<u32> {
    state.reader()?.cases_needing_attention(&filter)
}

#[tauri::command]
pub async fn get_case(state: State<'_, AppState>, id: String) -> CmdResult<Case> {
    state.reader()?.get_case(&id)
}

#[tauri::command]
pub async fn open_case(state: State<'_, AppState>, input: CaseInput) -> CmdResult<Case> {
    state.store()?.open_case(&input)
}

#[tauri::command]
pub async fn case_history(state: State<'_, AppState>, id: String, page: PageRequest) -> CmdResult<Page<AuditEntry>> {
    state.reader()?.case_history(&id, page)
}
