//! The CLI as a user runs it: a real process on a real file.

use std::process::Command;

use jalons_core::Store;

#[test]
fn demo_fills_a_new_database_and_signs_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_jalons-cli"))
        .args(["demo", "--db"])
        .arg(&db)
        .args(["--user", "Camille Martin"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("12 partenaires et 4 coopérations de démonstration chargés"));

    let store = Store::open(&db).unwrap();
    assert!(store.list_structures(&Default::default()).unwrap().len() >= 30);
    assert_eq!(store.settings().unwrap().user_name.as_deref(), Some("Camille Martin"));
    let cases = store.list_cases(&Default::default()).unwrap();
    assert!(cases.iter().all(|c| c.officer == "Camille Martin"));
    let sillon = cases.iter().find(|c| c.structure_name == "Compagnie du Sillon").unwrap();
    let owner = jalons_core::attachments::AttachmentOwner {
        kind: jalons_core::attachments::OwnerKind::Case,
        id: sillon.id.clone(),
    };
    let files = store.list_attachments(&owner).unwrap();
    assert_eq!(files[0].name, "synthese-diagnostic-sillon.pdf");
    assert!(store.attachment_file(&files[0].id).unwrap().starts_with(dir.path().join("demo-fichiers")));
}

#[test]
fn demo_refuses_a_database_that_has_data_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let run = || Command::new(env!("CARGO_BIN_EXE_jalons-cli")).args(["demo", "--db"]).arg(&db).output().unwrap();
    assert!(run().status.success());
    let second = run();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("base vide"));
}
