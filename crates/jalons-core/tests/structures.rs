mod common;

use jalons_core::paging::PageRequest;
use jalons_core::structures::{ArchiveFilter, ContactInput, LegalForm, StructureFilter, StructureInput, StructureSort};
use jalons_core::{ErrorCode, Store};

fn names(s: &Store, f: StructureFilter) -> Vec<String> {
    s.list_structures(&f, PageRequest::LARGEST).unwrap().rows.into_iter().map(|x| x.name).collect()
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.set_user_name("Camille Martin").unwrap();
    s
}

fn sillon() -> StructureInput {
    StructureInput {
        name: "Compagnie du Sillon".into(),
        legal_form: "association".into(),
        siret: "732 829 320 00074".into(),
        commune_code: "26113".into(),
        budget: "186 500".into(),
        contacts: vec![ContactInput {
            name: "Awa Diallo".into(),
            role: "president".into(),
            lawful_basis: "legitimate_interest".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn count(store: &Store, table: &str) -> i64 {
    store.read().unwrap().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn create_normalises_and_audits_in_one_go() {
    let mut s = store();
    let created = s.create_structure(&sillon()).unwrap();
    assert_eq!(created.siret.as_ref().unwrap().as_str(), "73282932000074");
    assert_eq!(created.siren.as_ref().unwrap().as_str(), "732829320");
    assert_eq!(created.departement_name.as_deref(), Some("Drôme"));
    assert_eq!(created.contacts.len(), 1);
    let history = s.structure_history(&created.id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].actor, "Camille Martin");
    assert_eq!(history[0].action, "create");
    assert!(history[0].changes.iter().any(|c| c.field == "siret" && c.to == "73282932000074"));
}

#[test]
fn update_records_what_changed_from_what_to_what() {
    let mut s = store();
    let created = s.create_structure(&sillon()).unwrap();
    let mut edit = StructureInput { budget: "200 000".into(), ..sillon() };
    edit.contacts[0].id = created.contacts[0].id.clone();
    let updated = s.update_structure(&created.id, &edit).unwrap();
    assert_eq!(updated.budget.unwrap().0, 20_000_000);
    let history = s.structure_history(&created.id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history.len(), 2);
    let latest = &history[0];
    assert_eq!(latest.action, "update");
    assert_eq!(latest.changes.len(), 1, "{:?}", latest.changes);
    assert_eq!(latest.changes[0].field, "budget");
    assert_eq!(latest.changes[0].from, 18_650_000);
    assert_eq!(latest.changes[0].to, 20_000_000);
    // Saving the same thing again writes no empty audit row.
    s.update_structure(&created.id, &edit).unwrap();
    assert_eq!(s.structure_history(&created.id, PageRequest::LARGEST).unwrap().rows.len(), 2);
}

#[test]
fn a_long_history_is_read_a_page_at_a_time_newest_first() {
    let mut s = store();
    let created = s.create_structure(&sillon()).unwrap();
    for k in 1..=11 {
        let mut edit = StructureInput { budget: format!("{} 000", 100 + k), ..sillon() };
        edit.contacts[0].id = created.contacts[0].id.clone();
        s.update_structure(&created.id, &edit).unwrap();
    }
    let whole = s.structure_history(&created.id, PageRequest::LARGEST).unwrap();
    assert_eq!((whole.total, whole.rows.len()), (12, 12));
    assert_eq!(whole.rows[0].changes[0].to, 11_100_000, "the latest change first");
    assert_eq!(whole.rows[11].action, "create");
    let mut laid = Vec::new();
    for offset in (0..12).step_by(5) {
        let page = s.structure_history(&created.id, PageRequest { offset, limit: 5 }).unwrap();
        assert_eq!(page.total, 12);
        laid.extend(page.rows);
    }
    assert_eq!(laid, whole.rows, "pages end to end are the whole history");
}

#[test]
fn a_rejected_save_changes_nothing() {
    let mut s = store();
    let created = s.create_structure(&sillon()).unwrap();
    let audit_before = count(&s, "audit_log");
    let bad = StructureInput { name: "Nouveau nom".into(), siret: "73282932000075".into(), ..sillon() };
    let e = s.update_structure(&created.id, &bad).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("siret")));
    assert_eq!(s.get_structure(&created.id).unwrap().name, "Compagnie du Sillon");
    assert_eq!(count(&s, "audit_log"), audit_before);

    let e = s.create_structure(&StructureInput { etp: "-1".into(), ..sillon() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("etp"));
    assert_eq!(count(&s, "structures"), 1);
}

#[test]
fn a_siret_belongs_to_one_structure() {
    let mut s = store();
    s.create_structure(&sillon()).unwrap();
    let e = s.create_structure(&StructureInput { name: "Doublon".into(), ..sillon() }).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Conflict, Some("siret")));
    assert!(e.message.contains("Compagnie du Sillon"));
    assert_eq!(count(&s, "structures"), 1);
}

#[test]
fn contacts_keep_their_ids_across_edits() {
    let mut s = store();
    let created = s.create_structure(&sillon()).unwrap();
    let mut input = sillon();
    input.contacts[0].id = created.contacts[0].id.clone();
    input.contacts[0].email = "awa@sillon.fr".into();
    let updated = s.update_structure(&created.id, &input).unwrap();
    assert_eq!(updated.contacts[0].id, created.contacts[0].id);
    assert_eq!(updated.contacts[0].email.as_deref(), Some("awa@sillon.fr"));
}

#[test]
fn a_contact_s_lawful_basis_keeps_its_date_until_it_changes() {
    use jalons_core::clock::Clock;
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let mut s = store();
    s.set_clock(Clock::on_day(day("2026-03-02")));
    let created = s.create_structure(&sillon()).unwrap();
    assert_eq!(created.contacts[0].lawful_basis_since, Some(day("2026-03-02")));
    s.set_clock(Clock::on_day(day("2026-06-15")));
    let mut input = sillon();
    input.contacts[0].id = created.contacts[0].id.clone();
    input.contacts[0].email = "awa@sillon.fr".into();
    input.contacts.push(ContactInput {
        name: "Lou Martin".into(),
        role: "treasurer".into(),
        lawful_basis: "consent".into(),
        ..Default::default()
    });
    let updated = s.update_structure(&created.id, &input).unwrap();
    assert_eq!(updated.contacts[0].lawful_basis_since, Some(day("2026-03-02")), "an e-mail changed keeps the date");
    assert_eq!(updated.contacts[1].lawful_basis_since, Some(day("2026-06-15")));
    input.contacts[0].lawful_basis = "consent".into();
    input.contacts[1].id = updated.contacts[1].id.clone();
    s.set_clock(Clock::on_day(day("2026-09-01")));
    let changed = s.update_structure(&created.id, &input).unwrap();
    assert_eq!(changed.contacts[0].lawful_basis_since, Some(day("2026-09-01")), "a new basis, a new date");
    assert_eq!(changed.contacts[1].lawful_basis_since, Some(day("2026-06-15")));
}

#[test]
fn list_filters_and_sorts() {
    let mut s = store();
    s.create_structure(&sillon()).unwrap();
    s.create_structure(&StructureInput {
        name: "Théâtre de la Courte Échelle".into(),
        acronym: "TCE".into(),
        legal_form: "scic".into(),
        commune_code: "26362".into(),
        budget: "642 000".into(),
        ..Default::default()
    })
    .unwrap();
    let brest = s
        .create_structure(&StructureInput {
            name: "Fest-Noz Penn-ar-Bed".into(),
            legal_form: "association".into(),
            commune_code: "29019".into(),
            ..Default::default()
        })
        .unwrap();

    assert_eq!(
        names(&s, StructureFilter { query: "theatre echelle".into(), ..Default::default() }),
        vec!["Théâtre de la Courte Échelle"]
    );
    assert_eq!(names(&s, StructureFilter { query: "tce".into(), ..Default::default() }).len(), 1);
    assert_eq!(
        names(&s, StructureFilter { query: "valence".into(), ..Default::default() }),
        vec!["Théâtre de la Courte Échelle"]
    );
    assert_eq!(names(&s, StructureFilter { query: "7328".into(), ..Default::default() }), vec!["Compagnie du Sillon"]);
    assert_eq!(names(&s, StructureFilter { departement: "26".into(), ..Default::default() }).len(), 2);
    assert_eq!(names(&s, StructureFilter { legal_form: Some(LegalForm::Scic), ..Default::default() }).len(), 1);
    assert_eq!(
        names(&s, StructureFilter { sort: StructureSort::Budget, descending: true, ..Default::default() }),
        vec!["Théâtre de la Courte Échelle", "Compagnie du Sillon", "Fest-Noz Penn-ar-Bed"]
    );
    assert_eq!(names(&s, StructureFilter { query: "100%".into(), ..Default::default() }).len(), 0);

    s.set_structure_archived(&brest.id, true).unwrap();
    let active = names(&s, StructureFilter::default());
    assert_eq!(active, vec!["Compagnie du Sillon", "Théâtre de la Courte Échelle"]);
    assert_eq!(
        names(&s, StructureFilter { archived: ArchiveFilter::Archived, ..Default::default() }),
        vec!["Fest-Noz Penn-ar-Bed"]
    );
    assert_eq!(names(&s, StructureFilter { archived: ArchiveFilter::All, ..Default::default() }).len(), 3);
    let history = s.structure_history(&brest.id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history[0].action, "archive");
}

#[test]
fn unknown_ids_give_french_not_found() {
    let s = store();
    let e = s.get_structure("0190a5a0-0000-7000-8000-000000000000").unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(s.get_structure("pas-un-id").unwrap_err().code, ErrorCode::Validation);
}

#[test]
fn data_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("jalons.sqlite");
    let id = {
        let mut s = Store::open(&path, &common::key()).unwrap();
        s.create_structure(&sillon()).unwrap().id
    };
    let s = Store::open(&path, &common::key()).unwrap();
    assert_eq!(s.get_structure(&id).unwrap().name, "Compagnie du Sillon");
}

#[cfg(unix)]
#[test]
fn the_database_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jalons.sqlite");
    let _store = Store::open(&path, &common::key()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}
