//! Reading and writing ingénieries, their linked cases and the offers received.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::enums::{Milestones, OPEN_SQL};
use super::input::ValidEngagement;
use super::{Engagement, EngagementFilter, EngagementInput, LinkedCase, Offer};
use crate::cases::Stage;
use crate::funders::{check_funder, label};
use crate::ids::{new_id, parse_id};
use crate::paging::{Page, PageRequest, SqlList};
use crate::plan::link;
use crate::store::WriteCtx;
use crate::{Error, Result, Store};

const ENTITY: &str = "engagement";

/// Every typed word (`?1`, `?2`…) found in the ingénierie's folded line: its title, its
/// consultant and the structures it serves (migration 0024 keeps that line). The lines are
/// read once into a set that the list's own index is checked against (`+e.id`): looking
/// up each of 13,000 matches by id to test whether it is open took five times as long.
fn words_sql(first: usize, count: usize) -> String {
    let likes: Vec<String> =
        (first..first + count).map(|n| format!("text LIKE '%' || ?{n} || '%' ESCAPE '\\'")).collect();
    format!("+e.id IN (SELECT engagement_id FROM engagement_search WHERE {})", likes.join(" AND "))
}

const SELECT: &str = "SELECT e.id, e.title, e.theme, e.mode, e.consultant_id, k.name, e.days, e.day_rate, e.vat_rate,
        e.cost_ht, e.cost_ttc, e.funder_id, e.terms_date, e.consultation_date, e.decision_date, e.kickoff_date,
        e.restitution_date, e.final_report_date, e.cancelled_on, e.cancel_reason, e.results, e.created_at, e.updated_at,
        f.name, f.programme
    FROM engagements e LEFT JOIN consultants k ON k.id = e.consultant_id LEFT JOIN funders f ON f.id = e.funder_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Engagement> {
    let dates = Milestones::read(r, 12)?;
    let (funder_name, programme): (Option<String>, Option<String>) = (r.get(23)?, r.get(24)?);
    Ok(Engagement {
        id: r.get(0)?,
        title: r.get(1)?,
        theme: r.get(2)?,
        mode: r.get(3)?,
        status: dates.status(),
        cases: Vec::new(),
        consultant_id: r.get(4)?,
        consultant_name: r.get(5)?,
        days: r.get(6)?,
        day_rate: r.get(7)?,
        vat_rate: r.get(8)?,
        cost_ht: r.get(9)?,
        cost_ttc: r.get(10)?,
        funder_id: r.get(11)?,
        funder: funder_name.map(|name| label(&name, programme.as_deref())),
        terms_date: dates.terms,
        consultation_date: dates.consultation,
        decision_date: dates.decision,
        kickoff_date: dates.kickoff,
        restitution_date: dates.restitution,
        final_report_date: dates.final_report,
        cancelled_on: dates.cancelled,
        cancel_reason: r.get(19)?,
        results: r.get(20)?,
        offers: Vec::new(),
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
    })
}

/// The list's filter as SQL conditions on `engagements e`, and their parameters.
fn conditions(filter: &EngagementFilter) -> Result<(Vec<String>, Vec<Value>)> {
    let mut clauses: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(case_id) = &filter.case_id {
        clauses.push("e.id IN (SELECT engagement_id FROM engagement_cases WHERE case_id = ?)".into());
        params.push(Value::Text(parse_id("case_id", case_id)?));
    } else if !filter.include_finished {
        clauses.push(OPEN_SQL.to_owned());
    }
    let words = crate::store::words(&filter.query);
    if !words.is_empty() {
        clauses.push(words_sql(params.len() + 1, words.len()));
        params.extend(words);
    }
    Ok((clauses, params))
}

/// The newest first, along `engagements_by_created` (or its open part).
fn list(clauses: &[String]) -> SqlList<'_> {
    SqlList { select: SELECT, count_from: "FROM engagements e", clauses, order: "e.created_at DESC, e.id DESC" }
}

