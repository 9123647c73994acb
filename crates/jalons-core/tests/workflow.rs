mod common;

use common::*;
use jalons_core::ErrorCode;
use jalons_core::cases::{Attention, CaseFilter, Stage};
use jalons_core::engagements::{EngagementInput, EngagementStatus};
use jalons_core::follow_up::DueState;
use jalons_core::paging::PageRequest;
use jalons_core::plan::{ActionInput, ActionStatus, PlanInput};
use jalons_core::structures::{ContactInput, StructureInput};
use jalons_core::values::Money;
use jalons_core::workflow::{MoveKind, TransitionInput};

fn field(e: &jalons_core::Error) -> Option<&str> {
    e.field.as_deref()
}

#[test]
fn a_case_runs_from_intake_to_closed_and_the_timeline_tells_it() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    let action = s.save_plan(&id, &plan("2025-02-24")).unwrap().axes[0].actions[0].id.clone();
    let k = consultant(&mut s, "Claire Fontaine");
    let e = create_engagement(&mut s, &EngagementInput { plan_action_id: action, ..engagement(&[&id], "individual") });
    move_to(&mut s, &id, "engineering", "2025-03-03").unwrap();
    s.update_engagement(&e.id, &finished(engagement(&[&id], "individual"), &k)).unwrap();
    move_to(&mut s, &id, "follow_up", "2025-05-26").unwrap();
    s.save_follow_up(&id, &follow_up()).unwrap();
    // The ingénierie carried the one action out: nothing is left open, nothing to confirm.
    let w = move_to(&mut s, &id, "closed", "2026-02-02").unwrap();

    assert_eq!(w.stage, Stage::Closed);
    let steps: Vec<(Option<Stage>, Stage, String)> =
        w.timeline.iter().map(|t| (t.from, t.to, t.date.to_string())).collect();
    assert_eq!(
        steps,
        vec![
            (None, Stage::Intake, "2025-01-06".into()),
            (Some(Stage::Intake), Stage::Diagnostic, "2025-01-13".into()),
            (Some(Stage::Diagnostic), Stage::Plan, "2025-02-03".into()),
            (Some(Stage::Plan), Stage::Engineering, "2025-03-03".into()),
            (Some(Stage::Engineering), Stage::FollowUp, "2025-05-26".into()),
            (Some(Stage::FollowUp), Stage::Closed, "2026-02-02".into()),
        ]
    );
    assert!(w.timeline.iter().all(|t| t.author == "Camille Martin"));
    assert_eq!(s.get_case(&id).unwrap().stage, Stage::Closed);
    assert!(
        s.case_history(&id, PageRequest::LARGEST)
            .unwrap()
            .rows
            .iter()
            .any(|h| h.changes.iter().any(|c| c.field == "stage"))
    );
}

#[test]
fn the_diagnostic_guard_lists_what_is_missing() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    let w = s.case_workflow(&id).unwrap();
    let to_plan = w.moves.iter().find(|m| m.to == Stage::Plan).unwrap();
    assert_eq!(to_plan.kind, MoveKind::Forward);
    assert_eq!(to_plan.missing.len(), 4);
    assert!(to_plan.missing[1].contains("0 sur 11"), "{:?}", to_plan.missing);

    let mut d = full_diagnostic("");
    s.save_diagnostic(&id, &d).unwrap();
    let e = move_to(&mut s, &id, "plan", "2025-02-03").unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(
        e.message,
        "Le diagnostic doit être validé par les instances de la structure avant d'élaborer le parcours\u{a0}: indiquez la date de validation."
    );
    d.scores[3].score = String::new();
    d.validated_on = "2025-02-03".into();
    s.save_diagnostic(&id, &d).unwrap();
    let e = move_to(&mut s, &id, "plan", "2025-02-03").unwrap_err();
    assert!(e.message.contains("10 sur 11"), "{}", e.message);
    assert_eq!(s.get_case(&id).unwrap().stage, Stage::Diagnostic);
    assert_eq!(s.case_workflow(&id).unwrap().timeline.len(), 2);
}

