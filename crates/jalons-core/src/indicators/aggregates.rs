//! Anonymised aggregates for territorial observation shared with the CRESS and networks
//! (definitions.rs, « Agrégats anonymisés »): no names, no identifiers, and nothing about a
//! single structure that a reader could work out, even holding the funders' summary
//! beside them.
//!
//! Each structure counts once. A territory or a sector that would isolate structures is
//! merged into a wider one (a département into its région, a sector into « Autres
//! secteurs »). A count under five is hidden (primary secrecy); when the totals of the
//! summary would then give a hidden count back by subtraction, more counts are hidden
//! (secondary secrecy) until each hidden one could still take several values. An ETP is
//! shown only for at least five structures with a known ETP, and the ETPs hidden together
//! always cover at least five of them. The period of a shared file is widened to whole
//! quarters, so that two periods a day apart cannot single out a structure.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::PeriodReport;
use super::totals::structures;
use crate::values::Etp;

/// Counts under this are hidden.
pub const SMALL_COUNT: usize = 5;

const HIDDEN_SMALL: &str = "< 5";
const HIDDEN_SECRET: &str = "secret";
const NOT_KNOWN: &str = "Non renseigné";
const OTHER_SECTORS: &str = "Autres secteurs";
const OTHER_REGIONS: &str = "Autres régions";
const ALL_TERRITORIES: &str = "Tous territoires";
const ALL_SECTORS: &str = "Tous secteurs";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AggregateRow {
    /// « 26 Drôme », « Auvergne-Rhône-Alpes, autres départements » or « Autres régions ».
    pub territory: String,
    /// The cultural type, else the NAF division, else « Non renseigné »; « Autres secteurs »
    /// for those of fewer than five structures.
    pub sector: String,
    pub structures: String,
    pub diagnosed: String,
    pub with_engagement: String,
    pub etp_diagnostic: String,
}

/// One structure, as the aggregates see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub departement: Option<String>,
    pub region: Option<String>,
    pub sector: Option<String>,
    pub diagnosed: bool,
    pub with_engagement: bool,
    pub etp: Option<Etp>,
}

/// The first and last days of the quarters that hold `from` and `to`.
pub(crate) fn whole_quarters(from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year(), (d.month0() / 3) * 3 + 1, 1).unwrap_or(d);
    let end = (start(to) + Months::new(3)).pred_opt().unwrap_or(to);
    (start(from), end)
}

fn units(report: &PeriodReport) -> Vec<Unit> {
    structures(&report.cases)
        .into_iter()
        .map(|s| {
            let c = s.first;
            Unit {
                departement: c.departement.as_ref().map(|code| match &c.departement_name {
                    Some(name) => format!("{code} {name}"),
                    None => code.clone(),
                }),
                region: c.region.clone(),
                sector: c
                    .cultural_type
                    .clone()
                    .or_else(|| c.naf.as_ref().map(|n| format!("NAF {}", n.get(..2).unwrap_or(n)))),
                diagnosed: s.diagnosed.is_some(),
                with_engagement: s.with_engagement,
                etp: s.diagnosed.and_then(|d| d.etp_diagnostic),
            }
        })
        .collect()
}

pub fn aggregates(report: &PeriodReport) -> Vec<AggregateRow> {
    suppress(&units(report))
}

/// How a count is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Value,
    /// Under five (primary secrecy).
    Small,
    /// Hidden so that a small one cannot be worked out (secondary secrecy).
    Secret,
}

/// The counts of the groups: structures, diagnosed, with an ingénierie.
const COUNTS: usize = 3;

/// What a reader holding the columns' totals can say of each count: the least and the
/// most it can be (none: no most). They know that a group has one structure at least, that
/// it has no more diagnosed or with an ingénierie than structures, and what each mark
/// means; the bounds are narrowed by each column's total and by each group's structures
/// until they no longer move.
pub fn bounds(values: &[[i64; COUNTS]], shown: &[[Shown; COUNTS]]) -> Vec<[(i64, Option<i64>); COUNTS]> {
    let small = SMALL_COUNT as i64;
    let totals: Vec<i64> = (0..COUNTS).map(|c| values.iter().map(|row| row[c]).sum()).collect();
    let mut b: Vec<[(i64, Option<i64>); COUNTS]> = values
        .iter()
        .zip(shown)
        .map(|(row, marks)| {
            std::array::from_fn(|c| match marks[c] {
                Shown::Value => (row[c], Some(row[c])),
                Shown::Small => (i64::from(c == 0), Some(small - 1)),
                Shown::Secret => (small, None),
            })
        })
        .collect();
    loop {
        let before = b.clone();
        for (c, total) in totals.iter().enumerate() {
            for i in 0..b.len() {
                let others = || b.iter().enumerate().filter(move |(j, _)| *j != i).map(|(_, row)| row[c]);
                let others_low: i64 = others().map(|(low, _)| low).sum();
                let others_high: Option<i64> = others().map(|(_, high)| high).sum();
                let (low, high) = b[i][c];
                let low = others_high.map_or(low, |o| low.max(total - o));
                let high = Some(high.map_or(total - others_low, |h| h.min(total - others_low)));
                b[i][c] = (low, high);
            }
        }
        for row in &mut b {
            for c in 1..COUNTS {
                row[c].1 = match (row[c].1, row[0].1) {
                    (Some(part), Some(all)) => Some(part.min(all)),
                    (part, all) => part.or(all),
                };
                row[0].0 = row[0].0.max(row[c].0);
            }
        }
        if b == before {
            return b;
        }
    }
}

