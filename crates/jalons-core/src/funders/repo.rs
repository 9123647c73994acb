//! Reading and writing funder lines, and the lines that pay for a case.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Funder;
use super::case_lines::{self, CaseFunder, CaseFunderInput};
use super::input::{FunderInput, ValidFunder};
use crate::ids::{new_id, parse_id};
use crate::store::WriteCtx;
use crate::{Error, Result, Store};

const ENTITY: &str = "funder";

const COLUMNS: &str = "f.id, f.name, f.programme, f.period_start, f.period_end, f.archived_at IS NOT NULL,
        (SELECT COUNT(*) FROM case_funders cf WHERE cf.funder_id = f.id),
        (SELECT COUNT(*) FROM engagements e WHERE e.funder_id = f.id), f.created_at, f.updated_at";

/// Active lines first, then by name and programme.
const ORDER: &str = "ORDER BY f.archived_at IS NOT NULL, f.name COLLATE fr, f.programme COLLATE fr";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Funder> {
    Ok(Funder {
        id: r.get(0)?,
        name: r.get(1)?,
        programme: r.get(2)?,
        period_start: r.get(3)?,
        period_end: r.get(4)?,
        archived: r.get(5)?,
        cases: r.get(6)?,
        engagements: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

fn load(conn: &Connection, id: &str) -> Result<Funder> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM funders f WHERE f.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette ligne de financement n'existe pas ou plus."))
}

/// A line chosen on a case or an ingénierie must exist and be active, unless it was
/// already there (an archived line stays on what it paid for).
pub(crate) fn check_funder(conn: &Connection, field: &str, id: &str, already: &[String]) -> Result<()> {
    let archived: Option<bool> =
        conn.query_row("SELECT archived_at IS NOT NULL FROM funders WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    match archived {
        None => Err(Error::validation(field, "Une des lignes de financement choisies n'existe pas ou plus.")),
        Some(true) if !already.iter().any(|a| a == id) => Err(Error::validation(
            field,
            "Une des lignes de financement choisies est archivée\u{a0}: réactivez-la dans les paramètres ou choisissez-en une autre.",
        )),
        Some(_) => Ok(()),
    }
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidFunder) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE funders SET name = ?2, programme = ?3, period_start = ?4, period_end = ?5, updated_at = ?6 WHERE id = ?1",
        params![id, v.name, v.programme, v.period_start, v.period_end, w.now],
    )?;
    Ok(())
}

fn case_lines(conn: &Connection, case_id: &str) -> Result<Vec<CaseFunder>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, cf.amount, cf.share FROM funders f JOIN case_funders cf ON cf.funder_id = f.id
         WHERE cf.case_id = ?1 {ORDER}"
    ))?;
    let lines = stmt
        .query_map([case_id], |r| Ok(CaseFunder { line: from_row(r)?, amount: r.get(10)?, share: r.get(11)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines)
}

impl Store {
    /// Every line, active ones first; archived ones too, since cases still show them.
    pub fn list_funders(&self) -> Result<Vec<Funder>> {
        let mut stmt = self.conn().prepare(&format!("SELECT {COLUMNS} FROM funders f {ORDER}"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn create_funder(&mut self, input: &FunderInput) -> Result<Funder> {
        let v = input.validate()?;
        self.write(|w| {
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO funders (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                params![id, v.name, now],
            )?;
            write_fields(w, &id, &v)?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_funder(&mut self, id: &str, input: &FunderInput) -> Result<Funder> {
        let id = parse_id("id", id)?;
        let v = input.validate()?;
        self.write(|w| w.audited(ENTITY, &id, "update", load, |_| write_fields(w, &id, &v)))
    }

    /// An archived line is no longer offered on new cases and ingénieries.
    pub fn set_funder_archived(&mut self, id: &str, archived: bool) -> Result<Funder> {
        let id = parse_id("id", id)?;
        self.write(|w| {
            w.audited(ENTITY, &id, if archived { "archive" } else { "restore" }, load, |_| {
                w.tx.execute(
                    "UPDATE funders SET archived_at = CASE WHEN ?2 THEN ?3 END, updated_at = ?3 WHERE id = ?1",
                    params![id, archived, w.now],
                )?;
                Ok(())
            })
        })
    }

    /// Only a line that pays for nothing can be deleted; otherwise it is archived.
    pub fn delete_funder(&mut self, id: &str) -> Result<()> {
        let id = parse_id("id", id)?;
        self.write(|w| {
            let before = load(&w.tx, &id)?;
            if before.cases + before.engagements > 0 {
                return Err(Error::conflict(
                    None,
                    format!(
                        "«\u{a0}{}\u{a0}» finance {} accompagnement(s) et {} ingénierie(s)\u{a0}: archivez cette ligne plutôt que de la supprimer.",
                        before.label(),
                        before.cases,
                        before.engagements
                    ),
                ));
            }
            w.tx.execute("DELETE FROM funders WHERE id = ?1", [&id])?;
            w.audit(ENTITY, &id, "delete", Some(&serde_json::to_value(&before)?), None)
        })
    }

    /// The lines that pay for a case, by name, with what each pays.
    pub fn case_funders(&self, case_id: &str) -> Result<Vec<CaseFunder>> {
        let case_id = parse_id("case_id", case_id)?;
        case_lines(self.conn(), &case_id)
    }

    /// Replaces the lines that pay for a case; recorded in the case's history.
    pub fn set_case_funders(&mut self, case_id: &str, lines: &[CaseFunderInput]) -> Result<Vec<CaseFunder>> {
        let case_id = parse_id("case_id", case_id)?;
        let lines = case_lines::validate(lines)?;
        self.write(|w| {
            crate::cases::editable_case(&w.tx, &case_id, crate::cases::CasePart::Funders)?;
            let before = case_lines(&w.tx, &case_id)?;
            let already: Vec<String> = before.iter().map(|l| l.line.id.clone()).collect();
            for (i, l) in lines.iter().enumerate() {
                check_funder(&w.tx, "funder_id", &l.funder_id, &already)
                    .map_err(|e| e.within(&format!("lines.{i}")))?;
            }
            w.tx.execute("DELETE FROM case_funders WHERE case_id = ?1", [&case_id])?;
            for l in &lines {
                w.tx.execute(
                    "INSERT INTO case_funders (case_id, funder_id, amount, share) VALUES (?1, ?2, ?3, ?4)",
                    params![case_id, l.funder_id, l.amount, l.share],
                )?;
            }
            let after = case_lines(&w.tx, &case_id)?;
            if after == before {
                return Ok(after);
            }
            let readable = |lines: &[CaseFunder]| lines.iter().map(CaseFunder::label).collect::<Vec<_>>();
            w.audit(
                "case",
                &case_id,
                "update",
                Some(&serde_json::json!({ "funders": readable(&before) })),
                Some(&serde_json::json!({ "funders": readable(&after) })),
            )?;
            Ok(after)
        })
    }
}
