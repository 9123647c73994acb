//! The Observatoire's figures for one filter, and a chart saved as data or as a drawing.

use jalons_core::observatory::{ImageFormat, Observatory, ObservatoryChart, ObservatoryFilter, TableFormat};
use tauri::{AppHandle, Runtime, State};

use crate::commands::exports::save_as;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn observatory(state: State<'_, AppState>, filter: ObservatoryFilter) -> CmdResult<Observatory> {
    state.reader()?.observatory(&filter)
}

/// Asks where to save, then writes the chart's table; the path written, none when the
/// dialog is closed.
#[tauri::command]
pub async fn save_observatory_table<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: ObservatoryFilter,
    chart: ObservatoryChart,
    format: TableFormat,
) -> CmdResult<Option<String>> {
    let o = state.reader()?.observatory(&filter)?;
    let (kind, extension) = match format {
        TableFormat::Csv => ("CSV", "csv"),
        TableFormat::Xlsx => ("Classeur Excel", "xlsx"),
    };
    let suggested = jalons_export::chart_file_name(&o.period, chart, extension);
    let bytes = jalons_export::table_file(&o, chart, format)?;
    save_as(&app, "Enregistrer les données du graphique", &suggested, (kind, &[extension]), || Ok(bytes))
}

/// Checks the drawing the window made, asks where to save it, then writes it.
#[tauri::command]
pub async fn save_chart_image<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: ObservatoryFilter,
    chart: ObservatoryChart,
    format: ImageFormat,
    data: String,
) -> CmdResult<Option<String>> {
    let period = state.reader()?.observatory_period(&filter)?;
    let bytes = jalons_export::image_file(format, &data)?;
    let (kind, extension) = match format {
        ImageFormat::Png => ("Image PNG", "png"),
        ImageFormat::Svg => ("Image SVG", "svg"),
    };
    let suggested = jalons_export::chart_file_name(&period, chart, extension);
    save_as(&app, "Enregistrer le graphique", &suggested, (kind, &[extension]), || Ok(bytes))
}
