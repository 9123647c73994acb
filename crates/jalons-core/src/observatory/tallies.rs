//! The counts the Observatoire draws, each from the period report's rows kept by the
//! selection: cases by stage and by month of request, structures by territory, sector,
//! legal form and band, ingénieries by theme, mode and funder.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::cases::Stage;
use crate::indicators::{CaseRow, EngagementRow};
use crate::partners::PartnerKind;
use crate::structures::{BudgetBand, HeadcountBand};
use crate::values::{Days, Money};

/// What a row without the fact is counted as.
pub const UNKNOWN: &str = "Non renseigné";

/// One bar of a chart: what is counted and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Tally {
    pub label: String,
    pub count: usize,
}

/// A territory of the map and its table: its structures and their cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AreaTally {
    pub code: String,
    pub name: String,
    pub structures: usize,
    pub cases: usize,
}

/// Ingénieries engaged in the period under one theme, mode or funder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EngagementTally {
    pub label: String,
    pub count: usize,
    pub days: Days,
    pub cost_ht: Money,
}

/// Counts by label, the largest first, then in French order; the unknown last.
fn by_count(counts: BTreeMap<String, usize>) -> Vec<Tally> {
    let mut out: Vec<Tally> = counts.into_iter().map(|(label, count)| Tally { label, count }).collect();
    out.sort_by(|a, b| {
        (a.label == UNKNOWN, std::cmp::Reverse(a.count))
            .cmp(&(b.label == UNKNOWN, std::cmp::Reverse(b.count)))
            .then_with(|| crate::french::compare(&a.label, &b.label))
    });
    out
}

/// Counts in the order of a closed list (stages, bands), every one shown, zeros too; the
/// unknown last, when there is any.
fn in_order(order: &[&str], counts: &BTreeMap<String, usize>) -> Vec<Tally> {
    let mut out: Vec<Tally> =
        order.iter().map(|l| Tally { label: (*l).to_owned(), count: counts.get(*l).copied().unwrap_or(0) }).collect();
    if let Some(&n) = counts.get(UNKNOWN) {
        out.push(Tally { label: UNKNOWN.to_owned(), count: n });
    }
    out
}

fn count<'a>(labels: impl Iterator<Item = Option<&'a str>>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for l in labels {
        *counts.entry(l.unwrap_or(UNKNOWN).to_owned()).or_insert(0) += 1;
    }
    counts
}

/// Cases by their stage on the period's last day, in the workflow's order.
pub fn stages(cases: &[&CaseRow]) -> Vec<Tally> {
    let order: Vec<&str> = Stage::ALL.iter().map(|s| s.label()).collect();
    in_order(&order, &count(cases.iter().map(|c| Some(c.stage.as_str()))))
}

/// The structures' facts, each structure once (its first case of the period).
pub fn structures<'a>(firsts: &[&'a CaseRow], fact: impl Fn(&'a CaseRow) -> Option<&'a str>) -> Vec<Tally> {
    by_count(count(firsts.iter().map(|c| fact(c))))
}

pub fn budget_bands(firsts: &[&CaseRow]) -> Vec<Tally> {
    let order: Vec<&str> = BudgetBand::ALL.iter().map(|b| b.label()).collect();
    in_order(&order, &count(firsts.iter().map(|c| c.budget_band.as_deref())))
}

pub fn headcount_bands(firsts: &[&CaseRow]) -> Vec<Tally> {
    let order: Vec<&str> = HeadcountBand::ALL.iter().map(|b| b.label()).collect();
    in_order(&order, &count(firsts.iter().map(|c| c.headcount_band.as_deref())))
}

/// Requests received in the period, by month, or by quarter over more than two years.
pub fn opened(cases: &[&CaseRow], from: NaiveDate, to: NaiveDate) -> Vec<Tally> {
    let months = (to.year() - from.year()) * 12 + to.month0() as i32 - from.month0() as i32 + 1;
    let quarterly = months > 24;
    let key = |d: NaiveDate| if quarterly { (d.year(), d.month0() / 3) } else { (d.year(), d.month0()) };
    let mut slots: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    let mut day = from;
    while day <= to {
        slots.insert(key(day), 0);
        day = day.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
    }
    slots.insert(key(to), 0);
    for c in cases.iter().filter(|c| from <= c.request_date && c.request_date <= to) {
        *slots.entry(key(c.request_date)).or_insert(0) += 1;
    }
    slots
        .into_iter()
        .map(|((year, slot), count)| Tally {
            label: if quarterly {
                format!("T{} {year}", slot + 1)
            } else {
                format!("{} {year}", MONTHS[slot as usize])
            },
            count,
        })
        .collect()
}

const MONTHS: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/// Structures and cases by département, or by EPCI.
pub fn areas<'a>(cases: &[&'a CaseRow], area: impl Fn(&'a CaseRow) -> Option<(&'a str, &'a str)>) -> Vec<AreaTally> {
    let mut by_code: BTreeMap<&str, (AreaTally, std::collections::HashSet<&str>)> = BTreeMap::new();
    for c in cases {
        let Some((code, name)) = area(c) else { continue };
        let (tally, structures) = by_code.entry(code).or_insert_with(|| {
            (AreaTally { code: code.to_owned(), name: name.to_owned(), structures: 0, cases: 0 }, Default::default())
        });
        tally.cases += 1;
        structures.insert(&c.structure_id);
    }
    let mut out: Vec<AreaTally> = by_code
        .into_values()
        .map(|(mut t, s)| {
            t.structures = s.len();
            t
        })
        .collect();
    out.sort_by(|a, b| b.structures.cmp(&a.structures).then_with(|| a.code.cmp(&b.code)));
    out
}

/// The ingénieries engaged in the period, by what `key` reads of each.
pub fn engagements(rows: &[&EngagementRow], key: impl Fn(&EngagementRow) -> Option<String>) -> Vec<EngagementTally> {
    let mut groups: BTreeMap<String, EngagementTally> = BTreeMap::new();
    for e in rows.iter().filter(|e| e.engaged_in_period) {
        let label = key(e).unwrap_or_else(|| UNKNOWN.to_owned());
        let g = groups.entry(label.clone()).or_insert(EngagementTally {
            label,
            count: 0,
            days: Days(0),
            cost_ht: Money(0),
        });
        g.count += 1;
        g.days.0 += e.days.map_or(0, |d| d.0);
        g.cost_ht.0 += e.cost_ht.map_or(0, |m| m.0);
    }
    let mut out: Vec<EngagementTally> = groups.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| crate::french::compare(&a.label, &b.label)));
    out
}

/// Referrals by the partner's type.
pub fn kinds(kinds: impl Iterator<Item = PartnerKind>) -> Vec<Tally> {
    by_count(count(kinds.map(|k| Some(k.label()))))
}
