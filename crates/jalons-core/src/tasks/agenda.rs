//! The agenda of « Aujourd'hui »: the open tasks and what other parts of Jalons find due,
//! late, due today (or now open, for a follow-up window), or due within the next days.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::repo::{SELECT, from_row};
use crate::cases::Stage;
use crate::follow_up::{DueState, due_if_validated_by, follow_up_due};
use crate::paging::{Page, PageRequest};
use crate::search::TargetKind;
use crate::{Result, Store};

/// How far ahead the agenda looks.
pub const SOON_DAYS: u64 = 14;
/// A final report is awaited this long after the restitution; later, it is late.
pub const REPORT_DELAY_DAYS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgendaSource {
    Task,
    FollowUp,
    Report,
    Obligation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgendaItem {
    pub source: AgendaSource,
    pub title: String,
    /// The structure, and the case when there is one.
    pub context: String,
    pub due_on: NaiveDate,
    pub target: TargetKind,
    pub target_id: String,
    /// Set for a task, which can be ticked from the agenda.
    pub task_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agenda {
    pub today: NaiveDate,
    pub late: Vec<AgendaItem>,
    pub now: Vec<AgendaItem>,
    pub soon: Vec<AgendaItem>,
}

/// How many items of each section a screen shows, from the first: the window receives
/// those and each section's count, not the thousands of items of a large DLA it would not
/// draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
pub struct AgendaShown {
    pub late: u32,
    pub now: u32,
    pub soon: u32,
}

/// The agenda as a screen shows it: the first items of each section and its count.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AgendaPage {
    pub today: NaiveDate,
    pub late: Page<AgendaItem>,
    pub now: Page<AgendaItem>,
    pub soon: Page<AgendaItem>,
}

fn context(structure: &str, reference: Option<&str>) -> String {
    match reference {
        Some(r) => format!("{structure} · {r}"),
        None => structure.to_owned(),
    }
}

/// Where an item's context is read from: found with the item, or read afterwards for the
/// items shown only (a large DLA's hundreds of late follow-ups are counted, not named).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ContextOf {
    Found,
    /// « structure · reference » of the case `target_id`.
    Case,
    /// The name of the structure `target_id`.
    Structure,
}

/// An item as found, before its context is read.
struct Due {
    item: AgendaItem,
    /// Its window is open (a follow-up): it is shown under « now » whatever its day.
    open: bool,
    context_of: ContextOf,
}

fn found(item: AgendaItem, open: bool, context_of: ContextOf) -> Due {
    Due { item, open, context_of }
}

/// The agenda before the contexts are read, its sections in order.
struct Sections {
    today: NaiveDate,
    late: Vec<Due>,
    now: Vec<Due>,
    soon: Vec<Due>,
}

impl Store {
    /// The agenda as of the store's day (the computer's, unless a test fixed it).
    pub fn agenda_today(&self) -> Result<Agenda> {
        self.agenda(self.today())
    }

    /// Every item of the agenda of `today`.
    pub fn agenda(&self, today: NaiveDate) -> Result<Agenda> {
        let s = self.sections(today)?;
        Ok(Agenda {
            today,
            late: with_contexts(self.conn(), s.late)?,
            now: with_contexts(self.conn(), s.now)?,
            soon: with_contexts(self.conn(), s.soon)?,
        })
    }

    /// What « Aujourd'hui » shows of the agenda of `today`: the first items of each section,
    /// whose contexts alone are read, and each section's count.
    pub fn agenda_page(&self, today: NaiveDate, shown: AgendaShown) -> Result<AgendaPage> {
        let s = self.sections(today)?;
        let first = |items: Vec<Due>, n: u32| -> Result<Page<AgendaItem>> {
            let page = PageRequest::first(n).cut(items);
            Ok(Page { rows: with_contexts(self.conn(), page.rows)?, offset: page.offset, total: page.total })
        };
        Ok(AgendaPage {
            today: s.today,
            late: first(s.late, shown.late)?,
            now: first(s.now, shown.now)?,
            soon: first(s.soon, shown.soon)?,
        })
    }

