//! The totals of a period report, each computed as definitions.rs says. Two kinds: the
//! stock of the period (its cases open for at least one day, each structure counted once)
//! and its flows (what happened on one of its days), which add up from one period to the
//! next.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use ts_rs::TS;

use super::rows::CaseFlows;
use super::{CaseRow, EngagementRow, FinanceRow, FollowUpRow};
use crate::follow_up::Trend;
use crate::values::{Days, Etp, Money};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Totals {
    /// Stock: the cases open for at least one day of the period, and their structures.
    pub cases: usize,
    pub structures: usize,
    /// Each structure once, by its first case of the period.
    pub first_time: usize,
    pub returning: usize,
    pub with_engagement: usize,
    pub qpv: usize,
    pub frr: usize,
    pub rural: usize,
    /// How a commune was found rural: the density grid loaded, or else its population.
    pub rural_rule: String,
    /// Each structure once, at its latest diagnostic validated by the period's last day.
    pub staff_known: usize,
    pub headcount_diagnostic: i64,
    pub etp_diagnostic: Etp,
    /// CDI in hundredths of a percent of the staff (2550 = 25,5 %), each structure once;
    /// none without staff.
    pub cdi_share: Option<i64>,

    /// Flows: requests received, cases finished, diagnostics validated in the period.
    pub requested_cases: usize,
    pub finished_cases: usize,
    pub diagnosed: usize,
    /// Ingénieries whose consultant was chosen in the period, and what they cost.
    pub engaged: usize,
    pub individual: usize,
    pub collective: usize,
    pub days: Days,
    pub cost_ht: Money,
    pub cost_ttc: Money,
    pub delivered: usize,
    pub cancelled: usize,
    /// With a funder line: what the ingénieries engaged in the period cost for the cases it
    /// answers for, all funders together, and the share the line pays (hundredths of a
    /// percent).
    pub cases_cost_ht: Option<Money>,
    pub line_share: Option<i64>,
    /// Solidarity finance: submitted, granted and refused in the period.
    pub submitted: usize,
    pub requested: Money,
    pub granted: usize,
    pub obtained: Money,
    pub refused: usize,
    pub refused_amount: Money,
    pub by_tool: Vec<ToolAmounts>,
    /// Follow-ups made in the period, those made 12 to 18 months after the diagnostic, and
    /// the jobs compared on the same structures.
    pub followed_up: usize,
    pub in_window: usize,
    pub compared: usize,
    pub headcount_before: i64,
    pub headcount_after: i64,
    pub etp_before: Etp,
    pub etp_after: Etp,
    pub criteria: Vec<CriterionCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ToolAmounts {
    pub tool: String,
    pub submitted: usize,
    pub requested: Money,
    pub granted: usize,
    pub obtained: Money,
    pub refused: usize,
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

/// Hundredths of a percent, rounded half up; none for a zero whole.
fn share(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 10_000 + whole / 2) / whole)
}

/// Each structure once: its first case of the period (by request, then reference) and its
/// latest diagnostic validated by the period's last day.
pub(crate) struct Structure<'a> {
    pub first: &'a CaseRow,
    pub diagnosed: Option<&'a CaseRow>,
    pub with_engagement: bool,
}

pub(crate) fn structures(cases: &[CaseRow]) -> Vec<Structure<'_>> {
    let mut by_id: HashMap<&str, Structure<'_>> = HashMap::new();
    for c in cases {
        let s = by_id.entry(&c.structure_id).or_insert(Structure { first: c, diagnosed: None, with_engagement: false });
        if (c.request_date, &c.reference) < (s.first.request_date, &s.first.reference) {
            s.first = c;
        }
        if c.diagnosed_on.is_some() && s.diagnosed.is_none_or(|d| c.diagnosed_on > d.diagnosed_on) {
            s.diagnosed = Some(c);
        }
        s.with_engagement |= c.with_engagement;
    }
    by_id.into_values().collect()
}

fn by_tool(finance: &[FinanceRow]) -> Vec<ToolAmounts> {
    let mut tools: BTreeMap<&str, ToolAmounts> = BTreeMap::new();
    for f in finance {
        let t = tools.entry(f.tool.as_str()).or_insert_with(|| ToolAmounts {
            tool: f.tool.clone(),
            submitted: 0,
            requested: Money(0),
            granted: 0,
            obtained: Money(0),
            refused: 0,
        });
        if f.submitted_in_period {
            t.submitted += 1;
            t.requested.0 += f.requested.0;
        }
        if f.granted_in_period {
            t.granted += 1;
            t.obtained.0 += f.obtained.map_or(0, |m| m.0);
        }
        if f.refused_in_period {
            t.refused += 1;
        }
    }
    tools.into_values().collect()
}

