use jalons_core::tasks::{AgendaPage, AgendaShown, Task, TaskFilter, TaskInput};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_tasks(state: State<'_, AppState>, filter: TaskFilter) -> CmdResult<Vec<Task>> {
    state.reader()?.list_tasks(&filter)
}

#[tauri::command]
pub async fn create_task(state: State<'_, AppState>, input: TaskInput) -> CmdResult<Task> {
    state.store()?.create_task(&input)
}

#[tauri::command]
pub async fn update_task(state: State<'_, AppState>, id: String, input: TaskInput) -> CmdResult<Task> {
    state.store()?.update_task(&id, &input)
}

#[tauri::command]
pub async fn set_task_done(state: State<'_, AppState>, id: String, done: bool) -> CmdResult<Task> {
    state.store()?.set_task_done(&id, done)
}

#[tauri::command]
pub async fn delete_task(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.store()?.delete_task(&id)
}

#[tauri::command]
pub async fn agenda(state: State<'_, AppState>, shown: AgendaShown) -> CmdResult<AgendaPage> {
    let reader = state.reader()?;
    reader.agenda_page(reader.today(), shown)
}
