mod common;

use common::{case, open_case, structure};
use jalons_core::journal::{JournalFilter, JournalInput, JournalKind};
use jalons_core::paging::PageRequest;

fn meeting(structure_id: &str, case_id: &str, date: &str) -> JournalInput {
    JournalInput {
        structure_id: structure_id.into(),
        case_id: case_id.into(),
        kind: "meeting".into(),
        occurred_on: date.into(),
        duration: "1 h 30".into(),
        people: vec!["Awa Diallo".into(), " Léo Petit ".into(), "awa diallo".into(), "".into()],
        place: "Théâtre du Sillon, Die".into(),
        body: "Point sur le budget 2026 et le poste d'administratrice.".into(),
    }
}

#[test]
fn entries_list_newest_first_on_the_case_and_on_the_structure() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let first = s.create_journal_entry(&meeting(&sid, &case_id, "2025-01-20")).unwrap();
    assert_eq!(first.duration, Some(90));
    assert_eq!(first.people, ["Awa Diallo", "Léo Petit"]);
    assert_eq!(first.case_reference.as_deref(), Some("2025-001"));
    s.create_journal_entry(&JournalInput { kind: "call".into(), ..meeting(&sid, &case_id, "2025-02-03") }).unwrap();
    s.create_journal_entry(&JournalInput {
        case_id: String::new(),
        kind: "note".into(),
        ..meeting(&sid, "", "2025-01-25")
    })
    .unwrap();

    let on_case = s
        .list_journal(&JournalFilter { case_id: Some(case_id.clone()), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    assert_eq!(on_case.iter().map(|e| e.kind).collect::<Vec<_>>(), [JournalKind::Call, JournalKind::Meeting]);
    let on_structure = s
        .list_journal(&JournalFilter { structure_id: Some(sid), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    assert_eq!(
        on_structure.iter().map(|e| e.occurred_on.to_string()).collect::<Vec<_>>(),
        ["2025-02-03", "2025-01-25", "2025-01-20"]
    );
}

#[test]
fn a_long_journal_is_read_a_page_at_a_time_without_a_row_twice() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    // Several entries a day, some on the case: the order must tell them all apart.
    for i in 0..23 {
        let day = format!("2025-03-{:02}", 1 + i % 7);
        let on_case = if i % 3 == 0 { case_id.as_str() } else { "" };
        s.create_journal_entry(&meeting(&sid, on_case, &day)).unwrap();
    }
    for filter in [
        JournalFilter { structure_id: Some(sid.clone()), ..Default::default() },
        JournalFilter { case_id: Some(case_id.clone()), ..Default::default() },
    ] {
        let whole = s.list_journal(&filter, PageRequest::LARGEST).unwrap();
        let mut laid = Vec::new();
        for offset in (0..whole.total).step_by(4) {
            let page = s.list_journal(&filter, PageRequest { offset, limit: 4 }).unwrap();
            assert_eq!((page.offset, page.total), (offset, whole.total));
            laid.extend(page.rows);
        }
        assert_eq!(laid, whole.rows, "pages end to end are the whole journal");
        assert!(whole.rows.windows(2).all(|w| w[0].occurred_on >= w[1].occurred_on), "most recent first");
    }
    assert_eq!(
        s.list_journal(&JournalFilter { structure_id: Some(sid), ..Default::default() }, PageRequest::LARGEST)
            .unwrap()
            .total,
        23
    );
    let refused = s.list_journal(&JournalFilter::default(), PageRequest { offset: 0, limit: 0 }).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("limit"));
}

#[test]
fn edits_and_deletions_are_audited() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let e = s.create_journal_entry(&meeting(&sid, &case_id, "2025-01-20")).unwrap();
    let edited = s
        .update_journal_entry(&e.id, &JournalInput { duration: "2h".into(), ..meeting(&sid, &case_id, "2025-01-20") })
        .unwrap();
    assert_eq!(edited.duration, Some(120));
    s.delete_journal_entry(&e.id).unwrap();
    assert!(s.list_journal(&JournalFilter::default(), PageRequest::LARGEST).unwrap().rows.is_empty());
    let history = s.journal_history(&e.id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history.iter().map(|h| h.action.as_str()).collect::<Vec<_>>(), ["delete", "update", "create"]);
    let duration = history[1].changes.iter().find(|c| c.field == "duration").unwrap();
    assert_eq!((duration.from.clone(), duration.to.clone()), (90.into(), 120.into()));
    assert_eq!(s.get_journal_entry(&e.id).unwrap_err().code, jalons_core::ErrorCode::NotFound);
}

#[test]
fn bad_entries_name_their_field_and_save_nothing() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let other = structure(&mut s, "Voce di Bastia");
    let other_case = open_case(&mut s, &other, "2025-02-01");
    let refusals = [
        (JournalInput { body: "  ".into(), ..meeting(&sid, &case_id, "2025-01-20") }, "body"),
        (JournalInput { duration: "une heure".into(), ..meeting(&sid, &case_id, "2025-01-20") }, "duration"),
        (meeting(&sid, &case_id, "2099-01-01"), "occurred_on"),
        (JournalInput { kind: "visio".into(), ..meeting(&sid, &case_id, "2025-01-20") }, "kind"),
        (meeting(&sid, &other_case, "2025-01-20"), "case_id"),
    ];
    for (input, field) in refusals {
        let e = s.create_journal_entry(&input).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    assert!(s.list_journal(&JournalFilter::default(), PageRequest::LARGEST).unwrap().rows.is_empty());
}
