//! The webview's memory. Jalons shows one local page and never browses: WebKit's default
//! cache model (a web browser's: pages kept for going back, large memory caches) only holds
//! memory that the lists and reports then cannot use.

use tauri::{Manager, Runtime};

pub fn lighten<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
