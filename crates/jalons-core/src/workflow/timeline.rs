//! The case's timeline: every stage change with its date, author and why.

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

use crate::Result;
use crate::cases::Stage;
use crate::ids::new_id;
use crate::store::WriteCtx;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TimelineEntry {
    pub id: String,
    /// None for the opening of the case.
    pub from: Option<Stage>,
    pub to: Stage,
    pub date: NaiveDate,
    pub author: String,
    pub comment: Option<String>,
    pub reason: Option<String>,
    /// The partner a referred case was sent to.
    pub partner: Option<String>,
    pub recorded_at: String,
}

/// What one stage change records.
pub(crate) struct NewEntry<'a> {
    pub from: Option<Stage>,
    pub to: Stage,
    pub date: NaiveDate,
    pub comment: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub partner: Option<&'a str>,
}

pub(crate) fn append(w: &WriteCtx<'_>, case_id: &str, e: &NewEntry<'_>) -> Result<()> {
    w.tx.execute(
        "INSERT INTO case_events (id, case_id, from_stage, to_stage, on_date, author, comment, reason, partner, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            new_id(),
            case_id,
            e.from,
            e.to,
            e.date,
            w.actor,
            e.comment,
            e.reason,
            e.partner,
            w.now
        ],
    )?;
    Ok(())
}

/// Oldest first: the timeline reads as the story of the case.
pub(crate) fn load(conn: &Connection, case_id: &str) -> Result<Vec<TimelineEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, from_stage, to_stage, on_date, author, comment, reason, partner, recorded_at
         FROM case_events WHERE case_id = ?1 ORDER BY recorded_at, id",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(TimelineEntry {
            id: r.get(0)?,
            from: r.get(1)?,
            to: r.get(2)?,
            date: r.get(3)?,
            author: r.get(4)?,
            comment: r.get(5)?,
            reason: r.get(6)?,
            partner: r.get(7)?,
            recorded_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
