//! Structures and cases deleted for real: nothing of them left in any table (found by their
//! ids in every column), the foreign keys whole, the search and the audit chain clean, the
//! ingénieries shared with other cases kept, and deleted again when a backup from before is
//! restored.

mod common;

use jalons_core::backup::{self, BackupReason};
use jalons_core::cases::{CaseFilter, CaseScope};
use jalons_core::paging::PageRequest;
use jalons_core::structures::StructureFilter;
use jalons_core::{Store, crypto};

/// Every place outside the audit trail and the tombstones where one of `ids` still appears.
fn left_over(s: &Store, ids: &[String]) -> Vec<String> {
    let conn = s.read().unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
             AND name NOT IN ('audit_log', 'erasures')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut found = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            for i in 0..n {
                if let Ok(rusqlite::types::ValueRef::Text(b)) = r.get_ref(i) {
                    let text = String::from_utf8_lossy(b);
                    found.extend(ids.iter().filter(|id| text.contains(id.as_str())).map(|id| format!("{id} in {t}")));
                }
            }
        }
    }
    let broken: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    found.extend(broken.into_iter().map(|t| format!("a broken key in {t}")));
    found
}

fn cases_of(s: &Store, structure_id: &str) -> Vec<String> {
    let filter = CaseFilter { structure_id: Some(structure_id.into()), scope: CaseScope::All, ..Default::default() };
    s.list_cases(&filter, PageRequest::LARGEST).unwrap().rows.into_iter().map(|c| c.id).collect()
}

fn structure_named(s: &Store, name: &str) -> String {
    let filter = StructureFilter { query: name.into(), ..Default::default() };
    s.list_structures(&filter, PageRequest::LARGEST).unwrap().rows.into_iter().find(|x| x.name == name).unwrap().id
}

#[test]
fn a_structure_deleted_for_real_leaves_nothing_and_stays_deleted_after_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    let key = crypto::choose_phrase(&db, common::PHRASE, common::PHRASE, None).unwrap();
    let mut s = Store::open(&db, &key).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    s.load_demo().unwrap();
    let folder = dir.path().join("sauvegardes");
    let before = backup::take(&db, &key, &folder, BackupReason::Manual, common::at("2026-10-01 09:00:00")).unwrap();

    let id = structure_named(&s, "Compagnie du Sillon");
    let mut ids = cases_of(&s, &id);
    assert!(!ids.is_empty());
    ids.push(id.clone());
    let plan = s.structure_deletion_plan(&id).unwrap();
    assert_eq!(plan.name, "Compagnie du Sillon");
    assert!(
        plan.found.iter().any(|f| f.ends_with("dossiers d'accompagnement") || f.ends_with("dossier d'accompagnement")),
        "{:?}",
        plan.found
    );
    assert!(plan.found.iter().any(|f| f.contains("journal")), "{:?}", plan.found);
    let structures_before = s.list_structures(&StructureFilter::default(), PageRequest::LARGEST).unwrap().rows.len();

    assert_eq!(s.delete_structure(&id).unwrap(), plan.found);
    assert_eq!(left_over(&s, &ids), Vec::<String>::new());
    assert_eq!(
        s.list_structures(&StructureFilter::default(), PageRequest::LARGEST).unwrap().rows.len(),
        structures_before - 1
    );
    let hits = s.search("Sillon", 50).unwrap();
    assert!(hits.groups.iter().flat_map(|g| &g.hits).all(|h| !ids.contains(&h.target_id)), "{hits:?}");
    assert_eq!(s.check_audit_chain().unwrap().broken, None);
    let history = s.structure_history(&id, PageRequest::LARGEST).unwrap().rows;
    assert!(history.iter().all(|e| e.changes.is_empty()), "the history's values are redacted");
    assert_eq!(s.get_structure(&id).unwrap_err().code, jalons_core::ErrorCode::NotFound);

    s.restore(&folder.join(&before.file_name), &folder, common::at("2026-12-01 10:00:00")).unwrap();
    assert_eq!(left_over(&s, &ids), Vec::<String>::new(), "deleted again after the restore");
    assert_eq!(s.check_audit_chain().unwrap().broken, None);
}

#[test]
fn a_case_deleted_for_real_takes_its_own_ingenieries_and_leaves_the_shared_ones() {
    let mut s = common::store();
    s.load_demo().unwrap();
    let shared: Vec<(String, Vec<String>)> = s
        .list_engagements(&Default::default(), PageRequest::LARGEST)
        .unwrap()
        .rows
        .into_iter()
        .map(|e| (e.id, e.cases.into_iter().map(|c| c.case_id).collect()))
        .collect();
    let (collective, cases) =
        shared.iter().find(|(_, cases)| cases.len() > 1).expect("a collective ingénierie in the demo");
    let case_id = cases[0].clone();
    let plan = s.case_deletion_plan(&case_id).unwrap();
    s.delete_case(&case_id).unwrap();
    assert_eq!(left_over(&s, std::slice::from_ref(&case_id)), Vec::<String>::new());
    let kept = s.get_engagement(collective).unwrap();
    assert_eq!(kept.cases.len(), cases.len() - 1, "{plan:?}");
    for (alone, _) in shared.iter().filter(|(_, c)| c.as_slice() == [case_id.clone()]) {
        assert!(s.get_engagement(alone).is_err(), "an ingénierie of this case alone goes with it");
    }
    assert_eq!(s.delete_case(&case_id).unwrap_err().code, jalons_core::ErrorCode::NotFound);
    assert_eq!(s.delete_case("pas-un-id").unwrap_err().field.as_deref(), Some("id"));
}