/// The columns where a reader can work out a hidden count exactly. A column whose total is
/// nought is left out: its counts are all nought, which the total already says.
fn given_back(values: &[[i64; COUNTS]], shown: &[[Shown; COUNTS]]) -> Vec<usize> {
    let b = bounds(values, shown);
    (0..COUNTS)
        .filter(|c| values.iter().any(|row| row[*c] > 0))
        .filter(|c| b.iter().zip(shown).any(|(row, marks)| marks[*c] != Shown::Value && row[*c].1 == Some(row[*c].0)))
        .collect()
}

/// The marks of the groups' counts: small ones hidden, then the smallest shown one of a
/// column that gives a hidden count back made secret, until none does; none when even
/// hiding them all would not do (the groups are then given as one).
fn secrecy(values: &[[i64; COUNTS]]) -> Option<Vec<[Shown; COUNTS]>> {
    let mut shown: Vec<[Shown; COUNTS]> = values
        .iter()
        .map(|row| row.map(|v| if v < SMALL_COUNT as i64 { Shown::Small } else { Shown::Value }))
        .collect();
    loop {
        let columns = given_back(values, &shown);
        if columns.is_empty() {
            return Some(shown);
        }
        let pick = |among: &[usize]| {
            (0..values.len())
                .flat_map(|i| among.iter().map(move |c| (i, *c)))
                .filter(|(i, c)| shown[*i][*c] == Shown::Value)
                .min_by_key(|(i, c)| (values[*i][*c], *c))
        };
        let (i, c) = pick(&columns).or_else(|| pick(&[0, 1, 2]))?;
        shown[i][c] = Shown::Secret;
    }
}

/// The ETPs of the groups, hidden when fewer than five structures give one, and more of
/// them until those hidden together cover five structures at least.
fn etp_secrecy(contributors: &[usize]) -> Vec<bool> {
    let mut hidden: Vec<bool> = contributors.iter().map(|c| *c < SMALL_COUNT).collect();
    loop {
        let count = hidden.iter().filter(|h| **h).count();
        let covered: usize = contributors.iter().zip(&hidden).filter(|(_, h)| **h).map(|(c, _)| c).sum();
        if count == 0 || (count >= 2 && covered >= SMALL_COUNT) {
            return hidden;
        }
        match (0..contributors.len()).filter(|i| !hidden[*i]).min_by_key(|i| contributors[*i]) {
            Some(i) => hidden[i] = true,
            None => return hidden,
        }
    }
}

#[derive(Default)]
struct Group {
    structures: i64,
    diagnosed: i64,
    with_engagement: i64,
    etp: i64,
    etp_known: usize,
}

impl Group {
    fn add(&self, other: &Group) -> Group {
        Group {
            structures: self.structures + other.structures,
            diagnosed: self.diagnosed + other.diagnosed,
            with_engagement: self.with_engagement + other.with_engagement,
            etp: self.etp + other.etp,
            etp_known: self.etp_known + other.etp_known,
        }
    }
}

pub fn suppress(units: &[Unit]) -> Vec<AggregateRow> {
    let mut groups = groups(units);
    let values: Vec<[i64; COUNTS]> = groups.values().map(|g| [g.structures, g.diagnosed, g.with_engagement]).collect();
    let shown = match secrecy(&values) {
        Some(shown) => shown,
        None => {
            let all = groups.into_values().fold(Group::default(), |a, g| a.add(&g));
            let small = |v: i64| if v < SMALL_COUNT as i64 { Shown::Small } else { Shown::Value };
            let shown = [small(all.structures), small(all.diagnosed), small(all.with_engagement)];
            groups = BTreeMap::from([((ALL_TERRITORIES.to_owned(), ALL_SECTORS.to_owned()), all)]);
            vec![shown]
        }
    };
    let etp_hidden = etp_secrecy(&groups.values().map(|g| g.etp_known).collect::<Vec<_>>());
    let mark = |value: i64, shown: Shown| match shown {
        Shown::Value => value.to_string(),
        Shown::Small => HIDDEN_SMALL.to_owned(),
        Shown::Secret => HIDDEN_SECRET.to_owned(),
    };
    groups
        .into_iter()
        .zip(shown)
        .zip(etp_hidden)
        .map(|((((territory, sector), g), marks), etp_hidden)| AggregateRow {
            territory,
            sector,
            structures: mark(g.structures, marks[0]),
            diagnosed: mark(g.diagnosed, marks[1]),
            with_engagement: mark(g.with_engagement, marks[2]),
            etp_diagnostic: if etp_hidden { HIDDEN_SECRET.to_owned() } else { Etp(g.etp).to_string() },
        })
        .collect()
}

