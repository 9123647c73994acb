//! The native file dialogs. The end-to-end tests cannot drive a native dialog: they name
//! what the user would pick in environment variables, read here and nowhere else, and
//! only in a build made for them (the `e2e-hooks` feature), never in the one users install.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// The answer the end-to-end tests give in place of the user, in their build only.
pub(crate) fn test_answer(var: &str) -> Option<String> {
    #[cfg(feature = "e2e-hooks")]
    return std::env::var(var).ok();
    #[cfg(not(feature = "e2e-hooks"))]
    {
        let _ = var;
        None
    }
}

/// The files the user picks. In the tests, those listed one a line in the file that
/// `JALONS_PICK_FILES` names, read at each pick so that a spec can change its answer.
pub fn pick_files<R: Runtime>(app: &AppHandle<R>, title: &str) -> Vec<PathBuf> {
    if let Some(list) = test_answer("JALONS_PICK_FILES") {
        let listed = std::fs::read_to_string(list).unwrap_or_default();
        return listed.lines().filter(|l| !l.trim().is_empty()).map(PathBuf::from).collect();
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| f.into_path().ok())
        .collect()
}

/// One file of the kinds `filter` names; the first `JALONS_PICK_FILES` lists in the tests.
pub fn pick_file<R: Runtime>(app: &AppHandle<R>, title: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if test_answer("JALONS_PICK_FILES").is_some() {
        return pick_files(app, title).into_iter().next();
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
}

/// Where to save a document, proposed under `suggested`; `JALONS_SAVE_DIR` in the tests
/// (the file keeps its suggested name there).
pub fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(dir) = test_answer("JALONS_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(suggested));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

/// A folder to write many documents into; `JALONS_SAVE_DIR` in the tests.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(dir) = test_answer("JALONS_SAVE_DIR") {
        return Some(PathBuf::from(dir));
    }
    app.dialog().file().set_title(title).blocking_pick_folder().and_then(|f| f.into_path().ok())
}
