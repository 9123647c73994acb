use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::Stage;
use crate::{Error, Result};

/// What a section of the case may rely on once it is known to be editable.
pub(crate) struct OpenCase {
    pub stage: Stage,
    pub request_date: NaiveDate,
}

/// A section of a case (diagnostic, parcours, suivi) is written once the case has reached
/// `from` and while it is open: a finished case is a record, reopened before any change.
pub(crate) fn editable_case(conn: &Connection, case_id: &str, from: Stage, section: &str) -> Result<OpenCase> {
    let (stage, request_date): (Stage, NaiveDate) = conn
        .query_row("SELECT stage, request_date FROM cases WHERE id = ?1", [case_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::not_found("Cet accompagnement n'existe pas ou plus."))?;
    if stage.is_finished() {
        return Err(Error::conflict(
            None,
            format!(
                "Cet accompagnement est terminé («\u{a0}{}\u{a0}»)\u{a0}: rouvrez-le pour modifier {section}.",
                stage.label()
            ),
        ));
    }
    if stage.rank() < from.rank() {
        return Err(Error::conflict(
            None,
            format!("Passez l'accompagnement à l'étape «\u{a0}{}\u{a0}» avant de renseigner {section}.", from.label()),
        ));
    }
    Ok(OpenCase { stage, request_date })
}
