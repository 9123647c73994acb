//! Records written on a structure and, optionally, on one of its cases (journal entries,
//! tasks) check that both exist and go together.

use rusqlite::{Connection, OptionalExtension};

use crate::{Error, Result};

pub(crate) fn check_structure_and_case(conn: &Connection, structure_id: &str, case_id: Option<&str>) -> Result<()> {
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM structures WHERE id = ?1)", [structure_id], |r| r.get(0))?;
    if !exists {
        return Err(Error::not_found("Cette structure n'existe pas ou plus."));
    }
    if let Some(case_id) = case_id {
        let owner: Option<String> =
            conn.query_row("SELECT structure_id FROM cases WHERE id = ?1", [case_id], |r| r.get(0)).optional()?;
        match owner {
            None => return Err(Error::not_found("Cet accompagnement n'existe pas ou plus.")),
            Some(owner) if owner != structure_id => {
                return Err(Error::validation("case_id", "Cet accompagnement n'est pas celui de cette structure."));
            }
            Some(_) => {}
        }
    }
    Ok(())
}
