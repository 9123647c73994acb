//! IPC round trips through Tauri's mock runtime: the real command handlers, the real
//! core, an in-memory database, and the JSON the UI receives.

use jalons_app::state::AppState;
use jalons_core::Store;
use jalons_core::crypto::{DataKey, LockNeed};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::{InvokeRequest, WebviewWindow, WebviewWindowBuilder};

fn window() -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let dir = std::env::temp_dir();
    window_on(AppState::new(Store::open_in_memory(), dir.join("memoire.sqlite"), dir.join("sauvegardes.json")))
}

fn window_on(state: AppState) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = jalons_app::with_commands(mock_builder()).manage(state).build(mock_context(noop_assets())).unwrap();
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

/// The app on a database file of its own, as `--db` gives it.
fn window_on_file(dir: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let db = dir.join("jalons.sqlite");
    let config = dir.join("config").join("sauvegardes.json");
    window_on(match Store::open(&db, &key()) {
        Ok(store) => AppState::new(Ok(store), db, config),
        Err(e) => AppState::failed(e, key(), db, config),
    })
}

/// The key of the database files these tests write.
/// A window on a store named and filled with the demonstration data.
fn demo_window() -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let (app, w) = window();
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    invoke(&w, "load_demo", json!({})).unwrap();
    (app, w)
}

fn key() -> DataKey {
    DataKey::from_hex(&"5a".repeat(32)).unwrap()
}

/// The page a list screen asks for first.
fn first_page() -> Value {
    json!({ "offset": 0, "limit": 100 })
}

const PHRASE: &str = "lavande Diois tracteur 1987";

#[test]
fn a_first_start_chooses_a_passphrase_and_the_next_one_is_unlocked_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    let config = dir.path().join("config").join("sauvegardes.json");
    {
        let (app, w) = window_on(AppState::locked(LockNeed::Create, db.clone(), config.clone()));
        assert_eq!(invoke(&w, "startup", json!({})).unwrap()["lock"], "create");
        assert_eq!(
            invoke(&w, "list_cases", json!({ "filter": {}, "page": first_page() })).unwrap_err()["code"],
            "internal"
        );
        let strength = invoke(&w, "passphrase_strength", json!({ "phrase": "azerty" })).unwrap();
        assert_eq!(strength["acceptable"], false);
        let choose = |phrase: &str, confirmation: &str| {
            invoke(&w, "protect_database", json!({ "phrase": phrase, "confirmation": confirmation, "remember": false }))
        };
        assert_eq!(choose("azerty", "azerty").unwrap_err()["field"], "passphrase");
        assert_eq!(choose(PHRASE, "lavande").unwrap_err()["field"], "passphrase_confirmation");
        assert!(!db.exists(), "nothing is created before the passphrase is accepted");
        let unlocked = choose(PHRASE, PHRASE).unwrap();
        assert_eq!(unlocked["recovery_key"].as_str().unwrap().len(), 64);
        assert!(unlocked["keyring_problem"].is_null());
        assert!(invoke(&w, "startup", json!({})).unwrap()["lock"].is_null());
        invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
        assert_eq!(choose(PHRASE, PHRASE).unwrap_err()["code"], "conflict");
        let wrong = invoke(&w, "save_recovery_key", json!({ "phrase": "autre" })).unwrap_err();
        assert_eq!(wrong["field"], "passphrase");
        jalons_app::backups::at_exit(&app.state::<AppState>());
    }
    let raw = std::fs::read(&db).unwrap();
    assert!(!raw.windows(15).any(|w| w == b"SQLite format 3"), "the file is encrypted");
    assert!(!raw.windows(14).any(|w| w == b"Camille Martin"));
    let (_app, w) = window_on(AppState::locked(LockNeed::Unlock, db.clone(), config));
    let unlock = |args: Value| invoke(&w, "unlock_database", args);
    let wrong = unlock(json!({ "phrase": "lavande Diois tracteur 1988", "remember": false })).unwrap_err();
    assert_eq!((wrong["field"].as_str(), wrong["code"].as_str()), (Some("passphrase"), Some("validation")));
    let bad_recovery = unlock(json!({ "recoveryKey": "0000-0000", "remember": false })).unwrap_err();
    assert_eq!(bad_recovery["field"], "recovery_key");
    unlock(json!({ "phrase": PHRASE, "remember": false })).unwrap();
    assert_eq!(invoke(&w, "get_settings", json!({})).unwrap()["user_name"], "Camille Martin");
}

