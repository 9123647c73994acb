//! Indicators for funders and territorial observation (domain.md §8): which cases a period
//! report covers and which of them a funder line answers for (scope.rs, from the spans a
//! case was open), one row per case, ingénierie, application or follow-up of the period
//! (rows.rs), the totals of its stock and of its flows (totals.rs), each from one written
//! definition with its period rule (definitions.rs), and the anonymised aggregates by
//! département and sector (aggregates.rs). The exports only lay these out. The Observatoire
//! reads a period's rows once for all its filters, while nothing is written (memo.rs).

mod aggregates;
mod definitions;
mod memo;
pub(crate) mod rows;
pub(crate) mod scope;
pub(crate) mod totals;

use aggregates::whole_quarters;
pub use aggregates::{AggregateRow, SMALL_COUNT, Unit, aggregates, suppress};
pub use definitions::{DEFINITIONS, Definition, PeriodRule};
pub(crate) use memo::ReportMemo;
pub use rows::{CaseRow, EngagementRow, FinanceRow, FollowUpRow};
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
    /// Anonymised aggregates by territory and sector.
    AggregatesCsv,
}

impl ReportFormat {
    /// Shared beyond the funders, with the CRESS and networks: anonymised, over whole
    /// quarters (aggregates.rs).
    pub fn shared(self) -> bool {
        matches!(self, ReportFormat::AggregatesCsv)
    }
}

/// A period report: its scope, the rows of each family and their totals.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReport {
    pub period: Period,
    pub cases: Vec<CaseRow>,
    pub engagements: Vec<EngagementRow>,
    pub finance: Vec<FinanceRow>,
    pub follow_ups: Vec<FollowUpRow>,
    pub totals: Totals,
}

/// What the Bilans screen shows of a period: its scope and its totals. The rows (thousands
/// at a large DLA's scale) go to the files, never through the window.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeriodTotals {
    pub period: Period,
    pub totals: Totals,
}

/// How « rurale » was read, as the reports say it beside the figure.
fn rural_rule(grid: Option<i32>) -> String {
    match grid {
        Some(vintage) => format!("grille communale de densité {vintage} de l'INSEE, niveaux 5 à 7"),
        None => "moins de 2\u{a0}000 habitants (aucune grille de densité chargée dans Paramètres)".to_owned(),
    }
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
        self.report(filter.validate(self)?)
    }

    /// The report a file of this format is written from: a shared one covers the whole
    /// quarters of the period asked.
    pub fn report_for(&self, filter: &ReportFilter, format: ReportFormat) -> Result<PeriodReport> {
        let mut period = filter.validate(self)?;
        if format.shared() {
            (period.from, period.to) = whole_quarters(period.from, period.to);
        }
        self.report(period)
    }

    pub(crate) fn report(&self, period: Period) -> Result<PeriodReport> {
        let conn = self.conn();
        let grid = self.commune_lists()?.density.map(|list| list.vintage);
        let cases = rows::case_rows(conn, &period, grid.is_some())?;
        let flows = rows::case_flows(conn, &period)?;
        let engagements = rows::engagement_rows(conn, &period)?;
        let cases_cost_ht = rows::cases_engagement_cost(conn, &period)?;
        let finance = rows::finance_rows(conn, &period)?;
        let follow_ups = rows::follow_up_rows(conn, &period)?;
        let totals = totals::totals(&totals::Facts {
            cases: &cases,
            flows: &flows,
            engagements: &engagements,
            cases_cost_ht,
            finance: &finance,
            follow_ups: &follow_ups,
            rural_rule: rural_rule(grid),
        });
        Ok(PeriodReport { period, cases, engagements, finance, follow_ups, totals })
    }
}
