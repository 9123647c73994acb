//! One row per case, ingénierie, application or follow-up in scope: the facts each family
//! of indicators is counted from, with every code already read as its French label.

use chrono::NaiveDate;
use rusqlite::{Connection, Row};

use super::Period;
use crate::Result;
use crate::cases::Stage;
use crate::engagements::Milestones;
use crate::engagements::{EngagementMode, EngagementStatus};
use crate::finance::{FinanceStatus, FinanceTool};
use crate::follow_up::Trend;
use crate::reference::territory;
use crate::structures::{BudgetBand, Frr, HeadcountBand, LegalForm, total_employees};
use crate::themes::Theme;
use crate::values::{Days, Etp, Money};

/// Below this population a commune counts as rural (see definitions.rs).
const RURAL_POPULATION: i64 = 2_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub reference: String,
    pub structure_id: String,
    pub structure: String,
    pub stage: String,
    pub request_date: NaiveDate,
    pub legal_form: String,
    pub naf: Option<String>,
    pub cultural_type: Option<String>,
    pub budget_band: Option<String>,
    pub headcount_band: Option<String>,
    pub first_time: bool,
    pub diagnosed: bool,
    pub with_engagement: bool,
    pub followed_up: bool,
    pub commune: Option<String>,
    pub departement: Option<String>,
    pub departement_name: Option<String>,
    pub epci: Option<String>,
    pub region: Option<String>,
    pub qpv: bool,
    pub frr: String,
    /// None when the commune is unknown.
    pub rural: Option<bool>,
    pub headcount_diagnostic: Option<i64>,
    pub etp_diagnostic: Option<Etp>,
    pub headcount_follow_up: Option<i64>,
    pub etp_follow_up: Option<Etp>,
    /// The structure's current staff, and how many of them on a CDI.
    pub employees: Option<i64>,
    pub cdi: Option<i64>,
    pub follow_up_on: Option<NaiveDate>,
    pub criteria: Option<[Trend; 4]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementRow {
    pub title: String,
    pub theme: String,
    pub mode: String,
    pub collective: bool,
    pub consultant: Option<String>,
    pub days: Option<Days>,
    pub cost_ht: Option<Money>,
    pub cost_ttc: Option<Money>,
    pub funder: Option<String>,
    pub status: String,
    pub cancelled: bool,
    /// The references of the cases it serves, and their structures.
    pub cases: String,
    pub structures: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinanceRow {
    pub reference: String,
    pub structure: String,
    pub tool: String,
    pub body: Option<String>,
    pub requested: Money,
    pub obtained: Option<Money>,
    pub status: String,
    /// Counted as requested unless withdrawn, as obtained when granted.
    pub counts_requested: bool,
    pub granted: bool,
    pub decision_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceRow {
    pub reference: String,
    pub structure: String,
    pub follow_up_on: NaiveDate,
    /// Jobs, economic and financial health, strategic vision, local partnerships.
    pub criteria: [Trend; 4],
}

/// The ids as a JSON array, read in SQL with `json_each`: one query whatever their number.
fn id_list(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}

const CASES: &str = "SELECT c.reference, s.id, s.name, c.stage, c.request_date, s.legal_form, s.naf, s.cultural_type,
        s.budget, s.employees_cdi, s.employees_cdd, s.employees_aided, s.employees_intermittent,
        NOT EXISTS (SELECT 1 FROM cases p WHERE p.structure_id = c.structure_id
                    AND (p.request_date < c.request_date OR (p.request_date = c.request_date AND p.reference < c.reference))),
        d.validated_on, d.headcount, d.etp,
        EXISTS (SELECT 1 FROM engagement_cases ec JOIN engagements e ON e.id = ec.engagement_id
                WHERE ec.case_id = c.id AND e.cancelled_on IS NULL AND e.decision_date <= ?2),
        f.done_on, f.headcount, f.etp, f.jobs, f.economic, f.strategy, f.partnerships,
        s.commune_code, s.commune_name, s.departement, s.epci, s.region, s.qpv, s.frr
    FROM cases c JOIN structures s ON s.id = c.structure_id
        LEFT JOIN diagnostics d ON d.case_id = c.id LEFT JOIN follow_ups f ON f.case_id = c.id
    WHERE c.id IN (SELECT value FROM json_each(?1))
    ORDER BY c.reference";

fn case_row(r: &Row<'_>, to: NaiveDate) -> rusqlite::Result<CaseRow> {
    let stage: Stage = r.get(3)?;
    let legal_form: LegalForm = r.get(5)?;
    let budget: Option<Money> = r.get(8)?;
    let cdi: Option<i64> = r.get(9)?;
    let employees = total_employees([cdi, r.get(10)?, r.get(11)?, r.get(12)?]);
    let validated_on: Option<NaiveDate> = r.get(14)?;
    let done_on: Option<NaiveDate> = r.get::<_, Option<NaiveDate>>(18)?.filter(|d| *d <= to);
    let trends: [Option<Trend>; 4] = [r.get(21)?, r.get(22)?, r.get(23)?, r.get(24)?];
    let criteria = match (done_on, trends) {
        (Some(_), [Some(a), Some(b), Some(c), Some(d)]) => Some([a, b, c, d]),
        _ => None,
    };
    let commune_code: Option<String> = r.get(25)?;
    let departement: Option<String> = r.get(27)?;
    let epci: Option<String> = r.get(28)?;
    let region: Option<String> = r.get(29)?;
    let frr: Frr = r.get(31)?;
    let t = territory();
    let population = commune_code.as_deref().and_then(|code| t.commune(code)).and_then(|c| c.population);
    Ok(CaseRow {
        reference: r.get(0)?,
        structure_id: r.get(1)?,
        structure: r.get(2)?,
        stage: stage.label().to_owned(),
        request_date: r.get(4)?,
        legal_form: legal_form.label().to_owned(),
        naf: r.get(6)?,
        cultural_type: r.get(7)?,
        budget_band: budget.map(|b| BudgetBand::of(b).label().to_owned()),
        headcount_band: employees.map(|e| HeadcountBand::of(e).label().to_owned()),
        first_time: r.get(13)?,
        diagnosed: validated_on.is_some_and(|d| d <= to),
        with_engagement: r.get(17)?,
        followed_up: done_on.is_some(),
        commune: r.get(26)?,
        departement_name: departement.as_deref().and_then(|d| t.departement_name(d)).map(str::to_owned),
        departement,
        epci: epci.as_deref().and_then(|e| t.epci_name(e)).map(str::to_owned),
        region: region.as_deref().and_then(|g| t.region_name(g)).map(str::to_owned),
        qpv: r.get(30)?,
        frr: frr.label().to_owned(),
        rural: population.map(|p| p < RURAL_POPULATION),
        headcount_diagnostic: r.get(15)?,
        etp_diagnostic: r.get(16)?,
        headcount_follow_up: if done_on.is_some() { r.get(19)? } else { None },
        etp_follow_up: if done_on.is_some() { r.get(20)? } else { None },
        employees,
        cdi,
        follow_up_on: done_on,
        criteria,
    })
}

pub(crate) fn case_rows(conn: &Connection, ids: &[String], period: &Period) -> Result<Vec<CaseRow>> {
    let mut stmt = conn.prepare(CASES)?;
    let rows = stmt.query_map(rusqlite::params![id_list(ids), period.to], |r| case_row(r, period.to))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The ingénieries serving the cases in scope; with a funder line, those it pays for.
pub(crate) fn engagement_rows(conn: &Connection, ids: &[String], period: &Period) -> Result<Vec<EngagementRow>> {
    let mut stmt = conn.prepare(
        "SELECT e.title, e.theme, e.mode, k.name, e.days, e.cost_ht, e.cost_ttc, f.name, f.programme,
                e.terms_date, e.consultation_date, e.decision_date, e.kickoff_date, e.restitution_date,
                e.final_report_date, e.cancelled_on,
                (SELECT group_concat(c.reference, ', ') FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id
                 WHERE ec.engagement_id = e.id),
                (SELECT group_concat(s.name, ', ') FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id
                 JOIN structures s ON s.id = c.structure_id WHERE ec.engagement_id = e.id)
         FROM engagements e LEFT JOIN consultants k ON k.id = e.consultant_id LEFT JOIN funders f ON f.id = e.funder_id
         WHERE e.id IN (SELECT engagement_id FROM engagement_cases WHERE case_id IN (SELECT value FROM json_each(?1)))
           AND (?2 IS NULL OR e.funder_id = ?2)
         ORDER BY e.created_at",
    )?;
    let rows = stmt.query_map(rusqlite::params![id_list(ids), period.funder_id], |r| {
        let theme: Theme = r.get(1)?;
        let mode: EngagementMode = r.get(2)?;
        let funder: Option<String> = r.get(7)?;
        let programme: Option<String> = r.get(8)?;
        let status = Milestones::read(r, 9)?.status();
        Ok(EngagementRow {
            title: r.get(0)?,
            theme: theme.label().to_owned(),
            mode: mode.label().to_owned(),
            collective: mode == EngagementMode::Collective,
            consultant: r.get(3)?,
            days: r.get(4)?,
            cost_ht: r.get(5)?,
            cost_ttc: r.get(6)?,
            funder: funder.map(|n| crate::funders::label(&n, programme.as_deref())),
            status: status.label().to_owned(),
            cancelled: status == EngagementStatus::Cancelled,
            cases: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
            structures: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn finance_rows(conn: &Connection, ids: &[String]) -> Result<Vec<FinanceRow>> {
    let mut stmt = conn.prepare(
        "SELECT c.reference, s.name, a.tool, a.body, a.amount_requested, a.amount_obtained, a.status, a.decision_date
         FROM finance_applications a JOIN cases c ON c.id = a.case_id JOIN structures s ON s.id = c.structure_id
         WHERE a.case_id IN (SELECT value FROM json_each(?1))
         ORDER BY c.reference, a.created_at",
    )?;
    let rows = stmt.query_map([id_list(ids)], |r| {
        let tool: FinanceTool = r.get(2)?;
        let status: FinanceStatus = r.get(6)?;
        Ok(FinanceRow {
            reference: r.get(0)?,
            structure: r.get(1)?,
            tool: tool.label().to_owned(),
            body: r.get(3)?,
            requested: r.get(4)?,
            obtained: r.get(5)?,
            status: status.label().to_owned(),
            counts_requested: status != FinanceStatus::Withdrawn,
            granted: status == FinanceStatus::Granted,
            decision_date: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn performance_rows(cases: &[CaseRow]) -> Vec<PerformanceRow> {
    cases
        .iter()
        .filter_map(|c| {
            let (on, criteria) = (c.follow_up_on?, c.criteria?);
            Some(PerformanceRow {
                reference: c.reference.clone(),
                structure: c.structure.clone(),
                follow_up_on: on,
                criteria,
            })
        })
        .collect()
}