#[test]
fn the_window_s_first_question_waits_for_the_opening_begun_at_launch_and_hears_of_an_update() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    let (app, w) = window_on(AppState::opening(db.clone(), dir.path().join("sauvegardes.json")));
    let asking = {
        let w = w.clone();
        std::thread::spawn(move || invoke(&w, "startup", json!({})))
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!asking.is_finished(), "the first question waits while the database opens");
    assert_eq!(invoke(&w, "database_updating", json!({})).unwrap(), false);
    let state = app.state::<AppState>();
    state.set_updating(true);
    assert_eq!(invoke(&w, "database_updating", json!({})).unwrap(), true);
    state.settle(Store::open(&db, &key()), Some(key()));
    state.set_updating(false);
    let startup = asking.join().unwrap().unwrap();
    assert!(startup["lock"].is_null() && startup["problem"].is_null(), "{startup}");
    assert_eq!(invoke(&w, "database_updating", json!({})).unwrap(), false);
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
}

#[test]
fn a_backup_is_listed_then_restored_and_a_name_outside_the_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window_on_file(dir.path());
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    let taken = invoke(&w, "backup_now", json!({})).unwrap();
    assert_eq!(taken["reason"], "manuelle");
    assert_eq!(taken["holds"]["structures"], 0);
    let status = invoke(&w, "backup_status", json!({})).unwrap();
    assert_eq!(status["default_folder"], true);
    assert_eq!(status["backups"][0]["file_name"], taken["file_name"]);
    let refused = invoke(&w, "restore_backup", json!({ "fileName": "../../jalons.sqlite" })).unwrap_err();
    assert_eq!(refused["code"], "not_found");
    let restored = invoke(&w, "restore_backup", json!({ "fileName": taken["file_name"] })).unwrap();
    assert_eq!(restored["safety"]["reason"], "avant_restauration");
    assert_eq!(invoke(&w, "backup_status", json!({})).unwrap()["backups"].as_array().unwrap().len(), 2);
}

#[test]
fn a_damaged_database_starts_in_recovery_and_a_backup_takes_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    {
        let mut s = Store::open(&db, &key()).unwrap();
        s.set_user_name("Camille Martin").unwrap();
        s.load_demo().unwrap();
    }
    jalons_core::backup::take(
        &db,
        &key(),
        &jalons_core::backup::default_folder(&db),
        jalons_core::backup::BackupReason::Quit,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(18, 0, 0).unwrap(),
    )
    .unwrap();
    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    bytes[4096..len].fill(0x5a);
    std::fs::write(&db, bytes).unwrap();

    let (_app, w) = window_on_file(dir.path());
    let startup = invoke(&w, "startup", json!({})).unwrap();
    assert_eq!(startup["problem"]["code"], "damaged");
    assert_eq!(invoke(&w, "list_cases", json!({ "filter": {}, "page": first_page() })).unwrap_err()["code"], "damaged");
    let name = startup["backups"]["backups"][0]["file_name"].clone();
    let recovered = invoke(&w, "recover_from_backup", json!({ "fileName": name })).unwrap();
    assert!(recovered["set_aside"].as_str().unwrap().contains("jalons-endommagee-"));
    let started = invoke(&w, "startup", json!({})).unwrap();
    assert!(started["problem"].is_null());
    assert!(started["backups"].is_null(), "the backups are read only for a database that did not open");
    assert!(!invoke(&w, "is_empty", json!({})).unwrap().as_bool().unwrap());
}

