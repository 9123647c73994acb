//! What needs attention on an open case, and the orders the cases list offers.

use chrono::NaiveDate;

use super::{Attention, CaseSort, CaseSummary, Stage};
use crate::follow_up::{DueState, follow_up_due};

pub(super) struct AttentionFacts {
    pub stage: Stage,
    pub diagnostic_validated: Option<NaiveDate>,
    /// Interviews held, every domain scored and the problem stated: only the validation
    /// lacks. Read at the diagnostic stage only, the one where it matters.
    pub diagnostic_complete: bool,
    /// Read once the diagnostic is validated, the one case where it matters.
    pub follow_up_done: bool,
    /// Ingénieries restituted whose final report has not come.
    pub reports_missing: i64,
    /// The structure has an employer obligation past its due date.
    pub employer_late: bool,
}

impl AttentionFacts {
    pub fn attention(&self, today: NaiveDate) -> Vec<Attention> {
        let mut out = Vec::new();
        if self.stage.is_finished() {
            return out;
        }
        if self.stage == Stage::Diagnostic && self.diagnostic_complete && self.diagnostic_validated.is_none() {
            out.push(Attention::DiagnosticToValidate);
        }
        if self.reports_missing > 0 {
            out.push(Attention::ReportMissing);
        }
        if let Some(v) = self.diagnostic_validated {
            match follow_up_due(v, self.follow_up_done, today).state {
                DueState::Due => out.push(Attention::FollowUpDue),
                DueState::Late => out.push(Attention::FollowUpLate),
                DueState::Upcoming | DueState::Done => {}
            }
        }
        if self.employer_late {
            out.push(Attention::EmployerLate);
        }
        out
    }
}

/// Sorts in place; ties keep the most recent request first.
pub(super) fn sort(rows: &mut [CaseSummary], by: CaseSort, descending: bool) {
    rows.sort_by(|a, b| {
        let primary = match by {
            CaseSort::Reference => a.reference.cmp(&b.reference),
            CaseSort::Structure => crate::values::fold(&a.structure_name).cmp(&crate::values::fold(&b.structure_name)),
            CaseSort::Stage => a.stage.rank().unwrap_or(9).cmp(&b.stage.rank().unwrap_or(9)),
            CaseSort::RequestDate => a.request_date.cmp(&b.request_date),
            CaseSort::StageSince => a.stage_since.cmp(&b.stage_since),
            CaseSort::Attention => a.attention.len().cmp(&b.attention.len()),
        };
        let primary = if descending { primary.reverse() } else { primary };
        primary.then_with(|| b.request_date.cmp(&a.request_date)).then_with(|| b.reference.cmp(&a.reference))
    });
}
