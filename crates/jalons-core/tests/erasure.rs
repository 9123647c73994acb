//! The right to erasure and the right of access, tested as the issue asks: a marker person
//! edited five times, named in the journal, an interview, a case's request and an attached
//! file; after « Effacer », found nowhere (files read raw, every table and search index
//! read through the key, the search), the audit chain whole, and erased again when a
//! backup from before is restored.

mod common;

use jalons_core::paging::PageRequest;
use std::path::{Path, PathBuf};

use jalons_core::attachments::{AttachmentOwner, OwnerKind};
use jalons_core::backup::{self, BackupReason};
use jalons_core::cases::CaseInput;
use jalons_core::journal::JournalInput;
use jalons_core::privacy::{ERASED, PersonRef};
use jalons_core::structures::{ContactInput, StructureInput};
use jalons_core::{Store, crypto};

const NAME: &str = "Zélie Brantôme-Quaix";
const EMAIL: &str = "zelie.bq@exemple-asso.fr";
const PHONE: &str = "06 71 82 93 04";

/// The marker's bytes as they could be stored: as typed, folded as the search index keeps
/// words, and the rarest word alone.
const MARKERS: &[&str] = &["Brantôme", "brantome", "Quaix", "quaix", "zelie.bq", "71 82 93 04", "0671829304"];

/// Every cell of every table, search indexes and their shadow tables included, read
/// through the key; and every word the indexes hold.
fn readable_hits(s: &Store) -> Vec<String> {
    let conn = s.read().unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut found = Vec::new();
    let mut look = |place: String, bytes: &[u8]| {
        let lower = String::from_utf8_lossy(bytes).to_lowercase();
        for m in MARKERS {
            if lower.contains(&m.to_lowercase()) {
                found.push(format!("{m} in {place}"));
            }
        }
    };
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let deflated = stmt.column_index("changes_deflated").ok();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            for i in 0..n {
                match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Blob(b) if Some(i) == deflated => {
                        let mut text = Vec::new();
                        std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(b), &mut text).unwrap();
                        look(format!("{t} (deflated)"), &text);
                    }
                    rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => look(t.clone(), b),
                    _ => {}
                }
            }
        }
    }
    drop(conn);
    let conn = s.read().unwrap();
    for index in ["search_index", "journal_index"] {
        let words: Vec<String> = conn
            .prepare(&format!("SELECT term FROM {index}_words"))
            .or_else(|_| {
                conn.execute_batch(&format!("PRAGMA query_only = 0; CREATE VIRTUAL TABLE temp.{index}_words USING fts5vocab(main, {index}, row); PRAGMA query_only = 1;"))
                    .unwrap();
                conn.prepare(&format!("SELECT term FROM {index}_words"))
            })
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for w in words {
            look(format!("{index} words"), w.as_bytes());
        }
    }
    found
}

fn contact(name: &str, role: &str, email: &str, phone: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        role: role.into(),
        email: email.into(),
        phone: phone.into(),
        lawful_basis: "legitimate_interest".into(),
        ..Default::default()
    }
}

struct Seeded {
    structure_id: String,
    marker_id: String,
    other_id: String,
}

