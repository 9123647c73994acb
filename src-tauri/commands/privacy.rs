//! The rights of the people Jalons keeps: what an erasure would remove, the erasure,
//! everything held on a person written to the file the chargé chooses; structures and
//! cases deleted for real; the purge under the retention rules, in the background.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use jalons_core::paging::{Page, PageRequest};
use jalons_core::privacy::{
    DeletionPlan, DueItem, ErasurePlan, KindBasis, PersonRef, PurgeChoice, PurgeProgress, Purged, Retention,
    RetentionInput, run_purge,
};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

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
pub async fn purge_due_page(state: State<'_, AppState>, page: PageRequest) -> CmdResult<Page<DueItem>> {
    state.reader()?.purge_due_page(page)
}

#[tauri::command]
pub async fn purge_due_count(state: State<'_, AppState>) -> CmdResult<u32> {
    state.reader()?.purge_due_count()
}

/// Progress is sent at most this often (and at the end): tens of thousands of items would
/// otherwise redraw the page at every one.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Checks the chargé's choice against what is due now, then purges it on a thread of its
/// own, the store taken for one item at a time so that the window's own writes pass
/// between two: `purge-progress` events tell how far it is, `purge-failed` why it stopped.
#[tauri::command]
pub async fn purge<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    choice: PurgeChoice,
) -> CmdResult<PurgeProgress> {
    let items = state.reader()?.purge_choice(&choice)?;
    state.cancel_purge.store(false, Ordering::SeqCst);
    let started =
        PurgeProgress { done: 0, total: items.len(), finished: false, cancelled: false, purged: Purged::default() };
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let mut sent = Instant::now();
        let (_, outcome) = run_purge(
            &items,
            |item| state.store()?.purge_one(item),
            |progress| {
                if progress.finished || sent.elapsed() >= PROGRESS_EVERY {
                    let _ = app.emit("purge-progress", progress);
                    sent = Instant::now();
                }
                !state.cancel_purge.load(Ordering::SeqCst)
            },
        );
        if let Err(e) = outcome {
            let _ = app.emit("purge-failed", e);
        }
    });
    Ok(started)
}

/// Stops the purge after the item under way; what was purged stays purged.
#[tauri::command]
pub async fn cancel_purge(state: State<'_, AppState>) -> CmdResult<()> {
    state.cancel_purge.store(true, Ordering::SeqCst);
    Ok(())
}
