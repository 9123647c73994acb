//! One row per case, ingénierie, application or follow-up of a period: the facts each
//! family of indicators is counted from, each as it stood on the period's last day, with
//! every code already read as its French label.

use chrono::NaiveDate;
use rusqlite::{Connection, Row};

use super::Period;
use super::scope::{ACTIVE, FUNDED, query};
use crate::Result;
use crate::cases::Stage;
use crate::engagements::EngagementMode;
use crate::engagements::Milestones;
use crate::finance::{FinanceStatus, FinanceTool};
use crate::follow_up::{Trend, follow_up_due};
use crate::reference::territory;
use crate::structures::{BudgetBand, Frr, HeadcountBand, LegalForm, total_employees};
use crate::themes::Theme;
use crate::values::{Days, Etp, Money};

/// Without a density grid loaded, a commune below this population counts as rural (see
/// definitions.rs).
const RURAL_POPULATION: i64 = 2_000;
/// The density grid's rural levels: 5 to 7 of the 7-level grid.
const RURAL_LEVELS: std::ops::RangeInclusive<i64> = 5..=7;

/// A case open for at least one day of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub reference: String,
    pub structure_id: String,
    pub structure: String,
    /// Its stage on the period's last day.
    pub stage: String,
    pub request_date: NaiveDate,
    pub legal_form: String,
    pub naf: Option<String>,
    /// « 90.01Z Arts du spectacle vivant », or the code alone when the list lacks it.
    pub naf_label: Option<String>,
    pub cultural_type: Option<String>,
    pub budget_band: Option<String>,
    pub headcount_band: Option<String>,
    /// The structure had made no request before this one.
    pub first_time: bool,
    /// The diagnostic's validation, when it came by the period's last day.
    pub diagnosed_on: Option<NaiveDate>,
    /// An ingénierie whose consultant was chosen by the period's last day, and not
    /// cancelled by then.
    pub with_engagement: bool,
    pub commune: Option<String>,
    pub departement: Option<String>,
    pub departement_name: Option<String>,
    pub epci: Option<String>,
    pub epci_code: Option<String>,
    pub region: Option<String>,
    pub region_code: Option<String>,
    pub qpv: bool,
    pub frr: String,
    /// None when the commune is unknown.
    pub rural: Option<bool>,
    /// Read at the diagnostic, when validated by the period's last day.
    pub headcount_diagnostic: Option<i64>,
    pub etp_diagnostic: Option<Etp>,
    /// The structure's current staff, and how many of them on a CDI.
    pub employees: Option<i64>,
    pub cdi: Option<i64>,
}

/// An ingénierie whose consultant was chosen, which was delivered or which was cancelled
/// in the period.
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
    /// Its state on the period's last day.
    pub status: String,
    pub decided_on: Option<NaiveDate>,
    pub delivered_on: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    pub engaged_in_period: bool,
    pub delivered_in_period: bool,
    pub cancelled_in_period: bool,
    /// The references of the cases it serves, and their structures.
    pub cases: String,
    pub structures: String,
}

/// An application submitted or decided in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinanceRow {
    pub reference: String,
    pub structure: String,
    pub tool: String,
    pub body: Option<String>,
    pub requested: Money,
    pub obtained: Option<Money>,
    pub status: String,
    /// The day it was submitted, or else decided; none while in preparation.
    pub submitted_on: Option<NaiveDate>,
    pub decision_date: Option<NaiveDate>,
    pub submitted_in_period: bool,
    /// Granted, or refused, on a day of the period.
    pub granted_in_period: bool,
    pub refused_in_period: bool,
}

/// A follow-up made in the period, beside the diagnostic it is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpRow {
    pub reference: String,
    pub structure: String,
    pub done_on: NaiveDate,
    pub diagnosed_on: Option<NaiveDate>,
    /// Made 12 to 18 months after the diagnostic's validation.
    pub in_window: bool,
    pub headcount_before: Option<i64>,
    pub etp_before: Option<Etp>,
    pub headcount_after: Option<i64>,
    pub etp_after: Option<Etp>,
    /// Jobs, economic and financial health, strategic vision, local partnerships.
    pub criteria: [Trend; 4],
}

