//! The Observatoire's figures recomputed by hand on three structures: two in the Drôme, one
//! in the Ardèche; what a territory, a sector or a legal form keeps, and the needs of its
//! diagnostics beside the whole period's.

mod common;

use common::{full_diagnostic, move_to, open_case, store, structure_input};
use jalons_core::clock::Clock;
use jalons_core::observatory::{AreaTally, ObservatoryFilter, Tally};
use jalons_core::structures::StructureInput;
use jalons_core::{ErrorCode, Store};

fn year_2025() -> ObservatoryFilter {
    ObservatoryFilter { from: "01/01/2025".into(), to: "31/12/2025".into(), ..Default::default() }
}

fn of(territory: &str) -> ObservatoryFilter {
    ObservatoryFilter { territory: territory.into(), ..year_2025() }
}

fn tally(label: &str, count: usize) -> Tally {
    Tally { label: label.into(), count }
}

/// Die (Drôme), requested in January, diagnosed with the employer function « fragile »;
/// Valence (Drôme), requested in March, not diagnosed; Privas (Ardèche), a SCIC requested
/// in March, diagnosed with the employer function « point fort ».
fn seeded() -> Store {
    let mut s = store();
    let mut add = |input: StructureInput| s.create_structure(&input).unwrap().id;
    let die = add(StructureInput { naf: "90.01Z".into(), ..structure_input("Compagnie du Sillon") });
    let valence = add(StructureInput {
        commune_code: "26362".into(),
        naf: "90.01Z".into(),
        ..structure_input("Théâtre de la Rotonde")
    });
    let privas = add(StructureInput {
        commune_code: "07186".into(),
        legal_form: "scic".into(),
        naf: "90.02Z".into(),
        ..structure_input("Musiques en Vivarais")
    });
    let a = open_case(&mut s, &die, "2025-01-06");
    open_case(&mut s, &valence, "2025-03-10");
    let c = open_case(&mut s, &privas, "2025-03-12");
    for (case, employer, interview) in [(&a, "1", "2025-01-20"), (&c, "3", "2025-03-20")] {
        move_to(&mut s, case, "diagnostic", interview).unwrap();
        let mut d = full_diagnostic("2025-04-01");
        d.interviews[0].date = interview.into();
        d.scores.iter_mut().find(|sc| sc.domain == "employer").unwrap().score = employer.into();
        s.save_diagnostic(case, &d).unwrap();
    }
    s
}

#[test]
fn the_whole_period_counts_every_case_structure_and_diagnostic() {
    let s = seeded();
    let o = s.observatory(&year_2025()).unwrap();
    assert_eq!(o.scope, Vec::<String>::new());
    assert_eq!((o.totals.cases, o.totals.structures, o.diagnostics, o.whole_diagnostics), (3, 3, 2, 2));
    assert_eq!(o.stages[..2], [tally("Accueil", 1), tally("Diagnostic partagé", 2)]);
    assert_eq!(o.opened.len(), 12, "every month of the year, the empty ones too");
    assert_eq!(o.opened[0], tally("janv. 2025", 1));
    assert_eq!(o.opened[2], tally("mars 2025", 2));
    assert_eq!(
        o.departements,
        [
            AreaTally { code: "26".into(), name: "Drôme".into(), structures: 2, cases: 2 },
            AreaTally { code: "07".into(), name: "Ardèche".into(), structures: 1, cases: 1 },
        ]
    );
    assert_eq!(o.legal_forms, [tally("Association loi 1901", 2), tally("SCIC", 1)]);
    assert_eq!(o.sectors[0], tally("90.01Z Arts du spectacle vivant", 2));
    let employer = o.needs.iter().find(|n| n.domain == "employer").unwrap();
    assert_eq!(employer.label, "Fonction employeur et RH");
    assert_eq!(employer.scores, [0, 1, 0, 1]);
    assert_eq!((employer.fragile_share, employer.whole_fragile_share), (Some(5_000), Some(5_000)));
    let project = o.needs.iter().find(|n| n.domain == "project").unwrap();
    assert_eq!((project.scores, project.priority, project.fragile_share), ([2, 0, 0, 0], 2, Some(10_000)));
    assert_eq!(o.needs.len(), 11, "every domain of the grid");
}

