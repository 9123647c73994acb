//! Property tests of the stage machine: whatever the sequence of commands, a case only
//! reaches states the machine allows, and each accepted move leaves exactly one timeline
//! entry.

mod common;

use common::*;
use jalons_core::cases::Stage;
use jalons_core::workflow::TransitionInput;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Command {
    Move { to: usize, comment: bool, reason: bool, partner: bool },
    SaveDiagnostic { validated: bool },
    SavePlan { validated: bool },
    AddEngagement,
    FinishEngagements,
    SaveFollowUp,
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        4 => (0..Stage::ALL.len(), any::<bool>(), any::<bool>(), any::<bool>())
            .prop_map(|(to, comment, reason, partner)| Command::Move { to, comment, reason, partner }),
        1 => any::<bool>().prop_map(|validated| Command::SaveDiagnostic { validated }),
        1 => any::<bool>().prop_map(|validated| Command::SavePlan { validated }),
        1 => Just(Command::AddEngagement),
        1 => Just(Command::FinishEngagements),
        1 => Just(Command::SaveFollowUp),
    ]
}

/// The moves of domain.md §2, written out again independently of the core's table.
fn allowed(from: Stage, to: Stage, resume: Option<Stage>) -> bool {
    use Stage::*;
    let open = !matches!(from, Closed | Referred | NotEligible | Abandoned);
    if !open {
        return Some(to) == resume;
    }
    matches!(
        (from, to),
        (Intake, Diagnostic)
            | (Diagnostic, Plan)
            | (Plan, Engineering)
            | (Plan, FollowUp)
            | (Engineering, FollowUp)
            | (FollowUp, Closed)
            | (Diagnostic, Intake)
            | (Plan, Diagnostic)
            | (Engineering, Plan)
            | (FollowUp, Engineering)
            | (FollowUp, Plan)
            | (Intake, NotEligible)
            | (_, Referred)
            | (_, Abandoned)
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_commands_reaches_a_forbidden_state(commands in prop::collection::vec(command(), 1..40)) {
        let (mut s, id) = case();
        let k = consultant(&mut s, "Claire Fontaine");
        let mut engagements: Vec<String> = Vec::new();
        for c in commands {
            let before = s.case_workflow(&id).unwrap();
            match c {
                Command::Move { to, comment, reason, partner } => {
                    let to = Stage::ALL[to];
                    let resume = if before.stage.is_finished() { before.timeline.last().and_then(|t| t.from) } else { None };
                    let input = TransitionInput {
                        case_id: id.clone(),
                        to: to.code().into(),
                        date: "2026-03-02".into(),
                        comment: if comment { "Pourquoi".into() } else { String::new() },
                        reason: if reason { "Motif".into() } else { String::new() },
                        partner: if partner { "France Active".into() } else { String::new() },
                        partner_id: String::new(),
                        leave_open: reason,
                    };
                    match s.move_case(&input) {
                        Ok(after) => {
                            prop_assert!(allowed(before.stage, to, resume), "{:?} → {:?} accepted", before.stage, to);
                            prop_assert_eq!(after.stage, to);
                            prop_assert_eq!(after.timeline.len(), before.timeline.len() + 1);
                            let last = after.timeline.last().unwrap();
                            prop_assert_eq!((last.from, last.to), (Some(before.stage), to));
                        }
                        Err(_) => {
                            let after = s.case_workflow(&id).unwrap();
                            prop_assert_eq!(after.stage, before.stage);
                            prop_assert_eq!(after.timeline.len(), before.timeline.len());
                        }
                    }
                }
                Command::SaveDiagnostic { validated } => {
                    let _ = s.save_diagnostic(&id, &full_diagnostic(if validated { "2025-02-03" } else { "" }));
                }
                Command::SavePlan { validated } => {
                    let _ = s.save_plan(&id, &plan(if validated { "2025-02-24" } else { "" }));
                }
                Command::AddEngagement => {
                    if let Ok(e) = s.create_engagement(&engagement(&[&id], "individual")) {
                        engagements.push(e.id);
                    }
                }
                Command::FinishEngagements => {
                    for e in &engagements {
                        let _ = s.update_engagement(e, &finished(engagement(&[&id], "individual"), &k));
                    }
                }
                Command::SaveFollowUp => {
                    let _ = s.save_follow_up(&id, &follow_up());
                }
            }
            let now = s.case_workflow(&id).unwrap();
            let diagnostic = s.get_diagnostic(&id).unwrap();
            let plan = s.get_plan(&id).unwrap();
            if matches!(now.stage, Stage::Plan | Stage::Engineering | Stage::FollowUp | Stage::Closed) {
                prop_assert!(diagnostic.validated_on.is_some(), "{:?} without a validated diagnostic", now.stage);
            }
            if matches!(now.stage, Stage::Engineering | Stage::FollowUp | Stage::Closed) {
                prop_assert!(plan.validated_on.is_some(), "{:?} without a validated plan", now.stage);
            }
            if now.stage == Stage::Closed {
                prop_assert!(s.get_follow_up(&id).unwrap().record.is_some());
            }
            if now.stage == Stage::NotEligible {
                prop_assert_eq!(now.timeline.last().unwrap().from, Some(Stage::Intake));
            }
            prop_assert_eq!(now.timeline.last().unwrap().to, now.stage);
        }
    }
}
