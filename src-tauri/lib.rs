//! The desktop shell: opens the store, registers the plugins and the thin commands.
//! Every rule lives in `jalons-core`.

pub mod backups;
pub mod commands;
mod dialogs;
pub mod error;
mod keychain;
pub mod state;
mod webview;

use jalons_core::Store;
use jalons_core::crypto::{self, DataKey, LockNeed};
use tauri::{Manager, Runtime};

use crate::state::{AppState, db_override, default_db};

/// Registers the app's commands on a builder; shared by the app and the IPC tests.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::settings::get_settings,
        commands::settings::set_user_name,
        commands::settings::set_notify_due,
        commands::settings::is_empty,
        commands::settings::load_demo,
        commands::settings::check_audit_chain,
        commands::settings::set_notify_names,
        commands::reference::get_reference,
        commands::reference::search_communes,
        commands::reference::commune_lists,
        commands::reference::load_commune_list,
        commands::reference::commune_frr,
        commands::structures::list_structures,
        commands::structures::get_structure,
        commands::structures::create_structure,
        commands::structures::update_structure,
        commands::structures::set_structure_archived,
        commands::structures::structure_history,
        commands::cases::list_cases,
        commands::cases::cases_needing_attention,
        commands::cases::get_case,
        commands::cases::open_case,
        commands::cases::case_history,
        commands::workflow::case_workflow,
        commands::workflow::move_case,
        commands::workflow::stage_counts,
        commands::diagnostic::get_diagnostic,
        commands::diagnostic::save_diagnostic,
        commands::plan::get_plan,
        commands::plan::save_plan,
        commands::follow_up::get_follow_up,
        commands::follow_up::save_follow_up,
        commands::consultants::list_consultants,
        commands::consultants::get_consultant,
        commands::consultants::create_consultant,
        commands::consultants::update_consultant,
        commands::consultants::consultant_history,
        commands::engagements::list_engagements,
        commands::engagements::get_engagement,
        commands::engagements::create_engagement,
        commands::engagements::update_engagement,
        commands::engagements::engagement_history,
        commands::employer::get_employer_function,
        commands::employer::save_obligations,
        commands::finance::case_finance,
        commands::finance::structure_finance,
        commands::finance::create_finance_application,
        commands::finance::update_finance_application,
        commands::finance::finance_overview,
        commands::partners::list_partners,
        commands::partners::get_partner,
        commands::partners::create_partner,
        commands::partners::update_partner,
        commands::partners::partner_history,
        commands::partners::list_referrals,
        commands::partners::referral_partners,
        commands::partners::create_referral,
        commands::partners::update_referral,
        commands::cooperation::list_cooperations,
        commands::cooperation::get_cooperation,
        commands::cooperation::create_cooperation,
        commands::cooperation::update_cooperation,
        commands::cooperation::cooperation_history,
        commands::training::get_training,
        commands::training::set_opco,
        commands::training::create_training_action,
        commands::training::update_training_action,
        commands::training::delete_training_action,
        commands::journal::list_journal,
        commands::journal::create_journal_entry,
        commands::journal::update_journal_entry,
        commands::journal::delete_journal_entry,
        commands::search::search,
        commands::tasks::list_tasks,
        commands::tasks::create_task,
        commands::tasks::update_task,
        commands::tasks::set_task_done,
        commands::tasks::delete_task,
        commands::tasks::agenda,
        commands::attachments::list_attachments,
        commands::attachments::attach_files,
        commands::attachments::open_attachment,
        commands::attachments::remove_attachment,
        commands::funders::list_funders,
        commands::funders::create_funder,
        commands::funders::update_funder,
        commands::funders::set_funder_archived,
        commands::funders::delete_funder,
        commands::funders::case_funders,
        commands::funders::set_case_funders,
        commands::funders::get_operator,
        commands::funders::save_operator,
        commands::funders::pick_operator_logo,
        commands::funders::clear_operator_logo,
        commands::funders::operator_logo,
        commands::exports::summary_preview,
        commands::exports::save_summary,
        commands::exports::period_totals,
        commands::observatory::observatory,
        commands::observatory::save_observatory_table,
        commands::observatory::save_chart_image,
        commands::exports::save_report,
        commands::exports::export_summaries,
        commands::exports::cancel_summaries,
        commands::backups::startup,
        commands::backups::database_updating,
        commands::backups::backup_status,
        commands::backups::backup_now,
        commands::backups::choose_backup_folder,
        commands::backups::reset_backup_folder,
        commands::backups::restore_backup,
        commands::backups::recover_from_backup,
        commands::encryption::passphrase_strength,
        commands::encryption::protect_database,
        commands::encryption::unlock_database,
        commands::encryption::reset_passphrase,
        commands::encryption::change_passphrase,
        commands::encryption::encryption_status,
        commands::encryption::set_key_remembered,
        commands::encryption::save_recovery_key,
        commands::privacy::erasure_plan,
        commands::privacy::erase_person,
        commands::privacy::export_person_data,
        commands::privacy::typed_people_bases,
        commands::privacy::set_typed_people_basis,
        commands::privacy::structure_deletion_plan,
        commands::privacy::delete_structure,
        commands::privacy::case_deletion_plan,
        commands::privacy::delete_case,
        commands::privacy::retention,
        commands::privacy::set_retention,
        commands::privacy::purge_due_page,
        commands::privacy::purge_due_count,
        commands::privacy::purge,
        commands::privacy::cancel_purge,
    ])
}

