//! Encryption at rest, tested as a thief with the laptop would try it: the bytes of every
//! file Jalons writes, read raw; the database opened without the key or with another; and
//! a plain database of an earlier Jalons, converted.

mod common;

use std::path::{Path, PathBuf};

use jalons_core::attachments::{AttachmentOwner, OwnerKind};
use jalons_core::backup::{self, BackupReason};
use jalons_core::crypto::{self, DataKey, convert};
use jalons_core::paging::PageRequest;
use jalons_core::structures::{ContactInput, StructureInput};
use jalons_core::{ErrorCode, Store};

/// 50 people with their e-mail, on 10 structures, one attached file naming them.
fn seed(s: &mut Store, dir: &Path) -> Vec<String> {
    let mut needles = Vec::new();
    for k in 0..10 {
        let contacts: Vec<ContactInput> = (0..5)
            .map(|c| {
                let n = k * 5 + c;
                ContactInput {
                    name: format!("Personne{n:02} Témoin{n:02}"),
                    role: "president".into(),
                    email: format!("temoin{n:02}@exemple-asso.fr"),
                    lawful_basis: "legitimate_interest".into(),
                    ..Default::default()
                }
            })
            .collect();
        for c in &contacts {
            needles.push(c.name.clone());
            needles.push(c.email.clone());
        }
        let structure = s
            .create_structure(&StructureInput {
                name: format!("Compagnie Témoin {k}"),
                legal_form: "association".into(),
                commune_code: "26113".into(),
                contacts,
                ..Default::default()
            })
            .unwrap();
        if k == 0 {
            let letter = dir.join("courrier.txt");
            std::fs::write(&letter, "Courrier à Personne00 Témoin00, temoin00@exemple-asso.fr").unwrap();
            let owner = AttachmentOwner { kind: OwnerKind::Structure, id: structure.id };
            s.attach_file(&owner, &letter, true).unwrap();
            std::fs::remove_file(letter).unwrap();
        }
    }
    needles
}

#[test]
fn fifty_names_and_e_mails_are_readable_nowhere_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("donnees");
    let db = data.join("jalons.sqlite");
    let key = crypto::choose_phrase(&db, common::PHRASE, common::PHRASE, None).unwrap();
    let mut s = Store::open(&db, &key).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    let needles = seed(&mut s, dir.path());
    assert!(Path::new(&format!("{}-wal", db.display())).is_file(), "the WAL is read too");
    let folder = data.join("sauvegardes");
    backup::take(&db, &key, &folder, BackupReason::Manual, common::at("2026-12-01 09:30:00")).unwrap();

    assert_eq!(common::found_in_files(&data, &needles), Vec::<String>::new());
    let raw = std::fs::read(&db).unwrap();
    assert!(!raw.starts_with(b"SQLite format 3"));
    let secure: i64 = s.read().unwrap().pragma_query_value(None, "secure_delete", |r| r.get(0)).unwrap();
    assert_eq!(secure, 1, "deleted rows are overwritten");
    drop(s);
    assert_eq!(common::found_in_files(&data, &needles), Vec::<String>::new(), "after the WAL is folded at close");

    // As the sqlite3 tool would: without the key, nothing is read.
    let plain = rusqlite::Connection::open(&db).unwrap();
    let refused = plain.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0));
    assert!(refused.is_err(), "{refused:?}");
}

#[test]
fn a_wrong_passphrase_or_key_is_refused_in_french_and_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jalons.sqlite");
    let key = crypto::choose_phrase(&db, common::PHRASE, common::PHRASE, None).unwrap();
    Store::open(&db, &key).unwrap().set_user_name("Camille Martin").unwrap();
    let before = std::fs::read(&db).unwrap();

    let wrong = crypto::key_from_phrase(&db, "lavande Diois tracteur 1988").unwrap_err();
    assert_eq!(wrong.field.as_deref(), Some("passphrase"));
    assert!(wrong.message.starts_with("Phrase secrète incorrecte"), "{}", wrong.message);
    let other = Store::open(&db, &DataKey::generate().unwrap()).err().unwrap();
    assert_eq!(other.code, ErrorCode::NotJalons);
    assert!(other.message.contains("ne s'ouvre pas avec la clé"), "{}", other.message);
    assert_eq!(std::fs::read(&db).unwrap(), before, "a refused key changes nothing");
    let recovered = DataKey::from_recovery(&key.to_recovery()).unwrap();
    assert_eq!(Store::open(&db, &recovered).unwrap().settings().unwrap().user_name.as_deref(), Some("Camille Martin"));
}

/// A plain database of an earlier Jalons, its plain backup and plain attached files.
fn earlier_jalons(dir: &Path) -> (PathBuf, Vec<String>) {
    let scratch = dir.join("source.sqlite");
    let key = DataKey::generate().unwrap();
    let mut s = Store::open(&scratch, &key).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    let needles = seed(&mut s, dir);
    let sha: String = s.read().unwrap().query_row("SELECT sha256 FROM stored_files", [], |r| r.get(0)).unwrap();
    drop(s);
    let db = dir.join("jalons.sqlite");
    let conn = rusqlite::Connection::open(&scratch).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex())).unwrap();
    conn.execute("ATTACH DATABASE ?1 AS plain_db KEY ?2", [db.to_str().unwrap(), ""]).unwrap();
    conn.query_row("SELECT sqlcipher_export('plain_db')", [], |_| Ok(())).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA plain_db.user_version = {version}; PRAGMA plain_db.application_id = 1246514771;"
    ))
    .unwrap();
    drop(conn);
    std::fs::remove_file(&scratch).unwrap();
    std::fs::remove_dir_all(dir.join("source-fichiers")).unwrap();
    let letter = dir.join("jalons-fichiers").join(&sha[..2]);
    std::fs::create_dir_all(&letter).unwrap();
    std::fs::write(letter.join(&sha), "Courrier à Personne00 Témoin00, temoin00@exemple-asso.fr").unwrap();
    let folder = backup::default_folder(&db);
    std::fs::create_dir_all(folder.join("fichiers").join(&sha[..2])).unwrap();
    std::fs::copy(&db, folder.join("jalons-2026-11-30-180000-fermeture.sqlite")).unwrap();
    std::fs::copy(letter.join(&sha), folder.join("fichiers").join(&sha[..2]).join(&sha)).unwrap();
    (db, needles)
}

