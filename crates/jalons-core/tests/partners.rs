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

    let on_case = s
        .list_referrals(&ReferralFilter { case_id: Some(case_id.clone()), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    let on_partner = s
        .list_referrals(&ReferralFilter { partner_id: Some(p.id.clone()), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
    assert_eq!(on_case, on_partner);
    let on_structure = s
        .list_referrals(
            &ReferralFilter { structure_id: Some(r.structure_id.clone()), ..Default::default() },
            PageRequest::LARGEST,
        )
        .unwrap()
        .rows;
    assert_eq!(on_structure, on_case);
    assert_eq!(s.get_partner(&p.id).unwrap().referrals, 1);
    let other_year = s
        .list_referrals(&ReferralFilter { year: Some(2024), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
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
    assert!(s.list_referrals(&ReferralFilter::default(), PageRequest::LARGEST).unwrap().rows.is_empty());
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
    let referrals = s
        .list_referrals(&ReferralFilter { partner_id: Some(p.id), ..Default::default() }, PageRequest::LARGEST)
        .unwrap()
        .rows;
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

#[test]
fn the_overview_reads_its_referrals_a_page_at_a_time_and_counts_them_by_partner() {
    let (mut s, case_id) = case();
    let active = s.create_partner(&france_active()).unwrap();
    let partner = |name: &str| PartnerInput { name: name.into(), contacts: Vec::new(), ..france_active() };
    // In French order « Écume » comes before « Fabrique », in bytes after it.
    let fabrique = s.create_partner(&partner("Fabrique à projets")).unwrap();
    let ecume = s.create_partner(&partner("Écume des jours")).unwrap();
    let sent = [
        (&active.id, "2025-02-03"),
        (&fabrique.id, "2025-03-10"),
        (&fabrique.id, "2025-03-10"),
        (&active.id, "2025-03-10"),
        (&ecume.id, "2026-02-01"),
        (&active.id, "2026-01-05"),
        (&ecume.id, "2026-02-01"),
    ];
    let ids: Vec<String> = sent
        .iter()
        .map(|(partner, on)| {
            s.create_referral(&ReferralInput { referred_on: (*on).into(), ..referral(&case_id, partner) }).unwrap().id
        })
        .collect();

    // Newest first; on the same day, the one recorded last first.
    let all = s.list_referrals(&ReferralFilter::default(), PageRequest::LARGEST).unwrap();
    assert_eq!(all.total, 7);
    let order: Vec<&str> = all.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, [&ids[6], &ids[4], &ids[5], &ids[3], &ids[2], &ids[1], &ids[0]]);
    let mut paged = Vec::new();
    for offset in [0, 3, 6] {
        let page = s.list_referrals(&ReferralFilter::default(), PageRequest { offset, limit: 3 }).unwrap();
        assert_eq!((page.offset, page.total), (offset, 7));
        paged.extend(page.rows);
    }
    assert_eq!(paged, all.rows);

    let year_2025 = ReferralFilter { year: Some(2025), ..Default::default() };
    let in_2025 = s.list_referrals(&year_2025, PageRequest::first(2)).unwrap();
    assert_eq!((in_2025.rows.len(), in_2025.total), (2, 4));
    assert!(in_2025.rows.iter().all(|r| r.referred_on.to_string().starts_with("2025-")));

    let counts = |filter: &ReferralFilter| -> Vec<(String, u32)> {
        s.referral_partners(filter).unwrap().into_iter().map(|p| (p.partner_name, p.referrals)).collect()
    };
    assert_eq!(
        counts(&ReferralFilter::default()),
        [
            ("France Active Auvergne-Rhône-Alpes".to_owned(), 3),
            ("Écume des jours".to_owned(), 2),
            ("Fabrique à projets".to_owned(), 2)
        ]
    );
    assert_eq!(
        counts(&year_2025),
        [("Fabrique à projets".to_owned(), 2), ("France Active Auvergne-Rhône-Alpes".to_owned(), 2)]
    );
    let of_kind = ReferralFilter { partner_kind: Some(PartnerKind::Network), ..Default::default() };
    assert!(counts(&of_kind).is_empty());
    assert_eq!(s.list_referrals(&of_kind, PageRequest::LARGEST).unwrap().total, 0);

    for year in [1850, 12_025] {
        let filter = ReferralFilter { year: Some(year), ..Default::default() };
        let e = s.list_referrals(&filter, PageRequest::LARGEST).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some("year")));
        assert!(e.message.contains(&year.to_string()), "{}", e.message);
        assert_eq!(s.referral_partners(&filter).unwrap_err().field.as_deref(), Some("year"));
    }
}