fn with_links(conn: &Connection, mut e: Engagement) -> Result<Engagement> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.reference, s.id, s.name, c.stage
         FROM engagement_cases ec JOIN cases c ON c.id = ec.case_id JOIN structures s ON s.id = c.structure_id
         WHERE ec.engagement_id = ?1 ORDER BY s.search_name",
    )?;
    e.cases = stmt
        .query_map([&e.id], |r| {
            Ok(LinkedCase {
                case_id: r.get(0)?,
                reference: r.get(1)?,
                structure_id: r.get(2)?,
                structure_name: r.get(3)?,
                stage: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT o.consultant_id, k.name, o.amount_ht, o.score
         FROM engagement_offers o JOIN consultants k ON k.id = o.consultant_id
         WHERE o.engagement_id = ?1 ORDER BY o.position",
    )?;
    e.offers = stmt
        .query_map([&e.id], |r| {
            Ok(Offer { consultant_id: r.get(0)?, consultant_name: r.get(1)?, amount_ht: r.get(2)?, score: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(e)
}

fn load(conn: &Connection, id: &str) -> Result<Engagement> {
    let e = conn
        .query_row(&format!("{SELECT} WHERE e.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("Cette ingénierie n'existe pas ou plus."))?;
    with_links(conn, e)
}

/// Linked cases must exist; a newly linked one must be open and have a parcours stage.
fn check_cases(conn: &Connection, v: &ValidEngagement, already: &[String]) -> Result<()> {
    let mut structures = Vec::new();
    for id in &v.case_ids {
        let row: Option<(Stage, String, String, String)> = conn
            .query_row(
                "SELECT c.stage, c.reference, c.structure_id, s.name FROM cases c JOIN structures s ON s.id = c.structure_id WHERE c.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((stage, reference, structure_id, name)) = row else {
            return Err(Error::validation("case_ids", "Un des accompagnements choisis n'existe pas ou plus."));
        };
        if !already.contains(id) && (stage.is_finished() || stage.rank() < Stage::Plan.rank()) {
            return Err(Error::validation(
                "case_ids",
                format!(
                    "L'accompagnement {reference} ({name}) est à l'étape «\u{a0}{}\u{a0}»\u{a0}: une ingénierie se rattache à un accompagnement en cours, dont le parcours est engagé.",
                    stage.label()
                ),
            ));
        }
        if structures.contains(&structure_id) {
            return Err(Error::validation(
                "case_ids",
                format!(
                    "«\u{a0}{name}\u{a0}» figure deux fois\u{a0}: une structure ne compte qu'une fois dans une ingénierie."
                ),
            ));
        }
        structures.push(structure_id);
    }
    for o in &v.offers {
        let exists: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM consultants WHERE id = ?1)", [&o.consultant_id], |r| {
                r.get(0)
            })?;
        if !exists {
            return Err(Error::validation("offers", "Un des consultants consultés n'existe pas ou plus."));
        }
    }
    if let Some(c) = &v.consultant_id {
        let exists: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM consultants WHERE id = ?1)", [c], |r| r.get(0))?;
        if !exists {
            return Err(Error::validation("consultant_id", "Ce consultant n'existe pas ou plus."));
        }
    }
    Ok(())
}

fn write_fields(w: &WriteCtx<'_>, id: &str, v: &ValidEngagement) -> Result<()> {
    let conn: &Connection = &w.tx;
    conn.execute(
        "UPDATE engagements SET title = ?2, theme = ?3, mode = ?4, consultant_id = ?5, days = ?6, day_rate = ?7,
                vat_rate = ?8, funder_id = ?9, terms_date = ?10, consultation_date = ?11, decision_date = ?12,
                kickoff_date = ?13, restitution_date = ?14, final_report_date = ?15, cancelled_on = ?16,
                cancel_reason = ?17, results = ?18, updated_at = ?19
         WHERE id = ?1",
        params![
            id,
            v.title,
            v.theme,
            v.mode,
            v.consultant_id,
            v.days,
            v.day_rate,
            v.vat_rate,
            v.funder_id,
            v.dates.terms,
            v.dates.consultation,
            v.dates.decision,
            v.dates.kickoff,
            v.dates.restitution,
            v.dates.final_report,
            v.dates.cancelled,
            v.cancel_reason,
            v.results,
            w.now
        ],
    )?;
    conn.execute("DELETE FROM engagement_cases WHERE engagement_id = ?1", [id])?;
    for case_id in &v.case_ids {
        conn.execute("INSERT INTO engagement_cases (engagement_id, case_id) VALUES (?1, ?2)", params![id, case_id])?;
    }
    conn.execute("DELETE FROM engagement_offers WHERE engagement_id = ?1", [id])?;
    for (i, o) in (0_i64..).zip(&v.offers) {
        conn.execute(
            "INSERT INTO engagement_offers (engagement_id, consultant_id, position, amount_ht, score) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, o.consultant_id, i, o.amount_ht, o.score],
        )?;
    }
    Ok(())
}

impl Store {
    pub fn get_engagement(&self, id: &str) -> Result<Engagement> {
        load(self.conn(), &parse_id("id", id)?)
    }

    pub fn create_engagement(&mut self, input: &EngagementInput) -> Result<Engagement> {
        let v = input.validate(self.today())?;
        self.write(|w| {
            check_cases(&w.tx, &v, &[])?;
            if let Some(f) = &v.funder_id {
                check_funder(&w.tx, "funder_id", f, &[])?;
            }
            let id = new_id();
            let now = &w.now;
            w.tx.execute(
                "INSERT INTO engagements (id, title, theme, mode, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![id, v.title, v.theme, v.mode, now],
            )?;
            write_fields(w, &id, &v)?;
            if let Some(action) = &v.plan_action_id {
                link::link_created(&w.tx, action, &id)?;
            }
            link::sync_actions(&w.tx, &id, v.dates.status())?;
            let after = load(&w.tx, &id)?;
            w.audit(ENTITY, &id, "create", None, Some(&serde_json::to_value(&after)?))?;
            Ok(after)
        })
    }

    pub fn update_engagement(&mut self, id: &str, input: &EngagementInput) -> Result<Engagement> {
        let id = parse_id("id", id)?;
        let v = input.validate(self.today())?;
        self.write(|w| {
            w.audited(ENTITY, &id, "update", load, |before| {
                let already: Vec<String> = before.cases.iter().map(|c| c.case_id.clone()).collect();
                check_cases(&w.tx, &v, &already)?;
                if let Some(f) = &v.funder_id {
                    check_funder(&w.tx, "funder_id", f, before.funder_id.as_slice())?;
                }
                write_fields(w, &id, &v)?;
                link::sync_actions(&w.tx, &id, v.dates.status())
            })
        })
    }

    /// One page of the ingénieries matching the filter, the newest first, and how many match.
    pub fn list_engagements(&self, filter: &EngagementFilter, page: PageRequest) -> Result<Page<Engagement>> {
        let (clauses, params) = conditions(filter)?;
        let Page { rows, offset, total } = list(&clauses).read(self.conn(), params, page, from_row)?;
        let rows = rows.into_iter().map(|e| with_links(self.conn(), e)).collect::<Result<Vec<_>>>()?;
        Ok(Page { rows, offset, total })
    }

    pub fn engagement_history(&self, id: &str, page: PageRequest) -> Result<Page<crate::store::audit::AuditEntry>> {
        crate::store::audit::history(self.conn(), &[ENTITY], &parse_id("id", id)?, page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::store::query_plan as plan;

    #[test]
    fn a_page_newest_first_and_its_count_are_read_along_an_index() {
        let store = Store::open_in_memory().unwrap();
        for (include_finished, index) in [(false, "engagements_open_by_created"), (true, "engagements_by_created")] {
            let (clauses, mut params) =
                conditions(&EngagementFilter { include_finished, ..Default::default() }).unwrap();
            // All of them are counted along the smallest index, the open ones along theirs.
            let count = plan(store.conn(), &list(&clauses).count_sql(), &params);
            assert!(count.contains("COVERING INDEX"), "{count}");
            assert!(include_finished || count.contains(index), "{count}");
            params.extend([Value::Integer(100), Value::Integer(30_000)]);
            let page = plan(store.conn(), &list(&clauses).page_sql(), &params);
            assert!(page.contains(&format!("SCAN e USING INDEX {index}")), "{page}");
            assert!(!page.contains("TEMP B-TREE"), "{page}");
        }
    }

    #[test]
    fn the_typed_words_read_the_folded_lines_once_whatever_their_number() {
        let store = Store::open_in_memory().unwrap();
        let filter = EngagementFilter { query: "Cabinet port 50%".into(), ..Default::default() };
        let (clauses, mut params) = conditions(&filter).unwrap();
        assert_eq!(clauses.len(), 2, "the open ones, then the words together");
        let count = plan(store.conn(), &list(&clauses).count_sql(), &params);
        assert_eq!(count.matches("engagement_search").count(), 1, "{count}");
        assert!(count.contains("COVERING INDEX engagements_open_by_created"), "{count}");
        params.extend([Value::Integer(50), Value::Integer(0)]);
        let page = plan(store.conn(), &list(&clauses).page_sql(), &params);
        assert!(page.contains("SCAN e USING INDEX engagements_open_by_created"), "{page}");
        assert!(!page.contains("TEMP B-TREE"), "{page}");
    }
}
