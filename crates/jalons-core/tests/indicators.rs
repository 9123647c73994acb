//! Indicators on a small fixture whose every expected value was counted by hand from the
//! definitions (definitions.rs). Everything dated up to 2025 is written first; what
//! happened in 2026 is written after, so that a report of 2025 can be read before and
//! after it.
//!
//! Up to 2025:
//! - Ensemble Rouvert (Valence): case 2023-001 requested 10/01/2023, abandoned 15/04/2023.
//! - Atelier d'Albon (Albon, 1 942 inhabitants, so rural; QPV; 1 CDI and 3 CDD): case
//!   2023-002 requested 02/05/2023, abandoned 01/06/2023; case 2025-002 requested
//!   01/03/2025, paid by the State line, abandoned 30/06/2025; case 2025-003 requested
//!   01/09/2025, still at intake, paid by no line. Two cases in 2025: one structure.
//! - Troupe d'Annonay (Annonay, 07, FRR): case 2024-001 requested 10/01/2024, abandoned
//!   01/06/2024.
//! - Compagnie du Sillon (Die, 4 844 inhabitants; 3 CDI): case 2025-001 requested
//!   06/01/2025, diagnostic validated 03/02/2025 (3 salariés, 2,5 ETP). Two ingénieries:
//!   « Modèle économique » paid by the Région line, 4 days at 650 € (2 600 € HT, 3 120 €
//!   TTC), consultant chosen 24/03/2025, final report 26/05/2025; « Stratégie de diffusion »
//!   paid by the State line, 2 days at 500 € (1 000 €, no VAT), consultant chosen 10/06/2025.
//!   The case is co-financed: the State through the second, the Région through the first.
//!   Four applications: a France Active loan asking 10 000 € submitted 01/03/2025 and
//!   granted 8 000 € on 01/04/2025; a solidarity fund asking 5 000 € submitted 01/03/2025
//!   then withdrawn; a participative loan of 3 000 € in preparation; an ethical loan asking
//!   4 000 € submitted 15/11/2025.
//!
//! In 2026: the ethical loan refused on 20/01/2026; « Stratégie de diffusion » cancelled on
//! 01/02/2026, and 2025-001 moved to its follow-up that day; the follow-up made on 02/02/2026 (4 salariés, 3 ETP; +, +, =, +),
//! one day before its window (03/02/2026 to 03/08/2026) opens; case 2023-001 reopened on
//! 01/06/2026.

mod common;

use std::collections::BTreeMap;

use common::*;
use jalons_core::Store;
use jalons_core::engagements::{EngagementInput, OfferInput};
use jalons_core::finance::FinanceInput;
use jalons_core::funders::FunderInput;
use jalons_core::indicators::{PeriodReport, ReportFilter, Totals, aggregates};
use jalons_core::structures::StructureInput;
use jalons_core::values::{Days, Etp, Money};
use jalons_core::workflow::TransitionInput;

struct Fixture {
    store: Store,
    state: String,
    region: String,
    sillon_case: String,
    rouvert_case: String,
    diffusion: (String, EngagementInput),
    ethical_loan: (String, FinanceInput),
}

#[allow(clippy::too_many_arguments)]
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

fn application(case: &str, tool: &str, requested: &str, status: &str, submitted: &str) -> FinanceInput {
    FinanceInput {
        case_id: case.into(),
        tool: tool.into(),
        amount_requested: requested.into(),
        status: status.into(),
        submitted_on: submitted.into(),
        ..Default::default()
    }
}