/// The marker contact edited five times beside another contact, named in two journal
/// entries, an interview, a case's request and an attached file's name.
fn seed(s: &mut Store, dir: &Path) -> Seeded {
    let mut input = StructureInput {
        name: "Compagnie des Hautes Herbes".into(),
        legal_form: "association".into(),
        commune_code: "26113".into(),
        contacts: vec![contact(NAME, "president", EMAIL, PHONE), contact("Jean Rivière", "treasurer", "", "")],
        ..Default::default()
    };
    let created = s.create_structure(&input).unwrap();
    for (k, role) in ["treasurer", "director", "employee", "volunteer", "president"].iter().enumerate() {
        input.contacts = created
            .contacts
            .iter()
            .map(|c| {
                let mut i =
                    contact(&c.name, c.role.code(), c.email.as_deref().unwrap_or(""), c.phone.as_deref().unwrap_or(""));
                i.id = c.id.clone();
                i
            })
            .collect();
        input.contacts[0].role = (*role).into();
        input.contacts[0].phone = if k % 2 == 0 { "+33 6 71 82 93 04".into() } else { PHONE.into() };
        s.update_structure(&created.id, &input).unwrap();
    }
    let structure = s.get_structure(&created.id).unwrap();
    let marker_id = structure.contacts[0].id.clone();
    let other_id = structure.contacts[1].id.clone();
    let case_id = s
        .open_case(&CaseInput {
            structure_id: created.id.clone(),
            request_date: "2026-09-01".into(),
            channel: "phone".into(),
            requester: format!("{NAME} (présidente)"),
            referral_source: "network".into(),
            request_text: format!("Appel de {NAME} : consolider l'emploi. Rappeler au {PHONE}."),
        })
        .unwrap()
        .id;
    common::move_to(s, &case_id, "diagnostic", "2026-09-08").unwrap();
    let mut d = common::full_diagnostic("");
    d.interviews[0].date = "2026-09-15".into();
    d.interviews[0].contact_ids = vec![marker_id.clone(), other_id.clone()];
    d.interviews[0].people = "Léo Petit (administrateur)".into();
    d.interviews[0].notes = format!("BRANTÔME-QUAIX Zélie porte le projet\u{202f}; écrire à {EMAIL}.");
    s.save_diagnostic(&case_id, &d).unwrap();
    for (day, body) in
        [("2026-09-02", "Premier appel, très motivée."), ("2026-09-20", "Point avec Zélie Brantôme-Quaix et Jean.")]
    {
        s.create_journal_entry(&JournalInput {
            structure_id: created.id.clone(),
            case_id: case_id.clone(),
            kind: "call".into(),
            occurred_on: day.into(),
            people: vec![NAME.into(), "Jean Rivière".into()],
            body: body.into(),
            ..Default::default()
        })
        .unwrap();
    }
    let cv = dir.join(format!("CV {NAME}.txt"));
    std::fs::write(&cv, "Curriculum vitae").unwrap();
    let owner = AttachmentOwner { kind: OwnerKind::Structure, id: created.id.clone() };
    s.attach_file(&owner, &cv, true).unwrap();
    let minutes = dir.join("compte-rendu.txt");
    std::fs::write(&minutes, "Compte rendu").unwrap();
    s.attach_file(&owner, &minutes, false).unwrap();
    Seeded { structure_id: created.id, marker_id, other_id }
}

fn open(dir: &Path) -> (Store, PathBuf, crypto::DataKey) {
    let data = dir.join("donnees");
    let db = data.join("jalons.sqlite");
    let key = crypto::choose_phrase(&db, common::PHRASE, common::PHRASE, None).unwrap();
    let mut s = Store::open(&db, &key).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    (s, db, key)
}

#[test]
fn an_erased_contact_is_found_nowhere_and_stays_erased_after_a_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, db, key) = open(dir.path());
    let seeded = seed(&mut s, dir.path());
    let folder = db.parent().unwrap().join("sauvegardes");
    let before = backup::take(&db, &key, &folder, BackupReason::Manual, common::at("2026-10-01 09:00:00")).unwrap();
    let before_erasure = readable_hits(&s);
    assert!(before_erasure.iter().any(|h| h.ends_with("audit_log (deflated)")), "{before_erasure:?}");

    let person = PersonRef::Contact { id: seeded.marker_id.clone() };
    let plan = s.erasure_plan(&person).unwrap();
    assert_eq!(plan.name, NAME);
    assert_eq!(plan.record.as_deref(), Some("Contact de la structure Compagnie des Hautes Herbes (président·e)"));
    assert_eq!(plan.files, vec![format!("CV {NAME}.txt")]);
    assert!(plan.found.contains(&"2\u{a0}entrées du journal".to_owned()), "{:?}", plan.found);
    assert!(plan.found.contains(&"1\u{a0}entretien du diagnostic".to_owned()), "{:?}", plan.found);
    assert!(plan.found.iter().any(|f| f.ends_with("lignes de l'historique")), "{:?}", plan.found);

    let done = s.erase_person(&person).unwrap();
    assert_eq!(done, plan.found);
    s.checkpoint().unwrap();

    assert_eq!(readable_hits(&s), Vec::<String>::new());
    assert_eq!(common::found_in_files(db.parent().unwrap(), MARKERS), Vec::<String>::new());
    for typed in ["Brantôme", "Quaix", "zelie.bq", "Zélie"] {
        assert!(s.search(typed, 10).unwrap().groups.is_empty(), "{typed}");
    }
    assert_eq!(s.check_audit_chain().unwrap().broken, None);

    let structure = s.get_structure(&seeded.structure_id).unwrap();
    assert_eq!(structure.contacts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec![seeded.other_id.as_str()]);
    let journal = s.list_journal(&Default::default(), jalons_core::paging::PageRequest::LARGEST).unwrap().rows;
    assert!(journal.iter().all(|j| j.people == vec![ERASED.to_owned(), "Jean Rivière".to_owned()]), "{journal:?}");
    assert!(journal.iter().any(|j| j.body == format!("Point avec {ERASED} et Jean.")));
    let attachments =
        s.list_attachments(&AttachmentOwner { kind: OwnerKind::Structure, id: seeded.structure_id.clone() }).unwrap();
    assert_eq!(attachments.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["compte-rendu.txt"]);
    assert!(s.erasure_plan(&person).is_err(), "the contact is gone");

    // A backup from before the erasure, restored: the person is erased again at once.
    s.restore(&folder.join(&before.file_name), &folder, common::at("2026-12-01 10:00:00")).unwrap();
    s.checkpoint().unwrap();
    assert_eq!(readable_hits(&s), Vec::<String>::new());
    assert!(s.search("Brantôme", 10).unwrap().groups.is_empty());
    assert_eq!(s.check_audit_chain().unwrap().broken, None);
    let structure = s.get_structure(&seeded.structure_id).unwrap();
    assert_eq!(structure.contacts.len(), 1);
}

