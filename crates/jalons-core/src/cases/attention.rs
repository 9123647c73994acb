//! What needs attention on an open case, written once as four SQL terms: the list reads
//! them as columns for its rows, and adds or joins them for its counts, its filter and its
//! order, so that no count needs every case read in Rust.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::{Attention, Stage};
use crate::diagnostic::DiagnosticDomain;
use crate::follow_up::{DueState, due_if_validated_by, follow_up_due};

/// The terms over `cases c LEFT JOIN diagnostics d`, each 1 when the case needs that, in the
/// order of `Attention`'s badges, and the values of their `?` placeholders, in order: a
/// statement writes the terms before its filter's own placeholders.
pub(super) struct AttentionSql {
    terms: [String; 4],
    pub params: Vec<Value>,
}

impl AttentionSql {
    pub fn new(today: NaiveDate) -> Self {
        let domains = i64::try_from(DiagnosticDomain::ALL.len()).unwrap_or(i64::MAX);
        Self {
            terms: [
                // Every domain scored, the problem stated and interviews held: only the
                // validation lacks.
                "(c.stage = 'diagnostic' AND d.validated_on IS NULL AND d.scored_domains = ?
                  AND coalesce(d.problem_statement, '') <> ''
                  AND EXISTS (SELECT 1 FROM diagnostic_interviews i WHERE i.case_id = c.id))"
                    .to_owned(),
                // An ingénierie restituted whose final report has not come.
                "EXISTS (SELECT 1 FROM engagements e JOIN engagement_cases ec ON ec.engagement_id = e.id
                         WHERE ec.case_id = c.id AND e.restitution_date IS NOT NULL AND e.final_report_date IS NULL
                           AND e.cancelled_on IS NULL)"
                    .to_owned(),
                // The follow-up's window opened (or closed) and none was recorded.
                "(d.validated_on IS NOT NULL AND d.validated_on <= ?
                  AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id))"
                    .to_owned(),
                format!(
                    "EXISTS (SELECT 1 FROM employer_obligations o WHERE o.structure_id = c.structure_id AND {})",
                    crate::employer::LATE_SQL
                ),
            ],
            params: vec![
                Value::Integer(domains),
                Value::Text(due_if_validated_by(today).to_string()),
                Value::Text(today.to_string()),
            ],
        }
    }

    /// The four terms as columns, for `attention`.
    pub fn columns(&self) -> String {
        self.terms.join(", ")
    }

    /// True when an open case needs anything; stops at the first term that holds.
    pub fn any(&self) -> String {
        format!("(c.stage IN ({}) AND ({}))", Stage::open_sql_list(), self.terms.join(" OR "))
    }

    /// How many things a case needs, as `attention(..).len()`.
    pub fn count(&self) -> String {
        format!("(CASE WHEN c.stage IN ({}) THEN {} ELSE 0 END)", Stage::open_sql_list(), self.terms.join(" + "))
    }
}

/// The badges of a case from the four terms read as columns: none on a finished case, and a
/// follow-up due or late as its window says.
pub(super) fn attention(
    stage: Stage,
    terms: [bool; 4],
    diagnostic_validated: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Attention> {
    if stage.is_finished() {
        return Vec::new();
    }
    let [to_validate, report_missing, follow_up, employer_late] = terms;
    let follow_up = diagnostic_validated.filter(|_| follow_up).map(|v| match follow_up_due(v, false, today).state {
        DueState::Late => Attention::FollowUpLate,
        DueState::Due | DueState::Upcoming | DueState::Done => Attention::FollowUpDue,
    });
    [
        to_validate.then_some(Attention::DiagnosticToValidate),
        report_missing.then_some(Attention::ReportMissing),
        follow_up,
        employer_late.then_some(Attention::EmployerLate),
    ]
    .into_iter()
    .flatten()
    .collect()
}
