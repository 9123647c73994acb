//! Indicators on a small fixture whose every expected value was counted by hand.
//!
//! - Compagnie du Sillon (Die, 4 844 inhabitants; 3 CDI): case 2025-001 requested 06/01/2025,
//!   diagnostic validated 03/02/2025 (3 salariés, 2,5 ETP), one individual ingénierie of
//!   4 days at 650 € (2 600 € HT, 3 120 € TTC) paid by the Région line, consultant chosen
//!   24/03/2025; follow-up 02/02/2026 (4 salariés, 3 ETP; +, +, =, +); two applications:
//!   a France Active loan asking 10 000 € granted 8 000 €, a solidarity fund asking 5 000 €
//!   withdrawn. Paid by the State line.
//! - Atelier d'Albon (Albon, 1 942 inhabitants, so rural; QPV; 1 CDI and 3 CDD): a first case
//!   abandoned in 2023, then case 2025-002 requested 01/03/2025, still at intake, paid by
//!   the State line.
//! - Troupe d'Annonay (Annonay, 07, FRR): a case requested 10/01/2024 and abandoned on
//!   01/06/2024, before the periods below.

mod common;

use common::*;
use jalons_core::Store;
use jalons_core::finance::FinanceInput;
use jalons_core::funders::FunderInput;
use jalons_core::indicators::{ReportFilter, aggregates};
use jalons_core::structures::StructureInput;
use jalons_core::values::{Days, Etp, Money};
use jalons_core::workflow::TransitionInput;

struct Fixture {
    store: Store,
    state: String,
    region: String,
}

fn structure(s: &mut Store, name: &str, commune: &str, cdi: &str, cdd: &str, qpv: bool, frr: &str) -> String {
    s.create_structure(&StructureInput {
        name: name.into(),
        legal_form: "association".into(),
        commune_code: commune.into(),
        employees_cdi: cdi.into(),
        employees_cdd: cdd.into(),
        qpv,
        frr: frr.into(),
        frr_vintage: if frr == "none" { String::new() } else { "2024".into() },
        cultural_type: "Spectacle vivant".into(),
        ..Default::default()
    })
    .unwrap()
    .id
}

fn exit(s: &mut Store, case: &str, date: &str) {
    s.move_case(&TransitionInput {
        case_id: case.into(),
        to: "abandoned".into(),
        date: date.into(),
        reason: "La structure ne donne plus suite.".into(),
        ..Default::default()
    })
    .unwrap();
}

fn fixture() -> Fixture {
    let mut s = store();
    let line = |s: &mut Store, name: &str| {
        s.create_funder(&FunderInput { name: name.into(), programme: "2025".into(), ..Default::default() }).unwrap().id
    };
    let state = line(&mut s, "État (DREETS)");
    let region = line(&mut s, "Région");

    let sillon = structure(&mut s, "Compagnie du Sillon", "26113", "3", "", false, "none");
    let albon = structure(&mut s, "Atelier d'Albon", "26002", "1", "3", true, "none");
    let annonay = structure(&mut s, "Troupe d'Annonay", "07010", "", "", false, "frr");

    let old = open_case(&mut s, &albon, "2023-05-02");
    exit(&mut s, &old, "2023-06-01");
    let gone = open_case(&mut s, &annonay, "2024-01-10");
    exit(&mut s, &gone, "2024-06-01");

    let a = open_case(&mut s, &sillon, "2025-01-06");
    move_to(&mut s, &a, "diagnostic", "2025-01-13").unwrap();
    s.save_diagnostic(&a, &full_diagnostic("2025-02-03")).unwrap();
    move_to(&mut s, &a, "plan", "2025-02-03").unwrap();
    s.save_plan(&a, &plan("2025-02-10")).unwrap();
    let k = consultant(&mut s, "Claire Fontaine");
    let mut e = finished(engagement(&[&a], "individual"), &k);
    e.funder_id = region.clone();
    create_engagement(&mut s, &e);
    move_to(&mut s, &a, "engineering", "2025-03-03").unwrap();
    move_to(&mut s, &a, "follow_up", "2025-05-26").unwrap();
    s.save_follow_up(&a, &follow_up()).unwrap();
    s.set_case_funders(&a, &paid_by(&[&state])).unwrap();
    for (tool, requested, obtained, status, decided) in
        [("fa_loan", "10000", "8000", "granted", "2025-04-01"), ("solidarity_fund", "5000", "", "withdrawn", "")]
    {
        s.create_finance_application(&FinanceInput {
            case_id: a.clone(),
            tool: tool.into(),
            amount_requested: requested.into(),
            amount_obtained: obtained.into(),
            status: status.into(),
            submitted_on: "2025-03-01".into(),
            decision_date: decided.into(),
            ..Default::default()
        })
        .unwrap();
    }

    let b = open_case(&mut s, &albon, "2025-03-01");
    s.set_case_funders(&b, &paid_by(&[&state])).unwrap();
    Fixture { store: s, state, region }
}

