use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::Stage;
use crate::{Error, Result};

/// The parts of a case that are written after its opening. One rule says, for each, from
/// which stage it is written and that a finished case is a record, reopened before any
/// change: the core's writes check it and the UI draws its edit controls from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CasePart {
    Funders,
    Diagnostic,
    Plan,
    Engagements,
    FollowUp,
    Finance,
}

impl CasePart {
    pub const ALL: &'static [CasePart] = &[
        CasePart::Funders,
        CasePart::Diagnostic,
        CasePart::Plan,
        CasePart::Engagements,
        CasePart::FollowUp,
        CasePart::Finance,
    ];

    /// The stage from which the part is written.
    fn from(self) -> Stage {
        match self {
            CasePart::Funders | CasePart::Finance => Stage::Intake,
            CasePart::Diagnostic => Stage::Diagnostic,
            CasePart::Plan | CasePart::Engagements => Stage::Plan,
            CasePart::FollowUp => Stage::FollowUp,
        }
    }

    /// The part as a sentence names it: « rouvrez-le pour modifier le diagnostic ».
    fn named(self) -> &'static str {
        match self {
            CasePart::Funders => "ses lignes de financement",
            CasePart::Diagnostic => "le diagnostic",
            CasePart::Plan => "le parcours",
            CasePart::Engagements => "ses ingénieries",
            CasePart::FollowUp => "le suivi",
            CasePart::Finance => "ses financements",
        }
    }

    /// Why the part cannot be written at `stage`; none when it can.
    fn refusal(self, stage: Stage) -> Option<Error> {
        if stage.is_finished() {
            return Some(Error::conflict(
                None,
                format!(
                    "Cet accompagnement est terminé («\u{a0}{}\u{a0}»)\u{a0}: rouvrez-le pour modifier {}.",
                    stage.label(),
                    self.named()
                ),
            ));
        }
        (stage.rank() < self.from().rank()).then(|| {
            Error::conflict(
                None,
                format!(
                    "Passez l'accompagnement à l'étape «\u{a0}{}\u{a0}» avant de renseigner {}.",
                    self.from().label(),
                    self.named()
                ),
            )
        })
    }

    /// The parts open at `stage`.
    pub fn open_at(stage: Stage) -> Vec<CasePart> {
        CasePart::ALL.iter().copied().filter(|p| p.refusal(stage).is_none()).collect()
    }
}

/// What a part of the case may rely on once it is known to be editable.
pub(crate) struct OpenCase {
    pub stage: Stage,
    pub request_date: NaiveDate,
}

/// Refuses, in French, a change to `part` that the case's stage does not open.
pub(crate) fn editable_case(conn: &Connection, case_id: &str, part: CasePart) -> Result<OpenCase> {
    let (stage, request_date): (Stage, NaiveDate) = conn
        .query_row("SELECT stage, request_date FROM cases WHERE id = ?1", [case_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::not_found("Cet accompagnement n'existe pas ou plus."))?;
    match part.refusal(stage) {
        Some(e) => Err(e),
        None => Ok(OpenCase { stage, request_date }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stage_opens_its_parts_and_a_finished_case_none() {
        use CasePart::*;
        assert_eq!(CasePart::open_at(Stage::Intake), [Funders, Finance]);
        assert_eq!(CasePart::open_at(Stage::Diagnostic), [Funders, Diagnostic, Finance]);
        assert_eq!(CasePart::open_at(Stage::Engineering), [Funders, Diagnostic, Plan, Engagements, Finance]);
        assert_eq!(CasePart::open_at(Stage::FollowUp), CasePart::ALL);
        for &stage in Stage::FINISHED {
            assert!(CasePart::open_at(stage).is_empty(), "{stage:?}");
        }
    }
}
