//! The cases list: its filters, its orders, and one page of it, all in SQL, so that only
//! the page's cases are read in full. What needs attention is SQL's too (`AttentionSql`):
//! its count is asked apart from the pages, so that the rows are drawn without waiting.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::attention::{AttentionSql, attention};
use super::{CaseFilter, CaseScope, CaseSort, CaseSummary, Stage};
use crate::follow_up::follow_up_due;
use crate::ids::parse_id;
use crate::paging::{Page, PageRequest, where_sql};
use crate::{Result, Store};

const FROM: &str = "FROM cases c JOIN structures s ON s.id = c.structure_id";

/// The filters and every order but the structure's read the case alone: its structure
/// exists (a foreign key), and looking it up for each of 5,000 matching cases took three
/// quarters of a search's time.
const FROM_CASES: &str = "FROM cases c";

/// Sorted by structure, the structures are read in the order of `structures_by_sort_name`
/// and each one's cases found along `cases_structure_stage` until the page is full: cases
/// first, the 35,000 finished ones were all looked up and sorted (130 ms, now 5).
const FROM_STRUCTURES: &str = "FROM structures s CROSS JOIN cases c ON s.id = c.structure_id";

/// What needs attention reads the case's diagnostic; SQLite looks it up for every case
/// read, used or not, so a statement joins it only when it asks what needs attention.
const WITH_DIAGNOSTIC: &str = "LEFT JOIN diagnostics d ON d.case_id = c.id";

/// The conditions of a filter on `cases c` and `structures s`, and their parameters.
fn conditions(filter: &CaseFilter) -> Result<(Vec<String>, Vec<Value>)> {
    let mut clauses = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(sid) = &filter.structure_id {
        clauses.push("c.structure_id = ?".to_owned());
        params.push(Value::Text(parse_id("structure_id", sid)?));
    }
    if let Some(stage) = filter.stage {
        clauses.push("c.stage = ?".to_owned());
        params.push(Value::Text(stage.code().to_owned()));
    } else {
        match filter.scope {
            CaseScope::Open => clauses.push(format!("c.stage IN ({})", Stage::open_sql_list())),
            CaseScope::Finished => clauses.push(format!("c.stage IN ({})", Stage::finished_sql_list())),
            CaseScope::All => {}
        }
    }
    // Each word names the structure or begins the reference. The cases are found from the
    // structures that match and from the references' index, rather than by reading every
    // case and its structure (40,000 at a large DLA's ten years). The structures' cases are
    // read along the narrowest index that holds them: SQLite, left to choose, took the
    // reports' wider one (migration 0030) and a search for « sillon » at the bench's scale
    // went from 33 to 70–107 ms, its pages no longer all kept in the connection's cache.
    for word in crate::values::fold(&filter.query).split_whitespace() {
        let (reference, reference_params) = crate::store::begins_with("reference", word);
        clauses.push(format!(
            "c.rowid IN (SELECT rowid FROM cases INDEXED BY cases_structure_stage WHERE structure_id IN
                            (SELECT id FROM structures WHERE search_name LIKE '%' || ? || '%' ESCAPE '\\')
                         UNION ALL SELECT rowid FROM cases WHERE {reference})"
        ));
        params.push(Value::Text(crate::store::escaped(word)));
        params.extend(reference_params);
    }
    Ok((clauses, params))
}

fn needs_diagnostic(attention: bool) -> &'static str {
    if attention { WITH_DIAGNOSTIC } else { "" }
}

/// The ORDER BY of a sort, as the tests' `sort` orders in Rust: the key in the direction
/// asked, then the most recent request first. `attention` is the count the page's query
/// selects.
fn order(by: CaseSort, descending: bool) -> String {
    let key = match by {
        CaseSort::Reference => "c.reference".to_owned(),
        CaseSort::Structure => "s.sort_name".to_owned(),
        CaseSort::Stage => {
            let ranks: Vec<String> =
                Stage::ALL.iter().filter_map(|s| s.rank().map(|r| format!("WHEN '{}' THEN {r}", s.code()))).collect();
            format!("CASE c.stage {} ELSE 9 END", ranks.join(" "))
        }
        CaseSort::RequestDate => "c.request_date".to_owned(),
        CaseSort::Attention => "attention".to_owned(),
        CaseSort::StageSince => "coalesce(c.stage_since, c.request_date)".to_owned(),
    };
    let dir = if descending { "DESC" } else { "ASC" };
    format!("{key} {dir}, c.request_date DESC, c.reference DESC")
}

