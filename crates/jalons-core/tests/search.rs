mod common;

use common::{case, structure};
use jalons_core::Store;
use jalons_core::journal::JournalInput;
use jalons_core::search::{SearchKind, SearchResults, TargetKind};
use jalons_core::structures::StructureInput;

fn titles(r: &SearchResults, kind: SearchKind) -> Vec<String> {
    r.groups
        .iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| g.hits.iter().map(|h| h.title.iter().map(|s| s.text.as_str()).collect::<String>()))
        .collect()
}

fn journal(s: &mut Store, case_id: &str, body: &str) -> String {
    let sid = s.get_case(case_id).unwrap().structure_id;
    s.create_journal_entry(&JournalInput {
        structure_id: sid,
        case_id: case_id.into(),
        kind: "site_visit".into(),
        occurred_on: "2025-02-03".into(),
        body: body.into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn accents_case_and_prefixes_are_ignored() {
    let (mut s, _) = case();
    structure(&mut s, "Théâtre de la Courte Échelle");
    for typed in ["theatre echelle", "THÉÂTRE", "thea ech", "Courte"] {
        let r = s.search(typed, 8).unwrap();
        assert_eq!(titles(&r, SearchKind::Structure), ["Théâtre de la Courte Échelle"], "{typed}");
    }
    let r = s.search("echelle", 8).unwrap();
    let hit = &r.groups[0].hits[0];
    assert_eq!(hit.target, TargetKind::Structure);
    assert!(hit.title.iter().any(|seg| seg.hit && seg.text == "Échelle"));
    assert!(s.search("a", 8).unwrap().groups.is_empty());
}

#[test]
fn a_journal_entry_is_found_and_opens_its_case() {
    let (mut s, case_id) = case();
    journal(&mut s, &case_id, "Visite du Théâtre du Sillon\u{a0}: la salle accueille les répétitions.");
    let r = s.search("theatre sill", 8).unwrap();
    let group = r.groups.iter().find(|g| g.kind == SearchKind::Journal).unwrap();
    let hit = &group.hits[0];
    assert_eq!((hit.target, hit.target_id.as_str()), (TargetKind::Case, case_id.as_str()));
    assert_eq!(hit.title[0].text, "Visite sur site du 03/02/2025");
    assert_eq!(hit.context, "Compagnie du Sillon · 2025-001");
    let marked: Vec<&str> = hit.snippet.iter().filter(|x| x.hit).map(|x| x.text.as_str()).collect();
    assert_eq!(marked, ["Théâtre", "Sillon"]);
}

#[test]
fn names_weigh_more_than_text() {
    let mut s = common::store();
    s.create_structure(&StructureInput {
        name: "Les Amis de la Danse".into(),
        legal_form: "association".into(),
        cultural_type: "Compagnie de danse, répertoire du Sillon".into(),
        ..Default::default()
    })
    .unwrap();
    structure(&mut s, "Compagnie du Sillon");
    let r = s.search("sillon", 8).unwrap();
    assert_eq!(titles(&r, SearchKind::Structure), ["Compagnie du Sillon", "Les Amis de la Danse"]);
}

#[test]
fn changes_and_deletions_leave_no_trace() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let entry = journal(&mut s, &case_id, "Répétition au Théâtre du Sillon");
    s.delete_journal_entry(&entry).unwrap();
    assert!(s.search("repetition", 8).unwrap().groups.is_empty());
    let left: i64 = s.read().unwrap().query_row("SELECT count(*) FROM journal_index", [], |r| r.get(0)).unwrap();
    assert_eq!(left, 0);

    let mut input = StructureInput {
        name: "La Compagnie des Sillons".into(),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        ..Default::default()
    };
    input.contacts = vec![jalons_core::structures::ContactInput {
        name: "Awa Diallo".into(),
        role: "president".into(),
        lawful_basis: "legitimate_interest".into(),
        ..Default::default()
    }];
    s.update_structure(&sid, &input).unwrap();
    s.update_structure(&sid, &input).unwrap();
    assert!(
        titles(&s.search("compagnie du", 8).unwrap(), SearchKind::Structure).iter().all(|t| t != "Compagnie du Sillon")
    );
    assert_eq!(titles(&s.search("compagnie sillons", 8).unwrap(), SearchKind::Structure), ["La Compagnie des Sillons"]);
    assert_eq!(titles(&s.search("awa", 8).unwrap(), SearchKind::Contact), ["Awa Diallo"]);
}

#[test]
fn the_index_is_rebuilt_from_the_records() {
    let (mut s, case_id) = case();
    journal(&mut s, &case_id, "Théâtre du Sillon");
    s.write(|w| {
        Ok(w.tx.execute_batch(
            "DELETE FROM search_index; INSERT INTO journal_index (journal_index) VALUES ('delete-all');",
        )?)
    })
    .unwrap();
    assert!(s.search("sillon", 8).unwrap().groups.is_empty());
    s.rebuild_search_index().unwrap();
    let r = s.search("sillon", 8).unwrap();
    let kinds: Vec<SearchKind> = r.groups.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [SearchKind::Structure, SearchKind::Case, SearchKind::Journal]);
}

fn journal_snippets(s: &Store, typed: &str) -> Vec<String> {
    let r = s.search(typed, 8).unwrap();
    r.groups
        .iter()
        .filter(|g| g.kind == SearchKind::Journal)
        .flat_map(|g| g.hits.iter().map(|h| h.snippet.iter().map(|x| x.text.as_str()).collect::<String>()))
        .collect()
}

/// FTS5's own check of an external-content index against the text it reads.
fn journal_index_is_whole(s: &mut Store) {
    s.write(|w| {
        Ok(w.tx.execute_batch("INSERT INTO journal_index (journal_index, rank) VALUES ('integrity-check', 1)")?)
    })
    .unwrap();
}

#[test]
fn the_journal_index_keeps_no_copy_and_follows_every_change() {
    let (mut s, case_id) = case();
    let first = journal(&mut s, &case_id, "Répétition au Théâtre du Sillon");
    let second = journal(&mut s, &case_id, "Bilan de la saison avec la trésorière");
    let copies: i64 = s
        .read()
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'journal_index_content'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(copies, 0);

    let input = JournalInput {
        structure_id: s.get_case(&case_id).unwrap().structure_id,
        case_id: case_id.clone(),
        kind: "meeting".into(),
        occurred_on: "2025-02-04".into(),
        place: "Salle des fêtes".into(),
        body: "Réunion du bureau sur la billetterie".into(),
        ..Default::default()
    };
    s.update_journal_entry(&first, &input).unwrap();
    journal_index_is_whole(&mut s);
    assert!(s.search("repetition", 8).unwrap().groups.is_empty());
    let bureau = "Réunion du bureau sur la billetterie";
    assert_eq!(journal_snippets(&s, "billet"), [bureau]);
    assert_eq!(journal_snippets(&s, "fetes"), [bureau]);
    // Two letters are read from the prefix index, longer beginnings from the words'.
    assert_eq!(journal_snippets(&s, "bi").len(), 2);
    assert_eq!(journal_snippets(&s, "treso"), ["Bilan de la saison avec la trésorière"]);

    s.delete_journal_entry(&second).unwrap();
    journal_index_is_whole(&mut s);
    assert!(s.search("tresoriere", 8).unwrap().groups.is_empty());
}

#[test]
fn the_migration_indexes_what_an_older_database_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite");
    {
        let conn = common::raw(&path);
        let migrations = jalons_core::store::migrations::MIGRATIONS;
        let v8 = migrations.iter().position(|m| m.contains("search_index")).unwrap();
        for m in &migrations[..v8] {
            conn.execute_batch(m).unwrap();
        }
        conn.pragma_update(None, "user_version", v8 as i64).unwrap();
        conn.execute_batch(
            "INSERT INTO structures (id, name, search_name, legal_form, created_at, updated_at)
             VALUES ('0190a0a0-0000-7000-8000-000000000001', 'Théâtre du Sillon', 'theatre du sillon', 'association', 't', 't');",
        )
        .unwrap();
    }
    let s = Store::open(&path, &common::key()).unwrap();
    assert_eq!(titles(&s.search("theatre", 8).unwrap(), SearchKind::Structure), ["Théâtre du Sillon"]);
}