#[test]
fn the_plan_guards_the_way_to_engineering_and_follow_up() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    let e = move_to(&mut s, &id, "follow_up", "2025-02-10").unwrap_err();
    assert!(e.message.contains("Ajoutez au moins une action"), "{}", e.message);
    assert!(e.message.contains("validé par la structure"), "{}", e.message);

    s.save_plan(&id, &plan("2025-02-24")).unwrap();
    let e = move_to(&mut s, &id, "engineering", "2025-02-24").unwrap_err();
    assert_eq!(e.message, "Créez l'ingénierie à mettre en œuvre avant de passer à la mise en œuvre.");
    // The plan holds an ingénierie: the way goes through its implementation.
    let e = move_to(&mut s, &id, "follow_up", "2025-02-24").unwrap_err();
    assert!(e.message.contains("passez d'abord par «\u{a0}Mise en œuvre\u{a0}»"), "{}", e.message);
    let follow_up = s.case_workflow(&id).unwrap().moves.into_iter().find(|m| m.to == Stage::FollowUp).unwrap();
    assert_eq!(follow_up.missing.len(), 1, "not offered as ready");
    // A parcours without an ingénierie goes straight to the follow-up.
    s.save_plan(&id, &without_engineering(plan("2025-02-24"))).unwrap();
    assert_eq!(move_to(&mut s, &id, "follow_up", "2025-02-24").unwrap().stage, Stage::FollowUp);
}

/// The same parcours, its ingénierie replaced by the DLA's own support.
fn without_engineering(mut p: jalons_core::plan::PlanInput) -> jalons_core::plan::PlanInput {
    for a in p.axes.iter_mut().flat_map(|x| x.actions.iter_mut()) {
        a.kind = "own_support".into();
    }
    p
}

#[test]
fn engineering_ends_when_every_ingenierie_is_finished_or_cancelled() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    s.save_plan(&id, &plan("2025-02-24")).unwrap();
    let e1 = create_engagement(&mut s, &engagement(&[&id], "individual"));
    let mut other = engagement(&[&id], "individual");
    other.title = "Gouvernance".into();
    let e2 = create_engagement(&mut s, &other);
    move_to(&mut s, &id, "engineering", "2025-03-03").unwrap();
    let e = move_to(&mut s, &id, "follow_up", "2025-06-02").unwrap_err();
    assert!(e.message.contains("«\u{a0}Modèle économique\u{a0}» n'est pas terminée"), "{}", e.message);
    assert!(e.message.contains("«\u{a0}Gouvernance\u{a0}» n'est pas terminée"), "{}", e.message);

    let k = consultant(&mut s, "Claire Fontaine");
    s.update_engagement(&e1.id, &finished(engagement(&[&id], "individual"), &k)).unwrap();
    let mut cancel = other.clone();
    cancel.cancelled_on = "2025-04-01".into();
    assert_eq!(field(&s.update_engagement(&e2.id, &cancel).unwrap_err()), Some("cancel_reason"));
    cancel.cancel_reason = "La structure a suspendu son activité.".into();
    assert_eq!(s.update_engagement(&e2.id, &cancel).unwrap().status, EngagementStatus::Cancelled);
    assert_eq!(move_to(&mut s, &id, "follow_up", "2025-06-02").unwrap().stage, Stage::FollowUp);
    let e = move_to(&mut s, &id, "closed", "2025-06-02").unwrap_err();
    assert!(e.message.starts_with("Enregistrez le suivi"), "{}", e.message);
}

