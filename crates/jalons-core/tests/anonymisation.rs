//! The anonymised aggregates attacked as a reader holding the funders' summary would:
//! every column's total known, each mark read for what it says. On generated groups of
//! structures, no hidden count comes back exactly (totals minus the shown cells, a group's
//! structures bounding its diagnosed), no hidden ETP covers fewer than five structures, and
//! a structure alone in its group shows nothing of itself. The attacker here is written
//! apart from the code it attacks.

use jalons_core::indicators::{AggregateRow, SMALL_COUNT, Unit, suppress};
use jalons_core::values::Etp;
use proptest::prelude::*;

const DEPARTEMENTS: [(&str, &str); 5] = [
    ("26 Drôme", "Auvergne-Rhône-Alpes"),
    ("07 Ardèche", "Auvergne-Rhône-Alpes"),
    ("38 Isère", "Auvergne-Rhône-Alpes"),
    ("84 Vaucluse", "Provence-Alpes-Côte d'Azur"),
    ("13 Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur"),
];
const SECTORS: [&str; 5] = ["Spectacle vivant", "Musiques actuelles", "Arts visuels", "NAF 90", "NAF 94"];

fn unit() -> impl Strategy<Value = Unit> {
    (0..6usize, 0..6usize, any::<bool>(), any::<bool>(), proptest::option::of(0..2_000i64)).prop_map(
        |(d, s, diagnosed, with_engagement, etp)| Unit {
            departement: DEPARTEMENTS.get(d).map(|(d, _)| (*d).to_owned()),
            region: DEPARTEMENTS.get(d).map(|(_, r)| (*r).to_owned()),
            sector: SECTORS.get(s).map(|s| (*s).to_owned()),
            diagnosed,
            with_engagement,
            etp: etp.filter(|_| diagnosed).map(Etp),
        },
    )
}

/// What a mark lets the attacker say: the least and the most the count can be.
fn read(mark: &str, is_structures: bool) -> (i64, i64, bool) {
    match mark {
        "< 5" => (i64::from(is_structures), SMALL_COUNT as i64 - 1, true),
        "secret" => (SMALL_COUNT as i64, i64::MAX / 4, true),
        n => {
            let n: i64 = n.parse().unwrap_or_else(|_| panic!("not a count: {n}"));
            (n, n, false)
        }
    }
}

/// Narrows every hidden count by the columns' totals and the groups' structures until
/// nothing moves; the counts worked out exactly.
fn attack(rows: &[AggregateRow], totals: [i64; 3]) -> Vec<(usize, usize, i64)> {
    let cells = |r: &AggregateRow| [r.structures.clone(), r.diagnosed.clone(), r.with_engagement.clone()];
    let mut low = vec![[0i64; 3]; rows.len()];
    let mut high = vec![[0i64; 3]; rows.len()];
    let mut hidden = vec![[false; 3]; rows.len()];
    for (i, r) in rows.iter().enumerate() {
        for (c, mark) in cells(r).iter().enumerate() {
            (low[i][c], high[i][c], hidden[i][c]) = read(mark, c == 0);
        }
    }
    for _ in 0..1_000 {
        let (was_low, was_high) = (low.clone(), high.clone());
        for c in 0..3 {
            let all_low: i64 = low.iter().map(|r| r[c]).sum();
            let all_high: i64 = high.iter().map(|r| r[c]).sum();
            for i in 0..rows.len() {
                high[i][c] = high[i][c].min(totals[c] - (all_low - low[i][c]));
                low[i][c] = low[i][c].max(totals[c] - (all_high - high[i][c]));
            }
        }
        for i in 0..rows.len() {
            for c in 1..3 {
                high[i][c] = high[i][c].min(high[i][0]);
                low[i][0] = low[i][0].max(low[i][c]);
            }
        }
        if low == was_low && high == was_high {
            break;
        }
    }
    // A column whose total is nought says that each of its counts is nought: nothing more.
    let mut found = Vec::new();
    for i in 0..rows.len() {
        for c in (0..3).filter(|c| totals[*c] > 0) {
            if hidden[i][c] && low[i][c] == high[i][c] {
                found.push((i, c, low[i][c]));
            }
        }
    }
    found
}

fn totals(units: &[Unit]) -> [i64; 3] {
    let n = |f: fn(&Unit) -> bool| units.iter().filter(|u| f(u)).count() as i64;
    [units.len() as i64, n(|u| u.diagnosed), n(|u| u.with_engagement)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn totals_minus_the_shown_counts_give_nothing_back(units in proptest::collection::vec(unit(), 1..60)) {
        let rows = suppress(&units);
        let found = attack(&rows, totals(&units));
        prop_assert!(rows.len() == 1 || found.is_empty(), "worked out {found:?} from {rows:#?}");
    }

    #[test]
    fn hidden_etps_cover_five_structures_together(units in proptest::collection::vec(unit(), 1..60)) {
        let rows = suppress(&units);
        let hidden: Vec<(String, String)> = rows
            .iter()
            .filter(|r| r.etp_diagnostic == "secret")
            .map(|r| (r.territory.clone(), r.sector.clone()))
            .collect();
        if !hidden.is_empty() && hidden.len() < rows.len() {
            prop_assert!(hidden.len() >= 2, "one hidden ETP is the total minus the others: {rows:#?}");
            let covered = units.iter().filter(|u| u.etp.is_some() && hidden.contains(&group_of(&units, u))).count();
            prop_assert!(covered >= SMALL_COUNT, "the hidden ETPs cover {covered} structures: {rows:#?}");
        }
    }

    #[test]
    fn a_structure_alone_in_its_group_shows_nothing_of_itself(units in proptest::collection::vec(unit(), 1..60)) {
        let rows = suppress(&units);
        for r in &rows {
            if r.structures == "< 5" {
                prop_assert!(r.diagnosed == "< 5" || r.diagnosed == "secret", "{r:?}");
                prop_assert!(r.with_engagement == "< 5" || r.with_engagement == "secret", "{r:?}");
                prop_assert_eq!(&r.etp_diagnostic, "secret");
            }
        }
    }
}

/// The group a structure falls in, as the shared file says it: a département or a sector
/// of fewer than five structures merged into a wider one.
fn group_of(units: &[Unit], u: &Unit) -> (String, String) {
    let same_departement = units.iter().filter(|v| v.departement == u.departement).count();
    let same_region = units.iter().filter(|v| v.region == u.region).count();
    let same_sector = units.iter().filter(|v| v.sector == u.sector).count();
    let territory = match (&u.departement, &u.region) {
        (Some(d), _) if same_departement >= SMALL_COUNT => d.clone(),
        (_, Some(region)) if same_region >= SMALL_COUNT => format!("{region}, autres départements"),
        (_, Some(_)) => "Autres régions".to_owned(),
        _ => "Non renseigné".to_owned(),
    };
    let sector = match &u.sector {
        Some(s) if same_sector >= SMALL_COUNT => s.clone(),
        Some(_) => "Autres secteurs".to_owned(),
        None => "Non renseigné".to_owned(),
    };
    (territory, sector)
}
