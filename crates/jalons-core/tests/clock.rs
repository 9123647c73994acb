//! The store's clock: what « today » means for every check and every stamp comes from it,
//! so a fixed day gives the same answers whenever the tests run.

mod common;

use chrono::NaiveDate;
use jalons_core::cases::CaseInput;
use jalons_core::clock::Clock;
use jalons_core::paging::PageRequest;
use jalons_core::tasks::TaskInput;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn a_fixed_day_decides_what_is_in_the_future_and_what_is_stamped() {
    let mut s = common::store();
    s.set_clock(Clock::on_day(day("2023-05-10")));
    let sid = common::structure(&mut s, "Les Arts Buissonniers");
    let structure = s.get_structure(&sid).unwrap();
    assert!(structure.created_at.starts_with("2023-05-10T"), "{}", structure.created_at);

    let input = |date: &str| CaseInput {
        structure_id: sid.clone(),
        request_date: date.into(),
        channel: "phone".into(),
        requester: "Awa Diallo".into(),
        referral_source: "network".into(),
        request_text: "Structurer la fonction employeur.".into(),
    };
    let e = s.open_case(&input("2023-05-11")).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("request_date"));
    assert_eq!(e.message, "La date de la demande ne peut pas être dans le futur.");
    let case = s.open_case(&input("2023-05-10")).unwrap();
    assert_eq!(case.reference, "2023-001");

    let history = s.case_history(&case.id, PageRequest::LARGEST).unwrap().rows;
    assert!(!history.is_empty());
    assert!(history.iter().all(|h| h.at.starts_with("2023-05-10T")), "{history:?}");
}

#[test]
fn the_agenda_and_a_ticked_task_follow_the_clock() {
    let mut s = common::store();
    s.set_clock(Clock::on_day(day("2024-02-28")));
    let sid = common::structure(&mut s, "Compagnie du Sillon");
    let task = s
        .create_task(&TaskInput {
            structure_id: sid,
            case_id: String::new(),
            title: "Relancer le trésorier".into(),
            due_on: "2024-03-01".into(),
        })
        .unwrap();
    let agenda = s.agenda_today().unwrap();
    assert_eq!(agenda.today, day("2024-02-28"));
    assert!(agenda.late.is_empty());

    s.set_clock(Clock::on_day(day("2024-03-05")));
    let agenda = s.agenda_today().unwrap();
    assert_eq!(agenda.late.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Relancer le trésorier"]);
    assert_eq!(s.set_task_done(&task.id, true).unwrap().done_on, Some(day("2024-03-05")));
}

#[test]
fn one_write_stamps_one_instant() {
    let mut s = common::store();
    let sid = common::structure(&mut s, "La Fabrique");
    let structure = s.get_structure(&sid).unwrap();
    assert_eq!(structure.created_at, structure.updated_at);
}
