use jalons_core::reference::{
    Commune, CommuneListKind, CommuneLists, FrrOfCommune, LoadedList, ReferenceData, reference_data, territory,
};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs::pick_file;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn get_reference() -> CmdResult<ReferenceData> {
    Ok(reference_data())
}

#[tauri::command]
pub async fn search_communes(query: String) -> CmdResult<Vec<Commune>> {
    Ok(territory().search(&query, 12))
}

#[tauri::command]
pub async fn commune_lists(state: State<'_, AppState>) -> CmdResult<CommuneLists> {
    state.reader()?.commune_lists()
}

/// Checks the vintage, asks for the file (XLSX or CSV), then loads the list from it; none
/// when the dialog is closed.
#[tauri::command]
pub async fn load_commune_list<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: CommuneListKind,
    vintage: String,
) -> CmdResult<Option<LoadedList>> {
    let reader = state.reader()?;
    jalons_core::reference::check_vintage(&reader, &vintage)?;
    drop(reader);
    let title = match kind {
        CommuneListKind::Density => "Choisir la grille communale de densité (INSEE)",
        CommuneListKind::Frr => "Choisir la liste des communes FRR (ANCT)",
    };
    match pick_file(&app, title, ("Classeur ou CSV", &["xlsx", "csv", "txt"])) {
        Some(path) => state.store()?.load_commune_list(kind, &vintage, &path).map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn commune_frr(state: State<'_, AppState>, code: String) -> CmdResult<Option<FrrOfCommune>> {
    state.reader()?.commune_frr(&code)
}
