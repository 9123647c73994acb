//! The totals of a period report, each computed as definitions.rs says.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::{CaseRow, EngagementRow, FinanceRow, PerformanceRow};
use crate::follow_up::Trend;
use crate::values::{Days, Etp, Money};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Totals {
    pub cases: usize,
    pub structures: usize,
    pub diagnosed: usize,
    pub with_engagement: usize,
    pub followed_up: usize,
    pub first_time: usize,
    pub returning: usize,
    pub qpv: usize,
    pub frr: usize,
    pub rural: usize,
    pub headcount_diagnostic: i64,
    pub etp_diagnostic: Etp,
    /// Over the structures followed up, with both figures known.
    pub headcount_compared_before: i64,
    pub headcount_compared_after: i64,
    pub etp_compared_before: Etp,
    pub etp_compared_after: Etp,
    /// CDI in hundredths of a percent of the staff (2550 = 25,5 %); none without staff.
    pub cdi_share: Option<i64>,
    pub engagements: usize,
    pub individual: usize,
    pub collective: usize,
    pub days: Days,
    pub cost_ht: Money,
    pub cost_ttc: Money,
    pub requested: Money,
    pub obtained: Money,
    pub by_tool: Vec<ToolAmounts>,
    pub criteria: Vec<CriterionCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ToolAmounts {
    pub tool: String,
    pub applications: usize,
    pub requested: Money,
    pub obtained: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CriterionCount {
    pub criterion: String,
    pub plus: usize,
    pub equal: usize,
    pub minus: usize,
}

pub const CRITERIA: [&str; 4] =
    ["Emploi", "Santé économique et financière", "Vision stratégique", "Partenariats locaux"];

fn distinct<'a>(rows: impl Iterator<Item = &'a CaseRow>) -> usize {
    rows.map(|c| c.structure_id.as_str()).collect::<HashSet<_>>().len()
}

pub(crate) fn totals(
    cases: &[CaseRow],
    engagements: &[EngagementRow],
    finance: &[FinanceRow],
    performance: &[PerformanceRow],
) -> Totals {
    let compared: Vec<&CaseRow> = cases.iter().filter(|c| c.followed_up).collect();
    let pairs = |before: fn(&CaseRow) -> Option<i64>, after: fn(&CaseRow) -> Option<i64>| {
        compared.iter().filter_map(|c| Some((before(c)?, after(c)?))).fold((0, 0), |(a, b), (x, y)| (a + x, b + y))
    };
    let (hc_before, hc_after) = pairs(|c| c.headcount_diagnostic, |c| c.headcount_follow_up);
    let (etp_before, etp_after) = pairs(|c| c.etp_diagnostic.map(|e| e.0), |c| c.etp_follow_up.map(|e| e.0));
    let staffed: Vec<&CaseRow> = cases.iter().filter(|c| c.employees.is_some_and(|e| e > 0)).collect();
    let staff: i64 = staffed.iter().filter_map(|c| c.employees).sum();
    let cdi: i64 = staffed.iter().filter_map(|c| c.cdi).sum();
    let live: Vec<&EngagementRow> = engagements.iter().filter(|e| !e.cancelled).collect();
    let mut by_tool: BTreeMap<&str, ToolAmounts> = BTreeMap::new();
    for f in finance {
        let t = by_tool.entry(f.tool.as_str()).or_insert_with(|| ToolAmounts {
            tool: f.tool.clone(),
            applications: 0,
            requested: Money(0),
            obtained: Money(0),
        });
        t.applications += 1;
        if f.counts_requested {
            t.requested.0 += f.requested.0;
        }
        if f.granted {
            t.obtained.0 += f.obtained.map_or(0, |m| m.0);
        }
    }
    let by_tool: Vec<ToolAmounts> = by_tool.into_values().collect();
    let criteria = CRITERIA
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let count = |trend: Trend| performance.iter().filter(|p| p.criteria[i] == trend).count();
            CriterionCount {
                criterion: (*name).to_owned(),
                plus: count(Trend::Plus),
                equal: count(Trend::Equal),
                minus: count(Trend::Minus),
            }
        })
        .collect();
    Totals {
        cases: cases.len(),
        structures: distinct(cases.iter()),
        diagnosed: distinct(cases.iter().filter(|c| c.diagnosed)),
        with_engagement: distinct(cases.iter().filter(|c| c.with_engagement)),
        followed_up: distinct(cases.iter().filter(|c| c.followed_up)),
        first_time: distinct(cases.iter().filter(|c| c.first_time)),
        returning: distinct(cases.iter().filter(|c| !c.first_time)),
        qpv: distinct(cases.iter().filter(|c| c.qpv)),
        frr: distinct(cases.iter().filter(|c| c.frr != crate::structures::Frr::None.label())),
        rural: distinct(cases.iter().filter(|c| c.rural == Some(true))),
        headcount_diagnostic: cases.iter().filter_map(|c| c.headcount_diagnostic).sum(),
        etp_diagnostic: Etp(cases.iter().filter_map(|c| c.etp_diagnostic).map(|e| e.0).sum()),
        headcount_compared_before: hc_before,
        headcount_compared_after: hc_after,
        etp_compared_before: Etp(etp_before),
        etp_compared_after: Etp(etp_after),
        cdi_share: (staff > 0).then(|| (cdi * 10_000 + staff / 2) / staff),
        engagements: live.len(),
        individual: live.iter().filter(|e| !e.collective).count(),
        collective: live.iter().filter(|e| e.collective).count(),
        days: Days(live.iter().filter_map(|e| e.days).map(|d| d.0).sum()),
        cost_ht: Money(live.iter().filter_map(|e| e.cost_ht).map(|m| m.0).sum()),
        cost_ttc: Money(live.iter().filter_map(|e| e.cost_ttc).map(|m| m.0).sum()),
        requested: Money(by_tool.iter().map(|t| t.requested.0).sum()),
        obtained: Money(by_tool.iter().map(|t| t.obtained.0).sum()),
        by_tool,
        criteria,
    }
}