#[test]
fn quitting_backs_up_what_changed_and_leaves_the_file_whole_without_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    let folder = jalons_core::backup::default_folder(&db);
    let (app, w) = window_on_file(dir.path());
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Les Arts Buissonniers", "legal_form": "association" } }),
    )
    .unwrap();
    jalons_app::backups::at_exit(&app.state::<AppState>());
    let backups = jalons_core::backup::list(&folder, &db, &key());
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, jalons_core::backup::BackupReason::Quit);
    assert_eq!(backups[0].holds.as_ref().unwrap().structures, 1);
    assert!(!dir.path().join("jalons.sqlite-wal").exists(), "the WAL is folded into the file at quit");
    drop((w, app));

    // The file alone holds the work, and a session that changed nothing adds no backup.
    let (app, w) = window_on_file(dir.path());
    assert_eq!(invoke(&w, "list_structures", json!({ "filter": {}, "page": first_page() })).unwrap()["total"], 1);
    jalons_app::backups::at_exit(&app.state::<AppState>());
    assert_eq!(jalons_core::backup::list(&folder, &db, &key()).len(), 1);
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_owned(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_structure_round_trips_as_the_ui_sends_it() {
    let (_app, w) = window();
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    let created = invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association", "siret": "732 829 320 00074", "commune_code": "26113", "budget": "186 500" } }),
    )
    .unwrap();
    assert_eq!(created["siret"], "73282932000074");
    assert_eq!(created["departement_name"], "Drôme");
    assert_eq!(created["budget"], 18_650_000);

    let list = invoke(&w, "list_structures", json!({ "filter": { "query": "sillon" }, "page": first_page() })).unwrap();
    assert_eq!((list["total"].as_u64(), list["offset"].as_u64()), (Some(1), Some(0)));
    assert_eq!(list["rows"][0]["id"], created["id"]);
    let refused = invoke(&w, "list_structures", json!({ "filter": {}, "page": { "offset": 0, "limit": 100_000 } }));
    assert_eq!(refused.unwrap_err()["field"], "limit");

    let history = invoke(&w, "structure_history", json!({ "id": created["id"], "page": first_page() })).unwrap();
    assert_eq!((history["total"].clone(), history["rows"][0]["actor"].clone()), (json!(1), json!("Camille Martin")));
}

#[test]
fn a_refusal_arrives_as_code_message_and_field() {
    let (_app, w) = window();
    let err = invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association", "siret": "73282932000075" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "siret");
    assert!(err["message"].as_str().unwrap().starts_with("Le SIRET est invalide"), "{err}");
    let list = invoke(&w, "list_structures", json!({ "filter": {}, "page": first_page() })).unwrap();
    assert_eq!(list, json!({ "rows": [], "offset": 0, "total": 0 }));
}

#[test]
fn opening_a_case_and_reading_it_back() {
    let (_app, w) = window();
    let s =
        invoke(&w, "create_structure", json!({ "input": { "name": "Voce di Bastia", "legal_form": "association" } }))
            .unwrap();
    let input = json!({ "structure_id": s["id"], "request_date": "2026-03-02", "channel": "phone",
        "requester": "Awa Diallo", "referral_source": "cress", "request_text": "Consolider l'emploi." });
    let opened = invoke(&w, "open_case", json!({ "input": input })).unwrap();
    assert_eq!(opened["stage"], "intake");
    assert_eq!(opened["reference"], "2026-001");
    let fetched = invoke(&w, "get_case", json!({ "id": opened["id"] })).unwrap();
    assert_eq!(fetched, opened);

    let missing = invoke(&w, "get_case", json!({ "id": "0190a5a0-0000-7000-8000-000000000000" })).unwrap_err();
    assert_eq!(missing["code"], "not_found");
}

#[test]
fn demo_data_loads_once_over_ipc() {
    let (_app, w) = window();
    assert_eq!(invoke(&w, "is_empty", json!({})).unwrap(), true);
    let loaded = invoke(&w, "load_demo", json!({})).unwrap();
    assert!(loaded["structures"].as_u64().unwrap() >= 30);
    assert_eq!(invoke(&w, "load_demo", json!({})).unwrap_err()["code"], "conflict");
}

#[test]
fn the_agenda_sends_the_items_a_screen_shows_and_each_section_s_count() {
    let (_app, w) = demo_window();
    let all = invoke(&w, "agenda", json!({ "shown": { "late": 500, "now": 500, "soon": 500 } })).unwrap();
    let shown = invoke(&w, "agenda", json!({ "shown": { "late": 1, "now": 0, "soon": 2 } })).unwrap();
    for (section, n) in [("late", 1), ("now", 0), ("soon", 2)] {
        let total = all[section]["total"].as_u64().unwrap();
        assert!(total > 2, "the demo has more than two items {section}: {all}");
        assert_eq!(shown[section]["total"].as_u64(), Some(total));
        assert_eq!(shown[section]["rows"].as_array().unwrap()[..], all[section]["rows"].as_array().unwrap()[..n]);
    }
    let refused = invoke(&w, "agenda", json!({ "shown": { "late": -1, "now": 0, "soon": 0 } })).unwrap_err();
    // Tauri's own refusal of a malformed argument, which the typed bindings never send.
    assert!(refused.as_str().unwrap().contains("invalid args `shown`"), "{refused}");
}

