//! Deleting a structure or a case for real (not archiving it), as completely as an erasure:
//! every row that belongs to it, found by following the schema's foreign keys (a row whose
//! key to it is required belongs to it; one whose key is optional is unlinked, except the
//! journal, tasks and attachments, which are about it), the ingénieries that served it
//! alone, the files nothing uses any more; the values of its history are redacted, and a
//! tombstone deletes it again after a restore.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::places::table_label;
use super::tombstones::{self, Tombstone};
use crate::french::count;
use crate::ids::{new_id, parse_id};
use crate::store::WriteCtx;
use crate::{Error, Result, Store};

/// What is deleted for real.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Removal {
    Structure,
    Case,
}

impl Removal {
    pub(crate) fn kind(self) -> &'static str {
        match self {
            Removal::Structure => "structure",
            Removal::Case => "case",
        }
    }

    fn table(self) -> &'static str {
        match self {
            Removal::Structure => "structures",
            Removal::Case => "cases",
        }
    }
}

/// What a deletion would remove, shown before the chargé confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeletionPlan {
    /// The structure's name, or the case's reference and its structure.
    pub name: String,
    /// What goes with it, counted: « 3 entrées du journal ».
    pub found: Vec<String>,
}

/// Optional keys whose rows are about their parent, and go with it.
const OWNED_WHEN_OPTIONAL: &[(&str, &str)] = &[
    ("journal_entries", "case_id"),
    ("tasks", "case_id"),
    ("attachments", "structure_id"),
    ("attachments", "case_id"),
    ("attachments", "engagement_id"),
    ("attachments", "journal_id"),
];

struct Key {
    child: String,
    from: String,
    parent: String,
    to: String,
    owned: bool,
}

fn keys(conn: &Connection) -> Result<Vec<Key>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for child in tables {
        let found: Vec<(String, String, String, bool)> = conn
            .prepare(
                "SELECT k.\"table\", k.\"from\", k.\"to\", c.\"notnull\" FROM pragma_foreign_key_list(?1) k
                 JOIN pragma_table_info(?1) c ON c.name = k.\"from\"",
            )?
            .query_map([&child], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (parent, from, to, required) in found {
            let owned = required || OWNED_WHEN_OPTIONAL.contains(&(child.as_str(), from.as_str()));
            out.push(Key { child: child.clone(), from, parent, to, owned });
        }
    }
    Ok(out)
}

/// Rows that are parts of another (a diagnostic's scores, a case's steps): not counted apart.
const PARTS: &[&str] = &[
    "diagnostic_scores",
    "plan_axes",
    "plan_actions",
    "engagement_offers",
    "engagement_cases",
    "case_funders",
    "case_events",
    "case_spans",
    "cooperation_members",
];

/// What one deletion touched.
#[derive(Default)]
struct Removed {
    /// Rows already reached by another way (a journal entry of the structure and of its case).
    seen: std::collections::HashSet<(String, i64)>,
    rows: BTreeMap<(&'static str, &'static str), usize>,
    ids: Vec<String>,
    files: Vec<String>,
}

fn rowids_json(rowids: &[i64]) -> String {
    serde_json::to_string(rowids).unwrap_or_else(|_| "[]".to_owned())
}