#[test]
fn the_access_file_gathers_every_record_mention_history_line_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, _) = open(dir.path());
    let seeded = seed(&mut s, dir.path());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let data = s.person_data(&PersonRef::Contact { id: seeded.marker_id }, today).unwrap();
    let t = &data.text;
    assert!(t.starts_with(&format!("Données personnelles de {NAME} détenues par le DLA dans Jalons")), "{t}");
    for line in [
        format!("Courriel\u{a0}: {EMAIL}"),
        "Base légale\u{a0}: Intérêt légitime (accompagnement en cours), depuis le".to_owned(),
        "Point avec Zélie Brantôme-Quaix et Jean.".to_owned(),
        "BRANTÔME-QUAIX Zélie porte le projet".to_owned(),
        format!("CV {NAME}.txt"),
        "Fiche de structure le ".to_owned(),
        "— entretien du diagnostic du 15/09/2026, accompagnement ".to_owned(),
    ] {
        assert!(t.contains(&line), "{line} missing from:\n{t}");
    }
    assert!(!t.contains("compte-rendu"), "a file not named after them is not theirs");

    let typed = s.person_data(&PersonRef::Named { name: "Léo Petit".into() }, today).unwrap();
    assert!(typed.text.contains("Léo Petit (administrateur)"), "{}", typed.text);
    assert!(typed.text.contains("aucune (nom cité dans les textes)"));
}

#[test]
fn a_typed_name_is_erased_and_its_tombstone_keeps_no_name() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, db, key) = open(dir.path());
    seed(&mut s, dir.path());
    let folder = db.parent().unwrap().join("sauvegardes");
    let before = backup::take(&db, &key, &folder, BackupReason::Manual, common::at("2026-10-01 09:00:00")).unwrap();
    s.erase_person(&PersonRef::Named { name: "  léo   PETIT ".into() }).unwrap();
    let found = |s: &Store| s.person_data(&PersonRef::Named { name: "Léo Petit".into() }, s.today()).unwrap().mentions;
    assert_eq!(found(&s), 0);
    let conn = s.read().unwrap();
    let subject: String =
        conn.query_row("SELECT subject FROM erasures WHERE kind = 'named'", [], |r| r.get(0)).unwrap();
    assert_eq!(subject.len(), 64);
    assert!(!subject.to_lowercase().contains("petit"));
    drop(conn);
    s.restore(&folder.join(&before.file_name), &folder, common::at("2026-12-01 10:00:00")).unwrap();
    assert_eq!(found(&s), 0, "erased again after the restore");
}

#[test]
fn erasing_someone_unknown_is_refused_in_french() {
    let mut s = common::store();
    let e = s.erase_person(&PersonRef::Contact { id: "0190a0b0-0000-7000-8000-000000000000".into() }).unwrap_err();
    assert_eq!(e.message, "Cette personne n'existe pas ou plus (elle a peut-être déjà été effacée).");
    let e = s.erase_person(&PersonRef::Named { name: "  ".into() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("name"));
    let e = s.erase_person(&PersonRef::Contact { id: "../../etc".into() }).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("id"));
}

