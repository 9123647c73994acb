//! The structure list: filters, sort, and the summary row it shows.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LegalForm;
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

impl Store {
    pub fn list_structures(&self, filter: &StructureFilter) -> Result<Vec<StructureSummary>> {
        let mut clauses: Vec<String> = Vec::new();
        let today = Value::Text(self.today().to_string());
        // The late-obligation count of the SELECT comes first among the placeholders.
        let mut params: Vec<Value> = vec![today.clone()];
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
            params.push(today);
        }
        let where_sql = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
        let order = match filter.sort {
            StructureSort::Name => "s.search_name",
            StructureSort::Commune => "s.commune_name IS NULL, s.commune_name COLLATE NOCASE",
            StructureSort::Departement => "s.departement IS NULL, s.departement",
            StructureSort::LegalForm => "s.legal_form",
            StructureSort::Etp => "s.etp IS NULL, s.etp",
            StructureSort::Budget => "s.budget IS NULL, s.budget",
            StructureSort::UpdatedAt => "s.updated_at",
        };
        let dir = if filter.descending { "DESC" } else { "ASC" };
        let order_sql: String = order
            .split(", ")
            .map(|o| if o.ends_with("IS NULL") { o.to_owned() } else { format!("{o} {dir}") })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT s.id, s.name, s.acronym, s.legal_form, s.siret, s.commune_name, s.departement, s.etp, s.budget,
                    (SELECT COUNT(*) FROM cases c WHERE c.structure_id = s.id AND c.stage NOT IN ({finished})),
                    s.archived_at IS NOT NULL, s.updated_at,
                    (SELECT COUNT(*) FROM employer_obligations o WHERE o.structure_id = s.id AND {late})
             FROM structures s {where_sql} ORDER BY {order_sql}, s.search_name",
            finished = crate::cases::Stage::finished_sql_list(),
            late = crate::employer::LATE_SQL
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
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
                open_cases: r.get(9)?,
                employer_late: r.get(12)?,
                archived: r.get(10)?,
                updated_at: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