#[test]
fn a_journal_is_read_a_page_at_a_time() {
    let (_app, w) = demo_window();
    let sillon =
        invoke(&w, "list_structures", json!({ "filter": { "query": "sillon" }, "page": first_page() })).unwrap();
    let filter = json!({ "structure_id": sillon["rows"][0]["id"], "case_id": null });
    let whole = invoke(&w, "list_journal", json!({ "filter": filter, "page": first_page() })).unwrap();
    assert_eq!(whole["total"], 3);
    let second = invoke(&w, "list_journal", json!({ "filter": filter, "page": { "offset": 1, "limit": 1 } })).unwrap();
    assert_eq!((second["total"].clone(), second["offset"].clone()), (json!(3), json!(1)));
    assert_eq!(second["rows"][0], whole["rows"][1]);
    let refused = invoke(&w, "list_journal", json!({ "filter": filter, "page": { "offset": 0, "limit": 0 } }));
    assert_eq!(refused.unwrap_err()["field"], "limit");
}

#[test]
fn reference_data_and_commune_search() {
    let (_app, w) = window();
    let reference = invoke(&w, "get_reference", json!({})).unwrap();
    assert!(reference["legal_forms"].as_array().unwrap().iter().any(|c| c["label"] == "SCIC"));
    let communes = invoke(&w, "search_communes", json!({ "query": "die" })).unwrap();
    assert_eq!(communes[0]["code"], "26113");
    assert_eq!(communes[0]["region_name"], "Auvergne-Rhône-Alpes");
}

