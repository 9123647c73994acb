//! Anonymised aggregates for territorial observation shared with the CRESS and networks
//! (definitions.rs, « Agrégats anonymisés »): no names, no identifiers, small counts hidden.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::PeriodReport;
use crate::values::Etp;

/// Counts from 1 to this minus one are shown as « < 5 ».
pub const SMALL_COUNT: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AggregateRow {
    /// « 26 Drôme ».
    pub departement: String,
    /// The cultural type, else the NAF division, else « Non renseigné ».
    pub sector: String,
    pub structures: String,
    pub diagnosed: String,
    pub with_engagement: String,
    /// Empty for a group of fewer than five structures.
    pub etp_diagnostic: String,
}

fn shown(n: usize) -> String {
    if n > 0 && n < SMALL_COUNT { format!("< {SMALL_COUNT}") } else { n.to_string() }
}

#[derive(Default)]
struct Group<'a> {
    structures: HashSet<&'a str>,
    diagnosed: HashSet<&'a str>,
    with_engagement: HashSet<&'a str>,
    etp: i64,
}

pub fn aggregates(report: &PeriodReport) -> Vec<AggregateRow> {
    let mut groups: BTreeMap<(String, String), Group<'_>> = BTreeMap::new();
    for c in &report.cases {
        let departement = match (&c.departement, &c.departement_name) {
            (Some(code), Some(name)) => format!("{code} {name}"),
            (Some(code), None) => code.clone(),
            _ => "Non renseigné".to_owned(),
        };
        let sector = c
            .cultural_type
            .clone()
            .or_else(|| c.naf.as_ref().map(|n| format!("NAF {}", n.get(..2).unwrap_or(n))))
            .unwrap_or_else(|| "Non renseigné".to_owned());
        let g = groups.entry((departement, sector)).or_default();
        let id = c.structure_id.as_str();
        g.structures.insert(id);
        if c.diagnosed {
            g.diagnosed.insert(id);
        }
        if c.with_engagement {
            g.with_engagement.insert(id);
        }
        g.etp += c.etp_diagnostic.map_or(0, |e| e.0);
    }
    groups
        .into_iter()
        .map(|((departement, sector), g)| AggregateRow {
            departement,
            sector,
            structures: shown(g.structures.len()),
            diagnosed: shown(g.diagnosed.len()),
            with_engagement: shown(g.with_engagement.len()),
            etp_diagnostic: if g.structures.len() < SMALL_COUNT { String::new() } else { Etp(g.etp).to_string() },
        })
        .collect()
}
