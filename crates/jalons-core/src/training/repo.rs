//! Reading and writing a structure's OPCO and training actions, and the yearly totals.

use std::collections::BTreeMap;

use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension, params};

use super::input::ValidTrainingAction;
use super::{Opco, TrainingAction, TrainingActionInput, TrainingPlan, TrainingStatus, TrainingYear};
use crate::ids::{new_id, parse_id};
use crate::store::WriteCtx;
use crate::values::{Hours, Money};
use crate::{Error, Result, Store};

/// Audited under the structure's id, so the structure's history shows it.
pub(crate) const ENTITY: &str = "training";

const SELECT: &str =
    "SELECT id, structure_id, title, people, hours, cost, funding_requested, funding_obtained, start_on,
        end_on, status, note
    FROM training_actions";

fn actions(conn: &Connection, clause: &str, id: &str) -> Result<Vec<TrainingAction>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE {clause} ORDER BY COALESCE(start_on, end_on) IS NULL, COALESCE(start_on, end_on) DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok(TrainingAction {
            id: r.get(0)?,
            structure_id: r.get(1)?,
            title: r.get(2)?,
            people: r.get(3)?,
            hours: r.get(4)?,
            cost: r.get(5)?,
            funding_requested: r.get(6)?,
            funding_obtained: r.get(7)?,
            start_on: r.get(8)?,
            end_on: r.get(9)?,
            status: r.get(10)?,
            note: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_action(conn: &Connection, id: &str) -> Result<TrainingAction> {
    actions(conn, "id = ?1", id)?
        .pop()
        .ok_or_else(|| Error::not_found("Cette action de formation n'existe pas ou plus."))
}

/// Totals per year of the actions not cancelled, newest year first, undated last.
pub(crate) fn years(actions: &[TrainingAction]) -> Vec<TrainingYear> {
    let mut by_year: BTreeMap<Option<i32>, TrainingYear> = BTreeMap::new();
    for a in actions.iter().filter(|a| a.status != TrainingStatus::Cancelled) {
        let year = a.start_on.or(a.end_on).map(|d| d.year());
        let y = by_year.entry(year).or_insert_with(|| TrainingYear { year, ..Default::default() });
        y.actions += 1;
        y.people += a.people.unwrap_or(0);
        y.hours = Hours(y.hours.0 + a.hours.map_or(0, |h| h.0));
        y.cost = Money(y.cost.0 + a.cost.map_or(0, |m| m.0));
        y.funding_requested = Money(y.funding_requested.0 + a.funding_requested.map_or(0, |m| m.0));
        y.funding_obtained = Money(y.funding_obtained.0 + a.funding_obtained.map_or(0, |m| m.0));
    }
    let mut out: Vec<TrainingYear> = by_year.into_values().collect();
    out.sort_by_key(|y| std::cmp::Reverse(y.year.map_or(i32::MIN, |y| y)));
    out
}

fn plan(conn: &Connection, structure_id: &str) -> Result<TrainingPlan> {
    let opco: Option<Opco> = conn
        .query_row("SELECT opco FROM training_plans WHERE structure_id = ?1", [structure_id], |r| r.get(0))
        .optional()?
        .flatten();
    let actions = actions(conn, "structure_id = ?1", structure_id)?;
    Ok(TrainingPlan { structure_id: structure_id.to_owned(), opco, years: years(&actions), actions })
}

fn ensure_structure(conn: &Connection, id: &str) -> Result<()> {
    let exists: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM structures WHERE id = ?1)", [id], |r| r.get(0))?;
    if exists { Ok(()) } else { Err(Error::not_found("Cette structure n'existe pas ou plus.")) }
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidTrainingAction) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE training_actions SET title = ?2, people = ?3, hours = ?4, cost = ?5, funding_requested = ?6,
                funding_obtained = ?7, start_on = ?8, end_on = ?9, status = ?10, note = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
            id,
            v.title,
            v.people,
            v.hours,
            v.cost,
            v.funding_requested,
            v.funding_obtained,
            v.start_on,
            v.end_on,
            v.status,
            v.note,
            w.now
        ],
    )?;
    Ok(())
}

