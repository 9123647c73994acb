//! Retention (CNIL: keep no longer than the purpose needs): a rule per kind of data, set by
//! the DLA in Paramètres, and what is due for purge under it, read page by page (tens of
//! thousands of items at a large DLA's ten years). Nothing is purged until the chargé
//! confirms the list and its number; a purge erases the contacts and deletes the cases for
//! real, one item at a time (the app lets other work through between two), each checked
//! again as still due.

use std::collections::HashSet;

use chrono::{Months, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::person::PersonRef;
use crate::cases::Stage;
use crate::ids::parse_id;
use crate::paging::{Page, PageRequest};
use crate::{Error, Result, Store};

/// The rules, in whole years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Retention {
    /// The contacts of a structure with no open case, counted from its last activity.
    pub contacts_years: u32,
    /// A finished case (closed, referred, not eligible, abandoned), from the day it ended.
    pub cases_years: u32,
}

/// The defaults written in the guide: three years for the contacts of a structure no longer
/// accompanied (the CNIL's usual term after the last contact), five for a finished case
/// (the funders' term for checking what they paid).
pub const DEFAULT: Retention = Retention { contacts_years: 3, cases_years: 5 };

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct RetentionInput {
    pub contacts_years: String,
    pub cases_years: String,
}

fn years(field: &str, label: &str, raw: &str) -> Result<u32> {
    match raw.trim().parse::<u32>() {
        Ok(n @ 1..=30) => Ok(n),
        _ => Err(Error::validation(
            field,
            format!("{label} se compte en années, de 1 à 30 (saisi\u{a0}: «\u{a0}{}\u{a0}»).", raw.trim()),
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    Contact,
    Case,
}

/// Something due for purge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueItem {
    pub kind: DueKind,
    pub id: String,
    /// The contact's name, or the case's reference.
    pub label: String,
    pub structure_id: String,
    pub structure_name: String,
    /// The day the term is counted from: the structure's last activity, or the case's end.
    pub since: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct PurgeItem {
    pub kind: DueKind,
    pub id: String,
}

/// What the chargé confirmed on the purge page: everything due but the items unticked, and
/// how many items that made on the screen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct PurgeChoice {
    pub except: Vec<PurgeItem>,
    pub confirmed: u32,
}

/// What a purge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Purged {
    pub contacts: usize,
    pub cases: usize,
    /// Items no longer due when the purge ran (reopened, written since): left.
    pub skipped: usize,
}

impl Purged {
    /// Counts an item `Store::purge_one` purged, or left as no longer due.
    pub fn tally(&mut self, kind: DueKind, purged: bool) {
        match (kind, purged) {
            (_, false) => self.skipped += 1,
            (DueKind::Case, true) => self.cases += 1,
            (DueKind::Contact, true) => self.contacts += 1,
        }
    }
}

/// How far a purge running in the background is, after each item and at its end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PurgeProgress {
    pub done: usize,
    pub total: usize,
    /// Set once the purge is over, stopped or not.
    pub finished: bool,
    pub cancelled: bool,
    pub purged: Purged,
}

const CONTACTS_KEY: &str = "retention.contacts_years";
const CASES_KEY: &str = "retention.cases_years";

fn load(conn: &Connection) -> Result<Retention> {
    let value = |key: &str| -> Result<Option<u32>> {
        let v: Option<String> =
            conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        Ok(v.and_then(|v| v.parse().ok()))
    };
    Ok(Retention {
        contacts_years: value(CONTACTS_KEY)?.unwrap_or(DEFAULT.contacts_years),
        cases_years: value(CASES_KEY)?.unwrap_or(DEFAULT.cases_years),
    })
}

fn cutoff(today: NaiveDate, years: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(years * 12)).unwrap_or(NaiveDate::MIN)
}

/// The finished cases whose term has run (`?1`: the cutoff), from the day each reached its
/// stage (`stage_since`, along its index), as a condition on `cases c`.
fn due_cases_where() -> String {
    format!("c.stage IN ({}) AND c.stage_since <= ?1", Stage::finished_sql_list())
}