/// Everything dated up to the end of 2025.
fn fixture() -> Fixture {
    let mut s = store();
    let line = |s: &mut Store, name: &str| {
        s.create_funder(&FunderInput { name: name.into(), programme: "2025".into(), ..Default::default() }).unwrap().id
    };
    let state = line(&mut s, "État (DREETS)");
    let region = line(&mut s, "Région");

    let rouvert = structure(&mut s, "Ensemble Rouvert", "26362", "", "", false, "none");
    let albon = structure(&mut s, "Atelier d'Albon", "26002", "1", "3", true, "none");
    let annonay = structure(&mut s, "Troupe d'Annonay", "07010", "", "", false, "frr");
    let sillon = structure(&mut s, "Compagnie du Sillon", "26113", "3", "", false, "none");

    let rouvert_case = open_case(&mut s, &rouvert, "2023-01-10");
    exit(&mut s, &rouvert_case, "2023-04-15");
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
    let diffusion = EngagementInput {
        title: "Stratégie de diffusion".into(),
        funder_id: state.clone(),
        consultant_id: k.clone(),
        days: "2".into(),
        day_rate: "500".into(),
        vat_rate: "exempt".into(),
        terms_date: "2025-05-20".into(),
        consultation_date: "2025-05-27".into(),
        decision_date: "2025-06-10".into(),
        offers: vec![OfferInput { consultant_id: k.clone(), amount_ht: "1000".into(), score: "15".into() }],
        ..engagement(&[&a], "individual")
    };
    let diffusion_id = create_engagement(&mut s, &diffusion).id;
    move_to(&mut s, &a, "engineering", "2025-03-03").unwrap();
    let granted = FinanceInput {
        amount_obtained: "8000".into(),
        decision_date: "2025-04-01".into(),
        ..application(&a, "fa_loan", "10000", "granted", "2025-03-01")
    };
    for input in [
        granted,
        application(&a, "solidarity_fund", "5000", "withdrawn", "2025-03-01"),
        application(&a, "participative_loan", "3000", "preparing", ""),
    ] {
        s.create_finance_application(&input).unwrap();
    }
    let ethical = application(&a, "ethical_loan", "4000", "submitted", "2025-11-15");
    let ethical_id = s.create_finance_application(&ethical).unwrap().id;

    let b = open_case(&mut s, &albon, "2025-03-01");
    s.set_case_funders(&b, &paid_by(&[&state])).unwrap();
    exit(&mut s, &b, "2025-06-30");
    open_case(&mut s, &albon, "2025-09-01");
    Fixture {
        store: s,
        state,
        region,
        sillon_case: a,
        rouvert_case,
        diffusion: (diffusion_id, diffusion),
        ethical_loan: (ethical_id, ethical),
    }
}

/// What happened in 2026.
fn in_2026(f: &mut Fixture) {
    let s = &mut f.store;
    let (id, input) = &f.ethical_loan;
    let refused = FinanceInput { status: "refused".into(), decision_date: "2026-01-20".into(), ..input.clone() };
    s.update_finance_application(id, &refused).unwrap();
    let (id, input) = &f.diffusion;
    let cancelled = EngagementInput {
        cancelled_on: "2026-02-01".into(),
        cancel_reason: "La compagnie a suspendu sa tournée.".into(),
        ..input.clone()
    };
    s.update_engagement(id, &cancelled).unwrap();
    move_to(s, &f.sillon_case, "follow_up", "2026-02-01").unwrap();
    s.save_follow_up(&f.sillon_case, &follow_up()).unwrap();
    s.move_case(&TransitionInput {
        case_id: f.rouvert_case.clone(),
        to: "intake".into(),
        date: "2026-06-01".into(),
        comment: "La structure revient avec un nouveau projet de lieu.".into(),
        ..Default::default()
    })
    .unwrap();
}

fn complete() -> Fixture {
    let mut f = fixture();
    in_2026(&mut f);
    f
}

fn period(from: &str, to: &str, funder: &str) -> ReportFilter {
    ReportFilter { from: from.into(), to: to.into(), funder_id: funder.into() }
}

fn report(f: &Fixture, from: &str, to: &str, funder: &str) -> PeriodReport {
    f.store.period_report(&period(from, to, funder)).unwrap()
}

fn references(r: &PeriodReport) -> Vec<&str> {
    r.cases.iter().map(|c| c.reference.as_str()).collect()
}

#[test]
fn the_stock_of_2025_counts_each_structure_once() {
    let f = complete();
    let r = report(&f, "01/01/2025", "31/12/2025", "");
    assert_eq!(references(&r), ["2025-001", "2025-002", "2025-003"], "2023-001 was closed all year");
    let t = &r.totals;
    assert_eq!((t.cases, t.structures), (3, 2));
    assert_eq!((t.first_time, t.returning), (1, 1), "Albon once, by 2025-002, after its 2023 request");
    assert_eq!(t.with_engagement, 1);
    assert_eq!((t.qpv, t.frr, t.rural), (1, 0, 1), "Albon: QPV and under 2 000 inhabitants, once");
    assert_eq!((t.staff_known, t.headcount_diagnostic, t.etp_diagnostic), (1, 3, Etp(250)));
    assert_eq!(t.cdi_share, Some(5714), "4 CDI out of 7 staff, Albon once");
    let sillon = &r.cases[0];
    assert_eq!(sillon.departement_name.as_deref(), Some("Drôme"));
    assert_eq!(sillon.rural, Some(false));
    assert_eq!(sillon.headcount_band.as_deref(), Some("3 à 5 salariés"));
    assert_eq!(sillon.stage, "Mise en œuvre", "as it stood on 31/12/2025: the follow-up stage came in 2026");
    assert_eq!(r.cases[1].stage, "Abandon");
}

