//! Funder lines, the lines that pay for a case and for an ingénierie, and the operator's
//! identity printed on documents.

mod common;

use common::*;
use jalons_core::ErrorCode;
use jalons_core::funders::{CaseFunderInput, FunderInput};
use jalons_core::paging::PageRequest;

fn line(name: &str, programme: &str) -> FunderInput {
    FunderInput {
        name: name.into(),
        programme: programme.into(),
        period_start: "01/01/2026".into(),
        period_end: "31/12/2026".into(),
    }
}

#[test]
fn a_funder_line_is_checked_and_read_as_name_and_programme() {
    let mut s = store();
    let e = s.create_funder(&FunderInput { programme: "DLA".into(), ..Default::default() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("name"));
    let e = s
        .create_funder(&FunderInput {
            period_end: "2025-12-31".into(), ..line("État (DREETS)", "Convention DLA 2026")
        })
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("period_end"));
    assert!(e.message.contains("précède"));
    let e = s.create_funder(&FunderInput { period_start: "32/01/2026".into(), ..line("État", "") }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("period_start"));
    assert!(s.list_funders().unwrap().is_empty(), "nothing half saved");

    let f = s.create_funder(&line("État (DREETS)", "Convention DLA 2026")).unwrap();
    assert_eq!(f.label(), "État (DREETS) — Convention DLA 2026");
    assert_eq!(f.period_start.unwrap().to_string(), "2026-01-01");
    let g = s.update_funder(&f.id, &line("État (DREETS)", "Convention DLA 2026-2028")).unwrap();
    assert_eq!(g.programme.as_deref(), Some("Convention DLA 2026-2028"));
}

#[test]
fn a_case_records_the_lines_that_pay_for_it() {
    let (mut s, case_id) = case();
    let state = s.create_funder(&line("État (DREETS)", "Convention DLA 2026")).unwrap();
    let bank = s.create_funder(&line("Banque des Territoires", "Convention DLA 2026")).unwrap();
    let e = s.set_case_funders(&case_id, &paid_by(&[&bank.id, &state.id, &bank.id])).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("lines.2.funder_id"), "a line twice is named");
    let typed = |id: &str, amount: &str, share: &str| CaseFunderInput {
        funder_id: id.into(),
        amount: amount.into(),
        share: share.into(),
    };
    let e = s.set_case_funders(&case_id, &[typed(&bank.id, "", "40"), typed(&state.id, "", "70")]).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("lines.1.share"));
    assert!(s.case_funders(&case_id).unwrap().is_empty(), "nothing half saved");
    let lines = s.set_case_funders(&case_id, &[typed(&bank.id, "3 200", "40 %"), typed(&state.id, "", "60")]).unwrap();
    assert_eq!(
        lines.iter().map(|l| l.label()).collect::<Vec<_>>(),
        [
            "Banque des Territoires — Convention DLA 2026 (40\u{a0}%, 3\u{a0}200,00\u{a0}€)",
            "État (DREETS) — Convention DLA 2026 (60\u{a0}%)"
        ]
    );
    let history = s.case_history(&case_id, PageRequest::LARGEST).unwrap().rows;
    assert!(history[0].changes.iter().any(|c| c.field == "funders"), "the change is in the case's history");
    assert_eq!(
        s.set_case_funders(&case_id, &[typed(&state.id, "", "60"), typed(&bank.id, "3200", "40")]).unwrap(),
        lines,
        "the same lines in another order are the same"
    );
    assert_eq!(
        s.case_history(&case_id, PageRequest::LARGEST).unwrap().rows.len(),
        history.len(),
        "and change nothing in the history"
    );

    assert_eq!(s.list_funders().unwrap().iter().map(|f| f.cases).sum::<i64>(), 2);
    let e = s.delete_funder(&state.id).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.message.contains("archivez"));

    // An archived line stays where it was but is no longer offered.
    let archived = s.set_funder_archived(&state.id, true).unwrap();
    assert!(archived.archived);
    assert_eq!(s.set_case_funders(&case_id, &paid_by(&[&state.id])).unwrap().len(), 1);
    let sid = structure(&mut s, "Atelier Vivarais");
    let other = open_case(&mut s, &sid, "2025-02-01");
    let e = s.set_case_funders(&other, &paid_by(&[&state.id])).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("lines.0.funder_id"));
    assert!(e.message.contains("archivée"));
    let e = s.set_case_funders(&other, &paid_by(&["pas-un-id"])).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("lines.0.funder_id"));

    let unused = s.create_funder(&line("FSE+", "")).unwrap();
    s.delete_funder(&unused.id).unwrap();
    assert_eq!(s.list_funders().unwrap().len(), 2);
}

#[test]
fn an_ingenierie_names_its_funder_line() {
    let (mut s, case_id) = case();
    move_to(&mut s, &case_id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&case_id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &case_id, "plan", "2025-02-03").unwrap();
    let region = s.create_funder(&line("Région Auvergne-Rhône-Alpes", "ESS culturelle")).unwrap();
    let mut input = engagement(&[&case_id], "individual");
    input.funder_id = region.id.clone();
    let e = create_engagement(&mut s, &input);
    assert_eq!(e.funder.as_deref(), Some("Région Auvergne-Rhône-Alpes — ESS culturelle"));
    assert_eq!(s.list_funders().unwrap()[0].engagements, 1);

    s.set_funder_archived(&region.id, true).unwrap();
    input.title = "Modèle économique, suite".into();
    let kept = s.update_engagement(&e.id, &input).unwrap();
    assert_eq!(kept.funder_id.as_deref(), Some(region.id.as_str()), "an archived line stays on what it paid for");
    let err = s.create_engagement(&input).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("funder_id"));
}

#[test]
fn funder_lines_are_listed_in_french_alphabetical_order() {
    let mut s = common::store();
    for name in ["Région", "État", "département de la Drôme", "Europe (FSE+)", "Commune de Die"] {
        s.create_funder(&line(name, "")).unwrap();
    }
    let names: Vec<String> = s.list_funders().unwrap().into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["Commune de Die", "département de la Drôme", "État", "Europe (FSE+)", "Région"]);
}

#[test]
fn a_finished_case_keeps_its_funder_lines_until_reopened() {
    let (mut s, case_id) = case();
    let state = s.create_funder(&line("État (DREETS)", "Convention DLA 2026")).unwrap();
    s.set_case_funders(&case_id, &paid_by(&[&state.id])).unwrap();
    s.move_case(&jalons_core::workflow::TransitionInput {
        case_id: case_id.clone(),
        to: "abandoned".into(),
        date: s.get_case(&case_id).unwrap().request_date.format("%d/%m/%Y").to_string(),
        reason: "La structure ne donne plus suite.".into(),
        ..Default::default()
    })
    .unwrap();
    assert!(s.case_workflow(&case_id).unwrap().editable.is_empty());
    let e = s.set_case_funders(&case_id, &[]).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(
        e.message,
        "Cet accompagnement est terminé («\u{a0}Abandon\u{a0}»)\u{a0}: rouvrez-le pour modifier ses lignes de financement."
    );
    assert_eq!(s.case_funders(&case_id).unwrap().len(), 1);
}
