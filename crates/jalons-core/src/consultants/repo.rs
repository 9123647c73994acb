//! Reading and writing the consultant registry.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::input::ValidConsultant;
use super::{Consultant, ConsultantFilter, ConsultantInput};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest, SqlList};
use crate::store::WriteCtx;
use crate::values::fold;
use crate::{Error, Result, Store};

const ENTITY: &str = "consultant";

const SELECT: &str = "SELECT c.id, c.name, c.organisation, c.siret, c.skills, c.sectors, c.day_rate, c.email, c.phone,
        c.notes, c.created_at, c.updated_at,
        (SELECT COUNT(*) FROM engagements e WHERE e.consultant_id = c.id AND e.cancelled_on IS NULL),
        c.lawful_basis, c.lawful_basis_since
    FROM consultants c";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Consultant> {
    let skills: String = r.get(4)?;
    let name: String = r.get(1)?;
    Ok(Consultant {
        id: r.get(0)?,
        erased: name == crate::privacy::ERASED,
        name,
        organisation: r.get(2)?,
        siret: r.get(3)?,
        skills: serde_json::from_str(&skills)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, e.into()))?,
        sectors: r.get(5)?,
        day_rate: r.get(6)?,
        email: r.get(7)?,
        phone: r.get(8)?,
        notes: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        engagements: r.get(12)?,
        lawful_basis: r.get(13)?,
        lawful_basis_since: r.get(14)?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<Consultant> {
    conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Ce consultant n'existe pas ou plus."))
}

fn search_text(v: &ValidConsultant) -> String {
    fold(
        &[Some(v.name.as_str()), v.organisation.as_deref(), v.sectors.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidConsultant) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE consultants SET name = ?2, search_name = ?3, organisation = ?4, siret = ?5, skills = ?6, sectors = ?7,
                day_rate = ?8, email = ?9, phone = ?10, notes = ?11, updated_at = ?12,
                lawful_basis_since = CASE WHEN lawful_basis = ?13 AND lawful_basis_since IS NOT NULL
                    THEN lawful_basis_since ELSE ?14 END,
                lawful_basis = ?13
         WHERE id = ?1",
        params![
            id,
            v.name,
            search_text(v),
            v.organisation,
            v.siret,
            serde_json::to_string(&v.skills)?,
            v.sectors,
            v.day_rate,
            v.email,
            v.phone,
            v.notes,
            w.now,
            v.lawful_basis,
            w.today
        ],
    )?;
    Ok(())
}

impl Store {
    pub fn get_consultant(&self, id: &str) -> Result<Consultant> {
        load(self.conn(), &parse_id("id", id)?)
    }

    pub fn create_consultant(&mut self, input: &ConsultantInput) -> Result<Consultant> {
        let v = input.validate()?;
        self.write(|w| {
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO consultants (id, name, search_name, created_at, updated_at) VALUES (?1, '', '', ?2, ?2)",
                params![id, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_consultant(&mut self, id: &str, input: &ConsultantInput) -> Result<Consultant> {
        let id = parse_id("id", id)?;
        let v = input.validate()?;
        self.write(|w| w.audited(ENTITY, &id, "update", load, |_| write_fields(w, &id, &v)))
    }

    /// One page of the consultants matching the filter, by name, and how many match.
    pub fn list_consultants(&self, filter: &ConsultantFilter, page: PageRequest) -> Result<Page<Consultant>> {
        let mut clauses = vec!["c.archived_at IS NULL".to_owned()];
        let mut params: Vec<Value> = Vec::new();
        crate::store::every_word_in("c.search_name", &filter.query, &mut clauses, &mut params);
        if let Some(skill) = filter.skill {
            clauses.push("EXISTS (SELECT 1 FROM json_each(c.skills) WHERE value = ?)".to_owned());
            params.push(Value::Text(skill.code().to_owned()));
        }
        let list = SqlList {
            select: SELECT,
            count_from: "FROM consultants c",
            clauses: &clauses,
            order: "c.search_name, c.id",
        };
        list.read(self.conn(), params, page, from_row)
    }

    pub fn consultant_history(&self, id: &str, page: PageRequest) -> Result<Page<crate::store::audit::AuditEntry>> {
        crate::store::audit::history(self.conn(), &[ENTITY], &parse_id("id", id)?, page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_consultants_ingenieries_are_counted_from_an_index() {
        let store = Store::open_in_memory().unwrap();
        let plan =
            crate::store::query_plan(store.conn(), &format!("{SELECT} WHERE c.id = ?"), &[Value::Text("x".into())]);
        assert!(plan.contains("SEARCH e USING COVERING INDEX engagements_consultant"), "{plan}");
    }
}