fn criteria(follow_ups: &[FollowUpRow]) -> Vec<CriterionCount> {
    CRITERIA
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let count = |trend: Trend| follow_ups.iter().filter(|f| f.criteria[i] == trend).count();
            CriterionCount {
                criterion: (*name).to_owned(),
                plus: count(Trend::Plus),
                equal: count(Trend::Equal),
                minus: count(Trend::Minus),
            }
        })
        .collect()
}

pub(crate) struct Facts<'a> {
    pub cases: &'a [CaseRow],
    pub flows: &'a CaseFlows,
    pub engagements: &'a [EngagementRow],
    pub cases_cost_ht: Option<Money>,
    pub finance: &'a [FinanceRow],
    pub follow_ups: &'a [FollowUpRow],
    pub rural_rule: String,
}

pub(crate) fn totals(f: &Facts<'_>) -> Totals {
    let structures = structures(f.cases);
    let count = |keep: fn(&Structure<'_>) -> bool| structures.iter().filter(|s| keep(s)).count();
    let staffed: Vec<&CaseRow> = structures.iter().filter_map(|s| s.diagnosed).collect();
    let staff: i64 = structures.iter().filter_map(|s| s.first.employees).filter(|e| *e > 0).sum();
    let cdi: i64 =
        structures.iter().filter(|s| s.first.employees.is_some_and(|e| e > 0)).filter_map(|s| s.first.cdi).sum();

    let engaged: Vec<&EngagementRow> = f.engagements.iter().filter(|e| e.engaged_in_period).collect();
    let cost_ht = Money(engaged.iter().filter_map(|e| e.cost_ht).map(|m| m.0).sum());
    let by_tool = by_tool(f.finance);
    let compared: Vec<(i64, i64, i64, i64)> = f
        .follow_ups
        .iter()
        .filter_map(|u| Some((u.headcount_before?, u.headcount_after?, u.etp_before?.0, u.etp_after?.0)))
        .collect();
    Totals {
        cases: f.cases.len(),
        structures: structures.len(),
        first_time: count(|s| s.first.first_time),
        returning: count(|s| !s.first.first_time),
        with_engagement: count(|s| s.with_engagement),
        qpv: count(|s| s.first.qpv),
        frr: count(|s| s.first.frr != crate::structures::Frr::None.label()),
        rural: count(|s| s.first.rural == Some(true)),
        rural_rule: f.rural_rule.clone(),
        staff_known: staffed.iter().filter(|c| c.headcount_diagnostic.is_some() || c.etp_diagnostic.is_some()).count(),
        headcount_diagnostic: staffed.iter().filter_map(|c| c.headcount_diagnostic).sum(),
        etp_diagnostic: Etp(staffed.iter().filter_map(|c| c.etp_diagnostic).map(|e| e.0).sum()),
        cdi_share: share(cdi, staff),

        requested_cases: f.flows.requested,
        finished_cases: f.flows.finished,
        diagnosed: f.flows.diagnosed,
        engaged: engaged.len(),
        individual: engaged.iter().filter(|e| !e.collective).count(),
        collective: engaged.iter().filter(|e| e.collective).count(),
        days: Days(engaged.iter().filter_map(|e| e.days).map(|d| d.0).sum()),
        cost_ht,
        cost_ttc: Money(engaged.iter().filter_map(|e| e.cost_ttc).map(|m| m.0).sum()),
        delivered: f.engagements.iter().filter(|e| e.delivered_in_period).count(),
        cancelled: f.engagements.iter().filter(|e| e.cancelled_in_period).count(),
        cases_cost_ht: f.cases_cost_ht,
        line_share: f.cases_cost_ht.and_then(|whole| share(cost_ht.0, whole.0)),
        submitted: by_tool.iter().map(|t| t.submitted).sum(),
        requested: Money(by_tool.iter().map(|t| t.requested.0).sum()),
        granted: by_tool.iter().map(|t| t.granted).sum(),
        obtained: Money(by_tool.iter().map(|t| t.obtained.0).sum()),
        refused: by_tool.iter().map(|t| t.refused).sum(),
        refused_amount: Money(f.finance.iter().filter(|a| a.refused_in_period).map(|a| a.requested.0).sum()),
        by_tool,
        followed_up: f.follow_ups.len(),
        in_window: f.follow_ups.iter().filter(|u| u.in_window).count(),
        compared: compared.len(),
        headcount_before: compared.iter().map(|c| c.0).sum(),
        headcount_after: compared.iter().map(|c| c.1).sum(),
        etp_before: Etp(compared.iter().map(|c| c.2).sum()),
        etp_after: Etp(compared.iter().map(|c| c.3).sum()),
        criteria: criteria(f.follow_ups),
    }
}
