mod common;

use common::{open_case, structure};
use jalons_core::attachments::{AttachmentOwner, OwnerKind};
use jalons_core::journal::JournalInput;
use jalons_core::{ErrorCode, Store};

fn store_on_disk() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("jalons.sqlite"), &common::key()).unwrap();
    s.set_user_name("Camille Martin").unwrap();
    (dir, s)
}

fn file(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn stored_files(dir: &tempfile::TempDir) -> usize {
    walk(&dir.path().join("jalons-fichiers"))
}

fn only_stored_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let shard = std::fs::read_dir(dir.path().join("jalons-fichiers")).unwrap().next().unwrap().unwrap().path();
    std::fs::read_dir(shard).unwrap().next().unwrap().unwrap().path()
}

fn walk(p: &std::path::Path) -> usize {
    std::fs::read_dir(p)
        .map_or(0, |entries| entries.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
}

#[test]
fn the_same_file_twice_is_stored_once_and_goes_with_its_last_attachment() {
    let (dir, mut s) = store_on_disk();
    let sid = structure(&mut s, "Compagnie du Sillon");
    let case_id = open_case(&mut s, &sid, "2025-01-06");
    let pdf = file(&dir, "compte-rendu.pdf", b"%PDF-1.4 compte rendu");
    let on_case = AttachmentOwner { kind: OwnerKind::Case, id: case_id.clone() };
    let on_structure = AttachmentOwner { kind: OwnerKind::Structure, id: sid.clone() };
    let a = s.attach_file(&on_case, &pdf, true).unwrap();
    let b = s.attach_file(&on_structure, &pdf, false).unwrap();
    assert_eq!(
        (a.name.as_str(), a.mime.as_str(), a.size, a.confidential),
        ("compte-rendu.pdf", "application/pdf", 21, true)
    );
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(stored_files(&dir), 1);
    assert_eq!(s.list_attachments(&on_case).unwrap(), std::slice::from_ref(&a));

    let sealed = std::fs::read(only_stored_file(&dir)).unwrap();
    assert!(!sealed.windows(8).any(|w| w == b"%PDF-1.4"), "the stored copy is sealed");
    let opened = dir.path().join("ouverts");
    let copy = s.attachment_copy(&a.id, &opened).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF-1.4 compte rendu");
    assert!(copy.starts_with(&opened));
    assert_eq!(copy.file_name().unwrap(), "compte-rendu.pdf");
    std::fs::remove_file(&pdf).unwrap();
    assert!(s.attachment_copy(&a.id, &opened).is_ok(), "the copy does not depend on the original");

    s.remove_attachment(&a.id).unwrap();
    assert_eq!(stored_files(&dir), 1, "still used by the structure");
    s.remove_attachment(&b.id).unwrap();
    assert_eq!(stored_files(&dir), 0);
    assert_eq!(s.attachment_copy(&b.id, &opened).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn missing_oversized_or_orphan_files_are_refused_in_french() {
    let (dir, mut s) = store_on_disk();
    let sid = structure(&mut s, "Compagnie du Sillon");
    let owner = AttachmentOwner { kind: OwnerKind::Structure, id: sid };
    let e = s.attach_file(&owner, &dir.path().join("absent.pdf"), false).unwrap_err();
    assert_eq!(
        (e.field.as_deref(), e.message.as_str()),
        (Some("file"), "Le fichier «\u{a0}absent.pdf\u{a0}» est introuvable.")
    );
    let big = dir.path().join("gros.mp4");
    std::fs::File::create(&big).unwrap().set_len(jalons_core::attachments::MAX_SIZE + 1).unwrap();
    let e = s.attach_file(&owner, &big, false).unwrap_err();
    assert_eq!(e.message, "Le fichier «\u{a0}gros.mp4\u{a0}» fait 101 Mo\u{a0}: Jalons accepte jusqu'à 100 Mo.");
    let e = s.attach_file(&owner, dir.path(), false).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("file"));
    let nobody = AttachmentOwner { kind: OwnerKind::Case, id: "0190a0a0-0000-7000-8000-000000000000".into() };
    let e = s.attach_file(&nobody, &file(&dir, "a.txt", b"a"), false).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(s.list_attachments(&owner).unwrap().is_empty());
}

#[test]
fn deleting_a_journal_entry_takes_its_attachments() {
    let (dir, mut s) = store_on_disk();
    let sid = structure(&mut s, "Compagnie du Sillon");
    let entry = s
        .create_journal_entry(&JournalInput {
            structure_id: sid,
            kind: "meeting".into(),
            occurred_on: "2025-02-03".into(),
            body: "Compte rendu joint.".into(),
            ..Default::default()
        })
        .unwrap();
    let owner = AttachmentOwner { kind: OwnerKind::Journal, id: entry.id.clone() };
    s.attach_file(&owner, &file(&dir, "cr.odt", b"odt"), false).unwrap();
    s.delete_journal_entry(&entry.id).unwrap();
    assert_eq!(stored_files(&dir), 0);
}

#[test]
fn a_database_in_memory_has_no_attachments() {
    let mut s = Store::open_in_memory().unwrap();
    let sid = structure(&mut s, "Compagnie du Sillon");
    let dir = tempfile::tempdir().unwrap();
    let e = s.attach_file(&AttachmentOwner { kind: OwnerKind::Structure, id: sid }, &file(&dir, "a.txt", b"a"), false);
    assert_eq!(e.unwrap_err().code, ErrorCode::Conflict);
}
