use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{FinanceStatus, FinanceTool};
use crate::values::Money;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FinanceApplication {
    pub id: String,
    pub case_id: String,
    pub case_reference: String,
    pub tool: FinanceTool,
    pub body: Option<String>,
    pub amount_requested: Money,
    pub amount_obtained: Option<Money>,
    pub submitted_on: Option<NaiveDate>,
    pub decision_date: Option<NaiveDate>,
    pub status: FinanceStatus,
    pub note: Option<String>,
}

/// The applications of a case or of a structure, with what they add up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FinanceSummary {
    pub applications: Vec<FinanceApplication>,
    /// Requested by the applications not withdrawn.
    pub requested: Money,
    pub obtained: Money,
}
