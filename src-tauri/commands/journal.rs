use jalons_core::journal::{JournalEntry, JournalFilter, JournalInput};
use jalons_core::paging::{Page, PageRequest};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_journal(
    state: State<'_, AppState>,
    filter: JournalFilter,
    page: PageRequest,
) -> CmdResult<Page<JournalEntry>> {
    state.reader()?.list_journal(&filter, page)
}

#[tauri::command]
pub async fn create_journal_entry(state: State<'_, AppState>, input: JournalInput) -> CmdResult<JournalEntry> {
    state.store()?.create_journal_entry(&input)
}

#[tauri::command]
pub async fn update_journal_entry(
    state: State<'_, AppState>,
    id: String,
    input: JournalInput,
) -> CmdResult<JournalEntry> {
    state.store()?.update_journal_entry(&id, &input)
}

#[tauri::command]
pub async fn delete_journal_entry(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.store()?.delete_journal_entry(&id)
}