    fn sections(&self, today: NaiveDate) -> Result<Sections> {
        let horizon = today + Days::new(SOON_DAYS);
        let conn = self.conn();
        let mut items = open_tasks(conn, horizon)?;
        items.extend(follow_ups(conn, today, horizon)?);
        items.extend(final_reports(conn, horizon)?);
        items.extend(obligations(conn, horizon)?);
        items.sort_by_cached_key(|due| (due.item.due_on, crate::french::order_key(&due.item.title)));
        let mut s = Sections { today, late: Vec::new(), now: Vec::new(), soon: Vec::new() };
        for due in items {
            if due.open || due.item.due_on == today {
                s.now.push(due);
            } else if due.item.due_on < today {
                s.late.push(due);
            } else {
                s.soon.push(due);
            }
        }
        Ok(s)
    }
}

fn open_tasks(conn: &Connection, horizon: NaiveDate) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare(&format!("{SELECT} WHERE t.done_on IS NULL AND t.due_on <= ?1"))?;
    let mut items = Vec::new();
    for task in stmt.query_map([horizon], from_row)? {
        let t = task?;
        let (target, target_id) = match &t.case_id {
            Some(c) => (TargetKind::Case, c.clone()),
            None => (TargetKind::Structure, t.structure_id.clone()),
        };
        let item = AgendaItem {
            source: AgendaSource::Task,
            title: t.title,
            context: context(&t.structure_name, t.case_reference.as_deref()),
            due_on: t.due_on,
            target,
            target_id,
            task_id: Some(t.id),
        };
        items.push(found(item, false, ContextOf::Found));
    }
    Ok(items)
}

/// The open cases whose diagnostic was validated by `?1` and whose follow-up is not
/// written: read from `cases_open` and `diagnostics_validated_by_case` alone (migration
/// 0034), from the open cases (a few thousand) rather than every validated diagnostic.
fn follow_ups_sql() -> String {
    format!(
        "SELECT c.id, d.validated_on FROM cases c INDEXED BY cases_open CROSS JOIN diagnostics d ON d.case_id = c.id
         WHERE c.stage IN ({}) AND d.validated_on IS NOT NULL AND d.validated_on <= ?1
           AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id)",
        Stage::open_sql_list()
    )
}

/// The follow-ups from the day their window opens until they are written.
fn follow_ups(conn: &Connection, today: NaiveDate, horizon: NaiveDate) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare(&follow_ups_sql())?;
    let rows = stmt.query_map([due_if_validated_by(horizon)], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
    let mut items = Vec::new();
    for row in rows {
        let (case_id, validated): (String, NaiveDate) = row?;
        let due = follow_up_due(validated, false, today);
        let (due_on, open) = match due.state {
            DueState::Late => (due.until, false),
            DueState::Due => (due.until, true),
            DueState::Upcoming if due.from <= horizon => (due.from, false),
            _ => continue,
        };
        let item = AgendaItem {
            source: AgendaSource::FollowUp,
            title: format!(
                "Suivi à 12–18 mois, à faire du {} au {}",
                due.from.format("%d/%m/%Y"),
                due.until.format("%d/%m/%Y")
            ),
            context: String::new(),
            due_on,
            target: TargetKind::Case,
            target_id: case_id,
            task_id: None,
        };
        items.push(found(item, open, ContextOf::Case));
    }
    Ok(items)
}

/// The ingénieries restituted by `?1` whose final report is awaited, from
/// `engagements_awaiting_report`.
const FINAL_REPORTS: &str = "SELECT e.id, e.title, e.restitution_date,
        (SELECT group_concat(s.name, ', ') FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id
         JOIN structures s ON s.id = c.structure_id WHERE ec.engagement_id = e.id)
    FROM engagements e
    WHERE e.restitution_date IS NOT NULL AND e.final_report_date IS NULL AND e.cancelled_on IS NULL
      AND e.restitution_date <= ?1";

