use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{FollowUpDue, Trend};
use crate::values::Etp;

/// What was recorded at follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FollowUpRecord {
    pub done_on: NaiveDate,
    pub headcount: Option<i64>,
    pub etp: Option<Etp>,
    pub appropriation: i64,
    pub new_needs: Option<String>,
    pub jobs: Trend,
    pub economic: Trend,
    pub strategy: Trend,
    pub partnerships: Trend,
    pub outcome: Option<String>,
    pub updated_at: String,
}

/// The follow-up section of a case: the record if any, when it is due, and the size at
/// diagnostic to compare with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FollowUp {
    pub case_id: String,
    pub record: Option<FollowUpRecord>,
    /// None until the diagnostic is validated.
    pub due: Option<FollowUpDue>,
    pub diagnostic_headcount: Option<i64>,
    pub diagnostic_etp: Option<Etp>,
}
