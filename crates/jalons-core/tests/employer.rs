mod common;

use common::{case, move_to};
use jalons_core::cases::{Attention, CaseFilter};
use jalons_core::employer::{ObligationInput, ObligationKind, ObligationStatus};
use jalons_core::paging::PageRequest;

fn item(kind: &str, last_done: &str) -> ObligationInput {
    ObligationInput {
        kind: kind.into(),
        status: "up_to_date".into(),
        last_done: last_done.into(),
        ..Default::default()
    }
}

#[test]
fn due_dates_come_from_the_last_time_and_the_period() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let saved = s
        .save_obligations(
            &sid,
            &[
                item("duerp", "2024-10-01"),
                item("professional_interviews", "2025-03-15"),
                ObligationInput { period_months: "6".into(), ..item("health_insurance", "2026-09-30") },
                ObligationInput { next_due: "2027-01-31".into(), ..item("show_licence", "") },
                item("dpae", "2026-01-05"),
                ObligationInput {
                    kind: "custom".into(),
                    label: "Affichages obligatoires".into(),
                    ..Default::default()
                },
            ],
        )
        .unwrap();
    let due: Vec<Option<String>> = saved.obligations.iter().map(|o| o.next_due.map(|d| d.to_string())).collect();
    assert_eq!(
        due,
        [
            Some("2025-10-01".into()),
            Some("2027-03-15".into()),
            Some("2027-03-30".into()),
            Some("2027-01-31".into()),
            None,
            None
        ]
    );
    assert_eq!(saved.obligations[1].period_months, Some(24));
    assert!(saved.obligations[0].late);
    assert_eq!(saved.late, 1);
    assert_eq!(saved.obligations[5].label.as_deref(), Some("Affichages obligatoires"));
    assert_eq!(saved.obligations[5].status, ObligationStatus::ToDo);

    let rows = s.list_cases(&CaseFilter::default(), PageRequest::LARGEST).unwrap().rows;
    assert_eq!(rows[0].attention, vec![Attention::EmployerLate]);
    let history = s.structure_history(&sid, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history[0].entity, "employer");
    let duerp = history[0].changes.iter().find(|c| c.field.starts_with("DUERP")).unwrap();
    assert_eq!(duerp.to, "À jour, fait le 01/10/2024, échéance le 01/10/2025");

    let mut not_concerned = item("duerp", "2024-10-01");
    not_concerned.status = "not_applicable".into();
    let saved = s.save_obligations(&sid, &[not_concerned]).unwrap();
    assert_eq!((saved.late, saved.obligations[0].kind), (0, ObligationKind::Duerp));
    move_to(&mut s, &case_id, "diagnostic", "2025-01-13").unwrap();
    assert!(s.list_cases(&CaseFilter::default(), PageRequest::LARGEST).unwrap().rows[0].attention.is_empty());
}

#[test]
fn bad_rows_are_refused_on_their_field_and_nothing_changes() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    s.save_obligations(&sid, &[item("duerp", "2025-10-01")]).unwrap();
    for (rows, field) in [
        (
            vec![ObligationInput { next_due: "2025-09-01".into(), ..item("duerp", "2025-10-01") }],
            "obligations.0.next_due",
        ),
        (vec![item("duerp", "2099-01-01")], "obligations.0.last_done"),
        (vec![ObligationInput { period_months: "0".into(), ..item("duerp", "") }], "obligations.0.period_months"),
        (
            vec![item("gepp", ""), ObligationInput { kind: "custom".into(), ..Default::default() }],
            "obligations.1.label",
        ),
        (vec![item("duerp", ""), item("duerp", "")], "obligations.1.kind"),
        (vec![item("payroll", "")], "obligations.0.kind"),
    ] {
        let e = s.save_obligations(&sid, &rows).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    let kept = s.get_employer_function(&sid).unwrap();
    assert_eq!(kept.obligations.len(), 1);
    assert_eq!(kept.obligations[0].next_due.map(|d| d.to_string()).as_deref(), Some("2026-10-01"));
}

#[test]
fn the_agreements_of_culture_have_their_names() {
    assert_eq!(jalons_core::reference::idcc_name("1285"), Some("Entreprises artistiques et culturelles (CCNEAC)"));
    let r = jalons_core::reference::reference_data();
    assert!(r.idcc.iter().any(|c| c.label == "1518 – Éducation, culture, loisirs et animation (ÉCLAT)"));
    assert!(r.idcc_source.contains("2026"));
}

#[test]
fn the_structure_list_counts_and_filters_late_obligations() {
    let (mut s, case_id) = case();
    let late = s.get_case(&case_id).unwrap().structure_id;
    let on_time = common::structure(&mut s, "Théâtre de la Courte Échelle");
    s.save_obligations(&late, &[item("duerp", "2024-10-01"), item("professional_interviews", "2023-01-10")]).unwrap();
    s.save_obligations(
        &on_time,
        &[
            ObligationInput { status: "not_applicable".into(), ..item("duerp", "2020-01-01") },
            item("dpae", "2026-01-05"),
        ],
    )
    .unwrap();

    let all = s.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows;
    let count = |id: &str| all.iter().find(|x| x.id == id).unwrap().employer_late;
    assert_eq!((count(&late), count(&on_time)), (2, 0));
    let only_late = s
        .list_structures(
            &jalons_core::structures::StructureFilter { employer_late: true, ..Default::default() },
            PageRequest::LARGEST,
        )
        .unwrap()
        .rows;
    assert_eq!(only_late.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), [late.as_str()]);
}
