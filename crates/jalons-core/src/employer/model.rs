use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{ObligationKind, ObligationStatus};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Obligation {
    pub id: String,
    pub kind: ObligationKind,
    /// The name of a custom obligation; None for the listed ones.
    pub label: Option<String>,
    pub status: ObligationStatus,
    pub last_done: Option<NaiveDate>,
    pub period_months: Option<i64>,
    /// The due date the user typed, if any; otherwise `next_due` is computed.
    pub due_override: Option<NaiveDate>,
    pub next_due: Option<NaiveDate>,
    pub note: Option<String>,
    /// Its due date has passed and it concerns the structure.
    pub late: bool,
}

/// A structure's employer function: the agreements it applies and its checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EmployerFunction {
    pub structure_id: String,
    pub obligations: Vec<Obligation>,
    pub late: i64,
}
