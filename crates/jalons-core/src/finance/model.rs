use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FinanceStatus, FinanceTool};
use crate::values::Money;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FinanceApplication {
    pub id: String,
    pub case_id: String,
    pub case_reference: String,
    pub structure_id: String,
    pub structure_name: String,
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

/// The overview's filters. An application belongs to the year of its decision, or else
/// of its deposit, or else of the case's request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct FinanceFilter {
    pub year: Option<i32>,
    pub tool: Option<FinanceTool>,
    pub status: Option<FinanceStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ToolTotal {
    pub tool: FinanceTool,
    pub applications: i64,
    pub requested: Money,
    pub obtained: Money,
}

/// All the applications a filter keeps, their totals, and the totals per tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FinanceOverview {
    pub summary: FinanceSummary,
    /// Tools with at least one application, most obtained first.
    pub by_tool: Vec<ToolTotal>,
}
