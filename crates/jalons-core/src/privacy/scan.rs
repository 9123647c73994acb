//! One pass over everything Jalons holds, looking for a person: the text places, the audit
//! trail's values, the names of attached files. Erasure and access both start from it.

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::mentions::Needles;
use super::person::PersonRef;
use super::places::{Place, table_label, text_places};
use crate::Result;
use crate::french::count;

/// A text found to name the person, and the same text with them erased.
pub(crate) struct Hit {
    pub place: Place,
    pub rowid: i64,
    pub text: String,
    pub scrubbed: String,
}

/// An audit row whose values name the person.
pub(crate) struct AuditHit {
    pub rowid: i64,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub action: String,
    pub changes: String,
    pub scrubbed: String,
}

/// An attached file whose name names the person.
pub(crate) struct FileHit {
    pub id: String,
    pub name: String,
    pub size: i64,
    pub created_at: String,
}

pub(crate) struct Scan {
    /// The person's needles, sparing the records of others.
    pub needles: Needles,
    pub hits: Vec<Hit>,
    pub audit: Vec<AuditHit>,
    pub files: Vec<FileHit>,
    /// The records of people whose name, e-mail or phone match, the person's own included.
    pub people: Vec<PersonRef>,
    /// The interviews that met the person as the structure's contact.
    pub met: Vec<Met>,
}

/// An interview of a diagnostic that met the person.
pub(crate) struct Met {
    pub rowid: i64,
    pub on: chrono::NaiveDate,
    pub case_reference: String,
}

/// The records of people that match, found by the columns that say who they are.
fn people(conn: &Connection, needles: &Needles) -> Result<Vec<PersonRef>> {
    let mut out = Vec::new();
    for (sql, kind) in [
        ("SELECT id, name, email, phone FROM contacts", 0),
        ("SELECT id, name, email, phone FROM partner_contacts", 1),
        ("SELECT id, name, email, phone FROM consultants", 2),
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let texts: [Option<String>; 3] = [r.get(1)?, r.get(2)?, r.get(3)?];
            if texts.iter().flatten().any(|t| needles.found_in(t)) {
                let id: String = r.get(0)?;
                out.push(match kind {
                    0 => PersonRef::Contact { id },
                    1 => PersonRef::PartnerContact { id },
                    _ => PersonRef::Consultant { id },
                });
            }
        }
    }
    Ok(out)
}

/// Looks for `person` everywhere; `needles` are theirs.
pub(crate) fn scan(conn: &Connection, person: &PersonRef, needles: &Needles) -> Result<Scan> {
    let people = people(conn, needles)?;
    let others = people.iter().filter(|p| *p != person).filter_map(|p| match p {
        PersonRef::Contact { id } | PersonRef::PartnerContact { id } | PersonRef::Consultant { id } => Some(id.clone()),
        PersonRef::Named { .. } => None,
    });
    let needles = needles.clone().sparing(others);
    let needles = &needles;
    let mut hits = Vec::new();
    // One pass per table, all its text columns at once: reading is what costs.
    let places = text_places(conn)?;
    let mut tables: Vec<&str> = places.iter().map(|p| p.table.as_str()).collect();
    tables.dedup();
    for table in tables {
        let columns: Vec<&Place> = places.iter().filter(|p| p.table == table).collect();
        let list = columns.iter().map(|p| format!("\"{}\"", p.column)).collect::<Vec<_>>().join(", ");
        let mut stmt = conn.prepare(&format!("SELECT rowid, {list} FROM \"{table}\""))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for (i, place) in columns.iter().enumerate() {
                // Read in place: most texts name nobody.
                let Ok(text) = r.get_ref(i + 1)?.as_str() else { continue };
                if let Some(scrubbed) = needles.scrub(text) {
                    hits.push(Hit { place: (*place).clone(), rowid: r.get(0)?, text: text.to_owned(), scrubbed });
                }
            }
        }
    }
    let mut audit = Vec::new();
    let mut stmt =
        conn.prepare("SELECT rowid, at, actor, entity, action, changes, changes_deflated FROM audit_log ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(changes) = crate::store::changes_text::read(r, 5)? else { continue };
        if let Some(scrubbed) = needles.scrub(&changes) {
            let changes = changes.into_owned();
            audit.push(AuditHit {
                rowid: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                action: r.get(4)?,
                changes,
                scrubbed,
            });
        }
    }
    let files = conn
        .prepare("SELECT a.id, a.name, f.size, a.created_at FROM attachments a JOIN stored_files f ON f.sha256 = a.sha256 ORDER BY a.created_at")?
        .query_map([], |r| Ok(FileHit { id: r.get(0)?, name: r.get(1)?, size: r.get(2)?, created_at: r.get(3)? }))?
        .filter(|f| f.as_ref().map_or(true, |f| needles.found_in(&f.name)))
        .collect::<rusqlite::Result<_>>()?;
    let met = match person {
        PersonRef::Contact { id } => conn
            .prepare(
                "SELECT i.rowid, i.on_date, c.reference FROM diagnostic_interviews i JOIN cases c ON c.id = i.case_id
                 WHERE EXISTS (SELECT 1 FROM json_each(i.contact_ids) WHERE value = ?1) ORDER BY i.on_date",
            )?
            .query_map([id], |r| Ok(Met { rowid: r.get(0)?, on: r.get(1)?, case_reference: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?,
        _ => Vec::new(),
    };
    Ok(Scan { needles: needles.clone(), hits, audit, files, people, met })
}

impl Scan {
    /// Whether a value of the history names the person (and not a namesake's record).
    pub fn names_them(&self, v: &serde_json::Value) -> bool {
        let text = if let serde_json::Value::String(s) = v { s.clone() } else { v.to_string() };
        self.needles.scrub(&text).is_some()
    }

    /// What was found, counted place by place in French: « 3 entrées du journal ».
    pub fn found(&self) -> Vec<String> {
        let mut rows: BTreeMap<(&'static str, &'static str), std::collections::BTreeSet<(&str, i64)>> = BTreeMap::new();
        for h in &self.hits {
            rows.entry(table_label(&h.place.table)).or_default().insert((h.place.table.as_str(), h.rowid));
        }
        for m in &self.met {
            rows.entry(table_label("diagnostic_interviews")).or_default().insert(("diagnostic_interviews", m.rowid));
        }
        let mut found: Vec<String> = rows.iter().map(|((one, many), r)| count(r.len(), one, many)).collect();
        if !self.audit.is_empty() {
            found.push(count(self.audit.len(), "ligne de l'historique", "lignes de l'historique"));
        }
        if !self.files.is_empty() {
            found.push(count(
                self.files.len(),
                "pièce jointe nommée d'après elle",
                "pièces jointes nommées d'après elle",
            ));
        }
        found
    }
}
