mod common;

use common::{store, structure};
use jalons_core::paging::PageRequest;
use jalons_core::training::{Opco, TrainingActionInput, TrainingStatus};
use jalons_core::values::{Hours, Money};

fn action(structure_id: &str, title: &str, start: &str) -> TrainingActionInput {
    TrainingActionInput {
        structure_id: structure_id.into(),
        title: title.into(),
        people: "2".into(),
        hours: "14".into(),
        cost: "1 200".into(),
        funding_requested: "1 200".into(),
        funding_obtained: "900".into(),
        start_on: start.into(),
        status: "funded".into(),
        ..Default::default()
    }
}

#[test]
fn totals_per_year_leave_out_cancelled_actions() {
    let mut s = store();
    let id = structure(&mut s, "Compagnie du Sillon");
    s.create_training_action(&action(&id, "Paie des intermittents", "2025-03-10")).unwrap();
    s.create_training_action(&TrainingActionInput { hours: "3,5".into(), ..action(&id, "DUERP", "2025-06-02") })
        .unwrap();
    s.create_training_action(&action(&id, "Billetterie en ligne", "2026-01-12")).unwrap();
    s.create_training_action(&TrainingActionInput {
        status: "cancelled".into(),
        ..action(&id, "Anglais", "2026-02-02")
    })
    .unwrap();
    let plan = s
        .create_training_action(&TrainingActionInput { start_on: String::new(), ..action(&id, "Sans date", "") })
        .unwrap();

    assert_eq!(plan.actions.len(), 5);
    assert_eq!(plan.years.iter().map(|y| y.year).collect::<Vec<_>>(), [Some(2026), Some(2025), None]);
    let y2025 = &plan.years[1];
    assert_eq!((y2025.actions, y2025.people, y2025.hours), (2, 4, Hours(1750)));
    assert_eq!(
        (y2025.cost, y2025.funding_requested, y2025.funding_obtained),
        (Money(240_000), Money(240_000), Money(180_000))
    );
    assert_eq!(plan.years[0].actions, 1, "the cancelled action is not counted");
}

#[test]
fn the_opco_is_kept_and_audited_on_the_structure() {
    let mut s = store();
    let id = structure(&mut s, "Compagnie du Sillon");
    assert_eq!(s.get_training(&id).unwrap().opco, None);
    assert_eq!(s.set_opco(&id, "afdas").unwrap().opco, Some(Opco::Afdas));
    assert_eq!(s.get_training(&id).unwrap().opco, Some(Opco::Afdas));
    let history = s.structure_history(&id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history[0].entity, "training");
    assert_eq!(history[0].changes[0].to, "AFDAS (culture, médias, sport, loisirs)");
    let e = s.set_opco(&id, "opca").unwrap_err();
    assert_eq!(e.field.as_deref(), Some("opco"));
    assert_eq!(s.set_opco(&id, "").unwrap().opco, None);
}

#[test]
fn bad_training_input_names_its_field_and_changes_nothing() {
    let mut s = store();
    let id = structure(&mut s, "Compagnie du Sillon");
    let cases = [
        (TrainingActionInput { title: " ".into(), ..action(&id, "", "2025-03-10") }, "title"),
        (TrainingActionInput { cost: "-5".into(), ..action(&id, "X", "2025-03-10") }, "cost"),
        (TrainingActionInput { hours: "beaucoup".into(), ..action(&id, "X", "2025-03-10") }, "hours"),
        (TrainingActionInput { people: "1,5".into(), ..action(&id, "X", "2025-03-10") }, "people"),
        (
            TrainingActionInput { funding_obtained: "1 500".into(), ..action(&id, "X", "2025-03-10") },
            "funding_obtained",
        ),
        (TrainingActionInput { end_on: "2025-03-01".into(), ..action(&id, "X", "2025-03-10") }, "end_on"),
        (TrainingActionInput { status: "done".into(), ..action(&id, "X", "") }, "start_on"),
    ];
    for (input, field) in cases {
        let e = s.create_training_action(&input).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    assert!(s.get_training(&id).unwrap().actions.is_empty());
    let confirmed = TrainingActionInput {
        funding_obtained: "1 500".into(),
        over_confirmed: true,
        ..action(&id, "X", "2025-03-10")
    };
    assert_eq!(s.create_training_action(&confirmed).unwrap().actions.len(), 1);
}

#[test]
fn an_action_is_updated_and_deleted() {
    let mut s = store();
    let id = structure(&mut s, "Compagnie du Sillon");
    let plan = s.create_training_action(&action(&id, "Paie des intermittents", "2025-03-10")).unwrap();
    let a = &plan.actions[0];
    let plan = s
        .update_training_action(
            &a.id,
            &TrainingActionInput { status: "done".into(), ..action(&id, "Paie", "2025-03-10") },
        )
        .unwrap();
    assert_eq!(plan.actions[0].status, TrainingStatus::Done);
    let plan = s.delete_training_action(&plan.actions[0].id).unwrap();
    assert!(plan.actions.is_empty());
    let history = s.structure_history(&id, PageRequest::LARGEST).unwrap().rows;
    let lines: Vec<(String, String, String)> = history[..3]
        .iter()
        .map(|h| (h.changes[0].field.clone(), h.changes[0].from.to_string(), h.changes[0].to.to_string()))
        .collect();
    assert_eq!(
        lines[0],
        (
            "Formation «\u{a0}Paie\u{a0}»".into(),
            "\"Réalisée, 2 personnes, 14 h, coût 1\u{a0}200,00\u{a0}€, demandé 1\u{a0}200,00\u{a0}€, obtenu 900,00\u{a0}€, début 10/03/2025\""
                .into(),
            "null".into()
        )
    );
    assert_eq!(lines[2].0, "Formation «\u{a0}Paie des intermittents\u{a0}»");
    assert_eq!(lines[2].1, "null");
}