fn period(from: &str, to: &str, funder: &str) -> ReportFilter {
    ReportFilter { from: from.into(), to: to.into(), funder_id: funder.into() }
}

#[test]
fn a_year_counts_what_happened_by_its_last_day() {
    let f = fixture();
    let r = f.store.period_report(&period("01/01/2025", "31/12/2025", "")).unwrap();
    assert_eq!(r.cases.iter().map(|c| c.reference.as_str()).collect::<Vec<_>>(), ["2025-001", "2025-002"]);
    let t = &r.totals;
    assert_eq!((t.cases, t.structures, t.diagnosed, t.with_engagement, t.followed_up), (2, 2, 1, 1, 0));
    assert_eq!((t.first_time, t.returning), (1, 1), "Albon came back after 2023");
    assert_eq!((t.qpv, t.frr, t.rural), (1, 0, 1), "Albon: QPV and under 2 000 inhabitants");
    assert_eq!((t.headcount_diagnostic, t.etp_diagnostic), (3, Etp(250)));
    assert_eq!(t.cdi_share, Some(5714), "4 CDI out of 7 staff");
    assert_eq!((t.engagements, t.individual, t.collective), (1, 1, 0));
    assert_eq!((t.days, t.cost_ht, t.cost_ttc), (Days(400), Money(260_000), Money(312_000)));
    assert_eq!((t.requested, t.obtained), (Money(1_000_000), Money(800_000)), "the withdrawn one is not requested");
    assert!(r.performance.is_empty(), "the follow-up came in 2026");
    let sillon = &r.cases[0];
    assert_eq!(sillon.departement_name.as_deref(), Some("Drôme"));
    assert_eq!(sillon.rural, Some(false));
    assert_eq!(sillon.headcount_band.as_deref(), Some("3 à 5 salariés"));
}

#[test]
fn two_years_add_the_follow_up_and_the_criteria() {
    let f = fixture();
    let r = f.store.period_report(&period("01/01/2025", "31/12/2026", "")).unwrap();
    let t = &r.totals;
    assert_eq!(t.followed_up, 1);
    assert_eq!((t.headcount_compared_before, t.headcount_compared_after), (3, 4));
    assert_eq!((t.etp_compared_before, t.etp_compared_after), (Etp(250), Etp(300)));
    let c: Vec<(usize, usize, usize)> = t.criteria.iter().map(|c| (c.plus, c.equal, c.minus)).collect();
    assert_eq!(c, [(1, 0, 0), (1, 0, 0), (0, 1, 0), (1, 0, 0)]);
    assert_eq!(t.criteria[2].criterion, "Vision stratégique");
}

#[test]
fn a_funder_line_sees_the_cases_it_pays_for() {
    let f = fixture();
    let state = f.store.period_report(&period("01/01/2025", "31/12/2025", &f.state)).unwrap();
    assert_eq!(state.totals.cases, 2);
    assert_eq!(state.totals.engagements, 0, "the State pays for no ingénierie");
    assert_eq!(state.period.funder.as_deref(), Some("État (DREETS) — 2025"));
    let region = f.store.period_report(&period("01/01/2025", "31/12/2025", &f.region)).unwrap();
    assert_eq!(region.cases.iter().map(|c| c.reference.as_str()).collect::<Vec<_>>(), ["2025-001"]);
    assert_eq!(region.totals.cost_ht, Money(260_000));
    let before = f.store.period_report(&period("01/01/2024", "31/12/2024", "")).unwrap();
    assert_eq!(before.totals.cases, 1, "only the case abandoned in June 2024");
    assert_eq!(before.totals.frr, 1);
}

#[test]
fn a_period_is_checked() {
    let f = fixture();
    let e = f.store.period_report(&period("31/12/2025", "01/01/2025", "")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("to"));
    let e = f.store.period_report(&period("", "01/01/2025", "")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("from"));
    let e =
        f.store.period_report(&period("01/01/2025", "31/12/2025", "0190a5a0-0000-7000-8000-000000000000")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("funder_id"));
}

#[test]
fn aggregates_hide_small_counts_and_names() {
    let f = fixture();
    let r = f.store.period_report(&period("01/01/2025", "31/12/2025", "")).unwrap();
    let rows = aggregates(&r);
    assert_eq!(rows.len(), 1, "both structures: Drôme, Spectacle vivant");
    assert_eq!(rows[0].departement, "26 Drôme");
    assert_eq!(rows[0].sector, "Spectacle vivant");
    assert_eq!((rows[0].structures.as_str(), rows[0].diagnosed.as_str()), ("< 5", "< 5"));
    assert_eq!(rows[0].etp_diagnostic, "", "no ETP for fewer than five structures");
    let all = serde_json::to_string(&rows).unwrap();
    assert!(!all.contains("Sillon") && !all.contains("Albon"));
}