#[test]
fn a_refused_move_says_in_french_what_is_missing() {
    let (_app, w) = window();
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    let s = invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association" } }),
    )
    .unwrap();
    let case = invoke(
        &w,
        "open_case",
        json!({ "input": { "structure_id": s["id"], "request_date": "06/01/2025", "channel": "phone",
                           "requester": "Awa Diallo", "referral_source": "network", "request_text": "Consolider un poste." } }),
    )
    .unwrap();
    let moved = invoke(
        &w,
        "move_case",
        json!({ "input": { "case_id": case["id"], "to": "diagnostic", "date": "13/01/2025" } }),
    )
    .unwrap();
    assert_eq!(moved["stage"], "diagnostic");
    assert_eq!(moved["timeline"].as_array().unwrap().len(), 2);
    let plan = moved["moves"].as_array().unwrap().iter().find(|m| m["to"] == "plan").unwrap().clone();
    assert_eq!(plan["kind"], "forward");
    assert_eq!(plan["missing"].as_array().unwrap().len(), 4);

    let err =
        invoke(&w, "move_case", json!({ "input": { "case_id": case["id"], "to": "plan", "date": "14/01/2025" } }))
            .unwrap_err();
    assert_eq!(err["code"], "conflict");
    assert_eq!(err["field"], "to");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .starts_with("Avant de passer à «\u{a0}Parcours d'accompagnement\u{a0}»\u{a0}:"),
        "{err}"
    );

    let err = invoke(
        &w,
        "save_diagnostic",
        json!({ "caseId": case["id"], "input": { "scores": [{ "domain": "governance", "score": "7" }] } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "scores.0.score");
    let workflow = invoke(&w, "case_workflow", json!({ "caseId": case["id"] })).unwrap();
    assert_eq!(workflow["stage"], "diagnostic");
}

#[test]
fn a_referral_and_a_cooperation_round_trip_and_refuse_in_french() {
    let (_app, w) = window();
    let a = invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association" } }),
    )
    .unwrap();
    let b =
        invoke(&w, "create_structure", json!({ "input": { "name": "Voce di Bastia", "legal_form": "association" } }))
            .unwrap();
    let case = invoke(
        &w,
        "open_case",
        json!({ "input": { "structure_id": a["id"], "request_date": "06/01/2025", "channel": "phone",
                           "requester": "Awa Diallo", "referral_source": "network", "request_text": "Trésorerie." } }),
    )
    .unwrap();
    let partner = invoke(
        &w,
        "create_partner",
        json!({ "input": { "name": "France Active Corse", "kind": "solidarity_finance",
                           "contacts": [{ "name": "Paul Santoni", "email": "p.santoni@example.org" }] } }),
    )
    .unwrap();
    assert_eq!(partner["contacts"][0]["name"], "Paul Santoni");

    let err = invoke(
        &w,
        "create_referral",
        json!({ "input": { "case_id": case["id"], "partner_id": partner["id"], "referred_on": "01/01/2025",
                           "reason": "Trésorerie", "outcome": "pending" } }),
    )
    .unwrap_err();
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("validation"), Some("referred_on")));
    assert_eq!(err["message"], "La date de l'orientation ne peut pas précéder la demande (06/01/2025).");
    invoke(
        &w,
        "create_referral",
        json!({ "input": { "case_id": case["id"], "partner_id": partner["id"], "referred_on": "20/01/2025",
                           "reason": "Trésorerie", "outcome": "pending" } }),
    )
    .unwrap();
    let on_partner = invoke(
        &w,
        "list_referrals",
        json!({ "filter": { "partner_id": partner["id"] }, "page": { "offset": 0, "limit": 30 } }),
    )
    .unwrap();
    assert_eq!(
        (on_partner["total"].as_u64(), on_partner["rows"][0]["structure_name"].as_str()),
        (Some(1), Some("Compagnie du Sillon"))
    );
    let by_partner = invoke(&w, "referral_partners", json!({ "filter": { "year": 2025 } })).unwrap();
    assert_eq!(
        (by_partner[0]["partner_id"].clone(), by_partner[0]["referrals"].as_u64()),
        (partner["id"].clone(), Some(1))
    );
    let err = invoke(&w, "referral_partners", json!({ "filter": { "year": 25 } })).unwrap_err();
    assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("validation"), Some("year")));
    assert_eq!(err["message"], "L'année des orientations va de 2000 à 2100 (demandé\u{a0}: 25).");

    let err = invoke(
        &w,
        "create_cooperation",
        json!({ "input": { "name": "Lieu partagé", "kind": "shared_place", "stage": "idea",
                           "members": [{ "structure_id": a["id"] }] } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "members");
    let project = invoke(
        &w,
        "create_cooperation",
        json!({ "input": { "name": "Lieu partagé", "kind": "shared_place", "stage": "idea",
                           "members": [{ "structure_id": a["id"] }, { "structure_id": b["id"] }] } }),
    )
    .unwrap();
    let page = json!({ "offset": 0, "limit": 50 });
    let from_b =
        invoke(&w, "list_cooperations", json!({ "filter": { "structure_id": b["id"] }, "page": page })).unwrap();
    assert_eq!((from_b["total"].as_u64(), &from_b["rows"][0]["id"]), (Some(1), &project["id"]));

    let training = invoke(
        &w,
        "create_training_action",
        json!({ "input": { "structure_id": a["id"], "title": "Paie", "hours": "3,5", "status": "planned", "start_on": "02/03/2026" } }),
    )
    .unwrap();
    assert_eq!(training["years"][0]["hours"], 350);
}

#[test]
fn funder_lines_and_a_summary_preview_over_ipc() {
    let (_app, w) = window();
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    let refused = invoke(
        &w,
        "create_funder",
        json!({ "input": { "name": "État", "period_start": "01/01/2026", "period_end": "01/01/2025" } }),
    )
    .unwrap_err();
    assert_eq!((refused["code"].as_str(), refused["field"].as_str()), (Some("validation"), Some("period_end")));
    invoke(&w, "load_demo", json!({})).unwrap();
    let lines = invoke(&w, "list_funders", json!({})).unwrap();
    assert_eq!(lines.as_array().unwrap().len(), 4);
    let cases = invoke(&w, "list_cases", json!({ "filter": { "scope": "all" }, "page": first_page() })).unwrap();
    let case_id = &cases["rows"][0]["id"];
    let preview = invoke(
        &w,
        "summary_preview",
        json!({ "caseId": case_id, "parts": { "scores": true, "findings": false, "finances": false, "people": false } }),
    )
    .unwrap();
    assert!(preview["pages"][0].as_str().unwrap().starts_with("<svg"));
    assert!(preview["file_name"].as_str().unwrap().starts_with("Fiche de synthèse "));
    let missing =
        invoke(&w, "summary_preview", json!({ "caseId": "0190a5a0-0000-7000-8000-000000000000", "parts": {} }))
            .unwrap_err();
    assert_eq!(missing["code"], "not_found");
}

#[test]
fn a_period_report_over_ipc() {
    let (_app, w) = demo_window();
    let refused =
        invoke(&w, "period_totals", json!({ "filter": { "from": "31/12/2026", "to": "01/01/2026" } })).unwrap_err();
    assert_eq!((refused["code"].as_str(), refused["field"].as_str()), (Some("validation"), Some("to")));
    let report =
        invoke(&w, "period_totals", json!({ "filter": { "from": "01/01/2026", "to": "31/12/2026" } })).unwrap();
    assert_eq!(report["totals"]["cases"], 25);
    assert!(report.get("cases").is_none(), "the rows stay in the core: only the totals cross");
    assert_eq!(report["period"]["from"], "2026-01-01");
    let t = &report["totals"];
    let first_or_back = t["first_time"].as_u64().unwrap() + t["returning"].as_u64().unwrap();
    assert_eq!(first_or_back, t["structures"].as_u64().unwrap(), "each structure once");
    assert!(t["line_share"].is_null(), "a share only for a funder line");
}

#[test]
fn the_observatory_over_ipc() {
    let (_app, w) = demo_window();
    let year = json!({ "from": "01/01/2026", "to": "31/12/2026" });
    let whole = invoke(&w, "observatory", json!({ "filter": year })).unwrap();
    assert_eq!(whole["totals"]["cases"], 25, "the period report's own count");
    let drome = whole["choices"]["territories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "departement:26")
        .expect("the demo's Drôme among the choices")
        .clone();
    assert_eq!(drome["label"], "Drôme (26)");
    let filter = json!({ "from": "01/01/2026", "to": "31/12/2026", "territory": "departement:26" });
    let kept = invoke(&w, "observatory", json!({ "filter": filter })).unwrap();
    assert_eq!(kept["scope"], json!(["Drôme (26)"]));
    let cases = |o: &serde_json::Value| {
        o["departements"].as_array().unwrap().iter().map(|d| d["cases"].as_u64().unwrap()).sum::<u64>()
    };
    assert_eq!(kept["totals"]["cases"].as_u64(), Some(cases(&kept)));
    assert!(cases(&kept) < cases(&whole));
    assert_eq!(kept["needs"].as_array().unwrap().len(), 11);
    let refused = invoke(
        &w,
        "observatory",
        json!({ "filter": { "from": "01/01/2026", "to": "31/12/2026", "territory": "departement:00" } }),
    )
    .unwrap_err();
    assert_eq!((refused["code"].as_str(), refused["field"].as_str()), (Some("validation"), Some("territory")));
    // A drawing that is not what it claims is refused before any dialog opens.
    for (format, data) in [("png", "data:image/png;base64,SGVsbG8="), ("svg", "<svg><script>alert(1)</script></svg>")] {
        let args = json!({ "filter": year, "chart": "stages", "format": format, "data": data });
        let refused = invoke(&w, "save_chart_image", args).unwrap_err();
        assert_eq!(
            (refused["code"].as_str(), refused["field"].as_str()),
            (Some("validation"), Some("data")),
            "{refused}"
        );
    }
    let unknown = json!({ "filter": year, "chart": "camembert", "format": "csv" });
    assert!(invoke(&w, "save_observatory_table", unknown).is_err());
}

#[test]
fn the_cases_needing_attention_are_counted_apart_from_the_pages() {
    let (_app, w) = demo_window();
    let all = invoke(&w, "list_cases", json!({ "filter": {}, "page": { "offset": 0, "limit": 500 } })).unwrap();
    assert!(all.get("needing_attention").is_none(), "a page is rows and a total only");
    let flagged =
        all["rows"].as_array().unwrap().iter().filter(|c| !c["attention"].as_array().unwrap().is_empty()).count();
    assert!(flagged > 0);
    assert_eq!(invoke(&w, "cases_needing_attention", json!({ "filter": {} })).unwrap(), flagged);
    let refused =
        invoke(&w, "cases_needing_attention", json!({ "filter": { "structure_id": "pas-un-id" } })).unwrap_err();
    assert_eq!(refused["field"], "structure_id");
}

#[test]
fn the_purge_is_read_by_pages_checked_against_the_number_confirmed_then_run_in_the_background() {
    let (_app, w) = demo_window();
    invoke(&w, "set_retention", json!({ "input": { "contacts_years": "1", "cases_years": "1" } })).unwrap();
    let page = invoke(&w, "purge_due_page", json!({ "page": { "offset": 0, "limit": 1 } })).unwrap();
    let total = page["total"].as_u64().unwrap();
    assert!(total >= 2, "{page}");
    assert_eq!(page["rows"].as_array().unwrap().len(), 1);
    assert_eq!(invoke(&w, "purge_due_count", json!({})).unwrap(), total);
    let refused = invoke(&w, "purge_due_page", json!({ "page": { "offset": 0, "limit": 0 } })).unwrap_err();
    assert_eq!(refused["field"], "limit");

    let kept = &page["rows"][0];
    let except = json!([{ "kind": kept["kind"], "id": kept["id"] }]);
    let refused = invoke(&w, "purge", json!({ "choice": { "except": except, "confirmed": total } })).unwrap_err();
    assert_eq!(refused["code"], "conflict", "not the number confirmed: nothing purged");
    assert_eq!(invoke(&w, "purge_due_count", json!({})).unwrap(), total);
    let forged = json!({ "choice": { "except": [{ "kind": "case", "id": "/etc/passwd" }], "confirmed": 1 } });
    assert_eq!(invoke(&w, "purge", forged).unwrap_err()["field"], "except");

    let started = invoke(&w, "purge", json!({ "choice": { "except": except, "confirmed": total - 1 } })).unwrap();
    assert_eq!((started["total"].as_u64(), started["finished"].as_bool()), (Some(total - 1), Some(false)));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while invoke(&w, "purge_due_count", json!({})).unwrap() != 1 {
        assert!(std::time::Instant::now() < deadline, "the purge did not end");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let left = invoke(&w, "purge_due_page", json!({ "page": { "offset": 0, "limit": 10 } })).unwrap();
    assert_eq!(left["rows"][0]["id"], kept["id"], "only what was unticked is left");
}

#[test]
fn a_plain_database_of_an_earlier_jalons_is_encrypted_when_its_passphrase_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    {
        // As an earlier Jalons left it: the same schema, in a plain SQLite file.
        let source = dir.path().join("source.sqlite");
        let mut s = Store::open(&source, &key()).unwrap();
        s.set_user_name("Camille Martin").unwrap();
        drop(s);
        let conn = rusqlite::Connection::open(&source).unwrap();
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key().to_hex())).unwrap();
        conn.execute("ATTACH DATABASE ?1 AS plain_db KEY ?2", [db.to_str().unwrap(), ""]).unwrap();
        conn.query_row("SELECT sqlcipher_export('plain_db')", [], |_| Ok(())).unwrap();
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        conn.execute_batch(&format!("PRAGMA plain_db.user_version = {version}")).unwrap();
    }
    assert!(std::fs::read(&db).unwrap().starts_with(b"SQLite format 3"));
    let need = jalons_core::crypto::need(&db).unwrap();
    let (_app, w) = window_on(AppState::locked(need, db.clone(), dir.path().join("sauvegardes.json")));
    assert_eq!(invoke(&w, "startup", json!({})).unwrap()["lock"], "convert");
    let refused =
        invoke(&w, "protect_database", json!({ "phrase": "court", "confirmation": "court", "remember": false }));
    assert_eq!(refused.unwrap_err()["field"], "passphrase");
    assert!(std::fs::read(&db).unwrap().starts_with(b"SQLite format 3"), "a refusal converts nothing");
    let done =
        invoke(&w, "protect_database", json!({ "phrase": PHRASE, "confirmation": PHRASE, "remember": false })).unwrap();
    assert_eq!(done["recovery_key"].as_str().unwrap().len(), 64);
    assert_eq!(invoke(&w, "get_settings", json!({})).unwrap()["user_name"], "Camille Martin");
    let raw = std::fs::read(&db).unwrap();
    assert!(!raw.starts_with(b"SQLite format 3"));
    assert!(!raw.windows(14).any(|w| w == b"Camille Martin"));
}

