//! The CLI as a user runs it: a real process on a real file.

use std::process::Command;

use jalons_core::Store;
use jalons_core::paging::PageRequest;

const PHRASE: &str = "lavande Diois tracteur 1987";

#[test]
fn demo_fills_a_new_database_and_signs_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_jalons-cli"))
        .args(["demo", "--db"])
        .arg(&db)
        .args(["--user", "Camille Martin"])
        .env("JALONS_PHRASE_SECRETE", PHRASE)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("12 partenaires et 4 coopérations de démonstration chargés"));

    let key = jalons_core::crypto::key_from_phrase(&db, PHRASE).unwrap();
    let store = Store::open(&db, &key).unwrap();
    assert!(store.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows.len() >= 30);
    assert_eq!(store.settings().unwrap().user_name.as_deref(), Some("Camille Martin"));
    let cases = store.list_cases(&Default::default(), PageRequest::LARGEST).unwrap().rows;
    assert!(cases.iter().all(|c| c.officer == "Camille Martin"));
    let sillon = cases.iter().find(|c| c.structure_name == "Compagnie du Sillon").unwrap();
    let owner = jalons_core::attachments::AttachmentOwner {
        kind: jalons_core::attachments::OwnerKind::Case,
        id: sillon.id.clone(),
    };
    let files = store.list_attachments(&owner).unwrap();
    assert_eq!(files[0].name, "synthese-diagnostic-sillon.pdf");
    let copy = store.attachment_copy(&files[0].id, &dir.path().join("ouverts")).unwrap();
    assert_eq!(copy.file_name().unwrap(), "synthese-diagnostic-sillon.pdf");
    assert!(std::fs::read(copy).unwrap().starts_with(b"%PDF"));
}

#[test]
fn demo_refuses_a_database_that_has_data_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_jalons-cli"))
            .args(["demo", "--db"])
            .arg(&db)
            .env("JALONS_PHRASE_SECRETE", PHRASE)
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    let second = run();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("base vide"));
}