impl Store {
    /// One page of the cases matching the filter, in its order.
    pub fn list_cases(&self, filter: &CaseFilter, page: PageRequest) -> Result<Page<CaseSummary>> {
        let page = page.checked()?;
        let needs = AttentionSql::new(self.today());
        let (mut clauses, filter_params) = conditions(filter)?;
        if filter.attention_only {
            clauses.insert(0, needs.any());
        }
        let conditions_sql = where_sql(&clauses);
        // The terms' placeholders come first in each statement: in its select list, or at
        // the head of its conditions.
        let mut params = if filter.attention_only { needs.params.clone() } else { Vec::new() };
        params.extend(filter_params);
        let needing = needs_diagnostic(filter.attention_only);
        let total: u32 = self.conn().query_row(
            &format!("SELECT COUNT(*) {FROM_CASES} {needing} {conditions_sql}"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let from = if filter.sort == CaseSort::Structure { FROM_STRUCTURES } else { FROM_CASES };
        let (select, mut paged) = if filter.sort == CaseSort::Attention {
            (format!("c.id, {} AS attention", needs.count()), needs.params.clone())
        } else {
            ("c.id".to_owned(), Vec::new())
        };
        paged.extend(params);
        paged.push(Value::Integer(page.limit.into()));
        paged.push(Value::Integer(page.offset.into()));
        let needing = needs_diagnostic(filter.attention_only || filter.sort == CaseSort::Attention);
        let sql = format!(
            "SELECT {select} {from} {needing} {conditions_sql} ORDER BY {} LIMIT ? OFFSET ?",
            order(filter.sort, filter.descending)
        );
        let ids: Vec<String> = self
            .conn()
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(paged), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rows = self.summaries(&needs, &ids)?;
        rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
        Ok(Page { rows, offset: page.offset, total })
    }

    /// How many of the filter's cases need attention (a finished case needs nothing), as
    /// the header of the list says.
    pub fn cases_needing_attention(&self, filter: &CaseFilter) -> Result<u32> {
        let needs = AttentionSql::new(self.today());
        let (mut clauses, filter_params) = conditions(filter)?;
        clauses.insert(0, needs.any());
        let params = needs.params.iter().cloned().chain(filter_params);
        Ok(self.conn().query_row(
            &format!("SELECT COUNT(*) {FROM_CASES} {WITH_DIAGNOSTIC} {}", where_sql(&clauses)),
            rusqlite::params_from_iter(params),
            |r| r.get(0),
        )?)
    }

    /// The summaries of these cases, what needs attention included, unsorted.
    fn summaries(&self, needs: &AttentionSql, ids: &[String]) -> Result<Vec<CaseSummary>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT c.id, c.reference, c.structure_id, s.name, s.commune_name, s.departement, c.stage, c.request_date,
                    c.stage_since, c.officer, d.validated_on, {}
             {FROM} {WITH_DIAGNOSTIC} WHERE c.id IN (SELECT value FROM json_each(?))",
            needs.columns()
        ))?;
        let today = self.today();
        let params = needs.params.iter().cloned().chain([Value::Text(serde_json::to_string(ids)?)]);
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            let stage: Stage = r.get(6)?;
            let request_date: NaiveDate = r.get(7)?;
            let validated: Option<NaiveDate> = r.get(10)?;
            let terms = [r.get(11)?, r.get(12)?, r.get(13)?, r.get(14)?];
            Ok(CaseSummary {
                id: r.get(0)?,
                reference: r.get(1)?,
                structure_id: r.get(2)?,
                structure_name: r.get(3)?,
                commune_name: r.get(4)?,
                departement: r.get(5)?,
                stage,
                request_date,
                stage_since: r.get::<_, Option<NaiveDate>>(8)?.unwrap_or(request_date),
                officer: r.get(9)?,
                attention: attention(stage, terms, validated, today),
                follow_up_from: validated.map(|v| follow_up_due(v, false, today).from),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::CaseInput;
    use crate::structures::StructureInput;
    use crate::workflow::TransitionInput;

    /// The orders of the list, in Rust: the SQL's must give the same; ties keep the most recent request first.
    fn sort(rows: &mut [CaseSummary], by: CaseSort, descending: bool) {
        rows.sort_by(|a, b| {
            let primary = match by {
                CaseSort::Reference => a.reference.cmp(&b.reference),
                CaseSort::Structure => {
                    crate::values::fold(&a.structure_name).cmp(&crate::values::fold(&b.structure_name))
                }
                CaseSort::Stage => a.stage.rank().unwrap_or(9).cmp(&b.stage.rank().unwrap_or(9)),
                CaseSort::RequestDate => a.request_date.cmp(&b.request_date),
                CaseSort::StageSince => a.stage_since.cmp(&b.stage_since),
                CaseSort::Attention => a.attention.len().cmp(&b.attention.len()),
            };
            let primary = if descending { primary.reverse() } else { primary };
            primary.then_with(|| b.request_date.cmp(&a.request_date)).then_with(|| b.reference.cmp(&a.reference))
        });
    }

    #[test]
    fn a_search_reads_the_structures_and_the_references_index_not_every_case() {
        let store = Store::open_in_memory().unwrap();
        let filter = CaseFilter { query: "sillon 2025".into(), scope: CaseScope::All, ..Default::default() };
        let (clauses, params) = conditions(&filter).unwrap();
        let plan = crate::store::query_plan(
            store.conn(),
            &format!("SELECT COUNT(*) {FROM_CASES} {WITH_DIAGNOSTIC} {}", where_sql(&clauses)),
            &params,
        );
        assert!(!plan.lines().any(|step| step == "SCAN c" || step == "SCAN cases"), "{plan}");
        assert!(plan.contains("SEARCH cases USING COVERING INDEX cases_structure_stage (structure_id=?)"), "{plan}");
        assert!(!plan.contains("SEARCH s "), "no structure looked up per case: {plan}");
        assert!(plan.contains("(reference>? AND reference<?)"), "the references read from the word on: {plan}");
    }

    #[test]
    fn sorted_by_structure_the_structures_are_read_in_order_and_their_cases_found() {
        let store = Store::open_in_memory().unwrap();
        for scope in [CaseScope::Open, CaseScope::Finished, CaseScope::All] {
            let filter = CaseFilter { scope, sort: CaseSort::Structure, ..Default::default() };
            let (clauses, mut params) = conditions(&filter).unwrap();
            params.extend([Value::Integer(100), Value::Integer(0)]);
            let sql = format!(
                "SELECT c.id {FROM_STRUCTURES} {} ORDER BY {} LIMIT ? OFFSET ?",
                where_sql(&clauses),
                order(filter.sort, filter.descending)
            );
            let plan = crate::store::query_plan(store.conn(), &sql, &params);
            assert!(plan.contains("SCAN s USING COVERING INDEX structures_by_sort_name"), "{plan}");
            assert!(plan.contains("SEARCH c USING INDEX cases_structure_stage (structure_id=?"), "{plan}");
            assert!(plan.contains("TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY"), "only within a structure: {plan}");
        }
    }

    #[test]
    fn every_order_in_sql_is_the_order_attention_sort_gives_in_rust() {
        let mut s = Store::open_in_memory().unwrap();
        s.set_user_name("Camille Martin").unwrap();
        let names = ["Écume", "atelier", "Zéphyr", "Bal", "écho"];
        for i in 0..15 {
            let structure = StructureInput {
                name: format!("{} {}", names[i % names.len()], i % 4),
                legal_form: "association".into(),
                ..Default::default()
            };
            let structure_id = s.create_structure(&structure).unwrap().id;
            let input = CaseInput {
                structure_id,
                request_date: ["2025-01-06", "2025-02-03", "2024-11-18"][i % 3].into(),
                channel: "phone".into(),
                requester: "Présidente".into(),
                referral_source: "network".into(),
                request_text: "Consolider un emploi.".into(),
            };
            let id = s.open_case(&input).unwrap().id;
            if i % 2 == 0 {
                let to = TransitionInput {
                    case_id: id,
                    to: "diagnostic".into(),
                    date: ["2025-03-01", "2025-02-10"][i % 4 / 2].into(),
                    ..Default::default()
                };
                s.move_case(&to).unwrap();
            }
        }
        for by in CaseSort::ALL {
            for descending in [false, true] {
                let filter = CaseFilter { sort: by, descending, ..Default::default() };
                let listed = s.list_cases(&filter, PageRequest::LARGEST).unwrap().rows;
                let mut sorted = listed.clone();
                sort(&mut sorted, by, descending);
                let ids = |rows: &[CaseSummary]| rows.iter().map(|r| r.reference.clone()).collect::<Vec<_>>();
                assert_eq!(ids(&listed), ids(&sorted), "{by:?} {descending}");
            }
        }
    }
}
