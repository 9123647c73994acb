use jalons_core::reference::{Commune, ReferenceData, reference_data, territory};

use crate::error::CmdResult;

#[tauri::command]
pub async fn get_reference() -> CmdResult<ReferenceData> {
    Ok(reference_data())
}

#[tauri::command]
pub async fn search_communes(query: String) -> CmdResult<Vec<Commune>> {
    Ok(territory().search(&query, 12))
}
