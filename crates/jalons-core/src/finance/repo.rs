//! Reading and writing solidarity finance applications, and their totals.

use rusqlite::types::Value;
use rusqlite::{Connection, params};

use super::input::ValidFinance;
use super::{
    FinanceApplication, FinanceFilter, FinanceInput, FinanceOverview, FinanceStatus, FinanceSummary, ToolTotal,
};
use crate::ids::{new_id, parse_id};
use crate::store::WriteCtx;
use crate::values::Money;
use crate::{Error, Result, Store};

const ENTITY: &str = "finance";

const SELECT: &str = "SELECT f.id, f.case_id, c.reference, s.id, s.name, f.tool, f.body, f.amount_requested,
        f.amount_obtained, f.submitted_on, f.decision_date, f.status, f.note
    FROM finance_applications f JOIN cases c ON c.id = f.case_id JOIN structures s ON s.id = c.structure_id";

/// The year an application counts in (see `FinanceFilter`).
const YEAR_SQL: &str = "substr(coalesce(f.decision_date, f.submitted_on, c.request_date), 1, 4)";

fn list(conn: &Connection, clause: &str, params: &[Value]) -> Result<Vec<FinanceApplication>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE {clause} ORDER BY c.request_date, f.created_at"))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        Ok(FinanceApplication {
            id: r.get(0)?,
            case_id: r.get(1)?,
            case_reference: r.get(2)?,
            structure_id: r.get(3)?,
            structure_name: r.get(4)?,
            tool: r.get(5)?,
            body: r.get(6)?,
            amount_requested: r.get(7)?,
            amount_obtained: r.get(8)?,
            submitted_on: r.get(9)?,
            decision_date: r.get(10)?,
            status: r.get(11)?,
            note: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn by_tool(applications: &[FinanceApplication]) -> Vec<ToolTotal> {
    let mut totals: Vec<ToolTotal> = Vec::new();
    for a in applications {
        let i = match totals.iter().position(|t| t.tool == a.tool) {
            Some(i) => i,
            None => {
                totals.push(ToolTotal { tool: a.tool, applications: 0, requested: Money(0), obtained: Money(0) });
                totals.len() - 1
            }
        };
        let t = &mut totals[i];
        t.applications += 1;
        if a.status != FinanceStatus::Withdrawn {
            t.requested.0 += a.amount_requested.0;
        }
        t.obtained.0 += a.amount_obtained.map_or(0, |m| m.0);
    }
    totals.sort_by(|a, b| b.obtained.cmp(&a.obtained).then(b.requested.cmp(&a.requested)));
    totals
}

fn summary(applications: Vec<FinanceApplication>) -> FinanceSummary {
    let requested =
        applications.iter().filter(|a| a.status != FinanceStatus::Withdrawn).map(|a| a.amount_requested.0).sum();
    let obtained = applications.iter().filter_map(|a| a.amount_obtained).map(|m| m.0).sum();
    FinanceSummary { applications, requested: Money(requested), obtained: Money(obtained) }
}

fn load(conn: &Connection, id: &str) -> Result<FinanceApplication> {
    list(conn, "f.id = ?1", &[Value::Text(id.to_owned())])?
        .pop()
        .ok_or_else(|| Error::not_found("Cette demande de financement n'existe pas ou plus."))
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidFinance) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE finance_applications SET tool = ?2, body = ?3, amount_requested = ?4, amount_obtained = ?5,
                submitted_on = ?6, decision_date = ?7, status = ?8, note = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            v.tool,
            v.body,
            v.amount_requested,
            v.amount_obtained,
            v.submitted_on,
            v.decision_date,
            v.status,
            v.note,
            w.now
        ],
    )?;
    Ok(())
}

impl Store {
    pub fn case_finance(&self, case_id: &str) -> Result<FinanceSummary> {
        Ok(summary(list(self.conn(), "f.case_id = ?1", &[Value::Text(parse_id("case_id", case_id)?)])?))
    }

    /// Every application made during the structure's cases.
    pub fn structure_finance(&self, structure_id: &str) -> Result<FinanceSummary> {
        Ok(summary(list(self.conn(), "c.structure_id = ?1", &[Value::Text(parse_id("structure_id", structure_id)?)])?))
    }

    /// Every application the filter keeps, for « how much did my cases obtain this year ».
    pub fn finance_overview(&self, filter: &FinanceFilter) -> Result<FinanceOverview> {
        let mut clauses = vec!["1 = 1".to_owned()];
        let mut params: Vec<Value> = Vec::new();
        if let Some(year) = filter.year {
            clauses.push(format!("{YEAR_SQL} = ?"));
            params.push(Value::Text(format!("{year:04}")));
        }
        if let Some(tool) = filter.tool {
            clauses.push("f.tool = ?".to_owned());
            params.push(Value::Text(tool.code().to_owned()));
        }
        if let Some(status) = filter.status {
            clauses.push("f.status = ?".to_owned());
            params.push(Value::Text(status.code().to_owned()));
        }
        let applications = list(self.conn(), &clauses.join(" AND "), &params)?;
        Ok(FinanceOverview { by_tool: by_tool(&applications), summary: summary(applications) })
    }

    pub fn create_finance_application(&mut self, input: &FinanceInput) -> Result<FinanceApplication> {
        let case_id = parse_id("case_id", &input.case_id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            crate::cases::editable_case(&w.tx, &case_id, crate::cases::CasePart::Finance)?;
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO finance_applications (id, case_id, tool, amount_requested, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![id, case_id, v.tool, v.amount_requested, v.status, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_finance_application(&mut self, id: &str, input: &FinanceInput) -> Result<FinanceApplication> {
        let id = parse_id("id", id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |before| {
                crate::cases::editable_case(&w.tx, &before.case_id, crate::cases::CasePart::Finance)?;
                write_fields(w, &id, &v)
            })
        })
    }
}
