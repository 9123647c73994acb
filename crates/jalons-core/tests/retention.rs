//! Retention: the rules set in Paramètres (whole years, refused otherwise, audited), what
//! is due under them counted from the right day, and a purge that does only what the
//! chargé confirmed and is still due.

mod common;

use chrono::NaiveDate;
use jalons_core::Store;
use jalons_core::clock::Clock;
use jalons_core::paging::PageRequest;
use jalons_core::privacy::{DEFAULT_RETENTION, DueItem, DueKind, PurgeChoice, PurgeItem, Purged, RetentionInput};
use jalons_core::structures::{ContactInput, StructureInput};
use jalons_core::workflow::TransitionInput;

/// The whole list due, as one page (these stores hold fewer items than a page).
fn listed(s: &Store) -> Vec<DueItem> {
    s.purge_due_page(PageRequest::LARGEST).unwrap().rows
}

/// Purges the items one by one, as the app does, and tallies what was done.
fn purge(s: &mut Store, items: &[PurgeItem]) -> Purged {
    let mut done = Purged::default();
    for item in items {
        done.tally(item.kind, s.purge_one(item).unwrap());
    }
    done
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn structure_with_contact(s: &mut Store, name: &str, contact: &str) -> (String, String) {
    let created = s
        .create_structure(&StructureInput {
            name: name.into(),
            legal_form: "association".into(),
            commune_code: "26113".into(),
            contacts: vec![ContactInput {
                name: contact.into(),
                role: "president".into(),
                lawful_basis: "legitimate_interest".into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .unwrap();
    (created.id, created.contacts[0].id.clone())
}

fn abandon(s: &mut Store, case_id: &str, on: &str) {
    s.move_case(&TransitionInput {
        case_id: case_id.into(),
        to: "abandoned".into(),
        date: on.into(),
        reason: "Plus de réponse".into(),
        ..Default::default()
    })
    .unwrap();
}

#[test]
fn the_rules_are_whole_years_with_defaults_and_a_french_refusal() {
    let mut s = common::store();
    assert_eq!(s.retention().unwrap(), DEFAULT_RETENTION);
    assert_eq!((DEFAULT_RETENTION.contacts_years, DEFAULT_RETENTION.cases_years), (3, 5));
    let e = s.set_retention(&RetentionInput { contacts_years: "trois".into(), cases_years: "5".into() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("contacts_years"));
    assert_eq!(
        e.message,
        "La durée de conservation des contacts se compte en années, de 1 à 30 (saisi\u{a0}: «\u{a0}trois\u{a0}»)."
    );
    let e = s.set_retention(&RetentionInput { contacts_years: "3".into(), cases_years: "0".into() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("cases_years"));
    assert_eq!(s.retention().unwrap(), DEFAULT_RETENTION, "a refused rule changes nothing");
    let set = s.set_retention(&RetentionInput { contacts_years: " 2 ".into(), cases_years: "10".into() }).unwrap();
    assert_eq!((set.contacts_years, set.cases_years), (2, 10));
    assert_eq!(s.retention().unwrap(), set);
}

#[test]
fn what_is_due_is_counted_from_the_last_activity_or_the_end_and_purged_once_confirmed() {
    let mut s = common::store();
    s.set_clock(Clock::on_day(day("2019-03-01")));
    let (old, old_contact) = structure_with_contact(&mut s, "Compagnie Ancienne", "Lou Ancien");
    let ended = common::open_case(&mut s, &old, "2019-03-01");
    s.set_clock(Clock::on_day(day("2019-04-15")));
    abandon(&mut s, &ended, "2019-04-15");
    let (busy, busy_contact) = structure_with_contact(&mut s, "Compagnie Active", "Max Actif");
    let open = common::open_case(&mut s, &busy, "2019-03-01");

    s.set_clock(Clock::on_day(day("2024-04-14")));
    assert_eq!(listed(&s).iter().filter(|d| d.kind == DueKind::Case).count(), 0, "five years less a day");
    s.set_clock(Clock::on_day(day("2024-04-15")));
    let due = listed(&s);
    let labels: Vec<(DueKind, &str, NaiveDate)> = due.iter().map(|d| (d.kind, d.label.as_str(), d.since)).collect();
    let reference = s.get_case(&ended).unwrap().reference;
    assert_eq!(
        labels,
        vec![
            (DueKind::Case, reference.as_str(), day("2019-04-15")),
            (DueKind::Contact, "Lou Ancien", day("2019-04-15"))
        ],
        "an open case keeps its structure's contacts"
    );
    assert!(!due.iter().any(|d| d.id == busy_contact || d.id == open));
    assert_eq!(s.purge_due_count().unwrap(), 2);
    assert_eq!(due[0].structure_id, old, "each item says whose it is");

    // The page's choice: everything due but what was unticked, in the number confirmed.
    let unticked = vec![PurgeItem { kind: DueKind::Contact, id: old_contact.clone() }];
    let chosen = s.purge_choice(&PurgeChoice { except: unticked.clone(), confirmed: 1 }).unwrap();
    assert_eq!(chosen, vec![PurgeItem { kind: DueKind::Case, id: ended.clone() }]);
    let changed = s.purge_choice(&PurgeChoice { except: unticked, confirmed: 2 }).unwrap_err();
    assert_eq!(changed.code, jalons_core::ErrorCode::Conflict);
    assert_eq!(
        changed.message,
        "La liste à purger a changé depuis son affichage\u{a0}: 1\u{a0}élément à purger et non 2. Relisez-la avant de purger."
    );
    let forged = PurgeChoice { except: vec![PurgeItem { kind: DueKind::Case, id: "../x".into() }], confirmed: 2 };
    assert_eq!(s.purge_choice(&forged).unwrap_err().field.as_deref(), Some("except"));
    let forged = PurgeItem { kind: DueKind::Case, id: "1; DROP TABLE cases".into() };
    assert_eq!(s.purge_one(&forged).unwrap_err().field.as_deref(), Some("id"));

    // Only what was confirmed and is still due: a contact not due is left.
    let confirmed = vec![
        PurgeItem { kind: DueKind::Case, id: ended.clone() },
        PurgeItem { kind: DueKind::Contact, id: old_contact.clone() },
        PurgeItem { kind: DueKind::Contact, id: busy_contact.clone() },
    ];
    let done = purge(&mut s, &confirmed);
    assert_eq!((done.cases, done.contacts, done.skipped), (1, 1, 1));
    assert!(s.get_case(&ended).is_err());
    assert!(s.get_structure(&old).unwrap().contacts.is_empty());
    assert_eq!(s.get_structure(&busy).unwrap().contacts.len(), 1);
    assert_eq!(listed(&s), vec![]);
    assert_eq!(s.purge_due_count().unwrap(), 0);
}

#[test]
fn a_reopened_case_is_due_from_its_last_end() {
    let mut s = common::store();
    s.set_clock(Clock::on_day(day("2014-01-06")));
    let id = common::structure(&mut s, "Compagnie du Retour");
    let case_id = common::open_case(&mut s, &id, "2014-01-06");
    s.set_clock(Clock::on_day(day("2014-02-10")));
    abandon(&mut s, &case_id, "2014-02-10");
    s.set_clock(Clock::on_day(day("2019-03-01")));
    assert_eq!(s.purge_due_count().unwrap(), 1, "five years after the first end");
    s.move_case(&TransitionInput {
        case_id: case_id.clone(),
        to: "intake".into(),
        date: "2019-03-01".into(),
        comment: "La structure revient avec un nouveau projet.".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(s.purge_due_count().unwrap(), 0, "open again");
    s.set_clock(Clock::on_day(day("2019-04-15")));
    abandon(&mut s, &case_id, "2019-04-15");
    s.set_clock(Clock::on_day(day("2024-04-14")));
    assert_eq!(listed(&s), vec![]);
    assert_eq!(s.purge_due_count().unwrap(), 0);
    s.set_clock(Clock::on_day(day("2024-04-15")));
    let due = listed(&s);
    assert_eq!(due.iter().map(|d| (d.kind, d.since)).collect::<Vec<_>>(), [(DueKind::Case, day("2019-04-15"))]);
    assert_eq!(s.purge_due_count().unwrap(), 1);
}

#[test]
fn a_journal_entry_counts_as_activity() {
    let mut s = common::store();
    s.set_clock(Clock::on_day(day("2019-03-01")));
    let (id, _) = structure_with_contact(&mut s, "Compagnie du Lac", "Iris Lac");
    s.set_clock(Clock::on_day(day("2021-06-01")));
    s.create_journal_entry(&jalons_core::journal::JournalInput {
        structure_id: id,
        kind: "call".into(),
        occurred_on: "2021-06-01".into(),
        body: "Nouvelles du projet.".into(),
        ..Default::default()
    })
    .unwrap();
    s.set_clock(Clock::on_day(day("2023-06-01")));
    assert_eq!(listed(&s), vec![], "three years after the last call, not after the creation");
    s.set_clock(Clock::on_day(day("2024-06-01")));
    assert_eq!(listed(&s).len(), 1);
    assert_eq!(s.purge_due_count().unwrap(), 1);
}

#[test]
fn the_list_due_read_page_by_page_is_the_whole_list_cases_then_contacts() {
    let mut s = common::store();
    s.set_clock(Clock::on_day(day("2015-01-05")));
    for i in 0..7 {
        let (id, _) = structure_with_contact(&mut s, &format!("Compagnie {i}"), &format!("Contact {i}"));
        let case_id = common::open_case(&mut s, &id, "2015-01-05");
        if i % 3 != 0 {
            abandon(&mut s, &case_id, "2015-01-05");
        }
    }
    s.set_clock(Clock::on_day(day("2023-01-05")));
    let whole = listed(&s);
    let kinds: Vec<DueKind> = whole.iter().map(|d| d.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == DueKind::Case).count(), 4);
    assert_eq!(kinds.iter().filter(|k| **k == DueKind::Contact).count(), 4, "the structures with no open case");
    assert!(kinds.windows(2).all(|w| w[0] == w[1] || w[0] == DueKind::Case), "cases first: {kinds:?}");
    for size in [1, 2, 3, 5] {
        let mut rows = Vec::new();
        loop {
            let page = s.purge_due_page(PageRequest { offset: rows.len() as u32, limit: size }).unwrap();
            assert_eq!(page.total, 8);
            if page.rows.is_empty() {
                break;
            }
            rows.extend(page.rows);
        }
        assert_eq!(rows, whole, "pages of {size}");
    }
    assert_eq!(s.purge_due_page(PageRequest { offset: 0, limit: 0 }).unwrap_err().field.as_deref(), Some("limit"));
}

/// Everything of the demo that is due years later, purged: every kind of record a case
/// holds (ingénieries shared or not, their search lines, the journal, the timeline) goes
/// with it and nothing is left broken.
#[test]
fn the_demo_purged_whole_years_later_leaves_nothing_due_and_nothing_broken() {
    let mut s = common::store();
    s.load_demo().unwrap();
    s.set_clock(Clock::on_day(day("2032-06-01")));
    s.set_retention(&RetentionInput { contacts_years: "1".into(), cases_years: "1".into() }).unwrap();
    let due = listed(&s);
    assert!(due.iter().filter(|d| d.kind == DueKind::Case).count() >= 3, "{due:?}");
    let items: Vec<PurgeItem> = due.iter().map(|d| PurgeItem { kind: d.kind, id: d.id.clone() }).collect();
    let done = purge(&mut s, &items);
    assert_eq!(done.cases + done.contacts, due.len());
    assert_eq!(s.purge_due_count().unwrap(), 0);
    let broken: i64 =
        s.read().unwrap().query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(broken, 0);
    assert_eq!(s.check_audit_chain().unwrap().broken, None);
}