/// An action as the structure's history reads it: one line under its title, in French,
/// so that a change reads « Formation « Paie » : Prévue, 2 personnes → Réalisée… ».
fn snapshot(a: &TrainingAction) -> serde_json::Value {
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let mut parts = vec![a.status.label().to_owned()];
    parts.extend(a.people.map(|n| format!("{n} personne{}", if n > 1 { "s" } else { "" })));
    parts.extend(a.hours.map(|h| format!("{h} h")));
    parts.extend(a.cost.map(|m| format!("coût {m}")));
    parts.extend(a.funding_requested.map(|m| format!("demandé {m}")));
    parts.extend(a.funding_obtained.map(|m| format!("obtenu {m}")));
    parts.extend(a.start_on.map(|d| format!("début {}", date(d))));
    parts.extend(a.end_on.map(|d| format!("fin {}", date(d))));
    serde_json::json!({ format!("Formation «\u{a0}{}\u{a0}»", a.title): parts.join(", ") })
}

/// Records a change of the plan on the structure: an action added, changed or removed.
fn audit(
    w: &crate::store::WriteCtx<'_>,
    structure_id: &str,
    before: Option<&TrainingAction>,
    after: Option<&TrainingAction>,
) -> Result<()> {
    let empty = serde_json::json!({});
    let (b, a) = (before.map(snapshot), after.map(snapshot));
    w.audit(ENTITY, structure_id, "update", Some(b.as_ref().unwrap_or(&empty)), Some(a.as_ref().unwrap_or(&empty)))
}

impl Store {
    pub fn get_training(&self, structure_id: &str) -> Result<TrainingPlan> {
        let id = parse_id("structure_id", structure_id)?;
        ensure_structure(self.conn(), &id)?;
        plan(self.conn(), &id)
    }

    /// The OPCO the structure pays its training contribution to; empty clears it.
    pub fn set_opco(&mut self, structure_id: &str, opco: &str) -> Result<TrainingPlan> {
        let id = parse_id("structure_id", structure_id)?;
        let opco = if opco.trim().is_empty() { None } else { Some(Opco::parse("opco", opco)?) };
        self.write(|w| {
            ensure_structure(&w.tx, &id)?;
            let before = plan(&w.tx, &id)?.opco;
            w.tx.execute(
                "INSERT INTO training_plans (structure_id, opco) VALUES (?1, ?2)
                 ON CONFLICT (structure_id) DO UPDATE SET opco = excluded.opco",
                params![id, opco],
            )?;
            let label = |o: Option<Opco>| serde_json::json!({ "opco": o.map(Opco::label) });
            w.audit(ENTITY, &id, "update", Some(&label(before)), Some(&label(opco)))?;
            plan(&w.tx, &id)
        })
    }

    pub fn create_training_action(&mut self, input: &TrainingActionInput) -> Result<TrainingPlan> {
        let v = input.validate()?;
        self.write(|w| {
            ensure_structure(&w.tx, &v.structure_id)?;
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO training_actions (id, structure_id, title, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![id, v.structure_id, v.title, v.status, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load_action(&w.tx, &id)?;
            audit(w, &v.structure_id, None, Some(&after))?;
            plan(&w.tx, &v.structure_id)
        })
    }

    pub fn update_training_action(&mut self, id: &str, input: &TrainingActionInput) -> Result<TrainingPlan> {
        let id = parse_id("id", id)?;
        let v = input.validate()?;
        self.write(|w| {
            let before = load_action(&w.tx, &id)?;
            if before.structure_id != v.structure_id {
                return Err(Error::validation("structure_id", "Une action de formation reste sur sa structure."));
            }
            write_fields(w, &id, &v)?;
            let after = load_action(&w.tx, &id)?;
            audit(w, &v.structure_id, Some(&before), Some(&after))?;
            plan(&w.tx, &v.structure_id)
        })
    }

    pub fn delete_training_action(&mut self, id: &str) -> Result<TrainingPlan> {
        let id = parse_id("id", id)?;
        self.write(|w| {
            let before = load_action(&w.tx, &id)?;
            w.tx.execute("DELETE FROM training_actions WHERE id = ?1", [&id])?;
            audit(w, &before.structure_id, Some(&before), None)?;
            plan(&w.tx, &before.structure_id)
        })
    }
}
