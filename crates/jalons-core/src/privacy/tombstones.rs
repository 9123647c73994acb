//! Tombstones: what was erased or deleted (a record's id, or for a typed name a keyed hash
//! of it) and when, never who. A restore carries the tombstones of the database it replaces into the
//! restored one and erases again whoever the backup still holds.

use hmac::{Hmac, Mac};
use rusqlite::{Connection, params};
use sha2::Sha256;

use super::person::{PersonRef, identify};
use super::removal::{Removal, still_there};
use crate::crypto::DataKey;
use crate::values::fold;
use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tombstone {
    pub id: String,
    pub kind: String,
    pub subject: String,
}

/// A typed name as a tombstone keeps it: folded, blanks collapsed, hashed under a key of
/// the database (a bare hash of a name is found again by trying names).
fn name_hash(key: Option<&DataKey>, name: &str) -> String {
    let folded = fold(name).split_whitespace().collect::<Vec<_>>().join(" ");
    let secret = key.map_or([0; 32], |k| k.derive("jalons erasure names v1"));
    let mut mac = Hmac::<Sha256>::new_from_slice(&secret).expect("HMAC takes a key of any length");
    mac.update(folded.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

impl Tombstone {
    pub fn of(key: Option<&DataKey>, person: &PersonRef, name: &str, id: String) -> Self {
        let (kind, subject) = match person {
            PersonRef::Contact { id } => ("contact", id.clone()),
            PersonRef::PartnerContact { id } => ("partner_contact", id.clone()),
            PersonRef::Consultant { id } => ("consultant", id.clone()),
            PersonRef::Named { .. } => ("named", name_hash(key, name)),
        };
        Self { id, kind: kind.to_owned(), subject }
    }
}

pub(crate) fn keep(conn: &Connection, t: &Tombstone, at: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO erasures (id, at, kind, subject) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        params![t.id, at, t.kind, t.subject],
    )?;
    Ok(())
}

/// Every tombstone, with its date.
pub(crate) fn all(conn: &Connection) -> Result<Vec<(Tombstone, String)>> {
    Ok(conn
        .prepare("SELECT id, kind, subject, at FROM erasures ORDER BY at")?
        .query_map([], |r| Ok((Tombstone { id: r.get(0)?, kind: r.get(1)?, subject: r.get(2)? }, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The names typed without a record that the database holds: requesters, people present
/// in the journal, people met in interviews (« Marie Dupont (présidente), Jean »).
fn typed_names(conn: &Connection) -> Result<Vec<String>> {
    let mut names: Vec<String> = conn
        .prepare(
            "SELECT requester FROM cases
             UNION SELECT j.value FROM journal_entries, json_each(journal_entries.people) j",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let met: Vec<String> = conn
        .prepare("SELECT people FROM diagnostic_interviews")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for people in met {
        names.extend(people.split([',', ';']).map(|p| p.split('(').next().unwrap_or_default().trim().to_owned()));
    }
    names.retain(|n| !n.is_empty());
    names.sort();
    names.dedup();
    Ok(names)
}

impl Store {
    /// After a restore: keeps the tombstones `kept` from the database replaced, and erases
    /// again every person they name that the restored data still holds.
    pub(crate) fn reapply_erasures(&mut self, kept: &[(Tombstone, String)]) -> Result<()> {
        for (t, at) in kept {
            keep(self.conn(), t, at)?;
        }
        for (t, _) in all(self.conn())? {
            let what = match t.kind.as_str() {
                "structure" => Removal::Structure,
                "case" => Removal::Case,
                _ => continue,
            };
            if still_there(self.conn(), what, &t.subject)? {
                self.delete_for_real(what, &t.subject, t.id)?;
            }
        }
        let key = self.key().ok().cloned();
        for (person, id) in tombstones_to_apply(self.conn(), key.as_ref())? {
            let who = identify(self.conn(), &person)?;
            let tombstone = Tombstone::of(key.as_ref(), &person, &who.name, id);
            self.erase_as(&person, &who, &tombstone)?;
        }
        Ok(())
    }
}

/// The people the tombstones name that are still there, and by what tombstone.
fn tombstones_to_apply(conn: &Connection, key: Option<&DataKey>) -> Result<Vec<(PersonRef, String)>> {
    let exists = |sql: &str, id: &str| -> Result<bool> { Ok(conn.query_row(sql, [id], |r| r.get(0))?) };
    let mut out = Vec::new();
    let mut names: Option<Vec<String>> = None;
    for (t, _) in all(conn)? {
        match t.kind.as_str() {
            "contact" if exists("SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1)", &t.subject)? => {
                out.push((PersonRef::Contact { id: t.subject }, t.id));
            }
            "partner_contact"
                if exists("SELECT EXISTS (SELECT 1 FROM partner_contacts WHERE id = ?1)", &t.subject)? =>
            {
                out.push((PersonRef::PartnerContact { id: t.subject }, t.id));
            }
            "consultant"
                if exists(
                    &format!(
                        "SELECT EXISTS (SELECT 1 FROM consultants WHERE id = ?1 AND name <> '{}')",
                        super::mentions::ERASED
                    ),
                    &t.subject,
                )? =>
            {
                out.push((PersonRef::Consultant { id: t.subject }, t.id));
            }
            "named" => {
                let names = match &mut names {
                    Some(n) => n,
                    None => names.insert(typed_names(conn)?),
                };
                for name in names.iter().filter(|n| name_hash(key, n) == t.subject) {
                    out.push((PersonRef::Named { name: name.clone() }, t.id.clone()));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}
