//! Which cases a period report covers: those active during the period, paid by the funder
//! line when one is chosen.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::parse_id;
use crate::values::parse_date;
use crate::{Error, Result, Store};

/// What the report form sends: the period's first and last days, and a funder line or none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ReportFilter {
    pub from: String,
    pub to: String,
    pub funder_id: String,
}

/// A checked filter, as the report recalls it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub funder_id: Option<String>,
    /// « État (DREETS) — Convention DLA 2026 », or none for every funder.
    pub funder: Option<String>,
}

impl ReportFilter {
    pub(crate) fn validate(&self, store: &Store) -> Result<Period> {
        let from = parse_date("from", "Le début de la période", &self.from)?;
        let to = parse_date("to", "La fin de la période", &self.to)?;
        if to < from {
            return Err(Error::validation(
                "to",
                "La fin de la période précède son début\u{a0}: vérifiez les deux dates.",
            ));
        }
        let (funder_id, funder) = if self.funder_id.trim().is_empty() {
            (None, None)
        } else {
            let id = parse_id("funder_id", &self.funder_id)?;
            let line =
                store.list_funders()?.into_iter().find(|f| f.id == id).ok_or_else(|| {
                    Error::validation("funder_id", "Cette ligne de financement n'existe pas ou plus.")
                })?;
            (Some(id), Some(line.label()))
        };
        Ok(Period { from, to, funder_id, funder })
    }
}

/// The cases a funder line answers for (definitions.rs, « Ligne de financement »), as a
/// condition on `cases c` with the named parameters `:funder` and `:from`: every case with
/// no line; with one, the cases it pays for directly, or through one of its ingénieries
/// not cancelled before the period's first day (one cancelled later still brought the
/// case in, so a past report does not change with it). Read from the lines' indexes once,
/// not case by case.
pub(crate) const FUNDED: &str = "(:funder IS NULL OR c.id IN (
        SELECT case_id FROM case_funders WHERE funder_id = :funder
        UNION
        SELECT ec.case_id FROM engagements e JOIN engagement_cases ec ON ec.engagement_id = e.id
        WHERE e.funder_id = :funder AND (e.cancelled_on IS NULL OR e.cancelled_on >= :from)))";

/// The cases open for at least one day of the period (definitions.rs, « Accompagnements de
/// la période »), as a list of ids for `c.id IN (…)`: read from the spans of migration 0027,
/// the open ones and those closed since the period's first day.
pub(crate) const ACTIVE: &str = "SELECT case_id FROM case_spans
        WHERE (closed_on IS NULL OR closed_on >= :from) AND opened_on <= :to";

impl Period {
    /// The named parameters every indicator query takes, whichever it uses.
    pub(crate) fn params(&self) -> [(&'static str, &dyn rusqlite::ToSql); 3] {
        [(":from", &self.from), (":to", &self.to), (":funder", &self.funder_id)]
    }

    /// Whether `day` is one of the period's.
    pub(crate) fn holds(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// Binds only the parameters `sql` names: SQLite refuses a named parameter it was not asked.
pub(crate) fn query<T>(
    conn: &Connection,
    sql: &str,
    period: &Period,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let params: Vec<(&str, &dyn rusqlite::ToSql)> =
        period.params().into_iter().filter(|(name, _)| stmt.parameter_index(name).ok().flatten().is_some()).collect();
    let rows = stmt.query_map(params.as_slice(), row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The period's cases, by reference.
pub(crate) fn case_ids(conn: &Connection, period: &Period) -> Result<Vec<String>> {
    let sql = format!("SELECT c.id FROM cases c WHERE c.id IN ({ACTIVE}) AND {FUNDED} ORDER BY c.reference");
    query(conn, &sql, period, |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use rusqlite::types::Value;

    use super::{ACTIVE, FUNDED};

    fn plan(sql: &str, funder: Value) -> String {
        let store = crate::Store::open_in_memory().unwrap();
        let params = [Value::Text("2025-01-01".into()), Value::Text("2025-12-31".into()), funder];
        crate::store::query_plan(store.conn(), sql, &params)
    }

    #[test]
    fn the_period_cases_are_ranges_of_the_spans_index() {
        let sql = format!("SELECT c.id FROM cases c WHERE c.id IN ({ACTIVE}) AND {FUNDED}");
        for funder in [Value::Null, Value::Text("0190a5a0-0000-7000-8000-000000000000".into())] {
            let plan = plan(&sql, funder);
            assert!(
                plan.contains("case_spans USING COVERING INDEX case_spans_closed (closed_on=? AND opened_on<?)"),
                "{plan}"
            );
            assert!(plan.contains("case_spans USING COVERING INDEX case_spans_closed (closed_on>?)"), "{plan}");
            assert!(!plan.contains("SCAN c\n") && !plan.contains("SCAN case_spans"), "{plan}");
        }
    }
}
