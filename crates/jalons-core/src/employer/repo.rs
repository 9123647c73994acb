//! Reading and writing a structure's employer checklist, saved whole as the form shows it.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::input::validate_all;
use super::{EmployerFunction, Obligation, ObligationInput, ObligationStatus};
use crate::ids::{new_id, parse_id};
use crate::{Error, Result, Store};

pub(crate) const ENTITY: &str = "employer";

/// The SQL twin of `is_late`, over `employer_obligations o`, for lists that flag or filter
/// late structures; its one parameter is today.
pub(crate) const LATE_SQL: &str = "o.status <> 'not_applicable' AND o.next_due < ?";

pub(crate) fn is_late(status: ObligationStatus, next_due: Option<NaiveDate>, today: NaiveDate) -> bool {
    status != ObligationStatus::NotApplicable && next_due.is_some_and(|d| d < today)
}

fn load(conn: &Connection, structure_id: &str, today: NaiveDate) -> Result<EmployerFunction> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, label, status, last_done, period_months, next_due, note, due_override
         FROM employer_obligations WHERE structure_id = ?1 ORDER BY position",
    )?;
    let obligations: Vec<Obligation> = stmt
        .query_map([structure_id], |r| {
            let status = r.get(3)?;
            let next_due = r.get(6)?;
            Ok(Obligation {
                id: r.get(0)?,
                kind: r.get(1)?,
                label: r.get(2)?,
                status,
                last_done: r.get(4)?,
                period_months: r.get(5)?,
                due_override: r.get(8)?,
                next_due,
                note: r.get(7)?,
                late: is_late(status, next_due, today),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let late = obligations.iter().filter(|o| o.late).count() as i64;
    Ok(EmployerFunction { structure_id: structure_id.to_owned(), obligations, late })
}

/// The audited form of a checklist: one line per obligation, named and summed up in
/// French, so that the history reads « DUERP : À faire → À jour, fait le 01/10/2024 ».
fn snapshot(e: &EmployerFunction) -> serde_json::Value {
    let date = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    e.obligations
        .iter()
        .map(|o| {
            let name = o.label.clone().unwrap_or_else(|| o.kind.label().to_owned());
            let mut summary = vec![o.status.label().to_owned()];
            summary.extend(o.last_done.map(|d| format!("fait le {}", date(d))));
            summary.extend(o.next_due.map(|d| format!("échéance le {}", date(d))));
            summary.extend(o.note.clone());
            (name, serde_json::Value::String(summary.join(", ")))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

impl Store {
    pub fn get_employer_function(&self, structure_id: &str) -> Result<EmployerFunction> {
        let id = parse_id("structure_id", structure_id)?;
        self.get_structure(&id)?;
        load(self.conn(), &id, self.today())
    }

    pub fn save_obligations(&mut self, structure_id: &str, items: &[ObligationInput]) -> Result<EmployerFunction> {
        let id = parse_id("structure_id", structure_id)?;
        let valid = validate_all(items, self.today())?;
        self.write(|w| {
            let exists: bool =
                w.tx.query_row("SELECT EXISTS (SELECT 1 FROM structures WHERE id = ?1)", [&id], |r| r.get(0))?;
            if !exists {
                return Err(Error::not_found("Cette structure n'existe pas ou plus."));
            }
            let before = load(&w.tx, &id, w.today)?;
            w.tx.execute("DELETE FROM employer_obligations WHERE structure_id = ?1", [&id])?;
            for (position, o) in (0_i64..).zip(&valid) {
                w.tx.execute(
                    "INSERT INTO employer_obligations (id, structure_id, position, kind, label, status, last_done, period_months,
                                                       due_override, next_due, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        new_id(),
                        id,
                        position,
                        o.kind,
                        o.label,
                        o.status,
                        o.last_done,
                        o.period_months,
                        o.due_override,
                        o.next_due,
                        o.note
                    ],
                )?;
            }
            let after = load(&w.tx, &id, w.today)?;
            w.audit(ENTITY, &id, "update", Some(&snapshot(&before)), Some(&snapshot(&after)))?;
            Ok(after)
        })
    }
}