#[test]
fn a_contact_is_erased_over_ipc_as_the_ui_asks_and_a_bad_person_is_refused() {
    let (_app, w) = window();
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    let created = invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association", "commune_code": "26113",
            "contacts": [{ "name": "Awa Diallo", "role": "president", "email": "awa@sillon.fr", "lawful_basis": "consent" }] } }),
    )
    .unwrap();
    let person = json!({ "kind": "contact", "id": created["contacts"][0]["id"] });
    let plan = invoke(&w, "erasure_plan", json!({ "person": person })).unwrap();
    assert_eq!(plan["name"], "Awa Diallo");
    assert_eq!(plan["record"], "Contact de la structure Compagnie du Sillon (président·e)");
    assert_eq!(plan["found"], json!(["1\u{a0}ligne de l'historique"]));

    let done = invoke(&w, "erase_person", json!({ "person": person })).unwrap();
    assert_eq!(done, plan["found"]);
    let after = invoke(&w, "get_structure", json!({ "id": created["id"] })).unwrap();
    assert_eq!(after["contacts"], json!([]));
    let history = invoke(&w, "structure_history", json!({ "id": created["id"], "page": first_page() })).unwrap();
    assert!(!history.to_string().contains("Awa"), "{history}");

    let again = invoke(&w, "erase_person", json!({ "person": person })).unwrap_err();
    assert_eq!(again["code"], "not_found");
    let bad = invoke(&w, "erase_person", json!({ "person": { "kind": "named", "name": "" } })).unwrap_err();
    assert_eq!((bad["code"].as_str(), bad["field"].as_str()), (Some("validation"), Some("name")));
    let unknown = invoke(&w, "erasure_plan", json!({ "person": { "kind": "someone" } })).unwrap_err();
    assert!(unknown.to_string().contains("someone"), "{unknown}");
}

