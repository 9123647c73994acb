//! The agenda of « Aujourd'hui »: the open tasks and what other parts of Jalons find due,
//! late, due today (or now open, for a follow-up window), or due within the next days.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::repo::{SELECT, from_row};
use crate::cases::Stage;
use crate::follow_up::{DueState, follow_up_due};
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

impl Agenda {
    pub fn head(self, shown: AgendaShown) -> AgendaPage {
        let first = |items: Vec<AgendaItem>, n: u32| PageRequest::first(n).cut(items);
        AgendaPage {
            today: self.today,
            late: first(self.late, shown.late),
            now: first(self.now, shown.now),
            soon: first(self.soon, shown.soon),
        }
    }
}

fn context(structure: &str, reference: Option<&str>) -> String {
    match reference {
        Some(r) => format!("{structure} · {r}"),
        None => structure.to_owned(),
    }
}

impl Store {
    /// The agenda as of the store's day (the computer's, unless a test fixed it).
    pub fn agenda_today(&self) -> Result<Agenda> {
        self.agenda(self.today())
    }

    pub fn agenda(&self, today: NaiveDate) -> Result<Agenda> {
        let horizon = today + Days::new(SOON_DAYS);
        let mut items: Vec<(AgendaItem, bool)> = Vec::new();
        let conn = self.conn();

        let mut stmt = conn.prepare(&format!("{SELECT} WHERE t.done_on IS NULL AND t.due_on <= ?1"))?;
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
            items.push((item, false));
        }

        let mut stmt = conn.prepare(&format!(
            "SELECT c.id, c.reference, s.name, d.validated_on FROM cases c
             JOIN structures s ON s.id = c.structure_id JOIN diagnostics d ON d.case_id = c.id
             WHERE d.validated_on IS NOT NULL AND c.stage IN ({})
               AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id)",
            Stage::open_sql_list()
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, NaiveDate>(3)?))
        })?;
        for row in rows {
            let (case_id, reference, structure, validated) = row?;
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
                context: context(&structure, Some(&reference)),
                due_on,
                target: TargetKind::Case,
                target_id: case_id,
                task_id: None,
            };
            items.push((item, open));
        }

        let mut stmt = conn.prepare(
            "SELECT e.id, e.title, e.restitution_date,
                    (SELECT group_concat(s.name, ', ') FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id
                     JOIN structures s ON s.id = c.structure_id WHERE ec.engagement_id = e.id)
             FROM engagements e
             WHERE e.restitution_date IS NOT NULL AND e.final_report_date IS NULL AND e.cancelled_on IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, NaiveDate>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (id, title, restitution, structures) = row?;
            let due_on = restitution + Days::new(REPORT_DELAY_DAYS);
            if due_on > horizon {
                continue;
            }
            let item = AgendaItem {
                source: AgendaSource::Report,
                title: format!("Rapport final attendu\u{a0}: {title}"),
                context: structures.unwrap_or_default(),
                due_on,
                target: TargetKind::Engagement,
                target_id: id,
                task_id: None,
            };
            items.push((item, false));
        }

        let mut stmt = conn.prepare(
            "SELECT o.kind, o.label, o.next_due, s.id, s.name FROM employer_obligations o
             JOIN structures s ON s.id = o.structure_id
             WHERE s.archived_at IS NULL AND o.status <> 'not_applicable' AND o.next_due <= ?1",
        )?;
        let rows = stmt.query_map([horizon], |r| {
            Ok((
                r.get::<_, crate::employer::ObligationKind>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, NaiveDate>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (kind, label, due_on, structure_id, structure) = row?;
            let item = AgendaItem {
                source: AgendaSource::Obligation,
                title: format!("Obligation employeur\u{a0}: {}", label.unwrap_or_else(|| kind.label().to_owned())),
                context: structure,
                due_on,
                target: TargetKind::Structure,
                target_id: structure_id,
                task_id: None,
            };
            items.push((item, false));
        }

        items.sort_by_cached_key(|(item, _)| (item.due_on, crate::french::order_key(&item.title)));
        let mut agenda = Agenda { today, late: Vec::new(), now: Vec::new(), soon: Vec::new() };
        for (item, open) in items {
            if open || item.due_on == today {
                agenda.now.push(item);
            } else if item.due_on < today {
                agenda.late.push(item);
            } else {
                agenda.soon.push(item);
            }
        }
        Ok(agenda)
    }
}