/// The contacts of structures with no open case whose term has run (`?1`: the cutoff), from
/// the structure's last activity: its record written, a move of one of its cases, a journal
/// entry.
fn due_contacts_sql() -> String {
    format!(
        "SELECT * FROM (
            SELECT k.id, k.name, s.id AS structure_id, s.name AS structure_name,
                   max(substr(s.updated_at, 1, 10),
                       coalesce((SELECT max(e.on_date) FROM case_events e JOIN cases c ON c.id = e.case_id
                                 WHERE c.structure_id = s.id), ''),
                       coalesce((SELECT max(j.occurred_on) FROM journal_entries j WHERE j.structure_id = s.id), '')) AS last
            FROM contacts k JOIN structures s ON s.id = k.structure_id
            WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.structure_id = s.id AND c.stage NOT IN ({})))
         WHERE last <= ?1",
        Stage::finished_sql_list()
    )
}

/// Each kind's query gives (id, label, structure's id and name, since); `?1` is the
/// cutoff, then `more`.
fn due_items(conn: &Connection, kind: DueKind, sql: &str, cutoff: NaiveDate, more: &[u32]) -> Result<Vec<DueItem>> {
    let params =
        std::iter::once(Value::Text(cutoff.to_string())).chain(more.iter().map(|n| Value::Integer((*n).into())));
    let items = conn
        .prepare(sql)?
        .query_map(rusqlite::params_from_iter(params), |r| {
            Ok(DueItem {
                kind,
                id: r.get(0)?,
                label: r.get(1)?,
                structure_id: r.get(2)?,
                structure_name: r.get(3)?,
                since: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

/// The finished cases due, the oldest end first.
fn due_cases_sql() -> String {
    format!(
        "SELECT c.id, c.reference, s.id, s.name, c.stage_since FROM cases c JOIN structures s ON s.id = c.structure_id
         WHERE {} ORDER BY c.stage_since, c.reference",
        due_cases_where()
    )
}

/// The contacts due, the longest without activity first.
fn due_contacts_ordered_sql() -> String {
    format!("SELECT id, name, structure_id, structure_name, last FROM ({}) ORDER BY last, name, id", due_contacts_sql())
}

/// Everything due, finished cases first, then contacts.
fn due(conn: &Connection, rules: Retention, today: NaiveDate) -> Result<Vec<DueItem>> {
    let mut items = due_items(conn, DueKind::Case, &due_cases_sql(), cutoff(today, rules.cases_years), &[])?;
    let contacts_cutoff = cutoff(today, rules.contacts_years);
    items.extend(due_items(conn, DueKind::Contact, &due_contacts_ordered_sql(), contacts_cutoff, &[])?);
    Ok(items)
}

/// One page of `due`'s list: the cases' part, then the contacts' where the page reaches it.
fn due_page(conn: &Connection, rules: Retention, today: NaiveDate, page: PageRequest) -> Result<Page<DueItem>> {
    let (cases_cutoff, contacts_cutoff) = (cutoff(today, rules.cases_years), cutoff(today, rules.contacts_years));
    let count = |sql: String, cutoff: NaiveDate| -> Result<u32> { Ok(conn.query_row(&sql, [cutoff], |r| r.get(0))?) };
    let cases = count(due_cases_count_sql(), cases_cutoff)?;
    let contacts = count(format!("SELECT count(*) FROM ({})", due_contacts_sql()), contacts_cutoff)?;
    let paged = |sql: String| format!("{sql} LIMIT ?2 OFFSET ?3");
    let mut rows = Vec::new();
    if page.offset < cases {
        rows = due_items(conn, DueKind::Case, &paged(due_cases_sql()), cases_cutoff, &[page.limit, page.offset])?;
    }
    let left = page.limit.saturating_sub(u32::try_from(rows.len()).unwrap_or(u32::MAX));
    if left > 0 {
        let from = page.offset.saturating_sub(cases);
        let sql = paged(due_contacts_ordered_sql());
        rows.extend(due_items(conn, DueKind::Contact, &sql, contacts_cutoff, &[left, from])?);
    }
    Ok(Page { rows, offset: page.offset, total: cases + contacts })
}

/// Whether one item is due now (the rules or the records may have changed since the list
/// was read).
fn still_due(conn: &Connection, rules: Retention, today: NaiveDate, kind: DueKind, id: &str) -> Result<bool> {
    let (sql, years) = match kind {
        DueKind::Case => (
            format!("SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = ?2 AND {})", due_cases_where()),
            rules.cases_years,
        ),
        DueKind::Contact => {
            (format!("SELECT EXISTS (SELECT 1 FROM ({}) WHERE id = ?2)", due_contacts_sql()), rules.contacts_years)
        }
    };
    Ok(conn.query_row(&sql, params![cutoff(today, years), id], |r| r.get(0))?)
}

/// The cases counted from the stage index alone (every case has its structure): joined to
/// the structures, the count read 29,000 of them at a large DLA's scale, 36 ms instead of 2.
fn due_cases_count_sql() -> String {
    format!("SELECT count(*) FROM cases c WHERE {}", due_cases_where())
}

fn due_count(conn: &Connection, rules: Retention, today: NaiveDate) -> Result<u32> {
    let count = |sql: String, cutoff: NaiveDate| -> Result<u32> { Ok(conn.query_row(&sql, [cutoff], |r| r.get(0))?) };
    Ok(count(due_cases_count_sql(), cutoff(today, rules.cases_years))?
        + count(format!("SELECT count(*) FROM ({})", due_contacts_sql()), cutoff(today, rules.contacts_years))?)
}

impl Store {
    pub fn retention(&self) -> Result<Retention> {
        load(self.conn())
    }

    pub fn set_retention(&mut self, input: &RetentionInput) -> Result<Retention> {
        let rules = Retention {
            contacts_years: years("contacts_years", "La durée de conservation des contacts", &input.contacts_years)?,
            cases_years: years("cases_years", "La durée de conservation des accompagnements", &input.cases_years)?,
        };
        let before = load(self.conn())?;
        self.write(|w| {
            for (key, value) in [(CONTACTS_KEY, rules.contacts_years), (CASES_KEY, rules.cases_years)] {
                w.tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value.to_string()],
                )?;
            }
            w.audit("settings", "retention", "update", Some(&serde_json::to_value(before)?), Some(&serde_json::to_value(rules)?))
        })?;
        Ok(rules)
    }

    /// One page of what the rules say is due for purge today: finished cases first (the
    /// oldest end first), then contacts (the longest without activity first).
    pub fn purge_due_page(&self, page: PageRequest) -> Result<Page<DueItem>> {
        due_page(self.conn(), load(self.conn())?, self.today(), page.checked()?)
    }

    /// How many items are due, counted without reading them (Paramètres shows the number).
    pub fn purge_due_count(&self) -> Result<u32> {
        due_count(self.conn(), load(self.conn())?, self.today())
    }

    /// The items the chargé's choice purges: everything due but what was unticked. Refused
    /// when they are not the number confirmed (the list changed since it was read: a day
    /// passed, a case was reopened or closed): nothing is purged that was not seen.
    pub fn purge_choice(&self, choice: &PurgeChoice) -> Result<Vec<PurgeItem>> {
        let except = choice
            .except
            .iter()
            .map(|i| Ok((i.kind, parse_id("except", &i.id)?)))
            .collect::<Result<HashSet<(DueKind, String)>>>()?;
        let items: Vec<PurgeItem> = due(self.conn(), load(self.conn())?, self.today())?
            .into_iter()
            .filter(|d| !except.contains(&(d.kind, d.id.clone())))
            .map(|d| PurgeItem { kind: d.kind, id: d.id })
            .collect();
        if items.len() != choice.confirmed as usize {
            return Err(Error::conflict(
                None,
                format!(
                    "La liste à purger a changé depuis son affichage\u{a0}: {} et non {}. Relisez-la avant de purger.",
                    crate::french::count(items.len(), "élément à purger", "éléments à purger"),
                    crate::french::number(choice.confirmed.into())
                ),
            ));
        }
        Ok(items)
    }

    /// Purges one item if it is still due (true), or leaves it (false). Each item is one
    /// write, its files removed once it is committed: a failure keeps what was purged
    /// before it, whole.
    pub fn purge_one(&mut self, item: &PurgeItem) -> Result<bool> {
        let id = parse_id("id", &item.id)?;
        if !still_due(self.conn(), load(self.conn())?, self.today(), item.kind, &id)? {
            return Ok(false);
        }
        match item.kind {
            DueKind::Case => {
                self.delete_case(&id)?;
            }
            DueKind::Contact => {
                self.erase_person(&PersonRef::Contact { id })?;
            }
        }
        Ok(true)
    }
}

/// Purges `items` one after the other through `purge_one` (which the app gives the store
/// for each item alone, so that other writes pass between two), telling `progress` after
/// each; stops when `progress` says so (« Arrêter »: the item under way is finished) or at
/// the first failure, which is returned after what was purged before it.
pub fn run_purge(
    items: &[PurgeItem],
    mut purge_one: impl FnMut(&PurgeItem) -> Result<bool>,
    mut progress: impl FnMut(&PurgeProgress) -> bool,
) -> (PurgeProgress, Result<()>) {
    let mut state =
        PurgeProgress { done: 0, total: items.len(), finished: false, cancelled: false, purged: Purged::default() };
    let mut outcome = Ok(());
    for item in items {
        match purge_one(item) {
            Ok(purged) => state.purged.tally(item.kind, purged),
            Err(e) => {
                outcome = Err(e);
                break;
            }
        }
        state.done += 1;
        if state.done < state.total && !progress(&state) {
            state.cancelled = true;
            break;
        }
    }
    state.finished = true;
    progress(&state);
    (state, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_cases_due_are_a_range_of_the_stage_index() {
        let store = crate::Store::open_in_memory().unwrap();
        let plan =
            crate::store::query_plan(store.conn(), &super::due_cases_count_sql(), &[Value::Text("2020-01-01".into())]);
        assert!(plan.contains("USING COVERING INDEX cases_stage_since (stage=? AND stage_since<?)"), "{plan}");
        assert!(!plan.contains("SCAN c") && !plan.contains("structures"), "{plan}");
    }

    fn items(n: usize) -> Vec<PurgeItem> {
        (0..n)
            .map(|i| PurgeItem { kind: if i % 2 == 0 { DueKind::Case } else { DueKind::Contact }, id: i.to_string() })
            .collect()
    }

    #[test]
    fn a_purge_tells_each_step_stops_when_asked_after_the_item_under_way_and_at_a_failure() {
        let mut seen = Vec::new();
        let (done, outcome) = run_purge(
            &items(5),
            |i| Ok(i.id != "3"),
            |p| {
                seen.push((p.done, p.finished));
                true
            },
        );
        assert!(outcome.is_ok());
        assert_eq!(seen, [(1, false), (2, false), (3, false), (4, false), (5, true)]);
        assert_eq!((done.purged.cases, done.purged.contacts, done.purged.skipped), (3, 1, 1), "item 3 no longer due");

        let mut purged = Vec::new();
        let (stopped, outcome) = run_purge(
            &items(5),
            |i| {
                purged.push(i.id.clone());
                Ok(true)
            },
            |p| p.done < 2,
        );
        assert!(outcome.is_ok());
        assert_eq!(purged, ["0", "1"], "stopped during the second: nothing after it");
        assert!(stopped.cancelled && stopped.finished);
        assert_eq!((stopped.done, stopped.total), (2, 5));

        let (failed, outcome) = run_purge(
            &items(5),
            |i| {
                if i.id == "2" { Err(Error::internal("disque plein")) } else { Ok(true) }
            },
            |_| true,
        );
        assert_eq!(outcome.unwrap_err().message, "disque plein");
        assert!(failed.finished && !failed.cancelled);
        assert_eq!(failed.done, 2, "what was purged before it stays counted");
    }
}