#[test]
fn the_flows_of_2025_count_what_is_dated_in_it() {
    let f = complete();
    let t = report(&f, "01/01/2025", "31/12/2025", "").totals;
    assert_eq!((t.requested_cases, t.finished_cases, t.diagnosed), (3, 1, 1));
    assert_eq!((t.engaged, t.individual, t.collective), (2, 2, 0), "the cancellation came in 2026");
    assert_eq!((t.days, t.cost_ht, t.cost_ttc), (Days(600), Money(360_000), Money(412_000)));
    assert_eq!((t.delivered, t.cancelled), (1, 0));
    assert_eq!((t.cases_cost_ht, t.line_share), (None, None));
    assert_eq!((t.submitted, t.requested), (3, Money(1_900_000)), "withdrawn since, but submitted in 2025");
    assert_eq!((t.granted, t.obtained), (1, Money(800_000)));
    assert_eq!((t.refused, t.refused_amount), (0, Money(0)), "refused in 2026");
    let tools: Vec<(&str, usize, usize, usize)> =
        t.by_tool.iter().map(|x| (x.tool.as_str(), x.submitted, x.granted, x.refused)).collect();
    assert_eq!(
        tools,
        [
            ("Emprunt éthique (La Nef, Crédit Coopératif…)", 1, 0, 0),
            ("Fonds de solidarité", 1, 0, 0),
            ("France Active – prêt", 1, 1, 0)
        ]
    );
    assert_eq!((t.followed_up, t.compared), (0, 0), "the follow-up came in 2026");
}

#[test]
fn the_year_2026_has_its_own_flows_and_the_reopened_case() {
    let f = complete();
    let r = report(&f, "01/01/2026", "31/12/2026", "");
    assert_eq!(references(&r), ["2023-001", "2025-001", "2025-003"], "2023-001 reopened in June");
    let t = &r.totals;
    assert_eq!((t.structures, t.first_time, t.returning), (3, 2, 1));
    assert_eq!(t.with_engagement, 1, "the Sillon's first ingénierie, delivered; the second cancelled in February");
    assert_eq!((t.qpv, t.frr, t.rural), (1, 0, 1));
    assert_eq!((t.staff_known, t.headcount_diagnostic, t.etp_diagnostic), (1, 3, Etp(250)));
    assert_eq!(t.cdi_share, Some(5714));
    assert_eq!((t.requested_cases, t.finished_cases, t.diagnosed, t.engaged), (0, 0, 0, 0));
    assert_eq!((t.days, t.cost_ht), (Days(0), Money(0)));
    assert_eq!((t.delivered, t.cancelled), (0, 1));
    assert_eq!((t.submitted, t.granted, t.refused, t.refused_amount), (0, 0, 1, Money(400_000)));
    assert_eq!((t.followed_up, t.in_window), (1, 0), "made the day before its window opened");
    assert_eq!(t.compared, 1);
    assert_eq!((t.headcount_before, t.headcount_after), (3, 4));
    assert_eq!((t.etp_before, t.etp_after), (Etp(250), Etp(300)));
    let c: Vec<(usize, usize, usize)> = t.criteria.iter().map(|c| (c.plus, c.equal, c.minus)).collect();
    assert_eq!(c, [(1, 0, 0), (1, 0, 0), (0, 1, 0), (1, 0, 0)]);
    assert_eq!(t.criteria[2].criterion, "Vision stratégique");
}