#[test]
fn people_present_are_found_by_name() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    s.create_journal_entry(&JournalInput {
        structure_id: sid,
        case_id: case_id.clone(),
        kind: "meeting".into(),
        occurred_on: "2025-02-03".into(),
        people: vec!["Lucie Roche".into(), "Jean Morel".into(), r#"Paul « \Polo" Martin"#.into()],
        body: "Budget.".into(),
        ..Default::default()
    })
    .unwrap();
    let r = s.search("roche", 8).unwrap();
    let snippet: String = r.groups[0].hits[0].snippet.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(snippet, r#"Budget. Lucie Roche, Jean Morel, Paul « \Polo" Martin"#);
    assert_eq!(journal_snippets(&s, "polo").len(), 1);
}

#[test]
fn a_case_is_found_by_its_structures_name_even_after_a_rename() {
    let mut s = common::store();
    let sid = structure(&mut s, "Les Arts Buissonniers");
    let case_id = common::open_case(&mut s, &sid, "2026-01-12");
    let reference = s.get_case(&case_id).unwrap().reference;
    assert_eq!(titles(&s.search("buissonniers", 8).unwrap(), SearchKind::Case), std::slice::from_ref(&reference));
    assert_eq!(titles(&s.search("arts buiss", 8).unwrap(), SearchKind::Case), std::slice::from_ref(&reference));

    let renamed =
        StructureInput {
            name: "Le Bijou Café-Concert".into(), legal_form: "association".into(), ..Default::default()
        };
    s.update_structure(&sid, &renamed).unwrap();
    assert_eq!(titles(&s.search("cafe concert", 8).unwrap(), SearchKind::Case), [reference]);
    assert!(titles(&s.search("buissonniers", 8).unwrap(), SearchKind::Case).is_empty());
}
