mod common;

use common::{case, move_with};
use jalons_core::ErrorCode;
use jalons_core::paging::PageRequest;
use jalons_core::partners::{
    PartnerContactInput, PartnerFilter, PartnerInput, PartnerKind, ReferralFilter, ReferralInput, ReferralOutcome,
};
use jalons_core::workflow::TransitionInput;

fn france_active() -> PartnerInput {
    PartnerInput {
        name: "France Active Auvergne-Rhône-Alpes".into(),
        kind: "solidarity_finance".into(),
        territory: "Auvergne-Rhône-Alpes".into(),
        website: "www.franceactive-aura.org".into(),
        email: "contact@franceactive-aura.org".into(),
        contacts: vec![PartnerContactInput {
            name: "Hélène Roux".into(),
            role: "Chargée de financement".into(),
            email: "h.roux@franceactive-aura.org".into(),
            phone: "04 75 00 00 00".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn referral(case_id: &str, partner_id: &str) -> ReferralInput {
    ReferralInput {
        case_id: case_id.into(),
        partner_id: partner_id.into(),
        referred_on: "2025-02-03".into(),
        reason: "Besoin de trésorerie pour la tournée".into(),
        outcome: "pending".into(),
        ..Default::default()
    }
}

#[test]
fn a_partner_keeps_its_contacts_and_is_found_without_accents() {
    let (mut s, _) = case();
    let p = s.create_partner(&france_active()).unwrap();
    assert_eq!(p.kind, PartnerKind::SolidarityFinance);
    assert_eq!(p.contacts[0].name, "Hélène Roux");
    assert_eq!(p.contacts[0].phone.as_deref(), Some("04 75 00 00 00"));
    s.create_partner(&PartnerInput { name: "CRESS Occitanie".into(), kind: "cress".into(), ..Default::default() })
        .unwrap();

    let found = s
        .list_partners(&PartnerFilter { query: "helene".into(), kind: None }, PageRequest::LARGEST)
        .map(|p| p.rows)
        .unwrap();
    assert_eq!(found.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["France Active Auvergne-Rhône-Alpes"]);
    let cress = s
        .list_partners(&PartnerFilter { query: String::new(), kind: Some(PartnerKind::Cress) }, PageRequest::LARGEST)
        .map(|p| p.rows)
        .unwrap();
    assert_eq!(cress.len(), 1);
    for literal in ["%", "_"] {
        assert!(
            s.list_partners(&PartnerFilter { query: literal.into(), kind: None }, PageRequest::LARGEST)
                .map(|p| p.rows)
                .unwrap()
                .is_empty(),
            "{literal}"
        );
    }
}

#[test]
fn bad_partner_input_names_its_field_and_saves_nothing() {
    let (mut s, _) = case();
    let e = s.create_partner(&PartnerInput { name: " ".into(), ..france_active() }).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("name")));
    let mut bad_contact = france_active();
    bad_contact.contacts[0].email = "helene@".into();
    let e = s.create_partner(&bad_contact).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("contacts.0.email"));
    let e = s.create_partner(&PartnerInput { kind: String::new(), ..france_active() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("kind"));
    assert!(s.list_partners(&PartnerFilter::default(), PageRequest::LARGEST).map(|p| p.rows).unwrap().is_empty());
}

#[test]
fn a_referral_is_listed_on_the_case_and_on_the_partner() {
    let (mut s, case_id) = case();
    let p = s.create_partner(&france_active()).unwrap();
    let r = s.create_referral(&referral(&case_id, &p.id)).unwrap();
    assert_eq!(r.partner_name, p.name);
    assert_eq!(r.structure_name, "Compagnie du Sillon");

    let on_case = s.list_referrals(&ReferralFilter { case_id: Some(case_id.clone()), ..Default::default() }).unwrap();
    let on_partner =
        s.list_referrals(&ReferralFilter { partner_id: Some(p.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(on_case, on_partner);
    let on_structure =
        s.list_referrals(&ReferralFilter { structure_id: Some(r.structure_id.clone()), ..Default::default() }).unwrap();
    assert_eq!(on_structure, on_case);
    assert_eq!(s.get_partner(&p.id).unwrap().referrals, 1);
    let other_year = s.list_referrals(&ReferralFilter { year: Some(2024), ..Default::default() }).unwrap();
    assert!(other_year.is_empty());

    let updated = s
        .update_referral(
            &r.id,
            &ReferralInput {
                outcome: "taken_up".into(),
                outcome_note: "Prêt de 15 000 € accordé".into(),
                ..referral(&case_id, &p.id)
            },
        )
        .unwrap();
    assert_eq!(updated.outcome, ReferralOutcome::TakenUp);
}

#[test]
fn a_referral_needs_a_partner_a_reason_and_a_date_after_the_request() {
    let (mut s, case_id) = case();
    let p = s.create_partner(&france_active()).unwrap();
    let e = s.create_referral(&ReferralInput { partner_id: String::new(), ..referral(&case_id, &p.id) }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("partner_id"));
    let e = s.create_referral(&ReferralInput { reason: String::new(), ..referral(&case_id, &p.id) }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("reason"));
    let e = s
        .create_referral(&ReferralInput { referred_on: "2024-12-31".into(), ..referral(&case_id, &p.id) })
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("referred_on"));
    assert!(e.message.contains("06/01/2025"), "{}", e.message);
    let e = s
        .create_referral(&ReferralInput { referred_on: "2099-01-01".into(), ..referral(&case_id, &p.id) })
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("referred_on"));
    assert!(s.list_referrals(&ReferralFilter::default()).unwrap().is_empty());
}

#[test]
fn leaving_as_referred_to_a_directory_partner_records_the_referral() {
    let (mut s, case_id) = case();
    let p = s.create_partner(&france_active()).unwrap();
    let w = move_with(
        &mut s,
        TransitionInput {
            case_id: case_id.clone(),
            to: "referred".into(),
            date: "2025-01-20".into(),
            reason: "Besoin de financement, pas d'accompagnement".into(),
            partner_id: p.id.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.timeline.last().unwrap().partner.as_deref(), Some("France Active Auvergne-Rhône-Alpes"));
    let referrals = s.list_referrals(&ReferralFilter { partner_id: Some(p.id), ..Default::default() }).unwrap();
    assert_eq!(referrals.len(), 1);
    assert_eq!(referrals[0].reason, "Besoin de financement, pas d'accompagnement");
    assert_eq!(referrals[0].outcome, ReferralOutcome::Pending);
}

#[test]
fn leaving_as_referred_to_an_unknown_partner_changes_nothing() {
    let (mut s, case_id) = case();
    let e = move_with(
        &mut s,
        TransitionInput {
            case_id: case_id.clone(),
            to: "referred".into(),
            date: "2025-01-20".into(),
            reason: "Besoin de financement".into(),
            partner_id: "0190a0a0-0000-7000-8000-000000000000".into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("partner_id"));
    assert_eq!(s.case_workflow(&case_id).unwrap().stage, jalons_core::cases::Stage::Intake);
}
