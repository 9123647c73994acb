//! Reading and writing journal entries.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::input::ValidJournal;
use super::{JournalEntry, JournalFilter, JournalInput};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest, SqlList};
use crate::store::WriteCtx;
use crate::{Error, Result, Store};

const ENTITY: &str = "journal";

const SELECT: &str = "SELECT j.id, j.structure_id, s.name, j.case_id, c.reference, j.kind, j.occurred_on, j.duration,
        j.people, j.place, j.body, j.created_at, j.updated_at,
        (SELECT COUNT(*) FROM attachments a WHERE a.journal_id = j.id)
    FROM journal_entries j JOIN structures s ON s.id = j.structure_id LEFT JOIN cases c ON c.id = j.case_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    let people: String = r.get(8)?;
    Ok(JournalEntry {
        id: r.get(0)?,
        structure_id: r.get(1)?,
        structure_name: r.get(2)?,
        case_id: r.get(3)?,
        case_reference: r.get(4)?,
        kind: r.get(5)?,
        occurred_on: r.get(6)?,
        duration: r.get(7)?,
        people: serde_json::from_str(&people)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, e.into()))?,
        place: r.get(9)?,
        body: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        attachments: r.get(13)?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<JournalEntry> {
    conn.query_row(&format!("{SELECT} WHERE j.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette entrée du journal n'existe pas ou plus."))
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidJournal) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE journal_entries SET structure_id = ?2, case_id = ?3, kind = ?4, occurred_on = ?5, duration = ?6,
                people = ?7, place = ?8, body = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            v.structure_id,
            v.case_id,
            v.kind,
            v.occurred_on,
            v.duration,
            serde_json::to_string(&v.people)?,
            v.place,
            v.body,
            w.now
        ],
    )?;
    Ok(())
}

impl Store {
    /// Newest first: a case's entries, or a structure's with those of its cases.
    /// One page of a structure's or a case's journal, the most recent meeting first (the
    /// latest written first on the same day); a busy structure's years of entries are read
    /// a page at a time.
    pub fn list_journal(&self, filter: &JournalFilter, page: PageRequest) -> Result<Page<JournalEntry>> {
        let mut clauses = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if let Some(id) = &filter.structure_id {
            clauses.push("j.structure_id = ?".to_owned());
            params.push(Value::Text(parse_id("structure_id", id)?));
        }
        if let Some(id) = &filter.case_id {
            clauses.push("j.case_id = ?".to_owned());
            params.push(Value::Text(parse_id("case_id", id)?));
        }
        SqlList {
            select: SELECT,
            count_from: "FROM journal_entries j",
            clauses: &clauses,
            order: "j.occurred_on DESC, j.created_at DESC, j.id DESC",
        }
        .read(self.conn(), params, page, from_row)
    }

    pub fn get_journal_entry(&self, id: &str) -> Result<JournalEntry> {
        load(self.conn(), &parse_id("id", id)?)
    }

    pub fn create_journal_entry(&mut self, input: &JournalInput) -> Result<JournalEntry> {
        let v = input.validate(self.today())?;
        self.write(|w| {
            crate::cases::check_structure_and_case(&w.tx, &v.structure_id, v.case_id.as_deref())?;
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO journal_entries (id, structure_id, kind, occurred_on, body, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![id, v.structure_id, v.kind, v.occurred_on, v.body, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_journal_entry(&mut self, id: &str, input: &JournalInput) -> Result<JournalEntry> {
        let id = parse_id("id", id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |_| {
                crate::cases::check_structure_and_case(&w.tx, &v.structure_id, v.case_id.as_deref())?;
                write_fields(w, &id, &v)
            })
        })
    }

    /// Removes an entry and its attachments; the audit trail keeps what it said.
    pub fn delete_journal_entry(&mut self, id: &str) -> Result<()> {
        let id = parse_id("id", id)?;
        let orphans = self.write(|w| {
            let before = load(&w.tx, &id)?;
            let orphans = crate::attachments::remove_for_journal(w, &id)?;
            w.tx.execute("DELETE FROM journal_entries WHERE id = ?1", [&id])?;
            w.audit(ENTITY, &id, "delete", Some(&serde_json::to_value(&before)?), None)?;
            Ok(orphans)
        })?;
        self.forget_files(&orphans);
        Ok(())
    }

    pub fn journal_history(&self, id: &str, page: PageRequest) -> Result<Page<crate::store::audit::AuditEntry>> {
        crate::store::audit::history(self.conn(), &[ENTITY], &parse_id("id", id)?, page)
    }
}
