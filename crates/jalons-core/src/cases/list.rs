//! The cases list: its filters, its orders, and one page of it. Every order but « what
//! needs attention » is SQL's, so that only the page's cases are read in full; what needs
//! attention depends on today and is worked out in Rust, over the whole list when it is
//! sorted or filtered on, and counted on its own (the window asks once the rows are drawn).

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::attention::{AttentionFacts, sort};
use super::{CaseFilter, CaseScope, CaseSort, CaseSummary, Stage};
use crate::diagnostic::DiagnosticDomain;
use crate::follow_up::follow_up_due;
use crate::ids::parse_id;
use crate::paging::{Page, PageRequest};
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
    // case and its structure (40,000 at a large DLA's ten years).
    for word in crate::store::words(&filter.query) {
        clauses.push(
            "c.rowid IN (SELECT rowid FROM cases WHERE structure_id IN
                            (SELECT id FROM structures WHERE search_name LIKE '%' || ? || '%' ESCAPE '\\')
                         UNION ALL SELECT rowid FROM cases WHERE reference LIKE ? || '%' ESCAPE '\\')"
                .to_owned(),
        );
        params.push(word.clone());
        params.push(word);
    }
    Ok((clauses, params))
}

fn where_of(clauses: &[String]) -> String {
    if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) }
}

/// The ORDER BY of a sort, as `attention::sort` orders in Rust: the key in the direction
/// asked, then the most recent request first.
fn order(by: CaseSort, descending: bool) -> String {
    let key = match by {
        CaseSort::Reference => "c.reference".to_owned(),
        CaseSort::Structure => "s.sort_name".to_owned(),
        CaseSort::Stage => {
            let ranks: Vec<String> =
                Stage::ALL.iter().filter_map(|s| s.rank().map(|r| format!("WHEN '{}' THEN {r}", s.code()))).collect();
            format!("CASE c.stage {} ELSE 9 END", ranks.join(" "))
        }
        CaseSort::RequestDate | CaseSort::Attention => "c.request_date".to_owned(),
        CaseSort::StageSince => "coalesce(c.stage_since, c.request_date)".to_owned(),
    };
    let dir = if descending { "DESC" } else { "ASC" };
    format!("{key} {dir}, c.request_date DESC, c.reference DESC")
}

