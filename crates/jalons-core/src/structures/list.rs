//! The structure list: filters, sort, and the summary row it shows.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LegalForm;
use crate::paging::{Page, PageRequest};
use crate::reference::territory;
use crate::values::{Etp, Money, Siret};
use crate::{Result, Store};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveFilter {
    #[default]
    Active,
    Archived,
    All,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StructureSort {
    #[default]
    Name,
    Commune,
    Departement,
    LegalForm,
    Etp,
    Budget,
    UpdatedAt,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct StructureFilter {
    /// Words matched in any accent or case against the name, acronym and commune, or a
    /// SIREN/SIRET prefix.
    pub query: String,
    pub departement: String,
    pub legal_form: Option<LegalForm>,
    pub archived: ArchiveFilter,
    pub sort: StructureSort,
    pub descending: bool,
    /// Only the structures with an employer obligation past its due date.
    pub employer_late: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StructureSummary {
    pub id: String,
    pub name: String,
    pub acronym: Option<String>,
    pub legal_form: LegalForm,
    pub siret: Option<Siret>,
    pub commune_name: Option<String>,
    pub departement: Option<String>,
    pub departement_name: Option<String>,
    pub etp: Option<Etp>,
    pub budget: Option<Money>,
    pub open_cases: i64,
    /// Employer obligations past their due date.
    pub employer_late: i64,
    pub archived: bool,
    pub updated_at: String,
}

/// The columns of a summary row, in the order `summary` reads them.
const COLUMNS: &str = "s.id, s.name, s.acronym, s.legal_form, s.siret, s.commune_name, s.departement, s.etp, \
                       s.budget, s.archived_at IS NOT NULL, s.updated_at";

/// The WHERE clause of a filter and its parameters.
fn conditions(filter: &StructureFilter, today: NaiveDate) -> (String, Vec<Value>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    match filter.archived {
        ArchiveFilter::Active => clauses.push("s.archived_at IS NULL".into()),
        ArchiveFilter::Archived => clauses.push("s.archived_at IS NOT NULL".into()),
        ArchiveFilter::All => {}
    }
    let compact: String = filter.query.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.is_empty() && compact.bytes().all(|b| b.is_ascii_digit()) {
        clauses.push("(s.siret LIKE ? || '%' OR s.siren LIKE ? || '%')".into());
        params.push(Value::Text(compact.clone()));
        params.push(Value::Text(compact));
    } else {
        crate::store::every_word_in("s.search_name", &filter.query, &mut clauses, &mut params);
    }
    if !filter.departement.trim().is_empty() {
        clauses.push("s.departement = ?".into());
        params.push(Value::Text(filter.departement.trim().to_owned()));
    }
    if let Some(form) = filter.legal_form {
        clauses.push("s.legal_form = ?".into());
        params.push(Value::Text(form.code().to_owned()));
    }
    if filter.employer_late {
        clauses.push(format!(
            "EXISTS (SELECT 1 FROM employer_obligations o WHERE o.structure_id = s.id AND {})",
            crate::employer::LATE_SQL
        ));
        params.push(Value::Text(today.to_string()));
    }
    let where_sql = crate::paging::where_sql(&clauses);
    (where_sql, params)
}

/// The ORDER BY of a sort: empty values last in either direction, then the name, then the
/// id, so that every row has one place and pages neither repeat nor skip a row.
fn order(sort: StructureSort, descending: bool) -> String {
    let key = match sort {
        StructureSort::Name => "s.search_name",
        StructureSort::Commune => "s.commune_name IS NULL, s.commune_name COLLATE NOCASE",
        StructureSort::Departement => "s.departement IS NULL, s.departement",
        StructureSort::LegalForm => "s.legal_form",
        StructureSort::Etp => "s.etp IS NULL, s.etp",
        StructureSort::Budget => "s.budget IS NULL, s.budget",
        StructureSort::UpdatedAt => "s.updated_at",
    };
    let dir = if descending { "DESC" } else { "ASC" };
    let keyed: Vec<String> =
        key.split(", ").map(|o| if o.ends_with("IS NULL") { o.to_owned() } else { format!("{o} {dir}") }).collect();
    let ties = if sort == StructureSort::Name { "" } else { ", s.search_name {dir}" };
    format!("{}{}, s.id {dir}", keyed.join(", "), ties.replace("{dir}", dir))
}

/// The page query of a filter and its parameters, limit and offset last.
fn page_sql(filter: &StructureFilter, today: NaiveDate, page: PageRequest) -> (String, Vec<Value>) {
    let (where_sql, mut params) = conditions(filter, today);
    params.push(Value::Integer(page.limit.into()));
    params.push(Value::Integer(page.offset.into()));
    let sql = format!(
        "SELECT {COLUMNS} FROM structures s {where_sql} ORDER BY {} LIMIT ? OFFSET ?",
        order(filter.sort, filter.descending)
    );
    (sql, params)
}

/// Per structure of a page, a count over one of its child tables, joined on the page's ids:
/// the child table is searched by its index for these structures only.
const OPEN_CASES_SQL: &str = "SELECT c.structure_id, COUNT(*) FROM json_each(?1) p \
                              JOIN cases c ON c.structure_id = p.value WHERE c.stage NOT IN ({finished}) \
                              GROUP BY c.structure_id";
const LATE_OBLIGATIONS_SQL: &str = "SELECT o.structure_id, COUNT(*) FROM json_each(?1) p \
                                    JOIN employer_obligations o ON o.structure_id = p.value WHERE {late} \
                                    GROUP BY o.structure_id";

fn counts_sql() -> [String; 2] {
    [
        OPEN_CASES_SQL.replace("{finished}", &crate::cases::Stage::finished_sql_list()),
        LATE_OBLIGATIONS_SQL.replace("{late}", crate::employer::LATE_SQL),
    ]
}

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<StructureSummary> {
    let departement: Option<String> = r.get(6)?;
    Ok(StructureSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        acronym: r.get(2)?,
        legal_form: r.get(3)?,
        siret: r.get(4)?,
        commune_name: r.get(5)?,
        departement_name: departement.as_deref().and_then(|d| territory().departement_name(d)).map(Into::into),
        departement,
        etp: r.get(7)?,
        budget: r.get(8)?,
        open_cases: 0,
        employer_late: 0,
        archived: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

impl Store {
    /// One page of the structures matching the filter, in its order, and how many match.
    pub fn list_structures(&self, filter: &StructureFilter, page: PageRequest) -> Result<Page<StructureSummary>> {
        let page = page.checked()?;
        let today = self.today();
        let (where_sql, params) = conditions(filter, today);
        let total: u32 = self.conn().query_row(
            &format!("SELECT COUNT(*) FROM structures s {where_sql}"),
            rusqlite::params_from_iter(params),
            |r| r.get(0),
        )?;
        let (sql, params) = page_sql(filter, today, page);
        let mut rows = self
            .conn()
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(params), summary)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let ids = serde_json::to_string(&rows.iter().map(|s| s.id.as_str()).collect::<Vec<_>>())?;
        let [open, late] = counts_sql();
        let count = |sql: &str, params: Vec<Value>| -> Result<HashMap<String, i64>> {
            let mut stmt = self.conn().prepare_cached(sql)?;
            let found = stmt.query_map(rusqlite::params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        };
        let open = count(&open, vec![Value::Text(ids.clone())])?;
        let late = count(&late, vec![Value::Text(ids), Value::Text(today.to_string())])?;
        for s in &mut rows {
            s.open_cases = open.get(&s.id).copied().unwrap_or(0);
            s.employer_late = late.get(&s.id).copied().unwrap_or(0);
        }
        Ok(Page { rows, offset: page.offset, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(store: &Store, sql: &str, params: Vec<Value>) -> String {
        crate::store::query_plan(store.conn(), sql, &params)
    }

    #[test]
    fn a_page_by_name_is_read_along_an_index_and_its_counts_search_theirs() {
        let store = Store::open_in_memory().unwrap();
        let today = store.today();
        for (archived, index) in [
            (ArchiveFilter::Active, "structures_active_by_name"),
            (ArchiveFilter::All, "structures_by_name"),
            (ArchiveFilter::Archived, "structures_by_name"),
        ] {
            for (descending, query) in [(false, ""), (true, "theatre vivarais")] {
                let filter = StructureFilter { archived, descending, query: query.into(), ..Default::default() };
                let (sql, params) = page_sql(&filter, today, PageRequest { offset: 15_000, limit: 100 });
                let plan = plan(&store, &sql, params);
                assert!(plan.contains(&format!("SCAN s USING INDEX {index}")), "{filter:?}\n{plan}");
                assert!(!plan.contains("TEMP B-TREE"), "{filter:?}\n{plan}");
            }
        }
        let (where_sql, params) = conditions(&StructureFilter::default(), today);
        let count = plan(&store, &format!("SELECT COUNT(*) FROM structures s {where_sql}"), params);
        assert!(count.contains("USING COVERING INDEX structures_active_by_name"), "{count}");

        let ids = Value::Text(r#"["a","b"]"#.into());
        let [open, late] = counts_sql();
        let open = plan(&store, &open, vec![ids.clone()]);
        assert!(open.contains("SEARCH c USING COVERING INDEX cases_structure_stage (structure_id=?"), "{open}");
        let late = plan(&store, &late, vec![ids, Value::Text(today.to_string())]);
        assert!(late.contains("SEARCH o USING INDEX employer_obligations_structure (structure_id=?)"), "{late}");
        assert!(!open.contains("SCAN c") && !late.contains("SCAN o"), "{open}\n{late}");
    }
}
