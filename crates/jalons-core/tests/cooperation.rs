mod common;

use common::{store, structure};
use jalons_core::cooperation::{CooperationFilter, CooperationInput, CooperationKind, CooperationStage, MemberInput};
use jalons_core::paging::PageRequest;

fn lieu(members: &[(&str, &str)]) -> CooperationInput {
    CooperationInput {
        name: "La Halle aux Arts de Die".into(),
        kind: "shared_place".into(),
        stage: "study".into(),
        started_on: "2025-09-01".into(),
        territory: "Pays Diois".into(),
        notes: "Une ancienne halle partagée entre deux compagnies et une radio.".into(),
        members: members
            .iter()
            .map(|(id, role)| MemberInput { structure_id: (*id).into(), role: (*role).into() })
            .collect(),
    }
}

#[test]
fn a_lieu_partage_is_found_from_each_of_its_structures() {
    let mut s = store();
    let sillon = structure(&mut s, "Compagnie du Sillon");
    let echelle = structure(&mut s, "Théâtre de la Courte Échelle");
    let other = structure(&mut s, "Radio Pays d'Auvergne");
    let p = s.create_cooperation(&lieu(&[(&sillon, "Porteur"), (&echelle, "")])).unwrap();
    assert_eq!((p.kind, p.stage), (CooperationKind::SharedPlace, CooperationStage::Study));
    assert_eq!(p.members[0].role.as_deref(), Some("Porteur"));
    assert_eq!(p.members[1].structure_name, "Théâtre de la Courte Échelle");

    for id in [&sillon, &echelle] {
        let found = s
            .list_cooperations(
                &CooperationFilter { structure_id: Some(id.clone()), ..Default::default() },
                PageRequest::LARGEST,
            )
            .map(|p| p.rows)
            .unwrap();
        assert_eq!(found.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["La Halle aux Arts de Die"]);
    }
    let none = s
        .list_cooperations(&CooperationFilter { structure_id: Some(other), ..Default::default() }, PageRequest::LARGEST)
        .map(|p| p.rows)
        .unwrap();
    assert!(none.is_empty());
    let by_member_name = s
        .list_cooperations(
            &CooperationFilter { query: "courte echelle".into(), ..Default::default() },
            PageRequest::LARGEST,
        )
        .map(|p| p.rows)
        .unwrap();
    assert_eq!(by_member_name.len(), 1);
}

#[test]
fn a_cooperation_needs_two_distinct_existing_structures() {
    let mut s = store();
    let sillon = structure(&mut s, "Compagnie du Sillon");
    let e = s.create_cooperation(&lieu(&[(&sillon, "")])).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("members"));
    let e = s.create_cooperation(&lieu(&[(&sillon, ""), (&sillon, "")])).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("members.1.structure_id"));
    let e = s.create_cooperation(&lieu(&[(&sillon, ""), ("0190a0a0-0000-7000-8000-000000000000", "")])).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("members.1.structure_id"));
    let e = s.create_cooperation(&CooperationInput { kind: String::new(), ..lieu(&[]) }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("kind"));
    assert!(
        s.list_cooperations(&CooperationFilter::default(), PageRequest::LARGEST).map(|p| p.rows).unwrap().is_empty()
    );
}

#[test]
fn an_update_replaces_the_members_and_is_audited_by_name() {
    let mut s = store();
    let a = structure(&mut s, "Compagnie du Sillon");
    let b = structure(&mut s, "Théâtre de la Courte Échelle");
    let c = structure(&mut s, "Radio Pays d'Auvergne");
    let p = s.create_cooperation(&lieu(&[(&a, ""), (&b, "")])).unwrap();
    let updated = s
        .update_cooperation(&p.id, &CooperationInput { stage: "running".into(), ..lieu(&[(&a, ""), (&c, "Associée")]) })
        .unwrap();
    assert_eq!(updated.members.len(), 2);
    assert_eq!(updated.members[1].structure_name, "Radio Pays d'Auvergne");
    let history = s.cooperation_history(&p.id, PageRequest::LARGEST).unwrap().rows;
    let members = history[0].changes.iter().find(|c| c.field == "members").unwrap();
    assert_eq!(members.to, "Compagnie du Sillon, Radio Pays d'Auvergne (Associée)");
    let none = s
        .list_cooperations(&CooperationFilter { structure_id: Some(b), ..Default::default() }, PageRequest::LARGEST)
        .map(|p| p.rows)
        .unwrap();
    assert!(none.is_empty());
}