/// Every flow of a report by name, the tools' apart: what two consecutive periods must add
/// up to.
fn flows(t: &Totals) -> BTreeMap<String, i64> {
    let n = |x: usize| i64::try_from(x).unwrap();
    let mut out: BTreeMap<String, i64> = [
        ("requested_cases", n(t.requested_cases)),
        ("finished_cases", n(t.finished_cases)),
        ("diagnosed", n(t.diagnosed)),
        ("engaged", n(t.engaged)),
        ("individual", n(t.individual)),
        ("collective", n(t.collective)),
        ("days", t.days.0),
        ("cost_ht", t.cost_ht.0),
        ("cost_ttc", t.cost_ttc.0),
        ("delivered", n(t.delivered)),
        ("cancelled", n(t.cancelled)),
        ("submitted", n(t.submitted)),
        ("requested", t.requested.0),
        ("granted", n(t.granted)),
        ("obtained", t.obtained.0),
        ("refused", n(t.refused)),
        ("refused_amount", t.refused_amount.0),
        ("followed_up", n(t.followed_up)),
        ("in_window", n(t.in_window)),
        ("compared", n(t.compared)),
        ("headcount_before", t.headcount_before),
        ("headcount_after", t.headcount_after),
        ("etp_before", t.etp_before.0),
        ("etp_after", t.etp_after.0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    for c in &t.criteria {
        for (trend, v) in [("+", c.plus), ("=", c.equal), ("-", c.minus)] {
            out.insert(format!("{} {trend}", c.criterion), n(v));
        }
    }
    for x in &t.by_tool {
        for (what, v) in [
            ("submitted", n(x.submitted)),
            ("requested", x.requested.0),
            ("granted", n(x.granted)),
            ("obtained", x.obtained.0),
            ("refused", n(x.refused)),
        ] {
            out.insert(format!("{} {what}", x.tool), v);
        }
    }
    out
}

fn add(a: BTreeMap<String, i64>, b: BTreeMap<String, i64>) -> BTreeMap<String, i64> {
    let mut sum = a;
    for (k, v) in b {
        *sum.entry(k).or_default() += v;
    }
    sum
}

#[test]
fn two_yearly_reports_add_up_to_the_two_years() {
    let f = complete();
    for funder in ["", &f.state, &f.region] {
        let y2025 = flows(&report(&f, "01/01/2025", "31/12/2025", funder).totals);
        let y2026 = flows(&report(&f, "01/01/2026", "31/12/2026", funder).totals);
        let both = flows(&report(&f, "01/01/2025", "31/12/2026", funder).totals);
        assert_eq!(add(y2025, y2026), both, "line {funder:?}");
    }
    let both = report(&f, "01/01/2025", "31/12/2026", "").totals;
    assert_eq!((both.cases, both.structures, both.first_time, both.returning), (4, 3, 2, 1));
}

#[test]
fn a_closed_period_reads_the_same_after_what_came_next() {
    let mut f = fixture();
    let before: Vec<PeriodReport> =
        ["", f.state.as_str(), f.region.as_str()].map(|funder| report(&f, "01/01/2025", "31/12/2025", funder)).into();
    in_2026(&mut f);
    exit(&mut f.store, &f.sillon_case, "2026-03-02");
    let later = chrono::NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
    f.store.set_clock(jalons_core::clock::Clock::on_day(later));
    let after: Vec<PeriodReport> =
        ["", f.state.as_str(), f.region.as_str()].map(|funder| report(&f, "01/01/2025", "31/12/2025", funder)).into();
    assert_eq!(before, after, "rows and totals of 2025, as they stood on its last day, read eighteen months on");
    let diffusion = after[0].engagements.iter().find(|e| e.title == "Stratégie de diffusion").unwrap();
    assert_eq!((diffusion.status.as_str(), diffusion.cancelled_on), ("Consultant·e retenu·e", None));
    let loan = after[0].finance.iter().find(|a| a.tool.starts_with("Emprunt")).unwrap();
    assert_eq!((loan.status.as_str(), loan.decision_date), ("Déposée", None));
}

#[test]
fn earlier_years_leave_out_the_case_closed_then_reopened() {
    let f = complete();
    let r2024 = report(&f, "01/01/2024", "31/12/2024", "");
    assert_eq!(references(&r2024), ["2024-001"], "2023-001 was closed throughout 2024");
    assert_eq!((r2024.totals.frr, r2024.totals.finished_cases), (1, 1));
    let r2023 = report(&f, "01/01/2023", "31/12/2023", "");
    assert_eq!(references(&r2023), ["2023-001", "2023-002"]);
    let day = report(&f, "15/04/2023", "15/04/2023", "");
    assert_eq!(references(&day), ["2023-001"], "open until its abandon, that day included");
    let next = report(&f, "16/04/2023", "01/05/2023", "");
    assert!(next.cases.is_empty());
}

#[test]
fn a_funder_line_answers_for_its_cases_and_says_its_share() {
    let f = complete();
    let state = report(&f, "01/01/2025", "31/12/2025", &f.state);
    assert_eq!(state.period.funder.as_deref(), Some("État (DREETS) — 2025"));
    assert_eq!(references(&state), ["2025-001", "2025-002"], "2025-001 through its ingénierie, 2025-002 directly");
    let t = &state.totals;
    assert_eq!((t.structures, t.first_time, t.returning, t.requested_cases, t.finished_cases), (2, 1, 1, 2, 1));
    assert_eq!((t.submitted, t.requested, t.granted, t.obtained), (3, Money(1_900_000), 1, Money(800_000)));
    assert_eq!((t.engaged, t.days, t.cost_ht, t.cost_ttc), (1, Days(200), Money(100_000), Money(100_000)));
    assert_eq!(t.cases_cost_ht, Some(Money(360_000)), "both ingénieries of its cases");
    assert_eq!(t.line_share, Some(2778), "1 000 € of 3 600 €");

    let region = report(&f, "01/01/2025", "31/12/2025", &f.region);
    assert_eq!(references(&region), ["2025-001"], "co-financed: whole under each line");
    assert_eq!((region.totals.cost_ht, region.totals.line_share), (Money(260_000), Some(7222)));

    let state_2026 = report(&f, "01/01/2026", "31/12/2026", &f.state);
    assert_eq!(references(&state_2026), ["2025-001"], "cancelled in 2026, its ingénierie still counted then");
    assert_eq!(state_2026.totals.cancelled, 1);
    let state_2027 = report(&f, "01/01/2027", "31/12/2027", &f.state);
    assert!(state_2027.cases.is_empty(), "its only ingénierie for the State was cancelled before 2027");
}

#[test]
fn the_period_cases_are_those_of_the_batch_of_summaries() {
    let f = complete();
    let ids = f.store.period_case_ids(&period("01/01/2026", "31/12/2026", "")).unwrap();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&f.rouvert_case));
}

