use jalons_core::search::SearchResults;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// How many results each group shows.
const PER_GROUP: usize = 6;

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> CmdResult<SearchResults> {
    state.reader()?.search(&query, PER_GROUP)
}
