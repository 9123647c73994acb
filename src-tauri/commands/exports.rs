//! Documents for funders: the case summary and the period reports, previewed, then saved
//! where the user chooses.

use std::sync::atomic::Ordering;

use jalons_core::dossier::{BatchProgress, DossierParts, SummaryPreview};
use jalons_core::indicators::{PeriodTotals, ReportFilter, ReportFormat};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::dialogs::{pick_folder, save_path};
use crate::error::{CmdResult, Error};
use crate::state::AppState;

#[tauri::command]
pub async fn summary_preview(
    state: State<'_, AppState>,
    case_id: String,
    parts: DossierParts,
) -> CmdResult<SummaryPreview> {
    let store = state.reader()?;
    jalons_export::summary_preview(&store.case_dossier(&case_id)?, parts, store.today())
}

/// Asks where to save, then writes the PDF there; the path written, none when the dialog
/// is closed.
#[tauri::command]
pub async fn save_summary<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    case_id: String,
    parts: DossierParts,
) -> CmdResult<Option<String>> {
    let (dossier, today) = {
        let store = state.reader()?;
        (store.case_dossier(&case_id)?, store.today())
    };
    let suggested = jalons_export::summary::file_name(&dossier);
    save_as(&app, "Enregistrer la fiche de synthèse", &suggested, ("PDF", &["pdf"]), || {
        jalons_export::summary_pdf(&dossier, parts, today)
    })
}

/// Asks where to save under `suggested`, then writes what `make` gives there; the path
/// written, none when the dialog is closed.
pub(crate) fn save_as<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested: &str,
    filter: (&str, &[&str]),
    make: impl FnOnce() -> CmdResult<Vec<u8>>,
) -> CmdResult<Option<String>> {
    let Some(path) = save_path(app, title, suggested, filter) else {
        return Ok(None);
    };
    let what = format!("Le fichier n'a pas pu être écrit dans {}", path.display());
    jalons_core::durable::write_file(&path, &make()?, &what)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
pub async fn period_totals(state: State<'_, AppState>, filter: ReportFilter) -> CmdResult<PeriodTotals> {
    state.reader()?.period_totals(&filter)
}

/// Asks where to save, then writes the report in the chosen format; the path written, none
/// when the dialog is closed.
#[tauri::command]
pub async fn save_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: ReportFilter,
    format: ReportFormat,
) -> CmdResult<Option<String>> {
    let report = state.reader()?.report_for(&filter, format)?;
    let suggested = jalons_export::report_file_name(&report, format);
    let filter = match format {
        ReportFormat::Xlsx => ("Classeur Excel", &["xlsx"][..]),
        ReportFormat::Ods => ("Classeur OpenDocument", &["ods"][..]),
        ReportFormat::CasesCsv | ReportFormat::AggregatesCsv => ("CSV", &["csv"][..]),
    };
    save_as(&app, "Enregistrer le bilan", &suggested, filter, || jalons_export::report_file(&report, format))
}

/// Asks for a folder, then writes there the summary of every case of the period, in the
/// background: `summaries-progress` events tell how far it is; none when the dialog is
/// closed.
#[tauri::command]
pub async fn export_summaries<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: ReportFilter,
    parts: DossierParts,
) -> CmdResult<Option<BatchProgress>> {
    let (ids, today) = {
        let store = state.reader()?;
        (store.period_case_ids(&filter)?, store.today())
    };
    if ids.is_empty() {
        return Err(Error::conflict(None, "Aucun accompagnement dans cette période\u{a0}: aucune fiche à écrire."));
    }
    let Some(folder) = pick_folder(&app, "Dossier où enregistrer les fiches de synthèse") else {
        return Ok(None);
    };
    state.cancel_batch.store(false, Ordering::SeqCst);
    let started = BatchProgress {
        done: 0,
        total: ids.len(),
        finished: false,
        cancelled: false,
        folder: folder.display().to_string(),
    };
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let outcome = jalons_export::write_summaries(
            &ids,
            &folder,
            parts,
            today,
            |id| state.reader()?.case_dossier(id),
            |progress| {
                let _ = app.emit("summaries-progress", progress);
                !state.cancel_batch.load(Ordering::SeqCst)
            },
        );
        if let Err(e) = outcome {
            let _ = app.emit("summaries-failed", e);
        }
    });
    Ok(Some(started))
}

/// Stops the batch after the summary being written; the files written stay.
#[tauri::command]
pub async fn cancel_summaries(state: State<'_, AppState>) -> CmdResult<()> {
    state.cancel_batch.store(true, Ordering::SeqCst);
    Ok(())
}
