use jalons_core::finance::{FinanceApplication, FinanceFilter, FinanceInput, FinanceOverview, FinanceSummary};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn case_finance(state: State<'_, AppState>, case_id: String) -> CmdResult<FinanceSummary> {
    state.reader()?.case_finance(&case_id)
}

#[tauri::command]
pub async fn structure_finance(state: State<'_, AppState>, structure_id: String) -> CmdResult<FinanceSummary> {
    state.reader()?.structure_finance(&structure_id)
}

#[tauri::command]
pub async fn create_finance_application(
    state: State<'_, AppState>,
    input: FinanceInput,
) -> CmdResult<FinanceApplication> {
    state.store()?.create_finance_application(&input)
}

#[tauri::command]
pub async fn update_finance_application(
    state: State<'_, AppState>,
    id: String,
    input: FinanceInput,
) -> CmdResult<FinanceApplication> {
    state.store()?.update_finance_application(&id, &input)
}

#[tauri::command]
pub async fn finance_overview(state: State<'_, AppState>, filter: FinanceFilter) -> CmdResult<FinanceOverview> {
    state.reader()?.finance_overview(&filter)
}
