mod common;

use common::{case, open_case};
use jalons_core::finance::{FinanceInput, FinanceStatus};
use jalons_core::values::Money;
use jalons_core::workflow::TransitionInput;

fn prime(case_id: &str) -> FinanceInput {
    FinanceInput {
        case_id: case_id.into(),
        tool: "fa_prime".into(),
        body: "France Active Auvergne-Rhône-Alpes".into(),
        amount_requested: "10 000".into(),
        amount_obtained: "8 000".into(),
        submitted_on: "2025-03-03".into(),
        decision_date: "2025-04-14".into(),
        status: "granted".into(),
        ..Default::default()
    }
}

#[test]
fn totals_add_up_per_case_and_per_structure() {
    let (mut s, first) = case();
    s.create_finance_application(&prime(&first)).unwrap();
    s.create_finance_application(&FinanceInput {
        tool: "ethical_loan".into(),
        amount_requested: "25 000".into(),
        amount_obtained: String::new(),
        decision_date: String::new(),
        status: "submitted".into(),
        ..prime(&first)
    })
    .unwrap();
    s.create_finance_application(&FinanceInput {
        amount_obtained: String::new(),
        decision_date: String::new(),
        status: "withdrawn".into(),
        ..prime(&first)
    })
    .unwrap();
    let sid = s.get_case(&first).unwrap().structure_id;
    let second = open_case(&mut s, &sid, "2026-01-05");
    s.create_finance_application(&FinanceInput {
        tool: "associative_contribution".into(),
        amount_requested: "30 000".into(),
        amount_obtained: "30 000".into(),
        submitted_on: "2026-02-02".into(),
        decision_date: "2026-03-02".into(),
        ..prime(&second)
    })
    .unwrap();

    let one = s.case_finance(&first).unwrap();
    assert_eq!(one.applications.len(), 3);
    assert_eq!((one.requested, one.obtained), (Money(3_500_000), Money(800_000)));
    let all = s.structure_finance(&sid).unwrap();
    assert_eq!((all.requested, all.obtained), (Money(6_500_000), Money(3_800_000)));
    assert_eq!(all.applications[3].case_reference, s.get_case(&second).unwrap().reference);
}

#[test]
fn amounts_statuses_and_dates_are_checked_on_their_field() {
    let (mut s, id) = case();
    for (input, field) in [
        (FinanceInput { amount_requested: String::new(), ..prime(&id) }, "amount_requested"),
        (FinanceInput { amount_requested: "-5".into(), ..prime(&id) }, "amount_requested"),
        (FinanceInput { amount_obtained: "12 000".into(), ..prime(&id) }, "amount_obtained"),
        (FinanceInput { status: "submitted".into(), ..prime(&id) }, "status"),
        (FinanceInput { amount_obtained: String::new(), ..prime(&id) }, "amount_obtained"),
        (FinanceInput { decision_date: String::new(), ..prime(&id) }, "decision_date"),
        (FinanceInput { decision_date: "2025-02-01".into(), ..prime(&id) }, "decision_date"),
        (
            FinanceInput {
                submitted_on: "2099-01-01".into(),
                decision_date: String::new(),
                status: "submitted".into(),
                amount_obtained: String::new(),
                ..prime(&id)
            },
            "submitted_on",
        ),
        (
            FinanceInput {
                submitted_on: String::new(),
                decision_date: String::new(),
                status: "submitted".into(),
                amount_obtained: String::new(),
                ..prime(&id)
            },
            "submitted_on",
        ),
        (FinanceInput { tool: "crowdfunding".into(), ..prime(&id) }, "tool"),
    ] {
        let e = s.create_finance_application(&input).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    assert!(s.case_finance(&id).unwrap().applications.is_empty());
    let over = s
        .create_finance_application(&FinanceInput {
            amount_obtained: "12 000".into(),
            over_confirmed: true,
            ..prime(&id)
        })
        .unwrap();
    assert_eq!((over.amount_obtained, over.status), (Some(Money(1_200_000)), FinanceStatus::Granted));
}

#[test]
fn a_finished_case_keeps_its_applications_as_they_were() {
    let (mut s, id) = case();
    let a = s.create_finance_application(&prime(&id)).unwrap();
    s.move_case(&TransitionInput {
        case_id: id.clone(),
        to: "abandoned".into(),
        date: "2025-05-05".into(),
        reason: "Dissolution".into(),
        ..Default::default()
    })
    .unwrap();
    let e = s.update_finance_application(&a.id, &FinanceInput { body: "Autre".into(), ..prime(&id) }).unwrap_err();
    assert!(e.message.contains("rouvrez-le"), "{}", e.message);
    assert!(s.create_finance_application(&prime(&id)).is_err());
    assert_eq!(s.case_finance(&id).unwrap().applications, vec![a]);
}

#[test]
fn the_overview_counts_each_application_in_the_year_of_its_decision() {
    use jalons_core::finance::{FinanceFilter, FinanceTool};
    let (mut s, first) = case();
    s.create_finance_application(&prime(&first)).unwrap();
    s.create_finance_application(&FinanceInput {
        tool: "ethical_loan".into(),
        amount_requested: "25 000".into(),
        amount_obtained: "20 000".into(),
        submitted_on: "2025-11-03".into(),
        decision_date: "2026-01-12".into(),
        ..prime(&first)
    })
    .unwrap();
    s.create_finance_application(&FinanceInput {
        amount_obtained: String::new(),
        decision_date: String::new(),
        submitted_on: "2026-02-02".into(),
        status: "submitted".into(),
        ..prime(&first)
    })
    .unwrap();

    let y2025 = s.finance_overview(&FinanceFilter { year: Some(2025), ..Default::default() }).unwrap();
    assert_eq!((y2025.summary.requested, y2025.summary.obtained), (Money(1_000_000), Money(800_000)));
    let y2026 = s.finance_overview(&FinanceFilter { year: Some(2026), ..Default::default() }).unwrap();
    assert_eq!((y2026.summary.requested, y2026.summary.obtained), (Money(3_500_000), Money(2_000_000)));
    assert_eq!(y2026.by_tool[0].tool, FinanceTool::EthicalLoan);
    assert_eq!(y2026.by_tool[1].applications, 1);
    assert_eq!(y2026.summary.applications[0].structure_name, "Compagnie du Sillon");
    let primes = s
        .finance_overview(&FinanceFilter { tool: Some(FinanceTool::FranceActivePrime), ..Default::default() })
        .unwrap();
    assert_eq!(primes.summary.applications.len(), 2);
}