#[test]
fn a_period_is_checked() {
    let f = complete();
    let e = f.store.period_report(&period("31/12/2025", "01/01/2025", "")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("to"));
    let e = f.store.period_report(&period("", "01/01/2025", "")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("from"));
    let e =
        f.store.period_report(&period("01/01/2025", "31/12/2025", "0190a5a0-0000-7000-8000-000000000000")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("funder_id"));
}

#[test]
fn aggregates_merge_what_would_isolate_and_hide_small_counts_and_names() {
    let f = complete();
    let r = report(&f, "01/01/2025", "31/12/2025", "");
    let rows = aggregates(&r);
    assert_eq!(rows.len(), 1, "two structures, each alone: nothing finer than the whole can be shown");
    assert_eq!((rows[0].territory.as_str(), rows[0].sector.as_str()), ("Tous territoires", "Tous secteurs"));
    assert_eq!((rows[0].structures.as_str(), rows[0].diagnosed.as_str()), ("< 5", "< 5"));
    assert_eq!(rows[0].etp_diagnostic, "secret", "no ETP for fewer than five structures");
    let all = serde_json::to_string(&rows).unwrap();
    assert!(!all.contains("Sillon") && !all.contains("Albon"));
}

#[test]
fn a_shared_file_covers_whole_quarters_so_a_day_apart_gives_the_same() {
    let f = complete();
    let shared = |from: &str, to: &str| {
        f.store.report_for(&period(from, to, ""), jalons_core::indicators::ReportFormat::AggregatesCsv).unwrap()
    };
    let year = shared("01/01/2023", "31/12/2023");
    let day_later = shared("02/01/2023", "31/12/2023");
    assert_eq!(year, day_later);
    assert_eq!(year.period.from.to_string(), "2023-01-01");
    let spring = shared("16/04/2023", "01/05/2023");
    assert_eq!(
        (spring.period.from.to_string(), spring.period.to.to_string()),
        ("2023-04-01".into(), "2023-06-30".into())
    );
    assert_eq!(references(&spring), ["2023-001", "2023-002"], "the quarter holds the abandon of 2023-001");
    let exact =
        f.store.report_for(&period("16/04/2023", "01/05/2023", ""), jalons_core::indicators::ReportFormat::Xlsx);
    assert!(exact.unwrap().cases.is_empty(), "a workbook for the funders keeps the period asked");
}