#[test]
fn a_namesake_with_a_record_of_their_own_is_shown_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _, _) = open(dir.path());
    let seeded = seed(&mut s, dir.path());
    let partner = s
        .create_partner(&jalons_core::partners::PartnerInput {
            name: "CRESS Auvergne-Rhône-Alpes".into(),
            kind: "cress".into(),
            contacts: vec![jalons_core::partners::PartnerContactInput {
                name: NAME.into(),
                role: "Observatoire".into(),
                email: "zbq@cress-aura.org".into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .unwrap();
    let person = PersonRef::Contact { id: seeded.marker_id };
    let plan = s.erasure_plan(&person).unwrap();
    assert_eq!(plan.others, vec!["Contact du partenaire CRESS Auvergne-Rhône-Alpes (Observatoire)".to_owned()]);
    let today = s.today();
    let data = s.person_data(&person, today).unwrap().text;
    assert!(data.contains("Autres fiches au même nom"));
    assert!(!data.contains("zbq@cress-aura.org"), "the namesake's data is not in the file:\n{data}");
    s.erase_person(&person).unwrap();
    let kept = s.get_partner(&partner.id).unwrap();
    assert_eq!((kept.contacts[0].name.as_str(), kept.contacts[0].email.as_deref()), (NAME, Some("zbq@cress-aura.org")));
    let found = s
        .list_partners(
            &jalons_core::partners::PartnerFilter { query: "Brantome".into(), ..Default::default() },
            PageRequest::LARGEST,
        )
        .map(|p| p.rows);
    assert_eq!(found.unwrap().len(), 1, "the namesake's partner is still found by her name");
}

#[test]
fn a_partner_contact_keeps_its_id_and_basis_from_save_to_save_then_is_erased_from_the_partner() {
    let mut s = common::store();
    let mut input = jalons_core::partners::PartnerInput {
        name: "France Active Drôme-Ardèche".into(),
        kind: "solidarity_finance".into(),
        contacts: vec![jalons_core::partners::PartnerContactInput {
            name: "Hugo Vernet".into(),
            email: "h.vernet@franceactive.org".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let created = s.create_partner(&input).unwrap();
    let first = created.contacts[0].clone();
    assert_eq!(first.lawful_basis.code(), "legitimate_interest", "a professional contact's usual basis");
    assert_eq!(first.lawful_basis_since, Some(s.today()));
    input.contacts[0].id = first.id.clone();
    input.contacts[0].role = "Chargé d'investissement".into();
    let saved = s.update_partner(&created.id, &input).unwrap();
    assert_eq!(saved.contacts[0].id, first.id, "the id is kept, so a tombstone still finds them");
    input.contacts[0].lawful_basis = "nonsense".into();
    assert_eq!(s.update_partner(&created.id, &input).unwrap_err().field.as_deref(), Some("contacts.0.lawful_basis"));

    s.erase_person(&PersonRef::PartnerContact { id: first.id }).unwrap();
    assert!(s.get_partner(&created.id).unwrap().contacts.is_empty());
    let filter = jalons_core::partners::PartnerFilter { query: "Vernet".into(), ..Default::default() };
    assert!(
        s.list_partners(&filter, PageRequest::LARGEST).map(|p| p.rows).unwrap().is_empty(),
        "the partner's search words forget them"
    );
    assert!(s.search("Vernet", 10).unwrap().groups.is_empty());
}

#[test]
fn an_erased_consultant_stays_for_the_engagements_anonymised() {
    let mut s = common::store();
    let id = common::consultant(&mut s, "Élise Garnier");
    let plan = s.erasure_plan(&PersonRef::Consultant { id: id.clone() }).unwrap();
    assert_eq!(plan.record.as_deref(), Some("Consultant du registre (Coop Conseil)"));
    s.erase_person(&PersonRef::Consultant { id: id.clone() }).unwrap();
    let c = s.get_consultant(&id).unwrap();
    assert_eq!((c.name.as_str(), c.email.as_deref(), c.erased), (ERASED, None, true));
    assert!(s.search("Garnier", 10).unwrap().groups.is_empty());
    let again = s.erasure_plan(&PersonRef::Consultant { id }).unwrap_err();
    assert_eq!(again.code, jalons_core::ErrorCode::NotFound);
}

#[test]
fn people_named_without_a_record_have_the_basis_of_their_kind_with_its_day() {
    let (mut s, _) = common::case();
    let bases = s.typed_people_bases().unwrap();
    assert_eq!(bases.len(), 3);
    assert!(bases.iter().all(|b| b.lawful_basis.code() == "legitimate_interest" && b.since.is_none()));
    let set = s.set_typed_people_basis("requesters", "public_interest").unwrap();
    assert_eq!(set[0].since, Some(s.today()));
    assert_eq!(s.set_typed_people_basis("requesters", "public_interest").unwrap(), set, "unchanged, same day");
    assert_eq!(s.set_typed_people_basis("visitors", "consent").unwrap_err().field.as_deref(), Some("kind"));
    assert_eq!(s.set_typed_people_basis("met", "").unwrap_err().field.as_deref(), Some("lawful_basis"));

    let today = s.today();
    let text = s.person_data(&PersonRef::Named { name: "Awa Diallo".into() }, today).unwrap().text;
    let day = today.format("%d/%m/%Y");
    assert!(
        text.contains(&format!(
            "Base légale (demandeurs d'un accompagnement)\u{a0}: Mission d'intérêt public, depuis le {day}"
        )),
        "{text}"
    );
    assert!(!text.contains("personnes présentes au journal"), "not named in the journal:\n{text}");
}
