use jalons_core::cases::{CaseFilter, CaseInput, Stage};
use jalons_core::paging::PageRequest;
use jalons_core::structures::StructureInput;
use jalons_core::{ErrorCode, Store};

fn setup() -> (Store, String) {
    let mut s = Store::open_in_memory().unwrap();
    s.set_user_name("Camille Martin").unwrap();
    let id = s
        .create_structure(&StructureInput {
            name: "Compagnie du Sillon".into(),
            legal_form: "association".into(),
            commune_code: "26113".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    (s, id)
}

fn request(structure_id: &str, date: &str) -> CaseInput {
    CaseInput {
        structure_id: structure_id.into(),
        request_date: date.into(),
        channel: "phone".into(),
        requester: "Awa Diallo (présidente)".into(),
        referral_source: "network".into(),
        request_text: "Consolider le poste d'administratrice.".into(),
    }
}

#[test]
fn a_case_opens_at_intake_with_a_yearly_reference() {
    let (mut s, sid) = setup();
    let a = s.open_case(&request(&sid, "2026-03-02")).unwrap();
    let b = s.open_case(&request(&sid, "2026-04-10")).unwrap();
    let c = s.open_case(&request(&sid, "2025-12-01")).unwrap();
    assert_eq!(a.stage, Stage::Intake);
    assert_eq!(a.officer, "Camille Martin");
    assert_eq!(a.structure_name, "Compagnie du Sillon");
    assert_eq!(
        (a.reference.as_str(), b.reference.as_str(), c.reference.as_str()),
        ("2026-001", "2026-002", "2025-001")
    );
    assert_eq!(s.case_history(&a.id, PageRequest::LARGEST).unwrap().rows[0].action, "create");
}

#[test]
fn the_request_is_validated_field_by_field() {
    let (mut s, sid) = setup();
    let cases = [
        (CaseInput { request_text: "  ".into(), ..request(&sid, "2026-03-02") }, "request_text"),
        (CaseInput { channel: "pigeon".into(), ..request(&sid, "2026-03-02") }, "channel"),
        (request(&sid, "2999-01-01"), "request_date"),
        (request(&sid, "31/02/2026"), "request_date"),
        (request("", "2026-03-02"), "structure_id"),
        (request("0190a5a0-0000-7000-8000-000000000000", "2026-03-02"), "structure_id"),
    ];
    for (input, field) in cases {
        let e = s.open_case(&input).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{e:?}");
    }
    assert!(s.list_cases(&CaseFilter::default(), PageRequest::LARGEST).unwrap().rows.is_empty());
}

#[test]
fn archived_structures_cannot_open_cases() {
    let (mut s, sid) = setup();
    s.set_structure_archived(&sid, true).unwrap();
    let e = s.open_case(&request(&sid, "2026-03-02")).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
}

#[test]
fn cases_are_listed_newest_first_and_counted_on_the_structure() {
    let (mut s, sid) = setup();
    s.open_case(&request(&sid, "2026-01-02")).unwrap();
    s.open_case(&request(&sid, "2026-05-02")).unwrap();
    let list = s
        .list_cases(&CaseFilter { structure_id: Some(sid.clone()), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    assert_eq!(list.iter().map(|c| c.reference.as_str()).collect::<Vec<_>>(), vec!["2026-002", "2026-001"]);
    assert_eq!(list[0].commune_name.as_deref(), Some("Die"));
    let summary = &s.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows[0];
    assert_eq!(summary.open_cases, 2);
    assert_eq!(
        s.list_cases(&CaseFilter { query: "sillon".into(), ..Default::default() }, PageRequest::LARGEST)
            .unwrap()
            .rows
            .len(),
        2
    );
    let found = |typed: &str| -> Vec<String> {
        let filter = CaseFilter { query: typed.into(), ..Default::default() };
        s.list_cases(&filter, PageRequest::LARGEST).unwrap().rows.into_iter().map(|c| c.reference).collect()
    };
    assert_eq!(found("2026-001"), ["2026-001"], "a reference by its beginning");
    assert_eq!(found("compagnie 2026-002"), ["2026-002"], "every word, the structure's or the reference's");
    assert_eq!(found("die sillon"), ["2026-002", "2026-001"], "the commune is in the structure's search name");
    assert_eq!(found("001"), Vec::<String>::new(), "a reference only by its beginning");
    assert_eq!(found("2026%"), Vec::<String>::new(), "% as typed, not as any text");
    assert_eq!(found("2026_00"), Vec::<String>::new(), "_ as typed, not as any letter");
    assert_eq!(found("2026-00"), ["2026-002", "2026-001"], "every reference that begins so");
    assert_eq!(
        s.list_cases(&CaseFilter { stage: Some(Stage::Diagnostic), ..Default::default() }, PageRequest::LARGEST)
            .unwrap()
            .rows
            .len(),
        0
    );
}