fn final_reports(conn: &Connection, horizon: NaiveDate) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare(FINAL_REPORTS)?;
    let rows = stmt.query_map([horizon - Days::new(REPORT_DELAY_DAYS)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, NaiveDate>(2)?, r.get::<_, Option<String>>(3)?))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (id, title, restitution, structures) = row?;
        let item = AgendaItem {
            source: AgendaSource::Report,
            title: format!("Rapport final attendu\u{a0}: {title}"),
            context: structures.unwrap_or_default(),
            due_on: restitution + Days::new(REPORT_DELAY_DAYS),
            target: TargetKind::Engagement,
            target_id: id,
            task_id: None,
        };
        items.push(found(item, false, ContextOf::Found));
    }
    Ok(items)
}

/// The employer obligations that apply and are due by `?1`, of the structures not archived,
/// from `employer_obligations_due`.
const OBLIGATIONS: &str = "SELECT o.kind, o.label, o.next_due, o.structure_id FROM employer_obligations o
    WHERE o.status <> 'not_applicable' AND o.next_due <= ?1
      AND EXISTS (SELECT 1 FROM structures s WHERE s.id = o.structure_id AND s.archived_at IS NULL)";

fn obligations(conn: &Connection, horizon: NaiveDate) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare(OBLIGATIONS)?;
    let rows = stmt.query_map([horizon], |r| {
        Ok((
            r.get::<_, crate::employer::ObligationKind>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, NaiveDate>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (kind, label, due_on, structure_id) = row?;
        let item = AgendaItem {
            source: AgendaSource::Obligation,
            title: format!("Obligation employeur\u{a0}: {}", label.unwrap_or_else(|| kind.label().to_owned())),
            context: String::new(),
            due_on,
            target: TargetKind::Structure,
            target_id: structure_id,
            task_id: None,
        };
        items.push(found(item, false, ContextOf::Structure));
    }
    Ok(items)
}

/// The items with their contexts, read in one query for the cases and one for the
/// structures among them.
fn with_contexts(conn: &Connection, items: Vec<Due>) -> Result<Vec<AgendaItem>> {
    let ids = |of: ContextOf| -> Result<String> {
        let ids: Vec<&str> = items.iter().filter(|d| d.context_of == of).map(|d| d.item.target_id.as_str()).collect();
        Ok(serde_json::to_string(&ids)?)
    };
    let read = |sql: &str, ids: String| -> Result<HashMap<String, String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([ids], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let cases = read(
        "SELECT c.id, s.name || ' · ' || c.reference FROM cases c JOIN structures s ON s.id = c.structure_id
         WHERE c.id IN (SELECT value FROM json_each(?1))",
        ids(ContextOf::Case)?,
    )?;
    let structures = read(
        "SELECT id, name FROM structures WHERE id IN (SELECT value FROM json_each(?1))",
        ids(ContextOf::Structure)?,
    )?;
    Ok(items
        .into_iter()
        .map(|Due { mut item, context_of, .. }| {
            let known = match context_of {
                ContextOf::Found => None,
                ContextOf::Case => cases.get(&item.target_id),
                ContextOf::Structure => structures.get(&item.target_id),
            };
            if let Some(context) = known {
                item.context.clone_from(context);
            }
            item
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::types::Value;

    #[test]
    fn what_is_due_is_read_from_indexes_and_not_from_every_case_or_ingenierie() {
        let store = Store::open_in_memory().unwrap();
        let plan = |sql: &str| crate::store::query_plan(store.conn(), sql, &[Value::Text("2026-01-01".into())]);
        let follow_ups = plan(&follow_ups_sql());
        for index in [
            "SCAN c USING COVERING INDEX cases_open",
            "SEARCH d USING COVERING INDEX diagnostics_validated_by_case (case_id=?",
            "SEARCH f USING COVERING INDEX",
        ] {
            assert!(follow_ups.contains(index), "{follow_ups}");
        }
        assert_eq!(follow_ups.matches("SCAN").count(), 1, "the open cases alone are read whole: {follow_ups}");
        assert!(
            plan(FINAL_REPORTS).contains("SEARCH e USING INDEX engagements_awaiting_report"),
            "{}",
            plan(FINAL_REPORTS)
        );
        assert!(plan(OBLIGATIONS).contains("SEARCH o USING INDEX employer_obligations_due"), "{}", plan(OBLIGATIONS));
    }
}