#[test]
fn a_plain_database_of_an_earlier_jalons_is_encrypted_with_its_backups_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let (db, needles) = earlier_jalons(dir.path());
    assert!(!common::found_in_files(dir.path(), &needles).is_empty(), "the earlier Jalons left them readable");
    assert_eq!(crypto::need(&db).unwrap(), crypto::LockNeed::Convert);
    assert_eq!(Store::open(&db, &DataKey::generate().unwrap()).err().unwrap().code, ErrorCode::Unencrypted);

    let folder = backup::default_folder(&db);
    let weak = crypto::protect(&db, "court", "court", &folder).unwrap_err();
    assert_eq!(weak.field.as_deref(), Some("passphrase"));
    assert!(std::fs::read(&db).unwrap().starts_with(b"SQLite format 3"), "a refusal converts nothing");
    let key = crypto::protect(&db, common::PHRASE, common::PHRASE, &folder).unwrap();
    assert_eq!(crypto::key_from_phrase(&db, common::PHRASE).unwrap(), key);
    assert!(!jalons_core::store::is_plain(&db).unwrap());
    assert!(!jalons_core::store::is_plain(&folder.join("jalons-2026-11-30-180000-fermeture.sqlite")).unwrap());
    let sealed: Vec<PathBuf> = common::files_under(&dir.path().join("jalons-fichiers"))
        .into_iter()
        .chain(common::files_under(&folder.join("fichiers")))
        .collect();
    assert_eq!(sealed.len(), 2, "the database's file and the backup's, each sealed once");
    assert_eq!(common::found_in_files(dir.path(), &needles), Vec::<String>::new());
    assert!(!Path::new(&format!("{}-avant-chiffrement", db.display())).exists());

    let s = Store::open(&db, &key).unwrap();
    assert_eq!(s.list_structures(&Default::default(), PageRequest::LARGEST).unwrap().rows.len(), 10);
    assert!(s.verify().unwrap().is_sound(), "{:?}", s.verify().unwrap().lines());
    let listed = backup::list(&folder, &db, &key);
    assert_eq!(listed[0].holds.as_ref().unwrap().structures, 10, "the backup is encrypted and still whole");
    let attached = s.check_audit_chain().unwrap();
    assert!(attached.broken.is_none());
    drop(s);
    assert_eq!(
        convert::encrypt_everything(&db, &key, &folder).unwrap(),
        convert::Converted::default(),
        "once is enough"
    );
}

#[test]
fn a_conversion_cut_short_is_finished_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = earlier_jalons(dir.path());
    let aside = PathBuf::from(format!("{}-avant-chiffrement", db.display()));
    // Cut after the plain file was moved aside, before the encrypted one took its place.
    std::fs::rename(&db, &aside).unwrap();
    convert::finish_interrupted(&db).unwrap();
    assert!(db.is_file() && !aside.exists(), "the plain original is put back, never lost");
    assert_eq!(crypto::need(&db).unwrap(), crypto::LockNeed::Convert);
}

#[test]
fn a_plain_backup_from_elsewhere_is_restored_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = earlier_jalons(dir.path());
    // A copy of the earlier Jalons's backup kept on a USB stick, with its files.
    let usb = dir.path().join("usb");
    let name = "jalons-2026-11-30-180000-fermeture.sqlite";
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::copy(backup::default_folder(&db).join(name), usb.join(name)).unwrap();
    let plain_files = backup::default_folder(&db).join("fichiers");
    for shard in std::fs::read_dir(&plain_files).unwrap().flatten() {
        let to = usb.join("fichiers").join(shard.file_name());
        std::fs::create_dir_all(&to).unwrap();
        for f in std::fs::read_dir(shard.path()).unwrap().flatten() {
            std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
        }
    }
    let before = std::fs::read(usb.join(name)).unwrap();

    let key = crypto::choose_phrase(&db, common::PHRASE, common::PHRASE, None).unwrap();
    convert::encrypt_everything(&db, &key, &backup::default_folder(&db)).unwrap();
    let mut s = Store::open(&db, &key).unwrap();
    let letter = s
        .list_structures(&Default::default(), PageRequest::LARGEST)
        .unwrap()
        .rows
        .into_iter()
        .find(|x| x.name == "Compagnie Témoin 0");
    let owner = AttachmentOwner { kind: OwnerKind::Structure, id: letter.unwrap().id };
    let attached = s.list_attachments(&owner).unwrap().remove(0);
    s.remove_attachment(&attached.id).unwrap();

    s.restore(&usb.join(name), &usb, common::at("2026-12-01 10:00:00")).unwrap();
    let copy = s.attachment_copy(&attached.id, &dir.path().join("ouverts")).unwrap();
    assert!(std::fs::read_to_string(copy).unwrap().starts_with("Courrier à Personne00"));
    assert!(s.verify().unwrap().is_sound());
    assert_eq!(std::fs::read(usb.join(name)).unwrap(), before, "the backup restored from is left untouched");
}
