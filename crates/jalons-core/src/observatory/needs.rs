//! The needs the diagnostics of a selection show (the convention's « identification des
//! besoins »): for each of the eleven domains, how many diagnostics scored it critique,
//! fragile, satisfaisant or point fort, how many made it a priority, and the share found
//! critique or fragile beside the same share over every diagnostic of the period.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::Result;
use crate::diagnostic::DiagnosticDomain;
use crate::indicators::Period;
use crate::indicators::scope::{ACTIVE, FUNDED, query};

/// One domain of the grid over the selection's diagnostics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DomainNeeds {
    pub domain: String,
    pub label: String,
    /// Diagnostics that scored it 0 (critique), 1 (fragile), 2 (satisfaisant), 3 (point fort).
    pub scores: [usize; 4],
    /// Diagnostics that left it unscored.
    pub unscored: usize,
    /// Diagnostics that made it a priority.
    pub priority: usize,
    /// Critique or fragile among those scored, in hundredths of a percent.
    pub fragile_share: Option<i64>,
    /// The same share over every diagnostic of the period (the whole the selection is
    /// compared with).
    pub whole_fragile_share: Option<i64>,
}

/// A score of a diagnostic validated by the period's last day, of a case of the period.
pub(crate) struct ScoreRow {
    reference: String,
    domain: DiagnosticDomain,
    score: Option<i64>,
    priority: bool,
}

pub(crate) fn score_rows(conn: &Connection, period: &Period) -> Result<Vec<ScoreRow>> {
    let sql = format!(
        "SELECT c.reference, ds.domain, ds.score, ds.priority
         FROM cases c JOIN diagnostics d ON d.case_id = c.id JOIN diagnostic_scores ds ON ds.case_id = c.id
         WHERE d.validated_on <= :to AND c.id IN ({ACTIVE}) AND {FUNDED}"
    );
    query(conn, &sql, period, |r| {
        Ok(ScoreRow { reference: r.get(0)?, domain: r.get(1)?, score: r.get(2)?, priority: r.get(3)? })
    })
}

/// Hundredths of a percent, rounded half up; none for a zero whole.
fn share(part: usize, whole: usize) -> Option<i64> {
    let (part, whole) = (i64::try_from(part).ok()?, i64::try_from(whole).ok()?);
    (whole > 0).then(|| (part * 10_000 + whole / 2) / whole)
}

/// `diagnosed`: the references of the selection's diagnosed cases; the whole is every
/// diagnosed case of the period, `all`.
pub(crate) fn needs(rows: &[ScoreRow], diagnosed: &HashSet<&str>, all: &HashSet<&str>) -> Vec<DomainNeeds> {
    #[derive(Default)]
    struct Counts {
        scores: [usize; 4],
        scored: usize,
        priority: usize,
        whole_fragile: usize,
        whole_scored: usize,
    }
    let mut by_domain: HashMap<DiagnosticDomain, Counts> = HashMap::new();
    for r in rows {
        let c = by_domain.entry(r.domain).or_default();
        let score = r.score.and_then(|s| usize::try_from(s).ok()).filter(|s| *s < 4);
        if all.contains(r.reference.as_str())
            && let Some(s) = score
        {
            c.whole_scored += 1;
            c.whole_fragile += usize::from(s <= 1);
        }
        if !diagnosed.contains(r.reference.as_str()) {
            continue;
        }
        if let Some(s) = score {
            c.scores[s] += 1;
            c.scored += 1;
        }
        c.priority += usize::from(r.priority);
    }
    DiagnosticDomain::ALL
        .iter()
        .map(|d| {
            let c = by_domain.remove(d).unwrap_or_default();
            DomainNeeds {
                domain: d.code().to_owned(),
                label: d.label().to_owned(),
                scores: c.scores,
                unscored: diagnosed.len().saturating_sub(c.scored),
                priority: c.priority,
                fragile_share: share(c.scores[0] + c.scores[1], c.scored),
                whole_fragile_share: share(c.whole_fragile, c.whole_scored),
            }
        })
        .collect()
}
