mod common;

use common::store;
use jalons_core::consultants::{ConsultantFilter, ConsultantInput};
use jalons_core::paging::PageRequest;
use jalons_core::themes::Theme;
use jalons_core::values::Money;

fn claire() -> ConsultantInput {
    ConsultantInput {
        name: "Claire Fontaine".into(),
        organisation: "Coop Conseil Culture".into(),
        siret: "732 829 320 00074".into(),
        skills: vec!["economic_model".into(), "finance".into(), "economic_model".into()],
        sectors: "Spectacle vivant, festivals".into(),
        day_rate: "650".into(),
        email: "Claire@Example.org".into(),
        phone: "0612345678".into(),
        notes: "".into(),
        lawful_basis: "contract".into(),
    }
}

fn day(d: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

#[test]
fn a_consultant_s_lawful_basis_keeps_its_date_until_it_changes() {
    use jalons_core::clock::Clock;
    use jalons_core::structures::LawfulBasis;
    let mut s = store();
    s.set_clock(Clock::on_day(day("2026-03-02")));
    let c = s.create_consultant(&claire()).unwrap();
    assert_eq!((c.lawful_basis, c.lawful_basis_since), (LawfulBasis::Contract, Some(day("2026-03-02"))));
    s.set_clock(Clock::on_day(day("2026-06-15")));
    let same = s.update_consultant(&c.id, &ConsultantInput { phone: "0698765432".into(), ..claire() }).unwrap();
    assert_eq!(same.lawful_basis_since, Some(day("2026-03-02")), "another change keeps the date");
    let consent = ConsultantInput { lawful_basis: "consent".into(), ..claire() };
    let changed = s.update_consultant(&c.id, &consent).unwrap();
    assert_eq!((changed.lawful_basis, changed.lawful_basis_since), (LawfulBasis::Consent, Some(day("2026-06-15"))));
    let refused =
        s.update_consultant(&c.id, &ConsultantInput { lawful_basis: "oubli".into(), ..claire() }).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("lawful_basis"));
    let unsaid = s.create_consultant(&ConsultantInput { lawful_basis: String::new(), ..claire() }).unwrap();
    assert_eq!(unsaid.lawful_basis, LawfulBasis::Contract, "a consultant works under a contract unless said otherwise");
}

#[test]
fn a_consultant_is_recorded_normalised_and_found_by_words_or_skill() {
    let mut s = store();
    let c = s.create_consultant(&claire()).unwrap();
    assert_eq!(c.siret.as_ref().map(|x| x.as_str()), Some("73282932000074"));
    assert_eq!(c.skills, vec![Theme::EconomicModel, Theme::Finance]);
    assert_eq!(c.day_rate, Some(Money(65_000)));
    assert_eq!((c.email.as_deref(), c.phone.as_deref()), (Some("claire@example.org"), Some("06 12 34 56 78")));
    s.create_consultant(&ConsultantInput {
        name: "Thomas Le Gall".into(),
        skills: vec!["digital".into()],
        ..Default::default()
    })
    .unwrap();

    let find = |s: &jalons_core::Store, f: ConsultantFilter| -> Vec<String> {
        s.list_consultants(&f, PageRequest::LARGEST).unwrap().rows.into_iter().map(|c| c.name).collect()
    };
    assert_eq!(find(&s, ConsultantFilter { query: "festivals coop".into(), skill: None }), ["Claire Fontaine"]);
    assert_eq!(find(&s, ConsultantFilter { query: String::new(), skill: Some(Theme::Digital) }), ["Thomas Le Gall"]);
    assert_eq!(find(&s, ConsultantFilter::default()).len(), 2);
}

#[test]
fn bad_input_is_refused_on_its_field_and_nothing_changes() {
    let mut s = store();
    let c = s.create_consultant(&claire()).unwrap();
    for (input, field) in [
        (ConsultantInput { name: " ".into(), ..claire() }, "name"),
        (ConsultantInput { siret: "732 829 320 00075".into(), ..claire() }, "siret"),
        (ConsultantInput { day_rate: "-650".into(), ..claire() }, "day_rate"),
        (ConsultantInput { email: "claire@".into(), ..claire() }, "email"),
        (ConsultantInput { skills: vec!["juggling".into()], ..claire() }, "skills.0"),
    ] {
        let e = s.update_consultant(&c.id, &input).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{}", e.message);
    }
    assert_eq!(s.get_consultant(&c.id).unwrap(), c);
    let renamed = s.update_consultant(&c.id, &ConsultantInput { day_rate: "700".into(), ..claire() }).unwrap();
    assert_eq!(renamed.day_rate, Some(Money(70_000)));
    let history = s.consultant_history(&c.id, PageRequest::LARGEST).unwrap().rows;
    assert_eq!(history[0].changes[0].field, "day_rate");
}