#[test]
fn a_case_is_deleted_for_real_over_ipc_and_a_bad_id_is_refused() {
    let (_app, w) = window();
    invoke(&w, "set_user_name", json!({ "name": "Camille Martin" })).unwrap();
    let structure = invoke(
        &w,
        "create_structure",
        json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association", "commune_code": "26113" } }),
    )
    .unwrap();
    let case = invoke(
        &w,
        "open_case",
        json!({ "input": { "structure_id": structure["id"], "request_date": "2026-11-02", "channel": "phone",
            "requester": "Awa Diallo", "referral_source": "network", "request_text": "Consolider l'emploi." } }),
    )
    .unwrap();
    let plan = invoke(&w, "case_deletion_plan", json!({ "id": case["id"] })).unwrap();
    assert_eq!(plan["name"], format!("{} (Compagnie du Sillon)", case["reference"].as_str().unwrap()));
    invoke(&w, "delete_case", json!({ "id": case["id"] })).unwrap();
    assert_eq!(invoke(&w, "get_case", json!({ "id": case["id"] })).unwrap_err()["code"], "not_found");
    let bad = invoke(&w, "delete_structure", json!({ "id": "../jalons.sqlite" })).unwrap_err();
    assert_eq!((bad["code"].as_str(), bad["field"].as_str()), (Some("validation"), Some("id")));
    invoke(&w, "delete_structure", json!({ "id": structure["id"] })).unwrap();
    assert_eq!(
        invoke(&w, "list_structures", json!({ "filter": { "archived": "all" }, "page": first_page() })).unwrap()["total"],
        0
    );
}

#[test]
fn a_list_answers_while_a_long_write_holds_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (app, w) = window_on_file(dir.path());
    let input = json!({ "input": { "name": "Compagnie du Sillon", "legal_form": "association" } });
    invoke(&w, "create_structure", input).unwrap();
    let state = app.state::<AppState>();
    // The store that writes is taken, as a report, a batch or a backup would hold it.
    let writing = state.store().unwrap();
    let (sent, received) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let listed = invoke(&w, "list_structures", json!({ "filter": {}, "page": first_page() }));
            sent.send(listed).unwrap();
        });
        let answer = received.recv_timeout(std::time::Duration::from_secs(5));
        drop(writing);
        let listed = answer.expect("the list waited for the store that writes").unwrap();
        assert_eq!(listed["rows"][0]["name"], "Compagnie du Sillon");
    });
    // What is written is read at once by the next read.
    invoke(&w, "create_structure", json!({ "input": { "name": "Fest-Noz Penn-ar-Bed", "legal_form": "association" } }))
        .unwrap();
    assert_eq!(invoke(&w, "list_structures", json!({ "filter": {}, "page": first_page() })).unwrap()["total"], 2);
}
