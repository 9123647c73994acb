//! The right to erasure: the person's record removed (a consultant, whom ingénieries refer
//! to, is anonymised instead), their name, e-mail and phone replaced by « [personne
//! effacée] » in every text and in the audit trail's values (the row marked redacted, its
//! hashes kept, so the chain still verifies), the files named after them removed, a
//! tombstone left. The erasure is audited with what it found, counted, never the values.
//! The search indexes delete words for good (FTS5 `secure-delete`), freed pages are
//! overwritten (`secure_delete`), and the WAL is folded back and emptied.

use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

use super::mentions::{ERASED, Needles};
use super::person::{Identity, PersonRef, identify};
use super::scan::{Scan, scan};
use super::tombstones::{self, Tombstone};
use crate::ids::new_id;
use crate::store::WriteCtx;
use crate::values::fold;
use crate::{Result, Store};

/// What an erasure would do, shown before the chargé confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErasurePlan {
    pub name: String,
    /// Their record, in French, when they have one.
    pub record: Option<String>,
    /// What names them, counted place by place: « 3 entrées du journal ».
    pub found: Vec<String>,
    /// The names of the attached files removed with them.
    pub files: Vec<String>,
    /// Other records that match (a namesake, or the same person recorded twice), in French:
    /// left as they are, each erased from its own page if it is them.
    pub others: Vec<String>,
}

pub(crate) fn needles_of(who: &Identity) -> Result<Needles> {
    Needles::new(&who.name, who.email.as_deref(), who.phone.as_deref())
}

fn remove_record(conn: &Connection, person: &PersonRef, needles: &Needles) -> Result<()> {
    match person {
        PersonRef::Contact { id } => {
            conn.execute(
                "UPDATE diagnostic_interviews
                 SET contact_ids = (SELECT coalesce(json_group_array(value), '[]') FROM json_each(contact_ids) WHERE value <> ?1)
                 WHERE EXISTS (SELECT 1 FROM json_each(contact_ids) WHERE value = ?1)",
                [id],
            )?;
            conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
        }
        PersonRef::PartnerContact { id } => {
            // The partner's search words hold its contacts' names.
            let (partner, words): (String, String) = conn.query_row(
                "SELECT p.id, p.search_name FROM partners p JOIN partner_contacts c ON c.partner_id = p.id WHERE c.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if let Some(words) = needles.scrub(&words) {
                conn.execute("UPDATE partners SET search_name = ?2 WHERE id = ?1", params![partner, fold(&words)])?;
            }
            conn.execute("DELETE FROM partner_contacts WHERE id = ?1", [id])?;
        }
        PersonRef::Consultant { id } => {
            conn.execute(
                "UPDATE consultants SET name = ?2, search_name = ?3, email = NULL, phone = NULL, notes = NULL WHERE id = ?1",
                params![id, ERASED, fold(ERASED)],
            )?;
        }
        PersonRef::Named { .. } => {}
    }
    Ok(())
}

/// Writes the erasure found by `found`, within the write `w`; returns the stored files
/// nothing uses any more, to remove once committed.
fn apply(
    w: &WriteCtx<'_>,
    person: &PersonRef,
    needles: &Needles,
    found: &Scan,
    tombstone: &Tombstone,
) -> Result<Vec<String>> {
    let conn: &Connection = &w.tx;
    for h in &found.hits {
        conn.execute(
            &format!("UPDATE \"{}\" SET \"{}\" = ?1 WHERE rowid = ?2", h.place.table, h.place.column),
            params![h.scrubbed, h.rowid],
        )?;
    }
    remove_record(conn, person, needles)?;
    for a in &found.audit {
        conn.execute(
            "UPDATE audit_log SET changes = ?1, changes_deflated = NULL, redacted = 1 WHERE rowid = ?2",
            params![a.scrubbed, a.rowid],
        )?;
    }
    let mut orphans = Vec::new();
    for f in &found.files {
        let sha256: String = conn.query_row("SELECT sha256 FROM attachments WHERE id = ?1", [&f.id], |r| r.get(0))?;
        conn.execute("DELETE FROM attachments WHERE id = ?1", [&f.id])?;
        let used: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)", [&sha256], |r| r.get(0))?;
        if !used {
            conn.execute("DELETE FROM stored_files WHERE sha256 = ?1", [&sha256])?;
            orphans.push(sha256);
        }
    }
    tombstones::keep(conn, tombstone, &w.now)?;
    let what = serde_json::json!({ "kind": tombstone.kind, "found": found.found() });
    w.audit("erasure", &tombstone.id, "erase", None, Some(&what))?;
    Ok(orphans)
}

impl Store {
    /// What erasing `person` would remove, for the chargé to confirm.
    pub fn erasure_plan(&self, person: &PersonRef) -> Result<ErasurePlan> {
        let who = identify(self.conn(), person)?;
        let found = scan(self.conn(), person, &needles_of(&who)?)?;
        let others = found
            .people
            .iter()
            .filter(|p| *p != person)
            .map(|p| identify(self.conn(), p).map(|o| o.record.unwrap_or(o.name)))
            .collect::<Result<_>>()?;
        Ok(ErasurePlan {
            name: who.name,
            record: who.record,
            found: found.found(),
            files: found.files.iter().map(|f| f.name.clone()).collect(),
            others,
        })
    }

    /// Erases `person` everywhere; returns what was found and erased, counted.
    pub fn erase_person(&mut self, person: &PersonRef) -> Result<Vec<String>> {
        let who = identify(self.conn(), person)?;
        let tombstone = Tombstone::of(self.key().ok(), person, &who.name, new_id());
        self.erase_as(person, &who, &tombstone)
    }

    pub(crate) fn erase_as(
        &mut self,
        person: &PersonRef,
        who: &Identity,
        tombstone: &Tombstone,
    ) -> Result<Vec<String>> {
        let needles = needles_of(who)?;
        let (orphans, found) = self.write(|w| {
            let found = scan(&w.tx, person, &needles)?;
            Ok((apply(w, person, &needles, &found, tombstone)?, found.found()))
        })?;
        self.forget_files(&orphans);
        self.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(found)
    }
}