/// The stage on the period's last day: the case's own when it reached it by then (most
/// cases of a recent period), else read back from its timeline.
const STAGE_ON_LAST_DAY: &str = "CASE WHEN c.stage_since <= :to THEN c.stage ELSE
        (SELECT ev.to_stage FROM case_events ev WHERE ev.case_id = c.id AND ev.on_date <= :to
         ORDER BY ev.on_date DESC, ev.recorded_at DESC, ev.id DESC LIMIT 1) END";

fn cases_sql() -> String {
    format!(
        "SELECT c.reference, s.id, s.name, {STAGE_ON_LAST_DAY}, c.request_date, s.legal_form, s.naf, s.cultural_type,
            s.budget, s.employees_cdi, s.employees_cdd, s.employees_aided, s.employees_intermittent,
            NOT EXISTS (SELECT 1 FROM cases p WHERE p.structure_id = c.structure_id
                        AND (p.request_date, p.reference) < (c.request_date, c.reference)),
            d.validated_on, d.headcount, d.etp,
            EXISTS (SELECT 1 FROM engagement_cases ec JOIN engagements e ON e.id = ec.engagement_id
                    WHERE ec.case_id = c.id AND e.decision_date <= :to AND (e.cancelled_on IS NULL OR e.cancelled_on > :to)),
            s.commune_code, s.commune_name, s.departement, s.epci, s.region, s.qpv, s.frr, g.level
        FROM cases c JOIN structures s ON s.id = c.structure_id LEFT JOIN diagnostics d ON d.case_id = c.id
            LEFT JOIN commune_density g ON g.code = s.commune_code
        WHERE c.id IN ({ACTIVE}) AND {FUNDED}
        ORDER BY c.reference"
    )
}

/// `grid`: a density grid is loaded, and says which communes are rural.
fn case_row(r: &Row<'_>, to: NaiveDate, grid: bool) -> rusqlite::Result<CaseRow> {
    let stage: Stage = r.get(3)?;
    let legal_form: LegalForm = r.get(5)?;
    let budget: Option<Money> = r.get(8)?;
    let cdi: Option<i64> = r.get(9)?;
    let employees = total_employees([cdi, r.get(10)?, r.get(11)?, r.get(12)?]);
    let diagnosed_on: Option<NaiveDate> = r.get::<_, Option<NaiveDate>>(14)?.filter(|d| *d <= to);
    let commune_code: Option<String> = r.get(18)?;
    let departement: Option<String> = r.get(20)?;
    let epci: Option<String> = r.get(21)?;
    let region: Option<String> = r.get(22)?;
    let frr: Frr = r.get(24)?;
    let naf: Option<String> = r.get(6)?;
    let t = territory();
    let rural = if grid {
        r.get::<_, Option<i64>>(25)?.map(|level| RURAL_LEVELS.contains(&level))
    } else {
        let population = commune_code.as_deref().and_then(|code| t.commune(code)).and_then(|c| c.population);
        population.map(|p| p < RURAL_POPULATION)
    };
    Ok(CaseRow {
        reference: r.get(0)?,
        structure_id: r.get(1)?,
        structure: r.get(2)?,
        stage: stage.label().to_owned(),
        request_date: r.get(4)?,
        legal_form: legal_form.label().to_owned(),
        naf_label: naf.as_deref().map(|n| match crate::reference::naf_name(n) {
            Some(name) => format!("{n} {name}"),
            None => n.to_owned(),
        }),
        naf,
        cultural_type: r.get(7)?,
        budget_band: budget.map(|b| BudgetBand::of(b).label().to_owned()),
        headcount_band: employees.map(|e| HeadcountBand::of(e).label().to_owned()),
        first_time: r.get(13)?,
        headcount_diagnostic: if diagnosed_on.is_some() { r.get(15)? } else { None },
        etp_diagnostic: if diagnosed_on.is_some() { r.get(16)? } else { None },
        diagnosed_on,
        with_engagement: r.get(17)?,
        commune: r.get(19)?,
        departement_name: departement.as_deref().and_then(|d| t.departement_name(d)).map(str::to_owned),
        departement,
        epci: epci.as_deref().and_then(|e| t.epci_name(e)).map(str::to_owned),
        epci_code: epci,
        region: region.as_deref().and_then(|g| t.region_name(g)).map(str::to_owned),
        region_code: region,
        qpv: r.get(23)?,
        frr: frr.label().to_owned(),
        rural,
        employees,
        cdi,
    })
}

pub(crate) fn case_rows(conn: &Connection, period: &Period, grid: bool) -> Result<Vec<CaseRow>> {
    query(conn, &cases_sql(), period, |r| case_row(r, period.to, grid))
}

