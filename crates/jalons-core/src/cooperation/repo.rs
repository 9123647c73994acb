//! Reading and writing cooperation projects and the structures they link.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::input::ValidCooperation;
use super::{CooperationFilter, CooperationInput, CooperationMember, CooperationProject};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest, SqlList};
use crate::store::WriteCtx;
use crate::values::fold;
use crate::{Error, Result, Store};

const ENTITY: &str = "cooperation";

const SELECT: &str =
    "SELECT p.id, p.name, p.kind, p.stage, p.started_on, p.territory, p.notes, p.created_at, p.updated_at
    FROM cooperation_projects p";

fn from_row(r: &Row<'_>) -> rusqlite::Result<CooperationProject> {
    Ok(CooperationProject {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        stage: r.get(3)?,
        started_on: r.get(4)?,
        territory: r.get(5)?,
        notes: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        members: Vec::new(),
    })
}

fn with_members(conn: &Connection, mut p: CooperationProject) -> Result<CooperationProject> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.structure_id, s.name, s.commune_name, m.role
         FROM cooperation_members m JOIN structures s ON s.id = m.structure_id
         WHERE m.project_id = ?1 ORDER BY m.position",
    )?;
    p.members = stmt
        .query_map([&p.id], |r| {
            Ok(CooperationMember {
                structure_id: r.get(0)?,
                structure_name: r.get(1)?,
                commune_name: r.get(2)?,
                role: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

fn load(conn: &Connection, id: &str) -> Result<CooperationProject> {
    let p = conn
        .query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Ce projet de coopération n'existe pas ou plus."))?;
    with_members(conn, p)
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidCooperation) -> Result<()> {
    let conn: &Connection = &w.tx;
    let mut names = vec![v.name.clone()];
    names.extend(v.territory.clone());
    for (position, m) in (0_i64..).zip(&v.members) {
        let name: Option<String> =
            conn.query_row("SELECT name FROM structures WHERE id = ?1", [&m.structure_id], |r| r.get(0)).optional()?;
        let Some(name) = name else {
            return Err(Error::validation(
                &format!("members.{position}.structure_id"),
                "Cette structure n'existe pas ou plus.",
            ));
        };
        names.push(name);
    }
    conn.execute(
        "UPDATE cooperation_projects SET name = ?2, search_name = ?3, kind = ?4, stage = ?5, started_on = ?6,
                territory = ?7, notes = ?8, updated_at = ?9
         WHERE id = ?1",
        params![id, v.name, fold(&names.join(" ")), v.kind, v.stage, v.started_on, v.territory, v.notes, w.now],
    )?;
    conn.execute("DELETE FROM cooperation_members WHERE project_id = ?1", [id])?;
    for (position, m) in (0_i64..).zip(&v.members) {
        conn.execute(
            "INSERT INTO cooperation_members (project_id, structure_id, position, role) VALUES (?1, ?2, ?3, ?4)",
            params![id, m.structure_id, position, m.role],
        )?;
    }
    Ok(())
}

/// The audited form of a project: its members read as names, not ids; its kind and stage
/// under names of their own, since a case's `stage` is another list.
fn snapshot(p: &CooperationProject) -> serde_json::Value {
    let members: Vec<String> = p
        .members
        .iter()
        .map(|m| match &m.role {
            Some(role) => format!("{} ({role})", m.structure_name),
            None => m.structure_name.clone(),
        })
        .collect();
    serde_json::json!({
        "name": p.name,
        "cooperation_kind": p.kind,
        "cooperation_stage": p.stage,
        "started_on": p.started_on,
        "territory": p.territory,
        "notes": p.notes,
        "members": members.join(", "),
    })
}

impl Store {
    pub fn get_cooperation(&self, id: &str) -> Result<CooperationProject> {
        load(self.conn(), &parse_id("id", id)?)
    }

    pub fn create_cooperation(&mut self, input: &CooperationInput) -> Result<CooperationProject> {
        let v = input.validate(self.today())?;
        self.write(|w| {
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO cooperation_projects (id, name, search_name, kind, stage, created_at, updated_at)
                 VALUES (?1, '', '', ?2, ?3, ?4, ?4)",
                params![id, v.kind, v.stage, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&snapshot(&after)))?;
            Ok(after)
        })
    }

    pub fn update_cooperation(&mut self, id: &str, input: &CooperationInput) -> Result<CooperationProject> {
        let id = parse_id("id", id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            let before = load(&w.tx, &id)?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "update", Some(&snapshot(&before)), Some(&snapshot(&after)))?;
            Ok(after)
        })
    }

    /// One page of the projects by name, each with its members, and how many match.
    pub fn list_cooperations(&self, filter: &CooperationFilter, page: PageRequest) -> Result<Page<CooperationProject>> {
        let mut clauses = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        crate::store::every_word_in("p.search_name", &filter.query, &mut clauses, &mut params);
        if let Some(kind) = filter.kind {
            clauses.push("p.kind = ?".to_owned());
            params.push(Value::Text(kind.code().to_owned()));
        }
        if let Some(structure_id) = &filter.structure_id {
            clauses.push("p.id IN (SELECT project_id FROM cooperation_members WHERE structure_id = ?)".to_owned());
            params.push(Value::Text(parse_id("structure_id", structure_id)?));
        }
        let list = SqlList {
            select: SELECT,
            count_from: "FROM cooperation_projects p",
            clauses: &clauses,
            order: "p.search_name, p.id",
        };
        let Page { rows, offset, total } = list.read(self.conn(), params, page, from_row)?;
        let rows = rows.into_iter().map(|p| with_members(self.conn(), p)).collect::<Result<_>>()?;
        Ok(Page { rows, offset, total })
    }

    pub fn cooperation_history(&self, id: &str, page: PageRequest) -> Result<Page<crate::store::audit::AuditEntry>> {
        crate::store::audit::history(self.conn(), &[ENTITY], &parse_id("id", id)?, page)
    }
}
