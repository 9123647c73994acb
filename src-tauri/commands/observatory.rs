//! The Observatoire's figures for one filter.

use jalons_core::observatory::{Observatory, ObservatoryFilter};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn observatory(state: State<'_, AppState>, filter: ObservatoryFilter) -> CmdResult<Observatory> {
    state.reader()?.observatory(&filter)
}