/// With a funder line, the ingénieries it pays for; without, all of them.
pub(crate) fn engagement_rows(conn: &Connection, period: &Period) -> Result<Vec<EngagementRow>> {
    let sql = "SELECT e.title, e.theme, e.mode, k.name, e.days, e.cost_ht, e.cost_ttc, f.name, f.programme,
                e.terms_date, e.consultation_date, e.decision_date, e.kickoff_date, e.restitution_date,
                e.final_report_date, e.cancelled_on,
                (SELECT group_concat(c.reference, ', ') FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id
                 WHERE ec.engagement_id = e.id),
                (SELECT group_concat(s.name, ', ') FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id
                 JOIN structures s ON s.id = c.structure_id WHERE ec.engagement_id = e.id)
         FROM engagements e LEFT JOIN consultants k ON k.id = e.consultant_id LEFT JOIN funders f ON f.id = e.funder_id
         WHERE e.rowid IN (SELECT rowid FROM engagements WHERE decision_date BETWEEN :from AND :to
                           UNION SELECT rowid FROM engagements WHERE final_report_date BETWEEN :from AND :to
                           UNION SELECT rowid FROM engagements WHERE cancelled_on BETWEEN :from AND :to)
           AND (:funder IS NULL OR e.funder_id = :funder)
         ORDER BY e.decision_date, e.created_at";
    query(conn, sql, period, |r| {
        let theme: Theme = r.get(1)?;
        let mode: EngagementMode = r.get(2)?;
        let funder: Option<String> = r.get(7)?;
        let programme: Option<String> = r.get(8)?;
        let dates = Milestones::read(r, 9)?.as_of(period.to);
        let status = dates.status();
        let within = |d: Option<NaiveDate>| d.is_some_and(|d| period.holds(d));
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
            decided_on: dates.decision,
            delivered_on: dates.final_report,
            cancelled_on: dates.cancelled,
            engaged_in_period: within(dates.decision),
            delivered_in_period: within(dates.final_report),
            cancelled_in_period: within(dates.cancelled),
            cases: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
            structures: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
        })
    })
}

/// The applications of the cases the funder line answers for.
pub(crate) fn finance_rows(conn: &Connection, period: &Period) -> Result<Vec<FinanceRow>> {
    let sql = format!(
        "SELECT c.reference, s.name, a.tool, a.body, a.amount_requested, a.amount_obtained, a.status,
                a.submitted_on, a.decision_date
         FROM finance_applications a JOIN cases c ON c.id = a.case_id JOIN structures s ON s.id = c.structure_id
         WHERE a.rowid IN (SELECT rowid FROM finance_applications WHERE submitted_on BETWEEN :from AND :to
                           UNION SELECT rowid FROM finance_applications WHERE decision_date BETWEEN :from AND :to)
           AND {FUNDED}
         ORDER BY c.reference, a.created_at"
    );
    query(conn, &sql, period, |r| {
        let tool: FinanceTool = r.get(2)?;
        let status: FinanceStatus = r.get(6)?;
        let decided: Option<NaiveDate> = r.get(8)?;
        let submitted_on =
            if status == FinanceStatus::Preparing { None } else { r.get::<_, Option<NaiveDate>>(7)?.or(decided) };
        // As it stood on the period's last day: a decision taken since is not yet known.
        let decision_date = decided.filter(|d| *d <= period.to);
        let status = match status {
            FinanceStatus::Granted | FinanceStatus::Refused if decision_date.is_none() => FinanceStatus::Submitted,
            status => status,
        };
        let decided_in_period = decision_date.is_some_and(|d| period.holds(d));
        Ok(FinanceRow {
            reference: r.get(0)?,
            structure: r.get(1)?,
            tool: tool.label().to_owned(),
            body: r.get(3)?,
            requested: r.get(4)?,
            obtained: if status == FinanceStatus::Granted { r.get(5)? } else { None },
            status: status.label().to_owned(),
            submitted_in_period: submitted_on.is_some_and(|d| period.holds(d)),
            granted_in_period: decided_in_period && status == FinanceStatus::Granted,
            refused_in_period: decided_in_period && status == FinanceStatus::Refused,
            submitted_on,
            decision_date,
        })
    })
}

