//! The rights of the people Jalons keeps: what an erasure would remove, the erasure,
//! everything held on a person written to the file the chargé chooses; structures and
//! cases deleted for real.

use jalons_core::privacy::{
    DeletionPlan, DueItem, ErasurePlan, KindBasis, PersonRef, PurgeItem, Purged, Retention, RetentionInput,
};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs::save_path;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn erasure_plan(state: State<'_, AppState>, person: PersonRef) -> CmdResult<ErasurePlan> {
    state.reader()?.erasure_plan(&person)
}

#[tauri::command]
pub async fn erase_person(state: State<'_, AppState>, person: PersonRef) -> CmdResult<Vec<String>> {
    state.store()?.erase_person(&person)
}

#[tauri::command]
pub async fn typed_people_bases(state: State<'_, AppState>) -> CmdResult<Vec<KindBasis>> {
    state.reader()?.typed_people_bases()
}

#[tauri::command]
pub async fn set_typed_people_basis(
    state: State<'_, AppState>,
    kind: String,
    lawful_basis: String,
) -> CmdResult<Vec<KindBasis>> {
    state.store()?.set_typed_people_basis(&kind, &lawful_basis)
}

/// Asks where to save, then writes the file; none when the dialog is closed.
#[tauri::command]
pub async fn export_person_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    person: PersonRef,
) -> CmdResult<Option<String>> {
    let data = {
        let store = state.reader()?;
        store.person_data(&person, store.today())?
    };
    let suggested =
        jalons_core::durable::file_name(&format!("Données {}", jalons_core::french::of_person(&data.name)), "txt");
    let Some(path) = save_path(&app, "Enregistrer les données de la personne", &suggested, ("Texte", &["txt"])) else {
        return Ok(None);
    };
    jalons_core::durable::write_file(&path, data.text.as_bytes(), "Le fichier des données n'a pas pu être enregistré")?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn structure_deletion_plan(state: State<'_, AppState>, id: String) -> CmdResult<DeletionPlan> {
    state.reader()?.structure_deletion_plan(&id)
}

#[tauri::command]
pub async fn delete_structure(state: State<'_, AppState>, id: String) -> CmdResult<Vec<String>> {
    state.store()?.delete_structure(&id)
}

#[tauri::command]
pub async fn case_deletion_plan(state: State<'_, AppState>, id: String) -> CmdResult<DeletionPlan> {
    state.reader()?.case_deletion_plan(&id)
}

#[tauri::command]
pub async fn delete_case(state: State<'_, AppState>, id: String) -> CmdResult<Vec<String>> {
    state.store()?.delete_case(&id)
}

#[tauri::command]
pub async fn retention(state: State<'_, AppState>) -> CmdResult<Retention> {
    state.reader()?.retention()
}

#[tauri::command]
pub async fn set_retention(state: State<'_, AppState>, input: RetentionInput) -> CmdResult<Retention> {
    state.store()?.set_retention(&input)
}

#[tauri::command]
pub async fn purge_due(state: State<'_, AppState>) -> CmdResult<Vec<DueItem>> {
    state.reader()?.purge_due()
}

#[tauri::command]
pub async fn purge_due_count(state: State<'_, AppState>) -> CmdResult<u32> {
    state.reader()?.purge_due_count()
}

#[tauri::command]
pub async fn purge(state: State<'_, AppState>, items: Vec<PurgeItem>) -> CmdResult<Purged> {
    state.store()?.purge(&items)
}
