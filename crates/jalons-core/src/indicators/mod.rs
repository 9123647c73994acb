//! Indicators for funders and territorial observation (domain.md §8): which cases a period
//! report covers (scope.rs), one row per case or ingénierie or application in each family
//! (rows.rs), the totals (totals.rs), each from one written definition (definitions.rs),
//! and the anonymised aggregates by département and sector (aggregates.rs). The exports
//! only lay these out.

mod aggregates;
mod definitions;
mod rows;
mod scope;
mod totals;

pub use aggregates::{AggregateRow, SMALL_COUNT, aggregates};
pub use definitions::{DEFINITIONS, Definition};
pub use rows::{CaseRow, EngagementRow, FinanceRow, PerformanceRow};
pub use scope::{Period, ReportFilter};
pub use totals::{CriterionCount, ToolAmounts, Totals};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, Store};

/// The files a period report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Xlsx,
    Ods,
    /// One row per case, for French Excel.
    CasesCsv,
    /// Anonymised aggregates by département and sector.
    AggregatesCsv,
}

/// A period report: its scope, the rows of each family and their totals.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    pub period: Period,
    pub cases: Vec<CaseRow>,
    pub engagements: Vec<EngagementRow>,
    pub finance: Vec<FinanceRow>,
    pub performance: Vec<PerformanceRow>,
    pub totals: Totals,
}

/// What the Bilans screen shows of a period: its scope and its totals. The rows (thousands
/// at a large DLA's scale) go to the files, never through the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeriodTotals {
    pub period: Period,
    pub totals: Totals,
}

impl Store {
    pub fn period_totals(&self, filter: &ReportFilter) -> Result<PeriodTotals> {
        let PeriodReport { period, totals, .. } = self.period_report(filter)?;
        Ok(PeriodTotals { period, totals })
    }

    /// The ids of the cases a period report covers, by reference: the batch of summaries.
    pub fn period_case_ids(&self, filter: &ReportFilter) -> Result<Vec<String>> {
        let period = filter.validate(self)?;
        scope::case_ids(self.conn(), &period)
    }

    pub fn period_report(&self, filter: &ReportFilter) -> Result<PeriodReport> {
        let period = filter.validate(self)?;
        let ids = scope::case_ids(self.conn(), &period)?;
        let cases = rows::case_rows(self.conn(), &ids, &period)?;
        let engagements = rows::engagement_rows(self.conn(), &ids, &period)?;
        let finance = rows::finance_rows(self.conn(), &ids)?;
        let performance = rows::performance_rows(&cases);
        let totals = totals::totals(&cases, &engagements, &finance, &performance);
        Ok(PeriodReport { period, cases, engagements, finance, performance, totals })
    }
}
