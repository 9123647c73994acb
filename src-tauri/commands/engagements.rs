use jalons_core::engagements::{Engagement, EngagementFilter, EngagementInput};
use jalons_core::paging::{Page, PageRequest};
use jalons_core::store::audit::AuditEntry;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_engagements(
    state: State<'_, AppState>,
    filter: EngagementFilter,
    page: PageRequest,
) -> CmdResult<Page<Engagement>> {
    state.reader()?.list_engagements(&filter, page)
}

#[tauri::command]
pub async fn get_engagement(state: State<'_, AppState>, id: String) -> CmdResult<Engagement> {
    state.reader()?.get_engagement(&id)
}

#[tauri::command]
pub async fn create_engagement(state: State<'_, AppState>, input: EngagementInput) -> CmdResult<Engagement> {
    state.store()?.create_engagement(&input)
}

#[tauri::command]
pub async fn update_engagement(
    state: State<'_, AppState>,
    id: String,
    input: EngagementInput,
) -> CmdResult<Engagement> {
    state.store()?.update_engagement(&id, &input)
}

#[tauri::command]
pub async fn engagement_history(
    state: State<'_, AppState>,
    id: String,
    page: PageRequest,
) -> CmdResult<Page<AuditEntry>> {
    state.reader()?.engagement_history(&id, page)
}
