//! The structure's contacts met in an interview, kept as their ids beside the people typed.
//! A contact removed from the structure stays in the interviews that met them: their
//! name and role move into the typed people, so the record of who was met is not lost.

use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

use crate::structures::ContactRole;
use crate::{Error, Result};

/// A contact of the structure met in an interview, as the interview shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MetContact {
    pub id: String,
    pub name: String,
    pub role: ContactRole,
}

pub(crate) fn load(conn: &Connection, contact_ids: &str) -> Result<Vec<MetContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.role FROM json_each(?1) j JOIN contacts c ON c.id = j.value ORDER BY j.key",
    )?;
    let met = stmt
        .query_map([contact_ids], |r| Ok(MetContact { id: r.get(0)?, name: r.get(1)?, role: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(met)
}

/// Every id must be a contact of the case's structure.
pub(crate) fn check(conn: &Connection, case_id: &str, ids: &[String]) -> Result<()> {
    for id in ids {
        let ours: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts k JOIN cases c ON c.structure_id = k.structure_id
                            WHERE c.id = ?1 AND k.id = ?2)",
            params![case_id, id],
            |r| r.get(0),
        )?;
        if !ours {
            return Err(Error::validation(
                "contact_ids",
                "Une des personnes cochées n'est pas (ou plus) un contact de la structure\u{a0}: rechargez la page.",
            ));
        }
    }
    Ok(())
}

/// Before the structure's contacts `removed` are deleted, the interviews that met them
/// keep them as typed people.
pub(crate) fn forget(conn: &Connection, removed: &[(String, String, ContactRole)]) -> Result<()> {
    for (id, name, role) in removed {
        let met = format!("{name} ({})", role.label());
        conn.execute(
            "UPDATE diagnostic_interviews
             SET people = CASE WHEN people = '' THEN ?2 ELSE people || ', ' || ?2 END,
                 contact_ids = (SELECT coalesce(json_group_array(value), '[]') FROM json_each(contact_ids) WHERE value <> ?1)
             WHERE EXISTS (SELECT 1 FROM json_each(contact_ids) WHERE value = ?1)",
            params![id, met],
        )?;
    }
    Ok(())
}
