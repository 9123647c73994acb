//! Reading and writing tasks.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Task, TaskFilter, TaskInput};
use crate::ids::{new_id, parse_id};
use crate::{Error, Result, Store};

const ENTITY: &str = "task";

pub(super) const SELECT: &str =
    "SELECT t.id, t.structure_id, s.name, t.case_id, c.reference, t.title, t.due_on, t.done_on
    FROM tasks t JOIN structures s ON s.id = t.structure_id LEFT JOIN cases c ON c.id = t.case_id";

pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(0)?,
        structure_id: r.get(1)?,
        structure_name: r.get(2)?,
        case_id: r.get(3)?,
        case_reference: r.get(4)?,
        title: r.get(5)?,
        due_on: r.get(6)?,
        done_on: r.get(7)?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<Task> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette tâche n'existe pas ou plus."))
}

impl Store {
    /// Open tasks first by due date, then (when asked) the done ones, latest first.
    pub fn list_tasks(&self, filter: &TaskFilter) -> Result<Vec<Task>> {
        let mut clauses = vec!["1 = 1".to_owned()];
        let mut params: Vec<Value> = Vec::new();
        if let Some(id) = &filter.structure_id {
            clauses.push("t.structure_id = ?".to_owned());
            params.push(Value::Text(parse_id("structure_id", id)?));
        }
        if let Some(id) = &filter.case_id {
            clauses.push("t.case_id = ?".to_owned());
            params.push(Value::Text(parse_id("case_id", id)?));
        }
        if !filter.include_done {
            clauses.push("t.done_on IS NULL".to_owned());
        }
        let mut stmt = self.conn().prepare(&format!(
            "{SELECT} WHERE {} ORDER BY t.done_on IS NOT NULL, t.done_on DESC, t.due_on, t.created_at",
            clauses.join(" AND ")
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn create_task(&mut self, input: &TaskInput) -> Result<Task> {
        let v = input.validate()?;
        self.write(|w| {
            crate::cases::check_structure_and_case(&w.tx, &v.structure_id, v.case_id.as_deref())?;
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO tasks (id, structure_id, case_id, title, due_on, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![id, v.structure_id, v.case_id, v.title, v.due_on, now],
            )?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_task(&mut self, id: &str, input: &TaskInput) -> Result<Task> {
        let id = parse_id("id", id)?;
        let v = input.validate()?;
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |_| {
                crate::cases::check_structure_and_case(&w.tx, &v.structure_id, v.case_id.as_deref())?;
                w.tx.execute(
                    "UPDATE tasks SET structure_id = ?2, case_id = ?3, title = ?4, due_on = ?5, updated_at = ?6 WHERE id = ?1",
                    params![id, v.structure_id, v.case_id, v.title, v.due_on, w.now],
                )?;
                Ok(())
            })
        })
    }

    /// Ticks a task done today, or back to be done.
    pub fn set_task_done(&mut self, id: &str, done: bool) -> Result<Task> {
        let id = parse_id("id", id)?;
        let done_on = done.then(|| self.today());
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |_| {
                w.tx.execute(
                    "UPDATE tasks SET done_on = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, done_on, w.now],
                )?;
                Ok(())
            })
        })
    }

    pub fn delete_task(&mut self, id: &str) -> Result<()> {
        let id = parse_id("id", id)?;
        self.write(|w| {
            let before = load(&w.tx, &id)?;
            w.tx.execute("DELETE FROM tasks WHERE id = ?1", [&id])?;
            w.audit(ENTITY, &id, "delete", Some(&serde_json::to_value(&before)?), None)
        })
    }
}
