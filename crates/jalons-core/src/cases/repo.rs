use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Case, CaseInput, Stage, StageCount};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest};
use crate::workflow::timeline::{self, NewEntry};
use crate::{Error, Result, Store};

const ENTITY: &str = "case";

pub(crate) fn load(conn: &Connection, id: &str) -> Result<Case> {
    conn.query_row(
        "SELECT c.id, c.reference, c.structure_id, s.name, c.stage, c.request_date, c.channel, c.requester,
                c.referral_source, c.request_text, c.officer, c.created_at, c.updated_at
         FROM cases c JOIN structures s ON s.id = c.structure_id WHERE c.id = ?1",
        [id],
        |r| {
            Ok(Case {
                id: r.get(0)?,
                reference: r.get(1)?,
                structure_id: r.get(2)?,
                structure_name: r.get(3)?,
                stage: r.get(4)?,
                request_date: r.get(5)?,
                channel: r.get(6)?,
                requester: r.get(7)?,
                referral_source: r.get(8)?,
                request_text: r.get(9)?,
                officer: r.get(10)?,
                created_at: r.get(11)?,
                updated_at: r.get(12)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found("Cet accompagnement n'existe pas ou plus."))
}

/// `2026-001`, `2026-002`...: numbered by the year of the request.
fn next_reference(conn: &Connection, year: i32) -> Result<String> {
    let last: Option<String> = conn
        .query_row(
            "SELECT reference FROM cases WHERE reference LIKE ?1 || '-%' ORDER BY length(reference) DESC, reference DESC LIMIT 1",
            [year.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let n = last.and_then(|r| r.split_once('-').and_then(|(_, n)| n.parse::<u32>().ok())).unwrap_or(0) + 1;
    Ok(format!("{year}-{n:03}"))
}

impl Store {
    /// A case by its reference (`2026-014`) or its id: what a user types on a command line.
    pub fn find_case(&self, reference_or_id: &str) -> Result<Case> {
        let wanted = reference_or_id.trim();
        let id: Option<String> = self
            .conn()
            .query_row("SELECT id FROM cases WHERE reference = ?1 OR id = ?1", [wanted], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) => load(self.conn(), &id),
            None => Err(Error::not_found(format!("Aucun accompagnement «\u{a0}{wanted}\u{a0}»."))),
        }
    }

    pub fn get_case(&self, id: &str) -> Result<Case> {
        load(self.conn(), &parse_id("id", id)?)
    }

    /// Opens a case at the intake stage for an active structure.
    pub fn open_case(&mut self, input: &CaseInput) -> Result<Case> {
        let v = input.validate(self.today())?;
        self.write(|w| {
            let archived: Option<Option<String>> = w
                .tx
                .query_row("SELECT archived_at FROM structures WHERE id = ?1", [&v.structure_id], |r| r.get(0))
                .optional()?;
            match archived {
                None => return Err(Error::validation("structure_id", "Cette structure n'existe pas ou plus.")),
                Some(Some(_)) => {
                    return Err(Error::conflict(
                        Some("structure_id"),
                        "Cette structure est archivée\u{a0}: restaurez-la avant d'ouvrir un accompagnement.",
                    ));
                }
                Some(None) => {}
            }
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO cases (id, reference, structure_id, stage, request_date, channel, requester, referral_source,
                                    request_text, officer, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                params![
                    id,
                    next_reference(&w.tx, v.request_date.year())?,
                    v.structure_id,
                    Stage::Intake,
                    v.request_date,
                    v.channel,
                    v.requester,
                    v.referral_source,
                    v.request_text,
                    w.actor,
                    now
                ],
            )?;
            timeline::append(
                w,
                &id,
                &NewEntry { from: None, to: Stage::Intake, date: v.request_date, comment: None, reason: None, partner: None },
            )?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    /// How many cases stand at each stage, every stage listed.
    pub fn stage_counts(&self) -> Result<Vec<StageCount>> {
        let mut stmt = self.conn().prepare("SELECT stage, COUNT(*) FROM cases GROUP BY stage")?;
        let counted: Vec<(Stage, i64)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(Stage::ALL
            .iter()
            .map(|&stage| StageCount { stage, count: counted.iter().find(|(s, _)| *s == stage).map_or(0, |(_, n)| *n) })
            .collect())
    }

    /// The case's changes with those of its diagnostic, parcours and follow-up; stage
    /// changes are in its timeline as well.
    pub fn case_history(&self, id: &str, page: PageRequest) -> Result<Page<crate::store::audit::AuditEntry>> {
        crate::store::audit::history(
            self.conn(),
            &[ENTITY, "diagnostic", "plan", "follow_up"],
            &parse_id("id", id)?,
            page,
        )
    }
}
