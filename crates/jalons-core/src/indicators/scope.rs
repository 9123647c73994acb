//! Which cases a period report covers: those active during the period, paid by the funder
//! line when one is chosen.

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::Stage;
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

/// Definition (see definitions.rs, « Accompagnements de la période »): requested on or before
/// the period's last day, and not finished before its first day; with a funder line, paid
/// by it directly or through one of its ingénieries.
pub(crate) fn case_ids(conn: &Connection, period: &Period) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT c.id FROM cases c
         WHERE c.request_date <= ?1
           AND (c.stage NOT IN ({finished})
                OR (SELECT MAX(ev.on_date) FROM case_events ev WHERE ev.case_id = c.id) >= ?2)
           AND (?3 IS NULL
                OR EXISTS (SELECT 1 FROM case_funders cf WHERE cf.case_id = c.id AND cf.funder_id = ?3)
                OR EXISTS (SELECT 1 FROM engagement_cases ec JOIN engagements e ON e.id = ec.engagement_id
                           WHERE ec.case_id = c.id AND e.funder_id = ?3))
         ORDER BY c.reference",
        finished = Stage::finished_sql_list()
    );
    let mut stmt = conn.prepare(&sql)?;
    let ids = stmt
        .query_map(params![period.to, period.from, period.funder_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}
