//! The case summary read back as a funder would: its text through pdftotext (poppler).

use std::process::Command;

use chrono::NaiveDate;
use jalons_core::Store;
use jalons_core::dossier::DossierParts;
use jalons_core::paging::PageRequest;
use jalons_export::{summary_pdf, summary_preview};

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store =
        Store::open(&dir.path().join("demo.sqlite"), &jalons_core::crypto::DataKey::generate().unwrap()).unwrap();
    store.set_user_name("Camille Martin").unwrap();
    store.load_demo().unwrap();
    (dir, store)
}

fn text_of(pdf: &[u8], dir: &std::path::Path) -> String {
    let path = dir.join("fiche.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian package poppler-utils) is installed by `make test`");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

#[test]
fn the_summary_of_a_closed_case_tells_it_in_french() {
    let (dir, store) = demo();
    let case = store.find_case("2025-001").unwrap();
    let pdf = summary_pdf(&store.case_dossier(&case.id).unwrap(), DossierParts::default(), today()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let xmp = String::from_utf8_lossy(&pdf);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
    assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "level b");

    let text = text_of(&pdf, dir.path());
    for expected in [
        "FICHE DE SYNTHÈSE DE L’ACCOMPAGNEMENT 2025-001",
        "La Friche des Canuts",
        "DLA de la Drôme",
        "Villeurbanne — Rhône (69)",
        "Diagnostic partagé",
        "Préconisations validées",
        "Gouvernance et bénévolat",
        "Critique",
        "Gouvernance multi-sociétariat de la SCIC",
        "Nadia Benchikh",
        "2 800,00 €",
        "3 360,00 €",
        "Banque des Territoires — Convention DLA 2024-2026 (40 %)",
        "DLA 2024-2026 (60 %)",
        "5560 – Autre SA coopérative à conseil d'administration",
        "Suivi et critères de performance",
        "Santé économique et financière",
        "Critère de performance (2017)",
        "retenus en 2017 par les pilotes nationaux du DLA",
        "+ En progrès",
        "Fait le 26 novembre 2026",
        "Camille Martin, chargée de mission DLA",
        "824 731 780 00022",
        "1285 – Entreprises artistiques et culturelles (CCNEAC)",
        "90.04Z – Gestion de salles de spectacles",
        "Pour l’opérateur du DLA",
        "Pour la structure accompagnée",
        "Page 2 sur 2",
    ] {
        assert!(text.replace('\u{a0}', " ").contains(expected), "« {expected} » missing from:\n{text}");
    }
    assert!(text.contains("« La SCIC veut ouvrir"), "French quotes around the request");
    // Left out unless chosen: findings, finances, names.
    for absent in ["Les rôles entre conseil", "780 000,00", "Sophie Marchal", "Situation financière et financements"]
    {
        assert!(!text.replace('\u{a0}', " ").contains(absent), "« {absent} » should stay out");
    }
}

#[test]
fn the_confidential_parts_appear_when_chosen() {
    let (dir, store) = demo();
    let case = store.find_case("2025-001").unwrap();
    let dossier = store.case_dossier(&case.id).unwrap();
    let all = DossierParts { scores: true, findings: true, finances: true, people: true };
    let text = text_of(&summary_pdf(&dossier, all, today()).unwrap(), dir.path()).replace('\u{a0}', " ");
    for expected in
        ["Les rôles entre conseil", "780 000,00 €", "Sophie Marchal", "Situation financière et financements"]
    {
        assert!(text.contains(expected), "« {expected} » missing");
    }
    let none = DossierParts { scores: false, findings: false, finances: false, people: false };
    let text = text_of(&summary_pdf(&dossier, none, today()).unwrap(), dir.path());
    assert!(!text.contains("Appréciation"), "no score table");
}

#[test]
fn an_early_case_has_a_short_summary_and_a_preview() {
    let (_dir, store) = demo();
    let intake = store
        .list_cases(
            &jalons_core::cases::CaseFilter { stage: Some(jalons_core::cases::Stage::Intake), ..Default::default() },
            PageRequest::LARGEST,
        )
        .unwrap()
        .rows;
    let dossier = store.case_dossier(&intake[0].id).unwrap();
    let preview = summary_preview(&dossier, DossierParts::default(), today()).unwrap();
    assert_eq!(preview.pages.len(), 1);
    assert!(preview.pages[0].starts_with("<svg"));
    assert!(preview.file_name.starts_with(&format!("Fiche de synthèse {} ", dossier.case.reference)));
    assert!(preview.file_name.ends_with(".pdf"));
}