/// Removes the rows `rowids` of `table` and everything that belongs to them; `dry` only
/// counts.
fn remove(conn: &Connection, keys: &[Key], table: &str, rowids: &[i64], dry: bool, out: &mut Removed) -> Result<()> {
    let rowids: Vec<i64> = rowids.iter().copied().filter(|r| out.seen.insert((table.to_owned(), *r))).collect();
    if rowids.is_empty() {
        return Ok(());
    }
    let set = rowids_json(&rowids);
    for k in keys.iter().filter(|k| k.parent == table) {
        let of_them = format!(
            "\"{from}\" IN (SELECT \"{to}\" FROM \"{table}\" WHERE rowid IN (SELECT value FROM json_each(?1)))",
            from = k.from,
            to = k.to
        );
        if k.owned {
            let children: Vec<i64> = conn
                .prepare(&format!("SELECT rowid FROM \"{}\" WHERE {of_them}", k.child))?
                .query_map([&set], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            remove(conn, keys, &k.child, &children, dry, out)?;
        } else if !dry {
            conn.execute(&format!("UPDATE \"{}\" SET \"{}\" = NULL WHERE {of_them}", k.child, k.from), [&set])?;
        }
    }
    let has_id: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = 'id')", [table], |r| r.get(0))?;
    if has_id {
        let ids = conn
            .prepare(&format!("SELECT id FROM \"{table}\" WHERE rowid IN (SELECT value FROM json_each(?1))"))?
            .query_map([&set], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.ids.extend(ids);
    }
    if table == "attachments" {
        let files = conn
            .prepare("SELECT sha256 FROM attachments WHERE rowid IN (SELECT value FROM json_each(?1))")?
            .query_map([&set], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.files.extend(files);
    }
    if !PARTS.contains(&table) {
        *out.rows.entry(table_label(table)).or_default() += rowids.len();
    }
    if !dry {
        conn.execute(&format!("DELETE FROM \"{table}\" WHERE rowid IN (SELECT value FROM json_each(?1))"), [&set])?;
    }
    Ok(())
}

/// The ingénieries that served only the cases being deleted.
fn engagements_left_alone(conn: &Connection, what: Removal, id: &str) -> Result<Vec<i64>> {
    let cases = match what {
        Removal::Structure => "SELECT id FROM cases WHERE structure_id = ?1",
        Removal::Case => "SELECT ?1",
    };
    Ok(conn
        .prepare(&format!(
            "SELECT e.rowid FROM engagements e
             WHERE EXISTS (SELECT 1 FROM engagement_cases l WHERE l.engagement_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM engagement_cases l WHERE l.engagement_id = e.id AND l.case_id NOT IN ({cases}))"
        ))?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

fn delete(conn: &Connection, what: Removal, id: &str, dry: bool) -> Result<Removed> {
    let keys = keys(conn)?;
    let mut out = Removed::default();
    let engagements = engagements_left_alone(conn, what, id)?;
    let rowid: i64 = conn
        .query_row(&format!("SELECT rowid FROM \"{}\" WHERE id = ?1", what.table()), [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| {
            Error::not_found(match what {
                Removal::Structure => "Cette structure n'existe pas ou plus.",
                Removal::Case => "Cet accompagnement n'existe pas ou plus.",
            })
        })?;
    remove(conn, &keys, what.table(), &[rowid], dry, &mut out)?;
    remove(conn, &keys, "engagements", &engagements, dry, &mut out)?;
    Ok(out)
}

impl Removed {
    fn found(&self, what: Removal) -> Vec<String> {
        let own = table_label(what.table());
        let mut found: Vec<String> =
            self.rows.iter().filter(|(label, _)| **label != own).map(|((one, many), n)| count(*n, one, many)).collect();
        found.sort();
        found
    }
}

fn name_of(conn: &Connection, what: Removal, id: &str) -> Result<String> {
    let sql = match what {
        Removal::Structure => "SELECT name FROM structures WHERE id = ?1",
        Removal::Case => {
            "SELECT c.reference || ' (' || s.name || ')' FROM cases c JOIN structures s ON s.id = c.structure_id WHERE c.id = ?1"
        }
    };
    Ok(conn.query_row(sql, [id], |r| r.get(0)).optional()?.unwrap_or_default())
}

/// Deletes within the write `w`; returns the stored files nothing uses any more.
pub(crate) fn apply(
    w: &WriteCtx<'_>,
    what: Removal,
    id: &str,
    tombstone: &Tombstone,
) -> Result<(Vec<String>, Vec<String>)> {
    let conn: &Connection = &w.tx;
    let removed = delete(conn, what, id, false)?;
    conn.execute(
        "UPDATE audit_log SET changes = '[]', changes_deflated = NULL, redacted = 1 WHERE entity_id IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&removed.ids)?],
    )?;
    let mut orphans = Vec::new();
    for sha256 in &removed.files {
        let used: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)", [sha256], |r| r.get(0))?;
        if !used && conn.execute("DELETE FROM stored_files WHERE sha256 = ?1", [sha256])? > 0 {
            orphans.push(sha256.clone());
        }
    }
    tombstones::keep(conn, tombstone, &w.now)?;
    let found = removed.found(what);
    w.audit(
        "deletion",
        &tombstone.id,
        "delete",
        None,
        Some(&serde_json::json!({ "kind": what.kind(), "found": found })),
    )?;
    Ok((orphans, found))
}

impl Store {
    fn deletion_plan(&self, what: Removal, id: &str) -> Result<DeletionPlan> {
        let id = parse_id("id", id)?;
        let found = delete(self.conn(), what, &id, true)?.found(what);
        Ok(DeletionPlan { name: name_of(self.conn(), what, &id)?, found })
    }

    pub(crate) fn delete_for_real(&mut self, what: Removal, id: &str, tombstone_id: String) -> Result<Vec<String>> {
        let id = parse_id("id", id)?;
        let tombstone = Tombstone { id: tombstone_id, kind: what.kind().to_owned(), subject: id.clone() };
        let (orphans, found) = self.write(|w| apply(w, what, &id, &tombstone))?;
        self.forget_files(&orphans);
        self.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(found)
    }

    /// What deleting the structure for real would remove: its cases and all they hold.
    pub fn structure_deletion_plan(&self, id: &str) -> Result<DeletionPlan> {
        self.deletion_plan(Removal::Structure, id)
    }

    pub fn case_deletion_plan(&self, id: &str) -> Result<DeletionPlan> {
        self.deletion_plan(Removal::Case, id)
    }

    /// Deletes the structure for real, with everything that belongs to it.
    pub fn delete_structure(&mut self, id: &str) -> Result<Vec<String>> {
        self.delete_for_real(Removal::Structure, id, new_id())
    }

    pub fn delete_case(&mut self, id: &str) -> Result<Vec<String>> {
        self.delete_for_real(Removal::Case, id, new_id())
    }
}

/// Whether the record a deletion's tombstone names is there again.
pub(crate) fn still_there(conn: &Connection, what: Removal, id: &str) -> Result<bool> {
    Ok(conn
        .query_row(&format!("SELECT EXISTS (SELECT 1 FROM \"{}\" WHERE id = ?1)", what.table()), [id], |r| r.get(0))?)
}