#[test]
fn the_machine_refuses_moves_it_does_not_know() {
    let (mut s, id) = case();
    let e = move_to(&mut s, &id, "plan", "2025-01-13").unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(
        e.message,
        "Un accompagnement à l'étape «\u{a0}Accueil\u{a0}» ne peut pas passer à «\u{a0}Parcours d'accompagnement\u{a0}»."
    );
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    let e = move_with(
        &mut s,
        TransitionInput {
            case_id: id.clone(),
            to: "not_eligible".into(),
            date: "2025-01-14".into(),
            reason: "x".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(e.message.contains("ne peut pas passer à «\u{a0}Non éligible\u{a0}»"));
    assert_eq!(field(&move_to(&mut s, &id, "lost", "2025-01-14").unwrap_err()), Some("to"));
}

#[test]
fn exits_need_a_reason_and_referral_its_partner() {
    let (mut s, id) = case();
    let base = TransitionInput { case_id: id.clone(), date: "2025-01-10".into(), ..Default::default() };
    let e = move_with(&mut s, TransitionInput { to: "not_eligible".into(), ..base.clone() }).unwrap_err();
    assert_eq!(
        (field(&e), e.message.as_str()),
        (Some("reason"), "Indiquez le motif\u{a0}: «\u{a0}Non éligible\u{a0}».")
    );
    let e = move_with(
        &mut s,
        TransitionInput { to: "referred".into(), reason: "Besoin de financement".into(), ..base.clone() },
    )
    .unwrap_err();
    assert_eq!(field(&e), Some("partner"));
    let w = move_with(
        &mut s,
        TransitionInput {
            to: "referred".into(),
            reason: "Besoin de financement".into(),
            partner: "France Active Auvergne-Rhône-Alpes".into(),
            ..base.clone()
        },
    )
    .unwrap();
    let last = w.timeline.last().unwrap();
    assert_eq!((last.to, last.partner.as_deref()), (Stage::Referred, Some("France Active Auvergne-Rhône-Alpes")));
    assert_eq!(last.reason.as_deref(), Some("Besoin de financement"));
    assert!(s.list_cases(&CaseFilter::default(), PageRequest::LARGEST).unwrap().rows.is_empty());
}

#[test]
fn going_back_and_reopening_need_a_comment() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    let e = move_to(&mut s, &id, "intake", "2025-01-14").unwrap_err();
    assert_eq!(field(&e), Some("comment"));
    let back = TransitionInput {
        case_id: id.clone(),
        to: "intake".into(),
        date: "2025-01-14".into(),
        comment: "Demande à préciser avec le bureau.".into(),
        ..Default::default()
    };
    let w = move_with(&mut s, back).unwrap();
    assert_eq!(w.stage, Stage::Intake);
    assert_eq!(w.timeline.last().unwrap().comment.as_deref(), Some("Demande à préciser avec le bureau."));

    move_with(
        &mut s,
        TransitionInput {
            case_id: id.clone(),
            to: "abandoned".into(),
            date: "2025-01-20".into(),
            reason: "Plus de réponse".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let w = s.case_workflow(&id).unwrap();
    assert_eq!(w.moves.len(), 1);
    assert_eq!((w.moves[0].to, w.moves[0].kind), (Stage::Intake, MoveKind::Reopen));
    assert_eq!(field(&move_to(&mut s, &id, "intake", "2025-02-01").unwrap_err()), Some("comment"));
    assert_eq!(move_to(&mut s, &id, "diagnostic", "2025-02-01").unwrap_err().code, ErrorCode::Conflict);
    let w = move_with(
        &mut s,
        TransitionInput {
            case_id: id.clone(),
            to: "intake".into(),
            date: "2025-02-01".into(),
            comment: "La présidente a rappelé.".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.stage, Stage::Intake);
}

#[test]
fn a_move_date_is_neither_future_nor_before_the_last_step() {
    let (mut s, id) = case();
    let e = move_to(&mut s, &id, "diagnostic", "2025-01-05").unwrap_err();
    assert_eq!(field(&e), Some("date"));
    assert!(e.message.contains("06/01/2025"), "{}", e.message);
    let e = move_to(&mut s, &id, "diagnostic", "2099-01-01").unwrap_err();
    assert!(e.message.contains("futur"));
    assert_eq!(field(&move_to(&mut s, &id, "diagnostic", "13/01/25x").unwrap_err()), Some("date"));
    assert_eq!(move_to(&mut s, &id, "diagnostic", "13/01/2025").unwrap().stage, Stage::Diagnostic);
}

#[test]
fn diagnostic_dates_and_scores_are_checked() {
    let (mut s, id) = case();
    let e = s.save_diagnostic(&id, &full_diagnostic("")).unwrap_err();
    assert_eq!(
        e.message,
        "Passez l'accompagnement à l'étape «\u{a0}Diagnostic partagé\u{a0}» avant de renseigner le diagnostic."
    );
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();

    let mut d = full_diagnostic("2025-01-15");
    let e = s.save_diagnostic(&id, &d).unwrap_err();
    assert_eq!(field(&e), Some("validated_on"));
    assert!(e.message.contains("dernier entretien (20/01/2025)"), "{}", e.message);
    d.validated_on = String::new();
    d.interviews[0].date = "2024-12-01".into();
    assert_eq!(field(&s.save_diagnostic(&id, &d).unwrap_err()), Some("interviews.0.date"));
    d.interviews[0].date = "2025-01-20".into();
    d.scores[2].score = "4".into();
    let e = s.save_diagnostic(&id, &d).unwrap_err();
    assert_eq!(field(&e), Some("scores.2.score"));
    assert_eq!(
        e.message,
        "La note du domaine «\u{a0}Gouvernance et bénévolat\u{a0}» va de 0 à 3 (saisi\u{a0}: «\u{a0}4\u{a0}»)."
    );
    d.scores[2].score = "2".into();
    d.etp = "5".into();
    assert_eq!(field(&s.save_diagnostic(&id, &d).unwrap_err()), Some("etp"));
    d.etp = "2,5".into();
    d.interviews.clear();
    d.validated_on = "2025-02-03".into();
    assert_eq!(field(&s.save_diagnostic(&id, &d).unwrap_err()), Some("validated_on"));
    // Nothing of the refused saves was kept.
    assert!(s.get_diagnostic(&id).unwrap().updated_at.is_none());

    let saved = s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    assert_eq!(saved.scores.len(), 11);
    let history = s.case_history(&id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!((history[0].entity.as_str(), history[0].action.as_str()), ("diagnostic", "create"));
    assert_eq!(saved.author.as_deref(), Some("Camille Martin"));
    assert_eq!(saved.etp.map(|e| e.0), Some(250));
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    let e = s.save_diagnostic(&id, &full_diagnostic("")).unwrap_err();
    assert_eq!(field(&e), Some("validated_on"));
}

#[test]
fn a_returning_structure_shows_its_earlier_scores() {
    let (mut s, first) = case();
    move_to(&mut s, &first, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&first, &full_diagnostic("2025-02-03")).unwrap();
    let sid = s.get_case(&first).unwrap().structure_id;
    let second = open_case(&mut s, &sid, "2026-03-02");
    move_to(&mut s, &second, "diagnostic", "2026-03-09").unwrap();
    let d = s.get_diagnostic(&second).unwrap();
    let previous = d.previous.expect("earlier scores");
    assert_eq!(previous.reference, s.get_case(&first).unwrap().reference);
    assert_eq!(previous.scores[1].score, Some(1));
    assert!(s.get_diagnostic(&first).unwrap().previous.is_none());
}

#[test]
fn plan_rules() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    assert!(s.save_plan(&id, &plan("")).unwrap_err().message.contains("Parcours d'accompagnement"));
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    let e = s.save_plan(&id, &plan("2025-02-01")).unwrap_err();
    assert_eq!(e.message, "La validation du parcours ne peut pas précéder celle du diagnostic (03/02/2025).");
    let mut p = plan("");
    p.axes[0].actions[0].kind = "referral".into();
    assert_eq!(field(&s.save_plan(&id, &p).unwrap_err()), Some("axes.0.actions.0.partner"));
    p.axes[0].actions[0].partner = "France Active".into();
    p.axes[0].actions[0].theme = String::new();
    assert_eq!(field(&s.save_plan(&id, &p).unwrap_err()), Some("axes.0.actions.0.theme"));
    p.axes[0].actions[0].theme = "solidarity_finance".into();
    p.committee_date = "2025-02-20".into();
    p.committee_opinion = "Avis favorable.".into();
    let saved = s.save_plan(&id, &p).unwrap();
    assert_eq!(saved.axes[0].actions[0].partner.as_deref(), Some("France Active"));
    assert_eq!(saved.committee_opinion.as_deref(), Some("Avis favorable."));
}

#[test]
fn ingenierie_dates_come_in_order_and_costs_are_derived() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    let k = consultant(&mut s, "Claire Fontaine");
    let other = consultant(&mut s, "Jean Morel");

    let mut e = finished(engagement(&[&id], "individual"), &k);
    e.kickoff_date = "2025-03-20".into();
    let err = s.create_engagement(&e).unwrap_err();
    assert_eq!(field(&err), Some("kickoff_date"));
    assert!(err.message.contains("précéder la date de la décision"), "{}", err.message);

    let mut e = finished(engagement(&[&id], "individual"), &k);
    e.decision_date = String::new();
    let err = s.create_engagement(&e).unwrap_err();
    assert_eq!(
        (field(&err), err.message.as_str()),
        (Some("kickoff_date"), "Indiquez d'abord la date de la décision (choix du consultant).")
    );

    let mut e = finished(engagement(&[&id], "individual"), &k);
    e.consultant_id = other.clone();
    assert_eq!(field(&s.create_engagement(&e).unwrap_err()), Some("consultant_id"));
    e.consultant_id = String::new();
    assert_eq!(field(&s.create_engagement(&e).unwrap_err()), Some("consultant_id"));

    let mut e = finished(engagement(&[&id], "individual"), &k);
    e.days = "3,5".into();
    e.day_rate = "640,50".into();
    let saved = s.create_engagement(&e).unwrap();
    assert_eq!(saved.status, EngagementStatus::Finished);
    assert_eq!(saved.cost_ht, Some(Money(224_175)));
    assert_eq!(saved.cost_ttc, Some(Money(269_010)));
    e.vat_rate = "exempt".into();
    let saved = s.update_engagement(&saved.id, &e).unwrap();
    assert_eq!((saved.vat_rate, saved.cost_ttc), (None, Some(Money(224_175))));
    e.vat_rate = String::new();
    assert_eq!(field(&s.update_engagement(&saved.id, &e).unwrap_err()), Some("vat_rate"));
    e.vat_rate = "2000".into();
    e.cancelled_on = "2025-06-01".into();
    e.cancel_reason = "x".into();
    assert_eq!(field(&s.update_engagement(&saved.id, &e).unwrap_err()), Some("cancelled_on"));
    assert_eq!(s.get_engagement(&saved.id).unwrap().vat_rate, None);
}

#[test]
fn a_collective_ingenierie_links_cases_of_several_structures() {
    let (mut s, a) = case();
    let other = structure(&mut s, "Festival des Hautes Terres");
    let b = open_case(&mut s, &other, "2025-01-08");
    for id in [&a, &b] {
        move_to(&mut s, id, "diagnostic", "2025-01-13").unwrap();
        s.save_diagnostic(id, &full_diagnostic("2025-02-03")).unwrap();
        move_to(&mut s, id, "plan", "2025-02-03").unwrap();
    }
    let e = s.create_engagement(&engagement(&[&a], "collective")).unwrap_err();
    assert_eq!(field(&e), Some("case_ids"));
    assert!(e.message.contains("au moins deux structures"));
    assert_eq!(field(&s.create_engagement(&engagement(&[&a, &b], "individual")).unwrap_err()), Some("case_ids"));
    let sid = s.get_case(&a).unwrap().structure_id;
    let intake = open_case(&mut s, &sid, "2025-02-01");
    let e = s.create_engagement(&engagement(&[&b, &intake], "collective")).unwrap_err();
    assert!(e.message.contains("à l'étape «\u{a0}Accueil\u{a0}»"), "{}", e.message);

    let col = s.create_engagement(&engagement(&[&a, &b], "collective")).unwrap();
    assert_eq!(col.cases.len(), 2);
    assert_eq!(col.status, EngagementStatus::TermsWritten);
    for id in [&a, &b] {
        let listed = s
            .list_engagements(
                &jalons_core::engagements::EngagementFilter { case_id: Some(id.to_string()), ..Default::default() },
                PageRequest::LARGEST,
            )
            .unwrap()
            .rows;
        assert_eq!(listed.len(), 1);
    }
}

#[test]
fn follow_up_is_due_twelve_months_after_the_diagnostic() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    s.save_plan(&id, &without_engineering(plan("2025-02-24"))).unwrap();
    assert!(s.save_follow_up(&id, &follow_up()).is_err());
    move_to(&mut s, &id, "follow_up", "2025-02-24").unwrap();
    let f = s.get_follow_up(&id).unwrap();
    let due = f.due.unwrap();
    assert_eq!((due.from.to_string(), due.until.to_string()), ("2026-02-03".into(), "2026-08-03".into()));
    assert_eq!(f.diagnostic_headcount, Some(3));

    let mut input = follow_up();
    input.done_on = "2025-01-31".into();
    assert_eq!(field(&s.save_follow_up(&id, &input).unwrap_err()), Some("done_on"));
    input = follow_up();
    input.strategy = String::new();
    let e = s.save_follow_up(&id, &input).unwrap_err();
    assert_eq!((field(&e), e.message.as_str()), (Some("strategy"), "Indiquez l'évolution\u{a0}: vision stratégique."));
    input = follow_up();
    input.appropriation = "5".into();
    assert_eq!(field(&s.save_follow_up(&id, &input).unwrap_err()), Some("appropriation"));
    let f = s.save_follow_up(&id, &follow_up()).unwrap();
    assert_eq!(f.due.unwrap().state, DueState::Done);
    assert_eq!(f.record.unwrap().etp.map(|e| e.0), Some(300));
}

#[test]
fn the_list_says_what_needs_attention() {
    let mut s = store();
    let sid = structure(&mut s, "Compagnie du Sillon");
    let waiting = open_case(&mut s, &sid, "2025-01-06");
    move_to(&mut s, &waiting, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&waiting, &full_diagnostic("")).unwrap();
    let started = open_case(&mut s, &sid, "2025-01-07");
    move_to(&mut s, &started, "diagnostic", "2025-01-13").unwrap();
    let mut partial = full_diagnostic("");
    partial.scores.truncate(5);
    s.save_diagnostic(&started, &partial).unwrap();

    let other = structure(&mut s, "Festival des Hautes Terres");
    let late = open_case(&mut s, &other, "2024-01-08");
    move_to(&mut s, &late, "diagnostic", "2024-01-15").unwrap();
    let mut d = full_diagnostic("2024-02-05");
    d.interviews[0].date = "2024-01-20".into();
    s.save_diagnostic(&late, &d).unwrap();
    move_to(&mut s, &late, "plan", "2024-02-05").unwrap();
    s.save_plan(&late, &plan("2024-02-26")).unwrap();
    let k = consultant(&mut s, "Claire Fontaine");
    let mut e = finished(engagement(&[&late], "individual"), &k);
    e.final_report_date = String::new();
    s.create_engagement(&e).unwrap();

    let rows =
        s.list_cases(&CaseFilter { attention_only: true, ..Default::default() }, PageRequest::LARGEST).unwrap().rows;
    let of = |id: &str| rows.iter().find(|r| r.id == id).unwrap().attention.clone();
    assert_eq!(of(&waiting), vec![Attention::DiagnosticToValidate]);
    assert!(rows.iter().all(|r| r.id != started), "a diagnostic still being written needs no validation yet");
    assert_eq!(of(&late), vec![Attention::ReportMissing, Attention::FollowUpLate]);
    let by_stage = s
        .list_cases(&CaseFilter { stage: Some(Stage::Plan), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    assert_eq!(by_stage.len(), 1);
    assert_eq!(by_stage[0].stage_since.to_string(), "2024-02-05");
    let counts = s.stage_counts().unwrap();
    assert_eq!(counts.iter().find(|c| c.stage == Stage::Diagnostic).unwrap().count, 2);
    assert_eq!(counts.len(), Stage::ALL.len());
}

#[test]
fn a_finished_case_is_read_only_until_reopened() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    move_with(
        &mut s,
        TransitionInput {
            case_id: id.clone(),
            to: "abandoned".into(),
            date: "2025-01-20".into(),
            reason: "Dissolution".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = s.save_diagnostic(&id, &full_diagnostic("")).unwrap_err();
    assert_eq!(
        e.message,
        "Cet accompagnement est terminé («\u{a0}Abandon\u{a0}»)\u{a0}: rouvrez-le pour modifier le diagnostic."
    );
}

/// The case at « Parcours » with its plan (one ingénierie action) and the plan's input
/// as the form would send it back, ids included.
fn planned() -> (jalons_core::Store, String, PlanInput) {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&id, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &id, "plan", "2025-02-03").unwrap();
    let mut input = plan("2025-02-24");
    input.axes[0].actions.push(ActionInput {
        kind: "internal".into(),
        description: "Réunir le conseil d'administration sur le budget".into(),
        theme: "governance".into(),
        status: "in_progress".into(),
        ..Default::default()
    });
    let saved = s.save_plan(&id, &input).unwrap();
    for (a, read) in input.axes[0].actions.iter_mut().zip(&saved.axes[0].actions) {
        a.id = read.id.clone();
    }
    (s, id, input)
}

#[test]
fn an_ingenierie_created_from_its_action_carries_it_out_and_closing_asks_about_the_rest() {
    let (mut s, id, mut input) = planned();
    let action = input.axes[0].actions[0].id.clone();
    let internal = input.axes[0].actions[1].id.clone();

    let refused = EngagementInput { plan_action_id: internal.clone(), ..engagement(&[&id], "individual") };
    let e = s.create_engagement(&refused).unwrap_err();
    assert_eq!(field(&e), Some("plan_action_id"));
    assert!(
        s.list_engagements(&Default::default(), PageRequest::LARGEST).unwrap().rows.is_empty(),
        "nothing half saved"
    );

    let k = consultant(&mut s, "Claire Fontaine");
    let e = create_engagement(
        &mut s,
        &EngagementInput { plan_action_id: action.clone(), ..engagement(&[&id], "individual") },
    );
    let read = |s: &jalons_core::Store| s.get_plan(&id).unwrap().axes[0].actions[0].clone();
    assert_eq!(read(&s).engagement_id.as_deref(), Some(e.id.as_str()));
    assert_eq!(read(&s).engagement_title.as_deref(), Some("Modèle économique"));
    assert_eq!(read(&s).status, ActionStatus::InProgress, "terms written: the action is under way");
    let twice = EngagementInput { plan_action_id: action.clone(), ..engagement(&[&id], "individual") };
    assert!(s.create_engagement(&twice).unwrap_err().message.contains("déjà réalisée"));

    // The plan saved again as the form sends it keeps the link; the status typed is not
    // the one kept, the ingénierie's is.
    input.axes[0].actions[0].engagement_id = e.id.clone();
    input.axes[0].actions[0].status = "planned".into();
    input.axes[0].actions[0].description = "Ingénierie sur le modèle économique et les tarifs".into();
    let p = s.save_plan(&id, &input).unwrap();
    assert_eq!(p.axes[0].actions[0].id, action, "an action keeps its id from one save to the next");
    assert_eq!(p.axes[0].actions[0].status, ActionStatus::InProgress);

    move_to(&mut s, &id, "engineering", "2025-03-03").unwrap();
    s.update_engagement(&e.id, &finished(engagement(&[&id], "individual"), &k)).unwrap();
    assert_eq!(read(&s).status, ActionStatus::Done, "the final report received: the action is done");
    move_to(&mut s, &id, "follow_up", "2025-05-26").unwrap();
    s.save_follow_up(&id, &follow_up()).unwrap();

    // The internal action is still under way: closing says so and asks.
    let w = s.case_workflow(&id).unwrap();
    let closing = w.moves.iter().find(|m| m.to == Stage::Closed).unwrap();
    assert!(closing.missing.is_empty());
    assert_eq!(
        closing.left_open,
        ["«\u{a0}Réunir le conseil d'administration sur le budget\u{a0}» (Action interne de la structure, en cours)"]
    );
    let e = move_to(&mut s, &id, "closed", "2026-02-02").unwrap_err();
    assert_eq!(field(&e), Some("leave_open"));
    assert!(e.message.starts_with("Une action du parcours reste ouverte\u{a0}: «\u{a0}Réunir"), "{}", e.message);
    assert_eq!(s.get_case(&id).unwrap().stage, Stage::FollowUp, "a refused move changes nothing");
    let w = move_with(
        &mut s,
        TransitionInput {
            case_id: id.clone(),
            to: "closed".into(),
            date: "2026-02-02".into(),
            leave_open: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.stage, Stage::Closed);
}

#[test]
fn a_cancelled_ingenierie_drops_its_action_and_the_links_hold_their_rules() {
    let (mut s, id, mut input) = planned();
    let e = create_engagement(
        &mut s,
        &EngagementInput { plan_action_id: input.axes[0].actions[0].id.clone(), ..engagement(&[&id], "individual") },
    );
    let mut cancelled = engagement(&[&id], "individual");
    cancelled.cancelled_on = "2025-03-10".into();
    cancelled.cancel_reason = "La structure a trouvé un autre appui.".into();
    s.update_engagement(&e.id, &cancelled).unwrap();
    assert_eq!(s.get_plan(&id).unwrap().axes[0].actions[0].status, ActionStatus::Dropped);

    let before = s.get_plan(&id).unwrap();
    // An internal action is not carried out by an ingénierie.
    input.axes[0].actions[1].engagement_id = e.id.clone();
    let err = s.save_plan(&id, &input).unwrap_err();
    assert_eq!(field(&err), Some("axes.0.actions.1.engagement_id"));
    // One ingénierie, one action of the parcours.
    input.axes[0].actions[1].kind = "engineering".into();
    input.axes[0].actions[0].engagement_id = e.id.clone();
    let err = s.save_plan(&id, &input).unwrap_err();
    assert_eq!(field(&err), Some("axes.0.actions.1.engagement_id"));
    assert!(err.message.contains("déjà une autre action"), "{}", err.message);
    // An ingénierie of another case, and an action id the plan never had.
    let sid = structure(&mut s, "Atelier Vivarais");
    let other = open_case(&mut s, &sid, "2025-01-06");
    move_to(&mut s, &other, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&other, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &other, "plan", "2025-02-03").unwrap();
    let foreign = create_engagement(&mut s, &engagement(&[&other], "individual"));
    input.axes[0].actions[1].engagement_id = foreign.id.clone();
    assert_eq!(field(&s.save_plan(&id, &input).unwrap_err()), Some("axes.0.actions.1.engagement_id"));
    input.axes[0].actions[1].engagement_id = String::new();
    input.axes[0].actions[1].id = foreign.id.clone();
    assert_eq!(field(&s.save_plan(&id, &input).unwrap_err()), Some("axes.0.actions.1.id"));
    assert_eq!(s.get_plan(&id).unwrap(), before, "nothing half saved");

    // An ingénierie that stops serving the case lets go of its action.
    let moved = EngagementInput { case_ids: vec![other.clone()], ..engagement(&[&other], "individual") };
    s.update_engagement(&e.id, &moved).unwrap();
    assert_eq!(s.get_plan(&id).unwrap().axes[0].actions[0].engagement_id, None);
}

#[test]
fn an_interview_meets_the_structure_s_contacts_and_keeps_them_when_they_leave() {
    let (mut s, id) = case();
    let c = s.get_case(&id).unwrap();
    let contact = |name: &str, role: &str| ContactInput {
        name: name.into(),
        role: role.into(),
        lawful_basis: "legitimate_interest".into(),
        ..Default::default()
    };
    let mut input = StructureInput {
        name: "Compagnie du Sillon".into(),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        contacts: vec![contact("Awa Diallo", "president"), contact("Léo Petit", "treasurer")],
        ..Default::default()
    };
    let structure = s.update_structure(&c.structure_id, &input).unwrap();
    let (awa, leo) = (structure.contacts[0].id.clone(), structure.contacts[1].id.clone());
    let elsewhere = s
        .create_structure(&StructureInput {
            name: "Atelier Vivarais".into(),
            contacts: vec![contact("Inès Roux", "director")],
            ..input.clone()
        })
        .unwrap()
        .contacts[0]
        .id
        .clone();

    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    let mut d = full_diagnostic("");
    d.interviews[0].people = String::new();
    let e = s.save_diagnostic(&id, &d).unwrap_err();
    assert_eq!(field(&e), Some("interviews.0.people"), "someone was met");
    d.interviews[0].contact_ids = vec![awa.clone(), leo.clone()];
    d.interviews[0].notes = "Budget 2025 présenté\u{202f}; trésorerie tendue jusqu'en mars.".into();
    d.interviews[0].contact_ids.push(elsewhere);
    assert_eq!(field(&s.save_diagnostic(&id, &d).unwrap_err()), Some("interviews.0.contact_ids"));
    d.interviews[0].contact_ids.pop();
    let saved = s.save_diagnostic(&id, &d).unwrap();
    let met: Vec<&str> = saved.interviews[0].contacts.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(met, ["Awa Diallo", "Léo Petit"]);
    assert_eq!(
        saved.interviews[0].notes.as_deref(),
        Some("Budget 2025 présenté\u{202f}; trésorerie tendue jusqu'en mars.")
    );

    // Léo leaves the structure's contacts: the interview still says he was met.
    input.contacts = vec![ContactInput { id: awa.clone(), ..input.contacts[0].clone() }];
    s.update_structure(&c.structure_id, &input).unwrap();
    let it = &s.get_diagnostic(&id).unwrap().interviews[0];
    assert_eq!(it.contacts.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(), [awa.as_str()]);
    assert_eq!(it.people, "Léo Petit (Trésorier·ère)");
}

#[test]
fn a_text_pasted_too_long_is_refused_on_its_field_and_nothing_is_saved() {
    let (mut s, id) = case();
    move_to(&mut s, &id, "diagnostic", "2025-01-13").unwrap();
    let mut d = full_diagnostic("");
    d.problem_statement = "Trésorerie tendue. ".repeat(1_100);
    let e = s.save_diagnostic(&id, &d).unwrap_err();
    assert_eq!(field(&e), Some("problem_statement"));
    assert!(e.message.starts_with("La problématique\u{a0}: 20\u{202f}000\u{a0}caractères au plus"), "{}", e.message);
    assert_eq!(s.get_diagnostic(&id).unwrap().updated_at, None, "nothing half saved");
    d.problem_statement = "Trésorerie tendue.".into();
    d.interviews[0].place = "D".repeat(201);
    assert_eq!(field(&s.save_diagnostic(&id, &d).unwrap_err()), Some("interviews.0.place"));
}
