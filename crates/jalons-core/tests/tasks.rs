mod common;

use chrono::NaiveDate;
use common::{case, full_diagnostic, move_to, open_case, structure};
use jalons_core::employer::ObligationInput;
use jalons_core::search::TargetKind;
use jalons_core::tasks::{AgendaShown, AgendaSource, TaskFilter, TaskInput};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn task(structure_id: &str, case_id: &str, title: &str, due: &str) -> TaskInput {
    TaskInput { structure_id: structure_id.into(), case_id: case_id.into(), title: title.into(), due_on: due.into() }
}

#[test]
fn tasks_are_listed_ticked_and_refused_with_their_field() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let t = s.create_task(&task(&sid, &case_id, "Relancer la présidente", "2025-02-10")).unwrap();
    s.create_task(&task(&sid, "", "Envoyer la fiche repère", "2025-02-03")).unwrap();
    let open = s.list_tasks(&TaskFilter { structure_id: Some(sid.clone()), ..Default::default() }).unwrap();
    assert_eq!(
        open.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        ["Envoyer la fiche repère", "Relancer la présidente"]
    );
    let done = s.set_task_done(&t.id, true).unwrap();
    assert!(done.done_on.is_some());
    let on_case = s.list_tasks(&TaskFilter { case_id: Some(case_id.clone()), ..Default::default() }).unwrap();
    assert!(on_case.is_empty());
    let all =
        s.list_tasks(&TaskFilter { case_id: Some(case_id.clone()), include_done: true, ..Default::default() }).unwrap();
    assert_eq!(all.len(), 1);

    let other = structure(&mut s, "Voce di Bastia");
    let other_case = open_case(&mut s, &other, "2025-03-01");
    for (input, field) in [
        (task(&sid, &case_id, "  ", "2025-02-10"), "title"),
        (task(&sid, &case_id, "X", "10/02"), "due_on"),
        (task(&sid, &case_id, "X", "2525-02-10"), "due_on"),
        (task(&sid, &other_case, "X", "2025-02-10"), "case_id"),
    ] {
        assert_eq!(s.create_task(&input).unwrap_err().field.as_deref(), Some(field));
    }
    s.delete_task(&t.id).unwrap();
    assert_eq!(s.list_tasks(&TaskFilter { include_done: true, ..Default::default() }).unwrap().len(), 1);
}

#[test]
fn the_agenda_sorts_what_is_late_due_today_and_soon() {
    let (mut s, case_id) = case();
    let sid = s.get_case(&case_id).unwrap().structure_id;
    let today = "2026-03-02";
    s.create_task(&task(&sid, &case_id, "En retard", "2026-02-27")).unwrap();
    s.create_task(&task(&sid, &case_id, "Aujourd'hui", today)).unwrap();
    s.create_task(&task(&sid, "", "Bientôt", "2026-03-10")).unwrap();
    s.create_task(&task(&sid, "", "Plus tard", "2026-03-30")).unwrap();
    let done = s.create_task(&task(&sid, "", "Faite", "2026-02-20")).unwrap();
    s.set_task_done(&done.id, true).unwrap();
    s.save_obligations(
        &sid,
        &[ObligationInput {
            kind: "duerp".into(),
            status: "up_to_date".into(),
            last_done: "2025-03-12".into(),
            ..Default::default()
        }],
    )
    .unwrap();
    move_to(&mut s, &case_id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&case_id, &full_diagnostic("2025-02-03")).unwrap();

    let agenda = s.agenda(d(today)).unwrap();
    let titles = |items: &[jalons_core::tasks::AgendaItem]| items.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&agenda.late), ["En retard"]);
    assert_eq!(agenda.now.len(), 2);
    assert_eq!(agenda.now[0].source, AgendaSource::Task);
    let follow_up = &agenda.now[1];
    assert_eq!(follow_up.source, AgendaSource::FollowUp);
    assert_eq!(follow_up.title, "Suivi à 12–18 mois, à faire du 03/02/2026 au 03/08/2026");
    assert_eq!((follow_up.target, follow_up.target_id.as_str()), (TargetKind::Case, case_id.as_str()));
    assert_eq!(
        titles(&agenda.soon),
        ["Bientôt", "Obligation employeur\u{a0}: DUERP (document unique d'évaluation des risques)"]
    );
    assert_eq!(agenda.soon[1].due_on, d("2026-03-12"));

    let later = s.agenda(d("2026-09-01")).unwrap();
    assert!(later.late.iter().any(|i| i.source == AgendaSource::FollowUp));

    assert_eq!(follow_up.context, "Compagnie du Sillon · 2025-001", "its structure and reference");
    assert_eq!(agenda.soon[1].context, "Compagnie du Sillon", "the obligation's structure");

    let shown = s.agenda_page(d(today), AgendaShown { late: 0, now: 2, soon: 5 }).unwrap();
    assert_eq!((shown.late.rows.len(), shown.late.total), (0, 1), "the count alone");
    assert_eq!(shown.now.rows, agenda.now, "the follow-up's context read for the page too");
    let first = s.agenda_page(d(today), AgendaShown { late: 0, now: 1, soon: 5 }).unwrap();
    assert_eq!((titles(&first.now.rows), first.now.total), (vec!["Aujourd'hui".to_owned()], 2), "the first only");
    assert_eq!(shown.soon.rows, agenda.soon, "all of a section shorter than asked");
    assert_eq!(shown.soon.total, 2);
}