/// The follow-ups of the cases the funder line answers for.
pub(crate) fn follow_up_rows(conn: &Connection, period: &Period) -> Result<Vec<FollowUpRow>> {
    let sql = format!(
        "SELECT c.reference, s.name, f.done_on, d.validated_on, d.headcount, d.etp, f.headcount, f.etp,
                f.jobs, f.economic, f.strategy, f.partnerships
         FROM follow_ups f JOIN cases c ON c.id = f.case_id JOIN structures s ON s.id = c.structure_id
             LEFT JOIN diagnostics d ON d.case_id = f.case_id
         WHERE f.done_on BETWEEN :from AND :to AND {FUNDED}
         ORDER BY f.done_on, c.reference"
    );
    query(conn, &sql, period, |r| {
        let done_on: NaiveDate = r.get(2)?;
        let diagnosed_on: Option<NaiveDate> = r.get(3)?;
        let in_window = diagnosed_on.is_some_and(|d| {
            let due = follow_up_due(d, true, done_on);
            due.from <= done_on && done_on <= due.until
        });
        Ok(FollowUpRow {
            reference: r.get(0)?,
            structure: r.get(1)?,
            done_on,
            diagnosed_on,
            in_window,
            headcount_before: r.get(4)?,
            etp_before: r.get(5)?,
            headcount_after: r.get(6)?,
            etp_after: r.get(7)?,
            criteria: [r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?],
        })
    })
}

/// What the period's flows count beside its rows: requests received, cases finished and
/// diagnostics validated on one of its days, of the cases the funder line answers for.
pub(crate) struct CaseFlows {
    pub requested: usize,
    pub finished: usize,
    pub diagnosed: usize,
}

/// The requests received in the period, read from their dates' index.
fn requested_sql() -> String {
    format!("SELECT count(*) FROM cases c WHERE c.request_date BETWEEN :from AND :to AND {FUNDED}")
}

pub(crate) fn case_flows(conn: &Connection, period: &Period) -> Result<CaseFlows> {
    let count = |sql: String| -> Result<usize> {
        let n: Vec<i64> = query(conn, &sql, period, |r| r.get(0))?;
        Ok(n.first().copied().map_or(0, |n| usize::try_from(n).unwrap_or(0)))
    };
    Ok(CaseFlows {
        requested: count(requested_sql())?,
        finished: count(format!(
            "SELECT count(*) FROM case_spans sp JOIN cases c ON c.id = sp.case_id
             WHERE sp.closed_on BETWEEN :from AND :to AND {FUNDED}"
        ))?,
        diagnosed: count(format!(
            "SELECT count(*) FROM diagnostics d JOIN cases c ON c.id = d.case_id
             WHERE d.validated_on BETWEEN :from AND :to AND {FUNDED}"
        ))?,
    })
}

/// With a funder line: what the ingénieries engaged in the period cost for the cases it
/// answers for, all funders together (the part the line pays is in its own rows).
pub(crate) fn cases_engagement_cost(conn: &Connection, period: &Period) -> Result<Option<Money>> {
    if period.funder_id.is_none() {
        return Ok(None);
    }
    let sql = format!(
        "SELECT coalesce(sum(e.cost_ht), 0) FROM engagements e
         WHERE e.decision_date BETWEEN :from AND :to
           AND e.id IN (SELECT ec.engagement_id FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id WHERE {FUNDED})"
    );
    let total: Vec<Money> = query(conn, &sql, period, |r| r.get(0))?;
    Ok(total.first().copied())
}

#[cfg(test)]
mod tests {
    use rusqlite::types::Value;

    fn plan(sql: &str) -> String {
        let store = crate::Store::open_in_memory().unwrap();
        let count = store.conn().prepare(sql).unwrap().parameter_count();
        crate::store::query_plan(store.conn(), sql, &vec![Value::Text("2026-12-31".into()); count])
    }

    #[test]
    fn whether_a_case_is_its_structure_s_first_is_read_from_an_index_alone() {
        let plan = plan(&super::cases_sql());
        assert!(plan.contains("SEARCH p USING COVERING INDEX cases_by_structure_and_request"), "{plan}");
    }

    #[test]
    fn the_period_s_requests_are_a_range_of_an_index_not_every_case() {
        let plan = plan(&super::requested_sql());
        assert!(
            plan.contains("SEARCH c USING COVERING INDEX cases_by_request (request_date>? AND request_date<?)"),
            "{plan}"
        );
    }
}