#[test]
fn a_departement_keeps_its_structures_and_is_compared_with_the_whole() {
    let s = seeded();
    let o = s.observatory(&of("departement:26")).unwrap();
    assert_eq!(o.scope, ["Drôme (26)"]);
    assert_eq!((o.totals.cases, o.totals.structures, o.diagnostics, o.whole_diagnostics), (2, 2, 1, 2));
    assert_eq!(o.departements.len(), 1);
    assert_eq!(o.epcis.len(), 2, "Die and Valence are in two EPCI");
    assert_eq!(o.opened[2], tally("mars 2025", 1));
    let employer = o.needs.iter().find(|n| n.domain == "employer").unwrap();
    assert_eq!(employer.scores, [0, 1, 0, 0]);
    assert_eq!((employer.fragile_share, employer.whole_fragile_share), (Some(10_000), Some(5_000)));
    assert_eq!(employer.unscored, 0);
    assert!(o.choices.territories.iter().any(|t| t.code == "departement:07"), "the choices stay the period's");
    assert_eq!(o.choices.territories[0].label, "Région Auvergne-Rhône-Alpes");
}

#[test]
fn a_sector_and_a_legal_form_keep_their_structures() {
    let s = seeded();
    let o = s.observatory(&ObservatoryFilter { naf: "9002Z".into(), ..year_2025() }).unwrap();
    assert_eq!(o.scope, ["NAF 90.02Z Activités de soutien au spectacle vivant"]);
    assert_eq!(o.totals.cases, 1);
    let o = s.observatory(&ObservatoryFilter { legal_form: "association".into(), ..of("region:84") }).unwrap();
    assert_eq!(o.scope, ["Région Auvergne-Rhône-Alpes", "Association loi 1901"]);
    assert_eq!(o.totals.structures, 2);
    let none = s.observatory(&ObservatoryFilter { legal_form: "scop".into(), ..year_2025() }).unwrap();
    assert_eq!((none.totals.cases, none.diagnostics), (0, 0));
    assert!(none.needs.iter().all(|n| n.fragile_share.is_none() && n.whole_fragile_share.is_some()));
}

#[test]
fn an_unknown_filter_is_refused_on_its_field() {
    let s = seeded();
    for (filter, field) in [
        (of("departement:99"), "territory"),
        (of("canton:2601"), "territory"),
        (of("26"), "territory"),
        (ObservatoryFilter { naf: "90".into(), ..year_2025() }, "naf"),
        (ObservatoryFilter { legal_form: "sarl".into(), ..year_2025() }, "legal_form"),
        (ObservatoryFilter { from: "31/12/2025".into(), to: "01/01/2025".into(), ..Default::default() }, "to"),
    ] {
        let e = s.observatory(&filter).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some(field)), "{filter:?}: {}", e.message);
    }
}

#[test]
fn over_more_than_two_years_requests_are_counted_by_quarter() {
    let s = seeded();
    let o = s.observatory(&ObservatoryFilter { from: "01/01/2024".into(), ..year_2025() }).unwrap();
    assert_eq!(o.opened.len(), 24, "two years by month");
    let o = s.observatory(&ObservatoryFilter { from: "01/10/2022".into(), ..year_2025() }).unwrap();
    assert_eq!(o.opened.len(), 13);
    assert_eq!(o.opened[0].label, "T4 2022");
    assert_eq!(o.opened[9], tally("T1 2025", 3));
}

/// A filter change reads the period's rows kept from the last one; a write since, by this
/// connection or by another (the app reads through its own), is counted at once.
#[test]
fn what_was_written_since_the_last_filter_is_counted() {
    let mut s = seeded();
    assert_eq!(s.observatory(&of("departement:26")).unwrap().totals.cases, 2);
    assert_eq!(s.observatory(&of("departement:07")).unwrap().totals.cases, 1);
    let sid = s.create_structure(&structure_input("Le Petit Théâtre de Die")).unwrap().id;
    open_case(&mut s, &sid, "2025-06-02");
    assert_eq!(s.observatory(&of("departement:26")).unwrap().totals.cases, 3, "this connection's write");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jalons.sqlite");
    let mut writer = Store::open(&path, &common::key()).unwrap();
    writer.set_user_name("Camille Martin").unwrap();
    let reader = Store::open_reader(&path, &common::key(), Clock::system()).unwrap();
    assert_eq!(reader.observatory(&year_2025()).unwrap().totals.cases, 0);
    let sid = writer.create_structure(&structure_input("Compagnie du Sillon")).unwrap().id;
    open_case(&mut writer, &sid, "2025-02-03");
    assert_eq!(reader.observatory(&year_2025()).unwrap().totals.cases, 1, "another connection's write");
}
