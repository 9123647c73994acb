//! The stage machine of domain.md §2, as a pure table: which moves exist and of which
//! kind. What each move needs from the case's records lives in `progress.rs`.

use serde::Serialize;
use ts_rs::TS;

use crate::cases::Stage;

/// The kinds of move, each with its own required inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// On to the next stage, once its guard holds.
    Forward,
    /// Back to an earlier stage: needs a comment.
    Back,
    /// Referred, not eligible or abandoned: needs a reason (and the partner when referred).
    Exit,
    /// A finished case resumes where it stood before it finished: needs a comment.
    Reopen,
}

const FORWARD: &[(Stage, Stage)] = &[
    (Stage::Intake, Stage::Diagnostic),
    (Stage::Diagnostic, Stage::Plan),
    (Stage::Plan, Stage::Engineering),
    // About a quarter of structures get no ingénierie (domain.md §2).
    (Stage::Plan, Stage::FollowUp),
    (Stage::Engineering, Stage::FollowUp),
    (Stage::FollowUp, Stage::Closed),
];

const BACK: &[(Stage, Stage)] = &[
    (Stage::Diagnostic, Stage::Intake),
    (Stage::Plan, Stage::Diagnostic),
    (Stage::Engineering, Stage::Plan),
    (Stage::FollowUp, Stage::Engineering),
    // New needs at follow-up: back to the parcours.
    (Stage::FollowUp, Stage::Plan),
];

/// The kind of the move `from → to`, or None when the machine forbids it. `resume` is the
/// stage a finished case left from, the only one it may be reopened to.
pub fn classify(from: Stage, to: Stage, resume: Option<Stage>) -> Option<MoveKind> {
    if from.is_finished() {
        return (resume == Some(to) && !to.is_finished()).then_some(MoveKind::Reopen);
    }
    if FORWARD.contains(&(from, to)) {
        return Some(MoveKind::Forward);
    }
    if BACK.contains(&(from, to)) {
        return Some(MoveKind::Back);
    }
    match to {
        Stage::Referred | Stage::Abandoned => Some(MoveKind::Exit),
        Stage::NotEligible if from == Stage::Intake => Some(MoveKind::Exit),
        _ => None,
    }
}

/// Every stage a case at `from` may move to, in the order the case page offers them.
pub fn moves_from(from: Stage, resume: Option<Stage>) -> Vec<(Stage, MoveKind)> {
    Stage::ALL.iter().filter_map(|&to| classify(from, to, resume).map(|k| (to, k))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_line_moves_forward() {
        assert_eq!(classify(Stage::Intake, Stage::Diagnostic, None), Some(MoveKind::Forward));
        assert_eq!(classify(Stage::Plan, Stage::FollowUp, None), Some(MoveKind::Forward));
        assert_eq!(classify(Stage::Intake, Stage::Plan, None), None);
        assert_eq!(classify(Stage::Diagnostic, Stage::Closed, None), None);
    }

    #[test]
    fn not_eligible_only_from_intake() {
        assert_eq!(classify(Stage::Intake, Stage::NotEligible, None), Some(MoveKind::Exit));
        assert_eq!(classify(Stage::Diagnostic, Stage::NotEligible, None), None);
        assert_eq!(classify(Stage::Engineering, Stage::Abandoned, None), Some(MoveKind::Exit));
        assert_eq!(classify(Stage::FollowUp, Stage::Referred, None), Some(MoveKind::Exit));
    }

    #[test]
    fn finished_cases_only_reopen_where_they_were() {
        assert_eq!(classify(Stage::Closed, Stage::FollowUp, Some(Stage::FollowUp)), Some(MoveKind::Reopen));
        assert_eq!(classify(Stage::Closed, Stage::Plan, Some(Stage::FollowUp)), None);
        assert_eq!(classify(Stage::Abandoned, Stage::Referred, Some(Stage::Referred)), None);
        assert!(moves_from(Stage::Closed, None).is_empty());
    }

    #[test]
    fn follow_up_may_go_back_to_the_plan() {
        assert_eq!(classify(Stage::FollowUp, Stage::Plan, None), Some(MoveKind::Back));
        assert_eq!(classify(Stage::FollowUp, Stage::Intake, None), None);
    }
}