/// The structures by territory and sector, a territory or a sector of fewer than five
/// structures merged into a wider one.
fn groups(units: &[Unit]) -> BTreeMap<(String, String), Group> {
    let mut per_departement: HashMap<Option<&str>, usize> = HashMap::new();
    let mut per_region: HashMap<Option<&str>, usize> = HashMap::new();
    let mut per_sector: HashMap<Option<&str>, usize> = HashMap::new();
    for u in units {
        *per_departement.entry(u.departement.as_deref()).or_default() += 1;
        *per_region.entry(u.region.as_deref()).or_default() += 1;
        *per_sector.entry(u.sector.as_deref()).or_default() += 1;
    }
    let mut groups: BTreeMap<(String, String), Group> = BTreeMap::new();
    for u in units {
        let territory = match (&u.departement, &u.region) {
            (Some(d), _) if per_departement[&Some(d.as_str())] >= SMALL_COUNT => d.clone(),
            (_, Some(region)) if per_region[&Some(region.as_str())] >= SMALL_COUNT => {
                format!("{region}, autres départements")
            }
            (_, Some(_)) => OTHER_REGIONS.to_owned(),
            _ => NOT_KNOWN.to_owned(),
        };
        let sector = match &u.sector {
            Some(s) if per_sector[&Some(s.as_str())] >= SMALL_COUNT => s.clone(),
            Some(_) => OTHER_SECTORS.to_owned(),
            None => NOT_KNOWN.to_owned(),
        };
        let one = Group {
            structures: 1,
            diagnosed: i64::from(u.diagnosed),
            with_engagement: i64::from(u.with_engagement),
            etp: u.etp.map_or(0, |e| e.0),
            etp_known: usize::from(u.etp.is_some()),
        };
        let g = groups.entry((territory, sector)).or_default();
        *g = g.add(&one);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn periods_widen_to_whole_quarters() {
        assert_eq!(whole_quarters(d("2026-01-02"), d("2026-12-30")), (d("2026-01-01"), d("2026-12-31")));
        assert_eq!(whole_quarters(d("2026-05-15"), d("2026-05-15")), (d("2026-04-01"), d("2026-06-30")));
        assert_eq!(whole_quarters(d("2025-09-30"), d("2026-02-28")), (d("2025-07-01"), d("2026-03-31")));
    }

    #[test]
    fn a_lone_small_count_takes_a_secret_one_with_it() {
        use Shown::*;
        let marks = |rows: &[[i64; COUNTS]]| secrecy(rows).map(|m| m.iter().map(|r| r[0]).collect::<Vec<_>>());
        assert_eq!(marks(&[[1, 0, 0], [12, 9, 9], [30, 9, 9]]), Some(vec![Small, Secret, Value]));
        assert_eq!(marks(&[[2, 0, 0], [3, 0, 0], [30, 0, 0]]), Some(vec![Small, Small, Value]), "5 in two: 1 to 4");
        assert_eq!(marks(&[[4, 0, 0], [4, 0, 0], [30, 0, 0]]), Some(vec![Small, Small, Secret]), "8 in two: 4 each");
        assert_eq!(marks(&[[1, 0, 0], [1, 0, 0], [9, 0, 0]]), Some(vec![Small, Small, Secret]), "a group has one");
        assert_eq!(marks(&[[7, 0, 0], [12, 0, 0]]).unwrap()[0], Value);
        assert_eq!(secrecy(&[[1, 1, 0], [1, 0, 1]]), None, "two groups of one cannot be hidden from the totals");
    }

    #[test]
    fn a_group_whose_every_structure_was_diagnosed_does_not_give_its_secret_count_back() {
        let rows = [[1, 0, 0], [12, 12, 6], [30, 8, 9]];
        let marks = secrecy(&rows).unwrap();
        assert_eq!(marks[1][0], Shown::Secret);
        assert!(given_back(&rows, &marks).is_empty());
        let (low, high) = bounds(&rows, &marks)[1][0];
        assert!(high.is_none_or(|high| low < high), "12 of 12 diagnosed: at least 12, not exactly");
    }

    #[test]
    fn hidden_etps_cover_five_structures() {
        assert_eq!(etp_secrecy(&[1, 6, 9]), [true, true, false]);
        assert_eq!(etp_secrecy(&[2, 2, 2, 8]), [true, true, true, false]);
        assert_eq!(etp_secrecy(&[5, 7]), [false, false]);
    }
}