/// A logout or a shutdown sends SIGTERM: Jalons quits as when its window is closed, with
/// its quit backup and the WAL folded back into the database file.
#[cfg(unix)]
fn quit_on_terminate<R: Runtime>(app: &tauri::AppHandle<R>) {
    use tokio::signal::unix::{SignalKind, signal};
    for kind in [SignalKind::terminate(), SignalKind::hangup()] {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            if let Ok(mut received) = signal(kind) {
                received.recv().await;
                app.exit(0);
            }
        });
    }
}

#[cfg(not(unix))]
fn quit_on_terminate<R: Runtime>(_app: &tauri::AppHandle<R>) {}

/// Opens the store; a Jalons that is closing (writing its quit backup) still holds the
/// file for a moment, so a refusal for « in use » is retried for a few seconds. The window
/// is told when the schema is brought up to date first, which can take a while.
pub(crate) fn open_waiting(state: &AppState, key: &DataKey) -> jalons_core::Result<Store> {
    state.set_updating(Store::needs_update(&state.db_path, key));
    let mut tries = 0;
    let opened = loop {
        match Store::open_then_check(&state.db_path, key) {
            Err(e) if e.code == jalons_core::ErrorCode::InUse && tries < 40 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
            other => break other,
        }
    };
    state.set_updating(false);
    opened
}

/// Opens the database at launch with the key remembered on this computer, or leaves it
/// waiting for its passphrase; a database that cannot be opened is explained in the
/// window, which offers its backups when a backup can help.
fn at_start(state: &AppState) {
    let path = &state.db_path;
    if let Err(e) = crypto::convert::finish_interrupted(path) {
        return state.settle(Err(e), None);
    }
    let need = match crypto::need(path) {
        Ok(need) => need,
        Err(e) => return state.settle(Err(e), None),
    };
    let remembered = match need {
        LockNeed::Unlock | LockNeed::RecoveryOnly => keychain::recall(path),
        LockNeed::Create | LockNeed::Convert => None,
    };
    let Some(key) = remembered else {
        return state.settle_locked(need);
    };
    match open_waiting(state, &key) {
        Ok(store) => state.settle(Ok(store), Some(key)),
        // The key remembered no longer opens this file (replaced by another database):
        // the passphrase is asked.
        Err(e) if e.code == jalons_core::ErrorCode::NotJalons => state.settle_locked(need),
        Err(e) => state.settle(Err(e), Some(key)),
    }
}

pub fn run() {
    let args: Vec<String> = std::env::args().collect();
    let custom_db = db_override(&args, std::env::var("JALONS_DB").ok());

    let mut builder = tauri::Builder::default();
    // One window per database: a second launch on the default database focuses the first.
    // A custom database (tests, a colleague's copy) may be open beside it.
    if custom_db.is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }));
    }
    let builder = builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let path = match &custom_db {
                Some(p) => p.clone(),
                None => default_db(&app.path().app_data_dir()?),
            };
            webview::lighten(app);
            // The communes are parsed while the window starts: the first screen's reference
            // data reads their vintage, and would otherwise wait for it.
            std::thread::spawn(jalons_core::reference::territory);
            let config = app.path().app_config_dir()?.join("sauvegardes.json");
            let state = AppState::opening(path, config);
            state.clear_opened();
            app.manage(state);
            // Opened beside the window's start, which would otherwise wait for it (and for a
            // long update of its schema without a word).
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                let state = handle.state::<AppState>();
                at_start(&state);
                if state.store().is_ok() {
                    backups::start(&handle);
                }
            });
            quit_on_terminate(app.handle());
            Ok(())
        });
    with_commands(builder).build(tauri::generate_context!()).expect("Jalons n'a pas pu démarrer").run(|app, event| {
        if let tauri::RunEvent::Exit = event {
            let state = app.state::<AppState>();
            state.clear_opened();
            backups::at_exit(&state);
        }
    });
}