impl Store {
    /// One page of the cases matching the filter, in its order.
    pub fn list_cases(&self, filter: &CaseFilter, page: PageRequest) -> Result<Page<CaseSummary>> {
        let page = page.checked()?;
        let (clauses, params) = conditions(filter)?;
        if filter.attention_only || filter.sort == CaseSort::Attention {
            let mut all = self.summaries(&where_of(&clauses), params)?;
            if filter.attention_only {
                all.retain(|c| !c.attention.is_empty());
            }
            sort(&mut all, filter.sort, filter.descending);
            return Ok(page.cut(all));
        }
        let where_sql = where_of(&clauses);
        let total: u32 = self.conn().query_row(
            &format!("SELECT COUNT(*) {FROM_CASES} {where_sql}"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let mut paged = params.clone();
        paged.push(Value::Integer(page.limit.into()));
        paged.push(Value::Integer(page.offset.into()));
        let from = if filter.sort == CaseSort::Structure { FROM_STRUCTURES } else { FROM_CASES };
        let ids: Vec<String> = self
            .conn()
            .prepare_cached(&format!(
                "SELECT c.id {from} {where_sql} ORDER BY {} LIMIT ? OFFSET ?",
                order(filter.sort, filter.descending)
            ))?
            .query_map(rusqlite::params_from_iter(paged), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rows = self.summaries(
            "WHERE c.id IN (SELECT value FROM json_each(?))",
            vec![Value::Text(serde_json::to_string(&ids)?)],
        )?;
        rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
        Ok(Page { rows, offset: page.offset, total })
    }

    /// How many of the filter's cases need attention: the open ones (a finished case needs
    /// nothing), read whole, as the header of the list says. Asked apart from the pages, so
    /// that the rows are drawn without waiting for it.
    pub fn cases_needing_attention(&self, filter: &CaseFilter) -> Result<u32> {
        let (mut clauses, params) = conditions(filter)?;
        clauses.push(format!("c.stage IN ({})", Stage::open_sql_list()));
        let open = self.summaries(&where_of(&clauses), params)?;
        Ok(u32::try_from(open.iter().filter(|c| !c.attention.is_empty()).count()).unwrap_or(u32::MAX))
    }

    /// The summaries of the cases `where_sql` keeps, what needs attention included, unsorted.
    fn summaries(&self, where_sql: &str, params: Vec<Value>) -> Result<Vec<CaseSummary>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT c.id, c.reference, c.structure_id, s.name, s.commune_name, s.departement, c.stage, c.request_date,
                    c.stage_since, c.officer,
                    d.validated_on,
                    -- Read only where it can matter (`AttentionFacts::attention`): the
                    -- scores of every case would be a large part of the database.
                    CASE WHEN c.stage = 'diagnostic' AND d.validated_on IS NULL THEN
                      (SELECT COUNT(*) FROM diagnostic_interviews i WHERE i.case_id = c.id) > 0
                      AND (SELECT COUNT(*) FROM diagnostic_scores ds WHERE ds.case_id = c.id AND ds.score IS NOT NULL) = ?
                      AND coalesce(d.problem_statement, '') <> '' ELSE 0 END,
                    d.validated_on IS NOT NULL AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id),
                    (SELECT COUNT(*) FROM engagements e JOIN engagement_cases ec ON ec.engagement_id = e.id
                     WHERE ec.case_id = c.id AND e.restitution_date IS NOT NULL AND e.final_report_date IS NULL
                       AND e.cancelled_on IS NULL),
                    EXISTS (SELECT 1 FROM employer_obligations o WHERE o.structure_id = c.structure_id
                            AND {late})
             {FROM} LEFT JOIN diagnostics d ON d.case_id = c.id
             {where_sql}",
            late = crate::employer::LATE_SQL
        ))?;
        let today = self.today();
        let domains = i64::try_from(DiagnosticDomain::ALL.len()).unwrap_or(i64::MAX);
        let leading = [Value::Integer(domains), Value::Text(today.to_string())];
        let rows = stmt.query_map(rusqlite::params_from_iter(leading.into_iter().chain(params)), |r| {
            let stage: Stage = r.get(6)?;
            let request_date: NaiveDate = r.get(7)?;
            let validated: Option<NaiveDate> = r.get(10)?;
            let facts = AttentionFacts {
                stage,
                diagnostic_validated: validated,
                diagnostic_complete: r.get(11)?,
                follow_up_done: r.get(12)?,
                reports_missing: r.get(13)?,
                employer_late: r.get(14)?,
            };
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
                attention: facts.attention(today),
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

    #[test]
    fn a_search_reads_the_structures_and_the_references_index_not_every_case() {
        let store = Store::open_in_memory().unwrap();
        let filter = CaseFilter { query: "sillon 2025".into(), scope: CaseScope::All, ..Default::default() };
        let (clauses, params) = conditions(&filter).unwrap();
        let plan = crate::store::query_plan(
            store.conn(),
            &format!("SELECT COUNT(*) {FROM_CASES} {}", where_of(&clauses)),
            &params,
        );
        assert!(!plan.lines().any(|step| step == "SCAN c" || step == "SCAN cases"), "{plan}");
        assert!(plan.contains("SEARCH cases USING COVERING INDEX cases_structure_stage (structure_id=?)"), "{plan}");
        assert!(!plan.contains("SEARCH s "), "no structure looked up per case: {plan}");
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
                where_of(&clauses),
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
        for by in
            [CaseSort::Reference, CaseSort::Structure, CaseSort::Stage, CaseSort::RequestDate, CaseSort::StageSince]
        {
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
